/**
 * In-memory `WorkbookAdapter` for tests and for the plain-browser preview of
 * the task pane (when office.js / Excel is not available).
 *
 * Behaves like `OfficeWorkbook` where it matters: sheet names are matched
 * case-insensitively, empty cells read as "", single-cell addresses are
 * reported as "C3" (not "C3:C3"), writing to a non-empty sheet is refused,
 * and after `writeNewSheet` the new sheet is active with A1 selected.
 */
import type { SheetSpec, StyleId } from "../sheets/layout";
import { addressMessages, blockFromA1, parseA1Range, rangeSize, rangeToA1, type RangeRef } from "../sheets/a1";
import { recalculateSheet } from "../sheets/calc";
import { AGREEMENTS } from "../agreements";
import {
  MAX_COLUMNS,
  MAX_READ_CELLS,
  MAX_ROWS,
  WorkbookError,
  assertFills,
  assertWritable,
  isNonEmptyCell,
  messages,
  sheetNameProblem,
  valuesProblem,
  specValues,
  uniqueTableName,
  type CellValue,
  type Fill,
  type SelectedRange,
  type UsedRange,
  type WorkbookAdapter,
} from "./workbook";

interface MemorySheet {
  name: string;
  /** Sparse cells keyed by `${row},${col}` (0-based). Never holds "". */
  cells: Map<string, CellValue>;
  /** Formulas (typed form, with "="), keyed like cells; their cached values are in `cells`. */
  formulas: Map<string, string>;
  tables: { name: string; range: string }[];
  validations: SheetSpec["validations"];
  /** Cell fills ("#RRGGBB"), keyed like cells. */
  fills: Map<string, string>;
  /** How the sheet layer asked the cells to look (number formats, styles, widths), for the preview grid. */
  look?: { numFmts: Map<string, string>; styles: Map<string, StyleId>; columnWidths: number[] };
}

/** A sheet's used block from A1, for showing it (the browser preview's grid). */
export interface SheetSnapshot {
  name: string;
  /** Rows × columns from A1 to the last used cell; empty cells are "". */
  values: CellValue[][];
  /** Number format per cell ('#,##0 "kr"' …), where the sheet layer gave one. */
  numFmts: (string | undefined)[][];
  /** The sheet layer's style per cell ("title", "header", "total" …). */
  styles: (StyleId | undefined)[][];
  /** Column widths in characters, where given. */
  columnWidths: number[];
  /** Fill per cell ("#RRGGBB"), where one is set. */
  fills: (string | undefined)[][];
}

const key = (row: number, col: number) => `${row},${col}`;

function newSheet(name: string): MemorySheet {
  return { name, cells: new Map(), formulas: new Map(), tables: [], validations: [], fills: new Map() };
}

export class MemoryWorkbook implements WorkbookAdapter {
  private readonly sheets: MemorySheet[] = [];
  private active: { sheet: string; range: RangeRef };
  private readonly listeners = new Set<() => void>();
  /** Counts changes, so a view can tell whether it has seen the latest state. */
  private revision = 0;

  /**
   * @param initial sheets to start with, in tab order, each as a block of
   *   values starting at A1. Defaults to one empty sheet "Blad1" (the name a
   *   Swedish Excel gives the first sheet).
   */
  constructor(initial: Record<string, CellValue[][]> = { Blad1: [] }) {
    for (const [name, values] of Object.entries(initial)) this.addSheet(name, values);
    if (this.sheets.length === 0) this.addSheet("Blad1");
    this.active = { sheet: this.sheets[0].name, range: parseA1Range("A1") };
  }

  // --- test/preview helpers (not part of WorkbookAdapter) -------------------

  /** Adds a sheet at the end, with `values` at A1. Throws if the name is taken or invalid. */
  addSheet(name: string, values: CellValue[][] = []): void {
    const problem = sheetNameProblem(name) ?? valuesProblem(values);
    if (problem !== null) throw new WorkbookError(problem);
    if (this.find(name)) throw new WorkbookError(messages.sheetExists(name));
    const sheet: MemorySheet = newSheet(name);
    this.sheets.push(sheet);
    this.put(sheet, 0, 0, values);
    this.changed();
  }

  /** The formula of a cell ("=…"), or undefined for a value. */
  formulaAt(sheetName: string, address: string): string | undefined {
    const { start } = parseA1Range(address);
    return this.require(sheetName).formulas.get(key(start.row, start.col));
  }

  /** Tables on a sheet: name and A1 range. */
  tablesOn(sheetName: string): { name: string; range: string }[] {
    return [...this.require(sheetName).tables];
  }

  /** Data validation rules on a sheet. */
  validationsOn(sheetName: string): SheetSpec["validations"] {
    return [...this.require(sheetName).validations];
  }

  /** Writes `values` with the top-left corner at `address` ("B2"), like a user typing. */
  setValues(sheetName: string, address: string, values: CellValue[][]): void {
    const sheet = this.require(sheetName);
    const problem = valuesProblem(values);
    if (problem !== null) throw new WorkbookError(problem);
    const { start } = parseA1Range(address);
    const width = values.length > 0 ? values[0].length : 0;
    if (start.row + values.length > MAX_ROWS || start.col + width > MAX_COLUMNS) {
      throw new WorkbookError(addressMessages.addressOutOfBounds(address));
    }
    this.put(sheet, start.row, start.col, values);
    this.recalculate(sheet);
    this.changed();
  }

  /** Recomputes an allocation sheet's formulas after a change, as Excel would (through the sheet layer: `recalculateSheet`). */
  private recalculate(sheet: MemorySheet): void {
    if (![...sheet.formulas.values()].some((f) => /STIM\.ALLOCATION_SHEET\(/i.test(f))) return;
    recalculateSheet(
      {
        get: (r, c) => sheet.cells.get(key(r, c)),
        set: (r, c, v) => (v === "" ? sheet.cells.delete(key(r, c)) : sheet.cells.set(key(r, c), v)),
        formulas: () => [...sheet.formulas].map(([k, f]) => [...k.split(",").map(Number), f] as [number, number, string]),
      },
      (id) => AGREEMENTS.find((a) => a.id === id),
    );
  }

  /** Makes `address` on `sheet` the current selection (and `sheet` the active sheet). */
  select(sheetName: string, address: string): void {
    const sheet = this.require(sheetName);
    this.active = { sheet: sheet.name, range: parseA1Range(address) };
    this.changed();
  }

  /** Calls `listener` after every change (a write, a new sheet, a selection); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A number that grows with every change (for React's useSyncExternalStore). */
  getRevision(): number {
    return this.revision;
  }

  /** The sheet names in tab order (synchronously; `listSheetNames` is the adapter's asynchronous form). */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The active sheet and the selected range ("C3" or "A1:B2"). */
  getActive(): { sheet: string; address: string } {
    return { sheet: this.active.sheet, address: rangeToA1(this.active.range) };
  }

  /**
   * The sheet's cells from A1 to its last used row and column, capped at
   * `maxRows` × `maxCols` (a preview shows the top-left corner of a big sheet),
   * with the look the sheet layer gave them.
   */
  snapshot(sheetName: string, maxRows = 500, maxCols = 52): SheetSnapshot {
    const sheet = this.require(sheetName);
    let rows = 0;
    let cols = 0;
    for (const k of sheet.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    rows = Math.min(rows, maxRows);
    cols = Math.min(cols, maxCols);
    const grid = <T>(at: (k: string) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(key(r, c))));
    return {
      name: sheet.name,
      values: grid((k) => sheet.cells.get(k) ?? ""),
      numFmts: grid((k) => sheet.look?.numFmts.get(k)),
      styles: grid((k) => sheet.look?.styles.get(k)),
      columnWidths: sheet.look?.columnWidths ?? [],
      fills: grid((k) => sheet.fills.get(k)),
    };
  }

  // --- WorkbookAdapter ------------------------------------------------------

  async listSheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readRange(sheetName: string, address: string): Promise<unknown[][]> {
    const sheet = this.require(sheetName);
    return this.read(sheet, parseA1Range(address));
  }

  async writeNewSheet(name: string, values: CellValue[][]): Promise<void> {
    assertWritable(name, values);
    let sheet = this.find(name);
    if (sheet) {
      if (sheet.cells.size > 0) throw new WorkbookError(messages.sheetNotEmpty(sheet.name));
    } else {
      sheet = newSheet(name);
      this.sheets.push(sheet);
    }
    this.put(sheet, 0, 0, values);
    this.active = { sheet: sheet.name, range: parseA1Range("A1") };
    this.changed();
  }

  async writeSheetSpec(spec: SheetSpec): Promise<void> {
    const values = specValues(spec);
    assertWritable(spec.name, values);
    const taken = new Set(this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    let sheet = this.find(spec.name);
    if (sheet) {
      if (sheet.cells.size > 0) throw new WorkbookError(messages.sheetNotEmpty(sheet.name));
    } else {
      sheet = newSheet(spec.name);
      this.sheets.push(sheet);
    }
    const cached = spec.cells.map((row) => row.map((c) => (c ? (c.formula !== undefined ? (c.cached ?? "") : (c.value ?? "")) : "")));
    const width = values[0]?.length ?? 0;
    this.put(sheet, 0, 0, cached.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")));
    values.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && v.startsWith("=") && sheet!.formulas.set(key(r, c), v)));
    if (spec.table) sheet.tables.push({ name: uniqueTableName(spec.table.name, taken), range: spec.table.range });
    sheet.validations.push(...spec.validations);
    const look: NonNullable<MemorySheet["look"]> = { numFmts: new Map(), styles: new Map(), columnWidths: [...spec.columnWidths] };
    spec.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c?.numFmt) look.numFmts.set(key(r, k), c.numFmt);
        if (c?.style) look.styles.set(key(r, k), c.style);
      }),
    );
    sheet.look = look;
    this.active = { sheet: sheet.name, range: parseA1Range("A1") };
    this.changed();
  }

  async getSelectedRange(): Promise<SelectedRange> {
    const sheet = this.require(this.active.sheet);
    return {
      sheet: sheet.name,
      address: rangeToA1(this.active.range),
      values: this.read(sheet, this.active.range),
      formulas: this.readFormulas(sheet, this.active.range),
    };
  }

  async readUsedRange(sheetName: string): Promise<UsedRange> {
    const sheet = this.require(sheetName);
    let rows = 0;
    let cols = 0;
    for (const k of [...sheet.cells.keys(), ...sheet.formulas.keys()]) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    if (rows === 0) return { sheet: sheet.name, address: "A1", values: [[""]], formulas: [[""]] };
    const range = blockFromA1(rows, cols);
    return { sheet: sheet.name, address: rangeToA1(range), values: this.read(sheet, range), formulas: this.readFormulas(sheet, range) };
  }

  async selectRange(sheetName: string, address: string): Promise<void> {
    const sheet = this.require(sheetName);
    this.active = { sheet: sheet.name, range: parseA1Range(address) };
    this.changed();
  }

  async readFills(sheetName: string, cells: readonly string[]): Promise<Fill[]> {
    const sheet = this.require(sheetName);
    assertFills(cells.map((cell) => ({ cell, fill: null })));
    return cells.map((cell) => {
      const { start } = parseA1Range(cell);
      return sheet.fills.get(key(start.row, start.col)) ?? null;
    });
  }

  async writeFills(sheetName: string, fills: readonly { cell: string; fill: Fill }[]): Promise<void> {
    const sheet = this.require(sheetName);
    assertFills(fills);
    for (const { cell, fill } of fills) {
      const { start } = parseA1Range(cell);
      if (fill === null) sheet.fills.delete(key(start.row, start.col));
      else sheet.fills.set(key(start.row, start.col), fill.toUpperCase());
    }
    this.changed();
  }

  async onSelectionChanged(listener: () => void): Promise<() => void> {
    let last = this.selectionKey();
    return this.subscribe(() => {
      const now = this.selectionKey();
      if (now === last) return;
      last = now;
      listener();
    });
  }

  // --- internals ------------------------------------------------------------

  private selectionKey(): string {
    return `${this.active.sheet.toLowerCase()}!${rangeToA1(this.active.range)}`;
  }

  private readFormulas(sheet: MemorySheet, range: RangeRef): unknown[][] {
    const out: unknown[][] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const row: unknown[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) row.push(sheet.formulas.get(key(r, c)) ?? "");
      out.push(row);
    }
    return out;
  }

  private changed(): void {
    this.revision++;
    for (const l of [...this.listeners]) l();
  }

  private find(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private require(name: string): MemorySheet {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError(messages.sheetMissing(name));
    return sheet;
  }

  private read(sheet: MemorySheet, range: RangeRef): unknown[][] {
    const { rows, cols } = rangeSize(range);
    if (rows * cols > MAX_READ_CELLS) throw new WorkbookError(messages.rangeTooLarge(rows * cols));
    const out: unknown[][] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const row: unknown[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) row.push(sheet.cells.get(key(r, c)) ?? "");
      out.push(row);
    }
    return out;
  }

  private put(sheet: MemorySheet, row0: number, col0: number, values: CellValue[][]): void {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const k = key(row0 + r, col0 + c);
        // Typing over a cell replaces its formula, as in Excel.
        sheet.formulas.delete(k);
        if (isNonEmptyCell(v)) sheet.cells.set(k, v);
        else sheet.cells.delete(k);
      }),
    );
  }
}
