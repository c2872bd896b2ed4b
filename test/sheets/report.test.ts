/**
 * The validation report as a sheet (src/sheets/report.ts), written by the
 * CLI into a report workbook and by the task pane into a new sheet of the
 * workbook it checked.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { formatCitation } from "../../src/core/format";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { buildWorkbook, findingsSummary, readAllocationSheet, REPORT_TITLE, reportSheet, SheetGrid, SHEET_REPORT, validateRead } from "../../src/sheets";

const PRIO = getAgreement("prio-2014");

function broken(): { grid: SheetGrid; cell: string } {
  const s = buildWorkbook(PRIO, { county: "03", facts: demoFacts(PRIO) }).sheets[0];
  const grid: SheetGrid = { name: "Fördelning (2)", values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))) };
  const r = readAllocationSheet(grid);
  const row = r.rows.find((x) => x.code === "0380")!.row;
  const col = r.columns.get("belopp.B3")!;
  (grid.values[row][col] as number) += 5;
  return { grid, cell: `${columnIndexToLetters(col)}${row + 1}` };
}

test("one row per finding under the header: sheet, cell, severity, kind, message, rule, citation, expected, found, difference", () => {
  const { grid, cell } = broken();
  const v = validateRead(grid, readAllocationSheet(grid));
  expect(v.findings).toHaveLength(1);
  const f = v.findings[0];
  const sheet = reportSheet([{ findings: v.findings }], { subtitle: [`Blad: ${grid.name}; ${findingsSummary(v.findings)}`] });
  expect(sheet.name).toBe(SHEET_REPORT);
  expect(sheet.cells[0][0]).toMatchObject({ value: REPORT_TITLE });
  expect(sheet.cells[1][0]).toMatchObject({ value: "Blad: Fördelning (2); 0 fel, 1 avvikelse, 0 noteringar" });
  expect(sheet.cells[2].map((c) => c?.value)).toEqual(["Blad", "Cell", "Allvarlighet", "Typ", "Meddelande", "Regel", "Källa", "Väntat", "Funnet", "Skillnad"]);
  expect(sheet.cells[3].map((c) => c?.value ?? null)).toEqual(["Fördelning (2)", cell, "avvikelse", "belopp avviker", f.message, "B3", formatCitation(f.source!), f.expected, f.found, 5]);
  expect(sheet.freeze).toEqual({ rows: 3, columns: 0 });
  expect(sheet.cells.every((r) => r.length === 10)).toBe(true);
});

test("links: each cell address becomes a HYPERLINK to the cell, the sheet name quoted as Excel needs, the address as its cached value", () => {
  const { grid, cell } = broken();
  const v = validateRead(grid, readAllocationSheet(grid));
  const sheet = reportSheet([{ findings: v.findings }], { links: true });
  expect(sheet.cells[2][1]).toEqual({ formula: `HYPERLINK("#'Fördelning (2)'!${cell}","${cell}")`, cached: cell });
});

test("no findings: one line saying so; a file column only when a file is named; an unusable file is one row", () => {
  const clean = reportSheet([{ findings: [] }]);
  expect(clean.cells[2][0]).toMatchObject({ value: "Inga avvikelser." });
  const files = reportSheet([
    { file: "01.xlsx", findings: [] },
    { file: "02.xlsx", findings: [], unusable: "Filen är ingen Excel-arbetsbok (.xlsx): innehållet känns inte igen." },
  ]);
  expect(files.cells[1][0]).toMatchObject({ value: "Fil" });
  expect(files.cells[2].map((c) => c?.value ?? null).slice(0, 6)).toEqual(["02.xlsx", null, null, "fel", "unusable", "Filen är ingen Excel-arbetsbok (.xlsx): innehållet känns inte igen."]);
});
