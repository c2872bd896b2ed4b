/**
 * What Excel sends and what Excel shows: argument normalisation and errors.
 *
 * Nothing here knows about grants or rules. It turns the values Excel passes
 * to a custom function (numbers, strings, booleans, blanks that arrive as
 * `null`, `undefined`, `""` or `0` depending on the Excel build, 2-D arrays
 * for ranges, rich `Excel.CellValue` objects and error objects) into plain
 * values, and turns exceptions into `CustomFunctions.Error` values with a
 * Swedish message. No Excel globals are needed: without the custom-functions
 * runtime (Node tests, a plain browser) errors are built from a local class
 * with the same shape.
 */
import { StimError } from "../core/errors";
import { Decimal, scannedValue, scanDecimal } from "../core/decimal";
import { describe as describeCore } from "../core/format";
import { withDisplayedField } from "./names";

// ---------------------------------------------------------------------------
// Errors.

/** The two error codes that can carry a message in Excel. */
export type ErrorCodeText = "#VALUE!" | "#N/A";

/** A missing datum or an unknown id: shown as #N/A (like a failed lookup). */
export class NotAvailableError extends StimError {
  constructor(message: string, field?: string) {
    super(message, field);
    this.name = "NotAvailableError";
  }
}

/** The shape of CustomFunctions.Error (code + optional message). */
export interface ExcelError {
  code: string;
  message?: string;
}

/** Stand-in for CustomFunctions.Error where the runtime is absent. */
export class FallbackExcelError extends Error implements ExcelError {
  readonly code: string;
  constructor(code: ErrorCodeText, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctionError";
    this.code = code;
  }
}

/** Longest message we hand to Excel (the error menu shows one line). */
export const MAX_MESSAGE = 400;

/** Builds #VALUE! or #N/A with a message, through the runtime when present. */
export function excelError(code: ErrorCodeText, message: string): ExcelError {
  const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const enumValue = code === "#N/A" ? CustomFunctions.ErrorCode?.notAvailable : CustomFunctions.ErrorCode?.invalidValue;
    return new CustomFunctions.Error(enumValue ?? (code as CustomFunctions.ErrorCode), text);
  }
  return new FallbackExcelError(code, text);
}

/** True for a CustomFunctions.Error (runtime or fallback) or a similar object. */
export function isExcelError(v: unknown): v is ExcelError {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { code?: unknown }).code === "string" &&
    (v as { code: string }).code.startsWith("#")
  );
}

/** Converts any exception into the Excel error the user should see. */
export function toExcelError(e: unknown): ExcelError {
  // A core message may start with the English name of the argument at
  // fault; show it as the user sees it (names.ts).
  if (e instanceof NotAvailableError) return excelError("#N/A", withDisplayedField(e.message, e.field));
  if (e instanceof StimError) return excelError("#VALUE!", withDisplayedField(e.message, e.field));
  const detail = e instanceof Error ? e.message : String(e);
  return excelError("#VALUE!", `Internt fel: ${detail}`);
}

/**
 * Runs an implementation and returns its value, or an Excel error instead of
 * throwing: no exception ever leaves a custom function.
 */
export function guard<T>(fn: () => T): T | ExcelError {
  try {
    return fn();
  } catch (e) {
    return toExcelError(e);
  }
}

// ---------------------------------------------------------------------------
// Cells.

/** A cell value after unwrapping: what the adapters work with. */
export type Cell = number | string | boolean | null;

/** A rectangular range of cells, row by row. */
export type Matrix = Cell[][];

/**
 * Unwraps one value from Excel into a plain cell value. Blank (null,
 * undefined) → null. Rich values (`Excel.CellValue`, sent to `any`
 * parameters) are reduced to their basic value. Excel errors in the input
 * are refused with a message naming where they are.
 */
export function cell(v: unknown, where: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (isExcelError(v)) throw new StimError(`${where} innehåller felet ${v.code}; rätta den cellen först.`, where);
  if (typeof v === "object" && !Array.isArray(v) && "type" in v) {
    const cv = v as { type: unknown; basicValue?: unknown; errorType?: unknown };
    if (cv.type === "Empty") return null;
    if (cv.type === "Error") {
      throw new StimError(`${where} innehåller felet ${String(cv.basicValue ?? cv.errorType ?? "")}; rätta den cellen först.`, where);
    }
    const b = cv.basicValue;
    if (typeof b === "number" || typeof b === "string" || typeof b === "boolean") {
      if (cv.type === "Double" || cv.type === "FormattedNumber" || cv.type === "String" || cv.type === "Boolean") return b;
    }
    throw new StimError(`${where} är en datatyp (${String(cv.type)}); ange ett vanligt värde.`, where);
  }
  if (Array.isArray(v)) throw new StimError(`${where} ska vara ett enda värde, inte ett område.`, where);
  throw new StimError(`${where} har ett värde som inte kan läsas (${typeof v}).`, where);
}

/** Blank in every form Excel uses for an empty cell or an omitted argument. */
export function isBlank(c: Cell): boolean {
  return c === null || (typeof c === "string" && c.trim() === "");
}

/** Blank, or 0 (what some Excel builds send for an empty cell). */
export function isBlankOrZero(c: Cell): boolean {
  return isBlank(c) || c === 0;
}

/** A scalar argument: a single value (a 1×1 array is unwrapped). */
export function scalar(v: unknown, name: string): Cell {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return cell(v[0][0], name);
    throw new StimError(`${name} ska vara ett enda värde, inte ett område.`, name);
  }
  return cell(v, name);
}

/** A short Swedish description of a value for messages: the core's. */
export const describe = describeCore;

/**
 * A range argument: a rectangular 2-D array of cells. A scalar (which Excel
 * does not send for a range parameter, but a caller might) becomes 1×1;
 * a 1-D array becomes one column.
 */
export function matrix(v: unknown, name: string): Matrix {
  if (!Array.isArray(v)) return [[cell(v, name)]];
  if (v.length === 0) throw new StimError(`${name} är ett tomt område.`, name);
  const rows: unknown[][] = v.every((r) => Array.isArray(r)) ? (v as unknown[][]) : v.map((x) => [x]);
  const width = rows[0].length;
  if (width === 0) throw new StimError(`${name} är ett tomt område.`, name);
  const out: Matrix = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== width) {
      throw new StimError(`${name} är inte ett rektangulärt område (rad ${r + 1} har ${Array.isArray(row) ? row.length : 1} värden, rad 1 har ${width}).`, name);
    }
    // A row of plain values is used as it is (a full column is a million of
    // them); a row with other cells is copied with those cells read.
    let outRow = row as Cell[];
    for (let c = 0; c < width; c++) {
      const x = row[c];
      if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") continue;
      if (outRow === row) outRow = row.slice() as Cell[];
      outRow[c] = cell(x, `${name} ${position(rows.length, width, r, c)}`);
    }
    out[r] = outRow;
  }
  return out;
}

export function shape(m: Matrix): { rows: number; cols: number } {
  return { rows: m.length, cols: m[0]?.length ?? 0 };
}

/** "rad 3", "kolumn 3" or "rad 3, kolumn 2" for a cell in a range of the given size. */
export function position(rows: number, cols: number, r: number, c: number): string {
  if (cols === 1) return `rad ${r + 1}`;
  if (rows === 1) return `kolumn ${c + 1}`;
  return `rad ${r + 1}, kolumn ${c + 1}`;
}

/** "290 rader", "1 rad", "4 kolumner", "3×4" for messages about sizes. */
export function sizeText(m: Matrix): string {
  const { rows, cols } = shape(m);
  if (cols === 1) return `${rows} ${rows === 1 ? "rad" : "rader"}`;
  if (rows === 1) return `${cols} kolumner`;
  return `${rows}×${cols}`;
}

function dims({ rows, cols }: { rows: number; cols: number }): string {
  return `${rows} ${rows === 1 ? "rad" : "rader"} × ${cols} ${cols === 1 ? "kolumn" : "kolumner"}`;
}

/** Requires two ranges to have the same shape; the message names both arguments. */
export function sameShape(a: Matrix, aName: string, b: Matrix, bName: string): void {
  const sa = shape(a);
  const sb = shape(b);
  if (sa.rows === sb.rows && sa.cols === sb.cols) return;
  if (sa.cols === sb.cols && sa.cols === 1) {
    throw new StimError(`${aName} och ${bName} har olika storlek (${sa.rows} mot ${sb.rows} rader).`, bName);
  }
  if (sa.rows === sb.rows && sa.rows === 1) {
    throw new StimError(`${aName} och ${bName} har olika storlek (${sa.cols} mot ${sb.cols} kolumner).`, bName);
  }
  throw new StimError(`${aName} och ${bName} har olika storlek (${dims(sa)} mot ${dims(sb)}).`, bName);
}

/** Flattens a range row by row. */
export function flat<T>(m: T[][]): T[] {
  const cols = m[0]?.length ?? 0;
  const out: T[] = new Array(m.length * cols);
  let i = 0;
  for (const row of m) for (let c = 0; c < cols; c++) out[i++] = row[c];
  return out;
}

/** Reshapes a flat list into the shape of `like`. */
export function reshape<T>(values: readonly T[], like: Matrix): T[][] {
  const { rows, cols } = shape(like);
  const out: T[][] = new Array(rows);
  if (cols === 1) for (let r = 0; r < rows; r++) out[r] = [values[r]];
  else for (let r = 0; r < rows; r++) out[r] = values.slice(r * cols, (r + 1) * cols);
  return out;
}

// ---------------------------------------------------------------------------
// Typed readings of one cell.

const TRUE_WORDS = new Set(["ja", "j", "x", "sant", "true", "yes", "y"]);
const FALSE_WORDS = new Set(["nej", "n", "falskt", "false", "no"]);

/**
 * A yes/no answer: TRUE/FALSE, 1/0, "ja"/"nej" (also "sant"/"falskt",
 * "true"/"false"), "x" = yes. Returns null for a blank cell; the caller
 * decides what a blank means.
 */
export function readBoolean(c: Cell, where: string): boolean | null {
  if (isBlank(c)) return null;
  if (typeof c === "boolean") return c;
  if (typeof c === "number") {
    if (c === 1) return true;
    if (c === 0) return false;
  }
  if (typeof c === "string") {
    const w = c.trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
  }
  throw new StimError(`${where}: ${describe(c)} är inget ja/nej-svar; ange SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom.`, where);
}

/** True when some cell of the range is an "x" mark: then blanks mean no. */
export function usesXMarks(m: Matrix): boolean {
  for (const row of m) for (const c of row) if (typeof c === "string" && c.trim().toLowerCase() === "x") return true;
  return false;
}

/**
 * A finite number from a number or a numeric text ("1 234", "12,5"; spaces
 * only as thousands separators, so "1 2" is not 12), read by the core's one
 * parser (src/core/decimal). Returns null for a blank cell. Booleans are not
 * numbers here. The double nearest the text: for values that decide a
 * verdict use `readExact`.
 */
export function readNumber(c: Cell, where: string): number | null {
  const x = readExact(c, where);
  return x === null ? null : typeof x === "number" ? x : x.toNumber();
}

/**
 * The exact value of a number or numeric text: a number Excel passes is the
 * double it holds (its shortest round-trip decimal, what the cell shows);
 * text is read as decimal, every digit kept ("0,79999999999999999" is a
 * Decimal below 0,8). Null for a blank cell.
 */
export function readExact(c: Cell, where: string): number | Decimal | null {
  if (isBlank(c)) return null;
  if (typeof c === "number") {
    if (Number.isNaN(c)) throw new StimError(`${where}: NaN är inte ett tal.`, where);
    if (!Number.isFinite(c)) throw new StimError(`${where}: ${describe(c)} är inte ett ändligt tal.`, where);
    if (Math.abs(c) >= 1e100) throw new StimError(`${where}: talet ${String(c)} är för stort.`, where);
    return c;
  }
  if (typeof c !== "string") throw new StimError(`${where}: ${describe(c)} är inte ett tal.`, where);
  const s = scanDecimal(c, { comma: true });
  if (s === "spaced") {
    throw new StimError(`${where}: ${describe(c)} är inte ett tal (mellanslag godtas bara som tusentalsavgränsare, som i 41 449).`, where);
  }
  if (typeof s === "string") throw new StimError(`${where}: ${describe(c)} är inte ett tal.`, where);
  if (s.digits.replace(/^0+/, "").length - s.scale > 100) throw new StimError(`${where}: talet ${c.trim()} är för stort.`, where);
  return scannedValue(s);
}

/** The largest whole-kronor amount Excel can hold exactly. */
export const MAX_KRONOR = Number.MAX_SAFE_INTEGER;

/** A text argument (ids, method names); numbers are read as their digits. */
export function readText(c: Cell, where: string): string | null {
  if (isBlank(c)) return null;
  if (typeof c === "string") return c.trim();
  if (typeof c === "number" && Number.isFinite(c)) return String(c);
  throw new StimError(`${where}: ${describe(c)} är ingen text.`, where);
}
