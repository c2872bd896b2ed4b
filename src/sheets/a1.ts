/**
 * A1 addresses for rectangular ranges: "A1", "B2:D10", "$A$1:$C$3", "c3:a1".
 * Whole columns/rows ("A:C", "1:3"), sheet prefixes ("Blad1!A1") and R1C1 are
 * not supported; the adapters take the sheet name separately.
 *
 * Rows and columns are 0-based here; Excel's are 1-based.
 */
/** Excel's sheet size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An error whose message is meant for the user (Swedish); the workbook adapters throw it too. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}

export const addressMessages = {
  invalidAddress: (address: string) =>
    `"${address}" är ingen giltig celladress. Använd till exempel "A1" eller "B2:D10".`,
  addressOutOfBounds: (address: string) => `Celladressen "${address}" ligger utanför kalkylbladet.`,
} as const;

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  /** Top-left corner (inclusive). */
  start: CellRef;
  /** Bottom-right corner (inclusive). */
  end: CellRef;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** "A" -> 0, "Z" -> 25, "AA" -> 26, "XFD" -> 16383. */
export function columnLettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new WorkbookError(addressMessages.invalidAddress(letters));
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnIndexToLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Ogiltigt kolumnindex: ${index}`);
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseCell(text: string, whole: string): CellRef {
  const m = CELL_RE.exec(text.trim());
  if (!m) throw new WorkbookError(addressMessages.invalidAddress(whole));
  const col = columnLettersToIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (row < 0) throw new WorkbookError(addressMessages.invalidAddress(whole));
  if (row >= MAX_ROWS || col >= MAX_COLUMNS) throw new WorkbookError(addressMessages.addressOutOfBounds(whole));
  return { row, col };
}

/** Parses "B2" or "B2:D10" (corners in any order) into a normalised range. */
export function parseA1Range(address: string): RangeRef {
  const parts = address.split(":");
  if (parts.length > 2 || address.includes("!")) throw new WorkbookError(addressMessages.invalidAddress(address));
  const a = parseCell(parts[0], address);
  const b = parts.length === 2 ? parseCell(parts[1], address) : a;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function cellToA1(cell: CellRef): string {
  return `${columnIndexToLetters(cell.col)}${cell.row + 1}`;
}

/** Formats a range the way Excel reports addresses: "C3" for one cell, "A1:C3" otherwise. */
export function rangeToA1(range: RangeRef): string {
  const start = cellToA1(range.start);
  if (range.start.row === range.end.row && range.start.col === range.end.col) return start;
  return `${start}:${cellToA1(range.end)}`;
}

/** The range of a `rows` x `cols` block whose top-left corner is A1 (both must be >= 1). */
export function blockFromA1(rows: number, cols: number): RangeRef {
  return { start: { row: 0, col: 0 }, end: { row: rows - 1, col: cols - 1 } };
}

export function rangeSize(range: RangeRef): { rows: number; cols: number } {
  return { rows: range.end.row - range.start.row + 1, cols: range.end.col - range.start.col + 1 };
}
