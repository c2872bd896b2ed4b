/**
 * `npm run bench`: medians over repeated runs on this machine, run as a
 * bundled build (esbuild) the way the add-in runs its code, after a fresh
 * production build so the reported bundle size is current.
 * - evaluate() over the full national demo scenarios (311 recipients);
 * - allocate() over 290, 10 000 and 100 000 keys, beside a plain float
 *   largest-remainder written here as the baseline, as a ratio in the same run.
 */
import { allocate } from "../src/core/allocate";
import { evaluate } from "../src/core/evaluate";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { KOMMUNER } from "../src/reference";
import { time } from "./timing";
import { runFunctionsBench } from "./functions";
import { runSheetsBench } from "./sheets";
import { runPaneSheetsBench } from "./pane-sheets";
import { join } from "node:path";

/** The float baseline: what a spreadsheet-minded implementation would do. */
function floatLargestRemainder(pot: number, keys: number[]): number[] {
  const total = keys.reduce((a, b) => a + b, 0);
  const quotas = keys.map((k) => (pot * k) / total);
  const floors = quotas.map(Math.floor);
  let left = pot - floors.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => [q - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j++, left--) floors[order[j][1]]++;
  return floors;
}

/** Deterministic pseudo-random keys (population-like sizes). */
function keys(n: number): number[] {
  let x = 123456789;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(2000 + (x % 900000));
  }
  return out;
}

const lines: string[] = [];
const log = (s: string) => {
  lines.push(s);
  console.log(s);
};

log(`Stimulans bench — node ${process.version}, ${new Date().toISOString()}`);
log("");
log("evaluate(), full national demo scenario (290 kommuner + 21 landsting), facts validation included:");
for (const id of ["prio-2014", "aldre-2014"]) {
  const a = getAgreement(id);
  const facts = demoFacts(a);
  const amounts = time(() => evaluate(a, facts, { explain: false }), 100);
  const explained = time(() => evaluate(a, facts), 30);
  log(
    `  ${id.padEnd(11)} amounts and statuses ${amounts.toFixed(2)} ms (target < 10 ms); with every explanation built ${explained.toFixed(2)} ms  (medians)`,
  );
}
log("");
log("allocate(): exact BigInt largest remainder vs float baseline (same run):");
const pot = 630_000_000;
const sizes: [number, number][] = [
  [290, 200],
  [10_000, 30],
  [100_000, 9],
];
for (const [n, runs] of sizes) {
  const k = n === 290 ? KOMMUNER.map((x) => x.population) : keys(n);
  const exact = time(() => allocate(pot, k), runs);
  const float = time(() => floatLargestRemainder(pot, k), runs);
  log(
    `  ${String(n).padStart(7)} keys: exact ${exact.toFixed(2)} ms, float ${float.toFixed(2)} ms, ratio ${(exact / float).toFixed(2)}×  (median of ${runs})`,
  );
}
log("");
runFunctionsBench(log);
log("");
void runSheetsBench(log, join(__dirname, "stim.js")).then(async () => {
  log("");
  await runPaneSheetsBench(log);
  log("");
  log("Targets: national evaluation < 10 ms; 100 000 keys < 100 ms; exact ≤ 5× float; function sheet < 20 ms; functions bundle < 60 KB gzipped; stim validate over 21 county workbooks < 5 s.");
});
