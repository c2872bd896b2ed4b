/**
 * The county summary as a sheet (src/sheets/countySummary.ts): the Stockholm
 * table of SKL's memo (003, "Summa (min.)" 13 878 000 kr), laid out as rows
 * the task pane writes to a new sheet.
 */
import { AGREEMENTS } from "../src/agreements";
import { countySummary } from "../src/core/summary";
import { LAN } from "../src/reference";
import { KRONOR_FORMAT, SUMMARY_GROUPS, countySummarySheet } from "../src/sheets/countySummary";
import { sheetNameProblem, valuesProblem } from "../src/office/workbook";

const stockholm = countySummarySheet(countySummary(AGREEMENTS, "01"));
const rowOf = (first: string) => stockholm.values.findIndex((r) => r[0] === first);

test("Stockholm: the minimum is 13 878 000 kr, as in 003's 'Summa (min.)'", () => {
  const r = stockholm.values[rowOf("Summa (minst)")];
  expect(r[3]).toBe(13_878_000);
  expect(r[4]).toContain("13 878 000 kr plus eventuella villkorade belopp (75 000 kr)");
});

test("Stockholm: the fixed amounts listed add up to the minimum, and the conditional 75 000 kr is summed apart", () => {
  const fixedStart = rowOf("Fasta belopp");
  const conditionalStart = rowOf("Villkorade belopp");
  const fixed = stockholm.values.slice(fixedStart + 1, conditionalStart).map((r) => r[3] as number);
  expect(fixed.reduce((s, v) => s + v, 0)).toBe(13_878_000);
  expect(fixed).toEqual(expect.arrayContaining([2_000_000, 7_000_000, 1_133_000, 1_560_000, 1_510_000, 650_000, 25_000]));
  expect(stockholm.values[rowOf("Summa villkorade belopp (om villkoren uppfylls)")][3]).toBe(75_000);
});

test("groups come in 003's order, with a heading each, and amounts announced later or depending on results are blank", () => {
  const headings = SUMMARY_GROUPS.map((g) => rowOf(g.heading));
  expect(headings.every((i) => i > 0)).toBe(true);
  expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  const later = stockholm.values.slice(headings[2] + 1, headings[3]);
  expect(later.map((r) => r[1])).toEqual(["EHALSA-SAMORDNARE", "EHALSA-AKTIVITETER"]);
  expect(later.every((r) => r[3] === "")).toBe(true);
  const performance = stockholm.values.slice(headings[3] + 1).filter((r) => r[1] !== "" && r[0] !== "Summa (minst)");
  // prio-2014 A1–A4, B1–B3 (7) and aldre-2014's 14 performance pots, ÄBiC (paid by Socialstyrelsen outside the total) included.
  expect(performance).toHaveLength(21);
});

test("every row has six cells, the amount column is formatted as kronor, bold rows exist", () => {
  expect(valuesProblem(stockholm.values)).toBeNull();
  expect(stockholm.values.every((r) => r.length === 6)).toBe(true);
  expect(stockholm.columnFormats).toEqual([null, null, null, KRONOR_FORMAT, null, null]);
  expect(stockholm.boldRows).toContain(0);
  expect(stockholm.boldRows.every((r) => r >= 0 && r < stockholm.values.length)).toBe(true);
  expect(stockholm.columnWidths).toHaveLength(6);
});

test.each(LAN.map((l) => [l.code, l.name]))("%s %s: a valid sheet name and a minimum equal to the core's", (code) => {
  const summary = countySummary(AGREEMENTS, code);
  const sheet = countySummarySheet(summary);
  expect(sheetNameProblem(sheet.name)).toBeNull();
  expect(sheet.values[sheet.values.findIndex((r) => r[0] === "Summa (minst)")][3]).toBe(summary.minimum);
});

test("citations are written in the form the caller gives", () => {
  const sheet = countySummarySheet(countySummary(AGREEMENTS, "01"), (c) => `KÄLLA ${c.section}`);
  expect(sheet.values.some((r) => String(r[5]).startsWith("KÄLLA "))).toBe(true);
});
