/**
 * Data tests for ebp-2014, missbruk-2014, ebp-2011 and the source conflicts.
 * Every expected value below is read from the seed named in its row.
 */
import { Agreement, SEED_FILES } from "../src/core/model";
import { SOURCE_CONFLICTS } from "../src/agreements/conflicts";
import { EBP_2011, EBP_2011_FUNDING } from "../src/agreements/ebp-2011";
import {
  EBP_2014,
  EBP_NEW_MODEL_BASE_YEARS,
  EBP_NEW_MODEL_STATE_SHARE,
  EBP_TAKEOVER_SCHEDULE,
  EHALSA_COFINANCING,
} from "../src/agreements/ebp-2014";
import { MISSBRUK_2014 } from "../src/agreements/missbruk-2014";
import { collectCitations as citations } from "../src/cli/sources";

const MINE: Agreement[] = [EBP_2014, MISSBRUK_2014, EBP_2011];
const byId = (a: Agreement, id: string) => {
  const p = a.pots.find((x) => x.id === id);
  if (!p) throw new Error(`no pot ${id} in ${a.id}`);
  return p;
};
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

const ALL_CITES = [
  ...MINE.flatMap((a) => citations(a, a.id)),
  ...citations(SOURCE_CONFLICTS, "SOURCE_CONFLICTS"),
  ...citations(EBP_TAKEOVER_SCHEDULE, "EBP_TAKEOVER_SCHEDULE"),
  ...citations(EBP_NEW_MODEL_STATE_SHARE, "EBP_NEW_MODEL_STATE_SHARE"),
  ...citations(EBP_NEW_MODEL_BASE_YEARS, "EBP_NEW_MODEL_BASE_YEARS"),
  ...citations(EHALSA_COFINANCING, "EHALSA_COFINANCING"),
  ...citations(EBP_2011_FUNDING, "EBP_2011_FUNDING"),
];

// Whether each section and quote stands in its source document is checked by
// `npm run check:sources` (CI runs it with the documents beside the checkout).
describe("citations are well-formed", () => {
  test("there are citations to check", () => {
    expect(ALL_CITES.length).toBeGreaterThan(80);
  });
  test.each(ALL_CITES.map((x) => [x.at, x.c] as const))("%s: a seed file and a plain section", (_at, c) => {
    expect(SEED_FILES).toContain(c.doc);
    expect(c.section.trim().length).toBeGreaterThan(0);
    expect(c.section).not.toMatch(/^[#*]|\*\*$/);
  });
  test.each(ALL_CITES.filter((x) => x.c.quote !== undefined).map((x) => [x.at, x.c] as const))(
    "%s: quote is 10–80 chars, on one line",
    (_at, c) => {
      expect(c.quote!.length).toBeGreaterThanOrEqual(10);
      expect(c.quote!.length).toBeLessThanOrEqual(80);
      expect(c.quote).not.toMatch(/\n/);
    },
  );
  test("every pot and fixed amount carries a quote", () => {
    for (const a of MINE) {
      for (const p of a.pots) {
        expect([a.id, p.id, p.source.quote !== undefined]).toEqual([a.id, p.id, true]);
        for (const f of p.fixed ?? []) expect([a.id, p.id, f.source.quote !== undefined]).toEqual([a.id, p.id, true]);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// ebp-2014

describe("ebp-2014 pots (000 Ekonomiskt stöd; 003 Kommunal eHälsa, Öppna jämförelser – Socialtjänst)", () => {
  test.each([
    // [pot, amount, source]
    ["EBP-LAN", 61_175_000, "000 Ekonomiskt stöd: 62,75 mnkr till länen − 21 × 75 000 (003 Öppna jämförelser)"],
    ["EBP-OJ", 1_575_000, "003 Öppna jämförelser – Socialtjänst: 75 000 kr per län × 21 län (ceiling)"],
    ["EBP-NATIONELLT", 21_300_000, "000 Ekonomiskt stöd: 84,05 − 62,75 mnkr"],
    ["EHALSA-SAMORDNARE", 10_000_000, "003 Kommunal eHälsa: en post på 10 miljoner kronor"],
    ["EHALSA-AKTIVITETER", 60_000_000, "003 Kommunal eHälsa: en post på 60 miljoner kronor"],
    ["EHALSA-NATIONELLT", 59_500_000, "000 Ekonomiskt stöd: 129,5 − 70 mnkr"],
  ])("%s = %d (%s)", (id, amount) => {
    expect(byId(EBP_2014, id).amount).toBe(amount);
  });
  test("no other pots", () => {
    expect(EBP_2014.pots.map((p) => p.id).sort()).toEqual(
      ["EBP-LAN", "EBP-NATIONELLT", "EBP-OJ", "EHALSA-AKTIVITETER", "EHALSA-NATIONELLT", "EHALSA-SAMORDNARE"].sort(),
    );
  });
});

describe("declared totals (each row: source section)", () => {
  test.each([
    ["ebp-2014", "total", 213_550_000, "000 Ekonomiskt stöd: sammanlagt 213,55 miljoner kronor"],
    ["ebp-2014", "ebp", 84_050_000, "000 Ekonomiskt stöd: 84,05 miljoner kronor evidensbaserad praktik"],
    ["ebp-2014", "ebp-lan", 62_750_000, "000 Ekonomiskt stöd: varav 62,75 miljoner kronor till länen/kommunerna"],
    ["ebp-2014", "ehalsa", 129_500_000, "000 Ekonomiskt stöd: 129,5 miljoner kronor eHälsa"],
    ["ebp-2014", "ehalsa-lan", 70_000_000, "003 Kommunal eHälsa: totala medel, samtliga län 70 000 000"],
    ["missbruk-2014", "stockholm", 675_000, "003 2. Missbruks- och beroendevården: Medel 2014: 675 000 kronor"],
    ["missbruk-2014", "total", 675_000, "003 2. Missbruks- och beroendevården (known amounts only)"],
    ["ebp-2011", "total", 104_500_000, "001 Ärendet: insatser för 104 500 000 kronor"],
    ["ebp-2011", "sammanstallning", 104_500_000, "001 Fördelning av medlen år 2011: Summa 104,5 miljoner kronor"],
    ["ebp-2011", "finansiering", 104_500_000, "001 Ärendet: 55 + 15 + 15 + 15 + 4,5 mnkr"],
    ["ebp-2011", "nationell-samordning", 11_550_000, "001 3.1.6: 11,55 = 8,6 + 2,25 + 0,7"],
    ["ebp-2011", "utvardering", 1_100_000, "001 4: 1,1 = 0,8 + 0,3"],
  ])("%s %s = %d (%s)", (agreementId, totalId, amount) => {
    const a = MINE.find((x) => x.id === agreementId)!;
    const t = a.totals.find((x) => x.id === totalId)!;
    expect(t.amount).toBe(amount);
    const pots = t.pots === "*" ? a.pots : t.pots.map((id) => byId(a, id));
    expect(sum(pots.map((p) => p.amount))).toBe(amount);
  });
  test.each(MINE.map((a) => [a.id, a] as const))("%s: every declared total holds and the pots sum to total", (_id, a) => {
    expect(sum(a.pots.map((p) => p.amount))).toBe(a.total);
    for (const t of a.totals) {
      const pots = t.pots === "*" ? a.pots : t.pots.map((id) => byId(a, id));
      expect([t.id, sum(pots.map((p) => p.amount))]).toEqual([t.id, t.amount]);
    }
  });
  test("agreement totals", () => {
    expect(EBP_2014.total).toBe(213_550_000); // 000 Ekonomiskt stöd
    expect(MISSBRUK_2014.total).toBe(675_000); // 003 2. Missbruks- och beroendevården
    expect(EBP_2011.total).toBe(104_500_000); // 001 Ärendet / Fördelning av medlen år 2011
  });
});

describe("Stockholm fixed amounts (003)", () => {
  const stockholm = (a: Agreement) =>
    a.pots.flatMap((p) =>
      (p.fixed ?? [])
        .filter((f) => Array.isArray(f.recipients) && f.recipients.includes("01"))
        .map((f) => ({ pot: p.id, section: f.source.section, amount: f.amount, condition: f.condition, doc: f.source.doc, level: f.level })),
    );
  test.each([
    ["ebp-2014", "EBP-LAN", "Regionala stödstrukturer", 1_133_000],
    ["ebp-2014", "EBP-LAN", "Den sociala barn- och ungdomsvården", 1_560_000],
    ["ebp-2014", "EBP-LAN", "Personer med funktionsnedsättning", 1_510_000],
    ["ebp-2014", "EHALSA-SAMORDNARE", "Kommunal eHälsa", null],
    ["ebp-2014", "EHALSA-AKTIVITETER", "Kommunal eHälsa", null],
    ["missbruk-2014", "BARN-FORALDER", "2. Missbruks- och beroendevården", 650_000],
    ["missbruk-2014", "BRUKARRAD", "2. Missbruks- och beroendevården", 25_000],
  ])("%s %s (003 %s) = %p", (agreementId, pot, section, amount) => {
    const a = MINE.find((x) => x.id === agreementId)!;
    const hit = stockholm(a).filter((f) => f.pot === pot && f.section === section);
    expect(hit).toHaveLength(1);
    expect(hit[0].amount).toBe(amount);
    expect(hit[0].doc).toBe("003_df29125e70796945.txt");
    expect(hit[0].level).toBe("lan");
  });
  test("Öppna jämförelser: 75 000 to every län on condition, plan by 7 Feb 2014 (003 Öppna jämförelser – Socialtjänst)", () => {
    const f = byId(EBP_2014, "EBP-OJ").fixed!;
    expect(f).toHaveLength(1);
    expect(f[0].recipients).toBe("*");
    expect(f[0].level).toBe("lan");
    expect(f[0].amount).toBe(75_000);
    expect(f[0].condition).toMatch(/^om länet ansöker/);
    expect(f[0].condition).toContain("7 februari 2014");
    expect(f[0].source.section).toBe("Öppna jämförelser – Socialtjänst");
    expect(f[0].source.doc).toBe("003_df29125e70796945.txt");
    expect(EBP_2014.dates.find((d) => d.id === "oj-handlingsplan")!.date).toBe("2014-02-07");
  });
  test("sum of Stockholm's unconditional known amounts = 4 878 000 (003 table rows)", () => {
    const known = [...stockholm(EBP_2014), ...stockholm(MISSBRUK_2014)].filter((f) => f.amount !== null && !f.condition);
    expect(sum(known.map((f) => f.amount as number))).toBe(1_133_000 + 1_560_000 + 1_510_000 + 650_000 + 25_000);
    expect(sum(known.map((f) => f.amount as number))).toBe(4_878_000);
  });
  test("with the äldre rows (7 000 000 + 2 000 000) it gives 003's Summa (min.) 13 878 000", () => {
    const known = [...stockholm(EBP_2014), ...stockholm(MISSBRUK_2014)].filter((f) => f.amount !== null && !f.condition);
    expect(sum(known.map((f) => f.amount as number)) + 7_000_000 + 2_000_000).toBe(13_878_000);
  });
  test("fixed amounts never exceed their pot", () => {
    for (const a of MINE) {
      for (const p of a.pots) {
        const explicit = (p.fixed ?? []).filter((f) => Array.isArray(f.recipients));
        const s = sum(explicit.map((f) => (f.amount ?? 0) * (f.recipients as string[]).length));
        expect([a.id, p.id, s <= p.amount]).toEqual([a.id, p.id, true]);
      }
    }
  });
});

describe("ebp-2014 schedules (000, 003)", () => {
  test("take-over of regional support structures: 25 % 2014, 50 % 2015, 100 % from 2016 (003 Regionala stödstrukturer; 000 Regionala stödstrukturer för kunskapsutveckling)", () => {
    expect(EBP_TAKEOVER_SCHEDULE.map((s) => [s.year, s.principalShare, s.onward ?? false])).toEqual([
      [2014, "0.25", false],
      [2015, "0.5", false],
      [2016, "1", true],
    ]);
  });
  test("new financing model: four base years, state 75 % year five, 50 % year six (000 Modell för finansiering …)", () => {
    expect(EBP_NEW_MODEL_BASE_YEARS.years).toBe(4);
    expect(EBP_NEW_MODEL_STATE_SHARE.map((s) => [s.yearOfModel, s.stateShare])).toEqual([
      [5, "0.75"],
      [6, "0.5"],
    ]);
  });
  test("eHälsa co-financing: at least the same amount, agreement with SKL (000 Stimulansbidrag till kommunerna och regionala avtal)", () => {
    expect(EHALSA_COFINANCING.minRatio).toBe("1");
    expect(EHALSA_COFINANCING.requiresSklAgreement).toBe(true);
  });
  test("rates are decimal strings, never numbers", () => {
    for (const s of EBP_TAKEOVER_SCHEDULE) expect(s.principalShare).toMatch(/^\d+(\.\d+)?$/);
    for (const s of EBP_NEW_MODEL_STATE_SHARE) expect(s.stateShare).toMatch(/^\d+(\.\d+)?$/);
    expect(typeof EHALSA_COFINANCING.minRatio).toBe("string");
  });
});

// ---------------------------------------------------------------------------
// ebp-2011

describe("ebp-2011 pots (001, section per row)", () => {
  test.each([
    ["STODSTRUKTURER", 22_500_000, "3.1.1", undefined],
    ["KTP-UTVECKLINGSLEDARE", 21_400_000, "3.1.2", undefined],
    ["BARN-UTVECKLINGSLEDARE", 11_000_000, "3.1.4", undefined],
    ["EHALSA-UTVECKLINGSLEDARE", 10_000_000, "3.1.5", undefined],
    ["SAMORDNING-KTP", 8_600_000, "3.1.6", "SKL"],
    ["SAMORDNING-EHALSA", 2_250_000, "3.1.6", "SKL"],
    ["SAMORDNING-BARN", 700_000, "3.1.6", "SKL"],
    ["KUNSKAPSSTOD-DYGNSVARD", 3_000_000, "3.2.1", "Socialstyrelsen"],
    ["PRAKTIKENS-EXEMPEL", 500_000, "3.2.2", "Socialstyrelsen"],
    ["GENOMFORANDESTOD", 1_000_000, "3.2.4", "Socialstyrelsen"],
    ["ANALYSVERKTYG", 4_400_000, "3.2.5", undefined],
    ["TEKNISK-INFRASTRUKTUR", 2_750_000, "3.2.7", undefined],
    ["INFORMATIONSSTRUKTUR", 5_000_000, "3.2.8", "Socialstyrelsen"],
    ["LEDA-FOR-RESULTAT", 4_500_000, "3.3.1", undefined],
    ["REGIONALA-KONFERENSER", 4_500_000, "3.3.3", undefined],
    ["KARTLAGGNING-BRUKARMEDVERKAN", 1_300_000, "3.4.1", undefined],
    ["UTVARDERING-PGA", 800_000, "4", undefined],
    ["UTVARDERING-EBP", 300_000, "4", undefined],
  ])("%s = %d (001 %s, payee %s)", (id, amount, section, payee) => {
    const p = byId(EBP_2011, id);
    expect(p.amount).toBe(amount);
    expect(p.source.section).toBe(section);
    expect(p.payee).toBe(payee);
    expect(p.kind).toBe(payee ? "organisation" : "unspecified");
  });
  test("18 pots make the 15 items of the summary table (001 Fördelning av medlen år 2011)", () => {
    expect(EBP_2011.pots).toHaveLength(18);
    const items = new Map<string, number>();
    for (const p of EBP_2011.pots) items.set(p.group ?? p.id, (items.get(p.group ?? p.id) ?? 0) + p.amount);
    expect(items.size).toBe(15);
    // The table's amounts in MSEK, in table order.
    const table = [22.5, 21.4, 11, 10, 11.55, 3, 0.5, 1, 4.4, 2.75, 5, 4.5, 4.5, 1.3, 1.1].map((m) => Math.round(m * 1_000_000));
    expect([...items.values()].sort((a, b) => a - b)).toEqual([...table].sort((a, b) => a - b));
    expect(sum(table)).toBe(104_500_000);
  });
  test("funding sources (001 Ärendet): 55 (5:1) + 15 (6:2) + 15 (1:8) + 15 (6:2) + 4,5 (2010, 6:2)", () => {
    expect(EBP_2011_FUNDING.map((f) => [f.appropriation, f.budgetYear, f.amount])).toEqual([
      ["5:1", 2011, 55_000_000],
      ["6:2", 2011, 15_000_000],
      ["1:8", 2011, 15_000_000],
      ["6:2", 2011, 15_000_000],
      ["6:2", 2010, 4_500_000],
    ]);
    expect(sum(EBP_2011_FUNDING.map((f) => f.amount))).toBe(104_500_000);
  });
});

// ---------------------------------------------------------------------------
// Assumptions, conflicts, conventions

describe("conventions", () => {
  test.each(MINE.map((a) => [a.id, a] as const))("%s: assumptions are well formed and every reference resolves", (_id, a) => {
    const ids = new Set(a.assumptions.map((x) => x.id));
    for (const x of a.assumptions) {
      expect(x.id.startsWith(`${a.id}/`)).toBe(true);
      expect(x.options.map((o) => o.id)).toContain(x.default);
      expect(x.reason).not.toContain("\n");
    }
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (k === "assumptions" && Array.isArray(x) && x.every((y) => typeof y === "string")) refs.push(...(x as string[]));
          else walk(x);
        }
      }
    };
    walk(a);
    expect(refs.length).toBeGreaterThan(0);
    for (const id of refs) expect([id, ids.has(id)]).toEqual([id, true]);
  });
  test.each(MINE.map((a) => [a.id, a] as const))("%s: amounts are whole kronor, ids unique", (_id, a) => {
    for (const p of a.pots) {
      expect(Number.isSafeInteger(p.amount)).toBe(true);
      for (const f of p.fixed ?? []) if (f.amount !== null) expect(Number.isSafeInteger(f.amount)).toBe(true);
    }
    expect(new Set(a.pots.map((p) => p.id.toUpperCase())).size).toBe(a.pots.length);
    expect(new Set(a.totals.map((t) => t.id)).size).toBe(a.totals.length);
    expect(new Set(a.dates.map((d) => d.id)).size).toBe(a.dates.length);
  });
  test("source conflicts name one of these agreements, are unique and are not duplicated inside the agreements", () => {
    const ids = SOURCE_CONFLICTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of SOURCE_CONFLICTS) {
      expect(["ebp-2014", "missbruk-2014", "ebp-2011"]).toContain(c.agreement);
      expect(c.id.startsWith(`${c.agreement}/`)).toBe(true);
      expect(c.claims.length).toBeGreaterThanOrEqual(2);
    }
    for (const a of MINE) expect(a.conflicts).toEqual([]);
  });
  test("dates are ISO dates or periods", () => {
    for (const a of MINE) for (const d of a.dates) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/);
  });
});
