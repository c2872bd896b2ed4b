/**
 * evaluate(agreement, facts, options): for every recipient and pot, a status,
 * an amount in whole kronor and a typed explanation trace.
 *
 * Stages, each in its own module:
 *   0. parse the facts and compile the agreement under the chosen
 *      assumptions (facts.ts, compile.ts);
 *   1. entities: every län, landsting and kommun with population and facts
 *      (entities.ts);
 *   2. basic requirements and county gates, incl. the coverage rule (gates.ts);
 *   3. pots: performance (shared by key, split 70/30 three ways), fixed,
 *      organisation, unspecified (pots.ts);
 *   4. totals: per recipient, per pot, and the invariant that allocated +
 *      unallocated equals every pot and the agreement (here).
 */
import { AssumptionInForce, compile, Compiled } from "./compile";
import { buildEntities, Entity } from "./entities";
import { InvariantError } from "./errors";
import { ParsedFacts, parseFacts } from "./facts";
import { applyRequirements } from "./gates";
import { Agreement } from "./model";
import { evaluatePots, PotResult, RecipientStatus } from "./pots";
import { KeyOverrideEvent, TraceEvent, Verdict } from "./trace";

export type { AssumptionInForce } from "./compile";
export type { EntityLevel } from "./entities";
export type { PotResult, PotShare, RecipientStatus } from "./pots";

export interface EvaluateOptions {
  /** Assumption overrides (id → option id); win over the facts' own choices. */
  assumptions?: Record<string, string>;
  /**
   * Record the full typed trace (default true). With false, statuses and
   * amounts are identical and rule-level events remain, but per-recipient
   * pot events are not collected: for bulk use.
   */
  explain?: boolean;
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
  /** Σ of the pots inside the agreement's total. */
  total: bigint;
  /** Σ of money paid outside the agreement's total (e.g. by Socialstyrelsen). */
  outside: bigint;
  gate: Verdict;
  pots: RecipientPot[];
  /**
   * The recipient's explanation: the county's gate events, its own
   * requirement events, then every pot share's events. Assembled from the
   * recorded trace on first read (empty when evaluated without the trace).
   */
  readonly events: TraceEvent[];
}

/** Money the agreement names outside its total, per payer. */
export interface OutsideResult {
  payer: string;
  title: string;
  amount: bigint;
  allocated: bigint;
  unallocated: bigint;
  pots: string[];
}

export interface Evaluation {
  agreement: string;
  title: string;
  total: bigint;
  allocated: bigint;
  unallocated: bigint;
  outside: OutsideResult[];
  fictional: boolean;
  assumptions: AssumptionInForce[];
  pots: PotResult[];
  recipients: RecipientResult[];
  /** County-level gate events (coverage rule etc.), per länskod. */
  counties: Record<string, { gate: Verdict; events: TraceEvent[] }>;
  /**
   * Every population in the facts that differs from SCB's embedded figure
   * (county, landsting and kommun, in the reference order): the evaluation
   * uses the given figure, and every face must say so. Also the first
   * events of the recipients' (and the county's) explanations.
   */
  overrides: KeyOverrideEvent[];
}

export function evaluate(agreement: Agreement, factsInput: unknown, options: EvaluateOptions = {}): Evaluation {
  const { facts, compiled } = parseFacts(factsInput, agreement, options.assumptions);
  return evaluateParsed(compiled, facts, options.explain !== false);
}

/** Stages 1–4 over facts already parsed against the compiled agreement. */
export function evaluateParsed(compiled: Compiled, facts: ParsedFacts, trace = true): Evaluation {
  const agreement = compiled.agreement;
  const ents = buildEntities(compiled, facts);
  const counties = applyRequirements(compiled, ents);
  const pots = evaluatePots(compiled, ents, trace);

  // Per recipient: one slot per kommun and landsting, found by level and code.
  const recipients: RecipientResult[] = [];
  const kommunIndex = new Map<string, number>();
  const landstingIndex = new Map<string, number>();
  const parts: TraceEvent[][][] = [];
  const overrides: KeyOverrideEvent[] = [];
  const addRecipient = (e: Entity, countyEvents: TraceEvent[]) => {
    if (e.override) overrides.push(e.override);
    const own: TraceEvent[][] = trace ? (e.override ? [[e.override], countyEvents, e.gateEvents] : [countyEvents, e.gateEvents]) : [];
    (e.level === "kommun" ? kommunIndex : landstingIndex).set(e.code, recipients.length);
    parts.push(own);
    recipients.push(new Recipient(e.level as "kommun" | "landsting", e.code, e.name, e.lan, compiled.requirements.length ? e.gate : null, own, pots.length));
  };
  for (const l of ents.lans) {
    // The county's kommuner, then its landsting.
    const county = ents.counties.get(l.code)!;
    if (county.override) {
      overrides.push(county.override);
      counties[l.code].events.unshift(county.override);
    }
    const countyEvents = counties[l.code].events;
    for (const c of l.kommuner) addRecipient(ents.kommuner.get(c)!, countyEvents);
    addRecipient(ents.landsting.get(l.code)!, countyEvents);
  }
  const entries: (RecipientPot | undefined)[] = new Array(recipients.length);
  for (let p = 0; p < pots.length; p++) {
    const pr = pots[p];
    // One entry per recipient and pot; a recipient may hold several shares
    // of a pot (Gotland, split modes), which are merged.
    entries.fill(undefined);
    for (const s of pr.shares) {
      const i = (s.level === "kommun" ? kommunIndex : landstingIndex).get(s.code);
      if (i === undefined) continue;
      const r = recipients[i];
      const existing = entries[i];
      if (existing) {
        existing.amount += s.amount;
        existing.status = mergeStatus(existing.status, s.status);
      } else entries[i] = { pot: pr.id, status: s.status, amount: s.amount };
      if (pr.outside) r.outside += s.amount;
      else r.total += s.amount;
      if (trace && s.events.length) parts[i].push(s.events);
    }
    // Recipients the pot does not concern share one frozen entry.
    const none: RecipientPot = Object.freeze({ pot: pr.id, status: "not-applicable", amount: 0n });
    for (let i = 0; i < recipients.length; i++) recipients[i].pots[p] = entries[i] ?? none;
  }

  // Totals.
  let allocated = 0n;
  let unallocated = 0n;
  let potSum = 0n;
  const outside = new Map<string, OutsideResult>();
  for (const p of pots) {
    if (p.outside) {
      let o = outside.get(p.outside.payer);
      if (!o) outside.set(p.outside.payer, (o = { payer: p.outside.payer, title: p.outside.title, amount: 0n, allocated: 0n, unallocated: 0n, pots: [] }));
      o.amount += p.amount;
      o.allocated += p.allocated;
      o.unallocated += p.unallocated;
      o.pots.push(p.id);
      continue;
    }
    allocated += p.allocated;
    unallocated += p.unallocated;
    potSum += p.amount;
  }
  if (allocated + unallocated !== potSum) throw new InvariantError(`${agreement.id}: fördelat + ofördelat ≠ summan av potterna`);
  if (potSum !== BigInt(agreement.total)) throw new InvariantError(`${agreement.id}: potterna summerar inte till totalen`);
  return {
    agreement: agreement.id,
    title: agreement.title,
    total: BigInt(agreement.total),
    allocated,
    unallocated,
    outside: [...outside.values()],
    fictional: facts.fictional,
    assumptions: compiled.assumptions,
    pots,
    recipients,
    counties,
    overrides,
  };
}

/** A recipient's result; its explanation is flattened from the recorded parts on first read. */
class Recipient implements RecipientResult {
  total = 0n;
  outside = 0n;
  /** One entry per pot, in the agreement's order (filled by evaluateParsed). */
  pots: RecipientPot[];
  private flat?: TraceEvent[];
  constructor(
    readonly level: "kommun" | "landsting",
    readonly code: string,
    readonly name: string,
    readonly lan: string,
    readonly gate: Verdict,
    private readonly parts: TraceEvent[][],
    potCount: number,
  ) {
    this.pots = new Array(potCount);
  }
  get events(): TraceEvent[] {
    // Plain loops into an array sized once: Array.prototype.flat is several
    // times slower in V8, and growing by push copies the array as it grows.
    if (this.flat === undefined) {
      let n = 0;
      for (const part of this.parts) n += part.length;
      const out: TraceEvent[] = new Array(n);
      n = 0;
      for (const part of this.parts) for (let i = 0; i < part.length; i++) out[n++] = part[i];
      this.flat = out;
    }
    return this.flat;
  }
  toJSON() {
    return { level: this.level, code: this.code, name: this.name, lan: this.lan, total: this.total, outside: this.outside, gate: this.gate, pots: this.pots, events: this.events };
  }
}

const STATUS_ORDER: readonly RecipientStatus[] = ["eligible", "missing-data", "not-eligible", "not-applicable"];
function mergeStatus(a: RecipientStatus, b: RecipientStatus): RecipientStatus {
  return STATUS_ORDER[Math.min(STATUS_ORDER.indexOf(a), STATUS_ORDER.indexOf(b))];
}

/** The assumptions in force for a set of choices (unknown ids and options refused). */
export function resolveAssumptions(agreement: Agreement, chosen: Record<string, string>): AssumptionInForce[] {
  return compile(agreement, chosen).assumptions;
}
