/** Timing helpers shared by the benchmarks: medians of repeated runs. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time of `fn` in milliseconds over `runs` runs, after warm-up runs. */
export function time(fn: () => unknown, runs: number, warmup = Math.min(10, runs)): number {
  // Start each case from a collected heap (node --expose-gc), so one case does
  // not pay for the garbage of the one before.
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return median(t);
}
