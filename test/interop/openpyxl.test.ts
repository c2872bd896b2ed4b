/**
 * Files written by openpyxl are read (issue 16, reading what counties send;
 * docs/workbook.md, "Filer från andra program: paketnivån"). openpyxl 3.x
 * writes absolute part paths ("/xl/worksheets/sheet1.xml") in its
 * relationships, which ExcelJS 4.4.0 cannot read (exceljs#2797), and stores
 * notes under other names than ExcelJS expects: src/cli/package.ts
 * normalises the package first. Python 3 with openpyxl is found through
 * PYTHON or on PATH (test/support/programs.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { getAgreement } from "../../src/agreements";
import { runAsync } from "../../src/cli/main";
import { templateSpec } from "../../src/cli/sheets";
import { readXlsxFile, writeXlsx } from "../../src/cli/xlsx";
import { readAllocationSheet, SHEET_ALLOCATION } from "../../src/sheets";
import { OPENPYXL_INSTALL, requirePythonWith } from "../support/programs";

const PYTHON = requirePythonWith("openpyxl", OPENPYXL_INSTALL);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "stim-openpyxl-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a Python script with openpyxl; `args` become sys.argv[1:]. */
const py = (script: string, ...args: string[]) => execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8" });

async function template(agreement: string, county: string | undefined, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeXlsx(templateSpec(agreement, county, true)));
  return path;
}

describe("openpyxl's files are read", () => {
  test("a template re-saved unchanged by openpyxl: absolute part paths in the package, and every sheet and input read as in the original", async () => {
    const original = await template("prio-2014", "01", "original.xlsx");
    const resaved = join(dir, "openpyxl.xlsx");
    py("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])", original, resaved);
    // The package really has what ExcelJS cannot read by itself.
    const rels = strFromU8(unzipSync(readFileSync(resaved))["xl/_rels/workbook.xml.rels"]);
    expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');

    const [a, b] = [await readXlsxFile(original), await readXlsxFile(resaved)];
    expect(b.map((g) => g.name)).toEqual(a.map((g) => g.name));
    const agreement = getAgreement("prio-2014");
    const facts = (grids: typeof a) => readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!, { agreement });
    const [fa, fb] = [facts(a), facts(b)];
    expect(fb.scope).toBe("01");
    expect(fb.findings.filter((f) => f.severity === "fel")).toEqual([]);
    expect(fb.facts).toEqual(fa.facts);
    // Formulas survive (their text; openpyxl keeps no cached values).
    const formulas = (grids: typeof a) => (grids[0].formulas ?? []).flat().filter((f) => f).length;
    expect(formulas(b)).toBe(formulas(a));
    expect(formulas(b)).toBeGreaterThan(50);
  }, 120_000);

  test("an answer edited in openpyxl is read with the new value; stim validate reads the file (no \"skadad\")", async () => {
    const original = await template("prio-2014", "01", "original2.xlsx");
    const edited = join(dir, "andrad.xlsx");
    const grid = (await readXlsxFile(original))[0];
    const before = readAllocationSheet(grid, { agreement: getAgreement("prio-2014") });
    // The first "Ja" answer on the first data row becomes "Nej".
    const r = before.headerRow + 1;
    const k = grid.values[r].findIndex((v, i) => v === "Ja" && !grid.formulas?.[r]?.[i]);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThan(26);
    const cell = `${String.fromCharCode(65 + k)}${r + 1}`;
    py("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb['Fördelning'][sys.argv[3]] = 'Nej'\nwb.save(sys.argv[2])", original, edited, cell);
    const grids = await readXlsxFile(edited);
    expect(grids[0].values[r][k]).toBe("Nej");
    const v = await runAsync(["validate", edited]);
    expect(v.stdout).not.toMatch(/skadad|kan inte granskas/);
    expect(v.stdout).toMatch(/prio-2014, län 01, blad Fördelning: /);
  }, 120_000);

  test("a workbook built by openpyxl itself (its own styles, a note, a second sheet) is read", async () => {
    const path = join(dir, "egen.xlsx");
    py(
      [
        "import sys, openpyxl",
        "from openpyxl.comments import Comment",
        "wb = openpyxl.Workbook()",
        "ws = wb.active",
        "ws.title = 'Blad1'",
        "ws.append(['Kod', 'Namn', 'Belopp'])",
        "ws.append(['0114', 'Upplands Väsby', 1234.5])",
        "ws['A1'].comment = Comment('en anteckning', 'län')",
        "ws2 = wb.create_sheet('Blad2')",
        "ws2['B2'] = '=SUM(1,2)'",
        "wb.save(sys.argv[1])",
      ].join("\n"),
      path,
    );
    const grids = await readXlsxFile(path);
    expect(grids.map((g) => g.name)).toEqual(["Blad1", "Blad2"]);
    expect(grids[0].values[1]).toEqual(["0114", "Upplands Väsby", 1234.5]);
    expect(grids[1].formulas?.[1][1]).toBe("SUM(1,2)");
  }, 60_000);
});
