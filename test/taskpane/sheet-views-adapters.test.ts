/**
 * The operations behind "Bygg fördelningsark", "Granska länsark" and
 * "Förklara", run against the office.js adapter (OfficeWorkbook over a
 * stateful office.js stand-in that keeps office.js's batching rules,
 * test/fake-excel.ts) and against the in-memory workbook of the preview:
 * the same sheets, the same findings, the same explanations, few round trips,
 * and nothing written that the user did not ask for.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { renderEvent } from "../../src/core/render";
import { MemoryWorkbook } from "../../src/office/memoryWorkbook";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import type { WorkbookAdapter } from "../../src/office/workbook";
import { columnIndexToLetters } from "../../src/sheets/a1";
import { buildAllocationSheet, buildWorkbook, readAllocationSheet, sheetColumns, withBaseline, type SheetSpec } from "../../src/sheets";
import { criteria, goalMet } from "../../src/functions/adapters";
import { buildSheets } from "../../src/taskpane/views/build/build";
import { check, highlight, highlightingOf, loadSheet, removeHighlighting, writeReport, HIGHLIGHT } from "../../src/taskpane/views/review/review";
import { agreeInNumber, explainSelection, type Explanation } from "../../src/taskpane/views/explain/explain";
import type { Progress } from "../../src/taskpane/operation";
import { FakeExcel } from "../fake-excel";

const PRIO = getAgreement("prio-2014");
const FACTS = demoFacts(PRIO);

/** What Excel computes for the formulas the layout writes: the cached values the core gave (proven formula by formula in test/sheets/hyperformula.test.ts). */
function excelCalculation(specs: readonly SheetSpec[]) {
  const cached = new Map<string, string | number | boolean>();
  for (const s of specs) s.cells.forEach((row, r) => row.forEach((c, i) => c?.formula !== undefined && cached.set(`${s.name}!${columnIndexToLetters(i)}${r + 1}`, c.cached ?? "")));
  return (sheet: string, address: string, formula: string) => {
    const link = /^=HYPERLINK\(".*","(.*)"\)$/.exec(formula);
    if (link) return link[1];
    return cached.get(`${sheet === COUNTY_SHEET ? "Fördelning" : sheet.replace(/ \(\d+\)$/, "")}!${address}`) ?? "#NAME?";
  };
}

/** The allocation sheet of Skåne is named after the county (issue 17: not "Fördelning (2)"). */
const COUNTY_SHEET = "Fördelning 12 Skåne";

const noProgress = async (_p: Progress) => undefined;

/** Where a recipient's cell is on the county sheet of Skåne. */
function at(level: "kommun" | "landsting", code: string, column: string, county = "12"): string {
  const { geometry } = buildAllocationSheet(PRIO, sheetColumns(PRIO), { county, facts: FACTS });
  const row = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === level && r.code === code);
  return `${columnIndexToLetters(geometry.columns.get(column)!)}${row + 1}`;
}

interface Pair {
  name: string;
  workbook: WorkbookAdapter;
  type: (sheet: string, cell: string, value: string | number) => void;
  select: (sheet: string, cell: string) => Promise<void>;
  values: (sheet: string) => unknown[][];
  syncs: () => number;
}

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function adapters(county: string | undefined): Pair[] {
  const fake = new FakeExcel({ Blad1: [["min egen anteckning"]], Fördelning: [["en användares gamla blad"]] }, excelCalculation(buildWorkbook(PRIO, { county, facts: FACTS }).sheets));
  uninstall = fake.install();
  const memory = new MemoryWorkbook({ Blad1: [["min egen anteckning"]], Fördelning: [["en användares gamla blad"]] });
  return [
    { name: "office.js", workbook: new OfficeWorkbook(), type: (s, c, v) => fake.type(s, c, v), select: (s, c) => fake.select(s, c), values: (s) => fake.grid(s), syncs: () => fake.syncs },
    { name: "memory", workbook: memory, type: (s, c, v) => memory.setValues(s, c, [[v]]), select: async (s, c) => memory.select(s, c), values: (s) => memory.snapshot(s, 1000, 200).values, syncs: () => 0 },
  ];
}

describe("Bygg fördelningsark", () => {
  test("new sheets with unique names beside the user's own, which stay as they were; the allocation sheet selected; few round trips", async () => {
    for (const a of adapters("12")) {
      const before = a.syncs();
      const r = await buildSheets(a.workbook, { agreement: "prio-2014", county: "12", demo: true }, noProgress);
      expect([a.name, r]).toEqual([a.name, { sheets: [COUNTY_SHEET, "Regler", "Antaganden", "Källkonflikter", "Kalender"], rows: 34, fictional: true }]);
      // The sheet names (1); the allocation sheet: name, the table names, everything else (3); each other sheet: name, everything (2 × 4); the selection (2).
      if (a.name === "office.js") expect(a.syncs() - before).toBe(14);
      expect(await a.workbook.listSheetNames()).toEqual(["Blad1", "Fördelning", COUNTY_SHEET, "Regler", "Antaganden", "Källkonflikter", "Kalender"]);
      expect(a.values("Fördelning")).toEqual([["en användares gamla blad"]]);
      expect(a.values("Blad1")).toEqual([["min egen anteckning"]]);
      expect(await a.workbook.getSelectedRange()).toMatchObject({ sheet: COUNTY_SHEET, address: "A1" });
      // The amounts on the sheet are the core's.
      const used = await a.workbook.readUsedRange(COUNTY_SHEET);
      const malmo = at("kommun", "1280", "belopp.B3");
      const m = /^([A-Z]+)(\d+)$/.exec(malmo)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      expect(used.formulas[Number(m[2]) - 1][col]).toMatch(/^=INDEX\(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+,ROW\(\)-ROW\(\$A\$\d+\)\)$/);
      // One call computes the sheet: the calculation block's anchor, written as a formula for Excel to spill.
      expect(used.formulas.flat().filter((f) => String(f).startsWith("=STIM.ALLOCATION_SHEET(")).length).toBe(1);
    }
  });

  test("an unknown agreement is a Swedish message, and nothing is written", async () => {
    for (const a of adapters(undefined)) {
      await expect(buildSheets(a.workbook, { agreement: "prio-2099", demo: false }, noProgress)).rejects.toThrow('Okänd överenskommelse "prio-2099"; välj en i listan.');
      expect(await a.workbook.listSheetNames()).toEqual(["Blad1", "Fördelning"]);
    }
  });
});

describe("Granska länsark", () => {
  const seeds: [string, string | number][] = [
    [at("kommun", "1280", "lan"), "13"],
    [at("landsting", "12", "A2.fordjupad-30-dagar"), 90],
  ];

  test("the same findings through both adapters; highlighting colours only the findings' cells and is undone with the user's own fills back; the values never change", async () => {
    const results: unknown[] = [];
    for (const a of adapters("12")) {
      await buildSheets(a.workbook, { agreement: "prio-2014", county: "12", demo: true }, noProgress);
      for (const [cell, v] of seeds) a.type(COUNTY_SHEET, cell, v);
      const grid = await loadSheet(a.workbook, COUNTY_SHEET);
      const { validation } = check(grid, { mapping: new Map() });
      const found = validation.findings.map((f) => `${f.severity}:${f.kind}:${f.cell}`);
      expect(found).toEqual([`fel:wrong-county:${seeds[0][0]}`, `fel:out-of-range:${seeds[1][0]}`]);
      results.push(validation.findings);

      // A fill of the user's own on one of the cells.
      await a.workbook.writeFills(COUNTY_SHEET, [{ cell: seeds[0][0], fill: "#C6EFCE" }]);
      const values = a.values(COUNTY_SHEET);
      const syncs = a.syncs();
      expect(await highlight(a.workbook, COUNTY_SHEET, validation.findings)).toBe(2);
      if (a.name === "office.js") expect(a.syncs() - syncs).toBe(4); // read the fills (2), write them (2)
      expect(await a.workbook.readFills(COUNTY_SHEET, seeds.map((s) => s[0]))).toEqual([HIGHLIGHT.fel, HIGHLIGHT.fel]);
      expect(highlightingOf(COUNTY_SHEET.toLowerCase())).toBeDefined();
      expect(await removeHighlighting(a.workbook, COUNTY_SHEET)).toBe(2);
      expect(await a.workbook.readFills(COUNTY_SHEET, seeds.map((s) => s[0]))).toEqual(["#C6EFCE", null]);
      expect(highlightingOf(COUNTY_SHEET)).toBeUndefined();
      expect(a.values(COUNTY_SHEET)).toEqual(values);
    }
    expect(results[0]).toEqual(results[1]);
  });

  test("the report goes to a new sheet with links to the cells; the checked sheet is not touched", async () => {
    for (const a of adapters("12")) {
      await buildSheets(a.workbook, { agreement: "prio-2014", county: "12", demo: true }, noProgress);
      for (const [cell, v] of seeds) a.type(COUNTY_SHEET, cell, v);
      const { validation } = check(await loadSheet(a.workbook, COUNTY_SHEET), { mapping: new Map() });
      const before = a.values(COUNTY_SHEET);
      const name = await writeReport(a.workbook, validation, new Date("2014-11-14T12:00:00Z"));
      expect(name).toBe(`Rapport ${COUNTY_SHEET}`);
      const report = await a.workbook.readUsedRange(name);
      expect(report.values[1][0]).toBe(`Granskat blad: ${COUNTY_SHEET} (prio-2014, län 12) den 2014-11-14: 2 fel, 0 avvikelser, 0 noteringar.`);
      const links = report.formulas.flat().filter((f) => String(f).startsWith("=HYPERLINK"));
      expect(links).toEqual(seeds.map(([cell]) => `=HYPERLINK("#'${COUNTY_SHEET}'!${cell}","${cell}")`));
      expect(a.values(COUNTY_SHEET)).toEqual(before);
    }
  });
});

describe("Förklara", () => {
  test("a selected amount cell: the same explanation through both adapters, from the core's trace", async () => {
    const explanations: Explanation[] = [];
    for (const a of adapters("12")) {
      await buildSheets(a.workbook, { agreement: "prio-2014", county: "12", demo: true }, noProgress);
      await a.select(COUNTY_SHEET, at("landsting", "12", "belopp.A1"));
      const e = await explainSelection(a.workbook);
      expect(e.kind).toBe("recipient");
      explanations.push(e as Explanation);
    }
    expect(explanations[0]).toEqual(explanations[1]);
    const e = explanations[0];
    expect(e.heading).toBe("Landstinget i län 12 (Skåne län)");
    expect(e.sections[0].id).toBe("A1");
    expect(e.notes[0]).toMatch(/^Länsark: beloppen förutsätter/);
    // Every sentence is the core's renderer's, for the facts the layout's own grid reads back as (no adapter), the
    // other counties at the sheet layer's baseline as the sheet's formulas compute.
    const lines = e.sections.flatMap((s) => s.items.flatMap((i) => (i.type === "rule" ? [i.line.text, ...i.criteria.map((c) => c.text)] : [i.text])));
    const layout = buildWorkbook(PRIO, { county: "12", facts: FACTS }).sheets[0];
    const read = readAllocationSheet({ name: "x", values: layout.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))) });
    const core = evaluate(PRIO, withBaseline(PRIO, read.facts));
    const landsting = core.recipients.find((r) => r.level === "landsting" && r.code === "12")!;
    // The core's sentences, with "grundkraven … är uppfyllda" (agreeInNumber).
    expect([...lines].sort()).toEqual(landsting.events.map((e) => agreeInNumber(renderEvent(e))).sort());
  });

  test("a STIM.GOAL_MET formula outside any allocation sheet: its rule explained from the cells it reads, as the function decides", async () => {
    // A1 (first assessment within 30 days) and its prerequisite A-FORUTSATTNING, in STIM.CRITERIA's order, in B2:C6.
    expect(criteria("prio-2014", "A1").map((r) => r[0])).toEqual(["forsta-bedomning-30-dagar", "A-FORUTSATTNING/rapportering", "A-FORUTSATTNING/svarsfrekvens-forsta-besok", "A-FORUTSATTNING/svarsfrekvens-fordjupad", "A-FORUTSATTNING/forsta-linjen"]);
    const inputs: (string | number)[][] = [[344, 357], ["ja", ""], [871, 871], [1797, 1835], ["ja", ""]];
    const formula = 'STIM.GOAL_MET("prio-2014","A1",B2:C6)';
    const sheet: SheetSpec = {
      name: "Formler",
      cells: [[], ...inputs.map((r) => [null, { value: r[0] }, r[1] === "" ? null : { value: r[1] }, null, null]), []],
      columnWidths: [],
      validations: [],
    };
    sheet.cells[1][4] = { formula, cached: true };
    for (const a of adapters(undefined)) {
      await a.workbook.writeSheetSpec(sheet);
      await a.select("Formler", "E2");
      const e = await explainSelection(a.workbook);
      expect(e).toMatchObject({ kind: "rule", heading: expect.stringMatching(/^A1: /), verdict: true, where: "Formler!E2" });
      const x = e as Explanation;
      const rules = x.sections[0].items.filter((i) => i.type === "rule").map((i) => (i.type === "rule" ? i.rule : ""));
      expect(rules.sort()).toEqual(["A-FORUTSATTNING", "A1"]);
      // The function itself on the same cells agrees.
      expect(goalMet("prio-2014", "A1", inputs.map((r) => r.map((v) => (v === "" ? null : v))))).toBe(true);
    }
  });

  test("a cell that is neither in an allocation sheet nor a STIM formula says what to select", async () => {
    for (const a of adapters(undefined)) {
      await a.select("Blad1", "A1");
      const e = await explainSelection(a.workbook);
      expect(e).toEqual({ kind: "none", where: "Blad1!A1", message: expect.stringMatching(/^Cellen är inte en del av ett fördelningsark och har ingen STIM-formel\./) });
    }
  });
});

