/**
 * The validation report as a sheet: one row per finding with sheet, cell,
 * severity, kind, message, rule, citation and the expected and found
 * values. The CLI writes it into a report workbook (`stim validate --out`),
 * the task pane into a new sheet of the workbook it checked — there each
 * cell address links to the cell.
 */
import { formatCitation } from "../core/format";
import { quoteSheet } from "./cells";
import { Finding, FINDING_KIND_SV } from "./findings";
import { CellSpec, SheetSpec } from "./layout";
import { SHEET_COMPUTED, SHEET_REPORT } from "./texts";
import type { ComputedRow } from "./validate";

/** The findings of one file (or one sheet). */
export interface ReportEntry {
  /** The file name; the report has a file column when any entry has one. */
  file?: string;
  findings: readonly Finding[];
  /** Why the file could not be checked at all. */
  unusable?: string;
}

export interface ReportOptions {
  /** Lines under the title (e.g. what was checked, and when). */
  subtitle?: readonly string[];
  /** Make each cell address a link to the cell (when the report is in the same workbook). */
  links?: boolean;
}

export const REPORT_TITLE = "Granskning av fördelningsark (Stimulans)";
const NO_FINDINGS = "Inga avvikelser.";

/** Excel's HYPERLINK to a cell in the same workbook: HYPERLINK("#'Fördelning (2)'!F7","F7"). */
function linkFormula(sheet: string, cell: string): string {
  return `HYPERLINK("#${quoteSheet(sheet).replace(/"/g, '""')}!${cell}","${cell}")`;
}

export function reportSheet(entries: readonly ReportEntry[], options: ReportOptions = {}): SheetSpec {
  const withFile = entries.some((e) => e.file !== undefined);
  const header = [...(withFile ? ["Fil"] : []), "Blad", "Cell", "Allvarlighet", "Typ", "Meddelande", "Regel", "Källa", "Väntat", "Funnet", "Skillnad"];
  const cells: (CellSpec | null)[][] = [[{ value: REPORT_TITLE, style: "title" }]];
  for (const line of options.subtitle ?? []) cells.push([{ value: line, style: "subtitle" }]);
  const headerRow = cells.length;
  cells.push(header.map((h) => ({ value: h, style: "header" })));
  const file = (e: ReportEntry): (CellSpec | null)[] => (withFile ? [e.file !== undefined ? { value: e.file } : null] : []);
  for (const e of entries) {
    if (e.unusable && e.findings.length === 0) cells.push([...file(e), null, null, { value: "fel" }, { value: "unusable" }, { value: e.unusable }]);
    for (const f of e.findings) {
      cells.push([
        ...file(e),
        { value: f.sheet },
        f.cell ? (options.links ? { formula: linkFormula(f.sheet, f.cell), cached: f.cell } : { value: f.cell }) : null,
        { value: f.severity },
        { value: FINDING_KIND_SV[f.kind] },
        { value: f.message },
        f.rule ? { value: f.rule } : null,
        f.source ? { value: formatCitation(f.source) } : null,
        f.expected !== undefined ? { value: f.expected } : null,
        f.found !== undefined ? { value: f.found } : null,
        f.difference !== undefined ? { value: f.difference } : null,
      ]);
    }
  }
  if (cells.length === headerRow + 1) cells.push([{ value: NO_FINDINGS }]);
  const width = header.length;
  for (const row of cells) while (row.length < width) row.push(null);
  return {
    name: SHEET_REPORT,
    cells,
    columnWidths: [...(withFile ? [28] : []), 14, 8, 12, 18, 90, 14, 50, 14, 14, 12],
    validations: [],
    freeze: { rows: headerRow + 1, columns: 0 },
  };
}

/** The amounts the rules give, for sheets whose formulas were not computed in the file (one block per file and sheet). */
export interface ComputedEntry {
  file?: string;
  sheet: string;
  rows: readonly ComputedRow[];
}

/** "Belopp enligt reglerna": per recipient the basic requirements and each pot's amount the rules give for the filled-in answers. */
export function computedSheet(entries: readonly ComputedEntry[]): SheetSpec {
  const pots = [...new Set(entries.flatMap((e) => e.rows.flatMap((r) => Object.keys(r.amounts))))];
  const withFile = entries.some((e) => e.file !== undefined);
  const header = [...(withFile ? ["Fil"] : []), "Blad", "Cell", "Kod", "Mottagare", "Grundkrav", ...pots.map((p) => `${p} (kr)`), "Summa (kr)"];
  const cells: (CellSpec | null)[][] = [
    [{ value: "Belopp enligt reglerna för de ifyllda svaren (formlerna var inte beräknade i filen)", style: "title" }],
    header.map((h) => ({ value: h, style: "header" })),
  ];
  for (const e of entries) {
    for (const r of e.rows) {
      cells.push([
        ...(withFile ? [e.file !== undefined ? { value: e.file } : null] : []),
        { value: e.sheet },
        { value: r.cell },
        { value: r.code },
        { value: r.name },
        r.grundkrav !== undefined ? { value: r.grundkrav } : null,
        ...pots.map((p) => (r.amounts[p] !== undefined ? { value: r.amounts[p], numFmt: "#,##0" } : null)),
        { value: r.total, numFmt: "#,##0" },
      ]);
    }
  }
  const width = header.length;
  for (const row of cells) while (row.length < width) row.push(null);
  return { name: SHEET_COMPUTED, cells, columnWidths: header.map((h) => (h === "Mottagare" ? 40 : 14)), validations: [], freeze: { rows: 2, columns: 0 } };
}
