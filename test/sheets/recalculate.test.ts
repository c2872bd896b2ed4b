/**
 * The in-memory workbook (the browser preview) recomputes an allocation
 * sheet the way Excel would, through the sheet layer: after an answer
 * changes, the calculation block's spill and every INDEX, SUM and check cell
 * follow, and the sheet validates clean against the core.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { buildWorkbook, readAllocationSheet, validateWorkbook } from "../../src/sheets";

const PRIO = getAgreement("prio-2014");

test("an answer typed in the preview recomputes the sheet; it validates clean and the money moved", async () => {
  const wb = new MemoryWorkbook();
  const sheet = buildWorkbook(PRIO, { county: "03", facts: demoFacts(PRIO) }).sheets[0];
  await wb.writeSheetSpec(sheet);
  const grid = async () => {
    const used = await wb.readUsedRange("Fördelning");
    return { name: "Fördelning", values: used.values, formulas: used.formulas as string[][] };
  };
  const before = await grid();
  const read = readAllocationSheet(before);
  const uppsala = read.rows.find((r) => r.level === "kommun" && r.code === "0380")!;
  const landsting = read.rows.find((r) => r.level === "landsting" && r.code === "03")!;
  const total = read.columns.get("summa")!;
  expect(before.values[landsting.row][total]).not.toBe(0);
  const col = read.columns.get("GK1.innehall")!;
  const letters = String.fromCharCode(65 + col);
  wb.setValues("Fördelning", `${letters}${uppsala.row + 1}`, [["Nej"]]);
  const after = await grid();
  expect(after.values[landsting.row][total]).toBe(0); // Uppsala län below 80 % (004 §3.4.1)
  expect(validateWorkbook([after]).findings).toEqual([]);
});
