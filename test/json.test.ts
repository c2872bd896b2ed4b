/**
 * Reading JSON text from users (src/core/json.ts): the same value as
 * JSON.parse wherever JSON.parse is right, and a Swedish refusal where it
 * would lose something (duplicate keys, also when spelled with \u escapes) or
 * break (deep nesting, huge strings).
 */
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { JSON_LIMITS, JsonTextError, parseJsonText } from "../src/core/json";
import { FactsError, parseFactsJson } from "../src/core/facts";

const issues = (text: string, limits = {}) => {
  try {
    parseJsonText(text, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(JsonTextError);
    return (e as JsonTextError).issues;
  }
  throw new Error("expected a refusal");
};

/** The value with every exact Decimal turned into the nearest double: what JSON.parse gives. */
const asDoubles = (v: unknown): unknown =>
  v instanceof Decimal ? v.toNumber() : Array.isArray(v) ? v.map(asDoubles) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asDoubles(x)])) : v;

describe("same value as JSON.parse (an independent reference), numbers exact", () => {
  test("on any JSON value fast-check generates", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonText(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });
  test("on pretty-printed JSON with unicode text and escapes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 2);
        expect(parseJsonText(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
  test("on arbitrary text: refused exactly when JSON.parse refuses (apart from our limits)", () => {
    const alphabet = fc.constantFrom(..."{}[],:\"\\ \n0123456789-+.eEtrufalsn/bu", "\u0000", "\u00e5", "\ud83d");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (text) => {
        let expected: unknown;
        let refused = false;
        try {
          expected = JSON.parse(text);
        } catch {
          refused = true;
        }
        if (refused) expect(() => parseJsonText(text)).toThrow(JsonTextError);
        else {
          // Text JSON.parse accepts can still hold a duplicate key.
          let ours: unknown;
          try {
            ours = parseJsonText(text);
          } catch (e) {
            expect((e as JsonTextError).issues.every((x) => /förekommer två gånger/.test(x.message))).toBe(true);
            return;
          }
          expect(asDoubles(ours)).toEqual(expected);
        }
      }),
      { numRuns: 5000 },
    );
  });
  test("a number literal keeps its exact value: a double where one holds it, else a Decimal with every digit", () => {
    const v = parseJsonText("[0.5, 92, 1e3, 0.1, 1.50, 0.79999999999999999, 15999999999999999, 20000000000000000, 1.0000000000000000001, 12345678901234567890]") as unknown[];
    expect(v.slice(0, 5)).toEqual([0.5, 92, 1000, 0.1, 1.5]);
    expect(v[7]).toBe(20000000000000000); // 2e16 is a double exactly
    for (const [i, text] of [[5, "0.79999999999999999"], [6, "15999999999999999"], [8, "1.0000000000000000001"], [9, "12345678901234567890"]] as const) {
      expect(v[i]).toBeInstanceOf(Decimal);
      expect((v[i] as Decimal).eq(new Decimal(text))).toBe(true);
    }
  });
  test("every literal fast-check generates is read exactly: its value equals the text's, digit for digit", () => {
    const literal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9][0-9]{0,25})$/), fc.option(fc.stringMatching(/^[0-9]{1,25}$/)), fc.option(fc.integer({ min: -30, max: 30 })))
      .map(([neg, int, frac, exp]) => `${neg ? "-" : ""}${int}${frac === null ? "" : "." + frac}${exp === null ? "" : "e" + exp}`);
    fc.assert(
      fc.property(literal, (text) => {
        const v = parseJsonText(text) as number | Decimal;
        const exact = new Decimal(text);
        if (typeof v === "number") expect(new Decimal(String(v)).eq(exact)).toBe(true);
        else expect(v.eq(exact)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  test("escapes, including lone surrogates, decode as JSON.parse decodes them", () => {
    const text = '["\\u00e5\\u00E4\\u00f6", "\\ud83d\\ude00", "\\ud800", "\\/\\b\\f\\n\\r\\t\\"\\\\"]';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
  });
  test('a key "__proto__" is an own property, not the prototype (as with JSON.parse)', () => {
    const v = parseJsonText('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(v).toEqual(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
  });
});

describe("a UTF-8 byte-order mark at the start is accepted", () => {
  test("the BOM is not part of the value and not an error", () => {
    expect(parseJsonText('\uFEFF{"format": "stimulans-facts"}')).toEqual({ format: "stimulans-facts" });
  });
  test("a BOM anywhere else is still an error", () => {
    expect(issues('{"a": 1}\uFEFF')[0].message).toMatch(/text efter slutet av JSON-värdet/);
  });
});

describe("duplicate keys are refused, compared after unescaping", () => {
  test('"\\u0030180" beside "0180" is the same kommun (Stockholm) twice', () => {
    const text = '{"counties": {"01": {"kommuner": {"\\u0030180": {"keys": {"pop": 1}}, "0180": {}}}}}';
    expect(JSON.parse(text).counties["01"].kommuner).toEqual({ "0180": {} }); // JSON.parse silently keeps the last
    expect(issues(text)).toEqual([
      { path: "counties.01.kommuner.0180", message: 'förekommer två gånger i samma objekt (skrivet "\\u0030180" och "0180")' },
    ]);
  });
  test.each([
    ['{"a": 1, "\\u0061": 2}', "a"],
    ['{"/": 1, "\\/": 2}', "/"],
    ['{"å": 1, "\\u00e5": 2}', "å"],
    ['{"x": 1, "x": 2}', "x"],
  ])("%s", (text, key) => {
    expect(issues(text).map((x) => x.path)).toEqual([key]);
  });
  test("every duplicate is reported, with its path", () => {
    const text = '{"a": [{"k": 1, "k": 2}], "b": {"c": {"d": 1, "d": 2}}, "b2": 1, "b2": 3}';
    expect(issues(text).map((x) => x.path)).toEqual(["a[0].k", "b.c.d", "b2"]);
  });
  test("the same key in different objects, in arrays and inside strings is fine", () => {
    expect(parseJsonText('{"a": {"x": 1}, "b": {"x": "a\\"x"}, "c": [{"x": 1}, {"x": 2}]}')).toBeTruthy();
  });
  test("parseFactsJson refuses them as a FactsError naming the path", () => {
    const text = '{"counties": {"01": {"kommuner": {"\\u0030180": {}, "0180": {}}}}}';
    expect(() => parseFactsJson(text)).toThrow(FactsError);
    expect(() => parseFactsJson(text)).toThrow(/counties\.01\.kommuner\.0180: förekommer två gånger i samma objekt/);
  });
});

describe("limits: a Swedish message with the limit, never a stack overflow", () => {
  test("10 000 levels of arrays", () => {
    const text = "[".repeat(10_000) + "]".repeat(10_000);
    expect(issues(text)[0].message).toMatch(/^nästlat djupare än 64 nivåer, som är gränsen/);
  });
  test("10 000 levels of share objects, with the path where it went too deep", () => {
    const text = '{"part": '.repeat(10_000) + "1" + "}".repeat(10_000);
    const [issue] = issues(text);
    expect(issue.message).toMatch(/nästlat djupare än 64 nivåer/);
    expect(issue.path).toBe(Array(64).fill("part").join("."));
  });
  test("64 levels are allowed, 65 are not", () => {
    expect(parseJsonText("[".repeat(64) + "]".repeat(64))).toBeTruthy();
    expect(() => parseJsonText("[".repeat(65) + "]".repeat(65))).toThrow(/nästlat djupare än 64 nivåer/);
  });
  test("parseFactsJson: a deep share object is a FactsError, not 'Maximum call stack size exceeded'", () => {
    const text = '{"counties": {"01": {"county": {"answers": {"A1": {"x": ' + '{"part": '.repeat(10_000) + "1" + "}".repeat(10_005) + "}";
    expect(() => parseFactsJson(text)).toThrow(/Fel i indata.*nästlat djupare än 64 nivåer/);
  });
  test("a string longer than the limit, named with its path", () => {
    const text = `{"title": "${"x".repeat(JSON_LIMITS.maxStringLength + 1)}"}`;
    expect(issues(text)).toEqual([{ path: "title", message: "en sträng är längre än 100 000 tecken, som är gränsen (rad 1, kolumn 11)" }]);
    expect(parseJsonText(`{"title": "${"x".repeat(JSON_LIMITS.maxStringLength)}"}`)).toBeTruthy();
  });
  test("a number literal longer than the limit", () => {
    expect(issues("1".repeat(11), { maxStringLength: 10 })[0].message).toMatch(/ett tal är längre än 10 tecken/);
  });
  test("a text longer than the limit is refused before it is read", () => {
    expect(issues("[1,2,3]", { maxTextLength: 5 })[0].message).toBe("texten är 7 tecken lång; gränsen är 5 tecken");
  });
});

describe("syntax errors say where, in Swedish", () => {
  test.each([
    ["", /texten är tom/],
    ["{", /rad 1, kolumn 2: väntade en nyckel inom citattecken men fick slutet av texten/],
    ['{\n  "a": 1,\n  "b": }', /rad 3, kolumn 8: väntade ett värde .* men fick "}"/],
    ['{"a" 1}', /väntade ":" efter nyckeln/],
    ['{"a": 1 "b": 2}', /väntade "," eller "}"/],
    ["[1 2]", /väntade "," eller "]"/],
    ['"abc', /en sträng tar slut utan avslutande citattecken/],
    ['"a\\x"', /ogiltig escape-sekvens "\\x"/],
    ['"a\nb"', /kontrolltecken/],
    ["01", /text efter slutet av JSON-värdet/],
    ["[1,]", /väntade ett värde/],
    ["{'a': 1}", /väntade en nyckel inom citattecken/],
    ["NaN", /väntade ett värde/],
  ])("%j", (text, message) => {
    const [issue] = issues(text);
    expect(issue.message).toMatch(message);
  });
  test("parse errors are StimErrors (one user message), not SyntaxErrors", () => {
    expect(() => parseFactsJson("{")).toThrow(/Fel i indata \(1 fel\): \(fil\): ogiltig JSON på rad 1, kolumn 2/);
  });
});
