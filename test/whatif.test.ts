/**
 * What-if (src/core/whatif.ts): facts edits the evaluator agrees with, the
 * difference between two evaluations, and the one-line summary. Expected
 * amounts are computed here independently (a plain largest-remainder
 * allocation written in the test), not taken from the code under test.
 */
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { InvariantError, StimError } from "../src/core/errors";
import { evaluate, type Evaluation } from "../src/core/evaluate";
import type { CountyFacts, Facts } from "../src/core/facts";
import type { Agreement } from "../src/core/model";
import {
  changeClause,
  diffEvaluations,
  whatIfSentence,
  withKey,
  withRuleOutcome,
  type FactsTarget,
  type WhatIfDiff,
} from "../src/core/whatif";
import { getKommun, getLan, KOMMUNER, LAN } from "../src/reference";
import { MINI } from "./fixtures/mini-agreement";

/** A minimal evaluation: recipients with totals; the rest as the diff reads it. */
function ev(recipients: [level: "kommun" | "landsting", code: string, lan: string, name: string, total: bigint][], extra: { unallocated?: bigint; organisations?: bigint; agreement?: string } = {}): Evaluation {
  const recipientsTotal = recipients.reduce((s, r) => s + r[4], 0n);
  const organisations = extra.organisations ?? 0n;
  const unallocated = extra.unallocated ?? 0n;
  return {
    agreement: extra.agreement ?? "test",
    title: "Test",
    total: recipientsTotal + organisations + unallocated,
    allocated: recipientsTotal + organisations,
    unallocated,
    outside: [],
    fictional: true,
    assumptions: [],
    pots: [],
    recipients: recipients.map(([level, code, lan, name, total]) => ({ level, code, lan, name, total, outside: 0n, gate: true, pots: [], events: [] })),
    counties: {},
    overrides: [],
  };
}

const MALMO = ["kommun", "1280", "12", "Malmö"] as const;
const LUND = ["kommun", "1281", "12", "Lund"] as const;
const ESLOV = ["kommun", "1285", "12", "Eslöv"] as const;
const UMEA = ["kommun", "2480", "24", "Umeå"] as const;

describe("diffEvaluations", () => {
  const before = ev([
    [...MALMO, 300n],
    [...LUND, 100n],
    [...ESLOV, 0n],
    [...UMEA, 50n],
  ]);
  const after = ev([
    [...MALMO, 0n],
    [...LUND, 300n],
    [...ESLOV, 100n],
    [...UMEA, 50n],
  ]);

  test("per recipient: only those that changed, largest change first", () => {
    const d = diffEvaluations(before, after);
    expect(d.recipients.map((r) => [r.code, r.before, r.after, r.delta])).toEqual([
      ["1280", 300n, 0n, -300n],
      ["1281", 100n, 300n, 200n],
      ["1285", 0n, 100n, 100n],
    ]);
    expect(d.moved).toBe(300n);
    expect(d.unallocated.delta).toBe(0n);
  });

  test("per county: Skåne's total is unchanged, so no county changed", () => {
    expect(diffEvaluations(before, after).counties).toEqual([]);
  });

  test("money that nobody receives any more is counted as unallocated, and the books balance", () => {
    const after2 = ev(
      [
        [...MALMO, 0n],
        [...LUND, 100n],
        [...ESLOV, 0n],
        [...UMEA, 50n],
      ],
      { unallocated: 300n },
    );
    const d = diffEvaluations(before, after2);
    expect(d.unallocated).toEqual({ before: 0n, after: 300n, delta: 300n });
    expect(d.moved).toBe(300n);
    expect(d.counties).toEqual([{ lan: "12", name: "Skåne län", before: 400n, after: 100n, delta: -300n }]);
  });

  test("refuses to compare two agreements, and catches kronor that appear from nowhere", () => {
    expect(() => diffEvaluations(before, ev([], { agreement: "annan" }))).toThrow(StimError);
    const broken = ev([
      [...MALMO, 300n],
      [...LUND, 101n],
      [...ESLOV, 0n],
      [...UMEA, 50n],
    ]);
    broken.total = before.total; // claims the same total but hands out one krona more
    broken.allocated = before.allocated;
    expect(() => diffEvaluations(before, broken)).toThrow(InvariantError);
  });
});

describe("whatIfSentence", () => {
  const diff = (rows: [string, string, bigint][], unallocated = 0n): WhatIfDiff => ({
    agreement: "test",
    recipients: rows.map(([code, name, delta]) => ({ level: "kommun", code, name, lan: "12", before: 0n, after: 0n, delta })),
    counties: [],
    pots: [],
    unallocated: { before: 0n, after: unallocated, delta: unallocated },
    organisations: { before: 0n, after: 0n, delta: 0n },
    moved: rows.filter((r) => r[2] > 0n).reduce((s, r) => s + r[2], 0n) + (unallocated > 0n ? unallocated : 0n),
  });
  const malmoFails = { kind: "requirements", who: "Malmö", meets: false } as const;

  test("the brief's example: the subject alone loses, so only where the money goes is said", () => {
    const d = diff([
      ["1280", "Malmö", -1234567n],
      ["1281", "Lund", 1000000n],
      ["1285", "Eslöv", 234567n],
    ]);
    expect(whatIfSentence(d, malmoFails, { subject: "kommun:1280" })).toBe(
      "Om Malmö inte uppfyller grundkraven flyttas 1 234 567 kr till Lund (1 000 000 kr) och Eslöv (234 567 kr).",
    );
  });

  test("several losers are named with 'från'; beyond three names the rest are summed so the amounts add up", () => {
    const d = diff([
      ["1280", "Malmö", -600n],
      ["1281", "Lund", -400n],
      ["0180", "Stockholm", 500n],
      ["1480", "Göteborg", 200n],
      ["0380", "Uppsala", 150n],
      ["0580", "Linköping", 100n],
      ["1880", "Örebro", 50n],
    ]);
    expect(whatIfSentence(d, malmoFails, { subject: "kommun:1280" })).toBe(
      "Om Malmö inte uppfyller grundkraven flyttas 1 000 kr från Malmö (600 kr) och Lund (400 kr) till Stockholm (500 kr), Göteborg (200 kr), Uppsala (150 kr) och 2 andra (150 kr).",
    );
  });

  test("four receivers are all named (no 'och 1 andra')", () => {
    const d = diff([
      ["1280", "Malmö", -10n],
      ["1", "A", 4n],
      ["2", "B", 3n],
      ["3", "C", 2n],
      ["4", "D", 1n],
    ]);
    expect(whatIfSentence(d, malmoFails, { subject: "kommun:1280" })).toBe(
      "Om Malmö inte uppfyller grundkraven flyttas 10 kr till A (4 kr), B (3 kr), C (2 kr) och D (1 kr).",
    );
  });

  test("money that becomes unallocated is named as such", () => {
    const d = diff([["1280", "Malmö", -700n]], 700n);
    expect(whatIfSentence(d, malmoFails, { subject: "kommun:1280" })).toBe(
      "Om Malmö inte uppfyller grundkraven flyttas 700 kr till ofördelade medel (700 kr).",
    );
  });

  test("nothing moves", () => {
    expect(whatIfSentence(diff([]), malmoFails)).toBe("Om Malmö inte uppfyller grundkraven ändras ingen fördelning.");
  });

  test.each([
    [{ kind: "requirements", who: "Lund", meets: true, rule: { id: "GK1", title: "Samverkan" } }, "Lund uppfyller grundkrav GK1 (Samverkan)"],
    [{ kind: "goal", who: "Region Skåne", meets: false, rule: { id: "A1", title: "Tillgänglighet" } }, "Region Skåne inte når A1 (Tillgänglighet)"],
    [{ kind: "key", who: "Malmö", key: "Antal invånare", value: 350000, was: 322574 }, "Malmö har 350 000 i stället för 322 574 (antal invånare)"],
  ] as const)("clause %#", (change, text) => {
    expect(changeClause(change)).toBe(text);
  });
});

// ---------------------------------------------------------------------------
// Against the evaluator, with amounts computed independently.

/** Facts for the mini agreement in which every body meets every rule. */
function allMet(): Facts {
  const counties: Record<string, CountyFacts> = {};
  for (const l of LAN) {
    counties[l.code] = {
      county: { answers: { "LAN-MAL": { indikator: { previous: [5, 5, 5, 5, 5, 5], current: [4, 4, 4, 4, 4, 4] } } } },
      landsting: { answers: { "LS-MAL": { andel: { part: 10, total: 10 } } } },
      kommuner: Object.fromEntries(l.kommuner.map((k) => [k, { answers: { GK: { ok: true }, "GK-MAL": { klart: true } } }])),
    };
  }
  return { format: "stimulans-facts", version: 1, agreement: "mini-2014", counties };
}

/**
 * Largest remainder, written plainly: floor(pot × key / Σ keys) each, then
 * one krona each to the largest remainders, ties to the lower code.
 */
function largestRemainder(pot: bigint, keys: Map<string, bigint>): Map<string, bigint> {
  const total = [...keys.values()].reduce((s, k) => s + k, 0n);
  const rows = [...keys].map(([code, k]) => ({ code, share: (pot * k) / total, rest: (pot * k) % total }));
  let left = pot - rows.reduce((s, r) => s + r.share, 0n);
  rows.sort((a, b) => (a.rest === b.rest ? (a.code < b.code ? -1 : 1) : a.rest > b.rest ? -1 : 1));
  for (const r of rows) {
    if (left === 0n) break;
    r.share += 1n;
    left -= 1n;
  }
  return new Map(rows.map((r) => [r.code, r.share]));
}

describe("against the evaluator: Lund stops meeting the grundkrav of the mini agreement", () => {
  const lund: FactsTarget = { level: "kommun", lan: "12", code: "1281" };
  const base = allMet();
  const before = evaluate(MINI, base, { explain: false });
  const after = evaluate(MINI, withRuleOutcome(MINI, base, lund, ["GK"], false), { explain: false });
  const diff = diffEvaluations(before, after);

  // The kommun pot PK (1 000 000 kr, population, gated) is the only gated kommun pot: Lund holds
  // 9 % of Skåne's inhabitants, so the county keeps ≥ 80 % coverage and only Lund drops out.
  const PK = 1_000_000n;
  const pops = new Map(KOMMUNER.map((k) => [k.code, BigInt(k.population)]));
  const expectedBefore = largestRemainder(PK, pops);
  const withoutLund = new Map(pops);
  withoutLund.delete("1281");
  const expectedAfter = largestRemainder(PK, withoutLund);

  test("Skåne keeps the 80 % coverage without Lund (so the example is what it claims)", () => {
    const skane = getLan("12")!;
    const total = skane.kommuner.reduce((s, k) => s + getKommun(k)!.population, 0);
    expect((total - getKommun("1281")!.population) / total).toBeGreaterThan(0.8);
  });

  test("every kommun's change equals the independently computed largest-remainder shares", () => {
    const byCode = new Map(diff.recipients.map((r) => [r.code, r.delta]));
    for (const k of KOMMUNER) {
      const want = (expectedAfter.get(k.code) ?? 0n) - expectedBefore.get(k.code)!;
      expect([k.code, byCode.get(k.code) ?? 0n]).toEqual([k.code, want]);
    }
    expect(diff.recipients.filter((r) => r.level === "landsting")).toEqual([]);
    expect(diff.unallocated.delta).toBe(0n);
  });

  test("Lund loses exactly its share, which is exactly what moves", () => {
    const lundBefore = expectedBefore.get("1281")!;
    expect(diff.recipients.find((r) => r.code === "1281")).toMatchObject({ before: before.recipients.find((r) => r.code === "1281")!.total, delta: -lundBefore });
    expect(diff.moved).toBe(lundBefore);
  });

  test("the sentence names the amount and the three largest receivers with their exact gains", () => {
    const gains = [...KOMMUNER]
      .filter((k) => k.code !== "1281")
      .map((k) => ({ name: k.name, code: k.code, gain: expectedAfter.get(k.code)! - expectedBefore.get(k.code)! }))
      .filter((g) => g.gain > 0n)
      .sort((a, b) => (a.gain === b.gain ? 0 : a.gain > b.gain ? -1 : 1));
    const kr = (n: bigint) => `${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`;
    const rest = gains.slice(3).reduce((s, g) => s + g.gain, 0n);
    const sentence = whatIfSentence(diff, { kind: "requirements", who: "Lund", meets: false, rule: { id: "GK", title: "Grundkrav" } }, { subject: "kommun:1281" });
    expect(sentence).toBe(
      `Om Lund inte uppfyller grundkrav GK (Grundkrav) flyttas ${kr(expectedBefore.get("1281")!)} till ` +
        `${gains
          .slice(0, 3)
          .map((g) => `${g.name} (${kr(g.gain)})`)
          .join(", ")} och ${gains.length - 3} andra (${kr(rest)}).`,
    );
  });

  test("per county: Skåne loses what the other counties gain", () => {
    const skane = diff.counties.find((c) => c.lan === "12")!;
    expect(skane.delta).toBeLessThan(0n);
    expect(diff.counties.reduce((s, c) => s + c.delta, 0n)).toBe(0n);
  });
});

describe("a changed key: Lund with twice its inhabitants", () => {
  test("PK is shared by the new population, as computed independently", () => {
    const base = allMet();
    const lundPop = getKommun("1281")!.population;
    const f = withKey(base, { level: "kommun", lan: "12", code: "1281" }, "population", lundPop * 2);
    const diff = diffEvaluations(evaluate(MINI, base, { explain: false }), evaluate(MINI, f, { explain: false }));
    const pops = new Map(KOMMUNER.map((k) => [k.code, BigInt(k.population)]));
    const doubled = new Map(pops);
    doubled.set("1281", BigInt(lundPop * 2));
    const PK = 1_000_000n;
    const wantLund = largestRemainder(PK, doubled).get("1281")! - largestRemainder(PK, pops).get("1281")!;
    // PK is not the only pot that uses the kommun population (PPK, PPOT and the kommun part of PLAN do
    // too), so Lund's total gain is at least its PK gain.
    expect(diff.recipients.find((r) => r.code === "1281")!.delta).toBeGreaterThanOrEqual(wantLund);
    expect(diff.moved).toBeGreaterThan(0n);
  });

  test("refuses a negative or fractional key with a Swedish message naming the key", () => {
    expect(() => withKey(allMet(), { level: "kommun", lan: "12", code: "1281" }, "pop65", -1)).toThrow(/pop65 måste vara ett heltal ≥ 0/);
    expect(() => withKey(allMet(), { level: "kommun", lan: "12", code: "1281" }, "pop65", 1.5)).toThrow(StimError);
  });
});

describe("withRuleOutcome: the core agrees with every edit, for every goal of the real agreements", () => {
  /** Demo facts in which every body meets every basic requirement. */
  function requirementsMet(a: Agreement): Facts {
    let f = demoFacts(a);
    for (const l of LAN) {
      for (const r of a.requirements) {
        if (r.level === "lan") f = withRuleOutcome(a, f, { level: "county", lan: l.code, code: l.code }, [r.id], true);
        if (r.level === "landsting") f = withRuleOutcome(a, f, { level: "landsting", lan: l.code, code: l.code }, [r.id], true);
        if (r.level === "kommun") for (const k of l.kommuner) f = withRuleOutcome(a, f, { level: "kommun", lan: l.code, code: k }, [r.id], true);
      }
    }
    return f;
  }

  const cases = ["prio-2014", "aldre-2014"].flatMap((id) => {
    const a = getAgreement(id);
    return a.goals.filter((g) => a.pots.some((p) => p.goal === g.id)).map((g) => [id, g.id] as const);
  });

  const prepared = new Map<string, Facts>();
  const factsFor = (a: Agreement) => {
    if (!prepared.has(a.id)) prepared.set(a.id, requirementsMet(a));
    return prepared.get(a.id)!;
  };

  test.each(cases)("%s %s: met → Stockholms län's body shares the pot; not met → it does not", (id, goalId) => {
    const a = getAgreement(id);
    const goal = a.goals.find((g) => g.id === goalId)!;
    const target: FactsTarget =
      goal.level === "kommun" ? { level: "kommun", lan: "01", code: "0180" } : goal.level === "landsting" ? { level: "landsting", lan: "01", code: "01" } : { level: "county", lan: "01", code: "01" };
    // The body that receives: the kommun itself, or the landsting (for landsting and län goals).
    const who = (e: Evaluation) => e.recipients.find((r) => (goal.level === "kommun" ? r.level === "kommun" && r.code === "0180" : r.level === "landsting" && r.code === "01"))!;
    const base = factsFor(a);
    const met = evaluate(a, withRuleOutcome(a, base, target, [goalId], true), { explain: false });
    const missed = evaluate(a, withRuleOutcome(a, base, target, [goalId], false), { explain: false });
    for (const pot of a.pots.filter((p) => p.goal === goalId)) {
      expect([pot.id, who(met).pots.find((p) => p.pot === pot.id)!.status]).toEqual([pot.id, "eligible"]);
      expect([pot.id, who(missed).pots.find((p) => p.pot === pot.id)!.status]).toEqual([pot.id, "not-eligible"]);
    }
  });

  test("basic requirements: Stockholm (0180) missing them takes all of Stockholms län out of prio-2014 (coverage < 80 %)", () => {
    const a = getAgreement("prio-2014");
    const base = factsFor(a);
    const ids = a.requirements.filter((r) => r.level === "kommun").map((r) => r.id);
    const e = evaluate(a, withRuleOutcome(a, base, { level: "kommun", lan: "01", code: "0180" }, ids, false), { explain: false });
    expect(e.recipients.filter((r) => r.lan === "01").every((r) => r.total === 0n)).toBe(true);
    expect(e.recipients.find((r) => r.code === "0180")!.gate).toBe(false);
  });

  test("clear answers are valid input for every criterion of every agreement (the facts validation accepts them)", () => {
    for (const id of ["prio-2014", "aldre-2014"]) {
      const a = getAgreement(id);
      // Every rule set at once, some met and some missed: evaluate validates every answer.
      let f = demoFacts(a);
      for (const rule of [...a.requirements, ...a.goals]) {
        const t: FactsTarget = rule.level === "kommun" ? { level: "kommun", lan: "01", code: "0180" } : rule.level === "landsting" ? { level: "landsting", lan: "01", code: "01" } : { level: "county", lan: "01", code: "01" };
        f = withRuleOutcome(a, f, t, [rule.id], rule.id.length % 2 === 0);
      }
      expect(() => evaluate(a, f, { explain: false })).not.toThrow();
    }
  });

  test("refuses an unknown rule, or a rule the body does not answer, in Swedish", () => {
    const a = getAgreement("prio-2014");
    expect(() => withRuleOutcome(a, demoFacts(a), { level: "kommun", lan: "01", code: "0180" }, ["ZZ"], true)).toThrow(/Okänt grundkrav eller mål "ZZ"/);
    expect(() => withRuleOutcome(a, demoFacts(a), { level: "kommun", lan: "01", code: "0180" }, ["A1"], true)).toThrow(/besvaras inte av en kommun/);
  });

  test("edits copy: the original facts are untouched", () => {
    const a = getAgreement("prio-2014");
    const f = demoFacts(a);
    const snapshot = JSON.stringify(f);
    withRuleOutcome(a, f, { level: "kommun", lan: "01", code: "0180" }, ["GK1"], false);
    withKey(f, { level: "kommun", lan: "01", code: "0180" }, "population", 1);
    expect(JSON.stringify(f)).toBe(snapshot);
  });
});
