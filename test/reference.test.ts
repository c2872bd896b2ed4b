/** Reference data (SCB, population 31 Dec 2013) and facts-file parsing. */
import { duplicateKeys, parseFactsJson } from "../src/core/facts";
import { demoFacts } from "../src/agreements/demo";
import { getAgreement } from "../src/agreements";
import { getKommun, getLan, KOMMUNER, LAN, METROPOLITAN_LAN, normaliseCode, population } from "../src/reference";

describe("reference data (../shared/data/README.md: checks that hold)", () => {
  test("290 kommuner and 21 län", () => {
    expect(KOMMUNER).toHaveLength(290);
    expect(LAN).toHaveLength(21);
  });
  test("the kommuner sum to 9 644 864 inhabitants (Sweden, 31 Dec 2013)", () => {
    expect(KOMMUNER.reduce((s, k) => s + k.population, 0)).toBe(9_644_864);
  });
  test.each(LAN.map((l) => [l.code, l.name]))("län %s %s: county total equals the sum of its kommuner", (code) => {
    const lan = getLan(code)!;
    expect(lan.kommuner.reduce((s, k) => s + getKommun(k)!.population, 0)).toBe(lan.population);
  });
  test("every kommunkod begins with its länskod", () => {
    for (const k of KOMMUNER) expect(k.code.startsWith(k.lan)).toBe(true);
  });
  test("Gotland is one kommun (0980) forming län 09", () => {
    expect(getLan("09")!.kommuner).toEqual(["0980"]);
    expect(getLan("09")!.population).toBe(getKommun("0980")!.population);
  });
  test("the metropolitan counties are Stockholm, Skåne and Västra Götaland", () => {
    expect(METROPOLITAN_LAN).toEqual(["01", "12", "14"]);
    expect(LAN.filter((l) => l.metropolitan).map((l) => l.name)).toEqual(["Stockholms län", "Skåne län", "Västra Götalands län"]);
  });
  test.each([
    [180, { kind: "kommun", code: "0180" }],
    ["0180", { kind: "kommun", code: "0180" }],
    [" 180 ", { kind: "kommun", code: "0180" }],
    [1, { kind: "lan", code: "01" }],
    ["01", { kind: "lan", code: "01" }],
    ["0980", { kind: "kommun", code: "0980" }],
    [9, { kind: "lan", code: "09" }],
  ])("normaliseCode(%j)", (input, expected) => expect(normaliseCode(input)).toEqual(expected));
  test.each([[99], ["0199"], [-180], [180.5], ["abc"], [null], [""], [true], ["12345"]])("%j is not a code", (input) => {
    expect(normaliseCode(input)).toBeUndefined();
    expect(population(input)).toBeUndefined();
  });
});

describe("demo scenario", () => {
  test.each([["prio-2014"], ["aldre-2014"]])("%s: deterministic, labelled fictional, covers all 21 län and 290 kommuner", (id) => {
    const a = getAgreement(id);
    const f = demoFacts(a);
    expect(demoFacts(a)).toEqual(f);
    expect(f.fictional).toBe(true);
    expect(f.description).toMatch(/FIKTIVA/);
    expect(Object.keys(f.counties)).toHaveLength(21);
    expect(Object.values(f.counties).reduce((s, c) => s + Object.keys(c.kommuner ?? {}).length, 0)).toBe(290);
  });
});

describe("facts JSON: duplicate keys are refused (JSON.parse would keep the last)", () => {
  test("a kommun entered twice under the same county", () => {
    const text = '{"counties": {"03": {"kommuner": {"0380": {}, "0381": {}, "0380": {"keys": {}}}}}}';
    expect(duplicateKeys(text)).toEqual(["counties.03.kommuner.0380"]);
    expect(() => parseFactsJson(text)).toThrow("counties.03.kommuner.0380: förekommer två gånger i samma objekt");
  });
  test("the same key in different objects, in strings and in arrays is fine", () => {
    expect(duplicateKeys('{"a": {"x": 1}, "b": {"x": "a\\"x"}, "c": [{"x": 1}, {"x": 2}]}')).toEqual([]);
  });
  test("invalid JSON gets a Swedish message", () => {
    expect(() => parseFactsJson("{")).toThrow(/ogiltig JSON/);
  });
});
