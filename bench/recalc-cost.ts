/**
 * What one full recalculation of a generated workbook costs Excel in calls
 * to the add-in, measured from the file: the cells whose formula calls
 * STIM.*, and the values Excel passes to them (for each such cell, the size
 * of every range argument plus one per other argument; Excel serialises
 * every argument of every call into the add-in's runtime).
 *
 *   npx tsx bench/recalc-cost.ts [file.xlsx …]   (no files: the four templates)
 */
import { readFileSync } from "node:fs";
import { readXlsxBytes, writeXlsx } from "../src/cli/xlsx";
import { templateSpec } from "../src/cli/sheets";
import { parseStimCall, readAllocationSheet, referenceArgument, SheetGrid, SHEET_ALLOCATION, stimCalls } from "../src/sheets";

export interface RecalcCost {
  stimCells: number;
  values: number;
  /** Cells of the input table (identity and answer columns, header row included). */
  inputCells: number;
}

function rangeSize(address: string): number {
  const [a, b = a] = address.split(":");
  const col = (x: string) => [.../^[A-Z]+/.exec(x)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = (x: string) => Number(/\d+$/.exec(x)![0]);
  return (Math.abs(col(b) - col(a)) + 1) * (Math.abs(row(b) - row(a)) + 1);
}

export function recalcCost(grids: readonly SheetGrid[]): RecalcCost {
  let stimCells = 0;
  let values = 0;
  for (const g of grids) {
    for (const row of g.formulas ?? []) {
      for (const f of row ?? []) {
        if (!f || stimCalls(f).length === 0) continue;
        stimCells++;
        const call = parseStimCall(f);
        for (const arg of call?.args ?? []) {
          const ref = referenceArgument(arg);
          values += ref ? rangeSize(ref.address) : 1;
        }
      }
    }
  }
  const alloc = grids.find((g) => g.name === SHEET_ALLOCATION)!;
  const read = readAllocationSheet(alloc);
  const lastInput = Math.max(...[...read.columns.entries()].filter(([id]) => !/^(belopp|status)\.|^grundkrav$|^summa$/.test(id)).map(([, c]) => c));
  const lastRow = Math.max(...read.rows.map((r) => r.row));
  return { stimCells, values, inputCells: (lastRow - read.headerRow + 1) * (lastInput + 1) };
}

export async function templateCosts(): Promise<{ name: string; cost: RecalcCost; pots: number }[]> {
  const out: { name: string; cost: RecalcCost; pots: number }[] = [];
  for (const [agreement, county] of [["prio-2014", undefined], ["prio-2014", "01"], ["aldre-2014", undefined], ["aldre-2014", "01"]] as const) {
    const grids = await readXlsxBytes(await writeXlsx(templateSpec(agreement, county, true)), "mall.xlsx");
    const { getAgreement } = await import("../src/agreements");
    const { sheetColumns } = await import("../src/sheets");
    out.push({ name: `${agreement} ${county ? `län ${county}` : "riket"}`, cost: recalcCost(grids), pots: sheetColumns(getAgreement(agreement)).pots.length });
  }
  return out;
}

if (/recalc-cost\.ts$/.test(process.argv[1] ?? "")) {
  void (async () => {
    const files = process.argv.slice(2);
    if (files.length) {
      for (const f of files) console.log(f, recalcCost(await readXlsxBytes(readFileSync(f), f)));
      return;
    }
    for (const t of await templateCosts()) {
      console.log(`${t.name}: ${t.cost.stimCells} STIM.* cells (target ≤ ${t.pots + 10}), ${t.cost.values.toLocaleString("sv-SE")} values per full recalculation (target ≤ ${(2 * t.cost.inputCells).toLocaleString("sv-SE")}, 2 × the input table's ${t.cost.inputCells.toLocaleString("sv-SE")} cells)`);
    }
  })();
}
