/**
 * The rules core at its edges (issue "Rules core at the edges"): the B1
 * target figure, Region Gotland as one body, ÄBiC, the SveDem pots, a trace
 * that agrees with its verdict at the 80 % line, and facts that must be
 * refused rather than read wrongly. Expected values are worked out by hand
 * from the sources and the SCB figures.
 */
import { evaluate, Evaluation } from "../src/core/evaluate";
import { Facts, parseFacts } from "../src/core/facts";
import { renderEvent } from "../src/core/render";
import { CriterionEvent, KeyCapEvent } from "../src/core/trace";
import { getAgreement } from "../src/agreements";
import { demoFacts } from "../src/agreements/demo";
import { getKommun, getLan, LAN } from "../src/reference";
import { MINI } from "./fixtures/mini-agreement";

const PRIO = getAgreement("prio-2014");
const ALDRE = getAgreement("aldre-2014");
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
type Answers = Record<string, Record<string, unknown>>;

function entry(ev: Evaluation, level: "kommun" | "landsting", code: string, pot: string) {
  return ev.recipients.find((r) => r.level === level && r.code === code)!.pots.find((p) => p.pot === pot)!;
}
function recipient(ev: Evaluation, level: "kommun" | "landsting", code: string) {
  return ev.recipients.find((r) => r.level === level && r.code === code)!;
}

describe("B1 target figure (004 §3.4.2 B1): 0,5 % of the county's inhabitants, computed exactly", () => {
  // Stockholms län 2 163 042 inhabitants → target 10 815,21; 60 % of it = 6 489,126.
  const facts = (count: number): Facts => {
    const f = clone(demoFacts(PRIO));
    const b1 = (f.counties["01"].landsting!.answers as Answers).B1;
    b1.malsiffra = count;
    b1.lakemedelsuppfoljning = "70 %";
    b1.halsoframjande = "70 %";
    return f;
  };
  const b1Event = (ev: Evaluation) =>
    recipient(ev, "landsting", "01").events.find((e) => e.kind === "criterion" && e.rule === "B1" && e.criterion === "malsiffra") as CriterionEvent;

  test("6 490 registered patients reach the 60 % line, 6 489 do not", () => {
    expect(getLan("01")!.population).toBe(2_163_042);
    expect(b1Event(evaluate(PRIO, facts(6490))).applied).toBe(true);
    expect(b1Event(evaluate(PRIO, facts(6489))).applied).toBe(false);
  });
  test("the trace carries the target figure exactly and the text shows it with the 60 % line", () => {
    const e = b1Event(evaluate(PRIO, facts(6489)));
    expect(e.value).toMatchObject({ type: "target-count", count: 6489n, population: 2_163_042n, rate: "0.005", threshold: "0.6" });
    if (e.value.type !== "target-count") throw new Error("wrong type");
    expect(e.value.target.n * 100n).toBe(e.value.target.d * 1_081_521n); // 10 815,21 exactly
    expect(renderEvent(e)).toContain("målsiffran är 10 815,21 (0,5 % av 2 163 042 invånare) och 60 % av den är 6 489,126: 6 489 inte ≥ 6 489,126");
  });
  test("a population key in the facts overrides the embedded one (what-if)", () => {
    const f = facts(6489);
    f.counties["01"].landsting!.keys = { population: 2_000_000 }; // target 10 000 → line 6 000
    expect(b1Event(evaluate(PRIO, f)).applied).toBe(true);
  });
  test("a target figure typed by the user is refused unless that assumption is chosen", () => {
    const f = facts(6489);
    (f.counties["01"].landsting!.answers as Answers).B1.malsiffra = { part: 6489, total: 10815 };
    expect(() => evaluate(PRIO, f)).toThrow("counties.01.landsting.answers.B1.malsiffra: målsiffran räknas ut ur länets folkmängd");
  });
});

describe("Region Gotland is one body: kommun 0980 and landsting 09 answer shared rules once", () => {
  test("contradicting answers are an input error naming both places", () => {
    const f = clone(demoFacts(PRIO));
    const k = (f.counties["09"].kommuner!["0980"].answers as Answers).GK1;
    f.counties["09"].landsting!.answers = { ...(f.counties["09"].landsting!.answers ?? {}), GK1: { ...k, innehall: !k.innehall } } as never;
    expect(() => evaluate(PRIO, f)).toThrow(/counties\.09\.landsting\.answers\.GK1\.innehall: Region Gotland är en och samma huvudman/);
  });
  test("answers given once count for both: a failing GK1 stops the kommun and the landsting part", () => {
    const f = clone(demoFacts(PRIO));
    for (const [id, v] of Object.entries({ innehall: false, uppfoljning: true, synpunkter: true, "ny-overenskommelse": true })) {
      (f.counties["09"].kommuner!["0980"].answers as Answers).GK1[id] = v;
    }
    delete (f.counties["09"].landsting!.answers as Answers | undefined)?.GK1;
    const ev = evaluate(PRIO, f);
    expect(recipient(ev, "landsting", "09").gate).toBe(false);
    expect(recipient(ev, "kommun", "0980").gate).toBe(false);
    expect(entry(ev, "landsting", "09", "A1").amount).toBe(0n);
  });
  test("the same answer given on both sides is accepted", () => {
    const f = clone(demoFacts(PRIO));
    const k = (f.counties["09"].kommuner!["0980"].answers as Answers).GK1;
    (f.counties["09"].landsting!.answers as Answers).GK1 = { ...k };
    expect(() => evaluate(PRIO, f)).not.toThrow();
  });
  test("the demo scenario no longer contradicts itself", () => {
    const f = demoFacts(PRIO);
    expect(f.counties["09"].landsting?.answers?.GK1).toBeUndefined();
    const ev = evaluate(PRIO, f);
    expect(recipient(ev, "landsting", "09").gate).toBe(recipient(ev, "kommun", "0980").gate);
  });
});

describe("ÄBiC (002 Bilaga 2): 70 000 000 kr from Socialstyrelsen, at most two process leaders per kommun or city district", () => {
  const facts = (): Facts => {
    const f = clone(demoFacts(ALDRE));
    for (const l of LAN) {
      for (const [code, k] of Object.entries(f.counties[l.code].kommuner ?? {})) {
        (k.answers as Answers).ABIC = { "processledare-utbildade": false, "beslut-fore-1-oktober": false };
        k.keys = { ...(k.keys ?? {}), abic_process_leaders: 0 };
        void code;
      }
    }
    const set = (code: string, leaders: number | number[]) => {
      const k = f.counties[getKommun(code)!.lan].kommuner![code];
      (k.answers as Answers).ABIC = { "processledare-utbildade": true, "beslut-fore-1-oktober": true };
      k.keys!.abic_process_leaders = leaders as never;
    };
    set("0114", 5); // capped at 2
    set("0180", [3, 1, 2]); // three city districts: 2 + 1 + 2 = 5
    set("0115", 1);
    return f;
  };
  test("shared by capped leaders 2 : 5 : 1 → 17 500 000, 43 750 000 and 8 750 000 kr", () => {
    const ev = evaluate(ALDRE, facts());
    expect(entry(ev, "kommun", "0114", "ABIC").amount).toBe(17_500_000n);
    expect(entry(ev, "kommun", "0180", "ABIC").amount).toBe(43_750_000n);
    expect(entry(ev, "kommun", "0115", "ABIC").amount).toBe(8_750_000n);
  });
  test("reported apart from the 1 001 000 000, with Socialstyrelsen as payer", () => {
    const ev = evaluate(ALDRE, facts());
    expect(ev.total).toBe(1_001_000_000n);
    expect(ev.allocated + ev.unallocated).toBe(1_001_000_000n);
    expect(ev.outside).toEqual([
      expect.objectContaining({ payer: "Socialstyrelsen", amount: 126_500_000n, allocated: 126_500_000n, pots: ["ABIC", "SOS-OVRIGA-UPPDRAG"] }),
    ]);
    const r = recipient(ev, "kommun", "0114");
    expect(r.outside).toBe(17_500_000n);
    expect(r.total).toBe(r.pots.filter((p) => p.pot !== "ABIC").reduce((s, p) => s + p.amount, 0n));
  });
  test("the cap is shown in the trace", () => {
    const ev = evaluate(ALDRE, facts());
    const cap = recipient(ev, "kommun", "0180").events.find((e) => e.kind === "key-cap") as KeyCapEvent;
    expect(cap).toMatchObject({ given: 6n, used: 5n, max: 2, districts: 3, applied: true });
    expect(renderEvent(cap)).toContain("6 i 3 stadsdelar; högst 2 per stadsdel räknas → 5");
  });
  test("a list of districts is refused for a kommun that is not one of the three big cities", () => {
    const f = facts();
    f.counties["01"].kommuner!["0114"].keys!.abic_process_leaders = [1, 1] as never;
    expect(() => evaluate(ALDRE, f)).toThrow(/counties\.01\.kommuner\.0114\.keys\.abic_process_leaders: .*0180, 1480, 1280/);
  });
});

describe("SveDem (002 §5.3): shared in relation to the number registered, no yes/no criterion of its own", () => {
  test("the pots have no goal; an answer for one is refused", () => {
    expect(ALDRE.pots.find((p) => p.id === "SVEDEM-DIAGNOS")!.goal).toBeUndefined();
    const f = clone(demoFacts(ALDRE));
    (f.counties["01"].landsting!.answers as Answers)["SVEDEM-DIAGNOS"] = { registrerar: true };
    expect(() => evaluate(ALDRE, f)).toThrow('okänd regel "SVEDEM-DIAGNOS"');
  });
  test("a landsting with registrations shares by its count", () => {
    const ev = evaluate(ALDRE, demoFacts(ALDRE));
    const p = ev.pots.find((x) => x.id === "SVEDEM-DIAGNOS")!;
    const eligible = p.shares.filter((s) => s.status === "eligible");
    const keySum = eligible.reduce((s, x) => s + x.key!, 0n);
    for (const s of eligible) {
      const floor = (25_000_000n * s.key!) / keySum;
      expect(s.amount === floor || s.amount === floor + 1n).toBe(true);
    }
    expect(p.allocated + p.unallocated).toBe(25_000_000n);
  });
});

describe("a trace that agrees with its verdict at the edge (004 §3.4.1)", () => {
  const UPPSALA = getLan("03")!;
  const facts = (pops: number[], complying: boolean[]): Facts => {
    const counties: Facts["counties"] = {};
    for (const l of LAN) {
      counties[l.code] = {
        county: { answers: { "LAN-MAL": { indikator: { previous: [5, 5, 5, 5, 5, 5], current: [4, 4, 4, 4, 5, 6] } } } },
        landsting: { answers: { GK: { ok: true }, "LS-MAL": { andel: { part: 9, total: 10 } }, "GK-MAL": { klart: true } } },
        kommuner: Object.fromEntries(
          l.kommuner.map((k, i) => [
            k,
            l.code === "03"
              ? { answers: { GK: { ok: complying[i] }, "GK-MAL": { klart: true } }, keys: { population: pops[i] } }
              : { answers: { GK: { ok: true }, "GK-MAL": { klart: true } } },
          ]),
        ),
      };
    }
    return { format: "stimulans-facts", version: 1, agreement: "mini-2014", counties };
  };
  test("245 471 of 306 840 inhabitants is shown as 79,9997 %, not 80,00 %", () => {
    // 7 complying kommuner hold 245 471, the failing one 61 369: 245 471 / 306 840 = 0,799996…
    const pops = [1000, 1000, 1000, 1000, 1000, 1000, 239_471, 61_369];
    expect(UPPSALA.kommuner).toHaveLength(8);
    const ev = evaluate(MINI, facts(pops, [true, true, true, true, true, true, true, false]));
    const e = ev.counties["03"].events.find((x) => x.kind === "coverage")!;
    expect(e.applied).toBe(false);
    const text = renderEvent(e);
    expect(text).toContain("245 471 av 306 840 invånare (79,9997 %) inte ≥ 80 %");
    expect(text).not.toContain("80,00 %");
  });
  test("exactly 80 % is shown as 80,00 % and is met", () => {
    const ev = evaluate(MINI, facts([100, 100, 100, 100, 100, 100, 100, 175], [true, true, true, true, true, true, true, false]));
    expect(renderEvent(ev.counties["03"].events.find((x) => x.kind === "coverage")!)).toContain("700 av 875 invånare (80,00 %) ≥ 80 %");
  });
});

describe("facts that must be refused, not read wrongly", () => {
  const base = () => clone(demoFacts(PRIO)) as Facts & Record<string, unknown>;
  test.each([
    ["a typo in a top-level field drops nothing silently", (f: Record<string, unknown>) => (f.asumptions = {}), "asumptions: okänt fält"],
    ['"fictional": "ja" is not a boolean', (f: Record<string, unknown>) => (f.fictional = "ja"), 'fictional: måste vara true eller false, fick texten "ja"'],
    ["a title that is not text", (f: Record<string, unknown>) => (f.title = 12), "title: måste vara text"],
    [
      "a share a hair above 100 %",
      (f: Record<string, unknown>) => (((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = "100,0000000000000000001 %"),
      "är större än 100 %",
    ],
    [
      "90 where 0,9 was meant",
      (f: Record<string, unknown>) => (((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = 90),
      "andelen 90 är större än 1",
    ],
    [
      "an unknown field inside a share",
      (f: Record<string, unknown>) => (((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = { part: 1, total: 2, of: 3 }),
      'okänt fält "of"',
    ],
  ])("%s", (_name, change, message) => {
    const f = base();
    change(f);
    expect(() => evaluate(PRIO, f)).toThrow(message);
  });

  test("exactly 100 % is accepted", () => {
    const f = base();
    ((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = "100,000 %";
    expect(() => evaluate(PRIO, f)).not.toThrow();
  });

  test("counts above 2^53 are read exactly, and the verdict is one computation", () => {
    // 4,77e21 / 5,3e21 = 0,9 exactly: ≥ 90 % is met.
    const f = base();
    ((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = { part: 4.77e21, total: 5.3e21 };
    const full = evaluate(PRIO, f);
    const quick = evaluate(PRIO, f, { explain: false });
    const e = recipient(full, "landsting", "01").events.find((x) => x.kind === "criterion" && x.criterion === "forsta-bedomning-30-dagar")!;
    expect(e.applied).toBe(true);
    expect(quick.recipients.map((r) => [r.code, r.total])).toEqual(full.recipients.map((r) => [r.code, r.total]));
    // A part a little below 4,77e21 falls just below 90 %.
    ((f as unknown as Facts).counties["01"].landsting!.answers as Answers).A1["forsta-bedomning-30-dagar"] = { part: 4.7699e21, total: 5.3e21 };
    const below = evaluate(PRIO, f);
    expect(recipient(below, "landsting", "01").events.find((x) => x.kind === "criterion" && x.criterion === "forsta-bedomning-30-dagar")!.applied).toBe(false);
  });

  test("parseFacts returns normalised values: shares as exact fractions, blanks kept as missing", () => {
    const f = base();
    const answers = (f as unknown as Facts).counties["01"].landsting!.answers as Answers;
    answers.A1["forsta-bedomning-30-dagar"] = "92,5 %";
    answers["A-FORUTSATTNING"]["svarsfrekvens-forsta-besok"] = null;
    const { facts } = parseFacts(f, PRIO);
    const parsed = facts.counties.get("01")!.landsting!.answers;
    expect(parsed.get("A1")!.get("forsta-bedomning-30-dagar")).toEqual({ kind: "share", value: { n: 925n, d: 1000n } });
    expect(parsed.get("A-FORUTSATTNING")!.get("svarsfrekvens-forsta-besok")).toBeNull();
  });

  test("every message names its path", () => {
    const f = base();
    ((f as Facts).counties["05"].kommuner!["0512"].answers as Answers).A3["sip-0-17"] = "kanske";
    try {
      evaluate(PRIO, f);
      throw new Error("not refused");
    } catch (e) {
      expect((e as Error).message).toContain('counties.05.kommuner.0512.answers.A3.sip-0-17: väntade true eller false, fick texten "kanske"');
    }
  });
});
