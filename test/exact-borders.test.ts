/**
 * Exact at the borders (issue 15): the issue's own examples, each a wrong
 * verdict or a silent override before, as table tests. The property test
 * over every face is test/excel-host/exact-thresholds.test.ts.
 */
import { Decimal } from "decimal.js";
import { evaluate } from "../src/core/evaluate";
import { FactsError, parseFactsJson } from "../src/core/facts";
import { parseDecimal, parseScaled, scanDecimal } from "../src/core/decimal";
import { renderEvent } from "../src/core/render";
import { CriterionEvent } from "../src/core/trace";
import { getAgreement } from "../src/agreements";
import { cellNumber } from "../src/sheets/cells";
import { readExact, readNumber } from "../src/functions/excel";
import { grundkravCounty, monthsLower } from "../src/functions/adapters";
import { overrideLines } from "../src/cli/commands/evaluate";
import { allMet } from "./support/facts";

const PRIO = getAgreement("prio-2014");

/** Met facts for prio-2014 with one landsting answer (county 01) written as `literal` in the JSON text. */
function prioJson(rule: string, criterion: string, literal: string, enteredTargets = false): string {
  const f = allMet("prio-2014") as unknown as Record<string, unknown> & { counties: Record<string, { landsting?: { answers?: Record<string, Record<string, unknown>> } }> };
  if (enteredTargets) {
    // With an entered target figure every landsting gives { part, total }.
    for (const cf of Object.values(f.counties)) if (cf.landsting?.answers?.B1?.malsiffra !== undefined) cf.landsting.answers.B1.malsiffra = { part: 1_000_000, total: 1 };
  }
  const l = (f.counties["01"].landsting ??= {});
  ((l.answers ??= {})[rule] ??= {})[criterion] = "__V__";
  return JSON.stringify(f).replace('"__V__"', literal);
}

function landsting01(text: string, assumptions?: Record<string, string>) {
  const ev = evaluate(PRIO, parseFactsJson(text), { assumptions });
  return ev.recipients.find((r) => r.level === "landsting" && r.code === "01")!;
}

function verdict(text: string, rule: string, criterion: string, assumptions?: Record<string, string>): boolean | null {
  const r = landsting01(text, assumptions);
  return r.events.find((e): e is CriterionEvent => e.kind === "criterion" && e.rule === rule && e.criterion === criterion)!.applied;
}

function refusal(text: string): string {
  try {
    evaluate(PRIO, parseFactsJson(text));
  } catch (e) {
    expect(e).toBeInstanceOf(FactsError);
    return (e as FactsError).message;
  }
  throw new Error("expected a refusal");
}

describe("JSON facts: the literal as written decides", () => {
  test("A2 needs at least 80 %: 0.79999999999999999 is below, and the landsting gets nothing from A2", () => {
    expect(verdict(prioJson("A2", "fordjupad-30-dagar", "0.79999999999999999"), "A2", "fordjupad-30-dagar")).toBe(false);
    expect(verdict(prioJson("A2", "fordjupad-30-dagar", "0.8"), "A2", "fordjupad-30-dagar")).toBe(true);
    const below = landsting01(prioJson("A2", "fordjupad-30-dagar", "0.79999999999999999")).pots.find((p) => p.pot === "A2")!;
    const at = landsting01(prioJson("A2", "fordjupad-30-dagar", "0.8")).pots.find((p) => p.pot === "A2")!;
    expect(below.amount).toBe(0n);
    expect(at.amount).toBeGreaterThan(0n);
  });

  test("{ part: 15999999999999999, total: 20000000000000000 } is below 80 %", () => {
    const text = prioJson("A2", "fordjupad-30-dagar", '{"part": 15999999999999999, "total": 20000000000000000}');
    expect(verdict(text, "A2", "fordjupad-30-dagar")).toBe(false);
    const e = landsting01(text).events.find((x): x is CriterionEvent => x.kind === "criterion" && x.rule === "A2")!;
    expect(e.value).toMatchObject({ type: "share", counts: { part: 15999999999999999n, total: 20000000000000000n } });
  });

  test("1.0000000000000000001 is above 100 %: refused, not read as 100 %", () => {
    expect(refusal(prioJson("A2", "fordjupad-30-dagar", "1.0000000000000000001"))).toMatch(/större än 100 %/);
    expect(verdict(prioJson("A2", "fordjupad-30-dagar", "1.0000000000000000000"), "A2", "fordjupad-30-dagar")).toBe(true);
  });

  test("B1 with its own target: 9000000000000000 of 15000000000000001 is below 60 %", () => {
    const choose = { "prio-2014/b1-malsiffra": "egen-malsiffra" };
    const below = prioJson("B1", "malsiffra", '{"part": 9000000000000000, "total": 15000000000000001}', true);
    const at = prioJson("B1", "malsiffra", '{"part": 9000000000000000, "total": 15000000000000000}', true);
    expect(verdict(below, "B1", "malsiffra", choose)).toBe(false);
    expect(verdict(at, "B1", "malsiffra", choose)).toBe(true);
  });

  test("a huge or tiny literal is refused at once, never expanded", () => {
    const started = Date.now();
    expect(refusal(prioJson("A2", "fordjupad-30-dagar", "1e100000000"))).toMatch(/väntade en andel 0–1, fick 1e\+100000000/);
    expect(refusal(prioJson("A2", "fordjupad-30-dagar", '{"part": 1e100000000, "total": 1e100000000}'))).toMatch(/heltal ≥ 0/);
    expect(refusal(prioJson("A2", "fordjupad-30-dagar", "1e-100000000"))).toMatch(/väntade en andel 0–1, fick 1e-100000000/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("counts above 2^53 stay as written", () => {
    const text = prioJson("A2", "fordjupad-30-dagar", '{"part": 9007199254740993, "total": 9007199254740993}');
    const e = landsting01(text).events.find((x): x is CriterionEvent => x.kind === "criterion" && x.rule === "A2")!;
    expect(e.value).toMatchObject({ counts: { part: 9007199254740993n, total: 9007199254740993n } });
  });

  test('a text share "89,99999999999999999 %" fails a 90 % goal (A1)', () => {
    expect(verdict(prioJson("A1", "forsta-bedomning-30-dagar", '"89,99999999999999999 %"'), "A1", "forsta-bedomning-30-dagar")).toBe(false);
    expect(verdict(prioJson("A1", "forsta-bedomning-30-dagar", '"90 %"'), "A1", "forsta-bedomning-30-dagar")).toBe(true);
  });
});

describe("the one parser (src/core/decimal.ts)", () => {
  test.each([
    ["0.79999999999999999", {}, "0.79999999999999999"],
    ["89,99999999999999999 %", { comma: true, percent: "allowed" as const }, "0.8999999999999999999"],
    ["89,99999999999999999%", { comma: true, percent: "allowed" as const }, "0.8999999999999999999"],
    ["1 234 567,5", { comma: true }, "1234567.5"],
    ["1e-20", {}, "1e-20"],
    [".5", {}, "0.5"],
    [0.1, {}, "0.1"],
    [1e21, {}, "1e21"],
    [12345678901234567890n, {}, "12345678901234567890"],
  ])("%p reads as %s", (input, syntax, exact) => {
    const d = parseDecimal(input, syntax);
    expect(d).toBeInstanceOf(Decimal);
    expect((d as Decimal).eq(new Decimal(exact))).toBe(true);
  });

  test.each(["0.9abc", "0x1p-1", "0b1", "0o7", "Infinity", "NaN", "1 2", "41449 31616", "1e101", "", "%", "12,5", "1.2.3", "- 1", "1,5,0"])("%p is not a number (plain syntax)", (text) => {
    expect(typeof scanDecimal(text)).toBe("string");
  });

  test("a comma is a decimal comma only where the face allows it, and only one", () => {
    expect(parseScaled("12,5", { comma: true })!.value).toEqual({ mantissa: 125n, scale: 1 });
    expect(parseScaled("12,5")).toBeUndefined();
    expect(parseScaled("1,2,5", { comma: true })).toBeUndefined();
    expect(parseScaled("1,5.0", { comma: true })).toBeUndefined();
  });

  test("a required percent sign is required", () => {
    expect(scanDecimal("90", { percent: "required" })).toBe("not-a-number");
    expect(scanDecimal("90 %", { percent: "required" })).toMatchObject({ digits: "90", scale: 2, percent: true });
  });
});

describe("sheet cells and function arguments read by the same parser", () => {
  test("cell text keeps every digit; a number cell is the double Excel shows", () => {
    const t = cellNumber("89,99999999999999999 %", true)!;
    expect(t.value).toBeInstanceOf(Decimal);
    expect(t.above(1)).toBe(false);
    expect(new Decimal(t.value).lt("0.9")).toBe(true);
    const n = cellNumber(0.9, true)!;
    expect(n.value).toBe(0.9);
    expect(cellNumber("1,0000000000000000001", true)!.above(1)).toBe(true);
  });

  test.each(["0.9abc", "0x1p-1", "Infinity", "1 2", "12 %%", "--1"])("cell text %p is no number, in the sheet and in a function", (text) => {
    expect(cellNumber(text, true)).toBeUndefined();
    expect(() => readNumber(text, "B2")).toThrow(/B2: texten ".*" är inte ett tal/);
  });

  test("a function argument keeps every digit of text, and is the double for a number", () => {
    expect((readExact("0,79999999999999999", "A1") as Decimal).lt("0.8")).toBe(true);
    expect(readExact(0.8, "A1")).toBe(0.8);
    expect(readExact("15999999999999999", "A1")).toBeInstanceOf(Decimal);
  });
});

describe("function arguments compared as written", () => {
  test("MONTHS_LOWER: 5,00000000000000001 before and 5 now is lower; the same text is not", () => {
    expect(monthsLower([["5,00000000000000001"]], [["5"]])).toBe(1);
    expect(monthsLower([["5,00000000000000001"]], [["5,00000000000000001"]])).toBe(0);
    expect(monthsLower([[5]], [["4,99999999999999999"]])).toBe(1);
  });
  test("GRUNDKRAV_COUNTY: a population must be a whole number as written", () => {
    expect(() => grundkravCounty([[true]], [["41449,0000000000000001"]])).toThrow(/ingen folkmängd/);
    expect(grundkravCounty([[true]], [["41 449"]])).toBe(true);
  });
});

describe("a population that differs from SCB's is said out loud", () => {
  const facts = (population: number) =>
    JSON.stringify({ format: "stimulans-facts", version: 1, agreement: "prio-2014", counties: { "01": { kommuner: { "0114": { keys: { population } } } } } });

  test("the override is an event first in the recipient's trace, and in Evaluation.overrides, with SCB's figure", () => {
    const ev = evaluate(PRIO, parseFactsJson(facts(77551990)));
    expect(ev.overrides).toHaveLength(1);
    const o = ev.overrides[0];
    expect(o).toMatchObject({ kind: "key-override", key: "population", who: { level: "kommun", code: "0114" }, given: 77551990n, embedded: 41449n });
    const r = ev.recipients.find((x) => x.code === "0114")!;
    expect(r.events[0]).toBe(o);
    expect(renderEvent(o)).toBe(
      "Folkmängden för Upplands Väsby (0114) är angiven till 77 551 990, inte SCB:s 41 449 (31 december 2013); beräkningen använder den angivna folkmängden.",
    );
    expect(overrideLines(ev)).toEqual([
      "",
      "OBS: en folkmängd skiljer sig från SCB:s (31 december 2013); beloppen räknas med de angivna talen:",
      "  0114 Upplands Väsby: 77 551 990 i stället för SCB:s 41 449 (+77 510 541)",
    ]);
  });

  test("the same figure as SCB's is no override, and without the trace the list is still there", () => {
    expect(evaluate(PRIO, parseFactsJson(facts(41449))).overrides).toEqual([]);
    expect(overrideLines(evaluate(PRIO, parseFactsJson(facts(41449))))).toEqual([]);
    expect(evaluate(PRIO, parseFactsJson(facts(41450)), { explain: false }).overrides).toHaveLength(1);
  });
});
