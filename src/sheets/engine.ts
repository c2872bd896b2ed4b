/**
 * The sheet's numbers, computed by the core: facts read from a sheet are
 * evaluated with `evaluate`, and every formula cell's value (amount, status,
 * basic-requirement verdict, unallocated) is picked from the Evaluation.
 * The layout uses this for the cached values it writes; the STIM.ALLOCATION
 * functions use it when Excel recalculates; the validator uses it to check.
 * One computation, three users: they cannot disagree.
 *
 * A sheet for one county: amounts depend on every recipient in the country,
 * and the sheet holds only one county. Counties that have no row in the
 * sheet are taken to meet every requirement and goal (with their embedded
 * population as key), so an amount on a county sheet is what that recipient
 * receives if everyone else in the country qualifies — the least it can
 * receive when it qualifies itself. Pots shared by a key that is not
 * embedded (e.g. pop65) cannot be computed this way and have no amount
 * column on a county sheet (see `countyAmountPots`).
 */
import { AnswerValue, CountyFacts, EntityFacts, Facts, rulesAnsweredBy } from "../core/facts";
import { evaluate, Evaluation, RecipientResult, RecipientStatus } from "../core/evaluate";
import { Agreement, Criterion, Pot } from "../core/model";
import { LAN } from "../reference";
import { SheetColumns } from "./columns";
import { readAllocationSheet, ReadResult } from "./read";
import { gateText, STATUS_TEXT } from "./texts";

/** An answer that meets a criterion (for counties outside the sheet). */
export function meetingAnswer(c: Criterion): AnswerValue {
  switch (c.kind) {
    case "boolean":
      return true;
    case "share":
      return { part: 1, total: 1 };
    case "target-count":
      return { part: 1_000_000_000, ...(c.target === "input" ? { total: 1 } : {}) };
    case "months-lower":
      return { previous: new Array(c.months).fill(1), current: new Array(c.months).fill(0) };
    case "indicator-improvement":
      return { baseline: new Array(c.indicators.length).fill(0), result: new Array(c.indicators.length).fill(100) };
  }
}

function meetingEntity(agreement: Agreement, level: "county" | "landsting" | "kommun"): EntityFacts | undefined {
  const answers: Record<string, Record<string, AnswerValue>> = {};
  for (const rule of rulesAnsweredBy(agreement, level)) {
    answers[rule.id] = Object.fromEntries(rule.criteria.map((c) => [c.id, meetingAnswer(c)]));
  }
  return Object.keys(answers).length ? { answers } : undefined;
}

const baselineCache = new WeakMap<Agreement, CountyFacts[]>();
/** Facts for a county outside the sheet: everyone meets everything. */
function baselineCounty(agreement: Agreement, lanIndex: number): CountyFacts {
  let all = baselineCache.get(agreement);
  if (!all) {
    const county = meetingEntity(agreement, "county");
    const landsting = meetingEntity(agreement, "landsting");
    const kommun = meetingEntity(agreement, "kommun");
    all = LAN.map((l) => ({
      ...(county ? { county } : {}),
      ...(landsting ? { landsting } : {}),
      ...(kommun ? { kommuner: Object.fromEntries(l.kommuner.map((k) => [k, kommun])) } : {}),
    }));
    baselineCache.set(agreement, all);
  }
  return all[lanIndex];
}

/** The facts to evaluate: the sheet's counties as read, every other county at the baseline. */
export function withBaseline(agreement: Agreement, facts: Facts): Facts {
  const counties: Record<string, CountyFacts> = {};
  LAN.forEach((l, i) => {
    counties[l.code] = facts.counties[l.code] ?? baselineCounty(agreement, i);
  });
  return { ...facts, counties };
}

/** Pots with an amount column on a county sheet: the first-stage key is embedded. */
export function countyAmountPots(cols: SheetColumns): Pot[] {
  return cols.pots.filter((p) => !p.key || !p.key.input);
}

export function evaluateSheet(agreement: Agreement, facts: Facts): Evaluation {
  return evaluate(agreement, withBaseline(agreement, facts), { explain: false });
}

/** Where a row's results are in an Evaluation. */
export class SheetResults {
  private readonly recipients = new Map<string, RecipientResult>();
  constructor(readonly evaluation: Evaluation) {
    for (const r of evaluation.recipients) this.recipients.set(`${r.level}:${r.code}`, r);
  }

  recipient(level: "kommun" | "landsting", code: string): RecipientResult | undefined {
    return this.recipients.get(`${level}:${code}`);
  }

  amount(level: "kommun" | "landsting", code: string, pot: string): number {
    const p = this.recipient(level, code)?.pots.find((x) => x.pot === pot);
    return p ? Number(p.amount) : 0;
  }

  status(level: "kommun" | "landsting", code: string, pot: string): string {
    const p = this.recipient(level, code)?.pots.find((x) => x.pot === pot);
    return STATUS_TEXT[(p?.status ?? "not-applicable") as RecipientStatus];
  }

  gate(level: "kommun" | "landsting" | "lan", code: string): string {
    if (level === "lan") return gateText(this.evaluation.counties[code]?.gate ?? null);
    return gateText(this.recipient(level, code)?.gate ?? null);
  }

  unallocated(pot: string): number {
    return Number(this.evaluation.pots.find((p) => p.id === pot)?.unallocated ?? 0n);
  }

  allocated(pot: string): number {
    return Number(this.evaluation.pots.find((p) => p.id === pot)?.allocated ?? 0n);
  }

  potAmount(pot: string): number {
    return Number(this.evaluation.pots.find((p) => p.id === pot)?.amount ?? 0n);
  }
}

/** What the table functions need for one table: the rows read and the results. */
export interface TableComputation {
  read: ReadResult;
  /** Undefined when the table has errors (see `read.findings`). */
  results?: SheetResults;
}

const tableCache = new Map<string, TableComputation>();
const TABLE_CACHE_SIZE = 8;

/**
 * Reads and evaluates a table range (header row first), as a custom function
 * receives it. Excel calls the per-row formulas one by one with the same
 * range; the result is cached by the range's content, so the table is read
 * and evaluated once per change.
 */
export function computeTable(agreement: Agreement, grid: unknown[][] | (() => unknown[][]), sheet = "tabellen", contentKey?: string): TableComputation {
  const key = `${agreement.id}\u0000${contentKey ?? fingerprint(typeof grid === "function" ? grid() : grid)}`;
  const hit = tableCache.get(key);
  if (hit) return hit;
  const r = readAllocationSheet({ name: sheet, values: typeof grid === "function" ? grid() : grid }, { agreement, table: true });
  const blocking = r.findings.some((f) => f.severity === "fel");
  const out: TableComputation = { read: r, results: blocking ? undefined : new SheetResults(evaluateSheet(agreement, r.facts)) };
  if (tableCache.size >= TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value as string);
  tableCache.set(key, out);
  return out;
}

interface RawEntry {
  agreement: Agreement;
  rows: number;
  cols: number;
  flat: unknown[];
  comp: TableComputation;
}
const rawCache: RawEntry[] = [];

/**
 * Like computeTable for a range exactly as a custom function receives it:
 * the cache is looked up by comparing the cells one by one with the ranges
 * seen before (cheaper than hashing them; on a repeat call every cell is
 * equal), so Excel's many per-row calls with the same range cost one
 * evaluation and a scan each.
 */
export function computeTableRaw(agreement: Agreement, raw: readonly (readonly unknown[])[], normalise: () => unknown[][]): TableComputation {
  const rows = raw.length;
  const cols = rows ? raw[0].length : 0;
  for (const e of rawCache) {
    if (e.agreement !== agreement || e.rows !== rows || e.cols !== cols) continue;
    let same = true;
    let k = 0;
    for (let r = 0; r < rows && same; r++) {
      const row = raw[r];
      if (row.length !== cols) {
        same = false;
        break;
      }
      for (let c = 0; c < cols; c++, k++) {
        const a = row[c];
        const b = e.flat[k];
        if (a !== b && !(isBlankish(a) && isBlankish(b))) {
          same = false;
          break;
        }
      }
    }
    if (same) return e.comp;
  }
  const comp = computeTable(agreement, normalise, "tabellen", `raw\u0000${Math.random()}`);
  const flat: unknown[] = [];
  for (const row of raw) for (const v of row) flat.push(v);
  if (rawCache.length >= TABLE_CACHE_SIZE) rawCache.shift();
  rawCache.push({ agreement, rows, cols, flat, comp });
  return comp;
}

function isBlankish(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** A string that differs whenever any cell differs (type and value). */
export function fingerprint(grid: unknown[][]): string {
  const parts: string[] = [];
  for (const row of grid) {
    for (const v of row) {
      parts.push(v === null || v === undefined ? "" : typeof v === "string" ? `s${v}` : typeof v === "number" ? `n${v}` : typeof v === "boolean" ? (v ? "T" : "F") : `o${JSON.stringify(v)}`);
    }
    parts.push("\u0001");
  }
  return parts.join("\u0002");
}
