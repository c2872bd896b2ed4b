/**
 * The preview's recalculation (src/taskpane/preview/recompute.ts): after an
 * edit, the computed cells of the sheet hold what the core gives for the
 * edited answers, and keep their formulas.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { withRuleOutcome } from "../../src/core/whatif";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { columnIndexToLetters, parseA1Range } from "../../src/sheets/a1";
import { buildAllocationSheet, sheetColumns } from "../../src/sheets";
import { applyEdit, locateCall, quickResult, recomputeSheet } from "../../src/taskpane/preview/recompute";
import { buildSheets } from "../../src/taskpane/views/build/build";

const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);
const at = (code: string, column: string) => {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { facts: FACTS });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === "kommun" && r.code === code);
  return `${columnIndexToLetters(geometry.columns.get(column)!)}${row + 1}`;
};
/** A cell of the allocation sheet, as the preview's grid reads it. */
const value = (wb: MemoryWorkbook, a1: string) => {
  const { start } = parseA1Range(a1);
  return wb.snapshot("Fördelning", 100_000, 1_000).values[start.row]?.[start.col];
};
const potOf = (facts: unknown, code: string, pot: string) =>
  Number(evaluate(PRIO, facts, { explain: false }).recipients.find((r) => r.level === "kommun" && r.code === code)!.pots.find((p) => p.pot === pot)!.amount);


test("an answer edited in the preview moves the amounts as the core says; the formulas stay", async () => {
  const wb = new MemoryWorkbook();
  await buildSheets(wb, { agreement: "prio-2014", demo: true }, async () => undefined);
  const a3 = at("0180", "belopp.A3");
  const solna = at("0184", "belopp.A3");
  expect(value(wb, a3)).toBe(potOf(FACTS, "0180", "A3"));
  const r = await applyEdit(wb, "Fördelning", at("0180", "GK1.innehall"), [["Nej"]]);
  expect(r.status).toBe("done");
  const failing = withRuleOutcome(PRIO, FACTS, { level: "kommun", lan: "01", code: "0180" }, ["GK1"], false);
  expect(value(wb, a3)).toBe(potOf(failing, "0180", "A3"));
  expect(value(wb, solna)).toBe(potOf(failing, "0184", "A3"));
  expect(potOf(failing, "0180", "A3")).not.toBe(potOf(FACTS, "0180", "A3"));
  expect(wb.formulaAt("Fördelning", a3)).toMatch(/^=/);
  // Back again: the scenario's amounts.
  await applyEdit(wb, "Fördelning", at("0180", "GK1.innehall"), [["Ja"]]);
  expect(value(wb, a3)).toBe(potOf(FACTS, "0180", "A3"));
});

test("an input error turns the amounts into errors, never a stale number, and says how many errors stop them; a sheet without a table is left alone", async () => {
  const wb = new MemoryWorkbook();
  await buildSheets(wb, { agreement: "prio-2014", demo: true }, async () => undefined);
  const a3 = at("0180", "belopp.A3");
  const before = value(wb, a3);
  expect(await applyEdit(wb, "Fördelning", at("0180", "GK1.innehall"), [["kanske"]])).toEqual({ status: "input-errors", errors: 1 });
  // As in Excel: the one spilled call gives #VALUE!, so every INDEX cell into it does.
  expect(value(wb, a3)).toBe("#VALUE!");
  expect(await applyEdit(wb, "Fördelning", at("0180", "GK1.innehall"), [["Ja"]])).toEqual({ status: "done" });
  expect(value(wb, a3)).toBe(before);
  expect(await recomputeSheet(wb, "Blad1")).toEqual({ status: "no-table" });
});

test("the grid's quick status after an edit agrees with the sheet layer's reader, and defers to it when it cannot tell", async () => {
  const wb = new MemoryWorkbook();
  await buildSheets(wb, { agreement: "prio-2014", demo: true }, async () => undefined);
  const shown = () => wb.snapshot("Fördelning", 100_000, 1_000).values;
  const answer = at("0180", "GK1.innehall");
  // Not yet located: the reader decides.
  wb.setValues("Fördelning", answer, [["Nej"]]);
  expect(quickResult(wb, "Fördelning", shown())).toBeUndefined();
  expect(await locateCall(wb, "Fördelning")).toBe(true);
  expect(await locateCall(wb, "Blad1")).toBe(false);
  for (const typed of ["Ja", "Nej", "kanske", "Ja"]) {
    wb.setValues("Fördelning", answer, [[typed]]);
    const quick = quickResult(wb, "Fördelning", shown());
    const read = await recomputeSheet(wb, "Fördelning");
    // Input errors (#VALUE! from the call) are always counted by the reader; otherwise both say "done".
    expect([typed, quick ?? read]).toEqual([typed, read]);
    expect([typed, quick === undefined]).toEqual([typed, read.status !== "done"]);
  }
  expect(quickResult(wb, "Blad1", [[""]])).toBeUndefined();
});
