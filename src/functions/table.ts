/**
 * Function group "table": the formulas of an allocation sheet written by the
 * sheet layer (src/sheets). Each takes the sheet's table range (header row
 * first: identity and input columns) and a row number within it; the sheet
 * layer reads the range into facts and the core evaluates them, once per
 * change of the range (cached by content), so each per-row call is a lookup.
 * No rule or header knowledge here: this module only moves values.
 */
import { StimError } from "../core/errors";
import { Agreement, Pot } from "../core/model";
import { getPot } from "../agreements";
import { potLevels, RowLevel } from "../sheets/columns";
import { computeTableRaw, TableComputation } from "../sheets/engine";
import { spillColumns, spillValues } from "../sheets/calc";
import { sheetColumns } from "../sheets/columns";
import { SheetReadError } from "../sheets/read";
import { STATUS_TEXT } from "../sheets/texts";
import { agreementArg } from "./adapters";
import { describe, excelError, ExcelError, isBlankOrZero, matrix, NotAvailableError, readText, scalar, toExcelError } from "./excel";

function tableArg(a: Agreement, v: unknown): TableComputation {
  if (!Array.isArray(v) || v.length < 2 || !v.every((r) => Array.isArray(r))) throw new StimError("table ska vara fördelningstabellen med rubrikraden först och minst en rad under den.", "table");
  // Excel calls the formula of every row with the same range: the range is
  // unwrapped and evaluated once, and found again by its cells.
  let comp: TableComputation;
  try {
    comp = computeTableRaw(a, v as unknown[][], () => matrix(v, "table"));
  } catch (e) {
    if (e instanceof SheetReadError) throw new StimError(`table: ${e.findings[0]?.message ?? e.message}`, "table");
    throw e;
  }
  const errors = comp.read.findings.filter((f) => f.severity === "fel");
  if (errors.length > 0) {
    const first = errors[0];
    // Cells are counted from the range's top left cell (the first header).
    throw new StimError(
      `table${first.cell ? ` ${first.cell} (räknat i området)` : ""}: ${first.message}${errors.length > 1 ? ` Och ${errors.length - 1} fel till.` : ""}`,
      "table",
    );
  }
  return comp;
}

function rowArg(comp: TableComputation, v: unknown): { level: RowLevel; code: string } {
  const c = scalar(v, "row");
  if (isBlankOrZero(c)) throw new StimError("row saknas: ange radens nummer i tabellen (1 = raden under rubrikerna), t.ex. ROW()-ROW(rubrikcellen).", "row");
  if (typeof c !== "number" || !Number.isInteger(c) || c < 1) {
    throw new StimError(`row: ${describe(c)} är inget radnummer; ange ett heltal ≥ 1 (1 = raden under rubrikerna).`, "row");
  }
  // Data rows in order; empty rows in the range are skipped by the reader, so look the row up by position.
  const sheetRow = c; // the header is row 0 of the range
  const found = comp.read.rows.find((r) => r.row === sheetRow);
  if (!found) {
    const last = comp.read.rows.length ? comp.read.rows[comp.read.rows.length - 1].row : 0;
    if (sheetRow > last) throw new StimError(`row: rad ${c} ligger utanför tabellen (${last} rader).`, "row");
    throw new NotAvailableError(`row: rad ${c} i tabellen är tom.`, "row");
  }
  return found;
}

function potArg(a: Agreement, v: unknown): Pot {
  const c = scalar(v, "pot_id");
  const id = readText(c, "pot_id");
  if (id === null || id === "0") throw new StimError("pot_id saknas: ange pottens id, t.ex. \"A1\".", "pot_id");
  try {
    return getPot(a, id);
  } catch (e) {
    if (e instanceof StimError) throw new NotAvailableError(`pot_id: ${e.message}`, "pot_id");
    throw e;
  }
}

export function allocation(agreementArgValue: unknown, tableArgValue: unknown, rowArgValue: unknown, potArgValue: unknown): number {
  const a = agreementArg(agreementArgValue);
  const pot = potArg(a, potArgValue);
  const comp = tableArg(a, tableArgValue);
  const row = rowArg(comp, rowArgValue);
  if (row.level === "lan" || !potLevels(pot).includes(row.level)) return 0;
  return comp.results!.amount(row.level, row.code, pot.id);
}

export function allocationStatus(agreementArgValue: unknown, tableArgValue: unknown, rowArgValue: unknown, potArgValue?: unknown): string {
  const a = agreementArg(agreementArgValue);
  const noPot = potArgValue === null || potArgValue === undefined || isBlankOrZero(scalar(potArgValue, "pot_id"));
  const pot = noPot ? undefined : potArg(a, potArgValue);
  const comp = tableArg(a, tableArgValue);
  const row = rowArg(comp, rowArgValue);
  if (!pot) return comp.results!.gate(row.level, row.code);
  if (row.level === "lan") return STATUS_TEXT["not-applicable"]; // a county row receives nothing itself
  return comp.results!.status(row.level, row.code, pot.id);
}

export function unallocated(agreementArgValue: unknown, tableArgValue: unknown, potArgValue: unknown): number {
  const a = agreementArg(agreementArgValue);
  const pot = potArg(a, potArgValue);
  const comp = tableArg(a, tableArgValue);
  return comp.results!.unallocated(pot.id);
}

/**
 * Every computed value of an allocation table at once (the spill of the
 * calculation block, src/sheets/calc.ts): first each pot's unallocated sum,
 * then one row per table row under the header. When the table cannot be read,
 * every cell of the spill is the error: an INDEX into it never shows a
 * number that was not computed.
 */
export function allocationSheet(agreementArgValue: unknown, tableArgValue: unknown): (string | number | ExcelError)[][] {
  const a = agreementArg(agreementArgValue);
  const rows = Array.isArray(tableArgValue) ? tableArgValue.length : 0;
  const width = spillColumns(sheetColumns(a)).length;
  let comp: TableComputation;
  try {
    comp = tableArg(a, tableArgValue);
  } catch (e) {
    if (rows < 2) throw e;
    const err = toExcelError(e);
    return Array.from({ length: rows }, () => new Array(width).fill(err));
  }
  return spillValues(sheetColumns(a), comp, rows);
}

void excelError;
