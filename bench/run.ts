/**
 * `npm run bench`: medians over repeated runs on this machine, run as a
 * bundled build (esbuild) the way the add-in runs its code, after a fresh
 * production build so the reported bundle size is current.
 * - evaluate() over the full national demo scenarios (311 recipients);
 * - allocate() over 290, 100 000 and 1 048 576 keys in the adversarial
 *   orders, beside the float, BigInt-textbook and selection-limit yardsticks
 *   (bench/allocate.ts); FUND_SHARE over a full column with its peak RSS;
 *   the heap left by a 32 767-character decimal key;
 * - the allocation workbooks (what one recalculation passes to Excel), the
 *   pane's views on the in-memory workbook, and the pane in Chromium
 *   (bench/pane-browser.ts: the national build's total time and longest task).
 */
import { evaluate } from "../src/core/evaluate";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { formatStats as fmt, measurePair } from "./timing";
import { runFunctionsBench } from "./functions";
import { fundShareChild, runAllocateBench, runFundShareBench, runLongKeyBench } from "./allocate";
import { runSheetsBench } from "./sheets";
import { runPaneSheetsBench } from "./pane-sheets";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

if (process.argv[2] === "--fundshare") {
  fundShareChild(process.argv[3]);
  process.exit(0);
}

const lines: string[] = [];
const log = (s: string) => {
  lines.push(s);
  console.log(s);
};

// `npm run bench -- --allocator` / `-- --evaluate`: that part only.
const allocatorOnly = process.argv.includes("--allocator");
const evaluateOnly = process.argv.includes("--evaluate");

log(`Stimulans bench — node ${process.version}, ${new Date().toISOString()}`);
log("");
if (allocatorOnly) {
  runAllocator();
  process.exit(0);
}
log("evaluate(), full national demo scenario (290 kommuner + 21 landsting), facts parsed included; medians (min–max), each run from a collected heap, the two measured in alternation:");
for (const id of ["prio-2014", "aldre-2014"]) {
  const a = getAgreement(id);
  const facts = demoFacts(a);
  // Warm up both paths first, so neither is measured while V8 still compiles.
  for (let i = 0; i < 60; i++) {
    evaluate(a, facts, { explain: false });
    evaluate(a, facts);
  }
  // Measured in alternation, so both see the same load; 200 runs each.
  const [bare, traced] = measurePair(
    () => evaluate(a, facts, { explain: false }),
    () => {
      const ev = evaluate(a, facts);
      // The full trace, read: every recipient's explanation assembled.
      for (const r of ev.recipients) void r.events.length;
    },
    200,
  );
  log(
    `  ${id.padEnd(11)} without the trace ${fmt(bare)} ms; with the full typed trace ${fmt(traced)} ms (target < 10 ms); ratio ${(traced.median / bare.median).toFixed(2)}× (target ≤ 2×)`,
  );
}
log("");
if (evaluateOnly) process.exit(0);
runAllocator();
log("");
runFunctionsBench(log);
log("");
void runSheetsBench(log, join(__dirname, "stim.js")).then(async () => {
  log("");
  await runPaneSheetsBench(log);
  log("");
  // What the user feels in the pane: the built page in Chromium (bench/pane-browser.ts, also `npm run bench:pane`).
  log("Task pane in Chromium (the built page, cold cache; bench/pane-browser.ts):");
  const pane = spawnSync(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(process.cwd(), "bench", "pane-browser.ts"), "--runs", "3"], { stdio: "inherit" });
  if (pane.status !== 0) log(pane.error ? `  not measured: ${pane.error.message}` : "  a budget was missed or the browser could not run (see above)");
  log("");
  log(
    "Targets: national evaluation < 10 ms; allocate() 100 000 keys ≤ 10 ms, 1 048 576 keys ≤ 150 ms on every order and faster than float; " +
      "function sheet < 20 ms; the task-pane page, functions and every view chunk included, ≤ 300 KB gzipped (npm run size); the pane in Chromium: npm run bench:pane; stim validate over 21 county workbooks < 5 s.",
  );
});

function runAllocator(): void {
  runAllocateBench(log);
  log("");
  runFundShareBench(log, __filename);
  runLongKeyBench(log);
}
