/**
 * Stage 2 of an evaluation: the basic requirements (grundkrav), per county.
 * A requirement gates by one of three scopes (model.ts `Requirement.gate`);
 * the county coverage rule lives here, in `countyCoverage`, and nowhere else
 * (STIM.GRUNDKRAV_COUNTY calls it too).
 */
import { Compiled } from "./compile";
import { Entities, Entity } from "./entities";
import { fromDecimal, meets } from "./fraction";
import { Comparison, Coverage } from "./model";
import { and, combine } from "./rules";
import { CoverageEvent, CoverageOutcome, TraceEvent, Verdict } from "./trace";

export interface CoverageInput {
  population: bigint;
  met: Verdict;
}

export interface CoverageResult {
  met: Verdict;
  covered: bigint;
  total: bigint;
  unknown: bigint;
  failing: number;
}

/**
 * The county coverage rule: the kommuner that meet the requirements hold at
 * least `threshold` of the county's inhabitants (exact: covered ≥ t × total).
 * Undecided (null) when the kommuner without answers could tip it; with
 * `maxFailing`, more failing kommuner than that fail the rule.
 */
export function countyCoverage(
  kommuner: readonly CoverageInput[],
  rule: { threshold: string; op: Comparison; maxFailing?: number },
): CoverageResult {
  let total = 0n;
  let covered = 0n;
  let unknown = 0n;
  let failing = 0;
  for (const k of kommuner) {
    total += k.population;
    if (k.met === true) covered += k.population;
    else if (k.met === null) unknown += k.population;
    else failing++;
  }
  const t = fromDecimal(rule.threshold);
  const ok = (p: bigint) => total > 0n && meets({ n: p, d: total }, rule.op, t);
  let met: Verdict = ok(covered) ? true : ok(covered + unknown) ? null : false;
  if (rule.maxFailing !== undefined && failing > rule.maxFailing) met = false;
  return { met, covered, total, unknown, failing };
}

export interface CountyGate {
  gate: Verdict;
  events: TraceEvent[];
}

/** Applies every requirement in every county; sets each member's `gate`. */
export function applyRequirements(compiled: Compiled, ents: Entities): Record<string, CountyGate> {
  const out: Record<string, CountyGate> = {};
  const requirements = compiled.requirements;
  for (const l of ents.lans) {
    const county = ents.counties.get(l.code)!;
    const ls = ents.landsting.get(l.code)!;
    const ks = l.kommuner.map((c) => ents.kommuner.get(c)!);
    const members: Entity[] = [...ks, ls];
    const events: TraceEvent[] = [];
    let countyGate: Verdict = true;
    for (const req of requirements) {
      if (req.gate === "county") {
        const r = ents.ruleFor(county, req.id);
        events.push(...r.events);
        countyGate = and(countyGate, r.met);
      } else if (req.gate === "all-in-county") {
        const verdicts = members.map((m) => ents.ruleFor(m, req.id).met);
        const met = combine(verdicts);
        events.push({
          kind: "county-all",
          applied: met,
          rule: req.id,
          title: req.title,
          lan: l.code,
          met: verdicts.filter((v) => v === true).length,
          of: members.length,
          failing: members.filter((_, i) => verdicts[i] === false).map((m) => m.name),
          missing: members.filter((_, i) => verdicts[i] === null).map((m) => m.name),
          source: req.source,
          assumptions: req.assumptions,
        });
        countyGate = and(countyGate, met);
      } else {
        for (const m of members) {
          const r = ents.ruleFor(req.answeredBy === "county" ? county : m, req.id);
          m.gate = and(m.gate, r.met);
          m.gateEvents.push(...r.events);
          if (!req.coverage) m.gateEvents.push({ kind: "own-gate", applied: r.met, rule: req.id, who: m.who, source: req.source, assumptions: req.assumptions });
        }
      }
    }
    const cov = requirements.find((r) => r.gate === "each" && r.coverage);
    if (cov?.coverage) {
      const c = cov.coverage;
      const res = countyCoverage(ks.map((k) => ({ population: k.population, met: k.gate })), c);
      const outcome = coverageOutcome(res, c);
      const ev: CoverageEvent = {
        kind: "coverage",
        applied: res.met,
        rule: cov.id,
        lan: l.code,
        covered: res.covered,
        total: res.total,
        unknown: res.unknown,
        threshold: c.threshold,
        op: c.op,
        failingKommuner: res.failing,
        maxFailing: c.maxFailing,
        outcome,
        source: c.source,
        assumptions: c.assumptions,
      };
      events.push(ev);
      if (outcome === "nobody" || outcome === "too-many-failing") {
        for (const m of members) m.gate = m.gate === null ? null : false;
        countyGate = and(countyGate, false);
      } else if (outcome === "undecided") {
        for (const m of members) if (m.gate === true) m.gate = null;
      }
      if (c.landstingFails === "none-in-county" && ls.gate === false) {
        events.push({ kind: "failing-landsting", applied: true, who: ls.who, source: c.source, assumptions: c.assumptions });
        countyGate = and(countyGate, false);
      }
    }
    for (const m of members) m.gate = and(m.gate, countyGate);
    county.gate = countyGate;
    out[l.code] = { gate: countyGate, events };
  }
  return out;
}

function coverageOutcome(res: CoverageResult, c: Coverage): CoverageOutcome {
  if (res.met === true) return "receive";
  if (res.met === null) return "undecided";
  if (c.below === "complying-only") return "complying-only";
  if (c.maxFailing !== undefined && res.failing > c.maxFailing) return "too-many-failing";
  return "nobody";
}
