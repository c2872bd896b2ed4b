/**
 * A small, honest stand-in for Excel's custom-functions host.
 *
 * What Excel does, and what this host does the same way:
 * - reads the metadata (functions.json) — generated here in-process with the
 *   same generator the webpack plugin uses, so `npm test` needs no build;
 * - loads the functions script with a global `CustomFunctions` whose
 *   `associate` records the registrations, and whose `Error`/`ErrorCode`
 *   behave like the real runtime (an Error subclass with `code`, default
 *   #VALUE!, and an optional message);
 * - calls a function by id with Excel-shaped arguments: a 2-D array for a
 *   parameter with `dimensionality: "matrix"`, a single value otherwise,
 *   and `null` for an omitted optional argument;
 * - shows the result: a single value, a spilled 2-D array, or an error with
 *   its message (Excel shows messages only for #VALUE! and #N/A).
 * The host refuses calls Excel could not make (a missing required argument,
 * a range for a scalar parameter, a ragged array) and flags results Excel
 * could not show faithfully (null/undefined cells, which Excel shows as 0;
 * NaN/Infinity; a thrown exception; an error without a message).
 *
 * Two ways to load the script: "source" (src/functions/functions.ts through
 * ts-jest, always) and "bundle" (dist/functions.js in a fresh VM context,
 * only when it is newer than every source it is built from).
 *
 * Excel's display language: like the shared runtime, the host provides
 * `Office.context.displayLanguage` (en-US unless `displayLanguage` is given),
 * which decides whether messages name arguments in English or Swedish.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";

export const ROOT = join(__dirname, "..", "..");
export const FUNCTIONS_FILE = join(ROOT, "src", "functions", "functions.ts");
export const DIST = join(ROOT, "dist");

/** The runtime's error codes (CustomFunctions.ErrorCode). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Like the runtime's CustomFunctions.Error: an Error with a code (default #VALUE!). */
export class RuntimeError extends Error {
  readonly code: string;
  constructor(code?: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctionError";
    this.code = code ?? ErrorCode.invalidValue;
  }
}

export interface Runtime {
  associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void;
  Error: typeof RuntimeError;
  ErrorCode: typeof ErrorCode;
  /** Every associate call, in order. */
  calls: [string, unknown][];
}

export function makeRuntime(): Runtime {
  const calls: [string, unknown][] = [];
  return {
    associate(idOrMappings, fn) {
      if (typeof idOrMappings === "string") calls.push([idOrMappings, fn]);
      else for (const [id, f] of Object.entries(idOrMappings)) calls.push([id, f]);
    },
    Error: RuntimeError,
    ErrorCode,
    calls,
  };
}

export type Loader = "source" | "bundle";

/** What a cell (or the formula's cell) shows. */
export type Shown =
  | { kind: "value"; value: unknown }
  | { kind: "error"; code: string; message: string };

export interface CallOptions {
  /** What an omitted optional argument arrives as (default null). */
  omitted?: null | undefined;
  /**
   * Skip the checks on the arguments (to prove the code's own defences
   * against shapes Excel does not send, e.g. a range for a scalar).
   */
  raw?: boolean;
}

export interface Host {
  loader: Loader;
  metadata: ICustomFunctionsMetadata;
  runtime: Runtime;
  functions: Map<string, (...args: unknown[]) => unknown>;
  /** Calls a function by id as Excel would; `omitted` is what an omitted optional argument arrives as. */
  call(id: string, args: unknown[], options?: CallOptions): Shown;
  /** Calls and expects a value (fails with the error message otherwise). */
  value(id: string, ...args: unknown[]): unknown;
  /** Calls and expects an error; returns it. */
  error(id: string, ...args: unknown[]): { code: string; message: string };
  close(): void;
}

let metadataPromise: Promise<ICustomFunctionsMetadata> | undefined;
/** functions.json as the build generates it (errors fail loudly). */
export function generatedMetadata(): Promise<ICustomFunctionsMetadata> {
  metadataPromise ??= generateCustomFunctionsMetadata(FUNCTIONS_FILE, false).then((r) => {
    if (r.errors.length > 0) throw new Error(`functions.json has errors:\n${r.errors.join("\n")}`);
    return JSON.parse(r.metadataJson) as ICustomFunctionsMetadata;
  });
  return metadataPromise;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when dist/functions.js exists and is newer than the sources bundled into it. */
export function bundleIsFresh(): boolean {
  const bundle = join(DIST, "functions.js");
  if (!existsSync(bundle)) return false;
  const sources = ["functions", "core", "agreements", "reference"].map((d) => newestMtime(join(ROOT, "src", d)));
  return statSync(bundle).mtimeMs >= Math.max(...sources);
}

export interface HostOptions {
  /** Office.context.displayLanguage, e.g. "sv-SE"; default "en-US"; null for none (no Office object at all). */
  displayLanguage?: string | null;
}

export async function loadHost(loader: Loader = "source", options: HostOptions = {}): Promise<Host> {
  const metadata = await generatedMetadata();
  const runtime = makeRuntime();
  const g = globalThis as unknown as Record<string, unknown>;
  const language = options.displayLanguage === undefined ? "en-US" : options.displayLanguage;
  const office = language === null ? undefined : { context: { displayLanguage: language } };
  if (loader === "source") {
    // The runtime stays installed while the host is open: errors are built at call time.
    g.CustomFunctions = runtime;
    if (typeof jest !== "undefined") {
      await jest.isolateModulesAsync(async () => {
        await import("../../src/functions/functions");
      });
    } else {
      // Outside jest (the docs example generator): a plain, first import.
      await import("../../src/functions/functions");
    }
  } else {
    const context: Record<string, unknown> = { CustomFunctions: runtime, console };
    if (office) context.Office = office;
    context.self = context;
    context.window = context;
    context.globalThis = context;
    createContext(context);
    runInContext(readFileSync(join(DIST, "functions.js"), "utf8"), context, { filename: "functions.js" });
  }
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  for (const [id, fn] of runtime.calls) {
    if (functions.has(id)) throw new Error(`${id} is associated twice`);
    if (typeof fn !== "function") throw new Error(`${id} is associated with ${typeof fn}, not a function`);
    functions.set(id, fn as (...args: unknown[]) => unknown);
  }

  const call = (id: string, args: unknown[], options: CallOptions = {}): Shown => {
    const fm = metadata.functions.find((f) => f.id === id);
    if (!fm) throw new Error(`${id} is not in functions.json`);
    const fn = functions.get(id);
    if (!fn) throw new Error(`${id} is in functions.json but not associated`);
    const params = fm.parameters ?? [];
    if (args.length > params.length) throw new Error(`${id} takes ${params.length} arguments, got ${args.length}`);
    const omitted = "omitted" in options ? options.omitted : null;
    const full = params.map((p, i) => {
      if (i >= args.length || args[i] === OMIT) {
        if (!p.optional) throw new Error(`${id}: Excel does not call a function without its required argument ${p.name}`);
        return omitted;
      }
      const v = args[i];
      if (options.raw) return v;
      if (p.dimensionality === "matrix") assertRange(v, `${id}(${p.name})`);
      else if (Array.isArray(v)) throw new Error(`${id}: Excel never passes a range to the scalar parameter ${p.name}`);
      return v;
    });
    let result: unknown;
    // Source mode shares this realm's globals: Office is this host's only during the call.
    const hadOffice = "Office" in g;
    const previousOffice = g.Office;
    if (loader === "source") {
      if (office) g.Office = office;
      else delete g.Office;
    }
    try {
      result = fn(...full);
    } catch (e) {
      throw new Error(`${id} threw instead of returning a value or an error: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      if (loader === "source") {
        if (hadOffice) g.Office = previousOffice;
        else delete g.Office;
      }
    }
    return show(id, result, fm.result?.dimensionality === "matrix");
  };

  return {
    loader,
    metadata,
    runtime,
    functions,
    call,
    value(id, ...args) {
      const r = call(id, args);
      if (r.kind === "error") throw new Error(`${id} gave ${r.code} "${r.message}" instead of a value`);
      return r.value;
    },
    error(id, ...args) {
      const r = call(id, args);
      if (r.kind !== "error") throw new Error(`${id} gave ${JSON.stringify(r.value)} instead of an error`);
      return { code: r.code, message: r.message };
    },
    close() {
      if (loader === "source") delete g.CustomFunctions;
    },
  };
}

/** Marks an omitted argument in the middle of a call: =F(a;;c). */
export const OMIT = Symbol("omitted argument");

function assertRange(v: unknown, what: string): void {
  if (!Array.isArray(v) || v.length === 0 || !v.every((r) => Array.isArray(r))) {
    throw new Error(`${what}: Excel passes a range as a non-empty 2-D array`);
  }
  const w = (v[0] as unknown[]).length;
  if (w === 0 || !v.every((r) => (r as unknown[]).length === w)) throw new Error(`${what}: a range is rectangular`);
}

function isRuntimeError(v: unknown): v is RuntimeError {
  return v instanceof RuntimeError;
}

function checkErrorValue(id: string, e: RuntimeError): { kind: "error"; code: string; message: string } {
  if (!Object.values(ErrorCode).includes(e.code as never)) throw new Error(`${id}: unknown error code ${e.code}`);
  if (e.code !== ErrorCode.invalidValue && e.code !== ErrorCode.notAvailable) {
    throw new Error(`${id}: ${e.code} cannot carry a message; the add-in uses #VALUE! and #N/A only`);
  }
  if (!e.message || e.message.trim() === "") throw new Error(`${id}: ${e.code} without a message`);
  return { kind: "error", code: e.code, message: e.message };
}

function checkCell(id: string, v: unknown, where: string): void {
  if (v === null || v === undefined) throw new Error(`${id}: ${where} is ${String(v)}, which Excel shows as 0; return "" for a blank`);
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${id}: ${where} is ${v}, which Excel cannot hold`);
  if (typeof v === "string" && v.length > 32767) throw new Error(`${id}: ${where} is longer than an Excel cell holds`);
  if (isRuntimeError(v)) {
    checkErrorValue(id, v);
    return;
  }
  if (!["number", "string", "boolean"].includes(typeof v)) throw new Error(`${id}: ${where} is a ${typeof v}, not a cell value`);
}

function show(id: string, result: unknown, matrix: boolean): Shown {
  if (isRuntimeError(result)) return checkErrorValue(id, result);
  if (result instanceof Error) throw new Error(`${id} returned a plain Error (${result.message}), not a CustomFunctions.Error`);
  if (matrix) {
    assertRange(result, `${id} result`);
    (result as unknown[][]).forEach((row, r) => row.forEach((v, c) => checkCell(id, v, `result[${r}][${c}]`)));
  } else {
    if (Array.isArray(result)) throw new Error(`${id}: metadata says a single value, the function returned an array`);
    checkCell(id, result, "result");
  }
  return { kind: "value", value: result };
}

/** A spilled result with error cells shown as "#N/A: message". */
export function cells(v: unknown): unknown[][] {
  return (v as unknown[][]).map((row) => row.map((x) => (isRuntimeError(x) ? `${x.code}: ${x.message}` : x)));
}
