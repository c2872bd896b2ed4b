/**
 * xlsx files through ExcelJS: writes a sheet-layer WorkbookSpec, reads a
 * workbook back into grids of values and formulas. Only moves values: the
 * layout, headers and rules are the sheet layer's.
 */
import ExcelJS from "exceljs";
import { StimError } from "../core/errors";
import { REPORT_TITLE, SHEET_COMPUTED, SHEET_REPORT, SheetGrid, SheetSpec, StyleId, WorkbookSpec, fromFileFormula, toFileFormula } from "../sheets";
import { MAX_INPUT_BYTES, readRegularFile } from "./files";
import { preparePackage, xmlParts } from "./package";
import { malformedNumbers, malformedNumbersMessage } from "../sheets/xmlcells";
import { markSpills } from "./xlsx-spill";

/** Files above this size are refused before reading: the one input limit (src/cli/files.ts). */
export const MAX_FILE_BYTES = MAX_INPUT_BYTES;
/** Rows read per sheet at most (an allocation sheet has a few hundred). */
export const MAX_ROWS = 20_000;

const FILLS: Partial<Record<StyleId, string>> = {
  input: "FFFFF2CC",
  linked: "FFFCE4D6",
  "input-na": "FFE7E6E6",
  formula: "FFEDEDED",
  header: "FF1F4E78",
  total: "FFDDEBF7",
  fictional: "FFFFC7CE",
};

function styleCell(cell: ExcelJS.Cell, style: StyleId | undefined, numFmt: string | undefined): void {
  if (numFmt) cell.numFmt = numFmt;
  if (!style) return;
  const fill = FILLS[style];
  if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  if (style === "header") {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.alignment = { wrapText: true, vertical: "top" };
  } else if (style === "title") cell.font = { bold: true, size: 14 };
  else if (style === "subtitle") cell.font = { bold: true };
  else if (style === "fictional") cell.font = { bold: true, color: { argb: "FF9C0006" } };
  else if (style === "note") cell.font = { italic: true };
  else if (style === "total") cell.font = { bold: true };
}

/** Writes a workbook description to xlsx bytes. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Stimulans";
  wb.title = `Stimulans ${spec.agreement}`;
  for (const s of spec.sheets) writeSheet(wb, s);
  const out = await wb.xlsx.writeBuffer();
  return markSpills(Buffer.from(out as ArrayBuffer), spec); // dynamic-array anchors as Excel stores them (xlsx-spill.ts)
}

function writeSheet(wb: ExcelJS.Workbook, s: SheetSpec): void {
  const ws = wb.addWorksheet(s.name, s.freeze ? { views: [{ state: "frozen", xSplit: s.freeze.columns, ySplit: s.freeze.rows }] } : {});
  s.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  s.cells.forEach((row, r) => {
    row.forEach((c, k) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, k + 1);
      if (c.formula !== undefined) cell.value = { formula: toFileFormula(c.formula), result: c.cached } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined) cell.value = c.value;
      styleCell(cell, c.style, c.numFmt);
    });
  });
  if (s.table) {
    // The table object over cells already written: ExcelJS writes the
    // table part; the header cells must hold the column names.
    const [start] = s.table.range.split(":");
    const first = ws.getCell(start);
    const rowCount = Number(s.table.range.split(":")[1].replace(/^[A-Z]+/, "")) - Number(first.row);
    const table = ws.addTable({
      name: s.table.name,
      ref: start,
      headerRow: true,
      totalsRow: false,
      style: { theme: undefined as unknown as ExcelJS.TableStyleProperties["theme"], showRowStripes: false },
      columns: s.table.headers.map((h) => ({ name: h, filterButton: true })),
      rows: Array.from({ length: rowCount }, (_, i) =>
        s.table!.headers.map((_h, k) => {
          const c = s.cells[Number(first.row) + i]?.[Number(first.col) - 1 + k];
          if (!c) return null;
          if (c.formula !== undefined) return { formula: toFileFormula(c.formula), result: c.cached } as ExcelJS.CellFormulaValue;
          return c.value ?? null;
        }),
      ),
    });
    void table;
    // addTable rewrites the cells: restore styles.
    s.cells.forEach((row, r) => row.forEach((c, k) => c && styleCell(ws.getCell(r + 1, k + 1), c.style, c.numFmt)));
  }
  for (const v of s.validations) {
    const dv: ExcelJS.DataValidation =
      v.type === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.list!.join(",")}"`], showErrorMessage: true, errorTitle: "Stimulans", error: v.error, showInputMessage: true, prompt: v.prompt }
        : {
            type: v.type,
            allowBlank: true,
            operator: v.max === undefined ? "greaterThanOrEqual" : "between",
            formulae: v.max === undefined ? [v.min ?? 0] : [v.min ?? 0, v.max],
            showErrorMessage: true,
            errorTitle: "Stimulans",
            error: v.error,
            showInputMessage: true,
            prompt: v.prompt,
          };
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, dv);
  }
  for (const [addr, text] of Object.entries(s.notes ?? {})) ws.getCell(addr).note = text;
}

/** What kind of file the bytes are, before handing them to the xlsx reader. */
export function sniff(bytes: Buffer, name: string): "xlsx" | "ole" | "csv" | "other" {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  if (/\.csv$/i.test(name)) return "csv";
  return "other";
}

/**
 * Reads an xlsx file into grids. Throws StimError with a one-line Swedish
 * message for unusable files: not a regular file, above the size limit, not
 * a workbook, or a package beyond the limits of src/cli/package.ts.
 */
export async function readXlsxFile(path: string): Promise<SheetGrid[]> {
  const bytes = readRegularFile(path, { what: "Excel-fil (.xlsx)" });
  if (bytes.length === 0) throw new StimError("Filen är tom (0 byte).");
  return readXlsxBytes(bytes, path);
}

export async function readXlsxBytes(bytes: Buffer, name: string): Promise<SheetGrid[]> {
  const kind = sniff(bytes, name);
  if (kind === "ole") {
    const encrypted = bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new StimError(
      encrypted
        ? "Filen är lösenordsskyddad; spara den utan lösenord (Arkiv > Info > Skydda arbetsbok) och försök igen."
        : "Filen är i det gamla Excel-formatet .xls; spara den som .xlsx (Excel-arbetsbok) och försök igen.",
    );
  }
  if (kind === "csv") throw new StimError("CSV-filer stöds inte: en fördelningsarbetsbok har flera blad och formler; spara den som .xlsx.");
  if (kind !== "xlsx") throw new StimError("Filen är ingen Excel-arbetsbok (.xlsx): innehållet känns inte igen.");
  // Limits checked and absolute part paths made relative before ExcelJS inflates anything.
  const prepared = preparePackage(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(prepared as unknown as ExcelJS.Buffer);
  } catch {
    // The zip library's own message is English and technical; the user needs to know what to do.
    throw new StimError("Filen kan inte läsas som .xlsx (skadad eller ofullständig); öppna den i Excel och spara den igen, eller be om en ny fil.");
  }
  // ExcelJS reads a numeric cell with parseFloat ("0.9abc" → 0.9): check the cells as written (src/sheets/xmlcells.ts).
  const malformed = malformedNumbers(xmlParts(prepared));
  if (malformed.length) throw new StimError(malformedNumbersMessage(malformed));
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    // Rows that hold content: LibreOffice writes an empty row 1048576 after row edits, which is no reason to refuse.
    if (ws.actualRowCount > MAX_ROWS) {
      throw new StimError(`Bladet "${ws.name}" har ${ws.actualRowCount} rader; en fördelningstabell har högst några hundra (gräns ${MAX_ROWS}).`);
    }
    const values: unknown[][] = [];
    const formulas: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const vr: unknown[] = [];
      const fr: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const { value, formula } = cellContent(cell);
        vr[c - 1] = value;
        fr[c - 1] = formula;
      });
      values[r - 1] = vr;
      formulas[r - 1] = fr;
    });
    for (let i = 0; i < values.length; i++) {
      values[i] ??= [];
      formulas[i] ??= [];
    }
    grids.push({ name: ws.name, values, formulas });
  });
  if (grids.length === 0) throw new StimError("Arbetsboken har inga blad.");
  return grids;
}

function cellContent(cell: ExcelJS.Cell): { value: unknown; formula: string | null } {
  // Merged cells: every cell of the area reads the top-left value.
  const v = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
  if (v === null || v === undefined) return { value: "", formula: null };
  if (typeof v === "object") {
    if (v instanceof Date) return { value: v.toISOString().slice(0, 10), formula: null };
    if ("formula" in v || "sharedFormula" in v) {
      const f = (v as ExcelJS.CellFormulaValue).formula ?? (cell.formula as string | undefined) ?? "";
      const src = cell.isMerged && cell.master !== cell ? cell.master : cell;
      return { value: plain(src.result ?? (v as ExcelJS.CellFormulaValue).result), formula: fromFileFormula(f) || "(delad formel)" };
    }
    return { value: plain(v), formula: null };
  }
  return { value: v, formula: null };
}

function plain(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return o.error;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
  if (typeof o.text === "string") return o.text;
  if ("result" in o) return plain(o.result);
  return "";
}

/** Whether the grids are a report written by `stim validate --out` (a folder run skips it). */
export function isOwnReport(grids: readonly SheetGrid[]): boolean {
  // The report sheet first; a second sheet holds the amounts the rules give when a file's formulas were not computed.
  const rest = grids.slice(1);
  return (
    grids.length >= 1 && grids[0].name === SHEET_REPORT && grids[0].values[0]?.[0] === REPORT_TITLE && rest.length <= 1 && rest.every((g) => g.name === SHEET_COMPUTED)
  );
}
