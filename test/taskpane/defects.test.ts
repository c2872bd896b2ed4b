/**
 * Issue 17's defects in "Granska länsark", "Förklara" and the pane's
 * amounts, each on the sheet layer's own sheets (built into the preview's
 * in-memory workbook) with expected values from the core run here.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { formatKr as coreKr } from "../../src/core/format";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { buildAllocationSheet, readAllocationSheet, sheetColumns } from "../../src/sheets";
import { formatKr, formatKrChange, formatKrShort, noBreakAmounts } from "../../src/taskpane/format";
import { LAN } from "../../src/reference";
import { uniqueSheetName } from "../../src/office/workbook";
import { buildSheets, countyLabel } from "../../src/taskpane/views/build/build";
import { agreeInNumber, evaluateRead, explainPot } from "../../src/taskpane/views/explain/explain";
import { KIND_LABEL, cells, check, forPane, loadSheet, writeReport } from "../../src/taskpane/views/review/review";

const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);
const quiet = async () => undefined;

function at(level: "kommun" | "landsting", code: string, column: string): string {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { facts: FACTS });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === level && r.code === code);
  return `${columnIndexToLetters(geometry.columns.get(column)!)}${row + 1}`;
}

async function national(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await buildSheets(wb, { agreement: "prio-2014", demo: true }, quiet);
  return wb;
}

describe("Granska länsark", () => {
  test("an amount typed over its formula is reported even while an input error stops the amount checks, without a figure the errors make unreliable", async () => {
    const wb = await national();
    const answer = at("kommun", "1285", "GK1.innehall");
    const amount = at("kommun", "0180", "belopp.A3");
    wb.setValues("Fördelning", answer, [["kanske"]]);
    wb.setValues("Fördelning", amount, [[123]]);
    const { validation } = check(await loadSheet(wb, "Fördelning"), { mapping: new Map() });
    expect(validation.checked).toBe(false);
    const found = validation.findings.map((f) => `${f.severity}:${f.kind}:${f.cell}`);
    expect(found).toContain(`fel:not-a-boolean:${answer}`);
    expect(found).toContain(`avvikelse:formula-replaced:${amount}`);
    const replaced = validation.findings.find((f) => f.kind === "formula-replaced")!;
    expect(replaced.message).toBe("Formeln är ersatt av värdet 123. Cellen räknas inte längre om när svaren ändras.");
    expect(replaced.expected).toBeUndefined();
    // Only the replaced formula: no amount differences repeating the input error.
    expect(validation.findings.filter((f) => f.severity === "avvikelse")).toHaveLength(1);
  });

  test("the report's type column is Swedish, never the code", async () => {
    const wb = await national();
    wb.setValues("Fördelning", at("kommun", "1285", "GK1.innehall"), [["kanske"]]);
    wb.setValues("Fördelning", at("kommun", "0180", "belopp.A3"), [[123]]);
    const { validation } = check(await loadSheet(wb, "Fördelning"), { mapping: new Map() });
    const name = await writeReport(wb, validation, new Date("2014-11-14T12:00:00Z"));
    const report = (await wb.readUsedRange(name)).values;
    const header = report.findIndex((r) => r.includes("Typ"));
    const col = report[header].indexOf("Typ");
    const types = report.slice(header + 1).map((r) => r[col]);
    expect(types).toEqual(expect.arrayContaining([KIND_LABEL["formula-replaced"], KIND_LABEL["not-a-boolean"]]));
    for (const t of types) expect(t).toMatch(/^[a-zåäö/ ]+$/);
    for (const t of types) expect(Object.keys(KIND_LABEL)).not.toContain(t);
  });

  test("the command line's --agreement becomes where to choose in the pane", () => {
    const grid = { name: "Blad", values: [["Kod", "Namn"], ["0180", "Stockholm"]] };
    let message = "";
    try {
      const read = readAllocationSheet(grid);
      message = read.findings.map((f) => f.message).join(" ");
    } catch (e) {
      message = String((e as { findings?: { message: string }[] }).findings?.map((f) => f.message).join(" ") ?? e);
    }
    const f = forPane({ severity: "fel", kind: "unknown-agreement", sheet: "Blad", message: "Bladet anger ingen känd överenskommelse (prio-2014); ange den med --agreement." });
    expect(f.message).toBe("Bladet anger ingen känd överenskommelse (prio-2014); välj den under ”Så lästes bladet”.");
    expect(f.message).not.toContain("--");
    // Whatever the sheet layer says about this sheet, the pane's version has no command-line flag.
    expect(forPane({ severity: "fel", kind: "no-table", sheet: "Blad", message }).message).not.toContain("--agreement");
  });

  test("one cell, two cells", () => {
    expect(cells(1)).toBe("1 cell");
    expect(cells(2)).toBe("2 celler");
    expect(cells(0)).toBe("0 celler");
  });
});

describe("Förklara", () => {
  test("a pot as a whole has no verdict badge: its sections are neutral, not 'uppgift saknas'", async () => {
    const wb = await national();
    const read = readAllocationSheet(await loadSheet(wb, "Fördelning"));
    const e = explainPot(read, evaluateRead(read), "A1", "Fördelning!X1");
    if (e.kind === "none") throw new Error(e.message);
    expect(e.sections.length).toBeGreaterThan(0);
    for (const s of e.sections) expect(s.neutral).toBe(true);
  });

  test("'grundkraven … är uppfyllda', in both forms the core's renderer uses", () => {
    expect(agreeInNumber("B3: grundkraven för Malmö är inte uppfyllt.")).toBe("B3: grundkraven för Malmö är inte uppfyllda.");
    expect(agreeInNumber("A1 för Lund: 5 kr betalas inte ut, grundkraven är uppfyllt (källa).")).toBe("A1 för Lund: 5 kr betalas inte ut, grundkraven är uppfyllda (källa).");
    expect(agreeInNumber("GK1 är uppfyllt.")).toBe("GK1 är uppfyllt.");
  });
});

describe("amounts in the pane", () => {
  test("no ordinary space inside a formatted amount: every group and the unit keep together", () => {
    for (const s of [formatKr(692_500_000n), formatKrChange(-12_345n), noBreakAmounts(`flyttas ${coreKr(237_812_345n)} från Lund (45 000 kr)`)]) {
      expect(s).not.toMatch(/\d[ \u202f](\d|kr)/);
    }
    expect(formatKr(692_500_000n)).toBe("692\u00a0500\u00a0000\u00a0kr");
    expect(formatKrShort(237_812_345n)).toBe("237,8\u00a0mnkr");
    expect(formatKrShort(45_000n)).toBe("45\u00a0000\u00a0kr");
  });
});

describe("Bygg fördelningsark for a county", () => {
  test("the new sheet is named after the county, not 'Fördelning (2)', and a second build of the same county gets its own name", async () => {
    const wb = new MemoryWorkbook({ Fördelning: [["en användares gamla blad"]] });
    const first = await buildSheets(wb, { agreement: "prio-2014", county: "01", demo: true }, quiet);
    expect(first.sheets[0]).toBe("Fördelning 01 Stockholm");
    const again = await buildSheets(wb, { agreement: "prio-2014", county: "01", demo: true }, quiet);
    expect(again.sheets[0]).toBe("Fördelning 01 Stockholm (2)");
    expect(wb.snapshot("Fördelning").values).toEqual([["en användares gamla blad"]]);
    expect(await wb.getSelectedRange()).toMatchObject({ sheet: "Fördelning 01 Stockholm (2)" });
  });

  test("every county's label makes a valid Excel sheet name of at most 31 characters", () => {
    expect(countyLabel("12")).toBe("12 Skåne");
    expect(countyLabel("03")).toBe("03 Uppsala");
    expect(countyLabel("14")).toBe("14 Västra Götaland");
    expect(countyLabel("20")).toBe("20 Dalarna");
    for (const lan of LAN) {
      const name = `Fördelning ${countyLabel(lan.code)}`;
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]|län|s$/);
      expect(uniqueSheetName(name, [])).toBe(name);
    }
  });
});
