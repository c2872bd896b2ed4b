/**
 * A number typed below a threshold stays below it, on every face (issue 15).
 * Random decimal strings near each share threshold — 10^-20 and less below
 * and above the line, with many digits, a decimal comma or point, with or
 * without "%" — go through:
 * - JSON facts text → parseFactsJson → evaluate;
 * - sheet cell text → the sheet reader → evaluate;
 * - the custom functions: GOAL_MET (the inputs range) and ALLOCATION_STATUS
 *   (the sheet's table range), through the Excel host;
 * and every verdict must equal an independent exact comparison (decimal.js).
 * A number that really is a double (a numeric cell, a number Excel passes)
 * is what Excel shows: its shortest round-trip decimal, on every face alike.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { compile } from "../../src/core/compile";
import { evaluate } from "../../src/core/evaluate";
import { Facts, parseFactsJson } from "../../src/core/facts";
import { Criterion, Rule } from "../../src/core/model";
import { CriterionEvent } from "../../src/core/trace";
import { getAgreement } from "../../src/agreements";
import { readAllocationSheet } from "../../src/sheets";
import { sheetColumns } from "../../src/sheets/columns";
import { buildAllocationSheet } from "../../src/sheets/layout";
import { allMet } from "../support/facts";
import { Host, loadHost } from "./host";

interface Line {
  agreement: string;
  rule: string;
  criterion: string;
  level: "landsting" | "kommun";
  code: string;
  lan: string;
}

/** Every share threshold the functions and the sheet take, at the level that answers it. */
const LINES: Line[] = [
  { agreement: "prio-2014", rule: "A1", criterion: "forsta-bedomning-30-dagar", level: "landsting", code: "01", lan: "01" },
  { agreement: "prio-2014", rule: "A2", criterion: "fordjupad-30-dagar", level: "landsting", code: "01", lan: "01" },
  { agreement: "prio-2014", rule: "B1", criterion: "lakemedelsuppfoljning", level: "landsting", code: "01", lan: "01" },
  { agreement: "aldre-2014", rule: "PALL1", criterion: "tackningsgrad", level: "kommun", code: "0114", lan: "01" },
  { agreement: "aldre-2014", rule: "SA-SABO", criterion: "riskbedomning", level: "kommun", code: "0114", lan: "01" },
];

/** A value near a threshold, written as a user might write it. */
interface Written {
  /** The exact value meant (a share 0–1). */
  exact: Decimal;
  /** Cell text, as typed: "89,99999999999999999 %", "0.8999…", "0,9". */
  text: string;
  /** The JSON literal for the facts file: a number (point) or a "… %" string. */
  json: string;
}

function written(value: Decimal, percent: boolean, comma: boolean, space: boolean): Written {
  const body = (percent ? value.times(100) : value).toFixed(); // exact: a power of ten never rounds
  const shown = comma ? body.replace(".", ",") : body;
  const text = percent ? `${shown}${space ? " " : ""}%` : shown;
  return { exact: value, text, json: percent ? JSON.stringify(text) : body };
}

/** Offsets from the line: ±10^-k (k 17–25), ± random many-digit tails, and 0 (the line itself). */
const offset = fc.oneof(
  fc.integer({ min: 17, max: 25 }).chain((k) => fc.constantFrom(new Decimal(10).pow(-k), new Decimal(10).pow(-k).neg())),
  fc
    .tuple(fc.stringMatching(/^[1-9][0-9]{0,20}$/), fc.integer({ min: 20, max: 40 }), fc.boolean())
    .map(([digits, k, neg]) => new Decimal(`${neg ? "-" : ""}${digits}e-${k}`)),
  fc.constant(new Decimal(0)),
);

const nearLine = (threshold: string) =>
  fc.tuple(offset, fc.boolean(), fc.boolean(), fc.boolean()).map(([d, percent, comma, space]) => written(new Decimal(threshold).plus(d), percent, comma, space));

/** The rule's criterion verdict for the answering body, from an evaluation. */
function verdictOf(ev: ReturnType<typeof evaluate>, line: Line): boolean | null {
  const r = ev.recipients.find((x) => x.level === line.level && x.code === line.code)!;
  const e = r.events.find((x): x is CriterionEvent => x.kind === "criterion" && x.rule === line.rule && x.criterion === line.criterion);
  if (!e) throw new Error(`no verdict for ${line.rule}.${line.criterion}`);
  return e.applied;
}

/** Facts where everything is met and the line's answer is `value` (set after the JSON round trip). */
function baseFacts(line: Line): Facts {
  const f = allMet(line.agreement);
  const cf = (f.counties[line.lan] ??= {});
  const ef = line.level === "landsting" ? (cf.landsting ??= {}) : ((cf.kommuner ??= {})[line.code] ??= {});
  const answers = (ef.answers ??= {});
  (answers[line.rule] ??= {})[line.criterion] = "__VALUE__";
  return f;
}

/** Face 1: JSON facts text with the literal as written. */
function viaJson(line: Line, w: Written): boolean | null {
  const text = JSON.stringify(baseFacts(line)).replace('"__VALUE__"', w.json);
  return verdictOf(evaluate(getAgreement(line.agreement), parseFactsJson(text)), line);
}

const sheets = new Map<Line, ReturnType<typeof buildSheet>>();
/** The county sheet built from the met facts, with the line's cell located (built once per line). */
function sheetFor(line: Line) {
  let s = sheets.get(line);
  if (!s) sheets.set(line, (s = buildSheet(line)));
  return s;
}

function buildSheet(line: Line) {
  const agreement = getAgreement(line.agreement);
  const cols = sheetColumns(agreement);
  const facts = baseFacts(line);
  const { sheet, geometry } = buildAllocationSheet(agreement, cols, { county: line.lan, facts: JSON.parse(JSON.stringify(facts).replace('"__VALUE__"', "1")) });
  const col = cols.inputs.find((c) => c.target.type === "answer" && c.target.rule === line.rule && c.target.criterion === line.criterion)!;
  const colIndex = geometry.columns.get(col.id)!;
  const rowIndex = geometry.firstDataRow + geometry.rows.findIndex((r) => r.level === line.level && r.code === line.code);
  const values: unknown[][] = sheet.cells.map((r) => r.map((c) => (c ? (c.formula !== undefined ? (c.cached ?? null) : (c.value ?? null)) : null)));
  const formulas = sheet.cells.map((r) => r.map((c) => c?.formula ?? null));
  return { agreement, sheet, geometry, values, formulas, rowIndex, colIndex };
}

/** Face 2: the cell in the sheet, read back by the sheet reader, evaluated. */
function viaSheet(line: Line, cell: unknown): boolean | null {
  const s = sheetFor(line);
  const values = s.values.map((r) => [...r]);
  values[s.rowIndex][s.colIndex] = cell;
  const read = readAllocationSheet({ name: s.sheet.name, values, formulas: s.formulas });
  const errors = read.findings.filter((f) => f.severity === "fel");
  if (errors.length) throw new Error(errors.map((f) => f.message).join("; "));
  return verdictOf(evaluate(s.agreement, read.facts), line);
}

/** A met answer for a criterion as input cells (one row per input row, two columns). */
function metCells(c: Criterion): unknown[][] {
  switch (c.kind) {
    case "boolean":
      return [[true, null]];
    case "share":
      return [[1, 1]];
    case "target-count":
      return [[1_000_000_000, c.target === "input" ? 1 : null]];
    case "months-lower":
      return Array.from({ length: c.months }, () => [1, 0]);
    case "indicator-improvement":
      return c.indicators.map(() => ["0 %", "100 %"]);
  }
}

/** Face 3a: GOAL_MET with the answer typed in its cell (the rest met). */
function viaGoalMet(host: Host, line: Line, cell: unknown): boolean | null {
  const rules: readonly Rule[] = compile(getAgreement(line.agreement)).withRequired(line.rule);
  const cells = rules.flatMap((r) => r.criteria.flatMap((c) => (r.id === line.rule && c.id === line.criterion ? [[cell, null]] : metCells(c))));
  const args = [line.agreement, line.rule, cells, ...(line.rule === "B1" ? [line.lan] : [])];
  const shown = host.call("GOAL_MET", args);
  if (shown.kind === "error") throw new Error(`GOAL_MET: ${shown.code} ${shown.message}`);
  return shown.value as boolean;
}

/** Face 3b: ALLOCATION_STATUS over the sheet's table range, the cell changed. */
function viaStatus(host: Host, line: Line, cell: unknown): string {
  const s = sheetFor(line);
  const g = s.geometry;
  const table = s.values.slice(g.headerRow, g.lastDataRow + 1).map((r) => {
    const row: unknown[] = r.slice(0, g.lastTableColumn + 1).map((v) => (v === null || v === undefined ? "" : v));
    while (row.length < g.lastTableColumn + 1) row.push("");
    return row;
  });
  table[s.rowIndex - g.headerRow] = [...table[s.rowIndex - g.headerRow]];
  table[s.rowIndex - g.headerRow][s.colIndex] = cell;
  return host.value("ALLOCATION_STATUS", line.agreement, table, s.rowIndex - g.headerRow, line.rule) as string;
}

let host: Host;
beforeAll(async () => {
  host = await loadHost("source");
}, 60_000);
afterAll(() => host?.close());

describe.each(LINES)("$agreement $rule $criterion: one verdict on every face, the exact one", (line) => {
  const agreement = getAgreement(line.agreement);
  const criterion = compile(agreement).rules.get(line.rule)!.criteria.find((c) => c.id === line.criterion)!;
  if (criterion.kind !== "share") throw new Error("a share criterion");
  const threshold = new Decimal(criterion.threshold);
  const meets = (x: Decimal) => (criterion.op === ">=" ? x.gte(threshold) : x.gt(threshold));
  let statusMet: string;
  let statusNotMet: string;
  beforeAll(() => {
    statusMet = viaStatus(host, line, "1");
    statusNotMet = viaStatus(host, line, "0");
  });

  test("the two statuses differ, so a status tells the verdict", () => {
    expect(statusMet).not.toBe(statusNotMet);
  });

  test("typed text near the line: JSON, sheet, GOAL_MET and ALLOCATION_STATUS agree with the exact comparison", () => {
    fc.assert(
      fc.property(nearLine(criterion.threshold), (w) => {
        const expected = meets(w.exact);
        expect([w.text, viaJson(line, w)]).toEqual([w.text, expected]);
        expect([w.text, viaSheet(line, w.text)]).toEqual([w.text, expected]);
        expect([w.text, viaGoalMet(host, line, w.text)]).toEqual([w.text, expected]);
        expect([w.text, viaStatus(host, line, w.text)]).toEqual([w.text, expected ? statusMet : statusNotMet]);
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  test("a number cell is the double Excel shows (its shortest round-trip decimal), on every face alike", () => {
    fc.assert(
      fc.property(nearLine(criterion.threshold), (w) => {
        const x = w.exact.toNumber();
        const expected = meets(new Decimal(String(x)));
        expect([x, viaJson(line, { exact: w.exact, text: String(x), json: String(x) })]).toEqual([x, expected]);
        expect([x, viaSheet(line, x)]).toEqual([x, expected]);
        expect([x, viaGoalMet(host, line, x)]).toEqual([x, expected]);
        expect([x, viaStatus(host, line, x)]).toEqual([x, expected ? statusMet : statusNotMet]);
      }),
      { numRuns: 10, seed: 2014 },
    );
  });
});

describe("the issue's example on every face: A1 needs at least 90 %", () => {
  const line = LINES[0];
  test.each([
    ["89,99999999999999999 %", false],
    ["89.99999999999999999%", false],
    ["0,89999999999999999999", false],
    ["90 %", true],
    ["0,9", true],
    ["90,00000000000000001 %", true],
  ])("%p → %p in JSON facts, the sheet, GOAL_MET and ALLOCATION_STATUS", (text, met) => {
    const json = text.includes("%") ? JSON.stringify(text) : text.replace(",", ".");
    expect(viaJson(line, { exact: new Decimal(0), text, json })).toBe(met);
    expect(viaSheet(line, text)).toBe(met);
    expect(viaGoalMet(host, line, text)).toBe(met);
    expect(viaStatus(host, line, text)).toBe(met ? viaStatus(host, line, "1") : viaStatus(host, line, "0"));
  });
});
