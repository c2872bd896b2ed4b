/**
 * Packages from other programs, at the package level (docs/workbook.md,
 * "Filer från andra program: paketnivån"): a template re-saved as .xlsx by
 * LibreOffice Calc headless is read through the package checks, and its
 * inputs equal the original's. openpyxl's packages are in openpyxl.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAgreement } from "../../src/agreements";
import { preparePackage } from "../../src/cli/package";
import { templateSpec } from "../../src/cli/sheets";
import { readXlsxFile, writeXlsx } from "../../src/cli/xlsx";
import { readAllocationSheet, SHEET_ALLOCATION } from "../../src/sheets";
import { PROGRAMS, requireProgram } from "../support/programs";

const SOFFICE = requireProgram(PROGRAMS.soffice);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "stim-pkg-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a template re-saved as .xlsx by LibreOffice passes the package checks and reads with the same inputs", async () => {
  const original = join(dir, "mall.xlsx");
  writeFileSync(original, await writeXlsx(templateSpec("prio-2014", "01", true)));
  execFileSync(
    SOFFICE,
    ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), original],
    { stdio: "ignore", timeout: 180_000 },
  );
  const resaved = join(dir, "lo", "mall.xlsx");
  const bytes = readFileSync(resaved);
  expect(bytes.equals(readFileSync(original))).toBe(false);
  // LibreOffice writes relative part paths: nothing to rewrite.
  expect(preparePackage(bytes)).toBe(bytes);
  const agreement = getAgreement("prio-2014");
  const facts = async (p: string) => readAllocationSheet((await readXlsxFile(p)).find((g) => g.name === SHEET_ALLOCATION)!, { agreement });
  const [a, b] = [await facts(original), await facts(resaved)];
  expect(b.scope).toBe("01");
  // LibreOffice stores doubles with 15 significant digits (0.9978165938864629 → 0.997816593886463): numbers compared at that precision.
  const diffs: string[] = [];
  const walk = (x: unknown, y: unknown, at: string): void => {
    if (typeof x === "number" && typeof y === "number") {
      if (Math.abs(x - y) > 1e-14 * Math.max(1, Math.abs(x))) diffs.push(`${at}: ${x} ≠ ${y}`);
    } else if (x && y && typeof x === "object" && typeof y === "object") {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`);
    } else if (x !== y) diffs.push(`${at}: ${String(x)} ≠ ${String(y)}`);
  };
  walk(a.facts, b.facts, "facts");
  expect(diffs).toEqual([]);
}, 240_000);
