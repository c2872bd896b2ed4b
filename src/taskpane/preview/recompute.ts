/**
 * The preview's recalculation: after a cell is edited in the browser
 * preview, the sheet's computed cells get the values Excel would give them.
 * The in-memory workbook does the computing itself, through the sheet
 * layer (`recalculateSheet`: the one STIM.ALLOCATION_SHEET call, the same
 * computation as the custom function, then the INDEX and SUM cells), so
 * the pane adds no rule, knows no column and computes nothing twice.
 * What is left here is the grid's message: when input errors stop the
 * amounts (the spilled call gives #VALUE!, as in Excel), how many there are.
 */
import type { MemoryWorkbook } from "../../office/memoryWorkbook";
import type { CellValue } from "../../office/workbook";
import { readAllocationSheet, SheetReadError } from "../../runtime";

export type RecomputeResult =
  /** The sheet has no allocation table: nothing to compute. */
  | { status: "no-table" }
  /** Input errors stop the amounts, as the STIM functions then give errors: the count, for the grid's message. */
  | { status: "input-errors"; errors: number }
  /** The computed cells hold what the rules give for the answers. */
  | { status: "done" };

/** The sheet's state after the workbook's recalculation: input errors counted by the sheet layer's reader. */
export async function recomputeSheet(memory: MemoryWorkbook, sheet: string): Promise<RecomputeResult> {
  const used = await memory.readUsedRange(sheet);
  let read;
  try {
    read = readAllocationSheet({ name: used.sheet, values: used.values, formulas: used.formulas as string[][] });
  } catch (e) {
    if (e instanceof SheetReadError) return { status: "no-table" };
    throw e;
  }
  const errors = read.findings.filter((f) => f.severity === "fel").length;
  return errors ? { status: "input-errors", errors } : { status: "done" };
}

/**
 * A user's edit in the preview: writes `block` at `address` as typing does
 * (a formula typed over is gone); the workbook recomputes the sheet in the
 * same turn, so the page renders the edit and the new amounts once.
 */
export async function applyEdit(memory: MemoryWorkbook, sheet: string, address: string, block: CellValue[][]): Promise<RecomputeResult> {
  memory.setValues(sheet, address, block);
  return recomputeSheet(memory, sheet);
}
