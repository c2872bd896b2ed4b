/**
 * `WorkbookAdapter` over office.js (`Excel.run`). Only usable inside Excel;
 * the module itself can be imported anywhere (office.js globals are touched
 * only when a method runs).
 *
 * Requirement sets: ExcelApi 1.4 (getItemOrNullObject,
 * getUsedRangeOrNullObject). Every Excel version that supports the shared
 * runtime (SharedRuntime 1.1) has it.
 */
import { blockFromA1, columnIndexToLetters, parseA1Range, rangeSize, rangeToA1 } from "../sheets/a1";
import type { SheetSpec, StyleId, ValidationSpec } from "../sheets/layout";
import {
  MAX_READ_CELLS,
  specValues,
  uniqueTableName,
  WorkbookError,
  assertFills,
  assertWritable,
  messages,
  type CellValue,
  type Fill,
  type SelectedRange,
  type UsedRange,
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
export function numberFormatsFor(values: readonly (readonly CellValue[])[]): string[][] {
  return values.map((row) => row.map((v) => (typeof v === "string" ? TEXT_FORMAT : GENERAL_FORMAT)));
}

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

/** The sheet layer's styles that Excel shows in bold (as the xlsx writer does). */
const BOLD_STYLES: ReadonlySet<StyleId> = new Set<StyleId>(["title", "subtitle", "fictional", "header", "total"]);

/**
 * The cells to show in bold, as few A1 ranges as possible (one per run of
 * bold cells in a row), so a sheet costs a handful of range proxies, not one
 * per cell.
 */
export function boldRanges(spec: SheetSpec): string[] {
  const out: string[] = [];
  spec.cells.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const style = c < row.length ? row[c]?.style : undefined;
      const bold = style !== undefined && BOLD_STYLES.has(style);
      if (bold && start < 0) start = c;
      if (!bold && start >= 0) {
        out.push(rangeToA1({ start: { row: r, col: start }, end: { row: r, col: c - 1 } }));
        start = -1;
      }
    }
  });
  return out;
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

  async writeNewSheet(name: string, values: CellValue[][]): Promise<void> {
    assertWritable(name, values);
    await Excel.run(async (ctx) => {
      // Case-insensitive, like Excel's UI; an existing sheet is used only when it holds no values or formulas.
      const ws = await newOrEmptySheet(ctx, name);

      const rows = values.length;
      const cols = rows > 0 ? values[0].length : 0;
      if (rows > 0 && cols > 0) {
        const target = ws.getRange(rangeToA1(blockFromA1(rows, cols)));
        target.numberFormat = numberFormatsFor(values);
        target.values = values;
      }
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
        for (const a1 of boldRanges(spec)) ws.getRange(a1).format.font.bold = true;
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
      range.load(["values", "formulas"]);
      await ctx.sync();
      return { sheet: range.worksheet.name, address: stripSheetPrefix(range.address), values: range.values, formulas: formulasOnly(range.formulas) };
    });
  }

  /** Three round trips: the sheet, the extent of its used range, then values and formulas from A1. */
  async readUsedRange(sheet: string): Promise<UsedRange> {
    return Excel.run(async (ctx) => {
      const ws = await existingSheet(ctx, sheet);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      await ctx.sync();
      if (used.isNullObject) return { sheet: ws.name, address: "A1", values: [[""]], formulas: [[""]] };
      const rows = used.rowIndex + used.rowCount;
      const cols = used.columnIndex + used.columnCount;
      if (rows * cols > MAX_READ_CELLS) throw new WorkbookError(messages.rangeTooLarge(rows * cols));
      const address = rangeToA1(blockFromA1(rows, cols));
      const block = ws.getRange(address);
      block.load(["values", "formulas"]);
      await ctx.sync();
      return { sheet: ws.name, address, values: block.values, formulas: formulasOnly(block.formulas) };
    });
  }

  async selectRange(sheet: string, address: string): Promise<void> {
    parseA1Range(address); // a Swedish message for a bad address, before any round trip
    await Excel.run(async (ctx) => {
      const ws = await existingSheet(ctx, sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  /**
   * Two round trips whatever the number of cells. Excel reports "#FFFFFF"
   * for a cell without fill; where the host has ExcelApi 1.9 the fill's
   * pattern tells "no fill" from a white fill, elsewhere white counts as no
   * fill (restoring it clears the fill, which looks the same).
   */
  async readFills(sheet: string, cells: readonly string[]): Promise<Fill[]> {
    assertFills(cells.map((cell) => ({ cell, fill: null })));
    const withPattern = supportsExcelApi("1.9");
    return Excel.run(async (ctx) => {
      const ws = await existingSheet(ctx, sheet);
      const fills = cells.map((cell) => {
        const f = ws.getRange(cell).format.fill;
        f.load(withPattern ? ["color", "pattern"] : ["color"]);
        return f;
      });
      await ctx.sync();
      return fills.map((f) => {
        const none = withPattern ? f.pattern === "None" : /^#?FFFFFF$/i.test(f.color ?? "");
        return none || !f.color ? null : f.color.toUpperCase();
      });
    });
  }

  async writeFills(sheet: string, fills: readonly { cell: string; fill: Fill }[]): Promise<void> {
    assertFills(fills);
    await Excel.run(async (ctx) => {
      const ws = await existingSheet(ctx, sheet);
      for (const { cell, fill } of fills) {
        const f = ws.getRange(cell).format.fill;
        if (fill === null) f.clear();
        else f.color = fill;
      }
      await ctx.sync();
    });
  }

  /** Workbook.onSelectionChanged (ExcelApi 1.2). */
  async onSelectionChanged(listener: () => void): Promise<() => void> {
    const handler = await Excel.run(async (ctx) => {
      const h = ctx.workbook.onSelectionChanged.add(async () => listener());
      await ctx.sync();
      return h;
    });
    return () => {
      void Excel.run(handler.context, async (ctx) => {
        handler.remove();
        await ctx.sync();
      }).catch(() => undefined); // the pane is closing or the workbook is gone: nothing to stop
    };
  }
}

/**
 * office.js `formulas` holds a cell's constant where it has no formula (123,
 * "Malmö"): keep the formulas ("=…") and "" elsewhere, so a typed number is
 * never taken for a formula.
 */
export function formulasOnly(formulas: unknown[][]): string[][] {
  return formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : "")));
}

/** The sheet by name (case-insensitive, as in Excel), or a Swedish WorkbookError. One round trip. */
async function existingSheet(ctx: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
  ws.load("name");
  await ctx.sync();
  if (ws.isNullObject) throw new WorkbookError(messages.sheetMissing(name));
  return ws;
}

/** Whether the host supports an ExcelApi requirement set (false outside Office). */
function supportsExcelApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
