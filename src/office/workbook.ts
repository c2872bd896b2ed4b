/**
 * The seam between the task pane and Excel.
 *
 * The task pane only talks to a `WorkbookAdapter`. In Excel it gets an
 * `OfficeWorkbook` (office.js, `Excel.run`); in tests and in the plain-browser
 * preview it gets a `MemoryWorkbook`. Both implementations share the
 * validation and the (Swedish) error messages in this module so they behave
 * the same way.
 *
 * Safety rule: Stimulans never overwrites cells the user has typed. Output is
 * written to a new sheet (or to an existing sheet that is completely empty);
 * anything else is refused.
 */

import type { SheetSpec } from "../sheets/layout";
import { formatInt } from "../core/format";

/** A value Stimulans writes into a cell. */
export type CellValue = string | number | boolean;

export interface SelectedRange {
  /** Worksheet name. */
  sheet: string;
  /** A1 address without the sheet prefix, e.g. "B2:D10" or "C3". */
  address: string;
  /** Cell values, row by row. Empty cells are "". */
  values: unknown[][];
  /** Formulas ("=…", in Excel's invariant English form) row by row; "" where a cell holds a value. */
  formulas?: unknown[][];
}

/** The used part of a sheet, from A1 to its last used cell (so row and column indexes are the sheet's). */
export interface UsedRange {
  sheet: string;
  /** "A1:X318"; "A1" for an empty sheet. */
  address: string;
  /** Values row by row (a formula's cell holds its result); empty cells are "". */
  values: unknown[][];
  /** Formulas ("=…") row by row; "" where a cell holds a value. */
  formulas: unknown[][];
}

/** A cell's fill: "#RRGGBB", or null for no fill. */
export type Fill = string | null;

export interface WorkbookAdapter {
  /** Names of all worksheets, in tab order. */
  listSheetNames(): Promise<string[]>;
  /**
   * Values of a rectangular range, row by row; empty cells are "".
   * Rejects with a `WorkbookError` if the sheet does not exist or the address
   * is not a valid A1 address ("A1", "B2:D10", "$A$1:$C$3").
   */
  readRange(sheet: string, address: string): Promise<unknown[][]>;
  /**
   * Creates sheet `name` and writes `values` starting at A1.
   * If a sheet with that name (case-insensitive, as in Excel) exists it is
   * used only if it is completely empty; otherwise the promise rejects with a
   * `WorkbookError` and nothing is written.
   */
  writeNewSheet(name: string, values: CellValue[][]): Promise<void>;
  /** The current selection on the active sheet. */
  getSelectedRange(): Promise<SelectedRange>;
  /**
   * Writes a sheet the sheet layer describes (src/sheets `SheetSpec`: values,
   * formulas in the typed form, number formats, an Excel table, data
   * validation, frozen panes) into a new sheet `spec.name`, or an existing
   * sheet only if it is completely empty — the same rule as writeNewSheet.
   * In Excel the formulas are entered as typed (`=STIM.ALLOCATION(…)`) and
   * computed live by the add-in; the in-memory workbook keeps the cached
   * values as the cells' values.
   */
  writeSheetSpec(spec: SheetSpec): Promise<void>;
  /**
   * The sheet's values and formulas from A1 to its last used cell, in few
   * round trips. Rejects with a `WorkbookError` when the sheet is missing or
   * the block is larger than `MAX_READ_CELLS`.
   */
  readUsedRange(sheet: string): Promise<UsedRange>;
  /** Activates `sheet` and selects `address` there ("F7", "A1:C3"), as a click in Excel would. */
  selectRange(sheet: string, address: string): Promise<void>;
  /** The fill of each cell ("F7"), in the order given: "#RRGGBB", or null for no fill. */
  readFills(sheet: string, cells: readonly string[]): Promise<Fill[]>;
  /**
   * Sets the fill of each cell (null removes the fill), all in one round
   * trip. Formatting only: values and formulas are never touched.
   */
  writeFills(sheet: string, fills: readonly { cell: string; fill: Fill }[]): Promise<void>;
  /** Calls `listener` after the user selects other cells; resolves to a function that stops listening. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
}

/** Most cells `readFills`/`writeFills` take at once (one request stays well inside Excel on the web's payload limit). */
export const MAX_FILL_CELLS = 5_000;

/** The values (and "=formulas") of a sheet spec, row by row, for a rectangular write. */
export function specValues(spec: SheetSpec): CellValue[][] {
  const width = Math.max(0, ...spec.cells.map((r) => r.length));
  return spec.cells.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const x = row[c];
      if (!x) return "";
      if (x.formula !== undefined) return `=${x.formula}`;
      // A cell covered by a spill stays empty in Excel: the anchor's formula fills it (a value there would block the spill).
      if (x.spilled) return "";
      return x.value ?? "";
    }),
  );
}

import { MAX_COLUMNS, MAX_ROWS, WorkbookError, addressMessages } from "../sheets/a1";
export { MAX_COLUMNS, MAX_ROWS, WorkbookError };


/** User-facing messages, shared by all adapters. */
export const messages = {
  sheetNotEmpty: (name: string) =>
    `Bladet "${name}" finns redan och innehåller data. Stimulans skriver aldrig över befintliga celler – välj ett annat namn eller töm bladet först.`,
  sheetExists: (name: string) => `Det finns redan ett blad som heter "${name}".`,
  sheetMissing: (name: string) => `Det finns inget blad som heter "${name}".`,
  sheetNameEmpty: () => "Bladnamnet får inte vara tomt.",
  sheetNameTooLong: (name: string) => `Bladnamnet "${name}" är för långt (högst ${MAX_SHEET_NAME_LENGTH} tecken).`,
  sheetNameInvalidChars: (name: string) =>
    `Bladnamnet "${name}" innehåller otillåtna tecken. Tecknen : \\ / ? * [ ] får inte användas.`,
  sheetNameApostrophe: (name: string) => `Bladnamnet "${name}" får inte börja eller sluta med apostrof (').`,
  sheetNameReserved: (name: string) => `Bladnamnet "${name}" är reserverat av Excel.`,
  notRectangular: () => "Alla rader måste ha lika många kolumner.",
  invalidNumber: (row: number, col: number) =>
    `Cellen på rad ${row}, kolumn ${col} innehåller ett ogiltigt tal (NaN eller oändligt).`,
  invalidCellType: (row: number, col: number) =>
    `Cellen på rad ${row}, kolumn ${col} innehåller ett värde som inte kan skrivas till Excel.`,
  textTooLong: (row: number, col: number) =>
    `Texten i cellen på rad ${row}, kolumn ${col} är längre än ${MAX_CELL_TEXT_LENGTH} tecken.`,
  rangeTooLarge: (cells: number) =>
    `Området är för stort (${formatInt(cells)} celler). Markera högst ${formatInt(MAX_READ_CELLS)} celler.`,
  tooLarge: () => "Datamängden är större än vad ett Excel-blad rymmer.",
  tooManyFills: (cells: number) => `För många celler att färga (${formatInt(cells)}); högst ${formatInt(MAX_FILL_CELLS)} åt gången.`,
  invalidFill: (fill: string) => `"${fill}" är ingen färg; ange den som #RRGGBB.`,
} as const;

/** Excel limits. */
export const MAX_SHEET_NAME_LENGTH = 31;
export const MAX_CELL_TEXT_LENGTH = 32767;
/**
 * Largest range `readRange`/`getSelectedRange` will load. Excel on the web
 * limits a request payload to about 5 MB; a whole selected column (about a
 * million cells) would exceed it.
 */
export const MAX_READ_CELLS = 200_000;

/** Returns a Swedish error message if `name` is not a valid Excel sheet name, otherwise null. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim().length === 0) return messages.sheetNameEmpty();
  if (name.length > MAX_SHEET_NAME_LENGTH) return messages.sheetNameTooLong(name);
  if (/[:\\/?*[\]]/.test(name)) return messages.sheetNameInvalidChars(name);
  if (name.startsWith("'") || name.endsWith("'")) return messages.sheetNameApostrophe(name);
  if (name.toLowerCase() === "history") return messages.sheetNameReserved(name);
  return null;
}

/**
 * Returns a Swedish error message if `values` cannot be written as one
 * rectangular block, otherwise null. Row/column numbers in messages are 1-based.
 */
export function valuesProblem(values: readonly (readonly unknown[])[]): string | null {
  if (values.length > MAX_ROWS) return messages.tooLarge();
  const width = values.length > 0 ? values[0].length : 0;
  if (width > MAX_COLUMNS) return messages.tooLarge();
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || row.length !== width) return messages.notRectangular();
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (typeof v === "number") {
        if (!Number.isFinite(v)) return messages.invalidNumber(r + 1, c + 1);
      } else if (typeof v === "string") {
        if (v.length > MAX_CELL_TEXT_LENGTH) return messages.textTooLong(r + 1, c + 1);
      } else if (typeof v !== "boolean") {
        return messages.invalidCellType(r + 1, c + 1);
      }
    }
  }
  return null;
}

/**
 * A sheet name based on `base` that no sheet in `existing` has (compared
 * case-insensitively, as Excel does): `base`, else "base (2)", "base (3)" …,
 * shortened so the result stays within Excel's 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = base.replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").trim() || "Blad";
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = clean.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase()) && sheetNameProblem(name) === null) return name;
  }
}

/** Throws a `WorkbookError` if `writeNewSheet(name, values)` must be refused before touching the workbook. */
export function assertWritable(name: string, values: readonly (readonly unknown[])[]): void {
  const problem = sheetNameProblem(name) ?? valuesProblem(values);
  if (problem !== null) throw new WorkbookError(problem);
}

/** True if a cell value counts as "something the user put there". */
export function isNonEmptyCell(value: unknown): boolean {
  return value !== "" && value !== null && value !== undefined;
}

/** A table name not yet used in the workbook (Excel's names are unique, case-insensitive): "Fordelning", "Fordelning_2", … */
export function uniqueTableName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}_${i}`.toLowerCase())) return `${name}_${i}`;
}

/** Throws a `WorkbookError` unless every cell is an A1 cell address and every fill is "#RRGGBB" or null. */
export function assertFills(fills: readonly { cell: string; fill: Fill }[]): void {
  if (fills.length > MAX_FILL_CELLS) throw new WorkbookError(messages.tooManyFills(fills.length));
  for (const { cell, fill } of fills) {
    if (!/^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/.test(cell)) throw new WorkbookError(addressMessages.invalidAddress(cell));
    if (fill !== null && !/^#[0-9A-Fa-f]{6}$/.test(fill)) throw new WorkbookError(messages.invalidFill(fill));
  }
}
