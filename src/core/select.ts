/**
 * Selection without a full sort: the value (or item) at a given rank.
 *
 * Introselect: quickselect with the pivot the median of three elements at
 * pseudo-random places (a fixed seed, so runs repeat exactly; sorted, reversed
 * or partitioned input cannot line up bad pivots as a median of first, middle
 * and last can), a three-way partition (values equal to the pivot are set
 * aside in one pass, so runs of equal values cannot make it quadratic), and a
 * depth budget after which the remaining range is sorted outright. Expected
 * O(n) on any input; O(n log n) at worst, whatever the order.
 */

/** Below this many elements a range is finished by insertion sort. */
const SMALL = 16;

function depthBudget(n: number): number {
  return 2 * Math.ceil(Math.log2(n + 1)) + 4;
}

/** xorshift32 from a fixed seed: a place in [lo, hi]. */
function randomPlace(state: Uint32Array, lo: number, hi: number): number {
  let x = state[0];
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  state[0] = x;
  return lo + Math.floor((x >>> 0) * (hi - lo + 1) / 4294967296);
}

/**
 * Rearranges `a[0..len)` so that `a[nth]` holds the value that an ascending
 * sort would put there, and returns it. `a` is scratch: its order is lost.
 */
export function selectNth(a: Float64Array, nth: number, len: number = a.length): number {
  let lo = 0;
  let hi = len - 1;
  let budget = depthBudget(len);
  const seed = Uint32Array.of(0x9e3779b9);
  while (hi > lo) {
    if (hi - lo < SMALL) {
      insertionSort(a, lo, hi);
      return a[nth];
    }
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort(); // numeric, O(m log m)
      return a[nth];
    }
    const p = median3(a[randomPlace(seed, lo, hi)], a[randomPlace(seed, lo, hi)], a[randomPlace(seed, lo, hi)]);
    // Three-way partition: [lo, lt) < p, [lt, gt] = p, (gt, hi] > p.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < p) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > p) {
        a[i] = a[gt];
        a[gt--] = v;
      } else {
        i++;
      }
    }
    if (nth < lt) hi = lt - 1;
    else if (nth > gt) lo = gt + 1;
    else return p;
  }
  return a[nth];
}

function median3(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * An order on items (row numbers) given by a plain function and the data it
 * reads: `cmp(ctx, a, b)` < 0 when a comes first. Hot loops call one
 * module-level function with data, not a fresh closure per call, so the
 * engine's call feedback stays the same from call to call (a new closure
 * each time makes the call sites megamorphic).
 */
export type Order<C> = (ctx: C, a: number, b: number) => number;

/**
 * Rearranges the items `idx[0..len)` so that the first `nth + 1` are the
 * smallest by `cmp` (a strict total order: no two items compare equal), in
 * no particular order, `idx[nth]` being the largest of them.
 */
export function selectNthBy<C>(idx: Uint32Array, nth: number, cmp: Order<C>, ctx: C, len: number = idx.length): void {
  let lo = 0;
  let hi = len - 1;
  let budget = depthBudget(len);
  const seed = Uint32Array.of(0x9e3779b9);
  while (hi > lo) {
    if (hi - lo < SMALL || budget-- === 0) {
      idx.subarray(lo, hi + 1).sort((a, b) => cmp(ctx, a, b));
      return;
    }
    const x = idx[randomPlace(seed, lo, hi)];
    const y = idx[randomPlace(seed, lo, hi)];
    const z = idx[randomPlace(seed, lo, hi)];
    const p = cmp(ctx, x, y) < 0 ? (cmp(ctx, y, z) < 0 ? y : cmp(ctx, x, z) < 0 ? z : x) : cmp(ctx, x, z) < 0 ? x : cmp(ctx, y, z) < 0 ? z : y;
    // Hoare-style partition around the pivot item; the order is strict, so
    // only the pivot itself compares equal to it.
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(ctx, idx[i], p) < 0) i++;
      while (cmp(ctx, idx[j], p) > 0) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i++] = idx[j];
        idx[j--] = t;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
