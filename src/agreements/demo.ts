/**
 * The fictional demo scenario: plausible but invented answers and key values
 * for every county, landsting and kommun, built deterministically (the same
 * agreement always gives the same facts). Populations are SCB's real figures;
 * every other number here is made up and labelled so.
 */
import { criterionApplies, Level } from "../core/compile";
import { CountyFacts, EntityFacts, Facts, FACTS_FORMAT, FACTS_VERSION, inputKeysFor, rulesAnsweredBy, AnswerValue } from "../core/facts";
import { Agreement, Criterion } from "../core/model";
import { getKommun, LAN } from "../reference";

/** A small seeded PRNG (mulberry32) keyed by a string. */
function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value that meets (pass = true) or misses the criterion, near its threshold. */
function answerFor(c: Criterion, r: () => number, pass: boolean, population: number): AnswerValue {
  switch (c.kind) {
    case "boolean":
      // Some bodies answer "ej aktuellt" where the point applies only to some.
      return c.notApplicable === "met" && pass && r() < 0.3 ? "ej aktuellt" : pass;
    case "target-count": {
      // Registered patients around the line: threshold × rate × population.
      const line = Number(c.threshold) * Number(c.rate) * population;
      return pass ? Math.ceil(line) + Math.floor(r() * line * 0.3) : Math.max(0, Math.floor(line) - 1 - Math.floor(r() * line * 0.2));
    }
    case "share": {
      const thr = Number(c.threshold);
      const total = 200 + Math.floor(r() * 1800);
      const edge = Math.ceil(total * thr);
      const part = pass ? Math.min(total, edge + 1 + Math.floor(r() * total * 0.08)) : Math.max(0, edge - 1 - Math.floor(r() * total * 0.1));
      return { part, total };
    }
    case "months-lower": {
      const lower = pass ? c.required + Math.floor(r() * (c.months - c.required + 1)) : Math.floor(r() * c.required);
      const previous: number[] = [];
      const current: number[] = [];
      for (let m = 0; m < c.months; m++) {
        const p = 100 + Math.floor(r() * 900);
        previous.push(p);
        current.push(m < lower ? p - 1 - Math.floor(r() * 40) : p + Math.floor(r() * 30));
      }
      return { previous, current };
    }
    case "indicator-improvement": {
      const min = Number(c.minImprovement);
      const baseline: number[] = [];
      const result: number[] = [];
      for (let i = 0; i < c.indicators.length; i++) {
        const b = 30 + Math.floor(r() * 40);
        baseline.push(b);
        result.push(pass ? b + min + Math.floor(r() * 8) : b + Math.floor(r() * Math.max(1, min - 2)));
      }
      return { baseline, result };
    }
  }
}

function keyFor(id: string, population: number, r: () => number): number {
  if (id === "population") return population;
  if (id.includes("65")) return Math.round(population * (0.15 + r() * 0.12));
  if (id.includes("75")) return Math.round(population * (0.07 + r() * 0.04));
  // Counts of registrations and the like: roughly proportional to population.
  return Math.round((population / 1000) * (0.5 + r() * 3));
}

function entity(agreement: Agreement, level: Level, code: string, population: number, skip: ReadonlySet<string> = new Set()): EntityFacts {
  const r = rng(`${agreement.id}|${level}|${code}`);
  const requirementIds = new Set(agreement.requirements.map((x) => x.id));
  const answers: Record<string, Record<string, AnswerValue>> = {};
  for (const rule of rulesAnsweredBy(agreement, level)) {
    if (skip.has(rule.id)) continue;
    // Most bodies meet the basic requirements; about three in four reach a goal.
    const meets = r() < (requirementIds.has(rule.id) ? 0.94 : 0.75);
    const failing = meets ? -1 : Math.floor(r() * rule.criteria.length);
    answers[rule.id] = Object.fromEntries(
      rule.criteria.filter((c) => criterionApplies(c, level)).map((c, i) => [c.id, answerFor(c, r, i !== failing, population)]),
    );
  }
  const keys: Record<string, number | number[]> = {};
  for (const k of inputKeysFor(agreement, level)) {
    if (k === "population") continue;
    const cap = agreement.pots.find((p) => p.key?.id === k && p.key.cap)?.key?.cap;
    // Capped counts (trained process leaders): a few per kommun, per city district where the cap is per district.
    if (cap) keys[k] = cap.perDistrict?.includes(code) ? [1, 2, 3, 0, 2].map((n) => Math.floor(r() * (n + 1))) : Math.floor(r() * 4);
    else keys[k] = keyFor(k, population, r);
  }
  const out: EntityFacts = {};
  if (Object.keys(answers).length) out.answers = answers;
  if (Object.keys(keys).length) out.keys = keys;
  return out;
}

/** The demo facts for an agreement: every county, landsting and kommun. */
export function demoFacts(agreement: Agreement): Facts {
  const counties: Record<string, CountyFacts> = {};
  for (const l of LAN) {
    const cf: CountyFacts = {};
    const county = entity(agreement, "county", l.code, l.population);
    if (Object.keys(county).length) cf.county = county;
    // One body, one answer: where a kommun is also the landsting (Region
    // Gotland), the rules both answer are answered once, by the kommun.
    const shared = new Set(l.oneBodyKommun ? rulesAnsweredBy(agreement, "kommun").map((x) => x.id) : []);
    const ls = entity(agreement, "landsting", l.code, l.population, shared);
    if (Object.keys(ls).length) cf.landsting = ls;
    const ks: Record<string, EntityFacts> = {};
    for (const kc of l.kommuner) {
      const e = entity(agreement, "kommun", kc, getKommun(kc)!.population);
      if (Object.keys(e).length) ks[kc] = e;
    }
    if (Object.keys(ks).length) cf.kommuner = ks;
    counties[l.code] = cf;
  }
  return {
    format: FACTS_FORMAT,
    version: FACTS_VERSION,
    agreement: agreement.id,
    title: `Fiktivt demoscenario för ${agreement.id}`,
    description:
      "FIKTIVA uppgifter för demonstration och utbildning: alla svar och nyckeltal utom folkmängden (SCB 31 december 2013) är påhittade, deterministiskt genererade.",
    fictional: true,
    counties,
  };
}
