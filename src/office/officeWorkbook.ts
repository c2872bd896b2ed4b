/**
 * `WorkbookAdapter` over office.js (`Excel.run`). Only usable inside Excel;
 * the module itself can be imported anywhere (office.js globals are touched
 * only when a method runs).
 *
 * Requirement sets: ExcelApi 1.4 (getItemOrNullObject,
 * getUsedRangeOrNullObject). Every Excel version that supports the shared
 * runtime (SharedRuntime 1.1) has it.
 */
import { blockFromA1, columnIndexToLetters, parseA1Range, rangeSize, rangeToA1 } from "./a1";
import {
  MAX_READ_CELLS,
  WorkbookError,
  assertWritable,
  messages,
  type CellValue,
  type SelectedRange,
  type SheetFormat,
  type WorkbookAdapter,
} from "./workbook";

/** Excel's built-in "Text" number format. */
const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";

/**
 * Number formats to apply together with `values` so Excel stores strings
 * exactly as given. Without the Text format Excel would coerce strings that
 * look like numbers or dates: a kommunkod "0114" would become 114 and
 * "2014-01-01" a date serial; a string starting with "=" would become a formula.
 */
export function numberFormatsFor(values: readonly (readonly CellValue[])[], columnFormats: readonly (string | null)[] = []): string[][] {
  return values.map((row) =>
    row.map((v, c) => (typeof v === "string" ? TEXT_FORMAT : typeof v === "number" ? (columnFormats[c] ?? GENERAL_FORMAT) : GENERAL_FORMAT)),
  );
}

/** Points per character of column width (Calibri 11: the default 8.43 characters are 48 points). */
export const POINTS_PER_CHARACTER = 48 / 8.43;

/** "Blad1!B2:C3" / "'Mitt blad'!B2" -> "B2:C3" / "B2". */
export function stripSheetPrefix(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

function assertReadable(address: string): void {
  const { rows, cols } = rangeSize(parseA1Range(address));
  if (rows * cols > MAX_READ_CELLS) throw new WorkbookError(messages.rangeTooLarge(rows * cols));
}

export class OfficeWorkbook implements WorkbookAdapter {
  async listSheetNames(): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async readRange(sheet: string, address: string): Promise<unknown[][]> {
    assertReadable(address); // validates the address before any round trip
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      await ctx.sync();
      if (ws.isNullObject) throw new WorkbookError(messages.sheetMissing(sheet));
      const range = ws.getRange(address);
      range.load("values");
      await ctx.sync();
      return range.values;
    });
  }

  /**
   * Few round trips, whatever the size: one to look the name up, one more
   * only when that sheet exists (is it empty?), and one for the values,
   * formats and activation together.
   */
  async writeNewSheet(name: string, values: CellValue[][], format: SheetFormat = {}): Promise<void> {
    assertWritable(name, values);
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(name); // case-insensitive, like Excel's UI
      existing.load("name");
      await ctx.sync();

      let ws: Excel.Worksheet;
      if (existing.isNullObject) {
        ws = sheets.add(name);
      } else {
        // valuesOnly = true: a sheet that only has formatting counts as empty;
        // any constant or formula makes it non-empty and we refuse.
        const used = existing.getUsedRangeOrNullObject(true);
        await ctx.sync();
        if (!used.isNullObject) throw new WorkbookError(messages.sheetNotEmpty(existing.name));
        ws = existing;
      }

      const rows = values.length;
      const cols = rows > 0 ? values[0].length : 0;
      if (rows > 0 && cols > 0) {
        const target = ws.getRange(rangeToA1(blockFromA1(rows, cols)));
        target.numberFormat = numberFormatsFor(values, format.columnFormats);
        target.values = values;
        for (const r of format.boldRows ?? []) {
          if (r >= 0 && r < rows) ws.getRange(rangeToA1({ start: { row: r, col: 0 }, end: { row: r, col: cols - 1 } })).format.font.bold = true;
        }
      }
      (format.columnWidths ?? []).forEach((chars, c) => {
        const letters = columnIndexToLetters(c);
        ws.getRange(`${letters}:${letters}`).format.columnWidth = Math.round(chars * POINTS_PER_CHARACTER);
      });
      ws.activate();
      await ctx.sync();
    });
  }

  async getSelectedRange(): Promise<SelectedRange> {
    return Excel.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load(["address", "rowCount", "columnCount"]);
      range.worksheet.load("name");
      await ctx.sync();
      const cells = range.rowCount * range.columnCount;
      if (cells > MAX_READ_CELLS) throw new WorkbookError(messages.rangeTooLarge(cells));
      range.load("values");
      await ctx.sync();
      return { sheet: range.worksheet.name, address: stripSheetPrefix(range.address), values: range.values };
    });
  }
}
