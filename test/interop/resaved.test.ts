/**
 * Files a county actually sends back, made in the test by the programs that
 * write them: LibreOffice Calc re-saving a template (unchanged, with answers
 * edited, with two rows' contents swapped) and openpyxl (unchanged and
 * edited). Each is validated: edited answers are read, the formulas are
 * checked, and values the file did not compute are said once per sheet,
 * never as hundreds of findings.
 *
 * Edits are made in the package's XML (a cell's value), then LibreOffice
 * opens and re-saves the file headless (`--convert-to xlsx`), as a user's
 * save would; openpyxl edits through its own API.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { readAllocationSheet, SHEET_ALLOCATION, validateWorkbook } from "../../src/sheets";
import { OPENPYXL_INSTALL, PROGRAMS, requirePythonWith, requireProgram } from "../support/programs";

const SOFFICE = requireProgram(PROGRAMS.soffice);
const PYTHON = requirePythonWith("openpyxl", OPENPYXL_INSTALL);

let dir: string;
let template: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "stim-resaved-"));
  template = await writeXlsx(templateSpec("prio-2014", "03", true));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The package with one sheet's XML changed. */
function editSheetXml(bytes: Buffer, edit: (xml: string) => string): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  files["xl/worksheets/sheet1.xml"] = strToU8(edit(strFromU8(files["xl/worksheets/sheet1.xml"])));
  return Buffer.from(zipSync(files));
}

/** A cell's inline string value set (replacing its shared string or value). */
function setText(xml: string, at: string, text: string): string {
  const re = new RegExp(`<c r="${at}"([^>]*?)(/>|>.*?</c>)`);
  expect(re.test(xml)).toBe(true);
  return xml.replace(re, (_m, attrs: string) => `<c r="${at}"${attrs.replace(/ t="[a-zA-Z]+"/, "")} t="inlineStr"><is><t>${text}</t></is></c>`);
}

function libreOfficeResave(bytes: Buffer, name: string): Buffer {
  const sub = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(sub, "in.xlsx"), bytes);
  execFileSync(
    SOFFICE,
    ["--headless", "--norestore", `-env:UserInstallation=file://${join(sub, "profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(sub, "out"), join(sub, "in.xlsx")],
    { stdio: "ignore", timeout: 180_000 },
  );
  return readFileSync(join(sub, "out", "in.xlsx"));
}

function openpyxlResave(bytes: Buffer, name: string, edits: Record<string, string> = {}): Buffer {
  const sub = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(sub, "in.xlsx"), bytes);
  const script = [
    "import sys, json, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "ws = wb.worksheets[0]",
    "for k, v in json.loads(sys.argv[3]).items(): ws[k] = v",
    "wb.save(sys.argv[2])",
  ].join("\n");
  execFileSync(PYTHON, ["-c", script, join(sub, "in.xlsx"), join(sub, "out.xlsx"), JSON.stringify(edits)], { stdio: "pipe", timeout: 120_000 });
  return readFileSync(join(sub, "out.xlsx"));
}

async function locate(level: string, code: string, column: string): Promise<string> {
  const grids = await readXlsxBytes(template, "mall.xlsx");
  const read = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!);
  const row = read.rows.find((r) => r.level === level && r.code === code)!;
  const c = read.columns.get(column)!;
  return `${String.fromCharCode(65 + Math.floor(c / 26) - 1).replace("@", "")}${String.fromCharCode(65 + (c % 26))}${row.row + 1}`.replace(/^@/, "");
}

describe("LibreOffice Calc re-saves the county template", () => {
  test("unchanged: clean, the formulas intact and their cached values kept", async () => {
    const v = validateWorkbook(await readXlsxBytes(libreOfficeResave(template, "unchanged"), "lo.xlsx"));
    expect(v.findings.map((f) => [f.kind, f.cell, f.message])).toEqual([]);
  }, 240_000);

  test("an answer edited: the answer is read, and the amounts not recomputed in the file are said once", async () => {
    const gk1 = await locate("kommun", "0380", "GK1.innehall");
    const edited = editSheetXml(template, (xml) => setText(xml, gk1, "Nej"));
    const v = validateWorkbook(await readXlsxBytes(libreOfficeResave(edited, "edited"), "lo.xlsx"));
    expect(v.read.facts.counties["03"].kommuner!["0380"].answers!.GK1.innehall).toBe(false);
    const kinds = v.findings.map((f) => f.kind);
    expect(kinds.filter((k) => k === "not-computed")).toHaveLength(1);
    expect(kinds.filter((k) => k !== "not-computed")).toEqual([]);
    expect(v.computed!.find((x) => x.level === "landsting" && x.code === "03")!.total).toBe(0); // Uppsala län falls below 80 % (004 §3.4.1)
  }, 240_000);

  test("two rows' contents swapped: read by their codes, nothing lost", async () => {
    const grids = await readXlsxBytes(template, "mall.xlsx");
    const read = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!);
    const [a, b] = read.rows.filter((r) => r.level === "kommun").slice(0, 2);
    const lastInput = Math.max(...[...read.columns.entries()].filter(([id]) => !/^(belopp|status)\.|^grundkrav$|^summa$/.test(id)).map(([, c]) => c));
    const edited = editSheetXml(template, (xml) => {
      // Exchange the two rows' identity and answer cells (what a cut-and-paste of the rows' contents leaves).
      const cellsOf = (r: number) => new Map([...xml.matchAll(new RegExp(`<c r="([A-Z]+)${r + 1}"[^>]*?(?:/>|>.*?</c>)`, "g"))].map((m) => [m[1], m[0]]));
      const ca = cellsOf(a.row);
      const cb = cellsOf(b.row);
      let out = xml;
      for (const [col, cell] of ca) {
        const idx = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        if (idx > lastInput || cell.includes("<f>") || !cb.has(col)) continue;
        const other = cb.get(col)!;
        out = out.replace(cell, "\u0000A").replace(other, "\u0000B");
        out = out.replace("\u0000A", other.replace(`${col}${b.row + 1}`, `${col}${a.row + 1}`)).replace("\u0000B", cell.replace(`${col}${a.row + 1}`, `${col}${b.row + 1}`));
      }
      return out;
    });
    const v = validateWorkbook(await readXlsxBytes(libreOfficeResave(edited, "swapped"), "lo.xlsx"));
    expect(v.findings.filter((f) => f.severity === "fel")).toEqual([]);
    const again = v.read.rows.filter((r) => r.level === "kommun").slice(0, 2);
    expect(again.map((r) => r.code)).toEqual([b.code, a.code]);
    expect(v.findings.filter((f) => f.kind === "not-computed").length).toBeLessThanOrEqual(1);
  }, 240_000);
});

describe("openpyxl re-saves the county template", () => {
  test("unchanged: the file is read, and formulas without cached values are said once, not one finding per cell", async () => {
    const v = validateWorkbook(await readXlsxBytes(openpyxlResave(template, "py-unchanged"), "py.xlsx"));
    const kinds = v.findings.map((f) => f.kind);
    expect(kinds.filter((k) => k !== "not-computed")).toEqual([]);
    expect(v.findings.length).toBeLessThanOrEqual(1);
  }, 240_000);

  test("an answer edited: read, and the amounts the rules give listed", async () => {
    const gk1 = await locate("kommun", "0380", "GK1.innehall");
    const v = validateWorkbook(await readXlsxBytes(openpyxlResave(template, "py-edited", { [gk1]: "Nej" }), "py.xlsx"));
    expect(v.read.facts.counties["03"].kommuner!["0380"].answers!.GK1.innehall).toBe(false);
    expect(v.findings.map((f) => f.kind)).toEqual(["not-computed"]);
    expect(v.computed!.find((x) => x.level === "landsting" && x.code === "03")!.total).toBe(0);
  }, 240_000);
});

test("an empty last row (LibreOffice writes row 1048576 after row edits) is not counted as content", async () => {
  const edited = editSheetXml(template, (xml) => xml.replace("</sheetData>", '<row r="1048576" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"/></sheetData>'));
  const v = validateWorkbook(await readXlsxBytes(edited, "lo.xlsx"));
  expect(v.findings).toEqual([]);
}, 60_000);
