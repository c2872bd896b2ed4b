/**
 * Workbooks that LibreOffice Calc itself has edited, as a county's user
 * would: a recipient's row deleted, the table's rows sorted by name, and
 * answer columns hidden. The edits are made through LibreOffice's own API
 * (Python UNO, test/interop/lo-edit.py: soffice headless on a private pipe
 * with a fresh profile, always ended, with timeouts), and the file is saved
 * as xlsx ("Calc MS Excel 2007 XML"). Then the product reads and validates
 * it, and the test asserts what the user must be told.
 *
 * Measured with LibreOffice 7.4: a row deleted or rows sorted make
 * LibreOffice recompute, and every table formula that depends on the
 * calculation block (STIM.ALLOCATION_SHEET, unknown to it) shows #NAME?;
 * hiding columns changes no value. After deleting a row it writes an empty
 * row 1048576. It writes numbers with 15 significant digits: the demo's
 * shares (e.g. 0.9978165938864629) come back as 0.997816593886463, so facts
 * are compared at that precision (the amounts, exact kronor, are compared
 * exactly).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { readAllocationSheet, SHEET_ALLOCATION, SheetGrid, validateWorkbook } from "../../src/sheets";
import { PROGRAMS, requireProgram } from "../support/programs";

const SOFFICE = requireProgram(PROGRAMS.soffice);
const UNO_PYTHON = requireProgram(PROGRAMS.unoPython);
const SCRIPT = join(__dirname, "lo-edit.py");

type Op =
  | { op: "delete-rows"; sheet: string; row: number; count: number }
  | { op: "sort"; sheet: string; range: [number, number, number, number]; key: number }
  | { op: "hide-columns"; sheet: string; columns: number[] };

let dir: string;
let template: Buffer;
let grids: SheetGrid[];
let original: ReturnType<typeof readAllocationSheet>;

beforeAll(async () => {
  try {
    execFileSync(UNO_PYTHON, ["-c", "import uno"], { stdio: "pipe", timeout: 30_000 });
  } catch {
    throw new Error(`${UNO_PYTHON} kan inte importera uno. ${PROGRAMS.unoPython.install}`);
  }
  dir = mkdtempSync(join(tmpdir(), "stim-lo-edits-"));
  template = await writeXlsx(templateSpec("prio-2014", "01", true));
  grids = await readXlsxBytes(template, "mall.xlsx");
  original = readAllocationSheet(grids.find((g) => g.name === SHEET_ALLOCATION)!);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The template edited in LibreOffice and saved as xlsx by it. */
function libreOfficeEdit(name: string, ops: Op[]): Buffer {
  const sub = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(sub, "in.xlsx"), template);
  writeFileSync(join(sub, "ops.json"), JSON.stringify(ops));
  // The script ends LibreOffice itself after LO_EDIT_TIMEOUT seconds; SIGTERM (the timeout's signal) also ends it.
  execFileSync(UNO_PYTHON, [SCRIPT, SOFFICE, join(sub, "in.xlsx"), join(sub, "out.xlsx"), join(sub, "ops.json")], {
    stdio: "pipe",
    timeout: 200_000,
    env: { ...process.env, LO_EDIT_TIMEOUT: "150" },
  });
  return readFileSync(join(sub, "out.xlsx"));
}

function sheetXml(bytes: Buffer): string {
  return strFromU8(unzipSync(new Uint8Array(bytes))["xl/worksheets/sheet1.xml"]);
}

/**
 * Where two values differ beyond LibreOffice's 15 significant digits (a relative difference over 1e-14), by path;
 * everything else (strings, booleans, keys, lengths) must be equal.
 */
function differences(got: unknown, want: unknown, path = ""): string[] {
  if (typeof got === "number" && typeof want === "number") {
    return Math.abs(got - want) <= 1e-14 * Math.max(Math.abs(got), Math.abs(want)) ? [] : [`${path}: ${got} ≠ ${want}`];
  }
  if (got && want && typeof got === "object" && typeof want === "object") {
    const keys = [...new Set([...Object.keys(got), ...Object.keys(want)])];
    return keys.flatMap((k) => differences((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${path}/${k}`));
  }
  return Object.is(got, want) ? [] : [`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`];
}

const kommuner = () => original.rows.filter((r) => r.level === "kommun");
const column = (id: string) => original.columns.get(id)!;
/** The cached row totals (Summa) of the template, by recipient. */
function totals(): Map<string, number> {
  const g = grids.find((x) => x.name === SHEET_ALLOCATION)!;
  return new Map(original.rows.map((r) => [`${r.level}:${r.code}`, g.values[r.row][column("summa")] as number]));
}

test("a recipient's row deleted: the recipient is said to be missing, and nothing else (no row 1048576)", async () => {
  const gone = kommuner()[1]; // 0115 Vallentuna
  expect(gone.code).toBe("0115");
  const bytes = libreOfficeEdit("deleted", [{ op: "delete-rows", sheet: SHEET_ALLOCATION, row: gone.row, count: 1 }]);
  // LibreOffice's empty last row is in the file: the reader must not count it.
  expect(sheetXml(bytes)).toMatch(/<row r="1048576"/);
  const read = await readXlsxBytes(bytes, "lo.xlsx");
  expect(read.find((g) => g.name === SHEET_ALLOCATION)!.values.length).toBeLessThan(100);
  const v = validateWorkbook(read);
  expect(v.findings.map((f) => [f.kind, f.severity, f.sheet, f.cell])).toEqual([["missing-row", "fel", SHEET_ALLOCATION, "A8"]]);
  expect(v.findings[0].message).toBe("Kommun 0115 (Vallentuna) saknas i tabellen (länet 01 ska ha en rad per mottagare).");
  expect(v.findings.some((f) => /1048576|1 048 576/.test(f.message))).toBe(false);
  // A sheet with a missing recipient is not computed on (every share would move); everything else is read.
  expect(v.checked).toBe(false);
  expect(v.read.rows.map((r) => r.code)).toEqual(original.rows.map((r) => r.code).filter((c) => c !== "0115"));
  const want = structuredClone(original.facts);
  delete want.counties["01"].kommuner!["0115"];
  expect(differences(v.read.facts, want)).toEqual([]);
}, 240_000);

test.each([
  ["the kommun rows", false],
  ["the whole table (the landsting row too)", true],
])("%s sorted by name: read by their codes, the same facts, and the uncomputed amounts said once", async (_what, whole) => {
  const ks = kommuner();
  const last = whole ? original.rows[original.rows.length - 1].row : ks[ks.length - 1].row;
  const bytes = libreOfficeEdit("sorted", [{ op: "sort", sheet: SHEET_ALLOCATION, range: [ks[0].row, 0, last, column("summa")], key: column("namn") }]);
  const v = validateWorkbook(await readXlsxBytes(bytes, "lo.xlsx"));
  // Really sorted: by name (LibreOffice's default collation), no longer by code.
  const codes = v.read.rows.filter((r) => r.level === "kommun").map((r) => r.code);
  expect(codes).not.toEqual(ks.map((r) => r.code));
  expect(codes[0]).toBe("0127"); // Botkyrka
  expect([...codes].sort()).toEqual(ks.map((r) => r.code));
  // The landsting row stays last, or is sorted in among the kommuner ("Landstinget i …" after "Järfälla").
  const landsting = v.read.rows.filter((r) => r.level === "landsting").map((r) => [r.code, r.row]);
  expect(landsting).toEqual([["01", whole ? ks[0].row + 6 : last + 1]]);
  // Every answer and key figure moved with its row.
  expect(differences(v.read.facts, original.facts)).toEqual([]);
  // What sorting legitimately causes: LibreOffice recomputes the moved rows, and their formulas (which read the
  // calculation block, STIM.ALLOCATION_SHEET) show #NAME?; the formulas are still the layout's. Said once.
  expect(v.findings.map((f) => [f.kind, f.sheet])).toEqual([["not-computed", SHEET_ALLOCATION]]);
  expect(v.findings[0].message).toMatch(/^Formlerna är inte beräknade i filen: \d+ celler \(\d+ visar #NAME\? \(öppnad utan tillägget Stimulans\)\)/);
  // The amounts the rules give are the template's (sorting changes no one's money).
  const want = totals();
  expect(v.computed!.map((r) => [`${r.level}:${r.code}`, r.total]).sort()).toEqual([...want.entries()].sort());
}, 240_000);

test("answer columns hidden: read exactly as before, clean", async () => {
  const hidden = [column("GK1.uppfoljning"), column("GK1.synpunkter"), column("A-FORUTSATTNING.svarsfrekvens-forsta-besok")];
  const bytes = libreOfficeEdit("hidden", [{ op: "hide-columns", sheet: SHEET_ALLOCATION, columns: hidden }]);
  expect(sheetXml(bytes).match(/<col [^>]*hidden="true"[^>]*>/g)?.length).toBe(2); // G:H and U
  const read = await readXlsxBytes(bytes, "lo.xlsx");
  const v = validateWorkbook(read);
  expect(v.findings).toEqual([]);
  expect(differences(v.read.facts, original.facts)).toEqual([]);
  expect(v.read.rows).toEqual(original.rows);
  expect([...v.read.columns.entries()]).toEqual([...original.columns.entries()]);
  const before = grids.find((g) => g.name === SHEET_ALLOCATION)!;
  const after = read.find((g) => g.name === SHEET_ALLOCATION)!;
  expect(differences(after.values.slice(original.headerRow, original.calcRow), before.values.slice(original.headerRow, original.calcRow))).toEqual([]);
}, 240_000);
