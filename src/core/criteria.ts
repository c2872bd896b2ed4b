/**
 * Evaluating criteria and rules for one entity, with a Swedish explanation
 * for every step. Every criterion is evaluated (no short-circuit), so an
 * explanation lists all that failed and all that are missing.
 */
import { AnswerValue } from "./facts";
import { D, Dec, formatPercent, formatRate, parseScaled, pow10, Scaled, toCommonScale } from "./exact";
import { Agreement, Citation, Criterion, Rule, SEED_SHORT } from "./model";
import { comparisonText, meetsRatio, meetsShare, monthsLower, parseSeries } from "./thresholds";

/** One explained step of an evaluation (Catala-style: rule, inputs, verdict, source). */
export interface TraceStep {
  /** "<agreement>/<rule>[/<criterion>]" */
  rule: string;
  /** true = the rule applied / condition met; false = not; null = data missing. */
  applied: boolean | null;
  inputs?: Record<string, string | number | boolean>;
  threshold?: string;
  source?: Citation;
  /** Assumption ids in force for this step. */
  assumptions?: string[];
  /** Swedish sentence. */
  text: string;
}

export interface CriterionResult {
  id: string;
  label: string;
  met: boolean | null;
  step: TraceStep;
}

export interface RuleResult {
  ruleId: string;
  title: string;
  met: boolean | null;
  criteria: CriterionResult[];
  steps: TraceStep[];
}

/** "(004 §3.4.1)" */
export function cite(c: Citation | undefined): string {
  if (!c) return "";
  const sec = /^\d/.test(c.section) ? `§${c.section}` : `"${c.section}"`;
  return `(${SEED_SHORT[c.doc]} ${sec})`;
}

export function verdict(met: boolean | null): string {
  return met === true ? "uppfyllt" : met === false ? "inte uppfyllt" : "uppgift saknas";
}

/** Reads a share answer exactly as a ratio (Dec) plus text. */
export function shareValue(v: AnswerValue): { ratio: Dec; part?: Dec; total?: Dec; text: string } {
  if (typeof v === "object" && v !== null && "part" in v) {
    const part = new D(v.part);
    const total = new D(v.total);
    const ratio = part.div(total);
    return { ratio, part, total, text: `${v.part} av ${v.total} (${formatPercent(ratio)})` };
  }
  if (typeof v === "string") {
    const n = new D(v.replace("%", "").replace(",", ".").trim()).div(100);
    return { ratio: n, text: formatPercent(n) };
  }
  const r = new D(String(v));
  return { ratio: r, text: formatPercent(r) };
}

export interface CriterionContext {
  agreementId: string;
  ruleId: string;
  /** Build Swedish trace texts (false: verdicts only, for bulk evaluation). */
  explain?: boolean;
  /** Assumption values in force (id → option id). */
  assumptions: Record<string, string>;
}

/** Evaluates one criterion against one answer (undefined/null = missing). */
export function evaluateCriterion(c: Criterion, value: AnswerValue | null | undefined, ctx: CriterionContext): CriterionResult {
  const choices = choicesFor(c, ctx.assumptions);
  if (ctx.explain === false && (c.kind !== "indicator-improvement" || !choices.has("relative"))) {
    return { id: c.id, label: c.label, met: quickVerdict(c, value, choices), step: NO_STEP };
  }
  const rule = `${ctx.agreementId}/${ctx.ruleId}/${c.id}`;
  const src = cite(c.source);
  const base = { rule, source: c.source, assumptions: c.assumptions };
  if (value === undefined || value === null) {
    return { id: c.id, label: c.label, met: null, step: { ...base, applied: null, text: `${c.label}: uppgift saknas ${src}.` } };
  }
  switch (c.kind) {
    case "boolean": {
      const met = value === true;
      return {
        id: c.id,
        label: c.label,
        met,
        step: { ...base, applied: met, inputs: { svar: met }, text: `${c.label}: ${met ? "ja" : "nej"} ${src} → ${verdict(met)}.` },
      };
    }
    case "share": {
      const s = shareValue(value);
      const op = choices.has("more-than") ? ">" : c.op;
      const met = s.part && s.total ? meetsShare(s.part, s.total, c.threshold, op) : meetsRatio(s.ratio, c.threshold, op);
      const thr = `${comparisonText(op)} ${formatRate(c.threshold)}`;
      return {
        id: c.id,
        label: c.label,
        met,
        step: {
          ...base,
          applied: met,
          inputs: s.part ? { andel: s.part.toString() + "/" + s.total!.toString() } : { andel: s.ratio.toString() },
          threshold: thr,
          text: `${c.label}: ${s.text} ${met ? "" : "inte "}${thr} ${src} → ${verdict(met)}.`.replace("  ", " "),
        },
      };
    }
    case "months-lower": {
      const v = value as { previous: number[]; current: number[] };
      const n = monthsLower(v.previous, v.current);
      const exactly = choices.has("exactly");
      const met = exactly ? n === c.required : n >= c.required;
      return {
        id: c.id,
        label: c.label,
        met,
        step: {
          ...base,
          applied: met,
          inputs: { manaderLagre: n, manader: c.months },
          threshold: `${exactly ? "exakt" : "minst"} ${c.required} av ${c.months}`,
          text: `${c.label}: lägre än samma månad året innan i ${n} av ${c.months} månader (krav: ${exactly ? "exakt" : "minst"} ${c.required}; lika räknas inte som lägre) ${src} → ${verdict(met)}.`,
        },
      };
    }
    case "indicator-improvement":
      return improvement(c, value as { baseline: number[]; result: number[] }, ctx, base);
  }
}

const NO_CHOICES: ReadonlySet<string> = new Set();
const choiceCache = new WeakMap<Record<string, string>, Map<Criterion, ReadonlySet<string>>>();
/** The options in force for a criterion's assumptions (cached per evaluation). */
function choicesFor(c: Criterion, values: Record<string, string>): ReadonlySet<string> {
  if (!c.assumptions || c.assumptions.length === 0) return NO_CHOICES;
  let m = choiceCache.get(values);
  if (!m) choiceCache.set(values, (m = new Map()));
  let set = m.get(c);
  if (!set) m.set(c, (set = new Set(c.assumptions.map((a) => values[a]).filter((v): v is string => v !== undefined))));
  return set;
}

/** A shared placeholder when explanations are off. */
export const NO_STEP: TraceStep = Object.freeze({ rule: "", applied: null, text: "" }) as TraceStep;
const NO_STEPS: TraceStep[] = Object.freeze([]) as unknown as TraceStep[];

/** Verdict without explanation: exact integer comparisons, no decimal objects. */
function quickVerdict(c: Criterion, value: AnswerValue | null | undefined, choices: ReadonlySet<string>): boolean | null {
  if (value === undefined || value === null) return null;
  switch (c.kind) {
    case "boolean":
      return value === true;
    case "share": {
      const op = choices.has("more-than") ? ">" : c.op;
      const t = scaledConst(c.threshold);
      let num: bigint;
      let den: bigint;
      if (typeof value === "object" && "part" in value) {
        num = BigInt(value.part);
        den = BigInt(value.total);
      } else {
        const text = typeof value === "string" ? value.replace("%", "").replace(",", ".").trim() : value;
        const p = parseScaled(text)!.value;
        num = p.mantissa;
        den = pow10(p.scale + (typeof value === "string" ? 2 : 0));
      }
      // num/den ≥ t.m/10^t.s  ⇔  num·10^t.s ≥ t.m·den
      const lhs = num * pow10(t.scale);
      const rhs = t.mantissa * den;
      return op === ">=" ? lhs >= rhs : lhs > rhs;
    }
    case "months-lower": {
      const v = value as { previous: number[]; current: number[] };
      let n = 0;
      for (let i = 0; i < v.current.length; i++) if (v.current[i] < v.previous[i]) n++;
      return choices.has("exactly") ? n === c.required : n >= c.required;
    }
    case "indicator-improvement":
      return quickImprovement(c, value as { baseline: number[]; result: number[] }, choices);
  }
}

const constCache = new Map<string, Scaled>();
/** Data constants ("0.9", "10") parsed once. */
function scaledConst(text: string): Scaled {
  let v = constCache.get(text);
  if (!v) constCache.set(text, (v = parseScaled(text)!.value));
  return v;
}

/**
 * Percentage-point improvement decided with integers: every value is brought
 * to a common decimal scale, so sums and comparisons are exact.
 */
function quickImprovement(
  c: Extract<Criterion, { kind: "indicator-improvement" }>,
  v: { baseline: number[]; result: number[] },
  choices: ReadonlySet<string>,
): boolean {
  const n = c.indicators.length;
  const raw: Scaled[] = [];
  for (let i = 0; i < n; i++) raw.push(parseScaled(v.baseline[i])!.value, parseScaled(v.result[i])!.value);
  const min = scaledConst(c.minImprovement);
  const floor = c.hundredRule ? scaledConst(c.hundredRule.floor) : choices.has("both-tiers") ? scaledConst("10") : undefined;
  const alt = c.attainmentAlternative !== undefined ? scaledConst(c.attainmentAlternative) : undefined;
  const extra = [min, scaledConst("100"), ...(floor ? [floor] : []), ...(alt ? [alt] : [])];
  const all = toCommonScale([...raw, ...extra]);
  const minI = all[2 * n];
  const hundred = all[2 * n + 1];
  const floorI = floor ? all[2 * n + 2] : undefined;
  const altI = alt ? all[all.length - 1] : undefined;
  const strict = choices.has("more-than");
  const each = choices.has("each-indicator");
  let sumImp = 0n;
  let sumResult = 0n;
  let everyOk = true;
  for (let i = 0; i < n; i++) {
    const b = all[2 * i];
    const r = all[2 * i + 1];
    let imp = r - b;
    if (floorI !== undefined && r === hundred && imp < floorI) imp = floorI;
    sumImp += imp;
    sumResult += r;
    if (strict ? !(imp > minI) : imp < minI) everyOk = false;
  }
  const nb = BigInt(n);
  const improved = each ? everyOk : strict ? sumImp > minI * nb : sumImp >= minI * nb;
  if (improved) return true;
  return altI !== undefined && sumResult >= altI * nb;
}

function improvement(
  c: Extract<Criterion, { kind: "indicator-improvement" }>,
  v: { baseline: number[]; result: number[] },
  ctx: CriterionContext,
  base: { rule: string; source: Citation; assumptions?: string[] },
): CriterionResult {
  const baseline = parseSeries(v.baseline, "baseline");
  const result = parseSeries(v.result, "result");
  const relative = (c.assumptions ?? []).some((a) => ctx.assumptions[a] === "relative");
  const hundredAll = (c.assumptions ?? []).some((a) => ctx.assumptions[a] === "both-tiers");
  const hundredFloor = c.hundredRule?.floor ?? (hundredAll ? "10" : undefined);
  const parts: string[] = [];
  let sum = new D(0);
  const imps: Dec[] = [];
  let relativeUndefined = false;
  for (let i = 0; i < c.indicators.length; i++) {
    let imp: Dec;
    if (relative) {
      if (baseline[i].isZero()) {
        relativeUndefined = true;
        imp = new D(0);
      } else imp = result[i].minus(baseline[i]).div(baseline[i]).times(100);
    } else imp = result[i].minus(baseline[i]);
    let note = "";
    if (hundredFloor !== undefined && result[i].eq(100) && imp.lt(hundredFloor)) {
      imp = new D(hundredFloor);
      note = " (100 %-regeln)";
    }
    sum = sum.plus(imp);
    imps.push(imp);
    parts.push(`${c.indicators[i]} ${fmt(baseline[i])} → ${fmt(result[i])}: ${sign(imp)}${note}`);
  }
  const avg = sum.div(c.indicators.length);
  const unit = relative ? "%" : "procentenheter";
  const strict = (c.assumptions ?? []).some((a) => ctx.assumptions[a] === "more-than");
  const eachIndicator = (c.assumptions ?? []).some((a) => ctx.assumptions[a] === "each-indicator");
  const improvedMet = eachIndicator
    ? imps.every((x) => (strict ? x.gt(c.minImprovement) : x.gte(c.minImprovement)))
    : strict
      ? avg.gt(c.minImprovement)
      : avg.gte(c.minImprovement);
  let met = improvedMet;
  let altText = "";
  if (c.attainmentAlternative !== undefined) {
    const avgResult = result.reduce((s, x) => s.plus(x), new D(0)).div(result.length);
    const altMet = avgResult.gte(c.attainmentAlternative);
    met = improvedMet || altMet;
    altText = `; genomsnittlig måluppfyllelse ${fmt(avgResult)} % ${altMet ? "≥" : "<"} ${c.attainmentAlternative} %`;
  }
  if (relativeUndefined) {
    return {
      id: c.id,
      label: c.label,
      met: null,
      step: { ...base, applied: null, text: `${c.label}: relativ förbättring kan inte beräknas när ett utgångsvärde är 0 ${cite(c.source)}.` },
    };
  }
  return {
    id: c.id,
    label: c.label,
    met,
    step: {
      ...base,
      applied: met,
      inputs: { genomsnittligForbattring: avg.toDecimalPlaces(4).toString() },
      threshold: `≥ ${c.minImprovement} ${unit}${c.attainmentAlternative ? ` eller måluppfyllelse ≥ ${c.attainmentAlternative} %` : ""}`,
      text: `${c.label}: ${parts.join("; ")}. ${eachIndicator ? `Varje indikator ska förbättras ${strict ? ">" : "≥"} ${c.minImprovement} ${unit}: ${improvedMet ? "ja" : "nej"}` : `Genomsnittlig förbättring ${sign(avg)} ${unit} ${improvedMet ? (strict ? ">" : "≥") : strict ? "≤" : "<"} ${c.minImprovement}`}${altText} ${cite(c.source)} → ${verdict(met)}.`,
    },
  };
}

function fmt(d: Dec): string {
  return d.toDecimalPlaces(2).toString().replace(".", ",");
}

function sign(d: Dec): string {
  const t = fmt(d);
  return d.gt(0) ? `+${t}` : t;
}

/** Combines criterion verdicts: any false → false; else any null → null; else true. */
export function combine(values: (boolean | null)[]): boolean | null {
  if (values.some((v) => v === false)) return false;
  if (values.some((v) => v === null)) return null;
  return true;
}

/** Evaluates a rule for one entity from its answers for that rule. */
export function evaluateRule(
  rule: Rule,
  answers: Record<string, AnswerValue | null> | undefined,
  ctx: Omit<CriterionContext, "ruleId">,
): RuleResult {
  const cctx: CriterionContext = { ...ctx, ruleId: rule.id };
  const criteria: CriterionResult[] = new Array(rule.criteria.length);
  let met: boolean | null = true;
  for (let i = 0; i < rule.criteria.length; i++) {
    const c = rule.criteria[i];
    const r = evaluateCriterion(c, answers?.[c.id], cctx);
    criteria[i] = r;
    if (r.met === false) met = false;
    else if (r.met === null && met === true) met = null;
  }
  if (ctx.explain === false) return { ruleId: rule.id, title: rule.title, met, criteria, steps: NO_STEPS };
  const failed = criteria.filter((c) => c.met === false).map((c) => c.label);
  const missing = criteria.filter((c) => c.met === null).map((c) => c.label);
  let summary = `${rule.id} ${rule.title} ${cite(rule.source)}: ${verdict(met)}`;
  if (failed.length) summary += `; inte uppfyllt: ${failed.join(", ")}`;
  if (missing.length) summary += `; uppgift saknas: ${missing.join(", ")}`;
  const head: TraceStep = {
    rule: `${ctx.agreementId}/${rule.id}`,
    applied: met,
    source: rule.source,
    assumptions: rule.assumptions,
    text: summary + ".",
  };
  return { ruleId: rule.id, title: rule.title, met, criteria, steps: [head, ...criteria.map((c) => c.step)] };
}

/**
 * A goal together with the rules it needs, depth first without repeats: its
 * `requires` (e.g. A1 needs A-FORUTSATTNING) and, under a "both-required"
 * assumption, the other goals that share that assumption (A1 and A2).
 */
export function goalWithRequired(agreement: Agreement, rule: Rule, assumptionValues: Record<string, string> = {}): Rule[] {
  const all = [...agreement.requirements, ...agreement.goals];
  const out: Rule[] = [];
  const visit = (r: Rule) => {
    if (out.includes(r)) return;
    out.push(r);
    for (const id of r.requires ?? []) {
      const req = all.find((x) => x.id === id);
      if (req) visit(req);
    }
    for (const aid of r.assumptions ?? []) {
      if (assumptionValues[aid] !== "both-required") continue;
      for (const other of agreement.goals) if (other.assumptions?.includes(aid)) visit(other);
    }
  };
  visit(rule);
  return out;
}
