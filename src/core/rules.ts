/**
 * Verdicts of criteria and rules for one answering body, exactly, each with
 * its typed trace event. There is one computation: the Excel functions, the
 * evaluator and the validators all come here, so they cannot disagree.
 * Every criterion is evaluated (no short-circuit), so an explanation lists
 * every failure and every missing answer, not only the first.
 */
import { Level, criterionApplies } from "./compile";
import { StimError } from "./errors";
import { Answer } from "./facts";
import { cmp, difference, div, Fraction, frac, fromDecimal, meets, mul, sub, ZERO } from "./fraction";
import { Criterion, ImprovementCriterion, Rule } from "./model";
import { CriterionEvent, CriterionValue, RuleEvent, TraceEvent, Verdict } from "./trace";

export interface RuleResult {
  rule: Rule;
  met: Verdict;
  event: RuleEvent;
  /** The rule event followed by its criteria's events (one per criterion evaluated). */
  events: TraceEvent[];
}

export interface RuleContext {
  /** The answering body's population (target figures are computed from it). */
  population?: bigint;
  /** The answering level: criteria that do not apply to it are skipped. */
  level?: Level;
}

const constants = new Map<string, Fraction>();
/** A decimal constant from the data, parsed once. */
function k(text: string): Fraction {
  let f = constants.get(text);
  if (!f) constants.set(text, (f = fromDecimal(text)));
  return f;
}

/** Two verdicts combined: false wins, then missing (null), then true. */
export function and(a: Verdict, b: Verdict): Verdict {
  return a === false || b === false ? false : a === null || b === null ? null : true;
}

/** Combines verdicts: any false → false; else any null → null; else true. */
export function combine(values: readonly Verdict[]): Verdict {
  let out: Verdict = true;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) out = null;
  }
  return out;
}

/** How many months `current` is strictly lower than `previous` (equal is not lower). */
export function countLower(previous: readonly Fraction[], current: readonly Fraction[]): number {
  if (previous.length !== current.length) {
    throw new StimError(`previous och current har olika längd (${previous.length} mot ${current.length} månader).`, "current");
  }
  let n = 0;
  for (let i = 0; i < current.length; i++) if (cmp(current[i], previous[i]) < 0) n++;
  return n;
}

function value(c: Criterion, a: Answer, ctx: RuleContext): { met: Verdict; value: CriterionValue } {
  switch (c.kind) {
    case "boolean": {
      if (a.kind === "not-applicable") return c.notApplicable === "met" ? NA_MET : NA_NOT_MET;
      return a.kind === "boolean" && a.value ? YES : NO;
    }
    case "share": {
      if (a.kind !== "share") break;
      const met = meets(a.value, c.op, k(c.threshold));
      return { met, value: { type: "share", value: a.value, counts: a.counts, threshold: c.threshold, op: c.op } };
    }
    case "target-count": {
      if (a.kind !== "count") break;
      let target = a.target;
      let population: bigint | null = null;
      if (!target) {
        if (ctx.population === undefined) {
          throw new StimError(`${c.label}: målsiffran räknas ur folkmängden, som inte är känd här; ange mottagarens kod.`, c.id);
        }
        population = ctx.population;
        target = mul(k(c.rate), frac(population));
      }
      const met = meets(frac(a.count), c.op, mul(k(c.threshold), target));
      return { met, value: { type: "target-count", count: a.count, target, population, rate: c.rate, threshold: c.threshold, op: c.op } };
    }
    case "months-lower": {
      if (a.kind !== "months") break;
      const lower = countLower(a.previous, a.current);
      const match = c.match ?? "at-least";
      const met = match === "exactly" ? lower === c.required : lower >= c.required;
      return { met, value: { type: "months-lower", lower, months: c.months, required: c.required, match } };
    }
    case "indicator-improvement":
      if (a.kind !== "indicators") break;
      return improvement(c, a.baseline, a.result);
  }
  throw new StimError(`${c.label}: svaret har fel form för kriteriet.`, c.id);
}

const HUNDRED: Fraction = { n: 100n, d: 1n };

function improvement(c: ImprovementCriterion, baseline: Fraction[], result: Fraction[]): { met: Verdict; value: CriterionValue } {
  const unit = c.unit ?? "points";
  const basis = c.basis ?? "average";
  const op = c.op ?? ">=";
  const min = k(c.minImprovement);
  const floor = c.hundredRule ? k(c.hundredRule.floor) : undefined;
  const count = c.indicators.length;
  const indicators: Extract<CriterionValue, { type: "improvement" }>["indicators"] = new Array(count);
  // The sums of improvements and of results as numerator/denominator pairs
  // (the same values `add` would give, without a fraction per step).
  let sumN = 0n;
  let sumD = 1n;
  let resN = 0n;
  let resD = 1n;
  let undefinedRelative = false;
  let every = true;
  for (let i = 0; i < count; i++) {
    const b = baseline[i];
    const r = result[i];
    let imp: Fraction;
    if (unit === "relative") {
      if (b.n === 0n) {
        undefinedRelative = true;
        imp = ZERO;
      } else imp = mul(div(sub(r, b), b), HUNDRED);
    } else imp = difference(r, b);
    let hundredRule = false;
    if (floor && cmp(r, HUNDRED) === 0 && cmp(imp, floor) < 0) {
      imp = floor;
      hundredRule = true;
    }
    if (!meets(imp, op, min)) every = false;
    if (sumD === imp.d) sumN += imp.n;
    else {
      sumN = sumN * imp.d + imp.n * sumD;
      sumD *= imp.d;
    }
    if (resD === r.d) resN += r.n;
    else {
      resN = resN * r.d + r.n * resD;
      resD *= r.d;
    }
    indicators[i] = { name: c.indicators[i], baseline: b, result: r, improvement: imp, hundredRule };
  }
  const n = BigInt(count);
  const average = frac(sumN, sumD * n);
  const improved = basis === "each" ? every : meets(average, op, min);
  let met: Verdict = improved;
  let attainment: { average: Fraction; level: string; met: boolean } | undefined;
  if (c.attainmentAlternative !== undefined) {
    const avgResult = frac(resN, resD * n);
    const altMet = meets(avgResult, ">=", k(c.attainmentAlternative));
    attainment = { average: avgResult, level: c.attainmentAlternative, met: altMet };
    met = improved || altMet;
  }
  if (undefinedRelative) met = null;
  return {
    met,
    value: { type: "improvement", indicators, average, min: c.minImprovement, unit, basis, op, improved, attainment, undefinedRelative },
  };
}

const MISSING: CriterionValue = Object.freeze({ type: "missing" }) as CriterionValue;
// Shared results for the common yes/no answers (values are never mutated).
const YES = Object.freeze({ met: true, value: Object.freeze({ type: "boolean", answer: true }) as CriterionValue });
const NO = Object.freeze({ met: false, value: Object.freeze({ type: "boolean", answer: false }) as CriterionValue });
const NA_MET = Object.freeze({ met: true, value: Object.freeze({ type: "not-applicable", countsAsMet: true }) as CriterionValue });
const NA_NOT_MET = Object.freeze({ met: false, value: Object.freeze({ type: "not-applicable", countsAsMet: false }) as CriterionValue });

/** Evaluates one criterion against one answer (undefined/null = missing): its event, verdict in `applied`. */
export function evaluateCriterion(c: Criterion, ruleId: string, answer: Answer | null | undefined, ctx: RuleContext = {}): CriterionEvent {
  let met: Verdict = null;
  let v: CriterionValue = MISSING;
  if (answer !== undefined && answer !== null) {
    const r = value(c, answer, ctx);
    met = r.met;
    v = r.value;
  }
  return { kind: "criterion", applied: met, rule: ruleId, criterion: c.id, label: c.label, value: v, source: c.source, assumptions: c.assumptions };
}

/** No failed or missing criteria (shared, never mutated). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Evaluates a rule for one body from its answers for that rule. */
export function evaluateRule(rule: Rule, answers: ReadonlyMap<string, Answer | null> | undefined, ctx: RuleContext = {}): RuleResult {
  // Sized once: the rule event, then one event per criterion (trimmed below if some do not apply).
  const events: TraceEvent[] = new Array(rule.criteria.length + 1);
  let n = 1;
  let failed: string[] = NONE;
  let missing: string[] = NONE;
  let met: Verdict = true;
  for (const c of rule.criteria) {
    if (c.appliesTo && ctx.level && !criterionApplies(c, ctx.level)) continue;
    const r = evaluateCriterion(c, rule.id, answers?.get(c.id), ctx);
    events[n++] = r;
    if (r.applied === false) {
      met = false;
      if (failed === NONE) failed = [];
      failed.push(c.label);
    } else if (r.applied === null) {
      if (met === true) met = null;
      if (missing === NONE) missing = [];
      missing.push(c.label);
    }
  }
  const event: RuleEvent = {
    kind: "rule",
    applied: met,
    rule: rule.id,
    title: rule.title,
    failed,
    missing,
    source: rule.source,
    assumptions: rule.assumptions,
  };
  events[0] = event;
  if (n < events.length) events.length = n;
  return { rule, met, event, events };
}
