/**
 * The calculation block: one spilled STIM.ALLOCATION_SHEET call, below the
 * totals block on the allocation sheet (a spill cannot live inside an Excel
 * table, and no table row crosses it, so deleting, inserting or sorting
 * table rows never cuts the array), computes every verdict, amount, status
 * and unallocated sum at once; the table's computed cells are native INDEX
 * formulas into it. Excel passes the table to the add-in once per
 * recalculation instead of once per cell (docs/workbook.md, "How the
 * formulas work").
 *
 * This module knows the spill's shape and the text of every formula the
 * allocation sheet holds (`expectedFormula`): the layout writes them, the
 * validator compares a file's formulas with them, the custom function and
 * the in-memory workbook compute the spill with `computeSheet`.
 */
import { Agreement } from "../core/model";
import { LAN } from "../reference";
import { a1, colLetters } from "./cells";
import { FormulaColumn, potLevels, SheetColumns, sheetColumns } from "./columns";
import { computeTable, countyAmountPots, SheetResults, TableComputation } from "./engine";
import { CALC_PREFIX, CHECK_FAIL, CHECK_OK, SHEET_ALLOCATION, TOTALS } from "./texts";

export { CALC_PREFIX };

export const CALC_FUNCTION = "ALLOCATION_SHEET";
export const CALC_UNALLOCATED_LABEL = "Ofördelat";

/** One column of the spill. */
export interface SpillColumn {
  id: string;
  header: string;
  role: "kod" | "grundkrav" | "amount" | "status";
  pot?: string;
}

/** The spill's columns for an agreement (the same for a national and a county sheet). */
export function spillColumns(cols: SheetColumns): SpillColumn[] {
  const out: SpillColumn[] = [{ id: "kod", header: `${CALC_PREFIX} kod`, role: "kod" }];
  for (const f of cols.formulas) {
    if (f.role === "grundkrav") out.push({ id: f.id, header: `${CALC_PREFIX} ${f.header.toLowerCase()}`, role: "grundkrav" });
    else if (f.role === "amount" || f.role === "status") out.push({ id: f.id, header: `${CALC_PREFIX} ${f.header}`, role: f.role, pot: f.pot });
  }
  return out;
}

/** The index (0-based) of a formula column's values in the spill. */
export function spillColumnOf(cols: SheetColumns, id: string): number {
  return spillColumns(cols).findIndex((c) => c.id === id);
}

export type SpillValue = string | number;

/**
 * The spill for a table range (header row first): first a row with each pot's
 * unallocated sum (first, so that it stays where the totals block points
 * whatever the number of rows), then one row per range row under the header
 * ("" for an empty row). A county's table (not every län has rows) leaves the amounts of pots
 * whose key is not embedded empty: they cannot be computed (engine.ts).
 */
export function spillValues(cols: SheetColumns, comp: TableComputation, rangeRows: number): SpillValue[][] {
  const results = comp.results!;
  const spill = spillColumns(cols);
  const byRow = new Map(comp.read.rows.map((r) => [r.row, r]));
  const lans = new Set(comp.read.rows.map((r) => r.lan));
  const national = LAN.every((l) => lans.has(l.code));
  const computable = new Set((national ? cols.pots : countyAmountPots(cols)).map((p) => p.id));
  const out: SpillValue[][] = [spill.map((c, i): SpillValue => (i === 0 ? CALC_UNALLOCATED_LABEL : c.role === "amount" && computable.has(c.pot!) ? results.unallocated(c.pot!) : ""))];
  for (let k = 1; k < rangeRows; k++) {
    const row = byRow.get(k);
    if (!row) {
      out.push(spill.map(() => ""));
      continue;
    }
    out.push(
      spill.map((c): SpillValue => {
        if (c.role === "kod") return row.code;
        if (c.role === "grundkrav") return results.gate(row.level, row.code);
        const pot = cols.pots.find((p) => p.id === c.pot)!;
        if (row.level === "lan" || !potLevels(pot).includes(row.level)) return "";
        if (c.role === "status") return results.status(row.level, row.code, pot.id);
        return computable.has(pot.id) ? results.amount(row.level, row.code, pot.id) : "";
      }),
    );
  }
  return out;
}

/**
 * The spill of a table as a grid of values (header row first), read and
 * evaluated by the same reader `stim validate` uses. Throws SheetReadError
 * style failures as `{ error }`: the table cannot be computed, and no cell may
 * show a number then.
 */
export function computeSheet(agreement: Agreement, table: unknown[][]): { values: SpillValue[][] } | { error: string } {
  const comp = computeTable(agreement, table, SHEET_ALLOCATION);
  if (!comp.results) {
    const first = comp.read.findings.find((f) => f.severity === "fel");
    return { error: `${first?.cell ? `${first.cell} (räknat i området): ` : ""}${first?.message ?? "tabellen kan inte läsas"}` };
  }
  return { values: spillValues(sheetColumns(agreement), comp, table.length) };
}

/** Where the allocation table and its calculation block are: what every formula's text depends on. */
export interface FormulaGeometry {
  /** 0-based header row of the allocation table. */
  headerRow: number;
  /** 0-based last data row of the table. */
  lastDataRow: number;
  /** 0-based last identity/input column (the range the spill reads ends here). */
  lastTableColumn: number;
  /** 0-based row and column of the spill's anchor (the calculation block's first row: the unallocated sums). */
  calcRow: number;
  calcCol: number;
  /** Table rows the calculation block's ranges cover (the layout's recipients of the scope). */
  layoutRows: number;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The spill anchor's formula: STIM.ALLOCATION_SHEET("prio-2014",$A$7:$AQ$318). */
export function anchorFormula(agreement: Agreement, g: FormulaGeometry): string {
  return `STIM.${CALC_FUNCTION}(${quote(agreement.id)},$A$${g.headerRow + 1}:$${colLetters(g.lastTableColumn)}$${g.lastDataRow + 1})`;
}

/** The spill's column of a formula column (letters). */
function spillLetters(cols: SheetColumns, id: string, g: FormulaGeometry): string {
  return colLetters(g.calcCol + spillColumnOf(cols, id));
}

/** The formula of a computed cell in a data row (0-based sheet row r). */
export function rowFormula(
  cols: SheetColumns,
  f: FormulaColumn,
  r: number,
  g: FormulaGeometry,
  columns: ReadonlyMap<string, number>,
  level: "kommun" | "landsting" | "lan",
  shown: readonly FormulaColumn[] = cols.formulas,
): string | undefined {
  if (!f.levels.includes(level)) return undefined;
  if (f.role === "total") {
    const refs = shown.filter((a) => a.role === "amount" && a.levels.includes(level) && columns.has(a.id)).map((a) => a1(r, columns.get(a.id)!));
    return refs.length ? `SUM(${refs.join(",")})` : undefined;
  }
  const c = spillLetters(cols, f.id, g);
  return `INDEX($${c}$${g.calcRow + 2}:$${c}$${g.calcRow + 1 + g.layoutRows},ROW()-ROW($A$${g.headerRow + 1}))`;
}

/** The formula of a cell of the totals block (its label, the amount column of `pot`); totalsStart is the block's first row (0-based). */
export function totalsFormula(agreement: Agreement, cols: SheetColumns, label: string, pot: string, g: FormulaGeometry, columns: ReadonlyMap<string, number>, totalsStart: number): string {
  const colL = colLetters(columns.get(`belopp.${pot}`)!);
  switch (label) {
    case TOTALS.allocated:
    case TOTALS.county:
      return `SUM(${colL}${g.headerRow + 2}:${colL}${g.lastDataRow + 1})`;
    case TOTALS.unallocated:
      // The spill's first row.
      return `${spillLetters(cols, `belopp.${pot}`, g)}${g.calcRow + 1}`;
    case TOTALS.pot:
      return `STIM.POT(${quote(agreement.id)},${quote(pot)})`;
    default: {
      const rA = totalsStart + 1;
      return `IF(${colL}${rA}+${colL}${rA + 1}=${colL}${rA + 2},${quote(CHECK_OK)},${quote(CHECK_FAIL)})`;
    }
  }
}

/**
 * A formula's text with the differences that mean nothing removed: "=", case,
 * spaces, "$", the file forms of the STIM prefix (_xldudf_STIM_, _xludf.STIM.,
 * [n]!), the STIM. prefix itself, quotes around a sheet name, and ";" for ",".
 */
export function normaliseFormula(formula: string): string {
  let t = formula.trim();
  if (t.startsWith("=")) t = t.slice(1);
  t = t.replace(/(?:\[\d+\]!)?_xldudf_STIM_/gi, "").replace(/_xludf\./gi, "").replace(/\bSTIM\./gi, "").replace(/\bof:/gi, "");
  t = t.replace(/'((?:[^']|'')+)'!/g, (_m, s: string) => `${s.replace(/''/g, "'")}!`);
  return t.replace(/\$/g, "").replace(/\s+/g, "").replace(/;/g, ",").toUpperCase();
}

export type { SheetResults };

/** A sheet whose formulas a host without a formula engine (the in-memory workbook of the browser preview) asks to recompute. */
export interface RecalcHost {
  get(row: number, col: number): unknown;
  set(row: number, col: number, value: string | number): void;
  /** Every formula cell: 0-based row, column, formula text ("=…"). */
  formulas(): Iterable<[number, number, string]>;
}

const REF = /^\$?([A-Z]{1,3})\$?(\d+)$/;
function cellRef(text: string): { row: number; col: number } | undefined {
  const m = REF.exec(text.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
}
function rangeRef(text: string): { start: { row: number; col: number }; end: { row: number; col: number } } | undefined {
  const [a, b = a] = text.split(":");
  const start = cellRef(a);
  const end = cellRef(b);
  return start && end ? { start, end } : undefined;
}

/**
 * Recomputes the formulas the layout writes on an allocation sheet, for a
 * host that has no formula engine: Gotland's linked answers, the calculation
 * block's STIM.ALLOCATION_SHEET spill (through `computeSheet`, the same
 * computation as the custom function), the INDEX cells, the row and column
 * sums, the unallocated references and the check row. Other formulas keep
 * their values.
 */
export function recalculateSheet(host: RecalcHost, agreements: (id: string) => Agreement | undefined): void {
  const all = [...host.formulas()].map(([row, col, f]) => ({ row, col, f: f.startsWith("=") ? f.slice(1) : f })).sort((x, y) => x.row - y.row || x.col - y.col);
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  // Answers linked to another cell (Region Gotland's landsting row) first: they are inputs of the spill.
  for (const x of all) {
    const ref = cellRef(x.f);
    if (ref) host.set(x.row, x.col, (host.get(ref.row, ref.col) as string | number) ?? "");
  }
  for (const x of all) {
    const m = /^STIM\.ALLOCATION_SHEET\("([^"]+)",(.+)\)$/i.exec(x.f.replace(/\s+/g, ""));
    const range = m ? rangeRef(m[2]) : undefined;
    const agreement = m ? agreements(m[1]) : undefined;
    if (!range || !agreement) continue;
    const table: unknown[][] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      const row: unknown[] = [];
      for (let c = range.start.col; c <= range.end.col; c++) row.push(host.get(r, c) ?? "");
      table.push(row);
    }
    const width = spillColumns(sheetColumns(agreement)).length;
    const out = table.length >= 2 ? computeSheet(agreement, table) : { error: "tabellen saknar rader" };
    const values = "values" in out ? out.values : Array.from({ length: table.length }, () => new Array<SpillValue>(width).fill("#VALUE!"));
    values.forEach((row, i) => row.forEach((v, k) => host.set(x.row + i, x.col + k, v)));
  }
  for (const x of all) {
    let m: RegExpExecArray | null;
    if ((m = /^INDEX\(([^,]+),ROW\(\)-ROW\(([^)]+)\)\)$/i.exec(x.f.replace(/\s+/g, "")))) {
      const range = rangeRef(m[1]);
      const header = cellRef(m[2]);
      if (!range || !header) continue;
      const r = range.start.row + (x.row + 1 - (header.row + 1)) - 1;
      host.set(x.row, x.col, r <= range.end.row ? ((host.get(r, range.start.col) as string | number) ?? "") : "#REF!");
    } else if ((m = /^SUM\((.+)\)$/i.exec(x.f.replace(/\s+/g, "")))) {
      let sum = 0;
      for (const part of m[1].split(",")) {
        const range = rangeRef(part);
        if (!range) continue;
        for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) sum += num(host.get(r, c));
      }
      host.set(x.row, x.col, sum);
    } else if ((m = /^IF\(([A-Z]+\d+)\+([A-Z]+\d+)=([A-Z]+\d+),"([^"]*)","([^"]*)"\)$/i.exec(x.f.replace(/\s+/g, "")))) {
      const [a, b, c] = [m[1], m[2], m[3]].map((t) => cellRef(t)!);
      host.set(x.row, x.col, num(host.get(a.row, a.col)) + num(host.get(b.row, b.col)) === num(host.get(c.row, c.col)) ? m[4] : m[5]);
    } else {
      const ref = cellRef(x.f);
      if (ref) host.set(x.row, x.col, (host.get(ref.row, ref.col) as string | number) ?? "");
    }
  }
}
