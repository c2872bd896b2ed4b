/**
 * `stim validate --county` and the report's table of amounts for a file
 * whose formulas were not computed (through the command's implementation).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxBytes, readXlsxFile, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec, validateFiles } from "../../src/cli/sheets";
import { readAllocationSheet, SHEET_COMPUTED } from "../../src/sheets";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "stim-county-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("--county reads a sheet without its scope line as that county's; a bad code is refused", async () => {
  const spec = templateSpec("prio-2014", "01", true);
  const sheet = spec.sheets[0];
  const r = sheet.cells.findIndex((row) => typeof row[0]?.value === "string" && row[0].value.startsWith("Omfattning:"));
  sheet.cells[r] = sheet.cells[r].map(() => null);
  const path = join(dir, "01.xlsx");
  writeFileSync(path, await writeXlsx(spec));
  const out = await validateFiles(path, { county: "01", json: false });
  expect(out).toEqual({ code: 0, stdout: `${path}: prio-2014, län 01, blad Fördelning: inga avvikelser.\n` });
  await expect(validateFiles(path, { county: "1x", json: false })).rejects.toThrow("--county 1x: ange en länskod med två siffror, t.ex. 01.");
}, 60_000);

test("--out has the amounts the rules give when the file's formulas show #NAME?", async () => {
  const bytes = await writeXlsx(templateSpec("prio-2014", "03", true));
  const grids = await readXlsxBytes(bytes, "x.xlsx");
  const read = readAllocationSheet(grids[0]);
  // As LibreOffice saves it after an edit without the add-in: every computed cell of the table #NAME?.
  const spec = templateSpec("prio-2014", "03", true);
  for (const row of read.rows) for (const cell of spec.sheets[0].cells[row.row]) if (cell?.formula && cell.formula.startsWith("INDEX(")) cell.cached = "#NAME?";
  const path = join(dir, "03.xlsx");
  writeFileSync(path, await writeXlsx(spec));
  const report = join(dir, "rapport.xlsx");
  const out = (await validateFiles(path, { json: false, out: report })) as { code: number; stdout: string };
  expect(out.code).toBe(1);
  expect(out.stdout.match(/Formlerna är inte beräknade i filen/g)).toHaveLength(1);
  const sheets = await readXlsxFile(report);
  const computed = sheets.find((s) => s.name === SHEET_COMPUTED)!;
  const landsting = computed.values.find((row) => row[3] === "03")!;
  expect(landsting[landsting.length - 1]).toBeGreaterThan(0);
  expect(computed.values.length).toBe(read.rows.length + 2);
}, 60_000);
