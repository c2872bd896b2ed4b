/**
 * Exact numbers: user-supplied numbers as scaled integers (BigInt), with
 * Swedish messages naming the field. The parsing itself is ./decimal's (the
 * one parser); formatting is ./format's. Neither imports this module.
 */
import { StimError } from "./errors";
import { describe } from "./format";
import { MAX_EXPONENT, NumberProblem, parseScaled, pow10, Scaled, scaledText, scanDecimal } from "./decimal";

export { MAX_EXPONENT, parseScaled, pow10, scaledText, toCommonScale, ungroup } from "./decimal";
export type { NumberProblem, Scaled } from "./decimal";

/**
 * The precision of a key (allocate's keys, FUND_SHARE's keys): at most this
 * many significant digits and this many decimals, trailing zeros not counted.
 * Keys are brought to one integer scale, so one key with 32 767 decimals
 * would make every key a 32 767-digit integer (and cost hundreds of MB);
 * 30 digits is far beyond any population, count or share.
 */
export const MAX_KEY_DIGITS = 30;
export const MAX_KEY_DECIMALS = 30;

/**
 * A key: like parseScaled, with trailing zeros after the point dropped
 * ("0.500" is 0.5) and the precision bounded (MAX_KEY_DIGITS significant
 * digits, MAX_KEY_DECIMALS decimals); the bound is checked on the text,
 * before any large integer is built. Returns the problem instead of a value
 * when the input is refused.
 */
export function parseKey(input: unknown): { negative: boolean; value: Scaled } | NumberProblem {
  if (typeof input === "bigint" || (typeof input === "number" && Number.isSafeInteger(input))) {
    const p = parseScaled(input)!;
    if (p.value.mantissa < 10n ** BigInt(MAX_KEY_DIGITS)) return p;
    const text = p.value.mantissa.toString();
    return text.length > MAX_EXPONENT + MAX_KEY_DIGITS || significant(text) > MAX_KEY_DIGITS ? "precision" : p;
  }
  const s = scanDecimal(input);
  if (typeof s === "string") return s;
  let { digits, scale } = s;
  let cut = digits.length;
  while (scale > 0 && cut > 0 && digits.charCodeAt(cut - 1) === 48) {
    cut--;
    scale--;
  }
  digits = digits.slice(0, cut);
  if (scale > MAX_KEY_DECIMALS || significant(digits) > MAX_KEY_DIGITS) return "precision";
  return { negative: s.negative, value: { mantissa: BigInt(digits === "" ? "0" : digits), scale } };
}

/** Significant digits of a digit string: without leading and trailing zeros. */
function significant(digits: string): number {
  const t = digits.replace(/^0+/, "").replace(/0+$/, "");
  return t.length;
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

/**
 * 1 − share for a decimal share text ("0.7" → "0.3"), exact: the other part
 * of a two-way split.
 */
export function complementShare(text: string): string {
  const p = parseScaled(text);
  if (!p || p.negative) throw new StimError(`Andelen ${describe(text)} är ogiltig.`, "share");
  const one = pow10(p.value.scale);
  if (p.value.mantissa > one) throw new StimError(`Andelen ${describe(text)} är större än 1.`, "share");
  return scaledText({ mantissa: one - p.value.mantissa, scale: p.value.scale });
}
