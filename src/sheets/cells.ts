/**
 * Cell values as the sheet layer sees them, whichever host delivered them:
 * office.js gives "" for an empty cell, an xlsx library gives null or
 * undefined; errors arrive as "#N/A" text (office.js) or as error objects.
 * Also A1 addresses and header normalisation.
 */
import { Decimal, scaledText, scannedValue, scanDecimal, Scanned } from "../core/decimal";
import { columnIndexToLetters } from "./a1";

/** One worksheet as a grid of values (and, where the host has them, formulas). */
export interface SheetGrid {
  name: string;
  /** Cell values row by row (cached results for formula cells). */
  values: unknown[][];
  /** Formula text per cell ("=…" or without "="), null/"" where the cell holds a value. */
  formulas?: (string | null | undefined)[][];
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const ERROR_TEXT = /^#(N\/A|VALUE!|NAME\?|REF!|DIV\/0!|NUM!|NULL!|CALC!|SPILL!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)/;

/** The Excel error shown in a cell, or undefined. */
export function errorOf(v: unknown): string | undefined {
  if (typeof v === "string" && ERROR_TEXT.test(v.trim())) return v.trim();
  if (typeof v === "object" && v !== null && "error" in v && typeof (v as { error: unknown }).error === "string") return (v as { error: string }).error;
  return undefined;
}

/** "F7" for row 6, column 5 (0-based). */
export function a1(row: number, col: number): string {
  return `${columnIndexToLetters(col)}${row + 1}`;
}

export function colLetters(col: number): string {
  return columnIndexToLetters(col);
}

/** "Fördelning!F7", quoting sheet names as Excel does when they need it. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-zÅÄÖåäö_][A-Za-z0-9ÅÄÖåäö_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Header text for matching: lower case, no diacritics, words only. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A cell value as display text for messages. */
export function shown(v: unknown): string {
  if (isEmpty(v)) return "(tom)";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 39) + "…" : v}"`;
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  return String(errorOf(v) ?? typeof v);
}

/**
 * A number read from a cell, exact. A number cell is the double Excel holds,
 * read as its shortest round-trip decimal (what Excel shows); text is read by
 * the core's one parser (./core/decimal): a decimal comma or point, spaces
 * only as thousands separators, and "%" where a percent is allowed.
 * "89,99999999999999999 %" stays below 90 %.
 */
export interface CellNumber {
  /** The exact value: a number when a double holds it exactly, else a Decimal. */
  value: number | Decimal;
  /** The exact value as plain decimal text with a point and no exponent ("-0.925"). */
  decimal: string;
  negative: boolean;
  /** A whole number. */
  integer: boolean;
  /** Written with "%" (the value is already divided by 100). */
  percent: boolean;
  /** The cell as written (trimmed), for messages. */
  text: string;
  /** value > limit, exactly. */
  above(limit: number): boolean;
}

/** The number in a cell, or undefined when the cell holds no number (malformed text, a boolean, an error). */
export function cellNumber(v: unknown, allowPercent: boolean): CellNumber | undefined {
  if (typeof v !== "number" && typeof v !== "string") return undefined;
  const s = scanDecimal(v, { comma: true, percent: allowPercent ? "allowed" : undefined });
  if (typeof s === "string") return undefined;
  const decimal = `${s.negative ? "-" : ""}${scaledText({ mantissa: BigInt(s.digits || "0"), scale: s.scale })}`;
  return {
    value: typeof v === "number" && !s.percent ? v : scannedValue(s),
    decimal,
    negative: s.negative,
    integer: !decimal.includes("."),
    percent: s.percent,
    text: typeof v === "string" ? v.trim() : String(v),
    above: (limit) => above(s, limit),
  };
}

function above(s: Scanned, limit: number): boolean {
  if (s.negative) return false;
  const lhs = BigInt(s.digits || "0");
  return lhs > BigInt(limit) * 10n ** BigInt(s.scale);
}
