/**
 * The one parser for every decimal a user types or a file holds: JSON
 * literals in facts, text in sheet cells, command-line options and
 * custom-function arguments all go through `scanDecimal`, so one text means
 * one value on every face. Exact: no value passes through a float.
 *
 * - Decimal text is read as decimal ("0.79999999999999999" stays below 0.8).
 *   A value that no double holds exactly is a decimal.js `Decimal` (the
 *   design's library for exact decimals); values a double holds exactly
 *   stay plain JavaScript numbers, so the common case costs nothing.
 * - A number that really is a double (a numeric cell, a number Excel passes
 *   to a function) is read as its shortest round-trip decimal, `String(x)`:
 *   what Excel shows is what the verdict uses.
 * - Only plain decimal syntax is a number: digits, one point (or, where the
 *   face allows it, one decimal comma), an optional exponent within ±100,
 *   spaces only as thousands separators of a correctly grouped number, and
 *   "%" where a percent is allowed. "0.9abc", "0x1p-1", "Infinity" and "1 2"
 *   are not numbers.
 *
 * Pure (no Office, DOM or node:*); knows no messages: callers name the field.
 */
import { Decimal } from "decimal.js";

export { Decimal };

/** A non-negative exact decimal as mantissa × 10^-scale. */
export interface Scaled {
  mantissa: bigint;
  scale: number;
}

/** Largest decimal exponent accepted in user numbers (1e100 kronor is far beyond any budget). */
export const MAX_EXPONENT = 100;

/** Why a value is not accepted as a number. */
export type NumberProblem = "not-a-number" | "spaced" | "precision";

/** What a face accepts besides plain decimal syntax. */
export interface DecimalSyntax {
  /** A decimal comma is read as the point ("12,5"); Swedish text in cells and options. */
  comma?: boolean;
  /** A trailing "%" ("92,5 %") divides by 100: "allowed", or "required" (text shares in facts). */
  percent?: "allowed" | "required";
}

/** Plain decimal syntax: no comma, no percent (shared: scanning is on hot paths). */
const PLAIN: DecimalSyntax = Object.freeze({});

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

/** A decimal split into sign, digits (no leading zeros) and scale (digits after the point). */
export interface Scanned {
  negative: boolean;
  digits: string;
  scale: number;
  /** Written with a "%" (already divided by 100 in digits/scale). */
  percent: boolean;
}

/** Whether `v` is a decimal.js Decimal. */
export function isDecimal(v: unknown): v is Decimal {
  return v instanceof Decimal;
}

/**
 * THE parser: a number, bigint, Decimal or text under the face's syntax,
 * split exactly into sign, digits and scale; or why it is not a number.
 */
export function scanDecimal(input: unknown, syntax: DecimalSyntax = PLAIN): Scanned | NumberProblem {
  let text: string;
  let percent = false;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return "not-a-number";
    text = String(input); // the shortest round-trip decimal: what Excel and JSON show
  } else if (typeof input === "bigint") {
    text = input.toString();
  } else if (isDecimal(input)) {
    if (!input.isFinite() || Math.abs(input.e) > MAX_EXPONENT + 1) return "not-a-number";
    text = input.toFixed();
  } else if (typeof input === "string") {
    let t = input.trim();
    if (syntax.percent && t.endsWith("%")) {
      percent = true;
      t = t.slice(0, -1).trimEnd();
    } else if (syntax.percent === "required") return "not-a-number";
    const u = ungroup(t);
    if (u === undefined) return "spaced";
    if (u === "") return "not-a-number";
    text = syntax.comma && u.indexOf(",") === u.lastIndexOf(",") && !u.includes(".") ? u.replace(",", ".") : u;
  } else {
    return "not-a-number";
  }
  const m = DECIMAL_RE.exec(text);
  if (!m) return "not-a-number";
  const sign = m[1] ?? m[5] ?? "";
  const intPart = m[2] ?? "0";
  const frac = m[3] ?? m[6] ?? "";
  const expText = m[4] ?? m[7];
  const exp = expText === undefined ? 0 : Number(expText);
  // Bound the exponent: "1e600000000" is not an amount anyone means, and
  // expanding it would exhaust memory.
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return "not-a-number";
  let digits = (intPart + frac).replace(/^0+(?=\d)/, "");
  let scale = frac.length - exp + (percent ? 2 : 0);
  if (scale < 0) {
    digits = digits + "0".repeat(-scale);
    scale = 0;
  }
  return { negative: sign === "-" && /[1-9]/.test(digits), digits, scale, percent };
}

/** The scanned value as a Decimal (exact: construction never rounds). */
export function scannedDecimal(s: Scanned): Decimal {
  return new Decimal(`${s.negative ? "-" : ""}${s.digits === "" ? "0" : s.digits}e-${s.scale}`);
}

/** The exact value of the input as a Decimal, or why it is not a number. */
export function parseDecimal(input: unknown, syntax: DecimalSyntax = PLAIN): Decimal | NumberProblem {
  const s = scanDecimal(input, syntax);
  return typeof s === "string" ? s : scannedDecimal(s);
}

/**
 * Parses a number or numeric string exactly into a scaled integer. JS
 * numbers are read through their shortest round-trip string (0.1 → "0.1"),
 * which is what the user typed or sees. Returns undefined when the input is
 * not a finite number under the syntax.
 */
export function parseScaled(input: unknown, syntax?: DecimalSyntax): { negative: boolean; value: Scaled } | undefined {
  if (typeof input === "bigint") return { negative: input < 0n, value: { mantissa: input < 0n ? -input : input, scale: 0 } };
  if (typeof input === "number" && Number.isSafeInteger(input)) {
    return { negative: input < 0, value: { mantissa: BigInt(input < 0 ? -input : input), scale: 0 } };
  }
  const s = scanDecimal(input, syntax);
  if (typeof s === "string") return undefined;
  return { negative: s.negative, value: { mantissa: BigInt(s.digits === "" ? "0" : s.digits), scale: s.scale } };
}

/** Drops trailing zeros after the point: 0.500 → 0.5 (same value, smallest scale). */
export function reduceScaled(s: Scaled): Scaled {
  let { mantissa, scale } = s;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  return { mantissa, scale };
}

/**
 * An exact decimal value in the form raw facts carry it: a plain number
 * when a double holds exactly this value (so "0.5", "92", "1e3" stay
 * numbers), else a Decimal ("0.79999999999999999", counts above 2^53 as
 * written). `text` must already be a valid decimal under plain syntax.
 */
export function exactValue(text: string): number | Decimal {
  const n = Number(text);
  if (Number.isFinite(n)) {
    const shortest = String(n);
    if (shortest === text) return n;
    const a = parseScaled(text);
    const b = parseScaled(n);
    if (a && b && a.negative === b.negative && sameScaled(a.value, b.value)) return n;
  }
  return new Decimal(text);
}

/** Exact value of a scanned decimal in raw-facts form (see exactValue). */
export function scannedValue(s: Scanned): number | Decimal {
  const text = `${s.negative ? "-" : ""}${scaledText({ mantissa: BigInt(s.digits === "" ? "0" : s.digits), scale: s.scale })}`;
  return exactValue(text);
}

function sameScaled(a: Scaled, b: Scaled): boolean {
  const x = reduceScaled(a);
  const y = reduceScaled(b);
  return x.mantissa === y.mantissa && x.scale === y.scale;
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

/** A scaled value as plain decimal text ("0.3", "12", "0.045"). */
export function scaledText(v: Scaled): string {
  const digits = v.mantissa.toString().padStart(v.scale + 1, "0");
  if (v.scale === 0) return digits;
  const frac = digits.slice(digits.length - v.scale).replace(/0+$/, "");
  const int = digits.slice(0, digits.length - v.scale);
  return frac ? `${int}.${frac}` : int;
}
