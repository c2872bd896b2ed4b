/**
 * Exact numbers: parsing user-supplied numbers into scaled integers (BigInt)
 * without passing through float arithmetic, and decimal.js for rates.
 */
import Decimal from "decimal.js";
import { StimError } from "./errors";
import { describe } from "./format";

// Formatting lives in ./format; re-exported for modules that still import it from here.
export { describe, formatInt, formatKr, formatPercent, formatRate } from "./format";

/** A private decimal.js constructor with room for products of large counts. */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** A non-negative exact decimal as mantissa × 10^-scale. */
export interface Scaled {
  mantissa: bigint;
  scale: number;
}

/** Largest decimal exponent accepted in user numbers (1e100 kronor is far beyond any budget). */
export const MAX_EXPONENT = 100;

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a number or numeric string exactly. JS numbers are read through
 * their shortest round-trip string (0.1 → "0.1"), which is what the user typed.
 * Returns undefined when the input is not a finite number.
 */
export function parseScaled(input: unknown): { negative: boolean; value: Scaled } | undefined {
  let text: string;
  if (typeof input === "bigint") return { negative: input < 0n, value: { mantissa: input < 0n ? -input : input, scale: 0 } };
  if (typeof input === "number") {
    if (Number.isSafeInteger(input)) return { negative: input < 0, value: { mantissa: BigInt(input < 0 ? -input : input), scale: 0 } };
    if (!Number.isFinite(input)) return undefined;
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim().replace(/[\s\u00a0\u202f]/g, "");
    if (text === "") return undefined;
  } else {
    return undefined;
  }
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const sign = m[1] ?? m[5] ?? "";
  const intPart = m[2] ?? "0";
  const frac = m[3] ?? m[6] ?? "";
  const exp = Number(m[4] ?? m[7] ?? "0");
  // Bound the exponent: "1e600000000" is not an amount anyone means, and
  // expanding it would exhaust memory.
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
  let digits = (intPart + frac).replace(/^0+(?=\d)/, "");
  let scale = frac.length - exp;
  if (scale < 0) {
    digits = digits + "0".repeat(-scale);
    scale = 0;
  }
  const mantissa = BigInt(digits === "" ? "0" : digits);
  return { negative: sign === "-" && mantissa !== 0n, value: { mantissa, scale } };
}

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

/** Brings scaled values to a common scale, so they become plain integers. */
export function toCommonScale(values: Scaled[]): bigint[] {
  let scale = 0;
  for (const v of values) if (v.scale > scale) scale = v.scale;
  return values.map((v) => v.mantissa * pow10(scale - v.scale));
}

/**
 * Whole kronor from a user value: a non-negative integer (number, numeric
 * string or bigint). `what` names the argument in the Swedish message.
 */
export function parseKronor(input: unknown, what: string): bigint {
  const p = parseScaled(input);
  if (!p) throw new StimError(`${what} måste vara ett tal i hela kronor, fick ${describe(input)}.`, what);
  if (p.negative) throw new StimError(`${what} får inte vara negativt (fick ${describe(input)}).`, what);
  const { mantissa, scale } = p.value;
  if (scale > 0 && mantissa % pow10(scale) !== 0n) {
    throw new StimError(`${what} måste vara hela kronor utan ören (fick ${describe(input)}).`, what);
  }
  return mantissa / pow10(scale);
}

/** A decimal rate from a data string such as "0.7" (data, not user input). */
export function rate(text: string): Dec {
  return new D(text);
}
