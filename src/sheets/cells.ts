/**
 * Cell values as the sheet layer sees them, whichever host delivered them:
 * office.js gives "" for an empty cell, an xlsx library gives null or
 * undefined; errors arrive as "#N/A" text (office.js) or as error objects.
 * Also A1 addresses and header normalisation.
 */
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
