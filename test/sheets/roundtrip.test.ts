/**
 * Round trip through real xlsx files: a template filled with the demo data
 * validates clean; the same file with one seeded mistake reports exactly
 * that mistake and nothing else.
 */
import ExcelJS from "exceljs";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { readAllocationSheet, SHEET_ALLOCATION, validateWorkbook } from "../../src/sheets";

let county: Buffer;
beforeAll(async () => {
  county = await writeXlsx(templateSpec("prio-2014", "01", true));
}, 60_000);

async function validateBytes(bytes: Buffer) {
  return validateWorkbook(await readXlsxBytes(bytes, "fil.xlsx"));
}

/** Loads the county template, lets `edit` change the allocation sheet, validates the result. */
async function seeded(edit: (ws: ExcelJS.Worksheet, at: Locate) => void) {
  const grids = await readXlsxBytes(county, "fil.xlsx");
  const read = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!);
  const at: Locate = (level, code, column) => {
    const row = read.rows.find((r) => r.level === level && r.code === code)!;
    return { row: row.row + 1, col: read.columns.get(column)! + 1 };
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(county as unknown as ExcelJS.Buffer);
  edit(wb.getWorksheet(SHEET_ALLOCATION)!, at);
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return validateBytes(bytes);
}
type Locate = (level: string, code: string, column: string) => { row: number; col: number };

test("national, county and aldre-2014 templates filled with the demo data validate clean", async () => {
  for (const [agreement, c] of [["prio-2014", undefined], ["prio-2014", "01"], ["prio-2014", "09"], ["aldre-2014", undefined], ["aldre-2014", "12"]] as const) {
    const r = await validateBytes(await writeXlsx(templateSpec(agreement, c, true)));
    expect([agreement, c, r.findings]).toEqual([agreement, c, []]);
    expect(r.checked).toBe(true);
  }
}, 120_000);

test("an empty template is not clean: it says no answers are filled in (and nothing is allocated)", async () => {
  const r = await validateBytes(await writeXlsx(templateSpec("prio-2014", "03", false)));
  expect(r.findings.map((f) => [f.severity, f.kind, f.message])).toEqual([["avvikelse", "no-answers", "Inga svar är ifyllda: tabellen är en tom mall. Fyll i de gula kolumnerna innan den lämnas in."]]);
  expect(r.results!.evaluation.recipients.filter((x) => x.lan === "03").every((x) => x.total === 0n)).toBe(true);
}, 60_000);

interface Seed {
  name: string;
  edit: (ws: ExcelJS.Worksheet, at: Locate) => void;
  kind: string;
  severity: string;
  cell?: string;
  message: RegExp;
  /** Further findings the edit causes, after the first. */
  also?: [string, string][];
}

const SEEDS: Seed[] = [
  {
    name: "a changed amount",
    edit: (ws, at) => {
      const p = at("kommun", "0180", "belopp.B3");
      const cell = ws.getCell(p.row, p.col);
      cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: (cell.result as number) + 1000 };
    },
    kind: "amount-differs",
    severity: "avvikelse",
    message: /^Beloppet ur B3 är [\d ]+ kr men reglerna ger [\d ]+ kr \(skillnad \+1 000 kr\)\.$/,
  },
  {
    name: "a wrong county code",
    edit: (ws, at) => {
      const p = at("kommun", "0180", "lan");
      ws.getCell(p.row, p.col).value = "03";
    },
    kind: "wrong-county",
    severity: "fel",
    message: /^Kommun 0180 \(Stockholm\) hör till län 01, inte "03"\.$/,
  },
  {
    name: "an unknown code",
    edit: (ws, at) => {
      const p = at("kommun", "0180", "kod");
      ws.getCell(p.row, p.col).value = "0189";
    },
    kind: "unknown-code",
    severity: "fel",
    message: /^Okänd kommunkod "0189" \(raden heter Stockholm: menade du 0180\?/,
  },
  {
    name: "a duplicate row",
    edit: (ws, at) => {
      const p = at("kommun", "0114", "kod");
      const last = at("landsting", "01", "kod");
      const src = ws.getRow(p.row);
      const dst = ws.getRow(last.row + 1);
      src.eachCell((cell, c) => {
        dst.getCell(c).value = cell.value;
      });
    },
    kind: "duplicate-row",
    severity: "fel",
    message: /^Kommun 0114 \(Upplands Väsby\) finns två gånger/,
  },
  {
    name: "a missing row",
    edit: (ws, at) => {
      const p = at("kommun", "0114", "kod");
      ws.getRow(p.row).eachCell((cell) => {
        cell.value = null;
      });
    },
    kind: "missing-row",
    severity: "fel",
    message: /^Kommun 0114 \(Upplands Väsby\) saknas i tabellen/,
  },
  {
    name: "text in a number cell",
    edit: (ws, at) => {
      const p = at("landsting", "01", "A1.forsta-bedomning-30-dagar");
      ws.getCell(p.row, p.col).value = "hög";
    },
    kind: "not-a-number",
    severity: "fel",
    message: /^"hög" är ingen andel; skriv t\.ex\. 92 % \(eller 0,92\)\.$/,
  },
  {
    name: "a share typed as 9000 %",
    edit: (ws, at) => {
      const p = at("landsting", "01", "A2.fordjupad-30-dagar");
      ws.getCell(p.row, p.col).value = 90;
    },
    kind: "out-of-range",
    severity: "fel",
    message: /^Andelen 9000 % ligger utanför 0–100 %; menade du 90 %\?/,
  },
  {
    name: "a formula replaced by a number",
    edit: (ws, at) => {
      const p = at("kommun", "0180", "belopp.A3");
      const cell = ws.getCell(p.row, p.col);
      cell.value = cell.result as number;
    },
    kind: "formula-replaced",
    severity: "avvikelse",
    message: /^Formeln är ersatt av värdet \d+\. Cellen räknas inte längre om när svaren ändras\.$/,
  },
  {
    name: "a column moved",
    edit: (ws, at) => {
      const p = at("kommun", "0114", "GK2.andra-omraden");
      const lastCol = ws.actualColumnCount + 2;
      for (let r = 1; r <= ws.rowCount; r++) {
        const src = ws.getCell(r, p.col);
        if (src.value === null || src.value === undefined) continue;
        ws.getCell(r, lastCol).value = src.value;
        src.value = null;
      }
    },
    kind: "column-moved",
    severity: "notering",
    // Moved out of the range the calculation block reads: its formula no longer reads the whole table.
    also: [["avvikelse", "formula-changed"]],
    message: /^Kolumnen "GK2 – Informationen omfattar: andra områden som kommunen och landstinget identifierat" står på en annan plats än i mallen; den lästes efter sin rubrik\.$/,
  },
];

test.each(SEEDS.map((s) => [s.name, s] as const))("%s: reported, and nothing else", async (_name, s) => {
  const r = await seeded(s.edit);
  expect(r.findings.map((f) => [f.severity, f.kind])).toEqual([[s.severity, s.kind], ...(s.also ?? [])]);
  expect(r.findings[0].message).toMatch(s.message);
  expect(r.findings[0].cell).toMatch(/^[A-Z]+\d+$/);
  expect(r.findings[0].sheet).toBe(SHEET_ALLOCATION);
}, 60_000);

test("an amount finding names the rule and its citation, with expected, found and difference", async () => {
  const r = await seeded(SEEDS[0].edit);
  const f = r.findings[0];
  expect(f.rule).toBe("B3");
  expect(f.source?.section).toBe("3.4.2");
  expect(f.difference).toBe(1000);
  expect(Number(f.found) - Number(f.expected)).toBe(1000);
}, 60_000);
