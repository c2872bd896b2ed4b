/**
 * Exact threshold arithmetic: shares, month-by-month comparisons, capped keys,
 * take-over schedules and co-financing. No floats: exact fractions of BigInt.
 */
import { StimError } from "./errors";
import { splitAmount } from "./allocate";
import { complementShare, parseKronor, parseScaled } from "./exact";
import { describe } from "./format";
import { Fraction, frac, fromDecimal, fromScaled, meets, mul } from "./fraction";
import { Comparison } from "./model";
import { countLower } from "./rules";

/** An exact number from a number or decimal text, or a StimError naming `what`. */
function exact(v: unknown, what: string): Fraction {
  const p = parseScaled(v);
  if (!p) throw new StimError(`${what}: ${describe(v)} är inte ett tal.`, what);
  return fromScaled(p.value, p.negative);
}

/** part/total ≥ threshold (or >), decided exactly: part ≥ threshold × total. */
export function meetsShare(part: unknown, total: unknown, threshold: string, op: Comparison): boolean {
  const t = exact(total, "total");
  if (t.n <= 0n) throw new StimError("Totalen för en andel måste vara större än 0.", "total");
  return meets(exact(part, "part"), op, mul(fromDecimal(threshold), t));
}

/** A share value (0–1) compared exactly against a threshold. */
export function meetsRatio(ratio: unknown, threshold: string, op: Comparison): boolean {
  return meets(exact(ratio, "ratio"), op, fromDecimal(threshold));
}

/** "≥" / ">" for explanations (formatting lives in ./format). */
export { formatComparison as comparisonText } from "./format";

/** Reads a list of finite numbers exactly. */
export function parseSeries(values: readonly unknown[], what: string): Fraction[] {
  if (!Array.isArray(values)) throw new StimError(`${what} måste vara en lista med tal.`, what);
  return values.map((v, i) => {
    const p = parseScaled(v);
    if (!p) throw new StimError(`${what}: värde ${i + 1} är inte ett tal (${describe(v)}).`, what);
    return fromScaled(p.value, p.negative);
  });
}

/**
 * How many months the current value is strictly lower than the same month
 * the year before. Equal is not lower. Lengths must match.
 */
export function monthsLower(previous: readonly unknown[], current: readonly unknown[]): number {
  // The same count the evaluator uses (rules.ts), so STIM.MONTHS_LOWER cannot disagree with it.
  return countLower(parseSeries(previous, "previous"), parseSeries(current, "current"));
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
  // The one rounding rule (ROUNDING_RULE): whole kronor by largest remainder, the state listed first.
  const [state, principal] = splitAmount(kr, [complementShare(row.share), row.share]);
  return { principal, state, share: row.share };
}

/**
 * How an amount is split between the state and the principals (takeover,
 * model-year), in Swedish: the same rule as every allocation. Listed first,
 * the state takes the krona on an equal remainder.
 */
export const ROUNDING_RULE = "hela kronor med största rest, samma regel som i alla fördelningar; vid lika rest går kronan till staten";

/**
 * Co-financing: the own contribution must be at least `minRatio` × the state
 * grant (eHälsa: at least the same amount).
 */
export function cofinancingMet(stateGrant: unknown, own: unknown, minRatio: string): { met: boolean; required: Fraction; requiredKronor: bigint } {
  const g = parseKronor(stateGrant, "statsbidrag");
  const o = parseKronor(own, "egen insats");
  const required = mul(fromDecimal(minRatio), frac(g));
  // Whole kronor, rounded up: anything less would fall short of the requirement.
  const requiredKronor = (required.n + required.d - 1n) / required.d;
  return { met: meets(frac(o), ">=", required), required, requiredKronor };
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
