/**
 * The data model of an agreement (överenskommelse) as the rules core reads it.
 *
 * Agreements live in `src/agreements/` as plain typed data; the core evaluates
 * them. Every amount is whole kronor (a safe integer), every rate or threshold a
 * decimal string ("0.8", "0.7") so nothing passes through binary floats.
 */
// The seed documents and the source registry's types belong to the reference
// data (src/reference/sources.ts), below the core; re-exported for the model.
export { SEED_FILES } from "../reference/sources";
export type { SeedFile, SourceDocument, SourceKind } from "../reference/sources";
import type { SeedFile } from "../reference/sources";

/**
 * A structured citation: one hop from a number to its paragraph.
 * `section` is the document's own section number ("3.4.1") where it has one,
 * otherwise the exact heading text as it stands in the seed file.
 * `quote` (optional) is a short verbatim fragment (≤ 80 chars) that a test
 * finds in the seed file, proving the citation resolves.
 */
export interface Citation {
  doc: SeedFile;
  section: string;
  label: string;
  quote?: string;
}

/** Whether a datum is read from a source or is our stated assumption. */
export type Status = "sourced" | "assumption";

export interface Cited {
  source: Citation;
  status: Status;
  /** Ids of assumptions that shape this item (status may still be "sourced"). */
  assumptions?: string[];
}

/** Who can be a recipient of money. */
export type RecipientLevel = "kommun" | "landsting" | "lan" | "organisation";

/**
 * A named assumption: where the sources are silent or ambiguous we choose a
 * default, say why, and let the user pick an alternative.
 */
export interface Assumption {
  /** Globally unique, "<agreement>/<slug>". */
  id: string;
  /** Swedish, short. */
  title: string;
  /** Swedish, one line: why this is an assumption and what the default means. */
  reason: string;
  /** The option id in force unless the user overrides it. */
  default: string;
  /**
   * Every selectable option, the default included. The agreement data
   * encodes the default reading; every other option declares its effect as
   * patches on the data (see `Patch`), applied by `compile()`. An option
   * that changes nothing is not listed.
   */
  options: AssumptionOption[];
  /** Where the silence or ambiguity is. */
  source: Citation;
}

export interface AssumptionOption {
  id: string;
  /** Swedish label. */
  label: string;
  /** What choosing this option changes (none for the default). */
  effect?: Patch[];
}

/**
 * One change an assumption option makes to the agreement data. Patches name
 * items by id; `compile()` applies them to a copy of the agreement, so the
 * engine only ever reads plain data and knows no option ids.
 */
export type Patch =
  /** Merge fields into a pot (e.g. a key swap, gated, kind, payee, excludedBy). */
  | { pot: string; set: Partial<Omit<Pot, "id">> }
  /** Merge fields into a requirement or goal (e.g. gate, requires, answeredBy). */
  | { rule: string; set: Partial<Omit<Requirement, "id" | "criteria">> }
  /** Merge fields into a requirement's county coverage rule. */
  | { coverage: string; set: Partial<Coverage> }
  /** Merge settings into one criterion (operator, month rule, unit, basis …). */
  | { rule: string; criterion: string; set: CriterionSettings }
  /** Replace one criterion by others (e.g. one combined share → one per register). */
  | { rule: string; criterion: string; replace: Criterion[] }
  /** Add criteria at the end of a rule. */
  | { rule: string; add: Criterion[] }
  /** Merge fields into a dated item (e.g. another results period). */
  | { date: string; set: Partial<Omit<DatedItem, "id">> };

/** Criterion settings an assumption may change without changing its kind. */
export interface CriterionSettings {
  op?: Comparison;
  match?: "at-least" | "exactly";
  unit?: "points" | "relative";
  basis?: "average" | "each";
  hundredRule?: { floor: string };
  notApplicable?: "met" | "not-met";
  target?: "computed" | "input";
  assumptions?: string[];
}

// ---------------------------------------------------------------------------
// Criteria: the atoms of basic requirements and performance goals.

/** Comparison of a measured value against a threshold. */
export type Comparison = ">=" | ">";

interface CriterionBase {
  /** Unique within its rule, e.g. "svarsfrekvens". */
  id: string;
  /** Swedish label shown to users. */
  label: string;
  source: Citation;
  status: Status;
  assumptions?: string[];
  /**
   * Entity levels that answer this criterion when its rule is answered by
   * several levels (e.g. Senior alert's point-prevalence duty is the
   * kommuner's only). Default: every level that answers the rule.
   */
  appliesTo?: ("county" | "landsting" | "kommun")[];
}

/** A yes/no answer (reported, decided, took part …). */
export interface BooleanCriterion extends CriterionBase {
  kind: "boolean";
  /**
   * The point applies only to some (e.g. those deciding a new agreement in
   * 2014): the answer may be "ej aktuellt", which counts as met or not met.
   */
  notApplicable?: "met" | "not-met";
}

/**
 * A share (andel) compared exactly against a threshold, e.g. ≥ 0.9.
 * Input: a fraction 0–1, a string "90 %", or { part, total } counts.
 */
export interface ShareCriterion extends CriterionBase {
  kind: "share";
  threshold: string;
  op: Comparison;
  /**
   * The measured part may exceed the reference (e.g. registered patients
   * against a target figure), so shares above 100 % are valid input.
   */
  mayExceedWhole?: boolean;
}

/**
 * A count compared against a share of a target figure that the core
 * computes from the answering body's population (prio-2014 B1: registered
 * patients ≥ 60 % of the target figure, which is 0,5 % of the county's
 * inhabitants). With `target: "input"` the user enters an official target
 * figure of their own beside the count ({ part, total }).
 */
export interface TargetCountCriterion extends CriterionBase {
  kind: "target-count";
  /** The target figure as a share of the population, e.g. "0.005". */
  rate: string;
  /** Share of the target figure to reach, e.g. "0.6". */
  threshold: string;
  op: Comparison;
  /** Default "computed" from the population; "input" = entered by the user. */
  target?: "computed" | "input";
}

/**
 * "In at least `required` of `months` months the value is strictly lower than
 * the same month the year before" (equal is not lower).
 * Input: { previous: number[months], current: number[months] }.
 */
export interface MonthsLowerCriterion extends CriterionBase {
  kind: "months-lower";
  months: number;
  required: number;
  /** "at-least" (default): ≥ required months; "exactly": = required. */
  match?: "at-least" | "exactly";
}

/**
 * Palliative-care style indicator improvement: a set of indicators (percent
 * values 0–100) measured in a baseline and a result period. Met when the
 * average improvement ≥ `minImprovement` (percentage points or relative, by
 * assumption), or — when `attainmentAlternative` is set — when the average
 * result ≥ that level. With `hundredRule`, an indicator whose result is 100 %
 * counts as max(hundredRuleFloor, actual improvement).
 * Input: { baseline: number[], result: number[] } (length = indicators.length).
 */
export interface ImprovementCriterion extends CriterionBase {
  kind: "indicator-improvement";
  indicators: string[];
  minImprovement: string;
  attainmentAlternative?: string;
  hundredRule?: { floor: string };
  /** "points" (default): result − baseline; "relative": in per cent of the baseline. */
  unit?: "points" | "relative";
  /** "average" (default) of the indicators, or "each" indicator must improve. */
  basis?: "average" | "each";
  /** Comparison with `minImprovement` (default ≥). */
  op?: Comparison;
}

export type Criterion =
  | BooleanCriterion
  | ShareCriterion
  | TargetCountCriterion
  | MonthsLowerCriterion
  | ImprovementCriterion;

/**
 * A rule: a basic requirement (grundkrav) or a performance goal
 * (prestationsmål). Met when every criterion is met (all are evaluated, so an
 * explanation lists every failure, not only the first).
 */
export interface Rule extends Cited {
  /** Unique within the agreement, e.g. "GK1", "A1", "PALL1". */
  id: string;
  title: string;
  /** Who answers the criteria. */
  level: RecipientLevel;
  criteria: Criterion[];
  /** Ids of other rules that must also be met (e.g. shared prerequisites). */
  requires?: string[];
}

/**
 * How a basic requirement gates a county:
 * - "each": every recipient must meet it itself (a failing one gets nothing);
 *   with `coverage`, the county's landsting and the other kommuner still
 *   receive when the complying kommuner hold ≥ threshold of the inhabitants
 *   (prio-2014 §3.4.1); below it nobody in the county receives (assumption).
 * - "all-in-county": the county passes only if every kommun and the landsting
 *   meet it (aldre-2014 §5.1 krav 2, "samtliga").
 * - "county": answered once for the county (level "lan").
 */
export interface Requirement extends Rule {
  gate: "each" | "all-in-county" | "county";
  coverage?: Coverage;
  /** "county": one answer for the county counts for every kommun and the landsting. */
  answeredBy?: "county";
}

/**
 * The county coverage rule (prio-2014 §3.4.1): when some kommuner fail the
 * "each" requirements, the landsting and the complying kommuner still
 * receive if the complying kommuner hold ≥ threshold of the inhabitants.
 */
export interface Coverage {
  threshold: string;
  op: Comparison;
  source: Citation;
  status: Status;
  assumptions?: string[];
  /** Below the threshold: nobody in the county receives (default), or only the complying. */
  below?: "none-in-county" | "complying-only";
  /** The exception holds only when at most this many kommuner fail. */
  maxFailing?: number;
  /** A failing landsting: only it loses (default), or nobody in the county receives. */
  landstingFails?: "landsting-only" | "none-in-county";
}

// ---------------------------------------------------------------------------
// Keys, splits and pots.

/**
 * An allocation key (fördelningsnyckel). `population` is embedded (SCB, 31 Dec
 * 2013); any other key is an input in the facts (`keys.<id>`), never invented.
 */
export interface KeyRef extends Cited {
  id: "population" | string;
  /** Swedish label, e.g. "Antal invånare 31 december 2013". */
  label: string;
  /** Whether the value comes from the facts (true) or is embedded (false). */
  input: boolean;
  /**
   * An upper bound per recipient (e.g. at most two trained process leaders
   * per kommun). For the codes in `perDistrict` the value may be a list of
   * counts per city district, each capped.
   */
  cap?: { max: number; perDistrict?: string[]; source: Citation };
}

/**
 * A split between kommuner and landsting (e.g. 70/30).
 * - "pot": the pot is split first; each part is shared among the qualifying
 *   recipients of that level (Senior alert other settings, ROAG).
 * - "per-kommun": the pot is shared among qualifying kommuner; each kommun's
 *   share is then split with its landsting (palliative care, 002 §5.3).
 * - "per-lan": the pot is shared among qualifying län; each län's share is
 *   split into a landsting part and a kommun part, and the kommun part is
 *   divided among the county's kommuner by `kommunKey` (medication, avoidable
 *   care, readmissions).
 * Gotland (0980 / län 09) receives both parts.
 */
export interface Split extends Cited {
  kommuner: string;
  landsting: string;
  mode: "pot" | "per-kommun" | "per-lan";
  kommunKey?: KeyRef;
}

/** Swedish labels for who receives a pot: the one place users' words for the levels live. */
export const RECIPIENT_LEVEL_SV: Readonly<Record<RecipientLevel | "kommun+landsting", string>> = {
  kommun: "kommuner",
  landsting: "landsting",
  lan: "län",
  organisation: "organisation",
  "kommun+landsting": "kommuner och landsting",
};

/** Swedish labels for how a basic requirement gates the money. */
export const GATE_SV: Readonly<Record<Requirement["gate"], string>> = {
  each: "varje mottagare för sig",
  "all-in-county": "alla i länet",
  county: "länet gemensamt",
};

/** Swedish labels for who answers a rule: the same words as for recipients, one body at a time. */
export const RULE_LEVEL_SV: Readonly<Record<RecipientLevel, string>> = {
  kommun: "kommun",
  landsting: "landsting",
  lan: "län",
  organisation: "organisation",
};

/** Swedish labels for a split's mode. */
export const SPLIT_MODE_SV: Readonly<Record<Split["mode"], string>> = {
  pot: "hela potten delas",
  "per-kommun": "per kommun",
  "per-lan": "per län",
};

/** Swedish labels for the kinds of pot. */
export const POT_KIND_SV: Readonly<Record<PotKind, string>> = {
  performance: "prestation",
  fixed: "fast belopp",
  organisation: "till organisation",
  unspecified: "fördelning ej angiven",
};

export type PotKind =
  /** Shared among recipients that reach a goal. */
  | "performance"
  /** A fixed amount per recipient, paid unconditionally or on a stated condition. */
  | "fixed"
  /** Paid to a named organisation (SKL, Famna …); not allocated to kommuner/landsting. */
  | "organisation"
  /** An amount whose distribution the sources do not state; reported, not allocated. */
  | "unspecified";

/**
 * A fixed amount per recipient (e.g. analysis work: 2 MSEK to each
 * metropolitan län). Carries its own citation because county-specific amounts
 * often come from another document than the pot (003 for Stockholm).
 */
export interface FixedAmount extends Cited {
  /** Recipient codes (kommunkod or länskod); "*" = every recipient of `level` not listed in another entry. */
  recipients: string[] | "*";
  level: RecipientLevel;
  /** Whole kronor per recipient; null = the sources say the amount is announced later. */
  amount: number | null;
  /** Swedish: the condition for a conditional amount (e.g. "om länet ansöker senast 7 februari 2014"). */
  condition?: string;
  /**
   * The rule (a goal of the agreement) whose criteria decide the condition
   * from the facts: met → paid, not met → not paid, unanswered → still
   * conditional. Without it the condition is shown but not assessed.
   */
  rule?: string;
  /**
   * A county's amount (level "lan") is booked on the county's landsting row;
   * `payee` names the body it is paid to when that is not the landsting
   * (Swedish, without the county: "Läns-/regionförbundet" → "… i Stockholms län").
   */
  payee?: string;
}

export interface Pot extends Cited {
  /** Unique within the agreement, e.g. "A1". */
  id: string;
  title: string;
  /** Whole kronor. */
  amount: number;
  kind: PotKind;
  /** Who shares it (performance) or receives it. */
  level: RecipientLevel | "kommun+landsting";
  /** Performance pots: the goal that must be reached. */
  goal?: string;
  /** Whether the basic requirements gate this pot. */
  gated?: boolean;
  key?: KeyRef;
  split?: Split;
  fixed?: FixedAmount[];
  /** Organisation pots: the payee (e.g. "SKL"). */
  payee?: string;
  /** Optional grouping for summary tables (e.g. "A1+A2"). */
  group?: string;
  /** Optional short Swedish note shown with the pot. */
  note?: string;
  /**
   * Performance pots: a recipient that reaches any of these pots' goals
   * shares only those, not this one (a lower tier).
   */
  excludedBy?: string[];
  /**
   * Money the agreement names but that is paid outside its total, by
   * another payer (e.g. Socialstyrelsen's ÄBiC money, 002 Bilaga 2):
   * evaluated like every pot, reported apart from the agreement's total.
   */
  outside?: { payer: string; title: string };
}

/** A total the sources declare, checked when the agreement loads. */
export interface DeclaredTotal extends Cited {
  id: string;
  label: string;
  amount: number;
  /** Pot ids whose amounts must sum to `amount`; "*" = every pot. */
  pots: string[] | "*";
}

/** A dated event: deadline, measurement period, payment. */
export interface DatedItem extends Cited {
  id: string;
  label: string;
  /** ISO date, or a period "YYYY-MM-DD/YYYY-MM-DD". */
  date: string;
}

/**
 * Who must act, as the sources name them. Local parties (kommunerna,
 * landstingen, huvudmännen, länet) are what a county's staff act on; the
 * others are national bodies whose deadlines shape the county's year.
 */
export type ObligationParty =
  | "kommunerna"
  | "landstingen"
  | "huvudmännen"
  | "länet"
  | "SKL"
  | "Socialstyrelsen"
  | "Statskontoret"
  | "Regeringskansliet"
  | "Famna och Vårdföretagarna";

/**
 * When an obligation falls due:
 * - "date": one ISO date (YYYY-MM-DD), the last day to act ("senast"), or
 *   with `from` the day something starts to hold ("från och med");
 * - "monthly": on day `day` of the month after each month from `from` to
 *   `to` (YYYY-MM, both inclusive) — "by the 20th of the following month";
 * - "period": a span (ISO dates, inclusive) in which something holds or
 *   may be done (funds may be used during 2015);
 * - "none": the source sets no date; `note` says so in Swedish.
 */
export type ObligationDue =
  | { kind: "date"; date: string; from?: boolean }
  | { kind: "monthly"; day: number; from: string; to: string }
  | { kind: "period"; from: string; to: string }
  | { kind: "none"; note: string };

/**
 * What an agreement requires besides money: a report, a deadline, a
 * repayment, a condition, who may use funds until when. Each is cited.
 */
export interface Obligation extends Cited {
  /** Unique within the agreement, e.g. "ekonomisk-redovisning". */
  id: string;
  /** Swedish, one line: what must be done (or what holds). */
  what: string;
  /** Who must do it. */
  who: ObligationParty;
  /** To whom it is delivered, where the source says (Swedish), e.g. "Kammarkollegiet". */
  to?: string;
  due: ObligationDue;
  /** Swedish: the consequence of missing it as the source states it, or that the source states none. */
  consequence: string;
  /** Whether the source itself states the consequence (false: "källan anger ingen följd"). */
  consequenceSourced: boolean;
  /** The county codes it concerns, when not every county (e.g. a memo's own county). */
  counties?: string[];
}

/** A recorded disagreement between sources, and how we resolve it. */
export interface SourceConflict {
  id: string;
  agreement: string;
  subject: string;
  claims: { source: Citation; value: string }[];
  /** Swedish: what the product uses and why. */
  resolution: string;
  /** The value used (as text). */
  resolvedValue: string;
  /** Pots whose amount or rule the conflict concerns (shown with them). */
  pots?: string[];
}

export interface Agreement {
  /** The agreement document itself. */
  source: Citation;
  status: Status;
  /** "prio-2014", "aldre-2014", … */
  id: string;
  title: string;
  year: number;
  /** Declared total of the agreement, whole kronor. */
  total: number;
  pots: Pot[];
  requirements: Requirement[];
  goals: Rule[];
  assumptions: Assumption[];
  totals: DeclaredTotal[];
  dates: DatedItem[];
  conflicts: SourceConflict[];
  /** Optional Swedish notes shown with the agreement (e.g. what is outside it). */
  notes?: string[];
  /** What the agreement requires besides money (src/agreements/obligations/). */
  obligations?: Obligation[];
}

/** A recipient's standing for one pot (defined here, with the other shared types, so formatting needs no engine module). */
export type RecipientStatus = "eligible" | "not-eligible" | "missing-data" | "not-applicable";

/** How an amount in the summary is decided. */
export type SummaryKind = "fixed" | "conditional" | "later" | "performance";
