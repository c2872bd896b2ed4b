/**
 * Sharing a pot in whole kronor.
 *
 * Quotas are computed exactly as quotient and remainder of pot × key / total
 * with BigInt (decimal.js in this inner loop measured ~18× slower). The
 * largest-remainder (Hamilton) method hands out the kronor left after the
 * floors, one each, by larger remainder, then larger key, then lower
 * recipient code (or earlier position when no codes are given); every tie
 * that decided who got a krona is recorded.
 */
import { StimError } from "./errors";
import { describe, parseKronor, parseScaled, pow10, Scaled, toCommonScale } from "./exact";

export type Method = "largest-remainder" | "round" | "exact";
export const METHODS: readonly Method[] = ["largest-remainder", "round", "exact"];

export interface AllocateOptions {
  /** Default "largest-remainder". */
  method?: Method;
  /** Same length as keys; false = ineligible (gets 0). Default all eligible. */
  eligible?: readonly boolean[];
  /** Same length as keys; recipient codes used to break ties (lower first). */
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
  /** Largest-remainder: indices that received an extra krona, in order. */
  extras: number[];
  tieBreaks: TieBreak[];
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Validates and scales keys to integers; throws StimError with a precise message. */
export function parseKeys(keys: readonly unknown[], what = "keys"): bigint[] {
  if (!Array.isArray(keys)) throw new StimError(`${what} måste vara en lista med tal.`, what);
  // Fast path: whole numbers (populations, counts) need no decimal parsing.
  const ints: bigint[] = new Array(keys.length);
  let allInts = true;
  for (let i = 0; i < keys.length && allInts; i++) {
    const k = keys[i];
    if (typeof k === "number" && Number.isSafeInteger(k) && k >= 0) ints[i] = BigInt(k);
    else allInts = false;
  }
  if (allInts) return ints;
  const scaled: Scaled[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const p = parseScaled(keys[i]);
    if (!p) throw new StimError(`${what}: rad ${i + 1} är inte ett tal (${describe(keys[i])}).`, what);
    if (p.negative) throw new StimError(`${what}: rad ${i + 1} är negativ (${describe(keys[i])}); nycklar måste vara ≥ 0.`, what);
    scaled[i] = p.value;
  }
  return toCommonScale(scaled);
}

/**
 * Shares `pot` (whole kronor ≥ 0) by `keys` (numbers ≥ 0, exact decimals).
 * Throws StimError for bad input; never returns a wrong number.
 */
export function allocate(pot: unknown, keys: readonly unknown[], options: AllocateOptions = {}): Allocation {
  const potKr = parseKronor(pot, "pot");
  const intKeys = parseKeys(keys);
  const n = intKeys.length;
  const method = options.method ?? "largest-remainder";
  if (!METHODS.includes(method)) {
    throw new StimError(`method måste vara ett av ${METHODS.join(", ")} (fick ${describe(method)}).`, "method");
  }
  const eligible = options.eligible;
  if (eligible !== undefined && eligible.length !== n) {
    throw new StimError(`keys och eligible har olika längd (${n} mot ${eligible.length} rader).`, "eligible");
  }
  const ids = options.ids;
  if (ids !== undefined) {
    if (ids.length !== n) throw new StimError(`keys och ids har olika längd (${n} mot ${ids.length} rader).`, "ids");
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const prev = seen.get(ids[i]);
      if (prev !== undefined) {
        throw new StimError(`ids: mottagaren "${ids[i]}" förekommer två gånger (rad ${prev + 1} och ${i + 1}).`, "ids");
      }
      seen.set(ids[i], i);
    }
  }
  return allocateInts(potKr, intKeys, method, eligible, ids);
}

/** The inner loop over validated integers (also used by the evaluator). */
export function allocateInts(
  pot: bigint,
  keys: readonly bigint[],
  method: Method = "largest-remainder",
  eligible?: readonly boolean[],
  ids?: readonly string[],
): Allocation {
  const n = keys.length;
  const k: bigint[] = new Array(n);
  let total = 0n;
  for (let i = 0; i < n; i++) {
    const v = eligible && !eligible[i] ? 0n : keys[i];
    k[i] = v;
    total += v;
  }
  const amounts: bigint[] = new Array(n).fill(0n);
  const base: Allocation = {
    method,
    pot,
    amounts,
    allocated: 0n,
    unallocated: pot,
    difference: 0n,
    leftover: 0n,
    extras: [],
    tieBreaks: [],
  };
  if (total === 0n || pot === 0n) {
    if (method === "exact") base.exact = amounts.map(() => fraction(0n, 1n));
    if (pot === 0n) base.unallocated = 0n;
    return base;
  }
  const rem: bigint[] = new Array(n);
  let floorSum = 0n;
  for (let i = 0; i < n; i++) {
    if (k[i] === 0n) {
      rem[i] = 0n;
      continue;
    }
    const prod = pot * k[i];
    const q = prod / total;
    amounts[i] = q;
    rem[i] = prod - q * total;
    floorSum += q;
  }
  if (method === "exact") {
    base.exact = k.map((ki) => fraction(pot * ki, total));
    base.allocated = pot;
    base.unallocated = 0n;
    return base;
  }
  if (method === "round") {
    let sum = 0n;
    for (let i = 0; i < n; i++) {
      if (k[i] !== 0n && 2n * rem[i] >= total) amounts[i] += 1n; // half-up, as Excel's ROUND
      sum += amounts[i];
    }
    base.allocated = sum;
    base.unallocated = 0n;
    base.difference = sum - pot;
    return base;
  }
  // Largest remainder.
  const leftover = pot - floorSum; // < number of recipients with positive key
  base.leftover = leftover;
  base.allocated = pot;
  base.unallocated = 0n;
  if (leftover === 0n) return base;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (k[i] !== 0n && rem[i] !== 0n) order.push(i);
  let cmp: (a: number, b: number) => number;
  if (total <= MAX_SAFE) {
    // Every remainder (< total) and key (≤ total) is then an exact double:
    // comparing numbers decides the same order as comparing BigInts, faster.
    const remN = new Float64Array(n);
    const keyN = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      remN[i] = Number(rem[i]);
      keyN[i] = Number(k[i]);
    }
    cmp = (a, b) => remN[b] - remN[a] || keyN[b] - keyN[a] || (ids ? (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0) : a - b);
  } else {
    cmp = (a, b) => {
      if (rem[a] !== rem[b]) return rem[a] > rem[b] ? -1 : 1;
      if (k[a] !== k[b]) return k[a] > k[b] ? -1 : 1;
      if (ids) return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
      return a - b;
    };
  }
  const L = Number(leftover);
  let chosen: number[];
  if (L * 8 < order.length) {
    chosen = selectTop(order, L, cmp);
  } else {
    order.sort(cmp);
    chosen = order.slice(0, L);
  }
  for (const i of chosen) amounts[i] += 1n;
  base.extras = chosen;
  // Record ties at the cut-off: winners and losers with the same remainder.
  const last = chosen[chosen.length - 1];
  const cutRem = rem[last];
  const winners = chosen.filter((i) => rem[i] === cutRem);
  const chosenSet = new Set(chosen);
  const losers: number[] = [];
  for (const i of order) if (rem[i] === cutRem && !chosenSet.has(i)) losers.push(i);
  if (losers.length > 0) {
    losers.sort(cmp);
    const maxRecorded = 20;
    for (const w of winners.slice(-maxRecorded)) {
      for (const l of losers.slice(0, maxRecorded)) {
        base.tieBreaks.push({ winner: w, loser: l, by: k[w] !== k[l] ? "key" : ids ? "id" : "position" });
      }
    }
  }
  return base;
}

/** Top `m` of `items` by `cmp` (ascending = best first), without a full sort. */
function selectTop(items: number[], m: number, cmp: (a: number, b: number) => number): number[] {
  const top: number[] = [];
  for (const x of items) {
    if (top.length < m) {
      insertSorted(top, x, cmp);
    } else if (cmp(x, top[m - 1]) < 0) {
      top.pop();
      insertSorted(top, x, cmp);
    }
  }
  return top;
}

function insertSorted(arr: number[], x: number, cmp: (a: number, b: number) => number): void {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(arr[mid], x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  arr.splice(lo, 0, x);
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
  if (typeof input === "string") {
    const t = input.trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    const pct = /^(.*)%$/.exec(t);
    if (pct) {
      const p = parseScaled(pct[1]);
      if (!p || p.negative) throw new StimError(`${what} måste vara en andel mellan 0 och 100 % (fick ${describe(input)}).`, what);
      const v = scaledToString(p.value, 2);
      return checkUnit(v, input, what);
    }
    input = t;
  }
  const p = parseScaled(input);
  if (!p) throw new StimError(`${what} måste vara en andel, t.ex. 0,7 eller "70 %" (fick ${describe(input)}).`, what);
  if (p.negative) throw new StimError(`${what} får inte vara negativ (fick ${describe(input)}).`, what);
  const v = scaledToString(p.value, 0);
  const asNumber = Number(v);
  if (asNumber > 1) {
    if (allowWholePercent && asNumber <= 100) return scaledToString(p.value, 2);
    throw new StimError(
      `${what} är ${describe(input)}: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").`,
      what,
    );
  }
  return v;
}

function checkUnit(v: string, input: unknown, what: string): string {
  if (Number(v) > 1) throw new StimError(`${what} måste vara högst 100 % (fick ${describe(input)}).`, what);
  return v;
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
