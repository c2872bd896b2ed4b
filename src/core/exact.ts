/**
 * Exact numbers: parsing user-supplied numbers into scaled integers (BigInt)
 * without passing through float arithmetic.
 */
import { StimError } from "./errors";
import { describe } from "./format";

// Formatting lives in ./format; re-exported for modules that still import it from here.
export { describe, formatInt, formatKr, formatPercent, formatRate } from "./format";


/** A non-negative exact decimal as mantissa × 10^-scale. */
export interface Scaled {
  mantissa: bigint;
  scale: number;
}

/** Largest decimal exponent accepted in user numbers (1e100 kronor is far beyond any budget). */
export const MAX_EXPONENT = 100;

/**
 * The precision of a key (allocate's keys, FUND_SHARE's keys): at most this
 * many significant digits and this many decimals, trailing zeros not counted.
 * Keys are brought to one integer scale, so one key with 32 767 decimals
 * would make every key a 32 767-digit integer (and cost hundreds of MB);
 * 30 digits is far beyond any population, count or share.
 */
export const MAX_KEY_DIGITS = 30;
export const MAX_KEY_DECIMALS = 30;

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;

/**
 * A number written with spaces as thousands separators: groups of three
 * digits after the first group, one space (or no-break, narrow no-break or
 * thin space) between groups, in the integer part only: "41 449",
 * "1 234 567", "1 234,5". "41449 31616 40495" is a list, not a number.
 */
const GROUPED_RE = /^[+-]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d*)?$/;

/**
 * Removes thousands separators from a trimmed numeric text when they are
 * placed as in a correctly grouped number; undefined when the text has other
 * spaces (a list of numbers, a stray space inside digits). Text without
 * spaces is returned as it is.
 */
export function ungroup(text: string): string | undefined {
  if (!/\s/.test(text)) return text;
  return GROUPED_RE.test(text) ? text.replace(/\s/g, "") : undefined;
}

/** A decimal text split into sign, digits (no leading zeros) and scale (digits after the point). */
interface Scanned {
  negative: boolean;
  digits: string;
  scale: number;
}

/** Why a value is not accepted as a number. */
export type NumberProblem = "not-a-number" | "spaced" | "precision";

function scan(input: unknown): Scanned | NumberProblem {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return "not-a-number";
    text = String(input);
  } else if (typeof input === "string") {
    const t = ungroup(input.trim());
    if (t === undefined) return "spaced";
    if (t === "") return "not-a-number";
    text = t;
  } else {
    return "not-a-number";
  }
  const m = DECIMAL_RE.exec(text);
  if (!m) return "not-a-number";
  const sign = m[1] ?? m[5] ?? "";
  const intPart = m[2] ?? "0";
  const frac = m[3] ?? m[6] ?? "";
  const exp = Number(m[4] ?? m[7] ?? "0");
  // Bound the exponent: "1e600000000" is not an amount anyone means, and
  // expanding it would exhaust memory.
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return "not-a-number";
  let digits = (intPart + frac).replace(/^0+(?=\d)/, "");
  let scale = frac.length - exp;
  if (scale < 0) {
    digits = digits + "0".repeat(-scale);
    scale = 0;
  }
  return { negative: sign === "-" && /[1-9]/.test(digits), digits, scale };
}

/**
 * Parses a number or numeric string exactly. JS numbers are read through
 * their shortest round-trip string (0.1 → "0.1"), which is what the user typed.
 * Spaces are accepted only as thousands separators of a correctly grouped
 * number (see ungroup). Returns undefined when the input is not a finite number.
 */
export function parseScaled(input: unknown): { negative: boolean; value: Scaled } | undefined {
  if (typeof input === "bigint") return { negative: input < 0n, value: { mantissa: input < 0n ? -input : input, scale: 0 } };
  if (typeof input === "number" && Number.isSafeInteger(input)) {
    return { negative: input < 0, value: { mantissa: BigInt(input < 0 ? -input : input), scale: 0 } };
  }
  const s = scan(input);
  if (typeof s === "string") return undefined;
  return { negative: s.negative, value: { mantissa: BigInt(s.digits === "" ? "0" : s.digits), scale: s.scale } };
}

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
  const s = scan(input);
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

const POW10: bigint[] = [1n];
/** 10^n as a BigInt; the small powers are cached (a cache of large ones would hold hundreds of MB). */
export function pow10(n: number): bigint {
  if (n > 64) return 10n ** BigInt(n);
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

/** A scaled value as plain decimal text ("0.3", "12", "0.045"). */
export function scaledText(v: Scaled): string {
  const digits = v.mantissa.toString().padStart(v.scale + 1, "0");
  if (v.scale === 0) return digits;
  const frac = digits.slice(digits.length - v.scale).replace(/0+$/, "");
  const int = digits.slice(0, digits.length - v.scale);
  return frac ? `${int}.${frac}` : int;
}
