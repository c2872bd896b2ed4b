/**
 * The Swedish metadata (functions-sv.json, selected for sv-SE by the
 * manifest): generated from the English functions.json with the table in
 * src/functions/sv.ts, exactly as webpack.config.js does at build time.
 *
 * Every function present in the generated metadata (not a fixed list: new
 * STIM.* functions are checked as soon as they exist) is held to Microsoft's
 * naming rules for custom functions ("Custom functions naming and
 * localization", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming):
 * - id: only A–Z, 0–9, underscore and period; starts with a letter; at least
 *   three characters;
 * - name: only Unicode letters, underscore and period; starts with a letter;
 *   at least three characters; upper case like Excel's own functions;
 * - no name that reads as a cell reference (A1 to XFD1048576, R1C1 to
 *   R1048576C16384; Swedish Excel writes R1C1 as R1K1);
 * - no name that matches an Excel 4.0 macro function;
 * - no id or name that matches a built-in Excel function in any language
 *   (checked against English and Swedish, test/fixtures/excel-names.ts).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { localiseMetadata, SV_FUNCTIONS, type Metadata, type SvFunction } from "../src/functions/sv";
import { EXCEL4_MACRO_FUNCTIONS, EXCEL_FUNCTIONS, EXCEL_FUNCTIONS_EN_ONLY } from "./fixtures/excel-names";

const FUNCTIONS_FILE = join(__dirname, "..", "src", "functions", "functions.ts");

/** Upper case as Swedish Excel writes it (å → Å). */
const upper = (s: string) => s.toLocaleUpperCase("sv-SE");

const BUILTINS = new Set([...EXCEL_FUNCTIONS.flatMap(([en, sv]) => [en, sv]), ...EXCEL_FUNCTIONS_EN_ONLY].map(upper));
const MACROS = new Set(EXCEL4_MACRO_FUNCTIONS.map(upper));

/**
 * English names that repeat an Excel 4.0 macro command, kept because users'
 * formulas already use them: the name is always read with its namespace
 * (STIM.SPLIT), which no macro function has. No Swedish name may do this.
 */
const KNOWN_ENGLISH_MACRO_NAMES = new Set(["SPLIT"]);

/** Column letters → column number (A = 1, XFD = 16384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * True when Excel could read `name` as a cell reference: A1 style up to
 * XFD1048576, or R1C1 style (R, C, RC, R5C3 …; Swedish Excel's R1K1 too).
 */
function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})(\d+)$/i.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    if (columnNumber(a1[1]) <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  const r1c1 = /^R(\d*)[CK](\d*)$/i.exec(name) ?? /^R(\d*)()$/i.exec(name) ?? /^()[CK](\d*)$/i.exec(name);
  if (r1c1) {
    const row = r1c1[1] === "" ? 1 : Number(r1c1[1]);
    const col = r1c1[2] === "" ? 1 : Number(r1c1[2]);
    if (row <= 1048576 && col <= 16384) return true;
  }
  return false;
}

let english: Metadata;
let swedish: Metadata;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  expect(r.errors).toEqual([]);
  english = JSON.parse(r.metadataJson) as Metadata;
  swedish = localiseMetadata(english);
}, 30_000);

describe("the naming checks themselves", () => {
  test("cell references are recognised, names are not", () => {
    for (const ref of ["A1", "XFD1048576", "AB12", "R1C1", "R1048576C16384", "RC", "R", "C", "R2K3", "rk"]) {
      expect([ref, looksLikeCellReference(ref)]).toEqual([ref, true]);
    }
    for (const name of ["XFE1", "A0", "A1048577", "POTT", "KÄLLA", "VERSION", "RAD", "ROW1A"]) {
      expect([name, looksLikeCellReference(name)]).toEqual([name, false]);
    }
  });

  test("the name lists know Excel's functions in both languages and the macro language", () => {
    for (const n of ["SUMMA", "SUMMA.OMF", "LETAUPP", "XLETAUPP", "MÅNAD", "ÅR", "SUM", "VLOOKUP", "FILTER", "TEXTSPLIT", "ASC"]) {
      expect([n, BUILTINS.has(n)]).toEqual([n, true]);
    }
    for (const n of ["RUN", "ECHO", "GET.CELL", "EVALUATE", "FOPEN", "ALERT", "SPLIT", "ACTIVATE.NEXT"]) {
      expect([n, MACROS.has(n)]).toEqual([n, true]);
    }
    expect(EXCEL_FUNCTIONS.length).toBeGreaterThan(450);
    expect(EXCEL4_MACRO_FUNCTIONS.length).toBeGreaterThan(450);
  });
});

describe("functions-sv.json", () => {
  test("every id has a Swedish name and description, different from the English", () => {
    expect(swedish.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    expect(swedish.functions.length).toBeGreaterThanOrEqual(13);
    for (const f of swedish.functions) {
      const en = english.functions.find((x) => x.id === f.id)!;
      expect(f.name.trim()).toBeTruthy();
      expect(f.description?.trim()).toBeTruthy();
      expect(f.description).not.toBe(en.description);
      expect(SV_FUNCTIONS[f.id].name).toBe(f.name);
    }
  });

  test("the English name of every function is its id (the messages and the help page rely on it)", () => {
    for (const f of english.functions) expect(f.name).toBe(f.id);
  });

  test("only names and descriptions differ: ids, parameter order, types, dimensionality, optional, result", () => {
    const strip = (m: Metadata) =>
      m.functions.map(({ name: _n, description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ name: _pn, description: _pd, ...p }) => p),
      }));
    expect(strip(swedish)).toEqual(strip(english));
    const { functions: _f1, ...svTop } = swedish;
    const { functions: _f2, ...enTop } = english;
    expect(svTop).toEqual(enTop);
  });

  test("ids follow Microsoft's rules: A–Z, 0–9, _ and ., a letter first, at least three characters", () => {
    for (const f of english.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  test("names follow Microsoft's rules: Unicode letters, _ and ., a letter first, at least three characters, upper case; unique", () => {
    for (const m of [english, swedish]) {
      const names = m.functions.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) {
        expect(n).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
        expect(n).toBe(upper(n));
        expect([n, looksLikeCellReference(n)]).toEqual([n, false]);
      }
    }
  });

  test("no id or name equals a built-in Excel function in English or Swedish, bare or with the namespace", () => {
    for (const m of [english, swedish]) {
      for (const f of m.functions) {
        for (const n of [f.id, f.name, `STIM.${f.name}`]) expect([n, BUILTINS.has(upper(n))]).toEqual([n, false]);
      }
    }
  });

  test("no name equals an Excel 4.0 macro function; the only English exception is known and namespaced", () => {
    for (const f of english.functions) {
      expect(MACROS.has(`STIM.${f.name}`)).toBe(false);
      if (MACROS.has(f.name)) expect([f.name, KNOWN_ENGLISH_MACRO_NAMES.has(f.name)]).toEqual([f.name, true]);
    }
    for (const f of swedish.functions) {
      expect([f.name, MACROS.has(upper(f.name))]).toEqual([f.name, false]);
      expect(MACROS.has(upper(`STIM.${f.name}`))).toBe(false);
    }
  });

  test("a Swedish name never equals another function's English name", () => {
    const enById = new Map(english.functions.map((f) => [f.name, f.id]));
    for (const f of swedish.functions) {
      const other = enById.get(f.name);
      if (other !== undefined) expect(other).toBe(f.id);
    }
  });

  test("every parameter has a Swedish name (lower case, letters, digits and _) and description, unique within its function", () => {
    for (const f of swedish.functions) {
      const en = english.functions.find((x) => x.id === f.id)!;
      expect(f.parameters).toHaveLength(en.parameters.length);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^\p{Ll}[\p{Ll}\p{Nd}_]*$/u);
        expect(p.description?.trim()).toBeTruthy();
      }
      expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
    }
  });

  test("an English parameter has one Swedish name in every function (the messages look names up by it)", () => {
    const seen = new Map<string, string>();
    for (const f of swedish.functions) {
      const en = english.functions.find((x) => x.id === f.id)!;
      en.parameters.forEach((p, i) => {
        const sv = f.parameters[i].name;
        expect([f.id, p.name, seen.get(p.name) ?? sv]).toEqual([f.id, p.name, sv]);
        seen.set(p.name, sv);
      });
    }
  });

  test("descriptions name only functions that exist, in the file's own language", () => {
    const check = (m: Metadata) => {
      const names = new Set(m.functions.map((f) => f.name));
      for (const f of m.functions) {
        const texts = [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")];
        for (const t of texts) {
          for (const [, name] of t.matchAll(/STIM\.([\p{L}_.]+[\p{L}_])/gu)) expect([f.id, name, names.has(name)]).toEqual([f.id, name, true]);
        }
      }
    };
    check(english);
    check(swedish);
  });

  test("the Swedish names are real Swedish words with å, ä and ö", () => {
    const expected: Record<string, string> = {
      VERSION: "VERSION",
      FUND_SHARE: "FÖRDELA",
      SPLIT: "DELA_BELOPP",
      POT: "POTT",
      POPULATION: "FOLKMÄNGD",
      GRUNDKRAV_MET: "GRUNDKRAV_UPPFYLLT",
      GRUNDKRAV_COUNTY: "GRUNDKRAV_LÄN",
      GOAL_MET: "MÅL_UPPFYLLT",
      CRITERIA: "KRITERIER",
      MONTHS_LOWER: "MÅNADER_LÄGRE",
      EXPLAIN: "FÖRKLARA",
      SOURCE: "KÄLLA",
      ASSUMPTIONS: "ANTAGANDEN",
      ALLOCATION: "TILLDELNING",
      ALLOCATION_STATUS: "TILLDELNINGSSTATUS",
      UNALLOCATED: "OFÖRDELAT",
    };
    const byId = Object.fromEntries(swedish.functions.map((f) => [f.id, f]));
    for (const [id, name] of Object.entries(expected)) expect([id, byId[id]?.name]).toEqual([id, name]);
    // The ASCII spellings that read as other words are gone, in names and parameters.
    const ascii = /^(KALLA|MAL_.*|.*_LAN|MANADER_.*|.*LAGRE|FORDELA|FOLKMANGD|FORKLARA|overenskommelse|behoriga|foregaende_ar|folkmangder|mal_id)$/;
    for (const f of swedish.functions) {
      expect(f.name).not.toMatch(ascii);
      for (const p of f.parameters) expect(p.name).not.toMatch(ascii);
    }
    const params = Object.fromEntries(byId.FUND_SHARE.parameters.map((p, i) => [english.functions.find((f) => f.id === "FUND_SHARE")!.parameters[i].name, p.name]));
    expect(params).toEqual({ pot: "pott", keys: "nycklar", eligible: "behöriga", ids: "koder", method: "metod" });
    expect(byId.MONTHS_LOWER.parameters.map((p) => p.name)).toEqual(["föregående_år", "innevarande_år"]);
    expect(byId.POT.parameters[0].name).toBe("överenskommelse");
    expect(byId.VERSION.description).toBe("Visar vilken version av Stimulans som är installerad.");
  });
});

test("the finance staff's guide lists every function with its Swedish and English name", () => {
  const readme = readFileSync(join(__dirname, "..", "docs", "guide-ekonomer.md"), "utf8");
  for (const f of swedish.functions) {
    const en = english.functions.find((x) => x.id === f.id)!;
    expect([f.id, readme.includes(`| \`STIM.${f.name}\` | \`STIM.${en.name}\` |`)]).toEqual([f.id, true]);
  }
});

describe("localiseMetadata keeps the two files from drifting", () => {
  const table = (): Record<string, SvFunction> => JSON.parse(JSON.stringify(SV_FUNCTIONS)) as Record<string, SvFunction>;

  test("a function missing from sv.ts fails", () => {
    const t = table();
    delete t.POT;
    expect(() => localiseMetadata(english, t)).toThrow("POT: saknar svenskt namn och beskrivning i sv.ts");
  });

  test("a stale function in sv.ts fails", () => {
    const t = table();
    t.GONE = { name: "BORTA", description: "x", parameters: {} };
    expect(() => localiseMetadata(english, t)).toThrow("GONE: finns i sv.ts men inte i functions.json");
  });

  test("a parameter missing or stale fails", () => {
    const t = table();
    delete t.SPLIT.parameters.first_share;
    t.SPLIT.parameters.share = { name: "andel", description: "x" };
    expect(() => localiseMetadata(english, t)).toThrow(
      /SPLIT: parametern share finns i sv.ts men inte i functions.json[\s\S]*SPLIT: parametern first_share saknar svenskt namn/,
    );
  });

  test("one English parameter with two Swedish names fails", () => {
    const t = table();
    t.SOURCE.parameters.agreement = { name: "avtal", description: "x" };
    expect(() => localiseMetadata(english, t)).toThrow(/parametern agreement heter (avtal|överenskommelse) här men (överenskommelse|avtal) i en annan funktion/);
  });
});
