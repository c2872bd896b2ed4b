/**
 * Builds the folder of county workbooks that the README and the analysts'
 * guide check with `stim validate`, so their output can be regenerated:
 *
 *   npx tsx scripts/make-validate-example.ts lan
 *   npm run --silent stim -- validate lan --out rapport.xlsx; echo "exit $?"
 *
 * Every workbook is written by `stim template <agreement> --county NN --demo`
 * (the fictional demo data), then one mistake is seeded by hand, as a user
 * might make it:
 *   lan/03.xlsx  an amount typed over: B3 for Tierp (0360) set to 25 000 kr
 *                where the rules give 0 kr (a discrepancy);
 *   lan/04.xlsx  untouched (no findings);
 *   lan/05.xlsx  a share typed as 90 in a percent cell, so it reads 9000 %
 *                (Landstinget i Östergötlands län, A2; an error);
 *   lan/06.xlsx  not a workbook at all (a text file named .xlsx).
 * It refuses a folder that exists and is not empty: nothing is replaced.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runAsync } from "../src/cli/main";
import { readXlsxFile } from "../src/cli/xlsx";
import { readAllocationSheet, SHEET_ALLOCATION } from "../src/sheets";

/** Opens `file`, lets `edit` change one cell of its allocation sheet (found by level, code and column id), saves it. */
async function seed(file: string, level: string, code: string, column: string, edit: (cell: ExcelJS.Cell) => void): Promise<void> {
  const grid = (await readXlsxFile(file)).find((g) => g.name === SHEET_ALLOCATION)!;
  const read = readAllocationSheet(grid);
  const row = read.rows.find((r) => r.level === level && r.code === code);
  const col = read.columns.get(column);
  if (!row || col === undefined) throw new Error(`${file}: hittar inte ${level} ${code}, kolumn ${column}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb.getWorksheet(SHEET_ALLOCATION)!.getCell(row.row + 1, col + 1));
  await wb.xlsx.writeFile(file);
}

/** Writes the example folder `dir` (created; must be missing or empty). */
export async function makeValidateExample(dir: string): Promise<string[]> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`Mappen ${dir} finns redan och är inte tom; välj en ny mapp.`);
  mkdirSync(dir, { recursive: true });
  for (const county of ["03", "04", "05"]) {
    const r = await runAsync(["template", "prio-2014", "--county", county, "--demo", "--out", join(dir, `${county}.xlsx`)]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  await seed(join(dir, "03.xlsx"), "kommun", "0360", "belopp.B3", (cell) => {
    cell.value = 25000; // typed over the formula
  });
  await seed(join(dir, "05.xlsx"), "landsting", "05", "A2.fordjupad-30-dagar", (cell) => {
    cell.value = 90; // meant 90 %, typed into a percent cell
  });
  writeFileSync(join(dir, "06.xlsx"), "Det här är ingen arbetsbok.\n");
  return ["03.xlsx", "04.xlsx", "05.xlsx", "06.xlsx"].map((f) => join(dir, f));
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("Användning: npx tsx scripts/make-validate-example.ts <mapp>");
    process.exit(2);
  }
  makeValidateExample(dir).then(
    (files) => console.log(`Skrev ${files.join(", ")}.`),
    (e: Error) => {
      console.error(e.message);
      process.exit(2);
    },
  );
}
