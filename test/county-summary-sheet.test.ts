/**
 * The county summary as a sheet (src/sheets/countySummary.ts): the Stockholm
 * table of SKL's memo (003, "Summa (min.)" 13 878 000 kr), as a SheetSpec the
 * task pane writes to a new sheet.
 */
import { AGREEMENTS } from "../src/agreements";
import { countySummary } from "../src/core/summary";
import { LAN } from "../src/reference";
import { specValues, sheetNameProblem, valuesProblem } from "../src/office/workbook";
import { KRONOR_FORMAT, SUMMARY_GROUPS, SUMMARY_HEADER, countySummarySheet } from "../src/sheets/countySummary";

const spec = countySummarySheet(countySummary(AGREEMENTS, "01"));
const values = specValues(spec);
const rowOf = (first: string) => values.findIndex((r) => r[0] === first);
const AMOUNT = SUMMARY_HEADER.indexOf("Belopp");

test("Stockholm: the minimum is 13 878 000 kr, as in 003's 'Summa (min.)'", () => {
  const r = values[rowOf("Summa (minst)")];
  expect(r[AMOUNT]).toBe(13_878_000);
  expect(r[AMOUNT + 1]).toContain("13 878 000 kr plus eventuella villkorade belopp (75 000 kr)");
});

test("Stockholm: the fixed amounts listed add up to the minimum; the conditional 75 000 kr is summed apart", () => {
  const fixed = values.slice(rowOf("Fasta belopp") + 1, rowOf("Villkorade belopp")).map((r) => r[AMOUNT] as number);
  expect(fixed.reduce((s, v) => s + v, 0)).toBe(13_878_000);
  expect(fixed).toEqual(expect.arrayContaining([2_000_000, 7_000_000, 1_133_000, 1_560_000, 1_510_000, 650_000, 25_000]));
  expect(values[rowOf("Summa villkorade belopp (om villkoren uppfylls)")][AMOUNT]).toBe(75_000);
});

test("groups come in 003's order, each with a heading; amounts announced later or depending on results are blank", () => {
  const headings = SUMMARY_GROUPS.map((g) => rowOf(g.heading));
  expect(headings.every((i) => i > 0)).toBe(true);
  expect([...headings].sort((a, b) => a - b)).toEqual(headings);
  const later = values.slice(headings[2] + 1, headings[3]);
  expect(later.map((r) => r[1])).toEqual(["EHALSA-SAMORDNARE", "EHALSA-AKTIVITETER"]);
  expect(later.every((r) => r[AMOUNT] === "" && r[3] === "meddelas senare")).toBe(true);
  const performance = values.slice(headings[3] + 1).filter((r) => r[1] !== "");
  expect(performance.map((r) => r[1])).toEqual(countySummary(AGREEMENTS, "01").items.filter((i) => i.kind === "performance").map((i) => i.pot));
});

test("a rectangular block without formulas; amounts as kronor, title, header and sums styled", () => {
  expect(valuesProblem(values)).toBeNull();
  expect(values.flat().some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
  const amountCells = spec.cells.flatMap((r) => (r[AMOUNT] ? [r[AMOUNT]!] : [])).filter((c) => typeof c.value === "number");
  expect(amountCells.length).toBeGreaterThan(0);
  expect(amountCells.every((c) => c.numFmt === KRONOR_FORMAT)).toBe(true);
  expect(spec.cells[0][0]).toMatchObject({ style: "title" });
  expect(spec.cells[rowOf("Överenskommelse")].map((c) => c?.style)).toEqual(SUMMARY_HEADER.map(() => "header"));
  expect(spec.cells[rowOf("Summa (minst)")][0]).toMatchObject({ style: "total" });
  expect(spec.columnWidths).toHaveLength(SUMMARY_HEADER.length);
  expect(spec.validations).toEqual([]);
});

test("citations in the source registry's full form", () => {
  const analys = values.find((r) => r[1] === "ANALYS")!;
  expect(analys[6]).toMatch(/^Överenskommelse om .*, avsnitt 5\.3$/);
  const custom = specValues(countySummarySheet(countySummary(AGREEMENTS, "01"), { citation: (c) => `KÄLLA ${c.section}` }));
  expect(custom.find((r) => r[1] === "ANALYS")![6]).toBe("KÄLLA 5.3");
});

test.each(LAN.map((l) => [l.code, l.name]))("%s %s: a valid sheet name and the core's minimum", (code) => {
  const summary = countySummary(AGREEMENTS, code);
  const s = countySummarySheet(summary);
  expect(sheetNameProblem(s.name)).toBeNull();
  const v = specValues(s);
  expect(v[v.findIndex((r) => r[0] === "Summa (minst)")][AMOUNT]).toBe(summary.minimum);
});
