/**
 * Yardsticks for allocate(), written here independently of it:
 * - the tightest plain float largest remainder (what a spreadsheet would do);
 * - the textbook exact version: BigInt quotients and remainders, one full
 *   comparator sort, the stated tie-break rule and the tie records;
 * - the practical limit: exact Number arithmetic (only where pot × max key +
 *   Σ keys < 2^53) and a selection of the threshold remainder, no result
 *   objects, ties at the threshold to the earlier rows.
 * The tests compare allocate() with the textbook version (test/allocate.fast.test.ts).
 */
import { selectNth } from "../src/core/select";

/** Float largest remainder: typed arrays, one pass, one sort. Not exact. */
export function floatLargestRemainder(pot: number, keys: Float64Array): Float64Array {
  const n = keys.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += keys[i];
  const out = new Float64Array(n);
  if (total === 0) return out;
  const frac = new Float64Array(n);
  const idx = new Uint32Array(n);
  const scale = pot / total;
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    const q = keys[i] * scale;
    const f = Math.floor(q);
    out[i] = f;
    frac[i] = q - f;
    floorSum += f;
    idx[i] = i;
  }
  idx.sort((a, b) => frac[b] - frac[a] || a - b);
  const left = pot - floorSum;
  for (let j = 0; j < left && j < n; j++) out[idx[j]]++;
  return out;
}

export interface TextbookTie {
  winner: number;
  loser: number;
  by: "key" | "id" | "position";
}

/**
 * The textbook exact largest remainder: q = pot·k div Σk, r = pot·k mod Σk
 * in BigInt, then every row with r > 0 sorted by (r ↓, k ↓, id ↑ or row ↑),
 * the first `pot − Σq` get one krona each. Ties at the cut-off are recorded
 * as the stated rule says: the last 20 winners with the cut-off remainder
 * against the first 20 losers with it, each in that order.
 */
export function textbookExact(
  pot: bigint,
  keys: readonly bigint[],
  ids?: readonly string[],
): { amounts: bigint[]; extras: number[]; tieBreaks: TextbookTie[] } {
  const n = keys.length;
  let total = 0n;
  for (const k of keys) total += k;
  const amounts: bigint[] = new Array(n).fill(0n);
  if (total === 0n || pot === 0n) return { amounts, extras: [], tieBreaks: [] };
  const rem: bigint[] = new Array(n);
  let floorSum = 0n;
  for (let i = 0; i < n; i++) {
    const p = pot * keys[i];
    const q = p / total;
    amounts[i] = q;
    rem[i] = p - q * total;
    floorSum += q;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (rem[i] > 0n) order.push(i);
  const cmp = (a: number, b: number): number => {
    if (rem[a] !== rem[b]) return rem[a] > rem[b] ? -1 : 1;
    if (keys[a] !== keys[b]) return keys[a] > keys[b] ? -1 : 1;
    if (ids) return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
    return a - b;
  };
  order.sort(cmp);
  const left = Number(pot - floorSum);
  const chosen = order.slice(0, left);
  for (const i of chosen) amounts[i] += 1n;
  const tieBreaks: TextbookTie[] = [];
  if (left > 0) {
    const cut = rem[chosen[left - 1]];
    const winners = chosen.filter((i) => rem[i] === cut).slice(-20);
    const losers = order.slice(left).filter((i) => rem[i] === cut).slice(0, 20);
    for (const w of winners) {
      for (const l of losers) tieBreaks.push({ winner: w, loser: l, by: keys[w] !== keys[l] ? "key" : ids ? "id" : "position" });
    }
  }
  return { amounts, extras: chosen.sort((a, b) => a - b), tieBreaks };
}

/** True when pot × max key + Σ keys < 2^53: every product and quotient below is exact. */
export function numberSafe(pot: number, keys: Float64Array): boolean {
  let total = 0;
  let max = 0;
  for (let i = 0; i < keys.length; i++) {
    total += keys[i];
    if (keys[i] > max) max = keys[i];
  }
  return BigInt(pot) * BigInt(max) + BigInt(total) < 2n ** 53n;
}

/**
 * The practical limit: exact integers in Number arithmetic (callers check
 * numberSafe first), floors and remainders in one pass, the threshold
 * remainder by selection, then one pass handing out the kronor; ties at the
 * threshold go to the earlier rows (no key tie-break, no records).
 */
export function selectionLimit(pot: number, keys: Float64Array): Float64Array {
  const n = keys.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += keys[i];
  const out = new Float64Array(n);
  if (total === 0) return out;
  const rem = new Float64Array(n);
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    const p = pot * keys[i];
    const q = Math.floor(p / total); // exact: p < 2^53 (see src/core/allocate.ts)
    out[i] = q;
    rem[i] = p - q * total;
    floorSum += q;
  }
  let left = pot - floorSum;
  if (left === 0) return out;
  const scratch = rem.slice();
  const cut = selectNth(scratch, n - left); // the left-th largest remainder
  for (let i = 0; i < n; i++) {
    if (rem[i] > cut) {
      out[i]++;
      left--;
    }
  }
  for (let i = 0; i < n && left > 0; i++) {
    if (rem[i] === cut) {
      out[i]++;
      left--;
    }
  }
  return out;
}
