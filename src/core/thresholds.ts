/**
 * Exact threshold arithmetic: shares, month-by-month comparisons, capped keys,
 * take-over schedules and co-financing. No floats: decimal.js for ratios,
 * BigInt for counts.
 */
import { StimError } from "./errors";
import { D, Dec, parseKronor, parseScaled, toCommonScale } from "./exact";
import { describe } from "./format";
import { Comparison } from "./model";

/** part/total ≥ threshold (or >), decided exactly: part ≥ threshold × total. */
export function meetsShare(part: Dec, total: Dec, threshold: string, op: Comparison): boolean {
  if (total.lte(0)) throw new StimError("Totalen för en andel måste vara större än 0.", "total");
  const needed = new D(threshold).times(total);
  return op === ">=" ? part.gte(needed) : part.gt(needed);
}

/** A share value (0–1) compared exactly against a threshold. */
export function meetsRatio(ratio: Dec, threshold: string, op: Comparison): boolean {
  return op === ">=" ? ratio.gte(threshold) : ratio.gt(threshold);
}

/** "≥" / ">" for explanations (formatting lives in ./format). */
export { formatComparison as comparisonText } from "./format";

/** Reads a list of finite numbers exactly (as decimals). */
export function parseSeries(values: readonly unknown[], what: string): Dec[] {
  if (!Array.isArray(values)) throw new StimError(`${what} måste vara en lista med tal.`, what);
  return values.map((v, i) => {
    const p = parseScaled(v);
    if (!p) throw new StimError(`${what}: värde ${i + 1} är inte ett tal (${describe(v)}).`, what);
    return new D(`${p.negative ? "-" : ""}${p.value.mantissa}e-${p.value.scale}`);
  });
}

/**
 * How many months the current value is strictly lower than the same month
 * the year before. Equal is not lower. Lengths must match.
 */
export function monthsLower(previous: readonly unknown[], current: readonly unknown[]): number {
  const prev = parseSeries(previous, "previous");
  const cur = parseSeries(current, "current");
  if (prev.length !== cur.length) {
    throw new StimError(`previous och current har olika längd (${prev.length} mot ${cur.length} månader).`, "current");
  }
  let n = 0;
  for (let i = 0; i < cur.length; i++) if (cur[i].lt(prev[i])) n++;
  return n;
}

/**
 * A capped key: each value limited to `cap` (e.g. at most 2 trained process
 * leaders per kommun, or per city district in the three big cities, where the
 * value is a list of per-district counts).
 */
export function cappedKey(value: unknown, cap: number): bigint {
  if (!Number.isSafeInteger(cap) || cap < 0) throw new StimError(`Taket måste vara ett heltal ≥ 0 (fick ${describe(cap)}).`, "tak");
  const capBig = BigInt(cap);
  const one = (v: unknown, what: string): bigint => {
    const n = parseKronor(v, what);
    return n > capBig ? capBig : n;
  };
  if (Array.isArray(value)) return value.reduce<bigint>((s, v, i) => s + one(v, `stadsdel ${i + 1}`), 0n);
  return one(value, "antal");
}

export interface ScheduleRow {
  year: number;
  share: string;
}

/**
 * Splits a cost between the principal (who takes over `share` of it in a
 * year) and the state, in whole kronor summing to the cost.
 */
export function takeOver(cost: unknown, year: number, schedule: readonly ScheduleRow[]): { principal: bigint; state: bigint; share: string } {
  const kr = parseKronor(cost, "kostnad");
  if (!Number.isInteger(year)) throw new StimError(`Året måste vara ett heltal (fick ${describe(year)}).`, "år");
  const sorted = [...schedule].sort((a, b) => a.year - b.year);
  if (sorted.length === 0 || year < sorted[0].year) {
    throw new StimError(`Året ${year} ligger före schemat (första året ${sorted[0]?.year ?? "saknas"}).`, "år");
  }
  let row = sorted[0];
  for (const r of sorted) if (r.year <= year) row = r; // the last stated share holds onward
  const share = parseScaled(row.share);
  if (!share || share.negative) throw new StimError(`Andelen ${describe(row.share)} i schemat är ogiltig.`, "andel");
  const [a, b] = toCommonScale([share.value, parseScaled("1")!.value]);
  const principal = (kr * a) / b; // floor: the state never pays less than its share
  return { principal, state: kr - principal, share: row.share };
}

/**
 * Co-financing: the own contribution must be at least `minRatio` × the state
 * grant (eHälsa: at least the same amount).
 */
export function cofinancingMet(stateGrant: unknown, own: unknown, minRatio: string): { met: boolean; required: Dec } {
  const g = parseKronor(stateGrant, "statsbidrag");
  const o = parseKronor(own, "egen insats");
  const required = new D(minRatio).times(g.toString());
  return { met: new D(o.toString()).gte(required), required };
}

/**
 * The state's share in a given year of a financing model with `baseYears` of
 * state base funding followed by stated phase-out shares (e.g. 75 % in year
 * five, 50 % in year six). Years the sources say nothing about are refused.
 */
export function stateShareInModelYear(
  yearOfModel: number,
  baseYears: number,
  phaseOut: readonly { yearOfModel: number; stateShare: string }[],
): { share: string | null; phase: "base" | "phase-out" } {
  if (!Number.isInteger(yearOfModel) || yearOfModel < 1) {
    throw new StimError(`År i modellen måste vara ett heltal ≥ 1 (fick ${describe(yearOfModel)}).`, "år");
  }
  if (yearOfModel <= baseYears) return { share: null, phase: "base" };
  const row = phaseOut.find((r) => r.yearOfModel === yearOfModel);
  if (!row) {
    const last = Math.max(...phaseOut.map((r) => r.yearOfModel));
    throw new StimError(`Källorna anger inte statens andel år ${yearOfModel} (bara år 1–${last}).`, "år");
  }
  return { share: row.stateShare, phase: "phase-out" };
}
