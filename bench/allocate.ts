/**
 * The allocator's bench: allocate() beside three yardsticks (bench/baselines.ts)
 * on population-like keys and the adversarial orders, up to Excel's row limit;
 * FUND_SHARE over a full column with its peak memory; the heap a long decimal
 * key leaves behind.
 *
 * Every figure is a median with the min–max of the measured runs, each run
 * started from a collected heap (node --expose-gc). allocate() is timed from
 * a plain array of numbers (as its callers pass keys) to its Allocation with
 * BigInt amounts; the yardsticks start from prepared typed or BigInt arrays.
 */
import { spawnSync } from "node:child_process";
import { allocate } from "../src/core/allocate";
import { KOMMUNER } from "../src/reference";
import { fundShare } from "../src/functions/functions";
import { floatLargestRemainder, numberSafe, selectionLimit, textbookExact } from "./baselines";
import { formatStats, measure, Stats } from "./timing";

const POT = 630_000_000; // prio-2014's performance pots together (004 §3.4)

/** Deterministic pseudo-random keys of population-like size (2 000–902 000). */
function randomKeys(n: number, seed = 123456789): number[] {
  let x = seed;
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = 2000 + (x % 900000);
  }
  return out;
}

export interface Case {
  name: string;
  pot: number;
  keys: number[];
}

/** The orders that break naive selections and sorts, for `n` keys. */
export function cases(n: number): Case[] {
  const random = randomKeys(n);
  const increasing = [...random].sort((a, b) => a - b);
  const decreasing = [...increasing].reverse();
  // Equal keys: every remainder equal; the pot chosen so half the rows get a krona.
  const equalPot = POT - (POT % n) + Math.floor(n / 2);
  // Odd keys and pot = Σ/2 (n even): every quota ends in ½, so every
  // remainder ties and mostly the key decides (half the rows get a krona).
  const odd = randomKeys(n, 987654321).map((k) => 2 * (k % 1000) + 1);
  const oddSum = odd.reduce((s, k) => s + k, 0);
  return [
    { name: "random", pot: POT, keys: random },
    { name: "increasing", pot: POT, keys: increasing },
    { name: "decreasing", pot: POT, keys: decreasing },
    { name: "equal keys", pot: equalPot, keys: new Array(n).fill(1000) },
    { name: "equal remainders", pot: oddSum % 2 === 0 ? oddSum / 2 : POT, keys: odd },
    // A pot smaller than the number of rows: every row's floor is 0, the
    // whole pot is handed out by remainder, best rows last in the input.
    { name: "increasing, small pot", pot: Math.round(n / 100), keys: increasing },
  ];
}

interface Row {
  n: number;
  name: string;
  allocate: Stats;
  float: Stats;
  textbook?: Stats;
  limit?: Stats;
  equal: boolean;
  floatWrong: number;
}

function runCase(n: number, c: Case, runs: number, withTextbook: boolean): Row {
  const f64 = Float64Array.from(c.keys);
  const big = c.keys.map(BigInt);
  const potBig = BigInt(c.pot);
  const exact = textbookExact(potBig, big);
  const got = allocate(c.pot, c.keys);
  const equal =
    got.amounts.every((x, i) => x === exact.amounts[i]) &&
    got.extras.length === exact.extras.length &&
    got.extras.every((x, i) => x === exact.extras[i]) &&
    JSON.stringify(got.tieBreaks) === JSON.stringify(exact.tieBreaks);
  const fl = floatLargestRemainder(c.pot, f64);
  let floatWrong = 0;
  for (let i = 0; i < n; i++) if (BigInt(fl[i]) !== exact.amounts[i]) floatWrong++;
  const budget = 20_000;
  return {
    n,
    name: c.name,
    allocate: measure(() => allocate(c.pot, c.keys), runs, 2, budget),
    float: measure(() => floatLargestRemainder(c.pot, f64), runs, 2, budget),
    textbook: withTextbook ? measure(() => textbookExact(potBig, big), runs, 1, budget) : undefined,
    limit: numberSafe(c.pot, f64) ? measure(() => selectionLimit(c.pot, f64), runs, 2, budget) : undefined,
    equal,
    floatWrong,
  };
}

export function runAllocateBench(log: (line: string) => void = console.log): Row[] {
  log("allocate() beside three yardsticks in the same run; ms, median (min–max) of the runs, each run from a collected heap.");
  log("  allocate: the product, from number[] keys to BigInt amounts and tie records (exact);");
  log("  float:    the tightest plain float largest remainder (typed arrays, one pass, one sort); not exact;");
  log("  textbook: exact, BigInt arrays, one comparator sort (1 048 576 keys: random order only);");
  log("  limit:    exact Numbers and a selection of the threshold remainder, nothing else (no key tie-break, no records).");
  log("  = book: allocate's amounts, extra kronor and tie records equal the textbook's; float ≠: rows where float differs.");
  const rows: Row[] = [];
  const plan: [number, number][] = [
    [290, 200],
    [100_000, 15],
    [1_048_576, 7],
  ];
  const col = (s: string, w: number) => s.padEnd(w);
  const w = 22;
  log(
    `  ${"keys".padStart(9)} ${col("order", 22)} ${col("allocate", w)} ${col("float", w)} ${col("textbook", w)} ${col("limit", w)} ` +
      `${"alloc/float".padStart(11)} ${"alloc/limit".padStart(11)}  runs  = book  float ≠`,
  );
  for (const [n, runs] of plan) {
    const list: Case[] = n === 290 ? [{ name: "kommuner (SCB)", pot: POT, keys: KOMMUNER.map((k) => k.population) }] : cases(n);
    for (const c of list) {
      const row = runCase(n, c, runs, n < 1_000_000 || c.name === "random");
      rows.push(row);
      const f = (s?: Stats) => col(s ? formatStats(s) : "—", w);
      const ratio = (s?: Stats) => (s ? `${(row.allocate.median / s.median).toFixed(2)}×` : "—").padStart(11);
      log(
        `  ${n.toLocaleString("sv-SE").padStart(9)} ${col(c.name, 22)} ${f(row.allocate)} ${f(row.float)} ${f(row.textbook)} ${f(row.limit)} ` +
          `${ratio(row.float)} ${ratio(row.limit)}  ${String(row.allocate.runs).padStart(4)}  ${(row.equal ? "yes" : "NO").padEnd(5)}  ${row.floatWrong}`,
      );
    }
  }
  return rows;
}

/** One FUND_SHARE call over a full column, in a child process so its peak RSS is its own. */
export function fundShareChild(order: string): void {
  const c = cases(1_048_576).find((x) => x.name === order)!;
  const column = c.keys.map((k) => [k]); // as Excel passes a range
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let out: unknown;
  const stats = measure(() => (out = fundShare(c.pot, column)), 5, 0, 30_000);
  const peak = process.resourceUsage().maxRSS * 1024;
  const sum = (out as number[][]).reduce((s, r) => s + r[0], 0);
  process.stdout.write(JSON.stringify({ stats, before, maxBefore, peak, sum, pot: c.pot }));
}

export function runFundShareBench(log: (line: string) => void, script: string): void {
  log("FUND_SHARE over 1 048 576 rows (Excel's row limit), one column of keys, in a fresh process each:");
  for (const order of ["random", "increasing", "increasing, small pot"]) {
    const r = spawnSync(process.execPath, ["--expose-gc", script, "--fundshare", order], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      log(`  ${order}: failed (${r.stderr.trim().split("\n").pop()})`);
      continue;
    }
    const x = JSON.parse(r.stdout) as { stats: Stats; before: number; maxBefore: number; peak: number; sum: number; pot: number };
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    log(
      `  ${order.padEnd(22)} ${formatStats(x.stats)} ms over ${x.stats.runs} run(s); peak RSS ${mb(x.peak)} ` +
        `(${mb(x.before)} with the inputs built, before the first call); spilled sum = pot: ${x.sum === x.pot ? "yes" : "NO"}`,
    );
  }
}

/** Heap left after one allocate() call with a 32 767-character decimal key (Excel's cell text limit). */
export function runLongKeyBench(log: (line: string) => void): void {
  const gc = () => (globalThis as { gc?: () => void }).gc?.();
  const key = "0." + "1".repeat(32_765);
  gc();
  const before = process.memoryUsage().heapUsed;
  const t = process.hrtime.bigint();
  let result: string;
  try {
    allocate(100, [key, 1]);
    result = "allocated";
  } catch (e) {
    result = `refused: ${(e as Error).message.replace(/"0\.1{20,}…"/, '"0.1111…"')}`;
  }
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  gc();
  const left = process.memoryUsage().heapUsed - before;
  // A negative difference is noise (the heap was already as small as it gets): shown as 0.
  log(`One key of 32 767 characters (0,111…): ${ms.toFixed(1)} ms, heap retained afterwards ${(Math.max(0, left) / 2 ** 20).toFixed(1)} MiB; ${result}`);
}
