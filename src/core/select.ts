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
 * Rearranges the items `idx[0..len)` so that the first `nth + 1` are the
 * smallest by `cmp` (a strict total order: no two items compare equal), in
 * no particular order, `idx[nth]` being the largest of them.
 */
export function selectNthBy(idx: Uint32Array, nth: number, cmp: (a: number, b: number) => number, len: number = idx.length): void {
  let lo = 0;
  let hi = len - 1;
  let budget = depthBudget(len);
  const seed = Uint32Array.of(0x9e3779b9);
  while (hi > lo) {
    if (hi - lo < SMALL || budget-- === 0) {
      const sub = idx.subarray(lo, hi + 1);
      sub.sort(cmp);
      return;
    }
    const p = median3By(idx[randomPlace(seed, lo, hi)], idx[randomPlace(seed, lo, hi)], idx[randomPlace(seed, lo, hi)], cmp);
    // Hoare-style partition around the pivot item; the order is strict, so
    // only the pivot itself compares equal to it.
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (cmp(idx[i], p) < 0) i++;
      while (cmp(idx[j], p) > 0) j--;
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

function median3By(x: number, y: number, z: number, cmp: (a: number, b: number) => number): number {
  if (cmp(x, y) < 0) return cmp(y, z) < 0 ? y : cmp(x, z) < 0 ? z : x;
  return cmp(x, z) < 0 ? x : cmp(y, z) < 0 ? z : y;
}

/**
 * The `m` best items of a stream by `cmp` (smaller = better), best first:
 * a bounded max-heap, O(n log m). With the comparator reversed it keeps the
 * m worst.
 */
export class TopM {
  private readonly heap: number[] = [];
  constructor(
    private readonly m: number,
    private readonly cmp: (a: number, b: number) => number,
  ) {}

  push(x: number): void {
    const h = this.heap;
    if (this.m === 0) return;
    if (h.length < this.m) {
      h.push(x);
      let c = h.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (this.cmp(h[parent], h[c]) >= 0) break;
        [h[parent], h[c]] = [h[c], h[parent]];
        c = parent;
      }
    } else if (this.cmp(x, h[0]) < 0) {
      h[0] = x;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let big = c;
        if (l < h.length && this.cmp(h[l], h[big]) > 0) big = l;
        if (r < h.length && this.cmp(h[r], h[big]) > 0) big = r;
        if (big === c) break;
        [h[big], h[c]] = [h[c], h[big]];
        c = big;
      }
    }
  }

  /** True when m items are kept (a new one must beat the root to enter). */
  full(): boolean {
    return this.heap.length >= this.m;
  }

  /** The worst of the kept items (call only when full). */
  root(): number {
    return this.heap[0];
  }

  /** The kept items, best first. */
  sorted(): number[] {
    return [...this.heap].sort(this.cmp);
  }
}
