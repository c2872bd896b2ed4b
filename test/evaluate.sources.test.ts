/**
 * The real agreements evaluated: each case names the source section its
 * expected value comes from. Facts start from the fictional demo scenario and
 * are changed where a case needs it.
 */
import { evaluate, Evaluation, EvaluateOptions } from "../src/core/evaluate";
import { evaluateCriterion } from "../src/core/rules";
import { parseAnswer, Answer } from "../src/core/facts";
import { compile } from "../src/core/compile";
import { renderEvent } from "../src/core/render";
import { CountyFacts } from "../src/core/facts";
import { countySummary } from "../src/core/summary";
import { AGREEMENTS, getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { getKommun, getLan, LAN } from "../src/reference";
import { ImprovementCriterion } from "../src/core/model";
import { allMet, clone } from "./support/facts";

const PRIO = getAgreement("prio-2014");
const ALDRE = getAgreement("aldre-2014");


function entry(ev: Evaluation, level: "kommun" | "landsting", code: string, pot: string) {
  return ev.recipients.find((r) => r.level === level && r.code === code)!.pots.find((p) => p.pot === pot)!;
}

function invariants(ev: Evaluation) {
  for (const p of ev.pots) expect(p.allocated + p.unallocated).toBe(p.amount);
  expect(ev.allocated + ev.unallocated).toBe(ev.total);
}

describe("every agreement evaluates on empty and demo facts without breaking its invariants", () => {
  test.each(AGREEMENTS.map((a) => [a.id]))("%s", (id) => {
    const a = getAgreement(id);
    const ev = evaluate(a, demoFacts(a));
    invariants(ev);
    expect(ev.recipients).toHaveLength(311); // 290 kommuner + 21 landsting
    expect(ev.fictional).toBe(true);
    const empty = evaluate(a, { format: "stimulans-facts", version: 1, agreement: id, counties: {} });
    invariants(empty);
  });
});

describe("prio-2014: whole pots go out when everyone reaches the goals (004 §3.4.2)", () => {
  const ev = evaluate(PRIO, allMet("prio-2014"));
  test.each([
    ["A1", 80_000_000n],
    ["A2", 100_000_000n],
    ["A3", 100_000_000n],
    ["A4", 50_000_000n],
    ["B1", 100_000_000n],
    ["B2", 50_000_000n],
    ["B3", 150_000_000n],
  ])("%s: %s kr allocated exactly, nothing unallocated", (id, amount) => {
    const p = ev.pots.find((x) => x.id === id)!;
    expect(p.allocated).toBe(amount);
    expect(p.unallocated).toBe(0n);
  });
  test("A3 goes by population 31 Dec 2013 (004 §3.4): Stockholm kommun's share is within a krona of the exact quota", () => {
    const got = entry(ev, "kommun", "0180", "A3").amount;
    const exact = (100_000_000n * BigInt(getKommun("0180")!.population)) / 9_644_864n;
    expect(got === exact || got === exact + 1n).toBe(true);
  });
  test("Gotland takes part both as kommun (A3, B3) and as landsting (A1, A2, A4, B1, B2)", () => {
    expect(entry(ev, "kommun", "0980", "A3").status).toBe("eligible");
    expect(entry(ev, "kommun", "0980", "A1").status).toBe("not-applicable");
    expect(entry(ev, "landsting", "09", "A1").status).toBe("eligible");
    expect(entry(ev, "landsting", "09", "A3").status).toBe("not-applicable");
  });
});

describe("prio-2014 county 80 % rule with real populations (004 §3.4.1)", () => {
  const failing = (codes: string[]) => {
    const f = allMet("prio-2014");
    for (const code of codes) {
      const k = getKommun(code)!;
      f.counties[k.lan].kommuner![code].answers!.GK2 = { ...f.counties[k.lan].kommuner![code].answers!.GK2, ...{} };
      const gk1 = f.counties[k.lan].kommuner![code].answers!.GK1 as Record<string, unknown>;
      gk1.innehall = false;
    }
    return f;
  };
  test("Södertälje (0181) fails: the others hold ≥ 80 % of Stockholm county → landsting still receives", () => {
    const ev = evaluate(PRIO, failing(["0181"]));
    const lan = getLan("01")!;
    const covered = lan.population - getKommun("0181")!.population;
    expect(covered * 5).toBeGreaterThanOrEqual(lan.population * 4);
    expect(entry(ev, "landsting", "01", "A1").status).toBe("eligible");
    expect(entry(ev, "kommun", "0181", "A3")).toMatchObject({ status: "not-eligible", amount: 0n });
    const step = ev.counties["01"].events.find((e) => e.kind === "coverage")!;
    expect(step.applied).toBe(true);
    expect(renderEvent(step)).toMatch(/^Kommunerna som uppfyller grundkraven har [\d ]+ av 2 163 042 invånare \(\d+,\d\d %\) ≥ 80 % \(Psykisk ohälsa 2014 §3\.4\.1\)/);
  });
  test("Stockholm stad (0180, 41 % of the county) fails: below 80 % → nobody in the county (assumption prio-2014/county-below-80)", () => {
    const ev = evaluate(PRIO, failing(["0180"]));
    expect(entry(ev, "landsting", "01", "A1")).toMatchObject({ status: "not-eligible", amount: 0n });
    expect(entry(ev, "kommun", "0114", "A3")).toMatchObject({ status: "not-eligible", amount: 0n });
    expect(entry(ev, "landsting", "03", "A1").status).toBe("eligible");
    const step = ev.counties["01"].events.find((e) => e.kind === "coverage")!;
    expect(step.assumptions).toContain("prio-2014/county-below-80");
    invariants(ev);
  });
  test("two small kommuner fail: ≥ 80 % holds by default, but not under the 'single-kommun' reading", () => {
    const f = failing(["0114", "0115"]);
    expect(entry(evaluate(PRIO, f), "landsting", "01", "A1").status).toBe("eligible");
    const strict = evaluate(PRIO, f, { assumptions: { "prio-2014/enstaka-kommun": "single-kommun" } });
    expect(entry(strict, "landsting", "01", "A1").status).toBe("not-eligible");
  });
});

describe("prio-2014 goal thresholds at the edge (004 §3.4.2)", () => {
  const withLandsting = (rule: string, crit: string, value: unknown, opts: EvaluateOptions = {}) => {
    const f = allMet("prio-2014");
    (f.counties["05"].landsting!.answers![rule] as Record<string, unknown>)[crit] = value;
    return evaluate(PRIO, f, opts);
  };
  test.each([
    ["A1 90 % exactly", "A1", "forsta-bedomning-30-dagar", { part: 90, total: 100 }, "eligible"],
    ["A1 one child short", "A1", "forsta-bedomning-30-dagar", { part: 899, total: 1000 }, "not-eligible"],
    ["A prerequisite response rate 95 %", "A-FORUTSATTNING", "svarsfrekvens-forsta-besok", { part: 95, total: 100 }, "eligible"],
    ["A prerequisite response rate 94,9 %", "A-FORUTSATTNING", "svarsfrekvens-forsta-besok", "94,9 %", "not-eligible"],
  ])("%s → %s", (_n, rule, crit, value, expected) => {
    expect(entry(withLandsting(rule as string, crit as string, value), "landsting", "05", "A1").status).toBe(expected);
  });
  test("a missing answer is missing-data, and the pot is provisional", () => {
    const f = allMet("prio-2014");
    delete (f.counties["05"].landsting!.answers!.A1 as Record<string, unknown>)["forsta-bedomning-30-dagar"];
    const ev = evaluate(PRIO, f);
    expect(entry(ev, "landsting", "05", "A1").status).toBe("missing-data");
    const a1 = ev.pots.find((p) => p.id === "A1")!;
    expect(a1.provisional).toBe(true);
    expect(a1.missing).toEqual(["lan:05".replace("lan", "landsting")]);
  });
});

describe("aldre-2014 county-level basic requirements (002 §5.1)", () => {
  test("GK1 not met in a county → no performance money anywhere in that county", () => {
    const f = allMet("aldre-2014");
    (f.counties["07"].county!.answers!.GK1 as Record<string, unknown>).struktur = false;
    const ev = evaluate(ALDRE, f);
    for (const k of getLan("07")!.kommuner) expect(entry(ev, "kommun", k, "BPSD").amount).toBe(0n);
    expect(entry(ev, "landsting", "07", "SVEDEM-DIAGNOS").amount).toBe(0n);
    expect(entry(ev, "landsting", "08", "SVEDEM-DIAGNOS").status).toBe("eligible");
    invariants(ev);
  });
  test("GK2 'samtliga': one kommun failing fails the county by default; with 'each-recipient' only that kommun", () => {
    const f = allMet("aldre-2014");
    const first = getLan("07")!.kommuner[0];
    (f.counties["07"].kommuner![first].answers!.GK2 as Record<string, unknown>)["ledningssystem-beslut"] = false;
    const def = evaluate(ALDRE, f);
    expect(entry(def, "landsting", "07", "SVEDEM-DIAGNOS").status).toBe("not-eligible");
    const alt = evaluate(ALDRE, f, { assumptions: { "aldre-2014/grundkrav-county-gate": "each-recipient" } });
    expect(entry(alt, "landsting", "07", "SVEDEM-DIAGNOS").status).toBe("eligible");
    expect(entry(alt, "kommun", first, "BPSD").status).toBe("not-eligible");
  });
});

describe("aldre-2014 medication goals: at least 4 of 6 months lower than the same month 2013 (002 §5.3)", () => {
  const run = (current: number[]) => {
    const f = allMet("aldre-2014");
    (f.counties["10"].county!.answers!["LKM-OLAMPLIGA"] as Record<string, unknown>)["manader-lagre"] = {
      previous: [50, 50, 50, 50, 50, 50],
      current,
    };
    return evaluate(ALDRE, f);
  };
  test.each([
    [[49, 49, 49, 49, 50, 51], "eligible"],
    [[49, 49, 49, 50, 50, 50], "not-eligible"],
    [[50, 50, 50, 50, 50, 50], "not-eligible"],
  ])("%j → %s", (current, expected) => {
    const ev = run(current as number[]);
    expect(entry(ev, "landsting", "10", "LKM-OLAMPLIGA").status).toBe(expected);
  });
  test("a reaching län: 70 % to its kommuner, 30 % to the landsting, summing to the län's share", () => {
    const ev = run([49, 49, 49, 49, 50, 51]);
    const pot = ev.pots.find((p) => p.id === "LKM-OLAMPLIGA")!;
    const lan = getLan("10")!;
    const ls = pot.shares.find((s) => s.level === "landsting" && s.code === "10")!.amount;
    const ks = pot.shares.filter((s) => s.level === "kommun" && lan.kommuner.includes(s.code)).reduce((a, s) => a + s.amount, 0n);
    const lanShare = ls + ks;
    const exact = (100_000_000n * BigInt(lan.population)) / 9_644_864n;
    expect(lanShare === exact || lanShare === exact + 1n).toBe(true);
    const [kp, lp] = [(lanShare * 7n) / 10n, (lanShare * 3n) / 10n];
    expect(ks - kp).toBeLessThanOrEqual(1n);
    expect(ls - lp).toBeLessThanOrEqual(1n);
  });
});

describe("aldre-2014 palliative tiers and the 100 % rule (002 §5.3)", () => {
  const pall = (id: string, choices: Record<string, string> = {}) =>
    compile(ALDRE, choices).rules.get(id)!.criteria.find((c) => c.id === "forbattring") as ImprovementCriterion;
  const answer = (c: ImprovementCriterion, v: unknown) => parseAnswer(c, v) as Answer;
  // One indicator already at 100 % (improved by only 2 points); three improved by 12 points; average result 49 % < 60 %.
  const v = { baseline: [98, 20, 20, 20], result: [100, 32, 32, 32] };
  test.each([
    ["tier 2, 100 % rule: (10 + 12 + 12 + 12) / 4 = 11,5 ≥ 10", "PALL2", v, true],
    ["tier 2 without the indicator at 100 %: (2 + 12·3)/4 = 9,5 < 10", "PALL2", { baseline: [97, 20, 20, 20], result: [99, 32, 32, 32] }, false],
    ["tier 2 via goal attainment ≥ 60 %", "PALL2", { baseline: [60, 60, 60, 60], result: [60, 60, 60, 61] }, true],
    ["tier 2 attainment 59,75 % < 60 %", "PALL2", { baseline: [59, 60, 60, 60], result: [59, 60, 60, 60] }, false],
    ["tier 1: average 9,5 ≥ 5", "PALL1", v, true],
    ["tier 1: average exactly 5", "PALL1", { baseline: [10, 10, 10, 10], result: [15, 15, 15, 15] }, true],
    ["tier 1: average 4,75 < 5", "PALL1", { baseline: [10, 10, 10, 10], result: [15, 15, 15, 14] }, false],
  ])("%s", (_n, id, value, expected) => {
    const c = pall(id as string);
    expect(evaluateCriterion(c, id as string, answer(c, value)).applied).toBe(expected);
  });
  test("the 100 % rule is named in the explanation", () => {
    const c = pall("PALL2");
    expect(renderEvent(evaluateCriterion(c, "PALL2", answer(c, v)))).toContain("(100 %-regeln)");
  });
  test("under the 'tier2-exclusive' reading a tier-2 kommun does not share tier 1", () => {
    const f = allMet("aldre-2014");
    const ev = evaluate(ALDRE, f, { assumptions: { "aldre-2014/pall-tiers": "tier2-exclusive" } });
    expect(entry(ev, "kommun", "0180", "PALL1").status).toBe("not-eligible");
    expect(entry(ev, "kommun", "0180", "PALL2").status).toBe("eligible");
    const def = evaluate(ALDRE, f);
    expect(entry(def, "kommun", "0180", "PALL1").status).toBe("eligible");
  });
});

describe("aldre-2014 fixed analysis amounts (002 §5.3 Analysarbete)", () => {
  const ev = evaluate(ALDRE, demoFacts(ALDRE));
  test.each(LAN.map((l) => [l.code, l.name, ["01", "12", "14"].includes(l.code) ? 2_000_000n : 1_000_000n]))(
    "%s %s → %s kr",
    (code, _name, amount) => {
      expect(entry(ev, "landsting", code as string, "ANALYS").amount).toBe(amount);
    },
  );
  test("24 000 000 to the län + 2 500 000 to SKL = 26 500 000", () => {
    const analys = ev.pots.find((p) => p.id === "ANALYS")!;
    const skl = ev.pots.find((p) => p.id === "ANALYS-SKL")!;
    expect(analys.allocated).toBe(24_000_000n);
    expect(analys.allocated + skl.allocated).toBe(26_500_000n);
  });
});

describe("county summary (003 table for Stockholm)", () => {
  const s = countySummary(AGREEMENTS, "01");
  test("minimum 13 878 000 kr plus possible performance funds (003 'Summa (min.)')", () => expect(s.minimum).toBe(13_878_000));
  test("Öppna jämförelser 75 000 kr is conditional, not in the minimum (003)", () => expect(s.conditional).toBe(75_000));
  test("the eHälsa amounts are announced later (003)", () => expect(s.later).toBe(2));
  test.each([
    ["ebp-2014", 1_133_000],
    ["ebp-2014", 1_560_000],
    ["ebp-2014", 1_510_000],
    ["missbruk-2014", 650_000],
    ["missbruk-2014", 25_000],
    ["aldre-2014", 7_000_000],
    ["aldre-2014", 2_000_000],
  ])("%s: %s kr fixed", (agreement, amount) => {
    expect(s.items.some((i) => i.agreement === agreement && i.kind === "fixed" && i.amount === amount)).toBe(true);
  });
  test("another county: analysis 1 000 000 kr is its known minimum; performance pots are listed", () => {
    const u = countySummary(AGREEMENTS, "03");
    expect(u.minimum).toBe(1_000_000);
    expect(u.performance).toBeGreaterThan(10);
  });
  test("unknown county code is refused with a Swedish message", () => {
    expect(() => countySummary(AGREEMENTS, "99")).toThrow(/Okänd länskod "99"/);
  });
});

test("facts filed under the wrong county are refused, naming the kommun and both counties", () => {
  const f = clone(demoFacts(PRIO));
  const moved = f.counties["03"].kommuner!["0380"];
  (f.counties["01"] as CountyFacts).kommuner!["0380"] = moved;
  expect(() => evaluate(PRIO, f)).toThrow("kommun 0380 (Uppsala) hör till län 03, inte 01");
});

test("unknown assumption ids and options are refused with their name, not silently ignored", () => {
  expect(() => evaluate(ALDRE, demoFacts(ALDRE), { assumptions: { "aldre-2014/results-periode": "calendar-2014" } })).toThrow(
    /Okänt antagande "aldre-2014\/results-periode"/,
  );
  expect(() => evaluate(ALDRE, demoFacts(ALDRE), { assumptions: { "prio-2014/county-below-80": "complying-only" } })).toThrow(/Okänt antagande/);
  expect(() => evaluate(ALDRE, demoFacts(ALDRE), { assumptions: { "aldre-2014/results-period": "2015" } })).toThrow(/har inget alternativ "2015"/);
});

test("explain: false gives the same statuses and amounts as a full explanation", () => {
  for (const a of [PRIO, ALDRE]) {
    const f = demoFacts(a);
    const full = evaluate(a, f);
    const quick = evaluate(a, f, { explain: false });
    expect(quick.recipients.map((r) => [r.code, r.total, r.pots])).toEqual(full.recipients.map((r) => [r.code, r.total, r.pots]));
    expect(quick.pots.map((p) => [p.id, p.allocated, p.unallocated])).toEqual(full.pots.map((p) => [p.id, p.allocated, p.unallocated]));
  }
});

test("B1: registrations above the target figure (> 100 %) are valid and meet the 60 % goal (004 §3.4.2 B1)", () => {
  const f = allMet("prio-2014");
  // Skåne: 1 274 069 inhabitants → target figure 6 370,345; 60 % of it 3 822,207.
  (f.counties["12"].landsting!.answers!.B1 as Record<string, unknown>).malsiffra = 7_000;
  const ev = evaluate(PRIO, f);
  expect(entry(ev, "landsting", "12", "B1").status).toBe("eligible");
  // Shares may still not exceed 100 %.
  (f.counties["12"].landsting!.answers!.A1 as Record<string, unknown>)["forsta-bedomning-30-dagar"] = { part: 11, total: 10 };
  expect(() => evaluate(PRIO, f)).toThrow("part (11) är större än total (10)");
});
