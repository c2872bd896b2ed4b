/**
 * One verdict per rule: GOAL_MET, GRUNDKRAV_MET and EXPLAIN in Excel can
 * never disagree with `evaluate` on the same answers. Random answers per
 * rule (fast-check) go both ways — as cells through the Excel host, and as
 * facts through the core's evaluation of the whole country — and the
 * verdicts and the rendered explanations must be identical.
 */
import fc from "fast-check";
import { compile } from "../../src/core/compile";
import { evaluate } from "../../src/core/evaluate";
import { AnswerValue, Facts } from "../../src/core/facts";
import { Criterion, Rule } from "../../src/core/model";
import { renderEvents } from "../../src/core/render";
import { TraceEvent } from "../../src/core/trace";
import { getAgreement } from "../../src/agreements";
import { Host, loadHost } from "./host";

type Level = "kommun" | "landsting" | "county";
/** A generated answer: its facts value and its cells (one row per input row, two columns). */
interface Gen {
  value: AnswerValue | undefined;
  cells: unknown[][];
}

/** A percent value as a cell text: 45 → "45 %". */
const pct = (n: number) => `${n} %`;

function answerArb(c: Criterion): fc.Arbitrary<Gen> {
  const missing = (rows: number): Gen => ({ value: undefined, cells: Array.from({ length: rows }, () => [null, null]) });
  switch (c.kind) {
    case "boolean":
      return fc.oneof(
        fc.boolean().map((b) => ({ value: b, cells: [[b, null]] })),
        fc.constant(missing(1)),
        ...(c.notApplicable ? [fc.constant<Gen>({ value: "ej aktuellt", cells: [["ej aktuellt", null]] })] : []),
      );
    case "share":
      return fc.oneof(
        fc.integer({ min: 1, max: 2000 }).chain((total) => fc.integer({ min: 0, max: total }).map((part) => ({ value: { part, total }, cells: [[part, total]] }))),
        fc.integer({ min: 0, max: 10000 }).map((h) => ({ value: `${(h / 100).toFixed(2).replace(".", ",")} %`, cells: [[`${(h / 100).toFixed(2).replace(".", ",")} %`, null]] })),
        fc.integer({ min: 0, max: 1000 }).map((m) => ({ value: m / 1000, cells: [[m / 1000, null]] })),
        fc.constant(missing(1)),
      );
    case "target-count":
      return fc.oneof(
        fc.integer({ min: 6400, max: 6600 }).map((n) => ({ value: n, cells: [[n, null]] })),
        fc.constant(missing(1)),
      );
    case "months-lower":
      return fc.oneof(
        fc.tuple(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: c.months, maxLength: c.months }), fc.array(fc.integer({ min: 0, max: 12 }), { minLength: c.months, maxLength: c.months })).map(([p, q]) => ({
          value: { previous: p, current: q },
          cells: p.map((x, i) => [x, q[i]]),
        })),
        fc.constant(missing(c.months)),
      );
    case "indicator-improvement": {
      const n = c.indicators.length;
      const list = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n });
      return fc.oneof(
        fc.tuple(list, list).map(([b, r]) => ({ value: { baseline: b, result: r }, cells: b.map((x, i) => [pct(x), pct(r[i])]) })),
        fc.constant(missing(n)),
      );
    }
  }
}

interface Case {
  agreement: string;
  rule: string;
  fn: "GOAL_MET" | "GRUNDKRAV_MET";
  /** Who answers, in county 01. */
  level: Level;
  recipient?: string;
}

const CASES: Case[] = [
  { agreement: "prio-2014", rule: "GK1", fn: "GRUNDKRAV_MET", level: "kommun" },
  { agreement: "prio-2014", rule: "GK2", fn: "GRUNDKRAV_MET", level: "landsting" },
  { agreement: "prio-2014", rule: "A1", fn: "GOAL_MET", level: "landsting" },
  { agreement: "prio-2014", rule: "A2", fn: "GOAL_MET", level: "landsting" },
  { agreement: "prio-2014", rule: "A3", fn: "GOAL_MET", level: "kommun" },
  { agreement: "prio-2014", rule: "B1", fn: "GOAL_MET", level: "landsting", recipient: "01" },
  { agreement: "prio-2014", rule: "B3", fn: "GOAL_MET", level: "kommun" },
  { agreement: "aldre-2014", rule: "GK1", fn: "GRUNDKRAV_MET", level: "county" },
  { agreement: "aldre-2014", rule: "PALL1", fn: "GOAL_MET", level: "kommun" },
  { agreement: "aldre-2014", rule: "PALL2", fn: "GOAL_MET", level: "kommun" },
  { agreement: "aldre-2014", rule: "SA-SABO", fn: "GOAL_MET", level: "kommun" },
  { agreement: "aldre-2014", rule: "LKM-NSAID", fn: "GOAL_MET", level: "county" },
  { agreement: "aldre-2014", rule: "UNDVIKBAR", fn: "GOAL_MET", level: "county" },
  { agreement: "aldre-2014", rule: "ABIC", fn: "GOAL_MET", level: "kommun" },
];

const KOMMUN = "0114";

/** Facts for county 01 only: the generated answers where each rule is answered. */
function factsFor(agreement: string, rules: readonly Rule[], answers: Map<string, Map<string, Gen>>, levelOf: (r: Rule) => Level): Facts {
  const county: Record<string, Record<string, AnswerValue>> = {};
  const landsting: Record<string, Record<string, AnswerValue>> = {};
  const kommun: Record<string, Record<string, AnswerValue>> = {};
  for (const r of rules) {
    const out: Record<string, AnswerValue> = {};
    for (const [cid, g] of answers.get(r.id)!) if (g.value !== undefined) out[cid] = g.value;
    ({ county, landsting, kommun })[levelOf(r)][r.id] = out;
  }
  return {
    format: "stimulans-facts",
    version: 1,
    agreement,
    counties: { "01": { county: { answers: county }, landsting: { answers: landsting }, kommuner: { [KOMMUN]: { answers: kommun } } } },
  };
}

/** The rule event and its criteria's events for one rule, from a list of events. */
function ruleBlock(events: readonly TraceEvent[], ruleId: string): TraceEvent[] {
  const i = events.findIndex((e) => e.kind === "rule" && e.rule === ruleId);
  if (i < 0) return [];
  const out = [events[i]];
  for (let j = i + 1; j < events.length && events[j].kind === "criterion" && (events[j] as { rule: string }).rule === ruleId; j++) out.push(events[j]);
  return out;
}

let host: Host;
beforeAll(async () => {
  host = await loadHost("source");
}, 60_000);
afterAll(() => host?.close());

describe.each(CASES)("$agreement $rule: Excel and evaluate agree", (c) => {
  const agreement = getAgreement(c.agreement);
  const compiled = compile(agreement);
  const rules = compiled.withRequired(c.rule);
  const levels = compiled.levels;
  const levelOf = (r: Rule): Level => {
    const l = levels.get(r.id)!;
    return l.includes(c.level) ? c.level : l.includes("landsting") ? "landsting" : l[0];
  };
  const arb = fc.tuple(...rules.map((r) => fc.tuple(...r.criteria.map((cr) => answerArb(cr)))));

  test("the same verdict and the same explanation, for random answers", () => {
    fc.assert(
      fc.property(arb, (generated) => {
        const answers = new Map(rules.map((r, i) => [r.id, new Map(r.criteria.map((cr, j) => [cr.id, generated[i][j]]))]));
        const cells = rules.flatMap((r) => r.criteria.flatMap((cr) => answers.get(r.id)!.get(cr.id)!.cells));
        const args = [c.agreement, c.rule, cells, ...(c.recipient ? [c.recipient] : [])];

        // Core path: evaluate the country, find the rule's events where they were answered.
        const ev = evaluate(agreement, factsFor(c.agreement, rules, answers, levelOf));
        const events = [
          ...ev.counties["01"].events,
          ...ev.recipients.find((r) => r.level === "landsting" && r.code === "01")!.events,
          ...ev.recipients.find((r) => r.level === "kommun" && r.code === KOMMUN)!.events,
        ];
        // Each rule's events where it was answered: the answering body's own events first.
        const own = (r: Rule) => {
          const l = levelOf(r);
          const first = l === "county" ? ev.counties["01"].events : ev.recipients.find((x) => x.level === l && x.code === (l === "kommun" ? KOMMUN : "01"))!.events;
          return [...first, ...events];
        };
        const blocks = rules.map((r) => ruleBlock(own(r), r.id));
        for (const b of blocks) expect(b.length).toBeGreaterThan(0);
        const verdicts = blocks.map((b) => b[0].applied);
        const core = verdicts.includes(false) ? false : verdicts.includes(null) ? null : true;

        // Excel path.
        const shown = host.call(c.fn, args);
        if (core === null) expect(shown).toMatchObject({ kind: "error", code: "#N/A" });
        else expect(shown).toEqual({ kind: "value", value: core });
        const text = host.value("EXPLAIN", ...args) as string;
        for (const b of blocks) for (const line of renderEvents(b)) expect(text).toContain(line);
      }),
      { numRuns: 12, seed: 2014 },
    );
  });
});
