/** Timing helpers shared by the benchmarks: medians (with min–max) of repeated runs. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Wall times of `fn` in milliseconds: `warmup` unmeasured runs, then up to
 * `runs` measured runs, each started from a collected heap (node --expose-gc),
 * so no run pays for the garbage of the one before. Stops early, after at
 * least one measured run, once `budgetMs` of measured time is spent: a case
 * that takes seconds is reported from the runs it had (the count is shown).
 */
export function measure(fn: () => unknown, runs: number, warmup = Math.min(3, runs), budgetMs = Infinity): Stats {
  gc();
  let spent = 0;
  for (let i = 0; i < warmup && spent < budgetMs; i++) {
    const s = process.hrtime.bigint();
    fn();
    spent += Number(process.hrtime.bigint() - s) / 1e6;
  }
  const t: number[] = [];
  spent = 0;
  for (let i = 0; i < runs && (i === 0 || spent < budgetMs); i++) {
    gc();
    const s = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    t.push(ms);
    spent += ms;
  }
  return statsOf(t);
}

function statsOf(t: number[]): Stats {
  return { median: median(t), min: Math.min(...t), max: Math.max(...t), runs: t.length };
}

/**
 * Two functions measured in alternation (a, b, a, b …), each run from a
 * collected heap: on a shared machine the load drifts, and alternating
 * puts both under the same drift, so their ratio means something.
 */
export function measurePair(a: () => unknown, b: () => unknown, runs: number, warmup = 10): [Stats, Stats] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const once = (fn: () => unknown, into: number[]) => {
    gc();
    const s = process.hrtime.bigint();
    fn();
    into.push(Number(process.hrtime.bigint() - s) / 1e6);
  };
  for (let i = 0; i < runs; i++) {
    once(a, ta);
    once(b, tb);
  }
  return [statsOf(ta), statsOf(tb)];
}

/** Median wall time of `fn` in milliseconds over `runs` runs, after warm-up runs. */
export function time(fn: () => unknown, runs: number, warmup = Math.min(10, runs)): number {
  return measure(fn, runs, warmup).median;
}

/** "12.3 (11.9–13.0)": the median with the range of the runs, in ms. */
export function formatStats(s: Stats): string {
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** Median wall time in ms of an async `fn` over `runs` runs, after one warm-up run, from a collected heap. */
export async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  gc();
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return median(t);
}
