/**
 * The preview's recalculation: after a cell is edited in the browser
 * preview, the sheet's computed cells get the values Excel's STIM functions
 * would give them. Everything is the sheet layer's and the core's: the
 * sheet is read (`readAllocationSheet`) and validated (`validateRead`,
 * which evaluates it with the core exactly as the functions do), and every
 * formula cell whose value differs from what the rules give takes the
 * rules' value. The pane adds no rule and knows no column.
 *
 * MERGE POINT: `applyEdit` and `recomputeSheet` are what the preview calls. When
 * the sheet layer offers a function that computes a sheet for the in-memory
 * workbook (the "workbook" branch), point this function at it; and
 * `writeComputed` should become an in-memory workbook method that sets a
 * formula cell's computed value without removing its formula (today the
 * adapter's `setValues`, like a user typing, replaces the formula).
 */
import type { MemoryWorkbook } from "../../office/memoryWorkbook";
import type { CellValue } from "../../office/workbook";
import { parseA1Range } from "../../sheets/a1";
import { readAllocationSheet, SheetReadError, validateRead } from "../../runtime";

export type RecomputeResult =
  /** The sheet has no allocation table: nothing to compute. */
  | { status: "no-table" }
  /** Input errors stop the amounts, as the STIM functions then give errors: the count, for the grid's message. */
  | { status: "input-errors"; errors: number }
  /** The computed cells that changed, by A1 address. */
  | { status: "done"; changed: string[] };

/** The kinds of finding that mean "this formula cell shows another value than the rules give". */
const STALE = new Set(["amount-differs", "status-differs", "total-differs", "formula-error"]);

export async function recomputeSheet(memory: MemoryWorkbook, sheet: string): Promise<RecomputeResult> {
  const used = await memory.readUsedRange(sheet);
  return computeGrid(memory, sheet, { name: used.sheet, values: used.values, formulas: used.formulas as string[][] });
}

/**
 * A user's edit in the preview: writes `block` at `address` (as typing
 * does: a formula typed over is gone) and recomputes the sheet in the same
 * turn, so the page renders the edit and the new amounts once. The sheet
 * is read before the write and the edit applied to that copy; an edit
 * beyond the used block reads the sheet again.
 */
export async function applyEdit(memory: MemoryWorkbook, sheet: string, address: string, block: CellValue[][]): Promise<RecomputeResult> {
  const used = await memory.readUsedRange(sheet);
  memory.setValues(sheet, address, block);
  const { start } = parseA1Range(address);
  const rows = used.values.length;
  const cols = used.values[0]?.length ?? 0;
  const width = block[0]?.length ?? 0;
  if (start.row + block.length > rows || start.col + width > cols) return recomputeSheet(memory, sheet);
  const values = used.values.map((r) => [...r]);
  const formulas = (used.formulas as string[][]).map((r) => [...r]);
  block.forEach((row, r) =>
    row.forEach((v, c) => {
      values[start.row + r][start.col + c] = v;
      formulas[start.row + r][start.col + c] = "";
    }),
  );
  return computeGrid(memory, sheet, { name: used.sheet, values, formulas });
}

function computeGrid(memory: MemoryWorkbook, sheet: string, grid: { name: string; values: unknown[][]; formulas: string[][] }): RecomputeResult {
  let read;
  try {
    read = readAllocationSheet(grid);
  } catch (e) {
    if (e instanceof SheetReadError) return { status: "no-table" };
    throw e;
  }
  const validation = validateRead(grid, read);
  if (!validation.checked) return { status: "input-errors", errors: validation.findings.filter((f) => f.severity === "fel").length };
  const updates: { cell: string; value: CellValue }[] = [];
  for (const f of validation.findings) {
    if (!STALE.has(f.kind) || !f.cell || f.expected === undefined) continue;
    if (!memory.formulaAt(sheet, f.cell)) continue; // a value the user typed over a formula stays theirs
    updates.push({ cell: f.cell, value: f.expected });
  }
  writeComputed(memory, sheet, updates);
  return { status: "done", changed: updates.map((u) => u.cell) };
}

/**
 * Sets the computed values of formula cells, keeping their formulas (see
 * MERGE POINT above: the in-memory workbook has no public method for it yet,
 * so this reaches its cell map; one call, one change notification).
 */
function writeComputed(memory: MemoryWorkbook, sheet: string, updates: readonly { cell: string; value: CellValue }[]): void {
  if (updates.length === 0) return;
  const inner = memory as unknown as { find(name: string): { cells: Map<string, CellValue> } | undefined; changed(): void };
  const target = inner.find(sheet);
  if (!target) return;
  for (const u of updates) {
    const { start } = parseA1Range(u.cell);
    target.cells.set(`${start.row},${start.col}`, u.value);
  }
  inner.changed();
}
