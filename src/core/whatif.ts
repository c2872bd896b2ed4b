/**
 * What-if ("Tänk om"): change one thing in a scenario's facts — a recipient
 * meets a requirement or not, reaches a goal or not, has another key value —
 * evaluate again, and say exactly where the money went.
 *
 * Three parts, all pure:
 * - facts edits (`withRuleOutcome`, `withKey`): a new facts object, the
 *   original untouched;
 * - `diffEvaluations`: the change per recipient, per county and for the
 *   unallocated and organisation amounts, in whole kronor; every krona that
 *   leaves someone arrives somewhere (checked);
 * - `whatIfSentence`: one Swedish line, exact to the krona.
 *
 * Only the evaluations' amounts are read (recipients, pots, totals); the
 * verdicts are the evaluator's.
 */
import { InvariantError, StimError } from "./errors";
import { formatInt, formatKr } from "./format";
import type { Evaluation } from "./evaluate";
import type { AnswerValue, EntityFacts, Facts } from "./facts";
import type { Agreement, Criterion, Rule } from "./model";
import { getLan } from "../reference";

// ---------------------------------------------------------------------------
// Facts edits.

/** Whose facts to change: a kommun, a landsting or a county (län). */
export interface FactsTarget {
  level: "kommun" | "landsting" | "county";
  /** Länskod (two digits). */
  lan: string;
  /** Kommunkod for a kommun; the länskod for a landsting or county. */
  code: string;
}

/**
 * An answer that clearly meets (or clearly misses) a criterion, far from its
 * threshold, so that the verdict does not hang on an assumption about the
 * edge (≥ or >, percentage points or relative change).
 */
export function clearAnswer(c: Criterion, meets: boolean): AnswerValue {
  switch (c.kind) {
    case "boolean":
      return meets;
    case "share":
      // 100 % meets every threshold below 1 with ≥ and >; 0 % misses every one above 0.
      return meets ? { part: 1000, total: 1000 } : { part: 0, total: 1000 };
    case "target-count":
      // Ten million is more than any county's inhabitants, so it reaches every share of a target
      // figure computed from them; with a target entered beside the count, 1 is the target.
      if (c.target === "input") return meets ? { part: 1000, total: 1 } : { part: 0, total: 1 };
      return { part: meets ? 10_000_000 : 0 };
    case "months-lower": {
      const previous = Array.from({ length: c.months }, () => 100);
      // Lower in exactly the required months (which meets "at least" and "exactly" alike), or in none
      // (equal is not lower).
      return { previous, current: previous.map((p, m) => (meets && m < c.required ? p - 10 : p)) };
    }
    case "indicator-improvement": {
      // From 10 % to 100 %: +90 points and +900 %; or stuck at 1 %: no
      // improvement, and an average result far below any attainment level.
      const n = c.indicators.length;
      return meets
        ? { baseline: Array.from({ length: n }, () => 10), result: Array.from({ length: n }, () => 100) }
        : { baseline: Array.from({ length: n }, () => 1), result: Array.from({ length: n }, () => 1) };
    }
  }
}

/** The answers to every criterion of `rule` that clearly meet it or clearly miss it. */
export function ruleAnswers(rule: Rule, meets: boolean): Record<string, AnswerValue> {
  return Object.fromEntries(rule.criteria.map((c) => [c.id, clearAnswer(c, meets)]));
}

function levelOfTarget(t: FactsTarget): Rule["level"] {
  return t.level === "county" ? "lan" : t.level;
}

/** A copy of `facts` whose entity `target` has been changed by `edit` (nothing else is copied deeper than needed). */
function editEntity(facts: Facts, target: FactsTarget, edit: (e: EntityFacts) => EntityFacts): Facts {
  if (!getLan(target.lan)) throw new StimError(`Okänd länskod "${target.lan}".`, "lan");
  const county = { ...(facts.counties[target.lan] ?? {}) };
  if (target.level === "kommun") {
    const kommuner = { ...(county.kommuner ?? {}) };
    kommuner[target.code] = edit({ ...(kommuner[target.code] ?? {}) });
    county.kommuner = kommuner;
  } else if (target.level === "landsting") {
    county.landsting = edit({ ...(county.landsting ?? {}) });
  } else {
    county.county = edit({ ...(county.county ?? {}) });
  }
  return { ...facts, counties: { ...facts.counties, [target.lan]: county } };
}

/**
 * Facts in which `target` meets (or misses) each rule in `ruleIds`.
 * Meeting a goal also meets the rules it requires (its prerequisites):
 * answered by the same body, or by the county's landsting or the county
 * itself (aldre-2014's county goals require a landsting report). Missing a
 * goal changes only the goal itself, so that a prerequisite shared with
 * other goals keeps its answer.
 */
export function withRuleOutcome(agreement: Agreement, facts: Facts, target: FactsTarget, ruleIds: readonly string[], meets: boolean): Facts {
  const rules = [...agreement.requirements, ...agreement.goals];
  const level = levelOfTarget(target);
  const edits: { target: FactsTarget; rule: Rule }[] = [];
  const add = (t: FactsTarget, rule: Rule) => {
    if (!edits.some((e) => e.rule === rule && e.target.level === t.level && e.target.code === t.code)) edits.push({ target: t, rule });
  };
  for (const id of ruleIds) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new StimError(`Okänt grundkrav eller mål "${id}" i ${agreement.id}.`, "rule");
    if (rule.level !== level) throw new StimError(`${id} besvaras inte av en ${level === "lan" ? "län" : level}.`, "rule");
    add(target, rule);
    if (!meets) continue;
    for (const req of rule.requires ?? []) {
      const r = rules.find((x) => x.id === req);
      if (!r) continue;
      if (r.level === level) add(target, r);
      else if (r.level === "landsting") add({ level: "landsting", lan: target.lan, code: target.lan }, r);
      else if (r.level === "lan") add({ level: "county", lan: target.lan, code: target.lan }, r);
    }
  }
  let out = facts;
  for (const e of edits) {
    out = editEntity(out, e.target, (x) => ({ ...x, answers: { ...(x.answers ?? {}), [e.rule.id]: ruleAnswers(e.rule, meets) } }));
  }
  return out;
}

/** Facts in which `target` has `value` for key `keyId` (an input key, or "population" to override the embedded figure). */
export function withKey(facts: Facts, target: FactsTarget, keyId: string, value: number): Facts {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StimError(`Nyckeln ${keyId} måste vara ett heltal ≥ 0 (fick ${String(value)}).`, `keys.${keyId}`);
  }
  return editEntity(facts, target, (e) => ({ ...e, keys: { ...(e.keys ?? {}), [keyId]: value } }));
}

// ---------------------------------------------------------------------------
// The difference between two evaluations.

export interface AmountChange {
  before: bigint;
  after: bigint;
  /** after − before */
  delta: bigint;
}

export interface RecipientChange extends AmountChange {
  level: "kommun" | "landsting";
  code: string;
  name: string;
  lan: string;
}

export interface CountyChange extends AmountChange {
  lan: string;
  name: string;
}

export interface PotChange {
  id: string;
  title: string;
  allocated: AmountChange;
  unallocated: AmountChange;
}

export interface WhatIfDiff {
  agreement: string;
  /** Recipients whose total changed, largest change first (then by code). */
  recipients: RecipientChange[];
  /** Counties whose recipients' total changed, largest change first. */
  counties: CountyChange[];
  /** Pots whose allocation changed, in the agreement's order. */
  pots: PotChange[];
  /** What no recipient receives (a pot nobody reaches, a share not paid), inside and outside the total. */
  unallocated: AmountChange;
  /** What goes to organisations (SKL, registers …), not to kommuner or landsting. */
  organisations: AmountChange;
  /** Kronor that changed hands: the sum of all increases, which equals the sum of all decreases. */
  moved: bigint;
}

const change = (before: bigint, after: bigint): AmountChange => ({ before, after, delta: after - before });
const abs = (n: bigint) => (n < 0n ? -n : n);
const byDeltaThenCode = <T extends { delta: bigint }>(key: (x: T) => string) => (a: T, b: T) =>
  abs(b.delta) > abs(a.delta) ? 1 : abs(b.delta) < abs(a.delta) ? -1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** What a recipient receives: inside the agreement's total and outside it (money another payer, e.g. Socialstyrelsen, distributes by the agreement). */
const received = (r: Evaluation["recipients"][number]) => r.total + r.outside;
const outsideAllocated = (e: Evaluation) => e.outside.reduce((s, o) => s + o.allocated, 0n);
const outsideUnallocated = (e: Evaluation) => e.outside.reduce((s, o) => s + o.unallocated, 0n);

/**
 * Where the money moved between `before` and `after` (two evaluations of one
 * agreement), counting what recipients receive inside the agreement's total
 * and outside it.
 */
export function diffEvaluations(before: Evaluation, after: Evaluation): WhatIfDiff {
  if (before.agreement !== after.agreement) {
    throw new StimError(`Kan inte jämföra ${before.agreement} med ${after.agreement}: välj samma överenskommelse.`, "agreement");
  }
  const id = (r: { level: string; code: string }) => `${r.level}:${r.code}`;
  const afterById = new Map(after.recipients.map((r) => [id(r), r]));
  const recipients: RecipientChange[] = [];
  const counties = new Map<string, CountyChange>();
  let recipientsBefore = 0n;
  let recipientsAfter = 0n;
  for (const b of before.recipients) {
    const a = afterById.get(id(b));
    if (!a) throw new InvariantError(`${id(b)} saknas i den nya beräkningen`);
    afterById.delete(id(b));
    recipientsBefore += received(b);
    recipientsAfter += received(a);
    const c = change(received(b), received(a));
    let county = counties.get(b.lan);
    if (!county) {
      county = { lan: b.lan, name: getLan(b.lan)?.name ?? b.lan, before: 0n, after: 0n, delta: 0n };
      counties.set(b.lan, county);
    }
    county.before += c.before;
    county.after += c.after;
    county.delta += c.delta;
    if (c.delta !== 0n) recipients.push({ level: b.level, code: b.code, name: b.name, lan: b.lan, ...c });
  }
  if (afterById.size > 0) throw new InvariantError(`${[...afterById.keys()].join(", ")} saknas i den första beräkningen`);

  const potsAfter = new Map(after.pots.map((p) => [p.id, p]));
  const pots: PotChange[] = [];
  for (const p of before.pots) {
    const q = potsAfter.get(p.id);
    if (!q) throw new InvariantError(`potten ${p.id} saknas i den nya beräkningen`);
    if (p.allocated !== q.allocated || p.unallocated !== q.unallocated) {
      pots.push({ id: p.id, title: p.title, allocated: change(p.allocated, q.allocated), unallocated: change(p.unallocated, q.unallocated) });
    }
  }

  const unallocated = change(before.unallocated + outsideUnallocated(before), after.unallocated + outsideUnallocated(after));
  const organisations = change(before.allocated + outsideAllocated(before) - recipientsBefore, after.allocated + outsideAllocated(after) - recipientsAfter);
  if (organisations.before < 0n || organisations.after < 0n) {
    throw new InvariantError(`${before.agreement}: mottagarna får mer än vad som fördelats`);
  }
  const deltas = [...recipients.map((r) => r.delta), unallocated.delta, organisations.delta];
  const gains = deltas.filter((d) => d > 0n).reduce((s, d) => s + d, 0n);
  const losses = deltas.filter((d) => d < 0n).reduce((s, d) => s - d, 0n);
  const all = (e: Evaluation) => e.allocated + e.unallocated + outsideAllocated(e) + outsideUnallocated(e);
  if (gains !== losses || all(before) !== all(after)) {
    throw new InvariantError(`${before.agreement}: ${gains} kr tillkommer men ${losses} kr försvinner`);
  }
  recipients.sort(byDeltaThenCode<RecipientChange>((r) => `${r.level === "kommun" ? 0 : 1}${r.code}`));
  return {
    agreement: before.agreement,
    recipients,
    counties: [...counties.values()].filter((c) => c.delta !== 0n).sort(byDeltaThenCode<CountyChange>((c) => c.lan)),
    pots,
    unallocated,
    organisations,
    moved: gains,
  };
}

// ---------------------------------------------------------------------------
// The sentence.

/** What was changed, for the sentence ("Om … flyttas …"). */
export type WhatIfChange =
  | {
      kind: "requirements";
      /** The recipient's name, e.g. "Malmö". */
      who: string;
      /** Omitted: all the basic requirements ("grundkraven"). */
      rule?: { id: string; title: string };
      meets: boolean;
    }
  | { kind: "goal"; who: string; rule: { id: string; title: string }; meets: boolean }
  | { kind: "key"; who: string; key: string; value: bigint | number; was: bigint | number }
  | { kind: "assumption"; title: string; option: string };

/** The condition clause after "Om": "Malmö inte uppfyller grundkraven". */
export function changeClause(c: WhatIfChange): string {
  switch (c.kind) {
    case "requirements":
      return `${c.who} ${c.meets ? "uppfyller" : "inte uppfyller"} ${c.rule ? `grundkrav ${c.rule.id} (${c.rule.title})` : "grundkraven"}`;
    case "goal":
      return `${c.who} ${c.meets ? "når" : "inte når"} ${c.rule.id} (${c.rule.title})`;
    case "key":
      return `${c.who} har ${formatInt(c.value)} i stället för ${formatInt(c.was)} (${c.key.charAt(0).toLowerCase()}${c.key.slice(1)})`;
    case "assumption":
      return `antagandet ”${c.title}” är ”${c.option}”`;
  }
}

interface Party {
  name: string;
  amount: bigint;
}

/** "Lund (45 000 kr), Eslöv (3 000 kr) och 12 andra (9 000 kr)": `max` names, the rest summed, so the amounts add up. */
function parties(list: Party[], max: number): string {
  const named = list.length > max + 1 ? list.slice(0, max) : list;
  const parts = named.map((p) => `${p.name} (${formatKr(p.amount)})`);
  if (named.length < list.length) {
    const rest = list.slice(named.length);
    parts.push(`${rest.length} andra (${formatKr(rest.reduce((s, p) => s + p.amount, 0n))})`);
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} och ${parts[parts.length - 1]}`;
}

export interface SentenceOptions {
  /** How many recipients to name on each side before "och N andra" (default 3). */
  names?: number;
  /**
   * The recipient the change is about ("level:code"). When it is the only
   * one that loses, the sentence says only where the money goes.
   */
  subject?: string;
}

/**
 * One Swedish line: "Om Malmö inte uppfyller grundkraven flyttas 1 234 567 kr
 * till Lund (…), … och 285 andra (…)." Amounts are exact and add up to the
 * amount moved.
 */
export function whatIfSentence(diff: WhatIfDiff, changes: WhatIfChange | readonly WhatIfChange[], options: SentenceOptions = {}): string {
  const list = (Array.isArray(changes) ? changes : [changes]) as WhatIfChange[];
  const clauses = list.map(changeClause);
  const condition =
    clauses.length === 0 ? "inget ändras" : clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(", ")} och ${clauses[clauses.length - 1]}`;
  if (diff.moved === 0n) return `Om ${condition} ändras ingen fördelning.`;
  const max = options.names ?? 3;
  const gainers: Party[] = [];
  const losers: Party[] = [];
  const losersIds: string[] = [];
  for (const r of diff.recipients) {
    if (r.delta > 0n) gainers.push({ name: r.name, amount: r.delta });
    else {
      losers.push({ name: r.name, amount: -r.delta });
      losersIds.push(`${r.level}:${r.code}`);
    }
  }
  // Money that stops or starts reaching recipients goes to, or comes from, the unallocated remainder or organisations.
  for (const [name, c] of [
    ["ofördelade medel", diff.unallocated],
    ["organisationer", diff.organisations],
  ] as const) {
    if (c.delta > 0n) gainers.push({ name, amount: c.delta });
    if (c.delta < 0n) {
      losers.push({ name, amount: -c.delta });
      losersIds.push(name);
    }
  }
  const largestFirst = (a: Party, b: Party) => (b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0);
  gainers.sort(largestFirst);
  losers.sort(largestFirst);
  const fromSubjectOnly = options.subject !== undefined && losersIds.length === 1 && losersIds[0] === options.subject;
  const from = fromSubjectOnly ? "" : ` från ${parties(losers, max)}`;
  return `Om ${condition} flyttas ${formatKr(diff.moved)}${from} till ${parties(gainers, max)}.`;
}
