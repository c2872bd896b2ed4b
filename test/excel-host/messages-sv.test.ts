/**
 * Error messages name arguments as the user sees them (src/functions/names.ts).
 *
 * Excel shows a custom function's parameters in the language of its user
 * interface: Swedish names (functions-sv.json) for sv-SE, English
 * (functions.json) otherwise. The host gives the functions that language the
 * way the shared runtime does (Office.context.displayLanguage); where it is
 * unknown, messages give both names.
 */
import { SV_FUNCTIONS } from "../../src/functions/sv";
import { bundleIsFresh, Host, loadHost, OMIT } from "./host";

const col = (xs: unknown[]) => xs.map((x) => [x]);
const AGREEMENTS = "prio-2014, aldre-2014, ebp-2014, missbruk-2014, ebp-2011";
const UPPSALA_POPS = [19968, 9132, 15580, 13450, 20144, 205199, 40656, 21352];

let sv: Host;
let en: Host;
let unknown: Host;
let finland: Host;
beforeAll(async () => {
  sv = await loadHost("source", { displayLanguage: "sv-SE" });
  en = await loadHost("source", { displayLanguage: "en-US" });
  unknown = await loadHost("source", { displayLanguage: null });
  finland = await loadHost("source", { displayLanguage: "sv-FI" });
}, 60_000);
afterAll(() => {
  for (const h of [sv, en, unknown, finland]) h?.close();
});

describe("Swedish Excel (sv-SE): Swedish argument and function names", () => {
  test.each([
    ["FUND_SHARE", [100, col([1, 2, 3]), col([true, true])], "#VALUE!", "nycklar och behöriga har olika storlek (3 mot 2 rader)."],
    ["FUND_SHARE", [100, col([1, "abc", 3])], "#VALUE!", 'nycklar rad 2: texten "abc" är inte ett tal.'],
    ["FUND_SHARE", [null, col([1, 2])], "#VALUE!", "pott saknas: ange ett belopp i hela kronor."],
    ["FUND_SHARE", [100, col([1, 2]), OMIT, OMIT, "median"], "#VALUE!", 'metod: texten "median" är ingen metod; välj "largest-remainder" (standard), "round" eller "exact".'],
    // A message from the core, naming its field in English: shown with the Swedish name.
    ["FUND_SHARE", [100, col([1, 2]), OMIT, col([180, "0180"])], "#VALUE!", 'koder: mottagaren "0180" förekommer två gånger (rad 1 och 2).'],
    ["SPLIT", [1000, 70], "#VALUE!", 'kommunandel är 70: ange andelen som 0–1 (t.ex. 0,7) eller som procent med %-tecken ("70 %").'],
    ["SPLIT", ["abc"], "#VALUE!", 'belopp måste vara ett tal i hela kronor, fick texten "abc".'],
    ["POT", [null, "A1"], "#VALUE!", `överenskommelse saknas: ange en överenskommelse (${AGREEMENTS}).`],
    ["POT", ["prio-2014", null], "#VALUE!", "pott_id saknas: ange ett id (se STIM.KRITERIER, STIM.KÄLLA)."],
    ["POT", ["prio-2014", "abc"], "#N/A", 'pott_id: Okänd pott "abc" i prio-2014. Potter: A1, A2, A3, A4, B1, B2, B3, SKL-SAMORDNING, SKL-BARN, SKL-VUXNA.'],
    ["POPULATION", [[[null]]], "#VALUE!", "kod saknas: ange en kommunkod (t.ex. 0180) eller länskod (t.ex. 01)."],
    ["GRUNDKRAV_MET", ["prio-2014", null, col([true])], "#VALUE!", "grundkrav_id saknas: ange ett id (se STIM.KRITERIER, STIM.KÄLLA)."],
    ["GRUNDKRAV_COUNTY", [col([true, null]), col([100, 900])], "#N/A", "uppgift saknas: uppfyllt för 1 kommun (rad 2); utan dem når täckningen inte gränsen, med dem gör den det."],
    ["GRUNDKRAV_COUNTY", [col([true, true]), col([100, null])], "#VALUE!", "folkmängder rad 2 saknas (uppfyllt är SANT); ange kommunens folkmängd."],
    ["GOAL_MET", ["prio-2014", "A1", col([0.92, true])], "#VALUE!", "indata har 2 rader men A1 behöver 5: en rad per rad i STIM.KRITERIER."],
    ["GOAL_MET", ["prio-2014", "Z9", col([true])], "#N/A", expect.stringMatching(/^mål_id: okänt prestationsmål "Z9" i prio-2014; finns: /)],
    ["MONTHS_LOWER", [col([1, 2, 3]), col([1, 2, null])], "#N/A", "uppgift saknas: innevarande_år rad 3 (föregående_år är 3)."],
    ["MONTHS_LOWER", [col([1, 2]), col([1, 2, 3])], "#VALUE!", "föregående_år och innevarande_år har olika storlek (2 mot 3 rader)."],
    ["SOURCE", ["prio-2014", "nej"], "#N/A", expect.stringMatching(/^id: "nej" är ingen pott/)],
  ] as const)("%s(%j) → %s", (id, args, code, message) => {
    expect(sv.error(id, ...args)).toEqual({ code, message });
  });

  test("the same call in English Excel names the English arguments", () => {
    expect(en.error("FUND_SHARE", 100, col([1, 2, 3]), col([true, true])).message).toBe("keys och eligible har olika storlek (3 mot 2 rader).");
    expect(en.error("FUND_SHARE", 100, col([1, 2]), OMIT, col([180, "0180"])).message).toBe('ids: mottagaren "0180" förekommer två gånger (rad 1 och 2).');
    expect(en.error("POT", "prio-2014", null).message).toBe("pot_id saknas: ange ett id (se STIM.CRITERIA, STIM.SOURCE).");
    expect(en.error("GRUNDKRAV_COUNTY", col([true, null]), col([100, 900])).message).toMatch(/^uppgift saknas: met för 1 kommun/);
  });

  test("when the language is unknown, or a Swedish other than sv-SE, both names are given", () => {
    for (const h of [unknown, finland]) {
      expect(h.error("FUND_SHARE", 100, col([1, 2, 3]), col([true, true])).message).toBe("nycklar (keys) och behöriga (eligible) har olika storlek (3 mot 2 rader).");
      expect(h.error("POT", "prio-2014", null).message).toBe("pott_id (pot_id) saknas: ange ett id (se STIM.KRITERIER (STIM.CRITERIA), STIM.KÄLLA (STIM.SOURCE)).");
      expect(h.error("FUND_SHARE", 100, col([1, 2]), OMIT, col([180, "0180"])).message).toBe('koder (ids): mottagaren "0180" förekommer två gånger (rad 1 och 2).');
    }
  });

  test("values are unchanged by the language", () => {
    for (const h of [en, unknown]) {
      expect(h.value("FUND_SHARE", 1000000, col([41449, 31616, 40495]))).toEqual(sv.value("FUND_SHARE", 1000000, col([41449, 31616, 40495])));
      expect(h.value("GRUNDKRAV_COUNTY", col(UPPSALA_POPS.map((_, i) => i !== 6)), col(UPPSALA_POPS))).toBe(true);
    }
  });
});

describe("no English argument or function name reaches a Swedish user", () => {
  /** Each argument of each function, replaced in turn by inputs that must be refused. */
  const BAD: unknown[] = [null, 0, "§§§", true, -1, NaN, 1e300];
  const BAD_RANGES: unknown[][][] = [[[null]], [["§§§"]], [[true]], [[-1], [NaN]], [[1, 2], [3, 4]], col(Array(7).fill("§§§"))];

  test("across every function in the metadata, every refused argument", () => {
    const enFunctions = sv.metadata.functions;
    const svParams = new Map<string, string>();
    const swedishName = (id: string) => SV_FUNCTIONS[id].name;
    for (const f of enFunctions) for (const p of f.parameters ?? []) svParams.set(p.name, SV_FUNCTIONS[f.id].parameters[p.name].name);
    const englishOnly = [...svParams].filter(([e, s]) => e !== s).map(([e]) => e);
    const englishFunctions = enFunctions.map((f) => f.id).filter((id) => swedishName(id) !== id);
    const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${w}(?![\\p{L}\\p{N}_])`, "u");
    const good: Record<string, unknown[]> = {
      FUND_SHARE: [100, col([1, 2, 3])],
      SPLIT: [1000],
      POT: ["prio-2014", "A1"],
      POPULATION: [[[180]]],
      GRUNDKRAV_MET: ["prio-2014", "GK1", col([true, true, true, true])],
      GRUNDKRAV_COUNTY: [col([true]), col([100])],
      GOAL_MET: ["prio-2014", "A1", col([0.92, true, 0.96, 0.96, true])],
      CRITERIA: ["prio-2014", "A1"],
      MONTHS_LOWER: [col([1, 2]), col([1, 1])],
      EXPLAIN: ["prio-2014", "A1", col([0.92, true, 0.96, 0.96, true])],
      SOURCE: ["prio-2014", "A1"],
      ASSUMPTIONS: ["prio-2014"],
    };
    let messages = 0;
    for (const f of enFunctions) {
      const params = f.parameters ?? [];
      if (params.length === 0) continue;
      // A function added later gets a call with every argument bad at once.
      const base = good[f.id] ?? params.map((p) => (p.dimensionality === "matrix" ? [["§§§"]] : "§§§"));
      for (let i = 0; i < params.length; i++) {
        const candidates = params[i].dimensionality === "matrix" ? BAD_RANGES : BAD;
        for (const bad of candidates) {
          const args = params.map((_, k) => (k === i ? bad : k < base.length ? base[k] : OMIT));
          while (args.length > 0 && args[args.length - 1] === OMIT) args.pop();
          const shown = sv.call(f.id, args);
          const texts: string[] = [];
          if (shown.kind === "error") texts.push(shown.message);
          else if (Array.isArray(shown.value)) {
            for (const row of shown.value as unknown[][]) for (const c of row) if (c instanceof Error) texts.push(c.message);
          }
          for (const t of texts) {
            messages++;
            for (const e of englishOnly) expect([f.id, i, t, word(e).test(t)]).toEqual([f.id, i, t, false]);
            for (const id of englishFunctions) expect([f.id, i, t, t.includes(`STIM.${id}`)]).toEqual([f.id, i, t, false]);
          }
        }
      }
    }
    expect(messages).toBeGreaterThan(100);
  });
});

test("the built bundle reads the display language the same way", async () => {
  expect(bundleIsFresh()).toBe(true); // npm test builds first
  const bundle = await loadHost("bundle", { displayLanguage: "sv-SE" });
  try {
    expect(bundle.error("FUND_SHARE", 100, col([1, 2, 3]), col([true, true])).message).toBe("nycklar och behöriga har olika storlek (3 mot 2 rader).");
  } finally {
    bundle.close();
  }
}, 60_000);
