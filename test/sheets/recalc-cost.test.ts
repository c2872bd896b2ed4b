/**
 * The calculation cost of every agreement's templates, measured from the
 * generated files (bench/recalc-cost.ts): at most (pots + 10) cells call
 * STIM.*, and one full recalculation passes at most twice the input table's
 * cells to the add-in — whatever the number of rows.
 */
import { AGREEMENTS } from "../../src/agreements";
import { readXlsxBytes, writeXlsx } from "../../src/cli/xlsx";
import { templateSpec } from "../../src/cli/sheets";
import { sheetColumns } from "../../src/sheets";
import { recalcCost } from "../../bench/recalc-cost";

const CASES = AGREEMENTS.flatMap((a) => [[a.id, undefined], [a.id, "01"], [a.id, "09"]] as [string, string | undefined][]);

test.each(CASES)("%s %s: STIM.* cells and values per recalculation within the targets", async (agreement, county) => {
  const grids = await readXlsxBytes(await writeXlsx(templateSpec(agreement, county, true)), "mall.xlsx");
  const cost = recalcCost(grids);
  const pots = sheetColumns(AGREEMENTS.find((a) => a.id === agreement)!).pots.length;
  expect(cost.stimCells).toBeGreaterThanOrEqual(1);
  expect(cost.stimCells).toBeLessThanOrEqual(pots + 10);
  expect(cost.values).toBeLessThanOrEqual(2 * cost.inputCells);
}, 60_000);
