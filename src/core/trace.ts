/**
 * The explanation trace: typed events, not text. Every stage of an
 * evaluation records what it decided as an event with a kind, the exact
 * values it used (bigint, fractions, decimal strings from the data), the
 * citation and whether it applied. One renderer (`render.ts`) turns events
 * into Swedish sentences for every face; a face that wants a badge, a link
 * or "failing first" reads the fields, never the text.
 */
import { Fraction } from "./fraction";
import { Citation, Comparison } from "./model";

/** true = met / applied; false = not; null = data missing, cannot be decided. */
export type Verdict = boolean | null;

/** An entity named in a trace. */
export interface Who {
  level: "kommun" | "landsting" | "lan";
  code: string;
  name: string;
}

interface EventBase {
  applied: Verdict;
  source?: Citation;
  /** Ids of the assumptions that shaped this step. */
  assumptions?: readonly string[];
}

/** The measured value of one criterion, as the verdict used it. */
export type CriterionValue =
  | { type: "missing" }
  | { type: "boolean"; answer: boolean }
  | { type: "not-applicable"; countsAsMet: boolean }
  | { type: "share"; value: Fraction; counts?: { part: bigint; total: bigint }; threshold: string; op: Comparison }
  | {
      type: "target-count";
      count: bigint;
      /** The target figure (computed from the population, or entered). */
      target: Fraction;
      /** The population it was computed from (null when entered). */
      population: bigint | null;
      rate: string;
      threshold: string;
      op: Comparison;
    }
  | { type: "months-lower"; lower: number; months: number; required: number; match: "at-least" | "exactly" }
  | {
      type: "improvement";
      indicators: { name: string; baseline: Fraction; result: Fraction; improvement: Fraction; hundredRule: boolean }[];
      average: Fraction;
      min: string;
      unit: "points" | "relative";
      basis: "average" | "each";
      op: Comparison;
      improved: boolean;
      attainment?: { average: Fraction; level: string; met: boolean };
      /** Relative improvement with a baseline of 0 cannot be computed. */
      undefinedRelative: boolean;
    };

export interface CriterionEvent extends EventBase {
  kind: "criterion";
  rule: string;
  criterion: string;
  label: string;
  value: CriterionValue;
}

/** A rule's verdict over its criteria (all evaluated, no short-circuit). */
export interface RuleEvent extends EventBase {
  kind: "rule";
  rule: string;
  title: string;
  failed: string[];
  missing: string[];
}

/** A county-wide requirement answered by every member ("samtliga"). */
export interface CountyAllEvent extends EventBase {
  kind: "county-all";
  rule: string;
  title: string;
  lan: string;
  met: number;
  of: number;
  failing: string[];
  missing: string[];
}

/** A requirement that gates one body by its own answer (assumption alternative). */
export interface OwnGateEvent extends EventBase {
  kind: "own-gate";
  rule: string;
  who: Who;
}

export type CoverageOutcome = "receive" | "undecided" | "nobody" | "complying-only" | "too-many-failing";

/** The county coverage rule (e.g. ≥ 80 % of the inhabitants, 004 §3.4.1). */
export interface CoverageEvent extends EventBase {
  kind: "coverage";
  rule: string;
  lan: string;
  covered: bigint;
  total: bigint;
  unknown: bigint;
  threshold: string;
  op: Comparison;
  failingKommuner: number;
  maxFailing?: number;
  outcome: CoverageOutcome;
}

/** A failing landsting stops the whole county (assumption alternative). */
export interface LandstingFailsEvent extends EventBase {
  kind: "failing-landsting";
  who: Who;
}

/** A pot's gate for one candidate: the basic requirements' verdict. */
export interface GateEvent extends EventBase {
  kind: "gate";
  pot: string;
  who: Who;
}

/** A candidate that reaches a higher tier shares only that tier. */
export interface ExcludedEvent extends EventBase {
  kind: "excluded";
  pot: string;
  by: string;
  who: Who;
}

export interface KeyMissingEvent extends EventBase {
  kind: "key-missing";
  pot: string;
  key: string;
  who: Who;
}

/** A key value limited by a cap (e.g. at most two process leaders per kommun). */
export interface KeyCapEvent extends EventBase {
  kind: "key-cap";
  pot: string;
  key: string;
  who: Who;
  given: bigint;
  used: bigint;
  max: number;
  districts: number;
}

/** A pot (or one part of it) shared among the candidates that qualify. */
export interface AllocationEvent extends EventBase {
  kind: "allocation";
  pot: string;
  title: string;
  part?: "kommuner" | "landsting";
  amount: bigint;
  recipients: number;
  key: string;
  keySum: bigint;
  /** Kronor handed out one by one after the floors. */
  leftover: bigint;
  missing: number;
  /** Where the key is stated (the event's `source` is the pot's). */
  keySource?: Citation;
}

export interface TieBreakEvent extends EventBase {
  kind: "tie-break";
  pot: string;
  title: string;
  part?: "kommuner" | "landsting";
  winners: string[];
  losers: string[];
  by: "key" | "id" | "position";
}

/** One recipient's share of a pot. */
export interface ShareEvent extends EventBase {
  kind: "share";
  pot: string;
  title: string;
  part?: "kommuner" | "landsting";
  who: Who;
  amount: bigint;
  of: bigint;
  key: string;
  keyValue: bigint;
  keySum: bigint;
  extra: boolean;
}

/**
 * A split of an amount between kommuner and landsting: of the pot
 * ("pot"), of one kommun's computed amount ("kommun"), of one län's share
 * ("lan"); "landsting-total" sums a landsting's parts in a per-kommun pot.
 */
export interface SplitEvent extends EventBase {
  kind: "split";
  pot: string;
  title: string;
  scope: "pot" | "kommun" | "lan" | "landsting-total";
  who?: Who;
  landsting?: Who;
  amount: bigint;
  kommunPart: bigint;
  landstingPart: bigint;
  kommunRate: string;
  landstingRate: string;
}

/** A län's kommun part divided among its kommuner by a key. */
export interface DivisionEvent extends EventBase {
  kind: "division";
  pot: string;
  lan: string;
  amount: bigint;
  kommuner: number;
  key: string;
  who?: Who;
  share?: bigint;
}

/** A body's part that nobody can take (it fails its own requirements). */
export interface WithheldEvent extends EventBase {
  kind: "withheld";
  pot: string;
  who: Who;
  amount: bigint;
}

/** A fixed amount to one recipient (or one that is conditional or announced later). */
export interface FixedEvent extends EventBase {
  kind: "fixed";
  pot: string;
  title: string;
  who: Who;
  /** Paid to another body than `who` (a län's money paid to its landsting). */
  paidTo?: Who;
  amount: bigint | null;
  condition?: string;
  /** The rule that decides the condition from the facts (absent: the condition is not assessed). */
  rule?: string;
}

/** Pot-level outcome for pots that are not shared by key. */
export interface PotEvent extends EventBase {
  kind: "pot";
  pot: string;
  title: string;
  type: "organisation" | "unspecified" | "fixed";
  amount: bigint;
  payee?: string;
  assigned?: bigint;
  unallocated?: bigint;
  outside?: string;
}

/**
 * A key given in the facts (or the sheet) that differs from the figure
 * embedded from SCB: the evaluation uses the given figure, and says so, with
 * SCB's beside it (a typo in a population moves money without a word
 * otherwise).
 */
export interface KeyOverrideEvent extends EventBase {
  kind: "key-override";
  key: "population";
  who: Who;
  /** The figure the evaluation uses. */
  given: bigint;
  /** SCB's figure (31 December 2013), embedded in the reference data. */
  embedded: bigint;
}

/** A recorded disagreement between the sources about this pot. */
export interface ConflictEvent extends EventBase {
  kind: "conflict";
  pot: string;
  conflict: string;
  subject: string;
  resolution: string;
}

export type TraceEvent =
  | CriterionEvent
  | RuleEvent
  | CountyAllEvent
  | OwnGateEvent
  | CoverageEvent
  | LandstingFailsEvent
  | GateEvent
  | ExcludedEvent
  | KeyMissingEvent
  | KeyCapEvent
  | AllocationEvent
  | TieBreakEvent
  | ShareEvent
  | SplitEvent
  | DivisionEvent
  | WithheldEvent
  | FixedEvent
  | PotEvent
  | ConflictEvent
  | KeyOverrideEvent;

export type TraceKind = TraceEvent["kind"];
