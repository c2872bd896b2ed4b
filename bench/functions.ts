/**
 * The function layer's bench: a full national allocation sheet computed
 * through the custom functions as Excel would call them, and the size of
 * the functions bundle.
 *
 * The sheet (prio-2014, fictional demo scenario): 311 rows, one per
 * recipient (290 kommuner, then 21 landsting by länskod), and these formulas,
 * each one spilled call per column:
 *   B  =STIM.POPULATION(A2:A312)                      inhabitants (the key)
 *   C… =STIM.FUND_SHARE(pot, B2:B312, eligible, A2:A312)   one per performance pot
 * The eligible flags per pot are the statuses `evaluate()` gives for the
 * demo scenario (a recipient is eligible when it meets the basic
 * requirements and reaches the goal). Arguments are passed as Excel passes
 * them: 2-D arrays, codes as text.
 *
 *   npx tsx bench/functions.ts          (standalone)
 *   runFunctionsBench(log)              (from bench/run.ts)
 * Targets: the whole sheet < 20 ms of function time. The bundle is part of the
 * task-pane page's 300 KB ceiling (`npm run size` measures the whole page).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { evaluate } from "../src/core/evaluate";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { KOMMUNER, LAN } from "../src/reference";
import { fundShare, population } from "../src/functions/functions";
import { time } from "./timing";



export interface FunctionsBenchResult {
  rows: number;
  pots: number;
  calls: number;
  sheetMs: number;
  matchesEvaluate: boolean;
  bundle?: { minBytes: number; gzipBytes: number };
}

export function runFunctionsBench(log: (line: string) => void = console.log, runs = 200): FunctionsBenchResult {
  const agreement = getAgreement("prio-2014");
  const evaluation = evaluate(agreement, demoFacts(agreement), { explain: false });
  const codes: string[] = [...KOMMUNER.map((k) => k.code), ...LAN.map((l) => l.code)];
  const level = (i: number) => (i < KOMMUNER.length ? "kommun" : "landsting");
  const recipientOf = new Map(evaluation.recipients.map((r) => [`${r.level}:${r.code}`, r]));
  const pots = agreement.pots.filter((p) => p.kind === "performance");

  // The sheet's inputs, shaped as Excel passes ranges.
  const codeRange = codes.map((c) => [c]);
  const eligibleRanges = pots.map((p) =>
    codes.map((c, i) => [recipientOf.get(`${level(i)}:${c}`)!.pots.find((x) => x.pot === p.id)!.status === "eligible"]),
  );

  let calls = 0;
  let last: unknown[][][] = [];
  const sheet = () => {
    calls = 0;
    const keys = population(codeRange);
    calls++;
    last = pots.map((p, j) => {
      calls++;
      return fundShare(p.amount, keys, eligibleRanges[j], codeRange);
    });
  };
  const sheetMs = time(sheet, runs);

  // The spilled amounts are the evaluator's amounts for the same scenario.
  let matchesEvaluate = true;
  pots.forEach((p, j) => {
    codes.forEach((c, i) => {
      const expected = recipientOf.get(`${level(i)}:${c}`)!.pots.find((x) => x.pot === p.id)!.amount;
      if (BigInt(last[j][i][0] as number) !== expected) matchesEvaluate = false;
    });
  });

  log(`Function layer (Excel custom functions through the adapters), ${agreement.id} demo scenario:`);
  log(
    `  national allocation sheet: ${codes.length} rows × ${pots.length} pots = ${calls} spilled calls ` +
      `(1 POPULATION + ${pots.length} FUND_SHARE), ${sheetMs.toFixed(2)} ms per recalculation (median of ${runs}; target < 20 ms); ` +
      `amounts equal evaluate(): ${matchesEvaluate ? "yes" : "NO"}`,
  );

  const result: FunctionsBenchResult = { rows: codes.length, pots: pots.length, calls, sheetMs, matchesEvaluate };
  const bundlePath = join(__dirname, "..", "dist", "functions.js");
  if (existsSync(bundlePath)) {
    const bytes = readFileSync(bundlePath);
    const gz = gzipSync(bytes, { level: 9 }).length;
    result.bundle = { minBytes: bytes.length, gzipBytes: gz };
    log(
      `  functions bundle dist/functions.js: ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gz / 1024).toFixed(1)} KB gzipped (level 9; part of the task-pane page's 300 KB ceiling, see npm run size)` +
        " — from the last `npm run build`",
    );
  } else {
    log("  functions bundle: dist/functions.js not found (run `npm run build` first)");
  }
  return result;
}

