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
import type { SheetSpec, ValidationSpec } from "../sheets/layout";
import {
  MAX_READ_CELLS,
  specValues,
  uniqueTableName,
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

/** The office.js data-validation rule for a sheet-layer rule. */
export function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
  const basic = v.max === undefined ? { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" } : { formula1: v.min ?? 0, formula2: v.max, operator: "Between" };
  return v.type === "whole" ? { wholeNumber: basic as Excel.BasicDataValidation } : { decimal: basic as Excel.BasicDataValidation };
}

/** A new sheet, or an existing one that is completely empty; refuses anything else. */
async function newOrEmptySheet(ctx: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const sheets = ctx.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(name);
  existing.load("name");
  await ctx.sync();
  if (existing.isNullObject) return sheets.add(name);
  const used = existing.getUsedRangeOrNullObject(true);
  await ctx.sync();
  if (!used.isNullObject) throw new WorkbookError(messages.sheetNotEmpty(existing.name));
  return existing;
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
      // Case-insensitive, like Excel's UI; an existing sheet is used only when it holds no values or formulas.
      const ws = await newOrEmptySheet(ctx, name);

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

  async writeSheetSpec(spec: SheetSpec): Promise<void> {
    const values = specValues(spec);
    assertWritable(spec.name, values);
    await Excel.run(async (ctx) => {
      const ws = await newOrEmptySheet(ctx, spec.name);
      const rows = values.length;
      const cols = rows > 0 ? values[0].length : 0;
      if (rows > 0 && cols > 0) {
        const target = ws.getRange(rangeToA1(blockFromA1(rows, cols)));
        // Formats first: a formula cell must not carry the Text format, or Excel keeps it as text.
        target.numberFormat = spec.cells.map((row) =>
          Array.from({ length: cols }, (_, c) => {
            const x = row[c];
            if (x?.numFmt) return x.numFmt;
            return x && x.formula === undefined && typeof x.value === "string" ? TEXT_FORMAT : GENERAL_FORMAT;
          }),
        );
        target.formulas = values;
      }
      spec.columnWidths.forEach((w, i) => {
        const letters = columnIndexToLetters(i);
        ws.getRange(`${letters}:${letters}`).format.columnWidth = w * 7; // characters → points, roughly
      });
      if (spec.table) {
        const tables = ctx.workbook.tables;
        tables.load("items/name");
        await ctx.sync();
        const table = ws.tables.add(ws.getRange(spec.table.range), true);
        table.name = uniqueTableName(spec.table.name, new Set(tables.items.map((t) => t.name.toLowerCase())));
      }
      for (const v of spec.validations) {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = validationRule(v);
        dv.errorAlert = { message: v.error, showAlert: true, style: "Stop", title: "Stimulans" };
        dv.prompt = { message: v.prompt.slice(0, 255), showPrompt: true, title: "Stimulans" };
      }
      if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
        ws.freezePanes.freezeAt(ws.getRange(rangeToA1(blockFromA1(Math.max(1, spec.freeze.rows), Math.max(1, spec.freeze.columns)))));
      }
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
