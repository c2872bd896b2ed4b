/**
 * The agreement data read like the agreements: every expected value below is
 * copied from the source document and section named in its row.
 */
import { PRIO_2014 } from "../src/agreements/prio-2014";
import { ALDRE_2014 } from "../src/agreements/aldre-2014";
import { Agreement, Criterion, Rule, SEED_FILES } from "../src/core/model";
import { LAN, METROPOLITAN_LAN } from "../src/reference";
import { collectCitations as citations } from "../src/cli/sources";

const AGREEMENTS: Agreement[] = [PRIO_2014, ALDRE_2014];
const byId = (id: string): Agreement => AGREEMENTS.find((a) => a.id === id)!;
const potAmount = (a: Agreement, id: string): number | undefined => a.pots.find((p) => p.id === id)?.amount;
const allRules = (a: Agreement): Rule[] => [...a.requirements, ...a.goals];

/** Every object carrying `status` (Cited items, criteria, coverage). */
function citedItems(value: unknown, at = "$", out: { at: string; o: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => citedItems(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("status" in o) out.push({ at, o });
    for (const [k, v] of Object.entries(o)) citedItems(v, `${at}.${k}`, out);
  }
  return out;
}

const ALL_CITATIONS = [
  ...citations(PRIO_2014, "PRIO_2014"),
  ...citations(ALDRE_2014, "ALDRE_2014"),
];

// ---------------------------------------------------------------------------
describe("pot amounts (whole kronor)", () => {
  test.each([
    // agreement, pot, amount, source
    ["prio-2014", "A1", 80000000, "004 §3.4.2 Prestationsmål A 1"],
    ["prio-2014", "A2", 100000000, "004 §3.4.2 Prestationsmål A 2"],
    ["prio-2014", "A3", 100000000, "004 §3.4.2 Prestationsmål A 3 (kommuner)"],
    ["prio-2014", "A4", 50000000, "004 §3.4.2 Prestationsmål A 4 (landsting)"],
    ["prio-2014", "B1", 100000000, "004 §3.4.2 Prestationsmål B 1"],
    ["prio-2014", "B2", 50000000, "004 §3.4.2 Prestationsmål B 2"],
    ["prio-2014", "B3", 150000000, "004 §3.4.2 Prestationsmål B 3"],
    ["prio-2014", "SKL-SAMORDNING", 1500000, "004 §3.1"],
    ["prio-2014", "SKL-BARN", 33500000, "004 §3.2"],
    ["prio-2014", "SKL-VUXNA", 27500000, "004 §3.3"],
    ["aldre-2014", "PALL1", 50000000, "002 §5.3 God vård i livets slutskede"],
    ["aldre-2014", "PALL2", 20000000, "002 §5.3 ytterligare 20 miljoner"],
    ["aldre-2014", "SA-SABO", 50000000, "002 §5.3 Preventivt arbetssätt, SÄBO"],
    ["aldre-2014", "SA-OVRIGA", 50000000, "002 §5.3 sjukhus, vårdcentral, hemtjänst, hemsjukvård"],
    ["aldre-2014", "SA-ROAG", 20000000, "002 §5.3 ROAG"],
    ["aldre-2014", "SVEDEM-DIAGNOS", 25000000, "002 §5.3 God vård vid demenssjukdom"],
    ["aldre-2014", "SVEDEM-UPPFOLJNING", 25000000, "002 §5.3 God vård vid demenssjukdom"],
    ["aldre-2014", "BPSD", 50000000, "002 §5.3 BPSD"],
    ["aldre-2014", "LKM-OLAMPLIGA", 100000000, "002 §5.3 God läkemedelsbehandling"],
    ["aldre-2014", "LKM-ANTIPSYKOTIKA", 100000000, "002 §5.3 God läkemedelsbehandling"],
    ["aldre-2014", "LKM-NSAID", 100000000, "002 §5.3 God läkemedelsbehandling"],
    ["aldre-2014", "UNDVIKBAR", 50000000, "002 §5.3 Sammanhållen vård och omsorg"],
    ["aldre-2014", "ATERINSKRIVNING", 200000000, "002 §5.3 Sammanhållen vård och omsorg"],
    ["aldre-2014", "ANALYS", 24000000, "002 §5.3 Analysarbete: 3 × 2 mkr + 18 × 1 mkr"],
    ["aldre-2014", "ANALYS-SKL", 2500000, "002 §5.3 Analysarbete: 2,5 mkr till SKL"],
    ["aldre-2014", "UTVECKLINGSLEDARE-LAN", 66000000, "002 §5.2 Utvecklingsledare: 72 − 3 − 3"],
    ["aldre-2014", "UTVECKLINGSLEDARE-FAMNA", 3000000, "002 §5.2 Utvecklingsledare"],
    ["aldre-2014", "UTVECKLINGSLEDARE-VARDFORETAGARNA", 3000000, "002 §5.2 Utvecklingsledare"],
    ["aldre-2014", "LEDNINGSKRAFT", 12000000, "002 §5.2 Ledningskraft"],
    ["aldre-2014", "PSYKISK-OHALSA", 3000000, "002 §5.2 Äldres psykiska ohälsa"],
    ["aldre-2014", "KVALITETSSAKRAD-VALFARD", 8000000, "002 §5.2 Kvalitetssäkrad välfärd"],
    ["aldre-2014", "KVR-PALLIATIVREGISTRET", 6000000, "002 §5.2 kvalitetsregister"],
    ["aldre-2014", "KVR-SENIOR-ALERT", 10000000, "002 §5.2 kvalitetsregister"],
    ["aldre-2014", "KVR-SVEDEM", 4000000, "002 §5.2 kvalitetsregister"],
    ["aldre-2014", "KVR-BPSD", 4000000, "002 §5.2 kvalitetsregister"],
    ["aldre-2014", "KVR-RIKSSAR", 4000000, "002 §5.2 kvalitetsregister"],
    ["aldre-2014", "KVR-FAMNA", 1000000, "002 §5.2 kvalitetsregister: Famna"],
    ["aldre-2014", "KVR-VARDFORETAGARNA", 1000000, "002 §5.2 kvalitetsregister: Vårdföretagarna"],
    ["aldre-2014", "KVR-SKL", 1000000, "002 §5.2 kvalitetsregister: SKL"],
    ["aldre-2014", "NATIONELL-SAMORDNING", 8500000, "002 §5.2 Nationell samordning"],
  ])("%s %s = %d kr (%s)", (agreement, pot, amount) => {
    expect(potAmount(byId(agreement), pot)).toBe(amount);
  });

  test.each([
    ["prio-2014", 10],
    ["aldre-2014", 32], // 30 in the agreement + 2 of Socialstyrelsen's outside it (Bilaga 2)
  ])("%s has exactly the pots listed above (%d)", (agreement, n) => {
    expect(byId(agreement).pots).toHaveLength(n);
    expect(new Set(byId(agreement).pots.map((p) => p.id)).size).toBe(n);
  });

  test.each(AGREEMENTS.flatMap((a) => a.pots.map((p) => [a.id, p.id, p.amount] as const)))(
    "%s %s is a safe integer of kronor",
    (_a, _p, amount) => {
      expect(Number.isSafeInteger(amount)).toBe(true);
      expect(amount).toBeGreaterThan(0);
    },
  );
});

describe("agreement totals", () => {
  test.each([
    ["prio-2014", 692500000, "004 §3: 692 500 000 kronor"],
    ["aldre-2014", 1001000000, "002 §4: 1 001 000 000 kronor"],
  ])("%s total = %d (%s)", (id, total) => {
    const a = byId(id);
    expect(a.total).toBe(total);
    expect(a.pots.filter((p) => !p.outside).reduce((s, p) => s + p.amount, 0)).toBe(total);
  });

  test.each([
    // agreement, declared total id, amount, source row
    ["prio-2014", "totalt", 692500000, "004 §3.4 Sammanfattning: Totalt 692,5"],
    ["prio-2014", "prestationsbaserade-medel", 630000000, "004 §3 / §3.4: 630"],
    ["prio-2014", "skl", 62500000, "004 §3: 62 500 000 till SKL"],
    ["prio-2014", "skl-samordning", 1500000, "004 §3.4: 1,5"],
    ["prio-2014", "skl-barn", 33500000, "004 §3.4: 33,5"],
    ["prio-2014", "skl-vuxna", 27500000, "004 §3.4: 27,5"],
    ["prio-2014", "A1+A2", 180000000, "004 §3.4: A 1 och A 2 180"],
    ["prio-2014", "A3+A4", 150000000, "004 §3.4: A 3 och A 4 150"],
    ["prio-2014", "B1", 100000000, "004 §3.4: B 1 100"],
    ["prio-2014", "B2", 50000000, "004 §3.4: B 2 50"],
    ["prio-2014", "B3", 150000000, "004 §3.4: B 3 150"],
    ["aldre-2014", "livets-slutskede", 70000000, "002 §6: 70,0"],
    ["aldre-2014", "preventivt-arbetssatt", 120000000, "002 §6: 120,0"],
    ["aldre-2014", "demenssjukdom", 100000000, "002 §6: 100,0"],
    ["aldre-2014", "lakemedel", 300000000, "002 §6: 300,0"],
    ["aldre-2014", "sammanhallen", 250000000, "002 §6: 250,0"],
    ["aldre-2014", "analysarbete", 26500000, "002 §6: 26,5"],
    ["aldre-2014", "utvecklingsledare", 72000000, "002 §6: 72,0"],
    ["aldre-2014", "ledningskraft", 12000000, "002 §6: 12,0"],
    ["aldre-2014", "psykisk-ohalsa", 3000000, "002 §6: 3,0"],
    ["aldre-2014", "kvalitetssakrad-valfard", 8000000, "002 §6: 8,0"],
    ["aldre-2014", "kvalitetsregister", 31000000, "002 §6: 31,0"],
    ["aldre-2014", "kvalitetsregister-registren", 28000000, "002 §5.2: 28 miljoner till registren"],
    ["aldre-2014", "nationell-samordning", 8500000, "002 §6: 8,5"],
    ["aldre-2014", "totalt", 1001000000, "002 §6: Totalt 1 001,0"],
  ])("%s declared total %s = %d (%s)", (id, totalId, amount) => {
    const t = byId(id).totals.find((x) => x.id === totalId);
    expect(t).toBeDefined();
    expect(t!.amount).toBe(amount);
  });

  test.each(AGREEMENTS.flatMap((a) => a.totals.map((t) => [a.id, t.id] as const)))(
    "%s declared total %s equals the sum of its pots",
    (id, totalId) => {
      const a = byId(id);
      const t = a.totals.find((x) => x.id === totalId)!;
      const ids = t.pots === "*" ? a.pots.filter((p) => !p.outside).map((p) => p.id) : t.pots;
      for (const p of ids) expect(potAmount(a, p)).toBeDefined();
      expect(ids.reduce((s, p) => s + potAmount(a, p)!, 0)).toBe(t.amount);
    },
  );

  test("002 §6 table rows sum to 1 001,0 MSEK", () => {
    const rows = [70.0, 120.0, 100.0, 300.0, 250.0, 26.5, 72.0, 12.0, 3.0, 8.0, 31.0, 8.5].map((m) => Math.round(m * 10) * 100000);
    expect(rows.reduce((s, x) => s + x, 0)).toBe(1001000000);
    const rowTotals = ALDRE_2014.totals.filter((t) => t.source.section === "6" && t.id !== "totalt");
    expect(rowTotals.map((t) => t.amount).sort((a, b) => a - b)).toEqual([...rows].sort((a, b) => a - b));
  });

  test("002 §5.3 Analysarbete: 2 mkr to each of the 3 storstadslän, 1 mkr to the other 18 = 24 mkr", () => {
    const pot = ALDRE_2014.pots.find((p) => p.id === "ANALYS")!;
    expect(pot.kind).toBe("fixed");
    const metro = pot.fixed!.find((f) => f.recipients !== "*")!;
    const rest = pot.fixed!.find((f) => f.recipients === "*")!;
    expect(metro.recipients).toEqual(["01", "12", "14"]);
    expect(metro.recipients).toEqual([...METROPOLITAN_LAN]);
    expect(metro.amount).toBe(2000000);
    expect(rest.amount).toBe(1000000);
    expect(LAN).toHaveLength(21);
    expect(3 * metro.amount! + (LAN.length - 3) * rest.amount!).toBe(pot.amount);
  });

  test("003 Utvecklingsledare: Stockholms län 7 000 000 kr", () => {
    const pot = ALDRE_2014.pots.find((p) => p.id === "UTVECKLINGSLEDARE-LAN")!;
    expect(pot.fixed).toEqual([expect.objectContaining({ recipients: ["01"], amount: 7000000 })]);
    expect(pot.fixed![0].source.doc).toBe("003_df29125e70796945.txt");
  });

  test("Bilaga 2: Socialstyrelsen 126 500 000 kr outside the total, 70 000 000 kr for ÄBiC", () => {
    const outside = ALDRE_2014.pots.filter((p) => p.outside);
    expect(outside.every((p) => p.outside!.payer === "Socialstyrelsen")).toBe(true);
    expect(outside.find((p) => p.id === "ABIC")!.amount).toBe(70000000);
    expect(outside.reduce((s, p) => s + p.amount, 0)).toBe(126500000);
    // Outside the 1 001 000 000: the agreement's own pots still sum to its total.
    expect(ALDRE_2014.pots.filter((p) => !p.outside).reduce((s, p) => s + p.amount, 0)).toBe(ALDRE_2014.total);
  });

  test("002 §8: 320 000 000 kr from 1:6, the rest (681 000 000) from 4:5", () => {
    expect(ALDRE_2014.notes!.some((n) => n.includes("320 000 000") && n.includes("681 000 000"))).toBe(true);
    expect(ALDRE_2014.total - 320000000).toBe(681000000);
  });
});

// ---------------------------------------------------------------------------
function criterion(a: Agreement, ruleId: string, critId: string): Criterion {
  const rule = allRules(a).find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const c = rule.criteria.find((x) => x.id === critId);
  if (!c) throw new Error(`no criterion ${ruleId}/${critId}`);
  return c;
}

describe("thresholds", () => {
  test.each([
    // agreement, rule, criterion, threshold, source
    ["prio-2014", "A1", "forsta-bedomning-30-dagar", "0.9", "004 §3.4.2 A 1: minst 90 procent"],
    ["prio-2014", "A2", "fordjupad-30-dagar", "0.8", "004 §3.4.2 A 2: minst 80 procent"],
    ["prio-2014", "A-FORUTSATTNING", "svarsfrekvens-forsta-besok", "0.95", "004 §3.4.2: minst 95 procent"],
    ["prio-2014", "A-FORUTSATTNING", "svarsfrekvens-fordjupad", "0.95", "004 §3.4.2: minst 95 procent"],
    ["prio-2014", "B1", "lakemedelsuppfoljning", "0.6", "004 §3.4.2 B 1: minst 60 procent"],
    ["prio-2014", "B1", "halsoframjande", "0.6", "004 §3.4.2 B 1: 60 procent"],
    ["aldre-2014", "PALL1", "tackningsgrad", "0.7", "002 §5.3: minst 70 procent av dödsfallen"],
    ["aldre-2014", "PALL2", "tackningsgrad", "0.7", "002 §5.3: minst 70 procent av dödsfallen"],
    ["aldre-2014", "SA-SABO", "riskbedomning", "0.9", "002 §5.3: minst 90 procent"],
  ])("%s %s/%s ≥ %s (%s)", (id, rule, crit, threshold) => {
    const c = criterion(byId(id), rule, crit);
    expect(c.kind).toBe("share");
    if (c.kind !== "share") return;
    expect(c.threshold).toBe(threshold);
    expect(c.op).toBe(">=");
  });

  test("prio-2014 B1/malsiffra: registered patients ≥ 60 % of a target figure of 0,5 % of the county's inhabitants (004 §3.4.2 B 1)", () => {
    const c = criterion(byId("prio-2014"), "B1", "malsiffra");
    expect(c).toMatchObject({ kind: "target-count", rate: "0.005", threshold: "0.6", op: ">=" });
  });

  test.each([
    ["PALL1", "5", undefined, undefined, "002 §5.3: i genomsnitt 5 procent"],
    ["PALL2", "10", "60", "10", "002 §5.3: 10 procent eller mer / måluppfyllelse 60 procent / 100 %-regeln"],
  ])("aldre-2014 %s improvement ≥ %s, attainment %s, 100-rule floor %s (%s)", (rule, min, attain, floor, _source) => {
    const c = criterion(ALDRE_2014, rule, "forbattring");
    expect(c.kind).toBe("indicator-improvement");
    if (c.kind !== "indicator-improvement") return;
    expect(c.minImprovement).toBe(min);
    expect(c.attainmentAlternative).toBe(attain);
    expect(c.hundredRule?.floor).toBe(floor);
    expect(c.indicators).toHaveLength(4);
    expect(c.assumptions).toEqual(expect.arrayContaining(["aldre-2014/improvement-unit", "aldre-2014/hundred-rule-scope"]));
  });

  test.each([
    ["LKM-OLAMPLIGA", "002 §5.3: minst 4 av 6 månader"],
    ["LKM-ANTIPSYKOTIKA", "002 §5.3: minst 4 av 6 månader"],
    ["LKM-NSAID", "002 §5.3: under 4 av 6 månader (assumption: minst)"],
    ["UNDVIKBAR", "002 §5.3: minst 4 av 6 månader"],
    ["ATERINSKRIVNING", "002 §5.3: under 4 av 6 månader (assumption: minst)"],
  ])("aldre-2014 %s: lower in 4 of 6 months (%s)", (rule) => {
    const c = criterion(ALDRE_2014, rule, "manader-lagre");
    expect(c).toMatchObject({ kind: "months-lower", months: 6, required: 4 });
  });

  test.each([["LKM-NSAID"], ["ATERINSKRIVNING"]])("aldre-2014 %s carries the ”4 av 6 utan minst” assumption", (rule) => {
    expect(criterion(ALDRE_2014, rule, "manader-lagre").assumptions).toContain("aldre-2014/four-of-six-at-least");
  });

  test.each([["GK1"], ["GK2"]])("prio-2014 %s: county coverage ≥ 0.8 (004 §3.4.1: minst 80 procent)", (id) => {
    const r = PRIO_2014.requirements.find((x) => x.id === id)!;
    expect(r.gate).toBe("each");
    expect(r.coverage).toMatchObject({ threshold: "0.8", op: ">=" });
    expect(r.coverage!.assumptions).toContain("prio-2014/county-below-80");
  });

  test.each([
    ["GK1", "county", "lan"],
    ["GK2", "all-in-county", "kommun"],
  ])("aldre-2014 %s gate %s at level %s (002 §5.1)", (id, gate, level) => {
    const r = ALDRE_2014.requirements.find((x) => x.id === id)!;
    expect(r.gate).toBe(gate);
    expect(r.level).toBe(level);
    expect(r.assumptions).toContain("aldre-2014/grundkrav-county-gate");
  });

  test.each([
    ["PALL1", "0.7", "0.3", "per-kommun", "002 §5.3: kommunerna 70, landstingen 30"],
    ["PALL2", "0.7", "0.3", "per-kommun", "002 §5.3"],
    ["SA-OVRIGA", "0.7", "0.3", "pot", "002 §5.3: 70 procent till kommunerna"],
    ["SA-ROAG", "0.7", "0.3", "pot", "002 §5.3"],
    ["LKM-OLAMPLIGA", "0.7", "0.3", "per-lan", "002 §5.3: 70 procent av medlen för ett län"],
    ["LKM-ANTIPSYKOTIKA", "0.7", "0.3", "per-lan", "002 §5.3"],
    ["LKM-NSAID", "0.7", "0.3", "per-lan", "002 §5.3"],
    ["UNDVIKBAR", "0.7", "0.3", "per-lan", "002 §5.3"],
    ["ATERINSKRIVNING", "0.7", "0.3", "per-lan", "002 §5.3"],
  ])("aldre-2014 %s split %s/%s mode %s (%s)", (pot, k, l, mode) => {
    const p = ALDRE_2014.pots.find((x) => x.id === pot)!;
    expect(p.split).toMatchObject({ kommuner: k, landsting: l, mode });
    if (mode === "per-lan") expect(p.split!.kommunKey).toMatchObject({ id: "population", input: false, status: "assumption" });
  });

  test.each([
    ["PALL1", "pop65", true],
    ["PALL2", "pop65", true],
    ["SA-SABO", "population", false],
    ["SVEDEM-DIAGNOS", "svedem_diagnoses", true],
    ["SVEDEM-UPPFOLJNING", "svedem_followups", true],
    ["BPSD", "bpsd_registrations", true],
    ["LKM-OLAMPLIGA", "population", false],
  ])("aldre-2014 %s key %s (input %s)", (pot, key, input) => {
    expect(ALDRE_2014.pots.find((p) => p.id === pot)!.key).toMatchObject({ id: key, input });
  });

  test("every rates and thresholds field is a decimal string", () => {
    const dec = /^\d+(\.\d+)?$/;
    for (const a of AGREEMENTS) {
      for (const r of allRules(a)) {
        for (const c of r.criteria) {
          if (c.kind === "share") expect(c.threshold).toMatch(dec);
          if (c.kind === "indicator-improvement") {
            expect(c.minImprovement).toMatch(dec);
            if (c.attainmentAlternative !== undefined) expect(c.attainmentAlternative).toMatch(dec);
            if (c.hundredRule) expect(c.hundredRule.floor).toMatch(dec);
          }
        }
      }
      for (const p of a.pots) {
        if (p.split) {
          expect(p.split.kommuner).toMatch(dec);
          expect(p.split.landsting).toMatch(dec);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------
describe("structure", () => {
  test.each(AGREEMENTS.map((a) => [a.id]))("%s: pot goals, requires and rule ids resolve", (id) => {
    const a = byId(id);
    const ruleIds = allRules(a).map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const p of a.pots) if (p.goal) expect(ruleIds).toContain(p.goal);
    for (const r of allRules(a)) for (const q of r.requires ?? []) expect(ruleIds).toContain(q);
    for (const r of allRules(a)) {
      const cids = r.criteria.map((c) => c.id);
      expect(new Set(cids).size).toBe(cids.length);
    }
  });

  test("prio-2014 A1 and A2 require A-FORUTSATTNING (004 §3.4.2)", () => {
    for (const id of ["A1", "A2"]) expect(PRIO_2014.goals.find((g) => g.id === id)!.requires).toEqual(["A-FORUTSATTNING"]);
  });

  test.each([
    ["A1", "landsting", "A1+A2"],
    ["A2", "landsting", "A1+A2"],
    ["A3", "kommun", "A3+A4"],
    ["A4", "landsting", "A3+A4"],
    ["B1", "landsting", "B1"],
    ["B2", "landsting", "B2"],
    ["B3", "kommun", "B3"],
  ])("prio-2014 %s is a gated performance pot for %s (004 §3.4.2), group %s", (id, level, group) => {
    const p = PRIO_2014.pots.find((x) => x.id === id)!;
    expect(p).toMatchObject({ kind: "performance", gated: true, level, goal: id, group });
    expect(p.key).toMatchObject({ id: "population", input: false, label: "Antal invånare 31 december 2013" });
  });

  test("aldre-2014 UNDVIKBAR and ATERINSKRIVNING require LANDSTING-RAPPORTERING (002 §5.3)", () => {
    for (const id of ["UNDVIKBAR", "ATERINSKRIVNING"]) {
      expect(ALDRE_2014.goals.find((g) => g.id === id)!.requires).toEqual(["LANDSTING-RAPPORTERING"]);
    }
    expect(ALDRE_2014.goals.find((g) => g.id === "LANDSTING-RAPPORTERING")!.level).toBe("landsting");
  });

  test.each(AGREEMENTS.map((a) => [a.id]))("%s: assumptions are well formed and every reference resolves", (id) => {
    const a = byId(id);
    const ids = a.assumptions.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const x of a.assumptions) {
      expect(x.id.startsWith(`${a.id}/`)).toBe(true);
      expect(x.options.map((o) => o.id)).toContain(x.default);
      expect(x.title.length).toBeGreaterThan(0);
      expect(x.reason.length).toBeGreaterThan(0);
    }
    const items = citedItems(a);
    const used = new Set<string>();
    for (const { at, o } of items) {
      expect([at, o.status]).toEqual([at, expect.stringMatching(/^(sourced|assumption)$/)]);
      // The agreement's own `assumptions` holds Assumption objects, items hold ids.
      const refs = Array.isArray(o.assumptions) ? o.assumptions.filter((x): x is string => typeof x === "string") : [];
      for (const r of refs) {
        expect([at, ids.includes(r)]).toEqual([at, true]);
        used.add(r);
      }
      if (o.status === "assumption") expect([at, refs.length > 0]).toEqual([at, true]);
    }
    // Every assumption shapes at least one item.
    for (const x of ids) expect([x, used.has(x)]).toEqual([x, true]);
  });

  test.each([
    ["prio-2014", "prio-2014/county-below-80", "none-in-county", ["complying-only"]],
    ["prio-2014", "prio-2014/gk1-answered-by", "each", []],
    ["prio-2014", "prio-2014/bare-percent-at-least", "at-least", []],
    ["aldre-2014", "aldre-2014/grundkrav-county-gate", "county-gate", []],
    ["aldre-2014", "aldre-2014/improvement-unit", "percentage-points", ["relative"]],
    ["aldre-2014", "aldre-2014/pall-tiers", "independent", []],
    ["aldre-2014", "aldre-2014/hundred-rule-scope", "tier2-only", ["both-tiers"]],
    ["aldre-2014", "aldre-2014/senior-alert-key", "population", []],
    ["aldre-2014", "aldre-2014/lan-key", "population", ["pop75"]],
    ["aldre-2014", "aldre-2014/kommun-part-division", "population", []],
    ["aldre-2014", "aldre-2014/four-of-six-at-least", "at-least", []],
    ["aldre-2014", "aldre-2014/analys-recipient", "landsting", []],
    ["aldre-2014", "aldre-2014/results-period", "skl-circular", ["calendar-2014"]],
  ])("%s assumption %s defaults to %s", (id, assumption, def, alternatives) => {
    const x = byId(id).assumptions.find((y) => y.id === assumption);
    expect(x).toBeDefined();
    expect(x!.default).toBe(def);
    for (const alt of alternatives) expect(x!.options.map((o) => o.id)).toContain(alt);
  });
});

// ---------------------------------------------------------------------------
describe("dates", () => {
  test.each([
    ["prio-2014", "inrapportering", "2014-11-14", "004 §3.4.1 / §3.4.2: senast den 14 november 2014"],
    ["prio-2014", "slutlig-bedomning", "2014-11-30", "004 §4: senast den 30 november 2014"],
    ["prio-2014", "resultatperiod", "2014-01-01/2014-11-14", "004 §5: 1 januari–14 november 2014"],
    ["prio-2014", "b1-avlasning", "2014-01-01/2014-10-31", "004 §3.4.2 B 1: 1 januari t.o.m. 31 oktober 2014"],
    ["prio-2014", "rekvisition", "2014-12-01", "004 §5: senast den 1 december 2014"],
    ["prio-2014", "a-avlasning", "2014-11-30", "004 §3.4.2: Väntetider i vården den 30 november 2014"],
    ["aldre-2014", "resultatperiod", "2013-10-01/2014-09-30", "000 Tidplan (assumption; 002 §4 defers to the plan)"],
    ["aldre-2014", "utbetalning", "2014-12-01/2014-12-31", "002 §4: senast i december 2014"],
    ["aldre-2014", "resultat-till-socialstyrelsen", "2014-11-01", "002 §7: senast den 1 november 2014"],
    ["aldre-2014", "grundkrav-uppfoljning", "2014-10-01", "002 §7: senast den 1 oktober 2014"],
  ])("%s %s = %s (%s)", (id, dateId, date) => {
    const d = byId(id).dates.find((x) => x.id === dateId);
    expect(d).toBeDefined();
    expect(d!.date).toBe(date);
  });

  test.each(AGREEMENTS.flatMap((a) => a.dates.map((d) => [a.id, d.id, d.date] as const)))("%s date %s is ISO (%s)", (_a, _d, date) => {
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/);
    for (const part of date.split("/")) expect(new Date(part + "T00:00:00Z").toISOString().slice(0, 10)).toBe(part);
  });
});

describe("conflicts", () => {
  test("prio-2014 A1: 004 says 80 000 000, 003 says 100 000 000; the agreement prevails", () => {
    const c = PRIO_2014.conflicts.find((x) => x.id === "prio-2014/a1-amount")!;
    expect(c.claims.map((x) => [x.source.doc, x.value])).toEqual([
      ["004_a38fd00e97c5cefc.txt", "80000000"],
      ["003_df29125e70796945.txt", "100000000"],
    ]);
    expect(c.resolvedValue).toBe("80000000");
    expect(String(potAmount(PRIO_2014, "A1"))).toBe(c.resolvedValue);
  });

  test("prio-2014: 003's heading says 2013, its content 2014", () => {
    const c = PRIO_2014.conflicts.find((x) => x.id === "prio-2014/003-heading-year")!;
    expect(c.claims[0].source.section).toBe("4. Stöd till riktade insatser inom området psykisk ohälsa 2013");
    expect(c.resolvedValue).toBe("2014");
  });

  test("aldre-2014 results period: 000 vs 002 §4", () => {
    const c = ALDRE_2014.conflicts.find((x) => x.id === "aldre-2014/results-period")!;
    expect(c.claims.map((x) => x.source.doc)).toEqual(
      expect.arrayContaining(["000_3dc3d7eee1c32ea7.txt", "002_0dca93dae4af361b.txt"]),
    );
    expect(c.resolvedValue).toBe(ALDRE_2014.dates.find((d) => d.id === "resultatperiod")!.date);
  });
});

// ---------------------------------------------------------------------------
// Whether each section and quote stands in its source document is checked by
// `npm run check:sources` (src/cli/sources.ts; CI runs it with the documents
// beside the checkout). Here: what holds without the documents.
describe("citations are well-formed", () => {
  test("there are citations to check", () => {
    expect(ALL_CITATIONS.length).toBeGreaterThan(150);
  });

  test.each(ALL_CITATIONS.map(({ at, c }) => [at, c] as const))("%s: doc is a seed file, with a label and a section", (_at, c) => {
    expect(SEED_FILES).toContain(c.doc);
    expect(c.label.length).toBeGreaterThan(0);
    expect(c.section.trim().length).toBeGreaterThan(0);
    expect(c.section).not.toMatch(/^[#*]|\*\*$/);
  });

  const withQuote = ALL_CITATIONS.filter(({ c }) => c.quote !== undefined);
  test.each(withQuote.map(({ at, c }) => [at, c.quote!] as const))("%s: quote is 10–80 characters on one line: %s", (_at, quote) => {
    expect(quote.length).toBeGreaterThanOrEqual(10);
    expect(quote.length).toBeLessThanOrEqual(80);
    expect(quote).not.toMatch(/\n/);
  });

  test("every pot, threshold criterion, split, key and declared total carries a quote", () => {
    const missing: string[] = [];
    for (const a of [...AGREEMENTS]) {
      for (const p of a.pots) {
        if (!p.source.quote) missing.push(`${a.id} pot ${p.id}`);
        if (p.split && !p.split.source.quote) missing.push(`${a.id} split ${p.id}`);
        if (p.key && !p.key.source.quote) missing.push(`${a.id} key ${p.id}`);
        for (const f of p.fixed ?? []) if (!f.source.quote) missing.push(`${a.id} fixed ${p.id}`);
      }
      for (const r of allRules(a)) {
        for (const c of r.criteria) if (c.kind !== "boolean" && !c.source.quote) missing.push(`${a.id} ${r.id}/${c.id}`);
      }
      for (const r of a.requirements) if (r.coverage && !r.coverage.source.quote) missing.push(`${a.id} ${r.id} coverage`);
      for (const t of a.totals) if (!t.source.quote) missing.push(`${a.id} total ${t.id}`);
    }
    expect(missing).toEqual([]);
  });
});
