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
import { cellToA1 } from "../../sheets/a1";
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

/** Where each sheet's STIM.ALLOCATION_SHEET call is, once found (per workbook, by lower-case sheet name). */
const calls = new WeakMap<MemoryWorkbook, Map<string, { row: number; col: number }>>();
const CALL = /^=STIM\.ALLOCATION_SHEET\(/i;

/**
 * Finds the sheet's STIM.ALLOCATION_SHEET call (one read of its formulas)
 * and remembers where it is, so that an edit later need not read the sheet
 * again (`quickResult`). The grid calls it when the browser is idle after a
 * sheet is shown.
 */
export async function locateCall(memory: MemoryWorkbook, sheet: string): Promise<boolean> {
  const { formulas } = await memory.readUsedRange(sheet);
  for (let r = 0; r < formulas.length; r++) {
    const c = formulas[r].findIndex((f) => typeof f === "string" && CALL.test(f));
    if (c >= 0) {
      const known = calls.get(memory) ?? new Map<string, { row: number; col: number }>();
      calls.set(memory, known);
      known.set(sheet.toLowerCase(), { row: r, col: c });
      return true;
    }
  }
  return false;
}

/**
 * The sheet's state after the workbook's recalculation, without reading the
 * sheet again: when its STIM.ALLOCATION_SHEET call is known (`locateCall`)
 * and still there, and the call's value in `values` (the snapshot the grid
 * renders anyway) is no error, the amounts were recomputed. Undefined when
 * that cannot be told this way (the call unknown or gone, or #VALUE!: input
 * errors, counted by `recomputeSheet`).
 */
export function quickResult(memory: MemoryWorkbook, sheet: string, values: readonly (readonly CellValue[])[]): RecomputeResult | undefined {
  const at = calls.get(memory)?.get(sheet.toLowerCase());
  if (!at || !CALL.test(memory.formulaAt(sheet, cellToA1(at)) ?? "")) return undefined;
  const v = values[at.row]?.[at.col];
  return v === "#VALUE!" ? undefined : { status: "done" };
}
