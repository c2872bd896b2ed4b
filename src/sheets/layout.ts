/**
 * The workbook the product writes: from an agreement, a scope (the whole
 * country or one county) and optional facts (the fictional demo data, or
 * none for an empty template), a host-neutral description of every sheet,
 * cell, formula, cached value, table, number format and data validation.
 * The faces write it: the CLI through an xlsx library, the task pane through
 * the workbook adapter. Cached values come from the core (engine.ts), so the
 * numbers show before any add-in has loaded.
 */
import { isDecimal, scaledText, scanDecimal } from "../core/decimal";
import { FactNumber, Facts } from "../core/facts";
import { Agreement, Citation, Pot } from "../core/model";
import { ALL_CONFLICTS } from "../agreements";
import { getKommun, getLan, GOTLAND_KOMMUN, GOTLAND_LAN, LAN, landstingName } from "../reference";
import { calendarSheet } from "./calendar";
import { a1, colLetters } from "./cells";
import { Column, FormulaColumn, InputColumn, LEVEL_TEXT, RowLevel, sheetColumns, SheetColumns, tableColumns } from "./columns";
import { computeTable, countyAmountPots, SheetResults } from "./engine";
import { citationText, ruleRows } from "./rules";
import { anchorFormula, FormulaGeometry, rowFormula, spillColumns, spillValues, totalsFormula } from "./calc";
import * as T from "./texts";

export type CellValue = string | number | boolean;

export type StyleId = "title" | "subtitle" | "fictional" | "note" | "header" | "input" | "input-na" | "linked" | "identity" | "formula" | "total" | "plain";

export interface CellSpec {
  value?: CellValue;
  /** Formula in the form a user types it, without "=" (STIM.POT("prio-2014";…) uses "," here). */
  formula?: string;
  /** The value a formula shows before it is recalculated (from the core). */
  cached?: CellValue;
  style?: StyleId;
  numFmt?: string;
  /**
   * A formula whose result spills (a dynamic array): its size. The cells it
   * covers are in `cells` with `spilled: true` and their cached values; a
   * writer writes the anchor the way Excel stores a dynamic array and leaves
   * the covered cells to the spill (office.js) or writes their cached values
   * (a file).
   */
  spill?: { rows: number; cols: number };
  /** Covered by a spill (see `spill`): `value` is the cached value, not an input. */
  spilled?: boolean;
}

export interface ValidationSpec {
  /** A1 range on the sheet. */
  range: string;
  type: "list" | "decimal" | "whole";
  /** list: the allowed words. */
  list?: string[];
  min?: number;
  max?: number;
  /** Swedish prompt and error text. */
  prompt: string;
  error: string;
}

export interface TableSpec {
  name: string;
  /** A1 range, header row included. */
  range: string;
  headers: string[];
}

export interface SheetSpec {
  name: string;
  /** Cells from A1, row by row; null = empty. */
  cells: (CellSpec | null)[][];
  columnWidths: number[];
  table?: TableSpec;
  validations: ValidationSpec[];
  /** Rows × columns frozen at the top left. */
  freeze?: { rows: number; columns: number };
  /** Cell notes (comments): A1 → text. */
  notes?: Record<string, string>;
}

export interface WorkbookSpec {
  agreement: string;
  scope?: string;
  fictional: boolean;
  sheets: SheetSpec[];
}

export interface LayoutOptions {
  /** A länskod for a county workbook; omitted = the whole country. */
  county?: string;
  /** Facts to fill the inputs with (e.g. the demo scenario); omitted = empty template. */
  facts?: Facts;
}

/** Where things are on the allocation sheet (0-based rows and columns). */
export interface AllocationGeometry {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Column id → column index. */
  columns: Map<string, number>;
  /** The last identity or input column: the table functions read A…this. */
  lastTableColumn: number;
  /** The calculation block's spill anchor (0-based), below the totals block. */
  calcRow: number;
  calcCol: number;
  rows: { level: RowLevel; code: string; lan: string }[];
}

const NUMFMT_SHARE = "0.0%";
const NUMFMT_KR = "#,##0";
const NUMFMT_INT = "0";

/** The recipients of a scope in sheet order: per county (its row), kommuner by code, landsting. */
export function sheetRecipients(cols: SheetColumns, county?: string): { level: RowLevel; code: string; lan: string }[] {
  const out: { level: RowLevel; code: string; lan: string }[] = [];
  for (const l of LAN) {
    if (county && l.code !== county) continue;
    if (cols.countyRows) out.push({ level: "lan", code: l.code, lan: l.code });
    for (const k of l.kommuner) out.push({ level: "kommun", code: k, lan: l.code });
    out.push({ level: "landsting", code: l.code, lan: l.code });
  }
  return out;
}

/** Formula columns shown for a scope (county sheets: amounts only where computable). */
export function scopeFormulas(cols: SheetColumns, county?: string): FormulaColumn[] {
  if (!county) return cols.formulas;
  const ok = new Set(countyAmountPots(cols).map((p) => p.id));
  return cols.formulas.filter((f) => f.role !== "amount" || ok.has(f.pot!));
}

/** A facts answer as the cell a person would type. */
function answerCell(col: InputColumn, facts: Facts | undefined, level: RowLevel, code: string, lan: string): CellValue | undefined {
  if (!facts) return undefined;
  const cf = facts.counties[lan];
  const ef = level === "kommun" ? cf?.kommuner?.[code] : level === "landsting" ? cf?.landsting : cf?.county;
  if (!ef) return undefined;
  const t = col.target;
  if (t.type === "key") {
    const k = ef.keys?.[t.key];
    return k === null || k === undefined ? undefined : Array.isArray(k) ? k.map((x) => String(numberCell(x))).join("; ") : numberCell(k);
  }
  const v = ef.answers?.[t.rule]?.[t.criterion];
  if (v === undefined || v === null) return undefined;
  if (t.type === "series") {
    const arr = (v as unknown as Record<string, FactNumber[]>)[t.field];
    const x = arr?.[t.index];
    if (x === undefined) return undefined;
    return numberCell(x, col.valueType === "share" ? 2 : 0);
  }
  if (typeof v === "boolean") return v ? "Ja" : "Nej";
  if (typeof v === "number" || isDecimal(v)) return numberCell(v);
  if (typeof v === "string") return /aktuellt/i.test(v) ? "Ej aktuellt" : Number(v.replace("%", "").replace(",", ".").trim()) / 100;
  if (typeof v === "object" && "part" in v) return v.total === undefined || col.valueType === "count" ? numberCell(v.part) : Number(v.part) / Number(v.total);
  return undefined;
}

/**
 * A facts number as a cell, divided by 10^shift: a double as a number; an
 * exact decimal no double holds (a Decimal) as its text with every digit
 * and a decimal comma, which the reader reads back exactly (./cells).
 */
function numberCell(x: FactNumber, shift = 0): CellValue {
  if (typeof x === "number") return shift === 0 ? x : x / 10 ** shift;
  const s = scanDecimal(x);
  if (typeof s === "string") return x.toString();
  const text = scaledText({ mantissa: BigInt(s.digits || "0"), scale: s.scale + shift });
  return `${s.negative ? "-" : ""}${text.replace(".", ",")}`;
}

/** The workbook for an agreement and scope. */
export function buildWorkbook(agreement: Agreement, options: LayoutOptions = {}): WorkbookSpec {
  const cols = sheetColumns(agreement);
  const allocation = buildAllocationSheet(agreement, cols, options);
  return {
    agreement: agreement.id,
    scope: options.county,
    fictional: options.facts?.fictional === true,
    sheets: [allocation.sheet, rulesSheet(agreement), assumptionsSheet(agreement), conflictsSheet(agreement), ...(agreement.obligations?.length ? [calendarSheet(agreement, { county: options.county })] : [])],
  };
}

/** The allocation sheet alone, with its geometry (for the add-in and for tests). */
export function buildAllocationSheet(agreement: Agreement, cols: SheetColumns, options: LayoutOptions = {}): { sheet: SheetSpec; geometry: AllocationGeometry; results: SheetResults } {
  const county = options.county;
  if (county !== undefined && !getLan(county)) throw new Error(`Okänd länskod ${county}`);
  const facts = options.facts;
  const fictional = facts?.fictional === true;
  const formulas = scopeFormulas(cols, county);
  const tableCols = tableColumns(cols);
  const allCols: Column[] = [...tableCols, ...formulas];
  const columns = new Map(allCols.map((c, i) => [c.id, i]));
  const recipients = sheetRecipients(cols, county);

  // Title block.
  const title: (CellSpec | null)[][] = [];
  const line = (value: string, style: StyleId) => title.push([{ value, style }]);
  line(`Fördelning av stimulansmedel: ${agreement.title}`, "title");
  line(`${T.AGREEMENT_LABEL} ${agreement.id}`, "subtitle");
  line(`${T.SCOPE_LABEL} ${county ? `${getLan(county)!.name} (${county})` : T.SCOPE_NATIONAL}`, "subtitle");
  if (fictional) line(`${T.FICTIONAL_LABEL}: alla svar och nyckeltal utom folkmängden är påhittade demouppgifter, inte verkliga uppgifter.`, "fictional");
  line(
    "Gula kolumner fylls i (Ja/Nej, andelar i procent, tal). Grå kolumner räknas av Excel-tillägget Stimulans (funktionerna STIM.*). Utan tillägget visas de senast beräknade värdena men de räknas inte om när svaren ändras: be IT-avdelningen installera tillägget (manifest.xml) via Microsoft 365 administrationscenter, eller lägg till det under Infoga > Tillägg.",
    "note",
  );
  if (county) {
    line(T.COUNTY_SHEET_NOTE, "note");
  }
  title.push([]);
  const headerRow = title.length;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + recipients.length;
  const lastTableColumn = tableCols.length - 1;
  const spillCols = spillColumns(cols);
  // Below the table: the totals block (one empty row between), then after one more empty row the calculation block's headers and its spill.
  const totalsStart = lastDataRow + 2;
  const totalRows = county ? [T.TOTALS.county, T.TOTALS.pot] : [T.TOTALS.allocated, T.TOTALS.unallocated, T.TOTALS.pot, T.TOTALS.check];
  const calcHeaderRow = totalsStart + totalRows.length + 1;
  const calcCol = 0;
  const g: FormulaGeometry = { headerRow, lastDataRow, lastTableColumn, calcRow: calcHeaderRow + 1, calcCol, layoutRows: recipients.length };

  // Input grid first (the engine computes from it), then formulas with cached values.
  const cells: (CellSpec | null)[][] = [...title];
  cells.push(allCols.map((c) => ({ value: c.header, style: "header" as StyleId })));
  const tableGrid: unknown[][] = [tableCols.map((c) => c.header)];
  const gotlandKommunRow = recipients.findIndex((r) => r.level === "kommun" && r.code === GOTLAND_KOMMUN);
  recipients.forEach((rec, i) => {
    const r = firstDataRow + i;
    const row: (CellSpec | null)[] = [];
    const gridRow: unknown[] = [];
    for (const c of tableCols) {
      let cell: CellSpec | null;
      if (c.kind === "identity") cell = identityCell(c.id, rec);
      else if (!c.levels.includes(rec.level)) cell = { style: "input-na" };
      else if (rec.level === "landsting" && rec.code === GOTLAND_LAN && gotlandKommunRow >= 0 && c.levels.includes("kommun") && c.target.type !== "key") {
        // Region Gotland answers a rule shared by kommun and landsting once: the landsting row shows the kommun row's answer.
        const source = firstDataRow + gotlandKommunRow;
        const linked = answerCell(c, facts, "kommun", GOTLAND_KOMMUN, GOTLAND_LAN);
        cell = { formula: `${a1(source, columns.get(c.id)!)}`, cached: linked ?? "", style: "linked", numFmt: numFmtOf(c) };
      } else {
        const v = answerCell(c, facts, rec.level, rec.code, rec.lan);
        cell = { ...(v === undefined ? {} : { value: v }), style: "input", numFmt: numFmtOf(c) };
      }
      row.push(cell);
      gridRow.push(cell?.value ?? cell?.cached ?? "");
    }
    cells[r] = row;
    tableGrid.push(gridRow);
  });

  const comp = computeTable(agreement, tableGrid, T.SHEET_ALLOCATION);
  if (!comp.results) {
    throw new Error(`Mallen kunde inte beräknas: ${comp.read.findings.filter((f) => f.severity === "fel").map((f) => f.message).join("; ")}`);
  }
  const results = comp.results;
  const amountCols = formulas.filter((f) => f.role === "amount");
  recipients.forEach((rec, i) => {
    const r = firstDataRow + i;
    const row = cells[r]!;
    for (const f of formulas) {
      if (!f.levels.includes(rec.level)) {
        row.push({ style: "input-na" });
        continue;
      }
      const lv = rec.level as "kommun" | "landsting";
      const formula = rowFormula(cols, f, r, g, columns, rec.level, formulas);
      switch (f.role) {
        case "grundkrav":
          row.push({ formula, cached: results.gate(rec.level, rec.code), style: "formula" });
          break;
        case "amount":
          row.push({ formula, cached: results.amount(lv, rec.code, f.pot!), style: "formula", numFmt: NUMFMT_KR });
          break;
        case "status":
          row.push({ formula, cached: results.status(lv, rec.code, f.pot!), style: "formula" });
          break;
        case "total": {
          const sum = amountCols.filter((a) => a.levels.includes(rec.level)).reduce((s, a) => s + results.amount(lv, rec.code, a.pot!), 0);
          row.push(formula ? { formula, cached: sum, style: "formula", numFmt: NUMFMT_KR } : { value: 0, style: "formula", numFmt: NUMFMT_KR });
          break;
        }
      }
    }
  });

  // Totals block below the table.
  totalRows.forEach((label, k) => {
    const r = totalsStart + k;
    const row: (CellSpec | null)[] = [{ value: label, style: "total" }];
    cells[r] = row;
    for (const f of amountCols) {
      const c = columns.get(f.id)!;
      while (row.length < c) row.push(null);
      const pot = f.pot!;
      const countySum = recipients.reduce((s, rec) => s + (f.levels.includes(rec.level) ? results.amount(rec.level as "kommun" | "landsting", rec.code, pot) : 0), 0);
      const formula = totalsFormula(agreement, cols, label, pot, g, columns, totalsStart);
      const cached =
        label === T.TOTALS.allocated
          ? results.allocated(pot)
          : label === T.TOTALS.county
            ? countySum
            : label === T.TOTALS.unallocated
              ? results.unallocated(pot)
              : label === T.TOTALS.pot
                ? results.potAmount(pot)
                : results.allocated(pot) + results.unallocated(pot) === results.potAmount(pot)
                  ? T.CHECK_OK
                  : T.CHECK_FAIL;
      const cell: CellSpec = { formula, cached, ...(label === T.TOTALS.check ? {} : { numFmt: NUMFMT_KR }) };
      row.push({ ...cell, style: "total" });
    }
  });

  // The calculation block: its headers, then one spilled call (the unallocated sums first, then one row per table row).
  cells[calcHeaderRow - 1] = [{ value: T.CALC_NOTE, style: "note" }];
  cells[calcHeaderRow] = spillCols.map((c) => ({ value: c.header, style: "header" as StyleId }));
  const spill = spillValues(cols, comp, tableGrid.length);
  spill.forEach((values, i) => {
    const r = g.calcRow + i;
    cells[r] = values.map((v, k): CellSpec => {
      const numFmt = spillCols[k].role === "amount" ? NUMFMT_KR : undefined;
      if (i === 0 && k === 0) return { formula: anchorFormula(agreement, g), cached: v, spill: { rows: spill.length, cols: spillCols.length }, style: "formula" };
      return { ...(v === "" ? {} : { value: v }), spilled: true, style: "formula", ...(numFmt ? { numFmt } : {}) };
    });
  });

  const width = Math.max(allCols.length, spillCols.length);
  for (let r = 0; r < cells.length; r++) {
    const row = (cells[r] ??= []);
    while (row.length < width) row.push(null);
  }

  const sheet: SheetSpec = {
    name: T.SHEET_ALLOCATION,
    cells,
    columnWidths: allCols.map((c) => (c.kind === "identity" ? (c.id === "namn" ? 28 : 12) : c.kind === "input" ? 16 : 16)),
    table: { name: T.TABLE_NAME, range: `A${headerRow + 1}:${colLetters(allCols.length - 1)}${lastDataRow + 1}`, headers: allCols.map((c) => c.header) },
    validations: validations(cols, recipients, columns, firstDataRow),
    freeze: { rows: headerRow + 1, columns: 2 },
    notes: Object.fromEntries(
      allCols
        .filter((c): c is InputColumn | FormulaColumn => c.kind !== "identity")
        .map((c) => [a1(headerRow, columns.get(c.id)!), noteOf(c)]),
    ),
  };
  return {
    sheet,
    geometry: { headerRow, firstDataRow, lastDataRow, columns, lastTableColumn, calcRow: g.calcRow, calcCol, rows: recipients },
    results,
  };
}

function identityCell(id: string, rec: { level: RowLevel; code: string; lan: string }): CellSpec {
  switch (id) {
    case "kod":
      return { value: rec.code, style: "identity" };
    case "namn":
      return { value: rec.level === "kommun" ? getKommun(rec.code)!.name : rec.level === "landsting" ? landstingName(rec.code) : getLan(rec.code)!.name, style: "identity" };
    case "niva":
      return { value: LEVEL_TEXT[rec.level], style: "identity" };
    case "lan":
      return { value: rec.lan, style: "identity" };
    default:
      return { value: rec.level === "kommun" ? getKommun(rec.code)!.population : getLan(rec.code)!.population, style: "identity", numFmt: NUMFMT_KR };
  }
}

function numFmtOf(c: InputColumn): string | undefined {
  return c.valueType === "share" || c.valueType === "share-over" ? NUMFMT_SHARE : c.valueType === "count" ? NUMFMT_INT : undefined;
}

function noteOf(c: InputColumn | FormulaColumn): string {
  const src = c.source ? `Källa: ${citationText(c.source)}` : "";
  if (c.kind === "input") return `${c.help}. Besvaras av: ${c.levels.map((l) => LEVEL_TEXT[l]).join(", ")}. ${src}`.trim();
  const what =
    c.role === "grundkrav"
      ? "Uppfyller mottagaren grundkraven, efter länsregeln (Ja/Nej/Uppgift saknas)."
      : c.role === "amount"
        ? `Belopp i hela kronor ur pott ${c.pot}, beräknat av STIM.ALLOCATION.`
        : c.role === "status"
          ? `Behörig, ej behörig, uppgift saknas eller ej aktuell för pott ${c.pot}.`
          : "Summan av radens belopp.";
  return `${what} ${src}`.trim();
}

function validations(cols: SheetColumns, recipients: { level: RowLevel }[], columns: Map<string, number>, firstDataRow: number): ValidationSpec[] {
  const out: ValidationSpec[] = [];
  for (const c of cols.inputs) {
    const col = colLetters(columns.get(c.id)!);
    // Contiguous runs of rows whose level answers the column.
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      const range = `${col}${firstDataRow + start + 1}:${col}${firstDataRow + end + 1}`;
      out.push(validationOf(c, range));
      start = -1;
    };
    recipients.forEach((r, i) => {
      if (c.levels.includes(r.level)) {
        if (start < 0) start = i;
      } else flush(i - 1);
    });
    flush(recipients.length - 1);
  }
  return out;
}

function validationOf(c: InputColumn, range: string): ValidationSpec {
  switch (c.valueType) {
    case "boolean":
      return { range, type: "list", list: ["Ja", "Nej"], prompt: `${c.header}: Ja eller Nej.`, error: "Svara Ja eller Nej." };
    case "boolean-na":
      return { range, type: "list", list: ["Ja", "Nej", "Ej aktuellt"], prompt: `${c.header}: Ja, Nej eller Ej aktuellt.`, error: "Svara Ja, Nej eller Ej aktuellt." };
    case "share":
      return { range, type: "decimal", min: 0, max: 1, prompt: `${c.help}.`, error: "Ange en andel mellan 0 % och 100 %." };
    case "share-over":
      return { range, type: "decimal", min: 0, max: 100, prompt: `${c.help}.`, error: "Ange en andel i procent (0 % eller mer)." };
    case "count":
      return { range, type: "whole", min: 0, prompt: `${c.help}.`, error: "Ange ett heltal ≥ 0." };
    case "number":
      // No validation rule: a capped key per city district is a list "2; 1; 2".
      return { range, type: "decimal", min: 0, prompt: `${c.help}.`, error: "Ange ett tal ≥ 0." };
  }
}

function rulesSheet(agreement: Agreement): SheetSpec {
  const header = ["Typ", "Id", "Beskrivning", "Gräns, nyckel eller belopp", "Besvaras av / mottagare", "Källa", "Status"];
  const rows = ruleRows(agreement);
  return simpleSheet(T.SHEET_RULES, `Regler i ${agreement.title} (${agreement.id})`, header, rows, [18, 20, 60, 30, 22, 50, 12]);
}

function assumptionsSheet(agreement: Agreement): SheetSpec {
  const header = ["Id", "Antagande", "Skäl", "Standardval", "Alternativ", "Källa"];
  const rows = agreement.assumptions.map((a) => [
    a.id,
    a.title,
    a.reason,
    a.options.find((o) => o.id === a.default)?.label ?? a.default,
    a.options
      .filter((o) => o.id !== a.default)
      .map((o) => o.label)
      .join("; "),
    citationText(a.source),
  ]);
  const sheet = simpleSheet(T.SHEET_ASSUMPTIONS, `Antaganden där källorna är tysta eller oklara (${agreement.id}); beräkningarna använder standardvalen`, header, rows, [30, 40, 70, 40, 60, 50]);
  return sheet;
}

function conflictsSheet(agreement: Agreement): SheetSpec {
  const header = ["Id", "Ämne", "Källorna säger", "Används", "Motivering"];
  const rows = ALL_CONFLICTS.filter((c) => c.agreement === agreement.id).map((c) => [
    c.id,
    c.subject,
    c.claims.map((cl) => `${citationText(cl.source)}: ${cl.value}`).join("; "),
    c.resolvedValue,
    c.resolution,
  ]);
  return simpleSheet(T.SHEET_CONFLICTS, `Kända motsägelser mellan källorna (${agreement.id})`, header, rows.length ? rows : [["–", "Inga kända motsägelser", "", "", ""]], [30, 40, 80, 20, 70]);
}

function simpleSheet(name: string, title: string, header: string[], rows: string[][], widths: number[]): SheetSpec {
  const cells: (CellSpec | null)[][] = [[{ value: title, style: "title" }, ...header.slice(1).map(() => null)], header.map((h) => ({ value: h, style: "header" as StyleId }))];
  for (const r of rows) cells.push(r.map((v) => ({ value: v, style: "plain" as StyleId })));
  return { name, cells, columnWidths: widths, validations: [], freeze: { rows: 2, columns: 0 } };
}

export type { Citation, Pot };
