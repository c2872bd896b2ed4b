/**
 * An independent formula engine for generated workbooks: HyperFormula
 * (GPL-3, a test-only devDependency, never bundled) with every STIM.*
 * function registered from the BUILT functions bundle (dist/functions.js),
 * loaded in a fresh VM context the way Excel's runtime loads it.
 *
 * Formulas are read from the xlsx as Excel stores them (_xldudf_STIM_…) and
 * given to the engine in the typed form (STIM.…), as Excel does once the
 * add-in has registered its functions.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { SheetGrid } from "../../src/sheets";
import { fromFileFormula } from "../../src/sheets";
import { Host, loadHost, RuntimeError } from "../excel-host/host";

type Fn = (...args: unknown[]) => unknown;

function toPlain(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toPlain));
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { code: `#${v.type === ErrorType.NA ? "N/A" : v.type}`, message: v.message };
  return v;
}

function fromResult(v: unknown): unknown {
  if (v instanceof RuntimeError || (typeof v === "object" && v !== null && "code" in v)) {
    const e = v as { code: string; message?: string };
    return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
  }
  if (Array.isArray(v)) return SimpleRangeValue.onlyValues(v as never);
  return v;
}

let registered: Host | undefined;

/** Registers the bundle's functions with HyperFormula (once per test file). */
export async function registerBundle(): Promise<Host> {
  if (registered) return registered;
  const host = await loadHost("bundle");
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  class StimPlugin extends FunctionPlugin {}
  for (const meta of host.metadata.functions) {
    const fn = host.functions.get(meta.id) as Fn;
    const key = `STIM_${meta.id}`;
    const method = `call_${meta.id}`;
    const params = (meta.parameters ?? []).map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true }));
    implemented[key] = { method, parameters: params, ...(meta.result?.dimensionality === "matrix" ? { sizeOfResultArrayMethod: "size_" + meta.id } : {}) };
    translations[key] = `STIM.${meta.id}`;
    (StimPlugin.prototype as unknown as Record<string, unknown>)[method] = function (this: FunctionPlugin, ast: never, state: never) {
      return this.runFunction(
        (ast as { args: unknown[] }).args as never,
        state,
        this.metadata(key),
        (...args: unknown[]) => fromResult(fn(...args.map(toPlain))) as never,
      );
    };
  }
  (StimPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(StimPlugin as never, { enGB: translations, enUS: translations } as never);
  registered = host;
  return host;
}

/** A workbook's sheets as HyperFormula input: values, and formulas in the typed form. */
export function toEngineSheets(grids: readonly SheetGrid[]): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const g of grids) {
    out[g.name] = g.values.map((row, r) =>
      Array.from({ length: row.length }, (_, c) => {
        const f = g.formulas?.[r]?.[c];
        if (f) return `=${fromFileFormula(f)}`;
        const v = row[c];
        // Text that looks like a number stays text, as in Excel (a kommunkod "0114").
        if (typeof v === "string" && v !== "" && !Number.isNaN(Number(v))) return `'${v}`;
        return v === "" ? null : v;
      }),
    );
  }
  return out;
}

/**
 * HyperFormula does not spill the result of a custom function whose size
 * depends on its arguments, so the calculation block's one spilled call
 * (STIM.ALLOCATION_SHEET, src/sheets/calc.ts) is evaluated here: the table
 * range as HyperFormula currently holds it goes to the BUILT bundle's
 * function, and its result is written into the spill area, where the
 * table's INDEX formulas read it and HyperFormula recomputes them.
 */
interface Spill {
  sheet: string;
  row: number;
  col: number;
  agreement: string;
  range: { startRow: number; endRow: number; startCol: number; endCol: number };
}
const spills = new WeakMap<HyperFormula, Spill[]>();

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function buildEngine(grids: readonly SheetGrid[]): HyperFormula {
  const sheets = toEngineSheets(grids);
  const found: Spill[] = [];
  for (const [name, rows] of Object.entries(sheets)) {
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const m = typeof v === "string" ? /^=STIM\.ALLOCATION_SHEET\("([^"]+)",\s*\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(v) : null;
        if (!m) return;
        found.push({ sheet: name, row: r, col: c, agreement: m[1], range: { startRow: Number(m[3]) - 1, endRow: Number(m[5]) - 1, startCol: colIndex(m[2]), endCol: colIndex(m[4]) } });
        row[c] = null;
      }),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", useArrayArithmetic: false });
  spills.set(hf, found);
  refreshSpills(hf);
  return hf;
}

/** Evaluates every spilled call with the bundle and writes its result (call after each input change). */
export function refreshSpills(hf: HyperFormula): void {
  const fn = registered!.functions.get("ALLOCATION_SHEET") as Fn;
  for (const s of spills.get(hf) ?? []) {
    const sheet = hf.getSheetId(s.sheet)!;
    const table = hf.getRangeValues({ start: { sheet, row: s.range.startRow, col: s.range.startCol }, end: { sheet, row: s.range.endRow, col: s.range.endCol } }).map((row) => row.map(toPlain));
    const result = fn(s.agreement, table) as unknown;
    // Arrays from the bundle's VM context are rebuilt in this one (HyperFormula checks `instanceof Array`).
    const cellOf = (v: unknown) => (v && typeof v === "object" ? `#ERROR ${(v as { message?: string }).message ?? ""}` : v === "" ? null : typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? `'${v}` : v);
    const values = Array.isArray(result) ? Array.from(result as unknown[][], (row) => Array.from(row, cellOf)) : [[cellOf(result)]];
    hf.setCellContents({ sheet, row: s.row, col: s.col }, values as never);
  }
}

/** Sets an input and recomputes the spill, as Excel would. */
export function setAndRecompute(hf: HyperFormula, address: { sheet: number; row: number; col: number }, value: unknown): void {
  hf.setCellContents(address, [[value as never]]);
  refreshSpills(hf);
}

/** A sheet's computed values; errors as "#CODE: message". */
export function engineValues(hf: HyperFormula, sheet: string): unknown[][] {
  const id = hf.getSheetId(sheet)!;
  return hf.getSheetValues(id).map((row) =>
    row.map((v) => {
      if (v && typeof v === "object" && "type" in v) {
        const e = v as { type: string; message?: string; value?: string };
        return `${e.value ?? "#" + e.type}: ${e.message ?? ""}`;
      }
      return v;
    }),
  );
}
