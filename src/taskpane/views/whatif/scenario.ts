/**
 * The "Tänk om" view's model, without React: which agreements, recipients,
 * rules and keys a trainer can change, how the chosen changes become facts
 * (through the core's what-if edits), and the sentence that describes them.
 * The evaluation and every amount are the core's.
 */
import type { Evaluation } from "../../../core/evaluate";
import type { Facts } from "../../../core/facts";
import type { Agreement, KeyRef, Rule } from "../../../core/model";
import type { FactsTarget, WhatIfChange, WhatIfDiff } from "../../../core/whatif";
import { AGREEMENTS, demoFacts, diffEvaluations, evaluate, getKommun, getLan, landstingName, whatIfSentence, withKey, withRuleOutcome } from "../../../runtime";
import { formatInt, formatKrShort, noBreakAmounts } from "../../format";

/** Agreements with something to change: performance pots decided by requirements, goals and keys. */
export const WHATIF_AGREEMENTS: readonly Agreement[] = AGREEMENTS.filter((a) => a.pots.some((p) => p.kind === "performance"));

export type Outcome = "unchanged" | "met" | "not-met";

export interface Recipient {
  /** "kommun:0180" or "landsting:01" */
  id: string;
  level: "kommun" | "landsting";
  code: string;
  lan: string;
  name: string;
}

export function recipientsIn(lan: string): Recipient[] {
  const l = getLan(lan);
  if (!l) return [];
  return [
    ...l.kommuner.map((code): Recipient => ({ id: `kommun:${code}`, level: "kommun", code, lan, name: getKommun(code)?.name ?? code })),
    { id: `landsting:${lan}`, level: "landsting", code: lan, lan, name: landstingName(lan) },
  ];
}

export function findRecipient(id: string): Recipient | undefined {
  const [level, code] = id.split(":");
  if (level === "kommun") {
    const k = getKommun(code);
    return k ? { id, level, code, lan: k.lan, name: k.name } : undefined;
  }
  if (level === "landsting" && getLan(code)) return { id, level, code, lan: code, name: landstingName(code) };
  return undefined;
}

function target(r: Recipient): FactsTarget {
  return { level: r.level, lan: r.lan, code: r.code };
}

/** The requirements a recipient answers itself (the toggle "Grundkraven"). */
export function requirementsOf(a: Agreement, level: Rule["level"]): Rule[] {
  return a.requirements.filter((r) => r.level === level);
}

/** The goals a body at `level` answers. */
export function goalsOf(a: Agreement, level: Rule["level"]): Rule[] {
  return a.goals.filter((g) => g.level === level);
}

/** The keys a recipient at `level` can change: its population, and the keys given as input for the pots it shares. */
export function keysOf(a: Agreement, level: "kommun" | "landsting"): KeyRef[] {
  const out = new Map<string, KeyRef>();
  out.set("population", {
    id: "population",
    label: "Antal invånare 31 december 2013",
    input: false,
    source: a.source,
    status: "sourced",
  });
  for (const p of a.pots) {
    if (p.key?.input && (p.level === level || p.level === "kommun+landsting")) out.set(p.key.id, p.key);
    if (level === "kommun" && p.split?.kommunKey?.input) out.set(p.split.kommunKey.id, p.split.kommunKey);
  }
  return [...out.values()];
}

/** A recipient's value of a key in the scenario: the facts' value, else (population) SCB's figure. */
export function keyValue(facts: Facts, r: Recipient, keyId: string): number | undefined {
  const county = facts.counties[r.lan];
  const entity = r.level === "kommun" ? county?.kommuner?.[r.code] : county?.landsting;
  const v = entity?.keys?.[keyId];
  if (typeof v === "number") return v;
  if (keyId === "population") return r.level === "kommun" ? getKommun(r.code)?.population : getLan(r.lan)?.population;
  return undefined;
}

/** What the trainer changed for one recipient (and its county's own rules). */
export interface Edits {
  requirements: Outcome;
  goals: Record<string, Outcome>;
  /** Rules the county (län) answers, e.g. aldre-2014's medication goals. */
  countyRules: Record<string, Outcome>;
  /** Key id → new whole-number value. */
  keys: Record<string, number>;
}

export const NO_EDITS: Edits = { requirements: "unchanged", goals: {}, countyRules: {}, keys: {} };

export function hasEdits(e: Edits): boolean {
  return (
    e.requirements !== "unchanged" ||
    Object.values(e.goals).some((o) => o !== "unchanged") ||
    Object.values(e.countyRules).some((o) => o !== "unchanged") ||
    Object.keys(e.keys).length > 0
  );
}

/** The scenario's facts with the edits applied, and the changes for the sentence. */
export function applyEdits(a: Agreement, facts: Facts, r: Recipient, e: Edits): { facts: Facts; changes: WhatIfChange[] } {
  let f = facts;
  const changes: WhatIfChange[] = [];
  const reqs = requirementsOf(a, r.level);
  if (e.requirements !== "unchanged" && reqs.length > 0) {
    const meets = e.requirements === "met";
    f = withRuleOutcome(a, f, target(r), reqs.map((x) => x.id), meets);
    changes.push(
      reqs.length === 1
        ? { kind: "requirements", who: r.name, rule: { id: reqs[0].id, title: reqs[0].title }, meets }
        : { kind: "requirements", who: r.name, meets },
    );
  }
  for (const g of goalsOf(a, r.level)) {
    const o = e.goals[g.id] ?? "unchanged";
    if (o === "unchanged") continue;
    f = withRuleOutcome(a, f, target(r), [g.id], o === "met");
    changes.push({ kind: "goal", who: r.name, rule: { id: g.id, title: g.title }, meets: o === "met" });
  }
  const lan = getLan(r.lan);
  for (const rule of [...a.requirements, ...a.goals].filter((x) => x.level === "lan")) {
    const o = e.countyRules[rule.id] ?? "unchanged";
    if (o === "unchanged") continue;
    f = withRuleOutcome(a, f, { level: "county", lan: r.lan, code: r.lan }, [rule.id], o === "met");
    const isReq = a.requirements.some((x) => x.id === rule.id);
    const who = lan?.name ?? r.lan;
    changes.push(
      isReq
        ? { kind: "requirements", who, rule: { id: rule.id, title: rule.title }, meets: o === "met" }
        : { kind: "goal", who, rule: { id: rule.id, title: rule.title }, meets: o === "met" },
    );
  }
  for (const k of keysOf(a, r.level)) {
    const v = e.keys[k.id];
    if (v === undefined) continue;
    const was = keyValue(facts, r, k.id) ?? 0;
    if (v === was) continue;
    f = withKey(f, target(r), k.id, v);
    changes.push({ kind: "key", who: r.name, key: k.label, value: v, was });
  }
  return { facts: f, changes };
}

/** The fictional demo scenario of an agreement and its evaluation (cached: the base of every what-if). */
const baseCache = new Map<string, { facts: Facts; evaluation: Evaluation }>();
export function baseScenario(a: Agreement): { facts: Facts; evaluation: Evaluation } {
  let b = baseCache.get(a.id);
  if (!b) {
    const facts = demoFacts(a);
    b = { facts, evaluation: evaluate(a, facts, { explain: false }) };
    baseCache.set(a.id, b);
  }
  return b;
}

export interface WhatIfResult {
  before: Evaluation;
  after: Evaluation;
  diff: WhatIfDiff;
  sentence: string;
  changes: WhatIfChange[];
}

/** Evaluates the edited scenario against the demo scenario. */
export function runWhatIf(a: Agreement, r: Recipient, e: Edits): WhatIfResult {
  const base = baseScenario(a);
  const { facts, changes } = applyEdits(a, base.facts, r, e);
  const after = changes.length === 0 ? base.evaluation : evaluate(a, facts, { explain: false });
  const diff = diffEvaluations(base.evaluation, after);
  const sentence = changes.length === 0 ? "Ändra något ovan för att se hur pengarna flyttas." : noBreakAmounts(whatIfSentence(diff, changes, { subject: r.id }));
  return { before: base.evaluation, after, diff, sentence, changes };
}

/** What one change says in a headline: "Stockholm inte uppfyller grundkraven". */
function shortClause(c: WhatIfChange): string {
  switch (c.kind) {
    case "requirements":
      return `${c.who} ${c.meets ? "uppfyller" : "inte uppfyller"} ${c.rule ? `grundkrav ${c.rule.id}` : "grundkraven"}`;
    case "goal":
      return `${c.who} ${c.meets ? "når" : "inte når"} ${c.rule.id}`;
    case "key":
      return `${c.who} har ${formatInt(c.value)} (${c.key.charAt(0).toLowerCase()}${c.key.slice(1)})`;
    case "assumption":
      return `antagandet ”${c.title}” är ”${c.option}”`;
  }
}

/** "24 mottagare i Stockholms län", "Stockholm", "ofördelat": who is on one side of the move. */
function side(parties: { name: string; lan?: string }[], others: boolean): string {
  if (parties.length === 1) return parties[0].name;
  const lans = new Set(parties.map((p) => p.lan));
  const county = lans.size === 1 && parties[0].lan ? getLan(parties[0].lan) : undefined;
  return `${parties.length} ${others ? "andra" : "mottagare"}${county ? ` i ${county.name}` : ""}`;
}

/**
 * The what-if in one short sentence for a room (at most about two lines in
 * the pane): "Om Stockholm inte uppfyller grundkraven flyttas 237,8 mnkr
 * från 24 mottagare i Stockholms län till 147 andra." The full sentence with
 * names and exact amounts (the core's) and the table follow under it.
 */
export function headline(result: WhatIfResult): string {
  const { diff, changes } = result;
  if (changes.length === 0) return result.sentence;
  const condition = changes.length === 1 ? shortClause(changes[0]) : `${changes.length} ändringar görs för ${changes[0].kind === "assumption" ? "scenariot" : changes[0].who}`;
  if (diff.moved === 0n) return `Om ${condition} ändras ingen fördelning.`;
  const losers: { name: string; lan?: string }[] = [];
  const gainers: { name: string; lan?: string }[] = [];
  for (const r of diff.recipients) (r.delta > 0n ? gainers : losers).push({ name: r.name, lan: r.lan });
  for (const [name, c] of [["ofördelat", diff.unallocated], ["organisationer", diff.organisations]] as const) {
    if (c.delta > 0n) gainers.push({ name });
    if (c.delta < 0n) losers.push({ name });
  }
  return `Om ${condition} flyttas ${formatKrShort(diff.moved)} från ${side(losers, false)} till ${side(gainers, losers.length > 0)}.`;
}

/**
 * Why a change moved no money, in the scenario's terms; undefined when it
 * did move money (or nothing was changed).
 */
export function whyNothing(r: Recipient, e: Edits, result: WhatIfResult): string | undefined {
  if (result.changes.length === 0 || result.diff.moved !== 0n) return undefined;
  const find = (ev: Evaluation) => ev.recipients.find((x) => x.level === r.level && x.code === r.code);
  const before = find(result.before);
  const after = find(result.after);
  const gateWord = (g: boolean | null | undefined) => (g === true ? "uppfyller grundkraven" : g === false ? "uppfyller inte grundkraven" : "saknar uppgifter om grundkraven");
  if (e.requirements !== "unchanged" && before && after) {
    const wanted = e.requirements === "met";
    if (before.gate === wanted) {
      return wanted
        ? `${r.name} uppfyller redan grundkraven i scenariot, så ändringen flyttar inga pengar.`
        : `${r.name} uppfyller inte grundkraven i scenariot heller (själv eller i länet), så ändringen flyttar inga pengar.`;
    }
    if (after.gate !== wanted) return `${r.name} ${gateWord(after.gate)} ändå: länet som helhet avgör (till exempel om kommunerna som uppfyller kraven har minst 80 % av länets invånare).`;
  }
  if (before && before.gate !== true && after?.gate !== true) {
    return `${r.name} ${gateWord(before.gate)} i scenariot och får därför inga prestationsmedel; ett mål eller en nyckel ändrar då ingenting.`;
  }
  if (Object.values(e.goals).some((o) => o !== "unchanged") || Object.values(e.countyRules).some((o) => o !== "unchanged")) {
    return `Målet var redan så i scenariot, eller så avgör det inte ${r.name}s pengar: potten fördelas lika oavsett.`;
  }
  return `Nyckeln ändrar inga andelar: värdet är detsamma som i scenariot eller ingår inte i en pott som ${r.name} får del av.`;
}
