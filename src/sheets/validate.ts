/**
 * Validating a workbook: read the allocation sheet, recompute it with the
 * core, and report every difference between what the sheet shows and what
 * the rules give — each with sheet, cell, the rule and its citation.
 *
 * When the inputs themselves cannot be read (an unknown code, text in a
 * number cell, a missing row …), amounts are not compared: any comparison
 * would only repeat the input error in every amount it touches. The input
 * errors are reported and `checked` is false.
 */
import { formatInt } from "../core/format";
import { Agreement } from "../core/model";
import { errorOf, isEmpty, SheetGrid, a1, shown } from "./cells";
import { FormulaColumn, sheetColumns } from "./columns";
import { countyAmountPots, evaluateSheet, SheetResults } from "./engine";
import { blocking, Finding } from "./findings";
import { fromFileFormula, stimCalls } from "./formulas";
import { anchorFormula, FormulaGeometry, normaliseFormula, rowFormula, totalsFormula } from "./calc";
import { sheetRecipients } from "./layout";
import { describeRecipient, readAllocationSheet, ReadResult, SheetReadError } from "./read";
import { CHECK_OK, SHEET_ALLOCATION, TOTALS } from "./texts";

/** The amounts the rules give for one recipient (for a sheet whose formulas are not computed in the file). */
export interface ComputedRow {
  /** A1 address of the row's code cell. */
  cell: string;
  level: "kommun" | "landsting" | "lan";
  code: string;
  name: string;
  grundkrav?: string;
  /** Pot id → whole kronor (pots with an amount column on this sheet, on this row's level). */
  amounts: Record<string, number>;
  total: number;
}

export interface ValidationResult {
  agreement: Agreement;
  sheet: string;
  findings: Finding[];
  /** Whether amounts were compared (false when input errors block it). */
  checked: boolean;
  read: ReadResult;
  results?: SheetResults;
  /**
   * When the file's formulas hold no computed values (#NAME?, no cached
   * value, or values older than the answers): the amounts the rules give
   * for the answers filled in, one row per recipient, to show as a table.
   */
  computed?: ComputedRow[];
  /** Other sheets holding an allocation table (each also checked; their findings are in `findings`). */
  otherSheets?: string[];
}

export interface ValidateOptions {
  agreement?: Agreement;
  /** The county the workbook is for (`stim validate --county`). */
  county?: string;
}

/** Finds and validates every allocation sheet of a workbook (the one named Fördelning first). Throws SheetReadError when there is none. */
export function validateWorkbook(sheets: readonly SheetGrid[], options: ValidateOptions = {}): ValidationResult {
  if (sheets.length === 0) throw new SheetReadError([{ severity: "fel", kind: "no-table", sheet: "(arbetsboken)", message: "Arbetsboken har inga blad." }]);
  const ordered = [...sheets.filter((s) => s.name === SHEET_ALLOCATION), ...sheets.filter((s) => s.name !== SHEET_ALLOCATION)];
  let firstError: SheetReadError | undefined;
  const found: ValidationResult[] = [];
  for (const grid of ordered) {
    try {
      const read = readAllocationSheet(grid, options);
      found.push(validateRead(grid, read));
    } catch (e) {
      if (!(e instanceof SheetReadError)) throw e;
      firstError ??= e;
    }
  }
  if (found.length === 0) throw firstError!;
  const [main, ...others] = found;
  if (others.length === 0) return main;
  const findings = [...main.findings];
  for (const o of others) {
    findings.push({
      severity: "avvikelse",
      kind: "second-table",
      sheet: o.sheet,
      cell: a1(o.read.headerRow, 0),
      message: `Bladet ${o.sheet} är också ett fördelningsark (granskat här; huvudbladet är ${main.sheet}). Lämna in ett enda fördelningsark.`,
    });
    findings.push(...o.findings);
  }
  return { ...main, findings, otherSheets: others.map((o) => o.sheet) };
}

/** What the layout would write for this sheet's geometry: the formula text of the cell, or undefined. */
function geometryOf(read: ReadResult): FormulaGeometry | undefined {
  if (read.calcCol === undefined || read.calcRow === undefined) return undefined;
  const cols = sheetColumns(read.agreement);
  const tableCols = [...cols.identity, ...cols.inputs].map((c) => read.columns.get(c.id)).filter((c): c is number => c !== undefined);
  const lastRow = read.rows.length ? Math.max(...read.rows.map((r) => r.row)) : read.headerRow + 1;
  const firstTotal = read.totals.size ? Math.min(...read.totals.values()) : undefined;
  return { headerRow: read.headerRow, lastDataRow: firstTotal !== undefined ? Math.max(lastRow, firstTotal - 2) : lastRow, lastTableColumn: Math.max(...tableCols), calcRow: read.calcRow, calcCol: read.calcCol, layoutRows: sheetRecipients(cols, read.scope).length };
}

export function validateRead(grid: SheetGrid, read: ReadResult): ValidationResult {
  const agreement = read.agreement;
  const sheet = grid.name;
  const findings = [...read.findings];
  const cols = sheetColumns(agreement);
  const formulaCols = cols.formulas.filter((f) => f.role !== "amount" || !read.scope || countyAmountPots(cols).some((p) => p.id === f.pot));
  for (const f of formulaCols) {
    if (!read.columns.has(f.id)) {
      findings.push({ severity: "avvikelse", kind: "missing-column", sheet, cell: a1(read.headerRow, 0), message: `Den beräknade kolumnen "${f.header}" saknas.`, rule: f.pot, source: f.source });
    }
  }
  const answered = Object.values(read.facts.counties).some((cf) => [cf.county, cf.landsting, ...Object.values(cf.kommuner ?? {})].some((ef) => ef && (ef.answers || ef.keys)));
  if (!answered && !blocking(findings)) {
    findings.push({
      severity: "avvikelse",
      kind: "no-answers",
      sheet,
      cell: a1(read.headerRow + 1, 0),
      message: "Inga svar är ifyllda: tabellen är en tom mall. Fyll i de gula kolumnerna innan den lämnas in.",
    });
  }
  if (blocking(findings)) return { agreement, sheet, findings, checked: false, read };

  const results = new SheetResults(evaluateSheet(agreement, read.facts));
  const values = grid.values;
  const formulas = grid.formulas;
  const geometry = geometryOf(read);
  /** Formula cells whose formula is right but whose value was not computed in the file. */
  const notComputed = { missing: 0, name: 0, stale: 0, first: undefined as string | undefined };
  /** The individual findings of stale values, reported only when they are few. */
  const stale: (() => void)[] = [];
  const formulaFinding = (expectedFormula: string, found: string, base: Omit<Finding, "severity" | "kind" | "message">) =>
    findings.push({
      ...base,
      severity: "avvikelse",
      kind: "formula-changed",
      message: `Formeln är ändrad: den ska vara =${expectedFormula} men är =${fromFileFormula(found)}.`,
      expected: `=${expectedFormula}`,
      found: `=${fromFileFormula(found)}`,
    });
  // Amounts typed over their formulas, by row and by column: the sums over them (the row's total, the
  // column's "Fördelat", the check row) then differ by the same amount, and that is no second finding.
  const rowDelta = new Map<number, number>();
  const colDelta = new Map<number, number>();
  const followsReplaced = (r: number, c: number, diff: number) => diff !== 0 && (rowDelta.get(r) === diff || colDelta.get(c) === diff);
  const check = (r: number, c: number, f: FormulaColumn, expected: string | number, label: string, expectedFormula?: string) => {
    const found = values[r]?.[c];
    const formula = formulas?.[r]?.[c];
    const at = a1(r, c);
    const base = { sheet, cell: at, rule: f.pot ?? (f.role === "grundkrav" ? "grundkrav" : undefined), source: f.source };
    if (formulas && !formula) {
      if (f.role === "amount" && typeof found === "number" && typeof expected === "number" && found !== expected) {
        rowDelta.set(r, (rowDelta.get(r) ?? 0) + found - expected);
        colDelta.set(c, (colDelta.get(c) ?? 0) + found - expected);
      }
      findings.push({
        ...base,
        severity: "avvikelse",
        kind: "formula-replaced",
        message: `Formeln är ersatt av värdet ${shown(found)}${found === expected ? "" : `; reglerna ger ${show(expected)}`}. Cellen räknas inte längre om när svaren ändras.`,
        expected,
        found: typeof found === "number" || typeof found === "string" ? found : undefined,
      });
      return;
    }
    if (formula && expectedFormula !== undefined && normaliseFormula(formula) !== normaliseFormula(expectedFormula)) {
      formulaFinding(expectedFormula, formula, base);
      return;
    }
    const err = errorOf(found);
    const matches = typeof expected === "number" ? typeof found === "number" && found === expected : found === expected;
    if (!matches && f.role === "total" && typeof found === "number" && typeof expected === "number" && followsReplaced(r, c, found - expected)) return;
    if (formula && (isEmpty(found) || err === "#NAME?" || (!matches && !err))) {
      // The formula is the layout's: the value is what the file did not compute (no add-in, a program that does not recalculate).
      if (isEmpty(found)) notComputed.missing++;
      else if (err) notComputed.name++;
      else {
        notComputed.stale++;
        stale.push(() => differs(base, found, expected, label, f));
      }
      notComputed.first ??= at;
      return;
    }
    if (err) {
      findings.push({ ...base, severity: "avvikelse", kind: "formula-error", message: `Formeln ger felet ${err}; reglerna ger ${show(expected)}.`, expected, found: err });
      return;
    }
    if (matches) return;
    differs(base, found, expected, label, f);
  };
  const differs = (base: Omit<Finding, "severity" | "kind" | "message">, found: unknown, expected: string | number, label: string, f: FormulaColumn) => {
    if (typeof expected === "number") {
      const diff = typeof found === "number" ? found - expected : undefined;
      findings.push({
        ...base,
        severity: "avvikelse",
        kind: f.role === "total" ? "total-differs" : "amount-differs",
        message: `${label} är ${typeof found === "number" ? `${formatInt(found)} kr` : shown(found)} men reglerna ger ${formatInt(expected)} kr${diff !== undefined ? ` (skillnad ${diff > 0 ? "+" : ""}${formatInt(diff)} kr)` : ""}.`,
        expected,
        found: typeof found === "number" || typeof found === "string" ? found : undefined,
        difference: diff,
      });
    } else {
      findings.push({
        ...base,
        severity: "avvikelse",
        kind: "status-differs",
        message: `${label} är ${shown(found)} men reglerna ger "${expected}".`,
        expected,
        found: typeof found === "string" ? found : undefined,
      });
    }
  };

  // The calculation block's anchor: the one call that computes the sheet.
  if (formulas && geometry) {
    const r = geometry.calcRow;
    const expectedAnchor = anchorFormula(agreement, geometry);
    const found = formulas[r]?.[geometry.calcCol];
    const at = a1(r, geometry.calcCol);
    if (!found) {
      findings.push({ severity: "avvikelse", kind: "formula-replaced", sheet, cell: at, message: `Beräkningsblockets formel saknas; den ska vara =${expectedAnchor}. Tabellens belopp räknas inte om när svaren ändras.`, expected: `=${expectedAnchor}` });
    } else if (normaliseFormula(found) !== normaliseFormula(expectedAnchor)) {
      formulaFinding(expectedAnchor, found, { sheet, cell: at });
    }
  }
  const legacy = !geometry; // a workbook from before the calculation block: per-row STIM calls

  for (const row of read.rows) {
    for (const f of formulaCols) {
      const c = read.columns.get(f.id);
      if (c === undefined || !f.levels.includes(row.level)) continue;
      const lv = row.level as "kommun" | "landsting";
      const ef = geometry ? rowFormula(cols, f, row.row, geometry, read.columns, row.level, formulaCols) : undefined;
      if (legacy && formulas?.[row.row]?.[c] && f.role !== "total" && stimCalls(formulas[row.row][c]!).length === 0) {
        findings.push({ severity: "avvikelse", kind: "formula-replaced", sheet, cell: a1(row.row, c), rule: f.pot, source: f.source, message: `Formeln anropar inte längre Stimulans (${formulas[row.row][c]!.slice(0, 60)}).` });
        continue;
      }
      switch (f.role) {
        case "grundkrav":
          check(row.row, c, f, results.gate(row.level, row.code), "Grundkraven", ef);
          break;
        case "amount":
          check(row.row, c, f, results.amount(lv, row.code, f.pot!), `Beloppet ur ${f.pot}`, ef);
          break;
        case "status":
          check(row.row, c, f, results.status(lv, row.code, f.pot!), `Statusen för ${f.pot}`, ef);
          break;
        case "total": {
          const sum = formulaCols.filter((a) => a.role === "amount" && a.levels.includes(row.level)).reduce((s, a) => s + results.amount(lv, row.code, a.pot!), 0);
          check(row.row, c, f, sum, "Radens summa", ef);
          break;
        }
      }
    }
  }

  // The totals block.
  const amountCols = formulaCols.filter((f) => f.role === "amount");
  const labels = read.scope ? [TOTALS.county, TOTALS.pot] : [TOTALS.allocated, TOTALS.unallocated, TOTALS.pot, TOTALS.check];
  for (const label of labels) {
    const r = read.totals.get(label);
    if (r === undefined) {
      findings.push({ severity: "avvikelse", kind: "total-differs", sheet, cell: a1(read.rows.length ? read.rows[read.rows.length - 1].row + 2 : read.headerRow + 1, 0), message: `Summaraden "${label}" under tabellen saknas.` });
      continue;
    }
    for (const f of amountCols) {
      const c = read.columns.get(f.id);
      if (c === undefined) continue;
      const pot = f.pot!;
      const totalCol: FormulaColumn = { ...f, role: "total" };
      const tf = geometry ? totalsFormula(agreement, cols, label, pot, geometry, read.columns, Math.min(...read.totals.values())) : undefined;
      if (label === TOTALS.allocated) check(r, c, totalCol, results.allocated(pot), `Fördelat ur ${pot}`, tf);
      else if (label === TOTALS.unallocated) check(r, c, totalCol, results.unallocated(pot), `Ofördelat ur ${pot}`, tf);
      else if (label === TOTALS.pot) check(r, c, totalCol, results.potAmount(pot), `Potten ${pot}`, tf);
      else if (label === TOTALS.county) {
        const sum = read.rows.reduce((s, row) => s + (f.levels.includes(row.level) && row.level !== "lan" ? results.amount(row.level, row.code, pot) : 0), 0);
        check(r, c, totalCol, sum, `Länets summa ur ${pot}`, tf);
      } else if (tf !== undefined && formulas?.[r]?.[c] && normaliseFormula(formulas[r][c]!) !== normaliseFormula(tf)) {
        formulaFinding(tf, formulas[r][c]!, { sheet, cell: a1(r, c), rule: pot });
      } else {
        const found = values[r]?.[c];
        if (found !== CHECK_OK && !colDelta.has(c)) {
          findings.push({ severity: "avvikelse", kind: "total-differs", sheet, cell: a1(r, c), message: `Kontrollen fördelat + ofördelat = pott för ${pot} visar ${shown(found)}.`, rule: pot, source: f.source });
        }
      }
    }
  }
  // A few differing values beside formulas that are right are each reported (someone edited the file's values);
  // many, or any cell without a computed value, mean the file was not recalculated: said once.
  if (notComputed.missing + notComputed.name === 0 && notComputed.stale <= MAX_SINGLE_STALE) {
    for (const x of stale) x();
    notComputed.stale = 0;
  }
  const uncomputed = notComputed.missing + notComputed.name + notComputed.stale;
  let computed: ComputedRow[] | undefined;
  if (uncomputed > 0) {
    const parts = [
      notComputed.name ? `${notComputed.name} visar #NAME? (öppnad utan tillägget Stimulans)` : "",
      notComputed.missing ? `${notComputed.missing} saknar sparat värde (sparad av ett program som inte räknar)` : "",
      notComputed.stale ? `${notComputed.stale} har värden som inte stämmer med svaren (inte omräknade)` : "",
    ].filter(Boolean);
    findings.push({
      severity: "avvikelse",
      kind: "not-computed",
      sheet,
      cell: notComputed.first,
      message: `Formlerna är inte beräknade i filen: ${uncomputed} ${uncomputed === 1 ? "cell" : "celler"} (${parts.join("; ")}). Formlerna är oförändrade och svaren är granskade; beloppen som reglerna ger står i tabellen "Belopp enligt reglerna". Öppna filen i Excel med tillägget så räknas de om.`,
    });
    computed = computedRows(read, results, formulaCols);
  }
  return { agreement, sheet, findings, checked: true, read, results, ...(computed ? { computed } : {}) };
}

/** The amounts the rules give, one row per recipient of the sheet. */
export function computedRows(read: ReadResult, results: SheetResults, formulaCols: FormulaColumn[]): ComputedRow[] {
  const amountCols = formulaCols.filter((f) => f.role === "amount");
  const codeCol = read.columns.get("kod") ?? 0;
  return read.rows.map((row) => {
    const amounts: Record<string, number> = {};
    if (row.level !== "lan") for (const f of amountCols) if (f.levels.includes(row.level)) amounts[f.pot!] = results.amount(row.level, row.code, f.pot!);
    return {
      cell: a1(row.row, codeCol),
      level: row.level,
      code: row.code,
      name: describeRecipient(row.level, row.code),
      ...(formulaCols.some((f) => f.role === "grundkrav") ? { grundkrav: results.gate(row.level, row.code) } : {}),
      amounts,
      total: Object.values(amounts).reduce((s, v) => s + v, 0),
    };
  });
}

/** At most this many differing values beside unchanged formulas are reported one by one. */
const MAX_SINGLE_STALE = 10;

function show(v: string | number): string {
  return typeof v === "number" ? `${formatInt(v)} kr` : `"${v}"`;
}
