/**
 * Real spreadsheet software opens the generated templates: LibreOffice Calc
 * (Debian libreoffice-calc-nogui, installed by .ci/run) converts every sheet
 * to CSV headless, without the add-in, and every exported value equals the
 * value the template holds — the cached numbers the core computed, not
 * #NAME?, in every cell of the table and the totals block. (LibreOffice
 * keeps the cached value of a plain formula — the table's INDEX cells — but
 * shows #NAME? for an array formula calling a function it does not know: the
 * calculation block right of the table, measured here, shows #NAME?.)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { readAllocationSheet, SHEET_ALLOCATION, SheetGrid } from "../../src/sheets";
import { PROGRAMS, requireProgram } from "../support/programs";

const SOFFICE = requireProgram(PROGRAMS.soffice);

/** CSV → rows of fields (RFC 4180 quoting, as LibreOffice writes it). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** How a value of the grid shows in LibreOffice's raw CSV export. */
function asCsv(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function convert(bytes: Buffer): { dir: string; sheets: Map<string, string[][]> } {
  const dir = mkdtempSync(join(tmpdir(), "stim-lo-"));
  writeFileSync(join(dir, "mall.xlsx"), bytes);
  // Token 12 = -1: every sheet to its own file (LibreOffice ≥ 7.2); token 9 false: raw values, not as shown.
  execFileSync(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      join(dir, "out"),
      join(dir, "mall.xlsx"),
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(join(dir, "out"))) {
    const m = /^mall-(.+)\.csv$/.exec(f);
    if (m) sheets.set(m[1], parseCsv(readFileSync(join(dir, "out", f), "utf8")));
  }
  return { dir, sheets };
}

function differences(grid: SheetGrid, csv: string[][], skipFrom = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  const rows = Math.min(Math.max(grid.values.length, csv.length), skipFrom);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(grid.values[r]?.length ?? 0, csv[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const want = asCsv(grid.values[r]?.[c]);
      const got = csv[r]?.[c] ?? "";
      // Percent cells are exported with their % sign and 15 significant digits.
      if (got.endsWith("%") && typeof grid.values[r]?.[c] === "number" && Math.abs(Number(got.slice(0, -1)) / 100 - (grid.values[r][c] as number)) < 1e-12) continue;
      if (want !== got) out.push(`${grid.name} R${r + 1}C${c + 1}: väntat ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
    }
  }
  return out;
}

describe.each([
  ["prio-2014", "01"],
  ["prio-2014", undefined],
  ["aldre-2014", "03"],
])("%s %s opened by LibreOffice Calc", (agreement, county) => {
  let grids: SheetGrid[];
  let exported: Map<string, string[][]>;
  let dir: string;
  beforeAll(async () => {
    const bytes = await writeXlsx(templateSpec(agreement, county, true));
    grids = await readXlsxBytes(bytes, "mall.xlsx");
    ({ dir, sheets: exported } = convert(bytes));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("every sheet is exported", () => {
    expect([...exported.keys()].sort()).toEqual(grids.map((g) => g.name).sort());
  });

  test("every exported value equals the template's value (the cached values for formulas), no #NAME?", () => {
    for (const g of grids) {
      const csv = exported.get(g.name)!;
      // The calculation block's rows (from its header row) are compared below.
      const calcHeader = g.name === SHEET_ALLOCATION ? readAllocationSheet(g).calcRow! - 1 : Number.POSITIVE_INFINITY;
      expect(differences(g, csv, calcHeader).slice(0, 5)).toEqual([]);
      expect(csv.slice(0, calcHeader).flat().some((x) => x.startsWith("#"))).toBe(false);
    }
    // The calculation block (a dynamic array calling STIM.ALLOCATION_SHEET) shows #NAME? without the add-in.
    const alloc = grids.find((g) => g.name === SHEET_ALLOCATION)!;
    const read = readAllocationSheet(alloc);
    expect(exported.get(SHEET_ALLOCATION)![read.calcRow!][read.calcCol!]).toBe("#NAME?");
    const formulas = grids[0].formulas!.flat().filter(Boolean).length;
    expect(formulas).toBeGreaterThan(100);
  });
});
