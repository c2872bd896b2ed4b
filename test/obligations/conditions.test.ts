/**
 * Conditions facts can satisfy (issue 18): the Öppna jämförelser plan
 * (SKL-PM Stockholms län 2014: 75 000 kr per county that hands in a plan with
 * goals, purpose and planned activities by 7 February 2014) and the eHälsa
 * co-financing (SKL circular 13:66: an agreement with SKL and an own
 * contribution of at least the same amount). Plus the silent choices made
 * explicit: a big city's ÄBiC count and the one rounding rule.
 */
import { getAgreement } from "../../src/agreements";
import { demoFacts } from "../../src/agreements/demo";
import { evaluate } from "../../src/core/evaluate";
import { Facts } from "../../src/core/facts";
import { renderEvent } from "../../src/core/render";
import { LAN } from "../../src/reference";
import { run } from "../../src/cli/main";
import { a1 } from "../../src/sheets/cells";
import { buildWorkbook } from "../../src/sheets/layout";
import { readAllocationSheet } from "../../src/sheets/read";
import { allMet, Answers } from "../support/facts";

const EBP = getAgreement("ebp-2014");
const county = (f: Facts, lan: string) => f.counties[lan].county!.answers as Answers;
const landsting = (ev: ReturnType<typeof evaluate>, lan: string) => ev.recipients.find((r) => r.level === "landsting" && r.code === lan)!;
const share = (ev: ReturnType<typeof evaluate>, pot: string, lan: string) => landsting(ev, lan).pots.find((p) => p.pot === pot)!;
/** The recipient's explanation lines. */
const explain = (ev: ReturnType<typeof evaluate>, lan: string) => landsting(ev, lan).events.map(renderEvent).join("\n");
/** The verdict on a pot's fixed amount for a county's landsting. */
const fixedEvent = (ev: ReturnType<typeof evaluate>, pot: string, lan: string) =>
  landsting(ev, lan).events.find((e) => e.kind === "fixed" && e.pot === pot)!;

describe("Öppna jämförelser: the 75 000 kr are earned by the plan", () => {
  test("every county hands in a complete plan in time: 21 × 75 000 = 1 575 000 kr, nothing conditional", () => {
    const ev = evaluate(EBP, allMet("ebp-2014"));
    const pot = ev.pots.find((p) => p.id === "EBP-OJ")!;
    expect(LAN).toHaveLength(21);
    expect(pot.allocated).toBe(21n * 75_000n);
    expect(pot.unallocated).toBe(0n);
    expect(share(ev, "EBP-OJ", "01")).toMatchObject({ status: "eligible", amount: 75_000n });
  });

  test("a late plan (after 7 February 2014) earns nothing; a plan without goals, purpose and activities neither", () => {
    const f = allMet("ebp-2014");
    county(f, "01")["OJ-HANDLINGSPLAN"]["inlamnad-i-tid"] = false;
    county(f, "12")["OJ-HANDLINGSPLAN"]["mal-syfte-aktiviteter"] = false;
    const ev = evaluate(EBP, f);
    const pot = ev.pots.find((p) => p.id === "EBP-OJ")!;
    expect(pot.allocated).toBe(19n * 75_000n);
    expect(pot.unallocated).toBe(150_000n);
    expect(pot.unallocatedReason).toMatch(/2 mottagare uppfyller inte villkoret/);
    expect(share(ev, "EBP-OJ", "01")).toMatchObject({ status: "not-eligible", amount: 0n });
    const text = explain(ev, "01");
    expect(text).toMatch(/senast 7 februari 2014: nej/);
    expect(text).toMatch(/75 000 kr betalas inte ut, villkoret \(OJ-HANDLINGSPLAN\) är inte uppfyllt/);
  });

  test("without an answer the amount stays conditional, as before", () => {
    const f = allMet("ebp-2014");
    delete county(f, "03")["OJ-HANDLINGSPLAN"];
    const ev = evaluate(EBP, f);
    expect(share(ev, "EBP-OJ", "03")).toMatchObject({ status: "missing-data", amount: 0n });
    expect(ev.pots.find((p) => p.id === "EBP-OJ")!.allocated).toBe(20n * 75_000n);
  });
});

describe("eHälsa: the co-financing condition in evaluate", () => {
  const withOwn = (own: number, grant: number, agreement = true) => {
    const f = allMet("ebp-2014");
    county(f, "01")["EHALSA-VILLKOR"] = { "avtal-med-skl": agreement, "egen-insats": { part: own, total: grant } };
    return evaluate(EBP, f);
  };
  const verdict = (ev: ReturnType<typeof withOwn>) => fixedEvent(ev, "EHALSA-AKTIVITETER", "01");

  test("an own contribution equal to the grant meets it; more does too", () => {
    expect(verdict(withOwn(2_500_000, 2_500_000)).applied).toBe(true);
    expect(verdict(withOwn(3_000_000, 2_500_000)).applied).toBe(true);
    expect(renderEvent(verdict(withOwn(2_500_000, 2_500_000)))).toMatch(/villkoret \(EHALSA-VILLKOR\) är uppfyllt; beloppet meddelas senare/);
  });

  test("one krona less does not (exact, no rounding up to 100 %)", () => {
    const ev = withOwn(2_499_999, 2_500_000);
    expect(verdict(ev).applied).toBe(false);
    expect(share(ev, "EHALSA-AKTIVITETER", "01").status).toBe("not-eligible");
    expect(explain(ev, "01")).toMatch(/2 499 999 av 2 500 000 .* inte ≥ 100 %/);
  });

  test("without an agreement with SKL it is not met, whatever the contribution", () => {
    expect(verdict(withOwn(5_000_000, 2_500_000, false)).applied).toBe(false);
  });

  test("stim cofinancing and evaluate agree at the line", () => {
    const cli = (own: number) => JSON.parse(run(["cofinancing", "--grant", "2500000", "--own", String(own), "--json"]).stdout).met;
    for (const own of [2_499_999, 2_500_000, 2_500_001]) expect(cli(own)).toBe(verdict(withOwn(own, 2_500_000)).applied);
  });

  test("the demo scenario answers both conditions for every county", () => {
    const f = demoFacts(EBP);
    for (const l of LAN) {
      expect(Object.keys(county(f, l.code))).toEqual(expect.arrayContaining(["OJ-HANDLINGSPLAN", "EHALSA-VILLKOR"]));
    }
    const ev = evaluate(EBP, f);
    const oj = ev.pots.find((p) => p.id === "EBP-OJ")!;
    expect(oj.allocated % 75_000n).toBe(0n);
    expect(oj.allocated + oj.unallocated).toBe(1_575_000n);
  });
});

describe("ÄBiC in a big city: the cap of two is per district", () => {
  const ALDRE = getAgreement("aldre-2014");
  const facts = (v: unknown): Facts =>
    ({
      format: "stimulans-facts",
      version: 1,
      agreement: "aldre-2014",
      counties: { "01": { kommuner: { "0180": { keys: { abic_process_leaders: v }, answers: { ABIC: { "processledare-utbildade": true, "beslut-fore-1-oktober": true } } } } } },
    }) as unknown as Facts;
  const stockholm = (ev: ReturnType<typeof evaluate>) => ev.recipients.find((r) => r.code === "0180" && r.level === "kommun")!;

  test("one number above two for Stockholm is an input error naming the field and asking for the list", () => {
    expect(() => evaluate(ALDRE, facts(20))).toThrow(/counties\.01\.kommuner\.0180\.keys\.abic_process_leaders: taket är 2 per stadsdel.*ange ett tal per stadsdel som en lista/);
  });

  test("a list per district is capped district by district; one number up to two is unambiguous", () => {
    // Only Stockholm has leaders: it takes the whole 70 000 000 either way; the trace shows what counted.
    const list = evaluate(ALDRE, facts([3, 1, 2]));
    expect(renderEvent(stockholm(list).events.find((e) => e.kind === "key-cap")!)).toMatch(/i 3 stadsdelar; högst 2 per stadsdel räknas → 5/);
    expect(() => evaluate(ALDRE, facts(2))).not.toThrow();
  });
});

describe("one rounding rule for takeover and model-year", () => {
  test("both say it, and split the same way: largest remainder, the state takes an equal remainder", () => {
    const t = run(["takeover", "--cost", "3", "--year", "2014"]).stdout;
    expect(t).toMatch(/= 1 kr; staten 2 kr/); // 0.75 / 2.25: the principals' remainder is larger
    expect(t).toMatch(/Avrundning: hela kronor med största rest/);
    expect(run(["takeover", "--cost", "1", "--year", "2015"]).stdout).toMatch(/= 0 kr; staten 1 kr/); // 0.5 / 0.5
    const m = run(["model-year", "--year", "6", "--amount", "1"]).stdout;
    expect(m).toMatch(/statens andel 50 % = 1 kr/);
    expect(m).toMatch(/Avrundning: hela kronor med största rest/);
    expect(JSON.parse(run(["takeover", "--cost", "3", "--year", "2014", "--json"]).stdout).rounding).toBe("largest-remainder");
  });
});

describe("ÄBiC in a big city, in the workbook: the cell is named", () => {
  test("20 in Stockholm's cell is an error on that cell asking for the list; '2; 1; 2' and 2 are read", () => {
    const ALDRE = getAgreement("aldre-2014");
    const s = buildWorkbook(ALDRE, { county: "01", facts: demoFacts(ALDRE) }).sheets[0];
    const g = { name: s.name, values: s.cells.map((r) => r.map((c) => (c ? (c.value ?? c.cached ?? "") : ""))), formulas: s.cells.map((r) => r.map((c) => c?.formula ?? null)) };
    const first = readAllocationSheet(g);
    const c = first.columns.get("nyckel.abic_process_leaders")!;
    const r = first.rows.find((x) => x.level === "kommun" && x.code === "0180")!.row;
    const at = (v: unknown) => {
      g.values[r][c] = v as string;
      return readAllocationSheet(g);
    };
    const bad = at(20).findings.filter((f) => f.severity === "fel");
    expect(bad).toHaveLength(1);
    expect(bad[0].cell).toBe(a1(r, c));
    expect(bad[0].message).toMatch(/Taket är 2 per stadsdel, så 20 för hela kommunen går inte att pröva mot taket; skriv ett tal per stadsdel/);
    expect(at("2; 1; 2").findings.filter((f) => f.severity === "fel")).toEqual([]);
    expect(at(2).findings.filter((f) => f.severity === "fel")).toEqual([]);
    // Göteborg is a big city too; Solna (0184) is not, and its single number is capped at two as before.
    const solna = first.rows.find((x) => x.level === "kommun" && x.code === "0184")!.row;
    g.values[r][c] = 2 as unknown as string;
    g.values[solna][c] = 20 as unknown as string;
    expect(readAllocationSheet(g).findings.filter((f) => f.severity === "fel")).toEqual([]);
  });
});
