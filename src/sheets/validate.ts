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
import { stimCalls } from "./formulas";
import { readAllocationSheet, ReadResult, SheetReadError } from "./read";
import { CHECK_OK, SHEET_ALLOCATION, TOTALS } from "./texts";

export interface ValidationResult {
  agreement: Agreement;
  sheet: string;
  findings: Finding[];
  /** Whether amounts were compared (false when input errors block it). */
  checked: boolean;
  read: ReadResult;
  results?: SheetResults;
}

/** Finds and validates the allocation sheet of a workbook. Throws SheetReadError when there is none. */
export function validateWorkbook(sheets: readonly SheetGrid[], options: { agreement?: Agreement } = {}): ValidationResult {
  if (sheets.length === 0) throw new SheetReadError([{ severity: "fel", kind: "no-table", sheet: "(arbetsboken)", message: "Arbetsboken har inga blad." }]);
  const ordered = [...sheets.filter((s) => s.name === SHEET_ALLOCATION), ...sheets.filter((s) => s.name !== SHEET_ALLOCATION)];
  let firstError: SheetReadError | undefined;
  for (const grid of ordered) {
    try {
      const read = readAllocationSheet(grid, options);
      return validateRead(grid, read);
    } catch (e) {
      if (!(e instanceof SheetReadError)) throw e;
      firstError ??= e;
    }
  }
  throw firstError!;
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
  if (blocking(findings)) return { agreement, sheet, findings, checked: false, read };

  const results = new SheetResults(evaluateSheet(agreement, read.facts));
  const values = grid.values;
  const formulas = grid.formulas;
  const check = (r: number, c: number, f: FormulaColumn, expected: string | number, label: string) => {
    const found = values[r]?.[c];
    const formula = formulas?.[r]?.[c];
    const at = a1(r, c);
    const base = { sheet, cell: at, rule: f.pot ?? (f.role === "grundkrav" ? "grundkrav" : undefined), source: f.source };
    if (formulas && !formula) {
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
    if (formula && f.role !== "total" && stimCalls(formula).length === 0) {
      findings.push({ ...base, severity: "avvikelse", kind: "formula-replaced", message: `Formeln anropar inte längre Stimulans (${formula.slice(0, 60)}).`, expected });
      return;
    }
    const err = errorOf(found);
    if (err) {
      findings.push({ ...base, severity: "avvikelse", kind: "formula-error", message: `Formeln ger felet ${err}; reglerna ger ${show(expected)}.`, expected, found: err });
      return;
    }
    if (typeof expected === "number") {
      if (typeof found !== "number" || found !== expected) {
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
      }
    } else if (found !== expected) {
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

  for (const row of read.rows) {
    for (const f of formulaCols) {
      const c = read.columns.get(f.id);
      if (c === undefined || !f.levels.includes(row.level)) continue;
      const lv = row.level as "kommun" | "landsting";
      switch (f.role) {
        case "grundkrav":
          check(row.row, c, f, results.gate(row.level, row.code), "Grundkraven");
          break;
        case "amount":
          check(row.row, c, f, results.amount(lv, row.code, f.pot!), `Beloppet ur ${f.pot}`);
          break;
        case "status":
          check(row.row, c, f, results.status(lv, row.code, f.pot!), `Statusen för ${f.pot}`);
          break;
        case "total": {
          const sum = formulaCols.filter((a) => a.role === "amount" && a.levels.includes(row.level)).reduce((s, a) => s + results.amount(lv, row.code, a.pot!), 0);
          check(row.row, c, f, sum, "Radens summa");
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
      if (label === TOTALS.allocated) check(r, c, totalCol, results.allocated(pot), `Fördelat ur ${pot}`);
      else if (label === TOTALS.unallocated) check(r, c, totalCol, results.unallocated(pot), `Ofördelat ur ${pot}`);
      else if (label === TOTALS.pot) check(r, c, totalCol, results.potAmount(pot), `Potten ${pot}`);
      else if (label === TOTALS.county) {
        const sum = read.rows.reduce((s, row) => s + (f.levels.includes(row.level) && row.level !== "lan" ? results.amount(row.level, row.code, pot) : 0), 0);
        check(r, c, totalCol, sum, `Länets summa ur ${pot}`);
      } else {
        const found = values[r]?.[c];
        if (found !== CHECK_OK) {
          findings.push({ severity: "avvikelse", kind: "total-differs", sheet, cell: a1(r, c), message: `Kontrollen fördelat + ofördelat = pott för ${pot} visar ${shown(found)}.`, rule: pot, source: f.source });
        }
      }
    }
  }
  void isEmpty;
  return { agreement, sheet, findings, checked: true, read, results };
}

function show(v: string | number): string {
  return typeof v === "number" ? `${formatInt(v)} kr` : `"${v}"`;
}
