/**
 * evaluate(agreement, facts, options): for every recipient and pot, a status,
 * an amount in whole kronor and an explanation trace.
 *
 * Order of work: (1) resolve assumptions; (2) evaluate every rule for every
 * entity that answers it; (3) apply the basic requirements per county (own
 * verdict, county coverage rule, county-wide gates); (4) per pot, decide each
 * candidate's status and key, share the pot exactly (split modes included);
 * (5) check that each pot's allocated + unallocated equals the pot.
 */
import { allocateInts, splitAmount, TieBreak } from "./allocate";
import { cite, combine, evaluateRule, goalWithRequired, NO_STEP, RuleResult, TraceStep, verdict } from "./criteria";
import { InvariantError, StimError } from "./errors";
import { D, formatInt, formatKr, formatPercent, formatRate, parseScaled, toCommonScale } from "./exact";
import { AnswerValue, EntityFacts, Facts, looksLikeKey, validateFacts } from "./facts";
import { Agreement, KeyRef, Pot, Rule } from "./model";
import { comparisonText, meetsShare } from "./thresholds";
import { getKommun, getLan, landstingName, LAN } from "../reference";

export type RecipientStatus = "eligible" | "not-eligible" | "missing-data" | "not-applicable";
export type EntityLevel = "kommun" | "landsting" | "lan";

export interface EvaluateOptions {
  /** Assumption overrides (id → option id); win over the facts' own choices. */
  assumptions?: Record<string, string>;
  /** Skip facts validation (already validated). */
  trusted?: boolean;
  /**
   * Build the Swedish explanation of every step (default true). With false,
   * statuses and amounts are identical but recipients' traces are empty:
   * for bulk use (spreadsheet functions, benchmarks).
   */
  explain?: boolean;
}

export interface PotShare {
  level: EntityLevel;
  code: string;
  name: string;
  status: RecipientStatus;
  amount: bigint;
  /** The key value used (after scaling to whole units), when any. */
  key?: string;
  steps: TraceStep[];
}

export interface PotResult {
  id: string;
  title: string;
  kind: Pot["kind"];
  amount: bigint;
  allocated: bigint;
  unallocated: bigint;
  unallocatedReason?: string;
  /** True when some candidate's data is missing: the shares may change. */
  provisional: boolean;
  missing: string[];
  payee?: string;
  shares: PotShare[];
  tieBreaks: { winner: string; loser: string; by: TieBreak["by"] }[];
  steps: TraceStep[];
}

export interface RecipientPot {
  pot: string;
  status: RecipientStatus;
  amount: bigint;
}

export interface RecipientResult {
  level: "kommun" | "landsting";
  code: string;
  name: string;
  lan: string;
  total: bigint;
  gate: boolean | null;
  pots: RecipientPot[];
  steps: TraceStep[];
}

export interface AssumptionInForce {
  id: string;
  title: string;
  value: string;
  valueLabel: string;
  isDefault: boolean;
  reason: string;
}

export interface Evaluation {
  agreement: string;
  title: string;
  total: bigint;
  allocated: bigint;
  unallocated: bigint;
  fictional: boolean;
  assumptions: AssumptionInForce[];
  pots: PotResult[];
  recipients: RecipientResult[];
  /** County-level gate steps (coverage rule etc.), per länskod. */
  counties: Record<string, { gate: boolean | null; steps: TraceStep[] }>;
}

interface Entity {
  level: EntityLevel;
  code: string;
  name: string;
  lan: string;
  population: bigint;
  facts?: EntityFacts;
  /** Code used to break ties ("0180", "landsting:01", "lan:01"). */
  tieId: string;
  /** Rule verdicts for this entity (computed on demand). */
  rules: Map<string, RuleResult>;
  gate: boolean | null;
  gateSteps: TraceStep[];
}

export function evaluate(agreement: Agreement, factsInput: unknown, options: EvaluateOptions = {}): Evaluation {
  const facts: Facts = options.trusted ? (factsInput as Facts) : validateFacts(factsInput, agreement);
  const assumptions = resolveAssumptions(agreement, { ...(facts.assumptions ?? {}), ...(options.assumptions ?? {}) });
  const values: Record<string, string> = Object.fromEntries(assumptions.map((a) => [a.id, a.value]));
  const explain = options.explain !== false;
  const ctx = { agreementId: agreement.id, assumptions: values, explain };
  const rulesById = new Map<string, Rule>([...agreement.requirements, ...agreement.goals].map((r) => [r.id, r]));

  // Entities.
  const counties = new Map<string, Entity>();
  const landsting = new Map<string, Entity>();
  const kommuner = new Map<string, Entity>();
  for (const l of LAN) {
    const cf = facts.counties[l.code] ?? {};
    const mk = (level: EntityLevel, code: string, name: string, population: number, ef?: EntityFacts): Entity => ({
      level,
      code,
      name,
      lan: l.code,
      population: populationOf(population, ef),
      tieId: level === "kommun" ? code : `${level}:${code}`,
      facts: ef,
      rules: new Map(),
      gate: true,
      gateSteps: [],
    });
    counties.set(l.code, mk("lan", l.code, l.name, l.population, cf.county));
    landsting.set(l.code, mk("landsting", l.code, landstingName(l.code), l.population, cf.landsting));
    for (const kc of l.kommuner) {
      const k = getKommun(kc)!;
      kommuner.set(kc, mk("kommun", kc, k.name, k.population, cf.kommuner?.[kc]));
    }
  }

  const ruleFor = (e: Entity, ruleId: string): RuleResult => {
    let r = e.rules.get(ruleId);
    if (!r) {
      const rule = rulesById.get(ruleId);
      if (!rule) throw new InvariantError(`okänd regel ${ruleId} i ${agreement.id}`);
      const answers = e.facts?.answers?.[ruleId] as Record<string, AnswerValue | null> | undefined;
      r = evaluateRule(rule, answers, ctx);
      e.rules.set(ruleId, r);
    }
    return r;
  };

  // Basic requirements per county.
  const countyGates: Evaluation["counties"] = {};
  for (const l of LAN) {
    const county = counties.get(l.code)!;
    const ls = landsting.get(l.code)!;
    const ks = l.kommuner.map((c) => kommuner.get(c)!);
    const members = [...ks, ls];
    const steps: TraceStep[] = [];
    let countyGate: boolean | null = true;
    for (const req of agreement.requirements) {
      if (req.gate === "county") {
        const r = ruleFor(county, req.id);
        steps.push(...r.steps);
        countyGate = combine([countyGate, r.met]);
      } else if (req.gate === "all-in-county" && (req.assumptions ?? []).some((x) => values[x] === "each-recipient")) {
        for (const m of members) {
          const r = ruleFor(m, req.id);
          m.gate = combine([m.gate, r.met]);
          m.gateSteps.push(...r.steps, {
            rule: `${agreement.id}/${req.id}/var-for-sig`,
            applied: r.met,
            source: req.source,
            assumptions: req.assumptions,
            text: `${req.id} prövas för ${m.name} ensam enligt valt antagande: ${verdict(r.met)}.`,
          });
        }
      } else if (req.gate === "all-in-county") {
        const verdicts = members.map((m) => ruleFor(m, req.id).met);
        const met = combine(verdicts);
        const failing = members.filter((m) => m.rules.get(req.id)!.met === false).map((m) => m.name);
        const missing = members.filter((m) => m.rules.get(req.id)!.met === null).map((m) => m.name);
        steps.push({
          rule: `${agreement.id}/${req.id}/samtliga`,
          applied: met,
          source: req.source,
          assumptions: req.assumptions,
          inputs: { uppfyller: verdicts.filter((v) => v === true).length, av: members.length },
          text:
            `${req.id} ${req.title} gäller samtliga kommuner och landstinget i länet ${cite(req.source)}: ` +
            `${verdicts.filter((v) => v === true).length} av ${members.length} uppfyller` +
            (failing.length ? `; inte uppfyllt: ${listNames(failing)}` : "") +
            (missing.length ? `; uppgift saknas: ${listNames(missing)}` : "") +
            ` → ${met === true ? "länet uppfyller kravet" : met === false ? "ingen i länet kan få del av medlen" : "kan inte avgöras"}.`,
        });
        countyGate = combine([countyGate, met]);
      }
    }
    // "each" requirements: own verdict per member, then the coverage rule.
    const eachReqs = agreement.requirements.filter((r) => r.gate === "each");
    if (eachReqs.length > 0) {
      for (const m of members) {
        const results = eachReqs.map((r) => ruleFor(m, r.id));
        m.gate = combine([m.gate, ...results.map((r) => r.met)]);
        m.gateSteps.push(...results.flatMap((r) => r.steps));
      }
      const covReq = eachReqs.find((r) => r.coverage);
      if (covReq?.coverage) {
        const cov = covReq.coverage;
        const total = ks.reduce((s, k) => s + k.population, 0n);
        const covered = ks.filter((k) => k.gate === true).reduce((s, k) => s + k.population, 0n);
        const unknown = ks.filter((k) => k.gate === null).reduce((s, k) => s + k.population, 0n);
        const meets = (p: bigint) => meetsShare(new D(p.toString()), new D(total.toString()), cov.threshold, cov.op);
        const failingKommuner = ks.filter((k) => k.gate === false).length;
        const singleOnly = values[`${agreement.id}/enstaka-kommun`] === "single-kommun";
        let covMet: boolean | null = meets(covered) ? true : meets(covered + unknown) ? null : false;
        if (singleOnly && failingKommuner > 1) covMet = false;
        const ratio = new D(covered.toString()).div(total.toString());
        const belowOption = values[`${agreement.id}/county-below-80`];
        const thr = `${comparisonText(cov.op)} ${formatRate(cov.threshold)}`;
        let consequence: string;
        if (covMet === true) consequence = "landstinget och de kommuner som uppfyller grundkraven får ta del av medlen";
        else if (covMet === null) consequence = "kan inte avgöras förrän uppgifterna för alla kommuner finns";
        else if (singleOnly && failingKommuner > 1 && belowOption !== "complying-only")
          consequence = `${failingKommuner} kommuner brister och undantaget gäller bara en enstaka kommun (antagande) → ingen i länet får ta del av medlen`;
        else if (belowOption === "complying-only")
          consequence = "enligt valt antagande får ändå de som själva uppfyller grundkraven ta del av medlen";
        else consequence = "ingen i länet får ta del av de prestationsbaserade medlen (antagande)";
        steps.push({
          rule: `${agreement.id}/${covReq.id}/county-coverage`,
          applied: covMet,
          source: cov.source,
          assumptions:
            covMet === false
              ? [`${agreement.id}/county-below-80`, ...(singleOnly ? [`${agreement.id}/enstaka-kommun`] : []), ...(cov.assumptions ?? [])]
              : cov.assumptions,
          inputs: { covered: formatInt(covered), total: formatInt(total), unknown: formatInt(unknown) },
          threshold: thr,
          text:
            `Kommunerna som uppfyller grundkraven har ${formatInt(covered)} av ${formatInt(total)} invånare (${formatPercent(ratio)}) ` +
            `${covMet === true ? thr : covMet === false ? `inte ${thr}` : `(${formatInt(unknown)} invånare i kommuner utan uppgift), krav ${thr}`} ` +
            `${cite(cov.source)} → ${consequence}.`,
        });
        if (covMet === false && belowOption !== "complying-only") {
          for (const m of members) m.gate = m.gate === null ? null : false;
          countyGate = combine([countyGate, false]);
        } else if (covMet === null) {
          for (const m of members) if (m.gate === true) m.gate = null;
        }
      }
    }
    if (values[`${agreement.id}/landsting-fails`] === "none-in-county" && ls.gate === false) {
      steps.push({
        rule: `${agreement.id}/landsting-fails`,
        applied: true,
        assumptions: [`${agreement.id}/landsting-fails`],
        text: `${ls.name} uppfyller inte grundkraven; enligt valt antagande får då ingen i länet prestationsmedel.`,
      });
      countyGate = combine([countyGate, false]);
    }
    for (const m of members) m.gate = combine([m.gate, countyGate]);
    county.gate = countyGate;
    countyGates[l.code] = { gate: countyGate, steps };
  }

  // Pots.
  const potResults = agreement.pots.map((pot) => evaluatePot(agreement, pot, { counties, landsting, kommuner, ruleFor, values, explain }));

  // Per recipient.
  const recipients: RecipientResult[] = [];
  const byRecipient = new Map<string, RecipientResult>();
  for (const l of LAN) {
    for (const e of [...l.kommuner.map((c) => kommuner.get(c)!), landsting.get(l.code)!]) {
      const r: RecipientResult = {
        level: e.level as "kommun" | "landsting",
        code: e.code,
        name: e.name,
        lan: e.lan,
        total: 0n,
        gate: agreement.requirements.length ? e.gate : null,
        pots: [],
        steps: [...countyGates[l.code].steps, ...e.gateSteps],
      };
      recipients.push(r);
      byRecipient.set(`${e.level}:${e.code}`, r);
    }
  }
  for (const pr of potResults) {
    // One entry per recipient and pot; a recipient may have several shares
    // of a pot (Gotland, split modes), which are merged.
    const entries = new Map<RecipientResult, RecipientPot>();
    for (const s of pr.shares) {
      const r = byRecipient.get(`${s.level === "lan" ? "landsting" : s.level}:${s.code}`);
      if (!r) continue;
      const existing = entries.get(r);
      if (existing) {
        existing.amount += s.amount;
        existing.status = mergeStatus(existing.status, s.status);
      } else entries.set(r, { pot: pr.id, status: s.status, amount: s.amount });
      r.total += s.amount;
      if (explain) for (const st of s.steps) r.steps.push(st);
    }
    for (const r of recipients) r.pots.push(entries.get(r) ?? { pot: pr.id, status: "not-applicable", amount: 0n });
  }

  const total = BigInt(agreement.total);
  const allocated = potResults.reduce((s, p) => s + p.allocated, 0n);
  const unallocated = potResults.reduce((s, p) => s + p.unallocated, 0n);
  const potSum = agreement.pots.reduce((s, p) => s + BigInt(p.amount), 0n);
  if (allocated + unallocated !== potSum) throw new InvariantError(`${agreement.id}: fördelat + ofördelat ≠ summan av potterna`);
  return {
    agreement: agreement.id,
    title: agreement.title,
    total,
    allocated,
    unallocated,
    fictional: facts.fictional === true,
    assumptions,
    pots: potResults,
    recipients,
    counties: countyGates,
  };
}

/** The embedded population, unless the facts override it (what-if scenarios). */
function populationOf(embedded: number, ef: EntityFacts | undefined): bigint {
  const o = ef?.keys?.population;
  if (o === undefined || o === null) return BigInt(embedded);
  const p = parseScaled(o);
  if (!p || p.negative || p.value.scale > 0) throw new StimError(`Folkmängd måste vara ett heltal ≥ 0 (fick ${o}).`, "keys.population");
  return p.value.mantissa;
}

function mergeStatus(a: RecipientStatus, b: RecipientStatus): RecipientStatus {
  const order: RecipientStatus[] = ["eligible", "missing-data", "not-eligible", "not-applicable"];
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}

function listNames(names: string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(", ")} m.fl. (${names.length})` : names.join(", ");
}

export function resolveAssumptions(agreement: Agreement, chosen: Record<string, string>): AssumptionInForce[] {
  for (const [id, v] of Object.entries(chosen)) {
    const a = agreement.assumptions.find((x) => x.id === id);
    if (!a) {
      // Overrides for other agreements are ignored only when they name another agreement.
      if (id.startsWith(`${agreement.id}/`)) throw new StimError(`Okänt antagande ${id}.`, "assumptions");
      continue;
    }
    if (!a.options.some((o) => o.id === v)) {
      throw new StimError(`Antagandet ${id} har inget alternativ "${v}" (välj ${a.options.map((o) => o.id).join(", ")}).`, "assumptions");
    }
    if (!isHonoured(agreement, id, v)) {
      throw new StimError(
        `Antagandet ${id}: alternativet "${v}" är dokumenterat men ändrar inte beräkningen i denna version; standardvalet "${a.default}" används.`,
        "assumptions",
      );
    }
  }
  return agreement.assumptions.map((a) => {
    const value = chosen[a.id] ?? a.default;
    return {
      id: a.id,
      title: a.title,
      value,
      valueLabel: a.options.find((o) => o.id === value)?.label ?? value,
      isDefault: value === a.default,
      reason: a.reason,
    };
  });
}

/**
 * Alternatives the evaluator acts on, by option id. Any other non-default
 * option is refused rather than silently ignored.
 */
const HONOURED_OPTIONS = new Set([
  "complying-only", // county-below-80: complying recipients still receive
  "single-kommun", // the 80 % exception only for one failing kommun
  "none-in-county", // a failing landsting stops the county
  "more-than", // a bare threshold read as strictly greater
  "exactly", // "under 4 av 6 månader" read as exactly 4
  "both-required", // A1 and A2 both needed for either pot
  "each-recipient", // a county-wide requirement gates only the failing body
  "relative", // improvement in per cent of the baseline
  "tier2-exclusive", // tier-2 reachers share only tier 2
  "both-tiers", // the 100 % rule in both palliative tiers
  "each-indicator", // every indicator must improve, not the average
]);

export function isHonoured(agreement: Agreement, assumptionId: string, option: string): boolean {
  const a = agreement.assumptions.find((x) => x.id === assumptionId);
  if (!a) return false;
  if (option === a.default) return true;
  if (HONOURED_OPTIONS.has(option)) return true;
  const onKey = agreement.pots.some((p) => p.key?.assumptions?.includes(assumptionId) || p.split?.kommunKey?.assumptions?.includes(assumptionId));
  return onKey && looksLikeKey(option);
}

interface PotContext {
  counties: Map<string, Entity>;
  landsting: Map<string, Entity>;
  kommuner: Map<string, Entity>;
  ruleFor: (e: Entity, ruleId: string) => RuleResult;
  values: Record<string, string>;
  explain: boolean;
}

/** The key id in force: an assumption on the key may replace it (option id = key id). */
function keyInForce(key: KeyRef, values: Record<string, string>): { id: string; input: boolean; assumption?: string } {
  for (const a of key.assumptions ?? []) {
    const v = values[a];
    if (v && v !== key.id && looksLikeKey(v)) {
      return { id: v, input: v !== "population", assumption: a };
    }
  }
  return { id: key.id, input: key.input };
}


function keyValue(e: Entity, key: { id: string; input: boolean }): bigint | "missing" | { scaled: string } {
  if (key.id === "population") return e.population;
  const v = e.facts?.keys?.[key.id];
  if (v === undefined || v === null) return "missing";
  return toKey(v);
}

function toKey(v: number): bigint | { scaled: string } {
  const p = parseScaled(v)!;
  return p.value.scale === 0 ? p.value.mantissa : { scaled: `${p.value.mantissa}e-${p.value.scale}` };
}

interface Candidate {
  entity: Entity;
  status: RecipientStatus;
  key: bigint | "missing" | { scaled: string };
  steps: TraceStep[];
}

function evaluatePot(agreement: Agreement, pot: Pot, pc: PotContext): PotResult {
  const amount = BigInt(pot.amount);
  const result: PotResult = {
    id: pot.id,
    title: pot.title,
    kind: pot.kind,
    amount,
    allocated: 0n,
    unallocated: 0n,
    provisional: false,
    missing: [],
    payee: pot.payee,
    shares: [],
    tieBreaks: [],
    steps: [],
  };
  const src = cite(pot.source);
  if (pot.kind === "organisation") {
    result.allocated = amount;
    result.steps.push({
      rule: `${agreement.id}/${pot.id}`,
      applied: true,
      source: pot.source,
      text: `${pot.title}: ${formatKr(amount)} betalas till ${pot.payee ?? "organisationen"} ${src}; ingen fördelning till kommuner eller landsting.`,
    });
  } else if (pot.kind === "unspecified") {
    result.unallocated = amount;
    result.unallocatedReason = "Källorna anger inte hur beloppet fördelas mellan mottagarna.";
    result.steps.push({
      rule: `${agreement.id}/${pot.id}`,
      applied: null,
      source: pot.source,
      text: `${pot.title}: ${formatKr(amount)} ${src}; fördelningen anges inte i källorna och redovisas som ofördelad.`,
    });
    applyFixed(agreement, pot, pc, result);
  } else if (pot.kind === "fixed") {
    applyFixed(agreement, pot, pc, result);
  } else {
    performancePot(agreement, pot, pc, result);
  }
  if (result.allocated + result.unallocated !== amount) {
    throw new InvariantError(`${agreement.id}/${pot.id}: fördelat ${result.allocated} + ofördelat ${result.unallocated} ≠ ${amount}`);
  }
  const shareSum = result.shares.reduce((s, x) => s + x.amount, 0n);
  if (pot.kind !== "organisation" && shareSum !== result.allocated) {
    throw new InvariantError(`${agreement.id}/${pot.id}: andelarnas summa ${shareSum} ≠ fördelat ${result.allocated}`);
  }
  return result;
}

/** Fixed amounts per recipient; whatever the entries do not cover stays unallocated. */
function applyFixed(agreement: Agreement, pot: Pot, pc: PotContext, result: PotResult): void {
  let assigned = 0n;
  const conditional: string[] = [];
  const entries = pot.fixed ?? [];
  const listed = new Set(entries.flatMap((f) => (f.recipients === "*" ? [] : f.recipients)));
  for (const f of entries) {
    const codes =
      f.recipients === "*"
        ? (f.level === "kommun" ? [...pc.kommuner.keys()] : LAN.map((l) => l.code)).filter((c) => !listed.has(c))
        : f.recipients;
    for (const code of codes) {
      const e = f.level === "kommun" ? pc.kommuner.get(code) : f.level === "landsting" || f.level === "lan" ? pc.landsting.get(code) : undefined;
      if (!e) continue;
      const asLevel: EntityLevel = f.level === "kommun" ? "kommun" : "landsting";
      const who = f.level === "lan" ? `${getLan(code)?.name ?? code} (betalas till ${e.name})` : e.name;
      if (f.amount === null || f.condition) {
        // Announced later, or conditional on something not assessed here.
        conditional.push(code);
        const why =
          f.amount === null ? "beloppet meddelas senare" : `${formatKr(f.amount)} ${f.condition}; villkoret prövas inte här`;
        result.shares.push({
          level: asLevel,
          code,
          name: e.name,
          status: "missing-data",
          amount: 0n,
          steps: [{ rule: `${agreement.id}/${pot.id}`, applied: null, source: f.source, text: `${pot.title} för ${who}: ${why} ${cite(f.source)}.` }],
        });
        continue;
      }
      const amt = BigInt(f.amount);
      assigned += amt;
      result.shares.push({
        level: asLevel,
        code,
        name: e.name,
        status: "eligible",
        amount: amt,
        steps: [
          {
            rule: `${agreement.id}/${pot.id}`,
            applied: true,
            source: f.source,
            assumptions: f.assumptions,
            text: `${pot.title} för ${who}: fast belopp ${formatKr(amt)} ${cite(f.source)}.`,
          },
        ],
      });
    }
  }
  const amount = BigInt(pot.amount);
  if (assigned > amount) throw new InvariantError(`${agreement.id}/${pot.id}: fasta belopp ${assigned} > potten ${amount}`);
  result.allocated = assigned;
  result.unallocated = amount - assigned;
  if (result.unallocated > 0n && pot.kind === "fixed") {
    result.unallocatedReason = conditional.length
      ? `Villkorade belopp eller belopp som meddelas senare (${conditional.length} mottagare) ingår inte.`
      : "Delar av potten har ingen angiven mottagare i källorna.";
  }
  if (pot.kind === "fixed") {
    result.steps.push({
      rule: `${agreement.id}/${pot.id}`,
      applied: true,
      source: pot.source,
      text: `${pot.title}: ${formatKr(amount)} ${cite(pot.source)}, varav ${formatKr(assigned)} fasta belopp till mottagare${result.unallocated > 0n ? ` och ${formatKr(result.unallocated)} ofördelat` : ""}.`,
    });
  }
}

function statusOf(met: boolean | null): RecipientStatus {
  return met === true ? "eligible" : met === false ? "not-eligible" : "missing-data";
}

function performancePot(agreement: Agreement, pot: Pot, pc: PotContext, result: PotResult): void {
  const amount = BigInt(pot.amount);
  if (!pot.key) throw new InvariantError(`${agreement.id}/${pot.id}: prestationspott utan fördelningsnyckel`);
  const key = keyInForce(pot.key, pc.values);
  const goal = pot.goal;
  // Per pot, not per candidate: the goal's required rules (with the
  // "both-required" reading) and the tiers above this one ("tier2-exclusive").
  const requiredIds = goal ? goalWithRequired(agreement, rulesOf(agreement, goal), pc.values).slice(1).map((r) => r.id) : [];
  const exclusive = (pot.assumptions ?? []).find((aid) => pc.values[aid] === "tier2-exclusive");
  const tiers = exclusive ? agreement.pots.filter((p) => p.assumptions?.includes(exclusive) && p.goal) : [];
  const higherTiers = exclusive ? tiers.slice(tiers.indexOf(pot) + 1) : [];
  const candidateFor = (e: Entity): Candidate => {
    const steps: TraceStep[] = [];
    let met: boolean | null = true;
    if (pot.gated && agreement.requirements.length) {
      met = combine([met, e.gate]);
      if (pc.explain) steps.push({
        rule: `${agreement.id}/grundkrav`,
        applied: e.gate,
        text: `${pot.id}: grundkraven för ${e.name} är ${verdict(e.gate)}.`,
      });
    }
    if (goal) {
      const g = pc.ruleFor(e, goal);
      const reqs = requiredIds.map((rid) => pc.ruleFor(requiredEntity(agreement, rid, e, pc), rid));
      if (exclusive) {
        for (const t of higherTiers) {
          const tr = pc.ruleFor(e, t.goal!);
          if (tr.met === true) {
            met = false;
            steps.push({
              rule: `${agreement.id}/${pot.id}/exklusiv`,
              applied: true,
              assumptions: [exclusive],
              text: `${e.name} når ${t.id} och delar därför bara ${t.id}, inte ${pot.id} (valt antagande).`,
            });
          }
        }
      }
      for (const r of reqs) steps.push(...r.steps);
      steps.push(...g.steps);
      met = combine([met, g.met, ...reqs.map((r) => r.met)]);
    }
    let kv = keyValue(e, key);
    if (kv === "missing") {
      steps.push({
        rule: `${agreement.id}/${pot.id}/nyckel`,
        applied: null,
        source: pot.key!.source,
        text: `${pot.id}: fördelningsnyckeln "${keyLabel(pot.key!, key)}" saknas för ${e.name}.`,
      });
      if (met === true) met = null;
    }
    if (met === false) kv = 0n;
    return { entity: e, status: statusOf(met), key: kv, steps };
  };

  const mode = pot.split?.mode;
  const levelOf = pot.level;
  const ks = [...pc.kommuner.values()];
  const ls = [...pc.landsting.values()];
  const cs = [...pc.counties.values()];
  if (!pot.split) {
    const ents = levelOf === "kommun" ? ks : levelOf === "landsting" ? ls : levelOf === "lan" ? cs : [...ks, ...ls];
    const cands = ents.map(candidateFor);
    share(agreement, pot, amount, cands, result, key, pc);
  } else if (mode === "pot") {
    const [kPart, lPart] = splitAmount(amount, [pot.split.kommuner, pot.split.landsting]);
    result.steps.push({
      rule: `${agreement.id}/${pot.id}/split`,
      applied: true,
      source: pot.split.source,
      assumptions: pot.split.assumptions,
      text: `${pot.title}: ${formatKr(amount)} delas ${formatRate(pot.split.kommuner)} till kommunerna (${formatKr(kPart)}) och ${formatRate(pot.split.landsting)} till landstingen (${formatKr(lPart)}) ${cite(pot.split.source)}.`,
    });
    share(agreement, pot, kPart, ks.map(candidateFor), result, key, pc, "kommunernas del");
    share(agreement, pot, lPart, ls.map(candidateFor), result, key, pc, "landstingens del");
  } else if (mode === "per-kommun") {
    const landstingAmounts = new Map<string, bigint>();
    for (const s of firstStage(agreement, pot, amount, ks.map(candidateFor), result, key, pc)) {
      if (s.amount === 0n) {
        result.shares.push(s);
        continue;
      }
      const [kp, lp] = splitAmount(s.amount, [pot.split.kommuner, pot.split.landsting]);
      const lanCode = pc.kommuner.get(s.code)!.lan;
      if (pc.explain) s.steps.push({
        rule: `${agreement.id}/${pot.id}/split`,
        applied: true,
        source: pot.split.source,
        assumptions: pot.split.assumptions,
        text: `${s.name}: beräknat belopp ${formatKr(s.amount)} delas ${formatRate(pot.split.kommuner)} till kommunen (${formatKr(kp)}) och ${formatRate(pot.split.landsting)} till ${landstingName(lanCode)} (${formatKr(lp)}) ${cite(pot.split.source)}.`,
      });
      result.shares.push({ ...s, amount: kp });
      landstingAmounts.set(lanCode, (landstingAmounts.get(lanCode) ?? 0n) + lp);
    }
    for (const l of ls) {
      const lp = landstingAmounts.get(l.code) ?? 0n;
      result.shares.push({
        level: "landsting",
        code: l.code,
        name: l.name,
        status: lp > 0n ? "eligible" : l.gate === false ? "not-eligible" : "not-applicable",
        amount: lp,
        steps:
          lp > 0n && pc.explain
            ? [
                {
                  rule: `${agreement.id}/${pot.id}/split`,
                  applied: true,
                  source: pot.split.source,
                  text: `${l.name}: ${formatRate(pot.split.landsting)} av beloppen som beräknats för länets kommuner i ${pot.id}, sammanlagt ${formatKr(lp)} ${cite(pot.split.source)}.`,
                },
              ]
            : [],
      });
    }
    result.allocated = result.shares.reduce((s, x) => s + x.amount, 0n);
  } else {
    // per-lan
    const lanShares = firstStage(agreement, pot, amount, cs.map(candidateFor), result, key, pc);
    const kKey = pot.split.kommunKey ? keyInForce(pot.split.kommunKey, pc.values) : { id: "population", input: false };
    for (const s of lanShares) {
      const lan = getLan(s.code)!;
      const lsEnt = pc.landsting.get(s.code)!;
      const countySteps = s.steps;
      if (s.amount === 0n) {
        result.shares.push({ ...s, level: "landsting", name: lsEnt.name, steps: countySteps });
        for (const kc of lan.kommuner) {
          const ke = pc.kommuner.get(kc)!;
          result.shares.push({ level: "kommun", code: kc, name: ke.name, status: s.status, amount: 0n, steps: countySteps });
        }
        continue;
      }
      const [kp, lp] = splitAmount(s.amount, [pot.split.kommuner, pot.split.landsting]);
      const splitStep: TraceStep = !pc.explain ? NO_STEP : {
        rule: `${agreement.id}/${pot.id}/split`,
        applied: true,
        source: pot.split.source,
        assumptions: pot.split.assumptions,
        text: `${lan.name}: ${formatKr(s.amount)} delas ${formatRate(pot.split.kommuner)} till länets kommuner (${formatKr(kp)}) och ${formatRate(pot.split.landsting)} till ${lsEnt.name} (${formatKr(lp)}) ${cite(pot.split.source)}.`,
      };
      result.shares.push({ level: "landsting", code: s.code, name: lsEnt.name, status: "eligible", amount: lp, key: s.key, steps: pc.explain ? [...countySteps, splitStep] : [] });
      const kEnts = lan.kommuner.map((c) => pc.kommuner.get(c)!);
      const kKeys = kEnts.map((e) => keyValue(e, kKey));
      if (kKeys.some((k) => k === "missing")) {
        throw new StimError(`${pot.id}: nyckeln ${kKey.id} saknas för någon kommun i ${lan.name}; den behövs för att dela kommunernas del.`);
      }
      const ints = scaleKeys(kKeys as (bigint | { scaled: string })[]);
      const a = allocateInts(kp, ints, "largest-remainder", undefined, lan.kommuner);
      const divStep: TraceStep = !pc.explain ? NO_STEP : {
        rule: `${agreement.id}/${pot.id}/kommundelning`,
        applied: true,
        source: pot.split.kommunKey?.source ?? pot.split.source,
        assumptions: [...(pot.split.kommunKey?.assumptions ?? []), ...(kKey !== undefined && "assumption" in kKey && kKey.assumption ? [kKey.assumption] : [])],
        text: `Kommunernas del i ${lan.name}, ${formatKr(kp)}, delas mellan länets ${lan.kommuner.length} kommuner efter ${pot.split.kommunKey?.label ?? "antal invånare"} (största rest) ${cite(pot.split.kommunKey?.source ?? pot.split.source)}.`,
      };
      lan.kommuner.forEach((kc, i) => {
        const ke = kEnts[i];
        result.shares.push({
          level: "kommun",
          code: kc,
          name: ke.name,
          status: "eligible",
          amount: a.amounts[i],
          key: ints[i].toString(),
          steps: pc.explain ? [...countySteps, splitStep, { ...divStep, text: `${divStep.text} ${ke.name}: ${formatKr(a.amounts[i])}.` }] : [],
        });
      });
    }
    result.allocated = result.shares.reduce((s, x) => s + x.amount, 0n);
  }
}

const rulesCache = new WeakMap<Agreement, Map<string, Rule>>();
/**
 * The first stage of a two-stage split: shares the pot among the candidates
 * (kommuner or län), records steps, ties and missing data on the pot result,
 * and returns the stage's shares for the caller to split further.
 */
function firstStage(
  agreement: Agreement,
  pot: Pot,
  amount: bigint,
  cands: Candidate[],
  result: PotResult,
  key: { id: string; input: boolean; assumption?: string },
  pc: PotContext,
): PotShare[] {
  const stage: PotResult = { ...result, shares: [], steps: [], tieBreaks: [], allocated: 0n, unallocated: 0n, missing: [] };
  share(agreement, pot, amount, cands, stage, key, pc);
  result.steps.push(...stage.steps);
  result.tieBreaks.push(...stage.tieBreaks);
  result.missing.push(...stage.missing);
  result.provisional = stage.provisional;
  result.unallocated += stage.unallocated;
  result.unallocatedReason = stage.unallocatedReason;
  return stage.shares;
}

function rulesOf(agreement: Agreement, id: string): Rule {
  let m = rulesCache.get(agreement);
  if (!m) rulesCache.set(agreement, (m = new Map([...agreement.requirements, ...agreement.goals].map((x) => [x.id, x]))));
  const r = m.get(id);
  if (!r) throw new InvariantError(`${agreement.id}: okänd regel ${id}`);
  return r;
}

/** A required rule is answered at its own level (e.g. a landsting prerequisite for a län goal). */
function requiredEntity(agreement: Agreement, ruleId: string, e: Entity, pc: PotContext): Entity {
  const r = rulesOf(agreement, ruleId);
  if (r.level === e.level) return e;
  if (r.level === "landsting") return pc.landsting.get(e.lan)!;
  if (r.level === "lan") return pc.counties.get(e.lan)!;
  return e;
}

function keyLabel(key: KeyRef, inForce: { id: string }): string {
  return inForce.id === key.id ? key.label : inForce.id;
}

function scaleKeys(keys: (bigint | { scaled: string })[]): bigint[] {
  if (keys.every((k) => typeof k === "bigint")) return keys as bigint[];
  return toCommonScale(
    keys.map((k) => {
      if (typeof k === "bigint") return { mantissa: k, scale: 0 };
      const p = parseScaled(k.scaled)!;
      return p.value;
    }),
  );
}

/** Shares `amount` among candidates by key; records statuses, steps and ties. */
function share(
  agreement: Agreement,
  pot: Pot,
  amount: bigint,
  cands: Candidate[],
  result: PotResult,
  key: { id: string; input: boolean; assumption?: string },
  pc: PotContext,
  partLabel?: string,
): void {
  const missing = cands.filter((c) => c.status === "missing-data");
  if (missing.length) {
    result.provisional = true;
    result.missing.push(...missing.map((c) => `${c.entity.level}:${c.entity.code}`));
  }
  const eligible = cands.map((c) => c.status === "eligible" && c.key !== "missing");
  const ints = scaleKeys(cands.map((c, i) => (eligible[i] ? (c.key as bigint | { scaled: string }) : 0n)));
  const ids = cands.map((c) => c.entity.tieId);
  const a = allocateInts(amount, ints, "largest-remainder", eligible, ids);
  const totalKey = ints.reduce((s, k) => s + k, 0n);
  const nEligible = eligible.filter(Boolean).length;
  const keyName = key.id === pot.key?.id ? pot.key.label : key.id;
  const what = partLabel ? `${pot.title} (${partLabel})` : pot.title;
  if (a.unallocated > 0n) {
    result.unallocated += a.unallocated;
    result.unallocatedReason =
      nEligible === 0
        ? "Ingen mottagare nådde målet (eller uppfyllde grundkraven); medlen fördelas inte ut här."
        : "Mottagarna som nådde målet har nyckelvärdet 0.";
  }
  result.allocated += a.allocated;
  result.steps.push({
    rule: `${agreement.id}/${pot.id}/fordelning`,
    applied: nEligible > 0,
    source: pot.key?.source ?? pot.source,
    assumptions: [...(pot.key?.assumptions ?? []), ...(pot.assumptions ?? [])],
    inputs: { mottagare: nEligible, nyckelsumma: totalKey.toString() },
    text:
      nEligible > 0
        ? `${what}: ${formatKr(amount)} ${cite(pot.source)} delas mellan ${nEligible} mottagare som nått målet, efter ${keyName} (summa ${formatInt(totalKey)}), i hela kronor med största rest-metoden${a.leftover > 0n ? ` (${a.leftover} kr efter avrundning nedåt)` : ""}.` +
          (missing.length ? ` Preliminärt: ${missing.length} mottagare saknar uppgifter.` : "")
        : `${what}: ${formatKr(amount)} ${cite(pot.source)}: ingen mottagare nådde målet${missing.length ? ` (${missing.length} saknar uppgifter)` : ""} → ${formatKr(amount)} redovisas som ofördelat.`,
  });
  for (const t of a.tieBreaks) {
    result.tieBreaks.push({ winner: ids[t.winner], loser: ids[t.loser], by: t.by });
  }
  if (a.tieBreaks.length) {
    const w = [...new Set(a.tieBreaks.map((t) => cands[t.winner].entity.name))];
    const l = [...new Set(a.tieBreaks.map((t) => cands[t.loser].entity.name))];
    result.steps.push({
      rule: `${agreement.id}/${pot.id}/lika-rest`,
      applied: true,
      text: `${what}: lika rest vid sista kronan; ${w.join(", ")} före ${l.join(", ")} (avgjort av ${a.tieBreaks[0].by === "key" ? "större nyckel" : "lägre kod"}).`,
    });
  }
  cands.forEach((c, i) => {
    const amt = a.amounts[i];
    const steps = [...c.steps];
    if (c.status === "eligible" && pc.explain) {
      steps.push({
        rule: `${agreement.id}/${pot.id}/andel`,
        applied: true,
        source: pot.source,
        inputs: { nyckel: ints[i].toString(), nyckelsumma: totalKey.toString() },
        text: `${c.entity.name} får ${formatKr(amt)} av ${formatKr(amount)} i ${what} (${keyName} ${formatInt(ints[i])} av ${formatInt(totalKey)}${a.extras.includes(i) ? ", plus 1 kr vid avrundningen" : ""}) ${cite(pot.source)}.`,
      });
    }
    result.shares.push({
      level: c.entity.level,
      code: c.entity.code,
      name: c.entity.name,
      status: c.status,
      amount: amt,
      key: c.key === "missing" ? undefined : ints[i].toString(),
      steps,
    });
  });
}
