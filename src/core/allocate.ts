/**
 * Sharing a pot in whole kronor.
 *
 * Quotas are exact: quotient and remainder of pot × key / Σ keys. The
 * largest-remainder (Hamilton) method hands out the kronor left after the
 * floors, one each, by larger remainder, then larger key, then lower
 * recipient code (or earlier row when no codes are given); the ties at the
 * cut-off that decided who got a krona are recorded.
 *
 * How it stays exact and fast. Write pot = a·T + b (T = Σ keys, b < T); then
 * pot·k / T = a·k + b·k / T, so each row's floor is a·k + ⌊b·k / T⌋ and its
 * remainder is b·k mod T. When T and b·(max key) are below 2^53, the work
 * is done in Numbers on typed arrays, exactly: p = b·k is an exact integer,
 * and ⌊fl(p / T)⌋ is the true quotient q (fl rounds monotonically, so it is
 * at least q; reaching q + 1 would need an error ≥ 1/T, but the error is at
 * most p/T · 2^-53 < 1/T because p < 2^53); q·T ≤ p and p − q·T are exact
 * too. When b·(max key) is larger but T is not, each row's quotient and
 * remainder are computed in BigInt and stored as Numbers (both are below
 * 2^53); only keys or sums beyond 2^53 keep BigInt arrays throughout.
 *
 * Who gets the leftover kronor is found by selection, not by sorting every
 * row: the threshold remainder (the leftover-th largest) by quickselect over
 * the remainders, then, among the rows tied at it, the threshold key, then
 * codes or rows. Expected O(n), at worst O(n log n), on every input order.
 */
import { StimError } from "./errors";
import { MAX_KEY_DECIMALS, MAX_KEY_DIGITS, NumberProblem, parseKey, parseKronor, parseScaled, pow10, Scaled, toCommonScale } from "./exact";
import { scanDecimal } from "./decimal";
import { describe } from "./format";
import { normaliseCode } from "../reference";
import { selectNth, selectNthBy } from "./select";

export type Method = "largest-remainder" | "round" | "exact";
export const METHODS: readonly Method[] = ["largest-remainder", "round", "exact"];

export interface AllocateOptions {
  /** Default "largest-remainder". */
  method?: Method;
  /** Same length as keys; false = ineligible (gets 0). Default all eligible. Only booleans. */
  eligible?: readonly boolean[];
  /**
   * Same length as keys; recipient codes used to break ties (lower first).
   * Kommun and län codes are read as the reference data writes them
   * (180 and "180" → "0180", 1 → "01"); other text is compared as given.
   */
  ids?: readonly string[];
}

/** A tie between two recipients with equal remainders at the cut-off. */
export interface TieBreak {
  /** Index (input order) of the one that got the extra krona. */
  winner: number;
  /** Index of the one that did not. */
  loser: number;
  /** What separated them. */
  by: "key" | "id" | "position";
}

export interface ExactShare {
  /** The exact share as a reduced fraction of kronor. */
  numerator: bigint;
  denominator: bigint;
  /** Decimal text, exact when `terminating`, else cut at 12 decimals. */
  text: string;
  terminating: boolean;
}

export interface Allocation {
  method: Method;
  pot: bigint;
  /** Whole kronor per input row (largest-remainder and round). Exact mode: floors. */
  amounts: bigint[];
  /** Exact mode only: the exact shares. */
  exact?: ExactShare[];
  /** Σ amounts (for exact mode: pot when anything is allocated). */
  allocated: bigint;
  /** Part of the pot nobody could take (no eligible recipient with a positive key). */
  unallocated: bigint;
  /** Round mode: Σ amounts − pot (0 for the other methods). */
  difference: bigint;
  /** Largest-remainder: the kronor handed out after the floors. */
  leftover: bigint;
  /** Largest-remainder: indices that received an extra krona, in ascending row order. */
  extras: number[];
  /**
   * The ties at the cut-off remainder: each of the (at most 20) last winners
   * with that remainder against each of the (at most 20) first losers with
   * it, winners and losers each in the order of the tie-break rule.
   */
  tieBreaks: TieBreak[];
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
/** Tie records kept on each side of the cut-off. */
const MAX_RECORDED = 20;

/** Keys as exact integers: Numbers while every key and their sum stay ≤ 2^53 − 1, else BigInts. */
type IntKeys = Float64Array | bigint[];

function keyProblem(problem: NumberProblem, what: string, row: number, v: unknown): StimError {
  const head = `${what}: rad ${row} är inte ett tal (${describe(v)})`;
  if (problem === "spaced") {
    return new StimError(
      `${head}: mellanslag godtas bara som tusentalsavgränsare i ett tal, som i 41 449 eller 1 234 567; ange ett tal per rad.`,
      what,
    );
  }
  if (problem === "precision") {
    return new StimError(
      `${what}: rad ${row} har för många siffror (${describe(v)}); en nyckel får ha högst ${MAX_KEY_DIGITS} värdesiffror och högst ${MAX_KEY_DECIMALS} decimaler.`,
      what,
    );
  }
  return new StimError(`${head}.`, what);
}

/** Validates keys and brings them to one integer scale, as Numbers where exact. */
function readKeys(keys: readonly unknown[], what: string): IntKeys {
  if (!Array.isArray(keys)) throw new StimError(`${what} måste vara en lista med tal.`, what);
  const n = keys.length;
  // Fast path: whole numbers (populations, counts) need no decimal parsing.
  const f = new Float64Array(n);
  let i = 0;
  for (; i < n; i++) {
    const k = keys[i];
    if (typeof k === "number" && Number.isSafeInteger(k) && k >= 0) f[i] = k;
    else break;
  }
  if (i === n) return f;
  const scaled: Scaled[] = new Array(n);
  let scale = 0;
  for (i = 0; i < n; i++) {
    const p = parseKey(keys[i]);
    if (typeof p === "string") throw keyProblem(p, what, i + 1, keys[i]);
    if (p.negative) throw new StimError(`${what}: rad ${i + 1} är negativ (${describe(keys[i])}); nycklar måste vara ≥ 0.`, what);
    scaled[i] = p.value;
    if (p.value.scale > scale) scale = p.value.scale;
  }
  const ints = toCommonScale(scaled);
  return asNumbers(ints) ?? ints;
}

/** The keys as a Float64Array when every key is at most 2^53 − 1, else undefined. */
function asNumbers(keys: readonly bigint[]): Float64Array | undefined {
  const f = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k > MAX_SAFE_BIG) return undefined;
    f[i] = Number(k);
  }
  return f;
}

/** Validates and scales keys to integers; throws StimError with a precise message. */
export function parseKeys(keys: readonly unknown[], what = "keys"): bigint[] {
  const ints = readKeys(keys, what);
  return ints instanceof Float64Array ? Array.from(ints, (k) => BigInt(k)) : ints;
}

/**
 * Shares `pot` (whole kronor ≥ 0) by `keys` (numbers ≥ 0, exact decimals).
 * Throws StimError for bad input; never returns a wrong number.
 */
export function allocate(pot: unknown, keys: readonly unknown[], options: AllocateOptions = {}): Allocation {
  const potKr = parseKronor(pot, "pot");
  const intKeys = readKeys(keys, "keys");
  const n = intKeys.length;
  const method = options.method ?? "largest-remainder";
  if (!METHODS.includes(method)) {
    throw new StimError(`method måste vara ett av ${METHODS.join(", ")} (fick ${describe(method)}).`, "method");
  }
  const eligible = options.eligible;
  if (eligible !== undefined) {
    if (!Array.isArray(eligible)) throw new StimError(`eligible måste vara en lista med sant/falskt (fick ${describe(eligible)}).`, "eligible");
    if (eligible.length !== n) throw new StimError(`keys och eligible har olika längd (${n} mot ${eligible.length} rader).`, "eligible");
    for (let i = 0; i < n; i++) {
      if (typeof eligible[i] !== "boolean") {
        throw new StimError(`eligible: rad ${i + 1} ska vara sant eller falskt (true/false), fick ${describe(eligible[i])}.`, "eligible");
      }
    }
  }
  let ids: string[] | undefined;
  if (options.ids !== undefined) {
    const given: readonly unknown[] = options.ids;
    if (!Array.isArray(given)) throw new StimError(`ids måste vara en lista med koder (fick ${describe(given)}).`, "ids");
    if (given.length !== n) throw new StimError(`keys och ids har olika längd (${n} mot ${given.length} rader).`, "ids");
    ids = new Array(n);
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const id = tieId(given[i], i);
      const prev = seen.get(id);
      if (prev !== undefined) {
        throw new StimError(`ids: mottagaren "${id}" förekommer två gånger (rad ${prev + 1} och ${i + 1}).`, "ids");
      }
      seen.set(id, i);
      ids[i] = id;
    }
  }
  return allocateKeys(potKr, intKeys, method, eligible, ids);
}

/**
 * A recipient code for tie-breaks, the same on every face: a kommun or län
 * code in its padded form ("180", 180 → "0180"; "1" → "01"), other text as given.
 */
function tieId(v: unknown, i: number): string {
  if (typeof v !== "string" && typeof v !== "number") throw new StimError(`ids: rad ${i + 1} är ingen kod (${describe(v)}).`, "ids");
  const c = normaliseCode(v);
  return c ? c.code : String(v);
}

/**
 * The inner loop over validated integers (also used by the evaluator).
 * `ids` are compared as given (normalised codes: see allocate).
 */
export function allocateInts(
  pot: bigint,
  keys: readonly bigint[],
  method: Method = "largest-remainder",
  eligible?: readonly boolean[],
  ids?: readonly string[],
): Allocation {
  return allocateKeys(pot, asNumbers(keys) ?? [...keys], method, eligible, ids);
}

function allocateKeys(pot: bigint, keys: IntKeys, method: Method, eligible?: readonly boolean[], ids?: readonly string[]): Allocation {
  const n = keys.length;
  const mask = eligible;
  const base: Allocation = {
    method,
    pot,
    amounts: [],
    allocated: 0n,
    unallocated: pot,
    difference: 0n,
    leftover: 0n,
    extras: [],
    tieBreaks: [],
  };
  if (keys instanceof Float64Array) {
    // Ineligible rows count as key 0; the sum is exact while it stays ≤ 2^53 − 1.
    const k = mask ? keys.map((x, i) => (mask[i] ? x : 0)) : keys;
    let total = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = k[i];
      total += x;
      if (x > max) max = x;
    }
    if (total <= MAX_SAFE) return byNumbers(base, k, total, max, ids);
    return byBigInts(base, Array.from(k, (x) => BigInt(x)), ids);
  }
  return byBigInts(base, mask ? keys.map((x, i) => (mask[i] ? x : 0n)) : keys, ids);
}

/** Nothing to share: all zero; the pot stays unallocated unless it is 0. */
function nothing(base: Allocation, n: number): Allocation {
  base.amounts = new Array(n).fill(0n);
  if (base.method === "exact") base.exact = base.amounts.map(() => fraction(0n, 1n));
  if (base.pot === 0n) base.unallocated = 0n;
  return base;
}

/** Keys and their sum T are Numbers ≤ 2^53 − 1. */
function byNumbers(base: Allocation, k: Float64Array, total: number, max: number, ids?: readonly string[]): Allocation {
  const n = k.length;
  const pot = base.pot;
  if (total === 0 || pot === 0n) return nothing(base, n);
  const T = total;
  const TB = BigInt(T);
  const aB = pot / TB;
  const bB = pot % TB;
  const b = Number(bB);
  // q = ⌊b·k / T⌋ < k and r = b·k mod T < T: both fit a double exactly.
  const q = new Float64Array(n);
  const r = new Float64Array(n);
  let qSum = 0;
  if (bB * BigInt(max) <= MAX_SAFE_BIG) {
    // Every p = b·k < 2^53: the floor of the rounded quotient is the exact
    // quotient (see the top of this file), and the remainder is exact.
    for (let i = 0; i < n; i++) {
      const ki = k[i];
      if (ki === 0) continue;
      const p = b * ki;
      const qi = Math.floor(p / T);
      q[i] = qi;
      r[i] = p - qi * T;
      qSum += qi;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const ki = k[i];
      if (ki === 0) continue;
      const p = bB * BigInt(ki);
      const qi = p / TB;
      q[i] = Number(qi);
      r[i] = Number(p - qi * TB);
      qSum += q[i];
    }
  }
  // Σ floors = a·T + Σq, so the leftover is b − Σq (< number of rows with a remainder).
  const leftover = b - qSum;
  const extra = new Uint8Array(n);
  if (base.method === "exact") {
    base.exact = Array.from(k, (ki) => fraction(pot * BigInt(ki), TB));
    base.allocated = pot;
    base.unallocated = 0n;
  } else if (base.method === "round") {
    // Half up, as Excel's ROUND: one more krona where 2r ≥ T (2r is exact).
    for (let i = 0; i < n; i++) if (k[i] !== 0 && 2 * r[i] >= T) extra[i] = 1;
  } else {
    base.leftover = BigInt(leftover);
    base.allocated = pot;
    base.unallocated = 0n;
    if (leftover > 0) {
      const tied = handOut(k, r, leftover, extra, ids);
      base.tieBreaks = recordTies(tied, extra, k, ids);
      base.extras = rowsMarked(extra, leftover);
    }
  }
  base.amounts = amountsOf(pot, aB, k, q, extra);
  if (base.method === "round") {
    let sum = 0n;
    for (const x of base.amounts) sum += x;
    base.allocated = sum;
    base.unallocated = 0n;
    base.difference = sum - pot;
  }
  return base;
}

/** The `count` rows marked in `flags`, in row order. */
function rowsMarked(flags: Uint8Array, count: number): number[] {
  const out: number[] = new Array(count);
  let j = 0;
  for (let i = 0; j < count; i++) if (flags[i]) out[j++] = i;
  return out;
}

/** Amounts a·k + q + extra as BigInts (from Numbers when the pot is ≤ 2^53 − 1). */
function amountsOf(pot: bigint, aB: bigint, k: Float64Array, q: Float64Array, extra: Uint8Array): bigint[] {
  const n = k.length;
  const out: bigint[] = new Array(n);
  if (pot <= MAX_SAFE_BIG) {
    // a·k ≤ pot·k/T ≤ pot and a·k + q + 1 ≤ pot: all exact Numbers.
    const a = Number(aB);
    for (let i = 0; i < n; i++) out[i] = big(a * k[i] + q[i] + extra[i]);
  } else {
    for (let i = 0; i < n; i++) out[i] = aB * BigInt(k[i]) + big(q[i] + extra[i]);
  }
  return out;
}

/**
 * Small amounts recur (a large pot over many rows gives amounts in a narrow
 * range): their BigInts are made once and shared, which saves an allocation
 * per row. Bounded: 65 536 entries at most.
 */
const SMALL_BIGINTS: bigint[] = [];
function big(x: number): bigint {
  if (x < 65536) {
    let v = SMALL_BIGINTS[x];
    if (v === undefined) {
      while (SMALL_BIGINTS.length < x) SMALL_BIGINTS.push(BigInt(SMALL_BIGINTS.length));
      v = SMALL_BIGINTS[x] = BigInt(x);
    }
    return v;
  }
  return BigInt(x);
}

/** The order among rows with equal remainders: larger key, then lower code, then earlier row. */
function tieOrder(k: Float64Array | readonly bigint[], ids: readonly string[] | undefined, a: number, b: number): number {
  const ka = k[a];
  const kb = k[b];
  if (ka !== kb) return ka > kb ? -1 : 1;
  if (ids) {
    const x = ids[a];
    const y = ids[b];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a - b;
}

/** Lower code, then earlier row (among rows with equal remainders and keys). */
function codeOrder(ids: readonly string[], a: number, b: number): number {
  const x = ids[a];
  const y = ids[b];
  return x !== y ? (x < y ? -1 : 1) : a - b;
}

/** The BigInt path's data for the whole rule. */
interface RemainderData {
  r: readonly bigint[];
  k: readonly bigint[];
  ids: readonly string[] | undefined;
}

/** The whole rule on BigInt remainders: larger remainder, then tieOrder. */
function remainderOrder(d: RemainderData, a: number, b: number): number {
  const r = d.r;
  return r[a] !== r[b] ? (r[a] > r[b] ? -1 : 1) : tieOrder(d.k, d.ids, a, b);
}

/**
 * Marks in `extra` the `leftover` rows that get one more krona and returns
 * the rows tied at the threshold remainder (all of them, winners and losers).
 */
function handOut(k: Float64Array, r: Float64Array, leftover: number, extra: Uint8Array, ids?: readonly string[]): Uint32Array {
  const n = k.length;
  // Rows with a remainder (a zero key has none).
  let c = 0;
  const scratch = new Float64Array(n);
  for (let i = 0; i < n; i++) if (r[i] > 0) scratch[c++] = r[i];
  // leftover < c: Σ r = leftover·T with every r < T.
  const cut = selectNth(scratch, c - leftover, c);
  let above = 0;
  let e = 0;
  const tiedRows = new Uint32Array(c);
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    if (ri > cut) {
      extra[i] = 1;
      above++;
    } else if (ri === cut) tiedRows[e++] = i;
  }
  const tied = tiedRows.subarray(0, e);
  const m = leftover - above; // 1 ≤ m ≤ e
  if (m === e) {
    for (let j = 0; j < e; j++) extra[tied[j]] = 1;
    return tied;
  }
  // Among the tied: the m-th largest key, then codes or rows.
  const keysOfTied = scratch.subarray(0, e);
  for (let j = 0; j < e; j++) keysOfTied[j] = k[tied[j]];
  const keyCut = selectNth(keysOfTied, e - m, e);
  let won = 0;
  const atKey = new Uint32Array(e);
  let h = 0;
  for (let j = 0; j < e; j++) {
    const i = tied[j];
    if (k[i] > keyCut) {
      extra[i] = 1;
      won++;
    } else if (k[i] === keyCut) atKey[h++] = i;
  }
  const m2 = m - won; // 1 ≤ m2 ≤ h; atKey is in row order
  if (ids && m2 < h) selectNthBy(atKey, m2 - 1, codeOrder, ids, h);
  for (let j = 0; j < m2; j++) extra[atKey[j]] = 1;
  return tied;
}

/**
 * The recorded ties among rows with the cut-off remainder: the last
 * MAX_RECORDED winners against the first MAX_RECORDED losers, by tieOrder.
 */
function recordTies(
  tied: ArrayLike<number>,
  extra: Uint8Array,
  k: Float64Array | readonly bigint[],
  ids: readonly string[] | undefined,
): TieBreak[] {
  const lastWinners: number[] = [];
  const bestLosers: number[] = [];
  // `tied` is in row order, which usually follows the tie order (keys or
  // codes sorted, or position itself): scanning winners from the end and
  // losers from the start, most rows are turned away at the first comparison.
  // Once a heap is full, a row whose key alone keeps it out (a winner with a
  // larger key than the best kept, a loser with a smaller key than the worst
  // kept) is passed over without a call.
  for (let j = tied.length - 1; j >= 0; j--) {
    const i = tied[j];
    if (extra[i] && !(lastWinners.length === MAX_RECORDED && k[i] > k[lastWinners[0]])) keep(lastWinners, i, -1, k, ids);
  }
  for (let j = 0; j < tied.length; j++) {
    const i = tied[j];
    if (!extra[i] && !(bestLosers.length === MAX_RECORDED && k[i] < k[bestLosers[0]])) keep(bestLosers, i, 1, k, ids);
  }
  const byRule = (a: number, b: number) => tieOrder(k, ids, a, b);
  const winners = lastWinners.sort(byRule);
  const losers = bestLosers.sort(byRule);
  const ties: TieBreak[] = [];
  for (const w of winners) {
    for (const l of losers) {
      ties.push({ winner: w, loser: l, by: k[w] !== k[l] ? "key" : ids ? "id" : "position" });
    }
  }
  return ties;
}

/**
 * Keeps in `heap` the MAX_RECORDED rows that come first by sign × tieOrder
 * (sign 1: the best; −1: the worst), as a heap whose root is the one to
 * leave next. Plain arrays and a plain function: nothing here has a shape
 * of its own that a garbage collection between calls could take away from
 * the optimised code.
 */
function keep(heap: number[], x: number, sign: number, k: Float64Array | readonly bigint[], ids: readonly string[] | undefined): void {
  if (heap.length < MAX_RECORDED) {
    heap.push(x);
    let c = heap.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (sign * tieOrder(k, ids, heap[parent], heap[c]) >= 0) break;
      const t = heap[parent];
      heap[parent] = heap[c];
      heap[c] = t;
      c = parent;
    }
    return;
  }
  if (sign * tieOrder(k, ids, x, heap[0]) >= 0) return;
  heap[0] = x;
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    const r = l + 1;
    let top = c;
    if (l < heap.length && sign * tieOrder(k, ids, heap[l], heap[top]) > 0) top = l;
    if (r < heap.length && sign * tieOrder(k, ids, heap[r], heap[top]) > 0) top = r;
    if (top === c) break;
    const t = heap[top];
    heap[top] = heap[c];
    heap[c] = t;
    c = top;
  }
}

/** Keys or their sum beyond 2^53 − 1: the same algorithm on BigInt arrays. */
function byBigInts(base: Allocation, k: readonly bigint[], ids?: readonly string[]): Allocation {
  const n = k.length;
  const pot = base.pot;
  let T = 0n;
  for (const x of k) T += x;
  if (T === 0n || pot === 0n) return nothing(base, n);
  const amounts: bigint[] = new Array(n);
  const r: bigint[] = new Array(n);
  let floorSum = 0n;
  for (let i = 0; i < n; i++) {
    const p = pot * k[i];
    const qi = p / T;
    amounts[i] = qi;
    r[i] = p - qi * T;
    floorSum += qi;
  }
  base.amounts = amounts;
  if (base.method === "exact") {
    base.exact = k.map((ki) => fraction(pot * ki, T));
    base.allocated = pot;
    base.unallocated = 0n;
    return base;
  }
  if (base.method === "round") {
    let sum = 0n;
    for (let i = 0; i < n; i++) {
      if (k[i] !== 0n && 2n * r[i] >= T) amounts[i] += 1n;
      sum += amounts[i];
    }
    base.allocated = sum;
    base.unallocated = 0n;
    base.difference = sum - pot;
    return base;
  }
  const leftover = Number(pot - floorSum);
  base.leftover = BigInt(leftover);
  base.allocated = pot;
  base.unallocated = 0n;
  if (leftover === 0) return base;
  const cand = new Uint32Array(n);
  let c = 0;
  for (let i = 0; i < n; i++) if (r[i] > 0n) cand[c++] = i;
  selectNthBy(cand, leftover - 1, remainderOrder, { r, k, ids }, c);
  const extra = new Uint8Array(n);
  for (let j = 0; j < leftover; j++) extra[cand[j]] = 1;
  const cut = r[cand[leftover - 1]]; // the last winner's remainder
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    if (extra[i]) amounts[i] += 1n;
    if (r[i] === cut) tied.push(i);
  }
  base.extras = rowsMarked(extra, leftover);
  base.tieBreaks = recordTies(tied, extra, k, ids);
  return base;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact fraction with its decimal text (exact when it terminates). */
export function fraction(num: bigint, den: bigint): ExactShare {
  const g = gcd(num, den) || 1n;
  const p = num / g;
  const q = den / g;
  let d = q;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  const terminating = d === 1n;
  const places = 12;
  const intPart = p / q;
  let r = p % q;
  let frac = "";
  for (let i = 0; i < places && r !== 0n; i++) {
    r *= 10n;
    frac += (r / q).toString();
    r %= q;
  }
  const text = frac === "" ? intPart.toString() : `${intPart}.${frac}`;
  return { numerator: p, denominator: q, text, terminating };
}

/**
 * Splits a whole-kronor amount ≥ 0 by decimal shares (e.g. ["0.7", "0.3"])
 * that sum to 1, by largest remainder, so the parts sum exactly to the amount.
 * A tie on the last krona goes to the larger share, then to the earlier part.
 */
export function splitAmount(amount: bigint, shares: readonly string[]): bigint[] {
  if (amount < 0n) throw new StimError(`Beloppet som ska delas får inte vara negativt (fick ${amount}).`, "amount");
  return allocateInts(amount, splitWeights(shares)).amounts;
}

const weightsCache = new Map<string, bigint[]>();
/** Shares such as ["0.7", "0.3"] as integer weights, checked to sum to 1 (cached). */
export function splitWeights(shares: readonly string[]): bigint[] {
  const cacheKey = shares.join("|");
  const hit = weightsCache.get(cacheKey);
  if (hit) return hit;
  const parsed = shares.map((s, i) => {
    const p = parseScaled(s);
    if (!p || p.negative) throw new StimError(`Andel ${i + 1} i fördelningen är ogiltig (${describe(s)}).`, "share");
    return p.value;
  });
  const ints = toCommonScale(parsed);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (sum !== pow10(scale)) {
    throw new StimError(`Andelarna i fördelningen summerar inte till 100 % (${shares.join(" + ")}).`, "share");
  }
  weightsCache.set(cacheKey, ints);
  return ints;
}

/**
 * Interprets a share given by a user: 0.7, "0.7", "70 %", "70%" → "0.7"
 * (a decimal string). A bare number > 1 and ≤ 100 is ambiguous (70 vs 0.7)
 * and is rejected with a message unless `allowWholePercent` is set.
 */
export function parseShare(input: unknown, what: string, allowWholePercent = false): string {
  // The one parser (./decimal): a decimal comma or point, "%" allowed.
  const s = scanDecimal(input, { comma: true, percent: "allowed" });
  const percent = typeof s === "string" ? typeof input === "string" && input.trim().endsWith("%") : s.percent;
  if (percent) {
    if (typeof s === "string" || s.negative) throw new StimError(`${what} måste vara en andel mellan 0 och 100 % (fick ${describe(input)}).`, what);
    const v = { mantissa: BigInt(s.digits || "0"), scale: s.scale };
    if (above(v, 1n)) throw new StimError(`${what} måste vara högst 100 % (fick ${describe(input)}).`, what);
    return scaledToString(v, 0);
  }
  if (typeof s === "string") throw new StimError(`${what} måste vara en andel, t.ex. 0,7 eller "70 %" (fick ${describe(input)}).`, what);
  if (s.negative) throw new StimError(`${what} får inte vara negativ (fick ${describe(input)}).`, what);
  const v = { mantissa: BigInt(s.digits || "0"), scale: s.scale };
  if (above(v, 1n)) {
    if (allowWholePercent && !above(v, 100n)) return scaledToString(v, 2);
    throw new StimError(
      `${what} är ${describe(input)}: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").`,
      what,
    );
  }
  return scaledToString(v, 0);
}

/** Exactly: v > limit (no rounding through floats: 1.0000000000000000001 > 1). */
function above(v: Scaled, limit: bigint): boolean {
  return v.mantissa > limit * pow10(v.scale);
}

/** Scaled value divided by 10^extra, as a plain decimal string. */
function scaledToString(v: Scaled, extra: number): string {
  const scale = v.scale + extra;
  const digits = v.mantissa.toString().padStart(scale + 1, "0");
  if (scale === 0) return digits;
  const intPart = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  return frac === "" ? intPart : `${intPart}.${frac}`;
}
