/**
 * Every function called by id through the host with Excel-shaped arguments,
 * table by table, and compared with what the rules core computes for the
 * same inputs. Runs against the source, and against dist/functions.js too
 * when a fresh build is there.
 */
import { allocate, splitAmount } from "../../src/core/allocate";
import { evaluateRule } from "../../src/core/rules";
import { compile } from "../../src/core/compile";
import { Answer, parseAnswer } from "../../src/core/facts";
import { formatCitation } from "../../src/core/format";
import { renderEvents } from "../../src/core/render";
import { monthsLower } from "../../src/core/thresholds";
import { AnswerValue } from "../../src/core/facts";
import { AGREEMENTS, getAgreement } from "../../src/agreements";
import { getLan, KOMMUNER, LAN, population as refPopulation } from "../../src/reference";
import { cells, Host, loadHost, OMIT, type Loader } from "./host";

// Every case runs against the sources and against the built bundle (npm test builds first).
const LOADERS: Loader[] = ["source", "bundle"];
const PRIO = getAgreement("prio-2014");
const ALDRE = getAgreement("aldre-2014");
const col = (xs: unknown[]) => xs.map((x) => [x]);

/** Core verdict for one rule from raw answers keyed by criterion id (parsed by the core). */
function coreVerdict(agreementId: string, ruleId: string, answers: Record<string, AnswerValue | null>): boolean | null {
  const rule = compile(getAgreement(agreementId)).rules.get(ruleId)!;
  const parsed = new Map<string, Answer | null>();
  for (const [id, v] of Object.entries(answers)) {
    const c = rule.criteria.find((x) => x.id === id)!;
    parsed.set(id, v === null ? null : (parseAnswer(c, v) as Answer));
  }
  return evaluateRule(rule, parsed).met;
}

describe.each(LOADERS)("functions through the host (%s)", (loader) => {
  let host: Host;
  beforeAll(async () => {
    host = await loadHost(loader);
  }, 60_000);
  afterAll(() => host?.close());

  test("VERSION", () => {
    expect(host.value("VERSION")).toBe("0.1.0");
  });

  describe("FUND_SHARE", () => {
    test.each([
      ["column", [100, col([1, 2, 3])], col([17, 33, 50])],
      ["row", [100, [[1, 2, 3]]], [[17, 33, 50]]],
      ["2-D range, row by row", [100, [[1, 2], [3, 4]]], [[10, 20], [30, 40]]],
      ["blank key (null) gets 0", [100, col([1, null, 3])], col([25, 0, 75])],
      ["blank key (0) gets 0", [100, col([1, 0, 3])], col([25, 0, 75])],
      ["blank key (\"\") gets 0", [100, col([1, "", 3])], col([25, 0, 75])],
      ["eligible TRUE/FALSE", [100, col([1, 2, 3]), col([true, false, true])], col([25, 0, 75])],
      ["eligible 1/0", [100, col([1, 2, 3]), col([1, 0, 1])], col([25, 0, 75])],
      ["eligible ja/nej", [100, col([1, 2, 3]), col(["ja", "nej", "JA"])], col([25, 0, 75])],
      ["eligible x/blank", [100, col([1, 2, 3]), col(["x", null, "x"])], col([25, 0, 75])],
      ["eligible blank as 0", [100, col([1, 2, 3]), col(["x", 0, "x"])], col([25, 0, 75])],
      ["nobody eligible: everyone 0, pot unallocated", [100, col([1, 2, 3]), col([false, false, false])], col([0, 0, 0])],
      ["pot 0", [0, col([1, 2])], col([0, 0])],
      ["numbers stored as text", [100, col(["1", " 2 ", "3,0"])], col([17, 33, 50])],
      ["pot as text with spaces", ["1 000", col([1, 1, 1])], col([334, 333, 333])],
      ["tie without ids: earlier row first", [1, col([1, 1])], col([1, 0])],
      ["tie with ids: lower code first", [1, col([1, 1]), OMIT, col(["0180", "0114"])], col([0, 1])],
      ["ids as numbers: 180 is 0180", [1, col([1, 1]), OMIT, col([180, 114])], col([0, 1])],
      ["ids beside blank rows", [2, col([1, 1, null]), OMIT, col(["0180", "0114", null])], col([1, 1, 0])],
      ["method round (may not sum)", [100, col([1, 1, 1]), OMIT, OMIT, "round"], col([33, 33, 33])],
      ["method avrunda (Swedish alias)", [100, col([1, 1, 1]), OMIT, OMIT, "avrunda"], col([33, 33, 33])],
      ["method exact", [100, col([1, 3]), OMIT, OMIT, "exact"], col([25, 75])],
      ["method blank = largest remainder", [100, col([1, 1, 1]), OMIT, OMIT, null], col([34, 33, 33])],
      ["decimal keys are exact", [3, col([0.1, 0.2])], col([1, 2])],
    ])("%s", (_name, args, expected) => {
      expect(host.value("FUND_SHARE", ...(args as unknown[]))).toEqual(expected);
    });

    test("omitted optional arguments may arrive as null or undefined", () => {
      for (const omitted of [null, undefined]) {
        expect(host.call("FUND_SHARE", [100, col([1, 2, 3])], { omitted })).toEqual({ kind: "value", value: col([17, 33, 50]) });
      }
    });

    test("exact shares that do not terminate", () => {
      const v = host.value("FUND_SHARE", 100, col([1, 2]), OMIT, OMIT, "exact") as number[][];
      const a = allocate(100, [1, 2], { method: "exact" });
      expect(v).toEqual(a.exact!.map((x) => [Number(x.text)]));
      expect(v[0][0]).toBeCloseTo(100 / 3, 10);
    });

    test("a national sheet: 290 kommuner by population, equal to the core and summing to the pot", () => {
      const pops = KOMMUNER.map((k) => k.population);
      const codes = KOMMUNER.map((k) => k.code);
      const eligible = KOMMUNER.map((_, i) => i % 7 !== 3);
      const v = host.value("FUND_SHARE", 150_000_000, col(pops), col(eligible), col(codes)) as number[][];
      const core = allocate(150_000_000, pops, { eligible, ids: codes });
      expect(v).toEqual(core.amounts.map((x) => [Number(x)]));
      expect(v.reduce((s, [x]) => s + x, 0)).toBe(150_000_000);
      v.forEach(([x], i) => {
        if (!eligible[i]) expect(x).toBe(0);
        expect(Number.isInteger(x)).toBe(true);
      });
    });
  });

  describe("SPLIT", () => {
    test.each([
      ["default 70/30", [1001], [[701, 300]]],
      ["first_share omitted (null)", [1001, null], [[701, 300]]],
      ["0.6", [1001, 0.6], [[601, 400]]],
      ["\"60 %\"", [1001, "60 %"], [[601, 400]]],
      ["\"60%\"", [1001, "60%"], [[601, 400]]],
      ["\"0,6\"", [1001, "0,6"], [[601, 400]]],
      ["1 = everything to kommuner", [1000, 1], [[1000, 0]]],
      ["0 = everything to landsting", [1000, 0], [[0, 1000]]],
      ["amount as text", ["1 001", "70 %"], [[701, 300]]],
      ["largest amount Excel holds exactly", [Number.MAX_SAFE_INTEGER], [splitAmount(BigInt(Number.MAX_SAFE_INTEGER), ["0.7", "0.3"]).map(Number)]],
    ])("%s", (_name, args, expected) => {
      expect(host.value("SPLIT", ...(args as unknown[]))).toEqual(expected);
    });

    test("equals the core's splitAmount for many amounts, and sums to the amount", () => {
      for (const amount of [0, 1, 2, 3, 7, 10, 99, 1001, 123456789, 630000000]) {
        const v = host.value("SPLIT", amount) as number[][];
        expect(v).toEqual([splitAmount(BigInt(amount), ["0.7", "0.3"]).map(Number)]);
        expect(v[0][0] + v[0][1]).toBe(amount);
      }
    });

    test("70 is ambiguous (0.7 or 70 %) and refused", () => {
      expect(host.error("SPLIT", 1000, 70)).toEqual({
        code: "#VALUE!",
        message: 'first_share är 70: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").',
      });
    });
  });

  describe("POT", () => {
    test("every pot of every agreement, by id, case-insensitively", () => {
      for (const a of AGREEMENTS) {
        for (const p of a.pots) {
          expect(host.value("POT", a.id, p.id)).toBe(p.amount);
          expect(host.value("POT", a.id.toUpperCase(), p.id.toLowerCase())).toBe(p.amount);
        }
      }
    });

    test.each([
      ["prio-2014", "A1", 80_000_000],
      ["PRIO-2014", "b3", 150_000_000],
      [" aldre-2014 ", "PALL1", 50_000_000],
    ])("POT(%s, %s)", (a, p, expected) => {
      expect(host.value("POT", a, p)).toBe(expected);
    });
  });

  describe("POPULATION", () => {
    const stockholm = refPopulation("0180")!;
    const lan01 = getLan("01")!.population;
    test.each([
      ["180 (number)", [[180]], [[stockholm]]],
      ["\"0180\" (text)", [["0180"]], [[stockholm]]],
      ["\"180\" (text)", [["180"]], [[stockholm]]],
      ["1 (län)", [[1]], [[lan01]]],
      ["\"01\" (län)", [["01"]], [[lan01]]],
      ["Gotland kommun 980", [[980]], [[refPopulation("0980")]]],
      ["a range with blanks", [[180], [null], [0], ["0114"], [""]], [[stockholm], [""], [""], [refPopulation("0114")], [""]]],
    ])("%s", (_name, code, expected) => {
      expect(host.value("POPULATION", code)).toEqual(expected);
    });

    test("all 290 kommuner and 21 län in one spilled call", () => {
      const codes = [...KOMMUNER.map((k) => Number(k.code)), ...LAN.map((l) => l.code)];
      const v = host.value("POPULATION", col(codes)) as number[][];
      expect(v).toEqual([...KOMMUNER.map((k) => [k.population]), ...LAN.map((l) => [l.population])]);
    });

    test("a bad code in a range is an error in its own cell", () => {
      const v = cells(host.value("POPULATION", col([180, 9999, "abc"])));
      expect(v).toEqual([
        [stockholm],
        ["#N/A: code rad 2: ingen kommun eller inget län har koden 9999."],
        ['#VALUE!: code rad 3: texten "abc" är ingen kod; ange en kommunkod (t.ex. "0180" eller 180) eller länskod (t.ex. "01").'],
      ]);
    });
  });

  describe("GRUNDKRAV_MET", () => {
    const gk1 = PRIO.requirements.find((r) => r.id === "GK1")!;
    const gk2 = PRIO.requirements.find((r) => r.id === "GK2")!;
    test.each([
      ["all TRUE (column)", col([true, true, true, true]), true],
      ["one FALSE", col([true, false, true, true]), false],
      ["1/0", col([1, 1, 1, 1]), true],
      ["ja/nej", col(["ja", "Ja", "JA", "nej"]), false],
      ["one row across (a kommun's row)", [[true, "ja", 1, "x"]], true],
      ["x marks: blank means no", col(["x", null, "x", "x"]), false],
      ["x marks all set", col(["x", "x", "X", "x"]), true],
      ["blank as 0 is no", col([true, 0, true, true]), false],
      ["a FALSE decides even with a blank", col([false, null, true, true]), false],
      ["extra blank rows are ignored", col([true, true, true, true, null, null]), true],
    ])("GK1 %s", (_name, answers, expected) => {
      expect(host.value("GRUNDKRAV_MET", "prio-2014", "GK1", answers)).toBe(expected);
    });

    test("a missing answer is #N/A naming the criterion", () => {
      expect(host.error("GRUNDKRAV_MET", "prio-2014", "gk1", col([true, null, true, true]))).toEqual({
        code: "#N/A",
        message: `uppgift saknas: ${gk1.criteria[1].label}.`,
      });
    });

    test("equals the core's verdict for every combination of GK1 answers", () => {
      for (let bits = 0; bits < 16; bits++) {
        const answers = gk1.criteria.map((_, i) => Boolean(bits & (1 << i)));
        const expected = coreVerdict("prio-2014", "GK1", Object.fromEntries(gk1.criteria.map((c, i) => [c.id, answers[i]])));
        expect(host.value("GRUNDKRAV_MET", "prio-2014", "GK1", col(answers))).toBe(expected);
      }
    });

    test("GK2: one answer per criterion, in CRITERIA's order", () => {
      const n = gk2.criteria.length;
      expect(host.value("GRUNDKRAV_MET", "prio-2014", "GK2", col(Array(n).fill(true)))).toBe(true);
      const rows = host.value("CRITERIA", "prio-2014", "GK2") as string[][];
      expect(rows.map((r) => r[0])).toEqual(gk2.criteria.map((c) => c.id));
    });

    test("aldre-2014's requirements", () => {
      for (const r of ALDRE.requirements) {
        expect(host.value("GRUNDKRAV_MET", "aldre-2014", r.id, col(r.criteria.map(() => true)))).toBe(true);
        expect(host.value("GRUNDKRAV_MET", "aldre-2014", r.id, col(r.criteria.map((_, i) => i !== 0)))).toBe(false);
      }
    });
  });

  describe("GRUNDKRAV_COUNTY", () => {
    test.each([
      ["exactly 80 % is enough", col([true, false]), col([80, 20]), true],
      ["just under 80 % is not", col([true, false]), col([79_999_999, 20_000_001]), false],
      ["80 % of a large county, exact", col([true, false]), col([4_000_000_000_000, 1_000_000_000_000]), true],
      ["x marks (blank = no)", col(["x", null, "x"]), col([600, 300, 100]), false],
      ["a blank kommun does not matter when the rest decide", col([true, null, true]), col([850, 50, 100]), true],
      ["blank rows are skipped", col([true, null, false]), col([900, null, 100]), true],
      ["blank as 0 counts as not met", col([true, 0, true]), col([600, 300, 100]), false],
    ])("%s", (_name, met, pops, expected) => {
      expect(host.value("GRUNDKRAV_COUNTY", met, pops)).toBe(expected);
    });

    test("every county with one failing kommun: equals 5·covered ≥ 4·total", () => {
      for (const l of LAN) {
        for (const failing of l.kommuner.slice(0, 3)) {
          const pops = l.kommuner.map((c) => KOMMUNER.find((k) => k.code === c)!.population);
          const met = l.kommuner.map((c) => c !== failing);
          const total = pops.reduce((s, p) => s + BigInt(p), 0n);
          const covered = pops.reduce((s, p, i) => (met[i] ? s + BigInt(p) : s), 0n);
          expect(host.value("GRUNDKRAV_COUNTY", col(met), col(pops))).toBe(5n * covered >= 4n * total);
        }
      }
    });

    test("Stockholm failing in Stockholms län: 58 % covered → FALSE", () => {
      const l = getLan("01")!;
      const pops = l.kommuner.map((c) => refPopulation(c)!);
      expect(host.value("GRUNDKRAV_COUNTY", col(l.kommuner.map((c) => c !== "0180")), col(pops))).toBe(false);
    });

    test("missing answers that decide the outcome give #N/A", () => {
      expect(host.error("GRUNDKRAV_COUNTY", col([true, null, false]), col([700, 200, 100]))).toEqual({
        code: "#N/A",
        message: "uppgift saknas: met för 1 kommun (rad 2); utan dem når täckningen inte gränsen, med dem gör den det.",
      });
    });
  });

  describe("GOAL_MET", () => {
    const a1Ok = [[0.92], [true], [0.96], ["96 %"], [true]];
    test.each([
      ["A1 met (share, prerequisites)", "prio-2014", "A1", a1Ok, true],
      ["A1 exactly 90 % is met", "prio-2014", "A1", [[0.9], [true], [0.95], [0.95], [true]], true],
      ["A1 89 % is not", "prio-2014", "A1", [[0.89], [true], [0.96], [0.96], [true]], false],
      ["A1 prerequisite failing", "prio-2014", "A1", [[0.92], [true], [0.94], [0.96], [true]], false],
      ["A1 share as part | total", "prio-2014", "A1", [[90, 100], [true, null], [950, 1000], [96, 100], [1, null]], true],
      ["A1 part | total just below", "prio-2014", "A1", [[899, 1000], [true, null], [950, 1000], [96, 100], [1, null]], false],
      ["A1 share as a %-formatted cell (0.9)", "prio-2014", "A1", [[0.9], ["ja"], ["95 %"], ["95,5 %"], ["x"]], true],
      ["A3 (kommun) one row across", "prio-2014", "A3", [[true, true, "ja"]], true],
      [
        "LKM-OLAMPLIGA lower in 4 of 6 months",
        "aldre-2014",
        "LKM-OLAMPLIGA",
        [[10, 9], [10, 9], [10, 9], [10, 10], [10, 11], [10, 9]],
        true,
      ],
      [
        "LKM-OLAMPLIGA 3 of 6 (equal is not lower)",
        "aldre-2014",
        "LKM-OLAMPLIGA",
        [[10, 9], [10, 9], [10, 10], [10, 10], [10, 11], [10, 9]],
        false,
      ],
      [
        "UNDVIKBAR with its reporting prerequisite (row 7)",
        "aldre-2014",
        "UNDVIKBAR",
        [[10, 9], [10, 9], [10, 9], [10, 9], [10, 11], [10, 11], [true, null]],
        true,
      ],
      [
        "UNDVIKBAR prerequisite not met",
        "aldre-2014",
        "UNDVIKBAR",
        [[10, 9], [10, 9], [10, 9], [10, 9], [10, 11], [10, 11], ["nej", null]],
        false,
      ],
      [
        "PALL1 coverage and +5 points on average",
        "aldre-2014",
        "PALL1",
        [[0.7, null], [0.3, 0.35], [0.5, 0.55], [0.4, 0.45], [0.6, 0.65]],
        true,
      ],
      [
        "PALL1 +4.75 points on average",
        "aldre-2014",
        "PALL1",
        [[0.7, null], [0.3, 0.35], [0.5, 0.55], [0.4, 0.45], [0.6, 0.64]],
        false,
      ],
      [
        "PALL2 by attainment ≥ 60 %",
        "aldre-2014",
        "PALL2",
        [["75 %", null], [0.6, 0.61], [0.6, 0.62], [0.6, 0.6], [0.6, 0.6]],
        true,
      ],
    ])("%s", (_name, agreement, goal, inputs, expected) => {
      expect(host.value("GOAL_MET", agreement, goal, inputs)).toBe(expected);
    });

    test("equals the core for A1 across shares around the threshold", () => {
      for (let pct = 85; pct <= 95; pct++) {
        const share = pct / 100;
        const expected = coreVerdict("prio-2014", "A1", { "forsta-bedomning-30-dagar": `${pct} %` });
        expect(host.value("GOAL_MET", "prio-2014", "A1", [[share], [true], [0.96], [0.96], [true]])).toBe(expected);
      }
    });

    test("equals the core's months-lower verdict", () => {
      const prev = [100, 200, 300, 400, 500, 600];
      for (let lower = 0; lower <= 6; lower++) {
        const cur = prev.map((p, i) => (i < lower ? p - 1 : p));
        const expected = coreVerdict("aldre-2014", "LKM-ANTIPSYKOTIKA", { "manader-lagre": { previous: prev, current: cur } });
        expect(host.value("GOAL_MET", "aldre-2014", "LKM-ANTIPSYKOTIKA", prev.map((p, i) => [p, cur[i]]))).toBe(expected);
        expect(expected).toBe(lower >= 4);
      }
    });

    // B1 (004 §3.4.2): the target figure is 0,5 % of the county's inhabitants,
    // computed exactly. Stockholm län: 2 163 042 → 10 815,21; 60 % = 6 489,126.
    test.each([
      [6490, true],
      [6489, false],
    ])("B1 Stockholm län: %d registered patients → %s", (count, expected) => {
      expect(host.value("GOAL_MET", "prio-2014", "B1", [[count], [0.61], ["61 %"]], "01")).toBe(expected);
      expect(host.value("GOAL_MET", "prio-2014", "B1", [[count], [0.61], ["61 %"]], 1)).toBe(expected);
    });
    test("B1 without the county code: #VALUE! naming the argument", () => {
      const e = host.error("GOAL_MET", "prio-2014", "B1", [[6490], [0.61], ["61 %"]]);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("recipient saknas");
    });
    test("B1 with a kommun code instead of a county code: #VALUE!", () => {
      expect(host.error("GOAL_MET", "prio-2014", "B1", [[6490], [0.61], ["61 %"]], "0180").message).toContain("länskoden");
    });
    test("B1 explanation shows the target figure and the 60 % line", () => {
      const text = host.value("EXPLAIN", "prio-2014", "B1", [[6489], [0.61], ["61 %"]], "01") as string;
      expect(text).toContain("målsiffran är 10 815,21 (0,5 % av 2 163 042 invånare)");
      expect(text).toContain("6 489 inte ≥ 6 489,126");
    });

    test("a missing input is #N/A naming it", () => {
      expect(host.error("GOAL_MET", "prio-2014", "A1", [[null], [true], [0.96], [0.96], [true]])).toEqual({
        code: "#N/A",
        message: "uppgift saknas: Andel barn och unga som fått en första bedömning inom 30 dagar.",
      });
      const e = host.error("GOAL_MET", "aldre-2014", "LKM-NSAID", [[10, 9], [10, null], [10, 9], [10, 9], [10, 9], [10, 9]]);
      expect(e.code).toBe("#N/A");
      expect(e.message).toBe(
        "uppgift saknas: Användningen av antiinflammatoriska läkemedel lägre än samma månad 2013 (månad 2, innevarande år).",
      );
    });
  });

  describe("CRITERIA", () => {
    test("every requirement and goal: one row per input row, four text columns", () => {
      for (const a of AGREEMENTS) {
        for (const r of [...a.requirements, ...a.goals]) {
          const rows = host.value("CRITERIA", a.id, r.id) as string[][];
          const required = (r.requires ?? []).flatMap((id) => [...a.requirements, ...a.goals].find((x) => x.id === id)!.criteria);
          const expectedRows = [...r.criteria, ...required].reduce(
            (n, c) => n + (c.kind === "months-lower" ? c.months : c.kind === "indicator-improvement" ? c.indicators.length : 1),
            0,
          );
          expect(rows).toHaveLength(expectedRows);
          for (const row of rows) {
            expect(row).toHaveLength(4);
            for (const x of row) expect(typeof x === "string" && x.length > 0).toBe(true);
          }
          expect(rows[0][0]).toBe(r.criteria[0].kind === "months-lower" || r.criteria[0].kind === "indicator-improvement" ? `${r.criteria[0].id}[1]` : r.criteria[0].id);
        }
      }
    });

    test("A1: own criterion first, then the prerequisites", () => {
      expect(host.value("CRITERIA", "prio-2014", "a1")).toEqual([
        [
          "forsta-bedomning-30-dagar",
          "Andel barn och unga som fått en första bedömning inom 30 dagar",
          'andel i en cell (0,9 eller "90 %") eller antal | totalt i två celler; krav ≥ 90 %',
          "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1",
        ],
        ["A-FORUTSATTNING/rapportering", "Väntetider rapporteras enligt överenskommet regelverk", 'ja/nej: SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom', "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1 och A 2"],
        [
          "A-FORUTSATTNING/svarsfrekvens-forsta-besok",
          "Svarsfrekvens till Väntetider i vården, första besök",
          'andel i en cell (0,9 eller "90 %") eller antal | totalt i två celler; krav ≥ 95 %',
          "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1 och A 2",
        ],
        [
          "A-FORUTSATTNING/svarsfrekvens-fordjupad",
          "Svarsfrekvens till Väntetider i vården, fördjupad utredning eller behandling",
          'andel i en cell (0,9 eller "90 %") eller antal | totalt i två celler; krav ≥ 95 %',
          "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1 och A 2",
        ],
        ["A-FORUTSATTNING/forsta-linjen", "Väntetider till första linjen rapporteras för minst en enhet", 'ja/nej: SANT/FALSKT, 1/0, "ja"/"nej" eller "x"/tom', "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1 och A 2"],
      ]);
    });

    test("a months-lower goal: six rows, previous | current", () => {
      const rows = host.value("CRITERIA", "aldre-2014", "LKM-OLAMPLIGA") as string[][];
      expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6].map((i) => `manader-lagre[${i}]`));
      expect(rows[0][2]).toBe("tal ≥ 0 i två celler: föregående år | innevarande år; krav: lägre i minst 4 av 6 månader (lika räknas inte)");
    });
  });

  describe("MONTHS_LOWER", () => {
    test.each([
      ["columns", col([10, 10, 10, 10, 10, 10]), col([9, 10, 11, 9, 9, 9]), 4],
      ["rows", [[10, 10, 10]], [[9, 9, 10]], 2],
      ["equal is not lower", col([5, 5]), col([5, 5]), 0],
      // 0.1 + 0.2 = 0.30000000000000004 is not lower than 0.3; 0.19999999999999998 is lower than 0.2
      ["decimals, exactly", col([0.3, 0.2]), col([0.1 + 0.2, 0.19999999999999998]), 1],
      ["blank pairs are skipped", col([10, null, 10]), col([9, null, 9]), 2],
      ["negative values compare too", col([-1, -1]), col([-2, 0]), 1],
      ["numbers as text", col(["1 000", "12,5"]), col(["999", "12,4"]), 2],
    ])("%s", (_name, previous, current, expected) => {
      const v = host.value("MONTHS_LOWER", previous, current);
      const core = monthsLower(
        (previous as unknown[][]).flat().filter((x) => x !== null).map((x) => (typeof x === "string" ? x.replace(/\s/g, "").replace(",", ".") : x)),
        (current as unknown[][]).flat().filter((x) => x !== null).map((x) => (typeof x === "string" ? x.replace(/\s/g, "").replace(",", ".") : x)),
      );
      expect(v).toBe(core);
      expect(v).toBe(expected);
    });
  });

  describe("EXPLAIN", () => {
    test("a failing goal: verdict, the failing criterion with value and threshold, sources, assumptions", () => {
      const text = host.value("EXPLAIN", "prio-2014", "A1", [[0.89], [true], [0.96], [0.96], [true]]) as string;
      expect(text).toContain("A1 med förutsättningar (A-FORUTSATTNING): inte uppfyllt.");
      expect(text).toContain("A1 Prestationsmål A 1: första bedömning inom 30 dagar (Psykisk ohälsa 2014 §3.4.2): inte uppfyllt (brister: Andel barn och unga som fått en första bedömning inom 30 dagar).");
      expect(text).toContain("Andel barn och unga som fått en första bedömning inom 30 dagar: 89,00 % inte ≥ 90 % (Psykisk ohälsa 2014 §3.4.2) → inte uppfyllt.");
      expect(text).toContain("Antaganden: ");
      expect(text).toContain("[prio-2014/bare-percent-at-least]");
    });

    test("the explanation is the core's trace, rendered by the core's renderer", () => {
      const inputs = [[10, 9], [10, 9], [10, 9], [10, 10], [10, 11], [10, 9]];
      const text = host.value("EXPLAIN", "aldre-2014", "LKM-OLAMPLIGA", inputs) as string;
      const rule = ALDRE.goals.find((g) => g.id === "LKM-OLAMPLIGA")!;
      const answer = parseAnswer(rule.criteria[0], { previous: inputs.map((x) => x[0]), current: inputs.map((x) => x[1]) }) as Answer;
      const r = evaluateRule(rule, new Map([["manader-lagre", answer]]));
      for (const t of renderEvents(r.events)) expect(text).toContain(t);
      expect(text).toContain("lägre än samma månad året innan i 4 av 6 månader");
    });

    test("missing inputs are explained, not an error", () => {
      const text = host.value("EXPLAIN", "prio-2014", "GK1", col([true, null, true, true])) as string;
      expect(text).toContain("uppgift saknas");
    });
  });

  describe("SOURCE", () => {
    test.each([
      ["pot A1", "prio-2014", "A1", "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1"],
      ["requirement GK1", "prio-2014", "gk1", "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.1: Grundkrav 1"],
      ["goal A-FORUTSATTNING", "prio-2014", "A-FORUTSATTNING", "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2: Prestationsmål A 1 och A 2: förutsättningar"],
      ["assumption by full id", "prio-2014", "prio-2014/county-below-80", "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.1: Länsregeln 80 procent"],
      ["assumption by short id", "aldre-2014", "four-of-six-at-least", "Överenskommelse om de mest sjuka äldre 2014 (undertecknad 2013-12-11), avsnitt 5.3: God läkemedelsbehandling för äldre"],
      ["a criterion", "prio-2014", "GK1/innehall", "Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.1: Grundkrav 1"],
    ])("%s", (_name, a, id, expected) => {
      expect(host.value("SOURCE", a, id)).toBe(expected);
    });

    test("every pot of every agreement has a source", () => {
      // The document in words (registry name, kind or date in parentheses), the section, the item; never the file name.
      for (const a of AGREEMENTS)
        for (const p of a.pots) {
          const text = host.value("SOURCE", a.id, p.id) as string;
          expect(text).toBe(formatCitation(p.source, "full", { label: true }));
          expect(text).toMatch(/^[A-ZÅÄÖ][^()]+ \([^()]+\), (avsnitt [\d.]+|avsnittet ”.+”|bilaga \d+): .+/);
          expect(text).not.toContain(".txt");
        }
    });
  });

  describe("ASSUMPTIONS", () => {
    test("one row per assumption: id, description, default, source", () => {
      for (const a of AGREEMENTS) {
        const rows = host.value("ASSUMPTIONS", a.id) as string[][];
        expect(rows.map((r) => r[0])).toEqual(a.assumptions.map((x) => x.id));
        rows.forEach((r, i) => {
          expect(r).toHaveLength(4);
          expect(r[1]).toContain(a.assumptions[i].title);
          expect(r[2]).toContain(`[${a.assumptions[i].default}]`);
          expect(r[3]).toBe(formatCitation(a.assumptions[i].source, "full", { label: true }));
        });
      }
    });
  });
});
