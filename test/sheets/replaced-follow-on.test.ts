/**
 * One amount typed over its formula is one finding: the sums over it (the
 * row's total, the column's "Fördelat", the check row) follow it by the same
 * amount once the sheet is recalculated, and are not reported again.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { buildAllocationSheet, sheetColumns, validateWorkbook } from "../../src/sheets";
import { buildSheets } from "../../src/taskpane/views/build/build";

const PRIO = getAgreement("prio-2014");

test("an amount replaced by a typed number in a recalculated national sheet is the one finding", async () => {
  const wb = new MemoryWorkbook();
  await buildSheets(wb, { agreement: "prio-2014", demo: true }, async () => undefined);
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { facts: demoFacts(PRIO) });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === "kommun" && r.code === "0180");
  const cell = `${columnIndexToLetters(geometry.columns.get("belopp.A3")!)}${row + 1}`;
  wb.setValues("Fördelning", cell, [[123]]);
  const used = await wb.readUsedRange("Fördelning");
  const v = validateWorkbook([{ name: used.sheet, values: used.values, formulas: used.formulas as string[][] }], { agreement: PRIO });
  expect(v.findings.map((f) => [f.kind, f.cell])).toEqual([["formula-replaced", cell]]);
  expect(v.findings[0].message).toMatch(/^Formeln är ersatt av värdet 123; reglerna ger 16 425 385 kr\./);
});
