/**
 * Stage 1 of an evaluation: the bodies that answer and receive — every län
 * (as a county, for county-level answers and län pots), landsting and kommun —
 * with their population and their parsed facts.
 */
import { Compiled } from "./compile";
import { StimError } from "./errors";
import { ParsedEntity, ParsedFacts } from "./facts";
import { RuleContext, RuleResult, evaluateRule } from "./rules";
import { KeyOverrideEvent, TraceEvent, Verdict, Who } from "./trace";
import { getKommun, landstingName, LAN, Lan } from "../reference";

export type EntityLevel = "kommun" | "landsting" | "lan";

export interface Entity {
  who: Who;
  level: EntityLevel;
  code: string;
  name: string;
  lan: string;
  population: bigint;
  facts?: ParsedEntity;
  /** Code used to break ties: "0180", "landsting:01", "lan:01". */
  tieId: string;
  /** What a rule evaluation needs to know about this body. */
  ruleContext: RuleContext;
  /** Rule verdicts for this body by `Compiled.ruleIndex` (computed on demand; created on first use). */
  rules: (RuleResult | undefined)[] | undefined;
  gate: Verdict;
  gateEvents: TraceEvent[];
  /** Set when the facts give a population other than SCB's embedded figure. */
  override?: KeyOverrideEvent;
}

export interface Entities {
  counties: Map<string, Entity>;
  landsting: Map<string, Entity>;
  kommuner: Map<string, Entity>;
  /** The rule's verdict for a body, from its own answers (cached). */
  ruleFor(e: Entity, ruleId: string): RuleResult;
  /** The body that answers a required rule for `e` (a landsting prerequisite of a län goal …). */
  answererOf(ruleId: string, e: Entity): Entity;
  lans: readonly Lan[];
}

export function buildEntities(compiled: Compiled, facts: ParsedFacts): Entities {
  const counties = new Map<string, Entity>();
  const landsting = new Map<string, Entity>();
  const kommuner = new Map<string, Entity>();
  for (const l of LAN) {
    const cf = facts.counties.get(l.code);
    counties.set(l.code, entity("lan", l.code, l.name, l.code, l.population, cf?.county));
    landsting.set(l.code, entity("landsting", l.code, landstingName(l.code), l.code, l.population, cf?.landsting));
    for (const kc of l.kommuner) {
      const k = getKommun(kc)!;
      kommuner.set(kc, entity("kommun", kc, k.name, l.code, k.population, cf?.kommuner.get(kc)));
    }
  }
  const ruleFor = (e: Entity, ruleId: string): RuleResult => {
    const i = compiled.ruleIndex.get(ruleId);
    if (i === undefined) throw new StimError(`Okänd regel ${ruleId} i ${compiled.agreement.id}.`);
    const done = (e.rules ??= new Array(compiled.ruleIndex.size));
    let r = done[i];
    if (!r) done[i] = r = evaluateRule(compiled.rules.get(ruleId)!, e.facts?.answers.get(ruleId), e.ruleContext);
    return r;
  };
  const answererOf = (ruleId: string, e: Entity): Entity => {
    const levels = compiled.levels.get(ruleId) ?? [];
    const own = e.level === "lan" ? "county" : e.level;
    if (levels.includes(own)) return e;
    if (levels.includes("landsting")) return landsting.get(e.lan)!;
    if (levels.includes("county")) return counties.get(e.lan)!;
    return e;
  };
  return { counties, landsting, kommuner, ruleFor, answererOf, lans: LAN };
}

function entity(level: EntityLevel, code: string, name: string, lan: string, population: number, facts: ParsedEntity | undefined): Entity {
  const embedded = BigInt(population);
  const pop = populationOf(embedded, facts);
  const who: Who = { level, code, name };
  // Every entity has the field (one object shape); set only when the facts differ from SCB.
  const override: KeyOverrideEvent | undefined = pop === embedded ? undefined : { kind: "key-override", key: "population", who, given: pop, embedded, applied: true };
  return {
    override,
    ruleContext: { population: pop, level: level === "lan" ? "county" : level },
    who,
    level,
    code,
    name,
    lan,
    population: pop,
    facts,
    tieId: level === "kommun" ? code : `${level}:${code}`,
    rules: undefined,
    gate: true,
    gateEvents: [],
  };
}

/** The embedded population, unless the facts override it (what-if scenarios). */
function populationOf(embedded: bigint, facts: ParsedEntity | undefined): bigint {
  const o = facts?.keys.get("population");
  if (o === undefined || o === null || Array.isArray(o)) return embedded;
  return o.mantissa; // whole numbers only (checked when the facts were parsed)
}
