/**
 * The `stim` command line: JSON shapes, human output, and one-line errors
 * with a non-zero exit. Expected amounts come from the sources.
 */
import { join } from "node:path";
import { run } from "../src/cli/main";
import { fails, json } from "./cli-helpers";

describe("stim agreements / pots", () => {
  test("agreements --json: id, title, total in whole kronor", () => {
    const rows = json(["agreements", "--json"]);
    const totals = Object.fromEntries(rows.map((r: { id: string; total: number }) => [r.id, r.total]));
    expect(totals).toEqual({
      "prio-2014": 692_500_000, // 004 §3
      "aldre-2014": 1_001_000_000, // 002 §4, §6
      "ebp-2014": 213_550_000, // 000
      "missbruk-2014": 675_000, // 003 (Stockholm's known amounts)
      "ebp-2011": 104_500_000, // 001 summary table
    });
    for (const r of rows) expect(typeof r.title).toBe("string");
  });
  test("pots prio-2014 --json: A1–B3 with amounts, recipients, key, split, source, status", () => {
    const pots = json(["pots", "PRIO-2014", "--json"]);
    const byId = Object.fromEntries(pots.map((p: { id: string }) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(["A1", "A2", "A3", "A4", "B1", "B2", "B3"]));
    expect(byId.A1).toMatchObject({ amount: 80_000_000, recipients: "landsting", key: { id: "population" }, status: "sourced" });
    expect(byId.A1.source).toMatchObject({ doc: "004_a38fd00e97c5cefc.txt", section: "3.4.2" });
    expect(byId.A3).toMatchObject({ amount: 100_000_000, recipients: "kommun" });
  });
  test("pots aldre-2014 --json: the 70/30 split and the per-län mode", () => {
    const pots = json(["pots", "aldre-2014", "--json"]);
    const lkm = pots.find((p: { id: string }) => p.id === "LKM-OLAMPLIGA");
    expect(lkm).toMatchObject({ amount: 100_000_000, recipients: "lan", split: { kommuner: "0.7", landsting: "0.3", mode: "per-lan" } });
  });
  test("human output formats kronor Swedish style", () => {
    expect(run(["agreements"]).stdout).toContain("692 500 000 kr");
  });
  test("pots names recipients in Swedish (län, not lan) and counts the pots", () => {
    const out = run(["pots", "aldre-2014"]).stdout;
    expect(out.split("\n")[0]).toBe("Sammanhållen vård och omsorg om de mest sjuka äldre 2014 (aldre-2014): 32 potter, totalt 1 001 000 000 kr");
    expect(out).toMatch(/^LKM-OLAMPLIGA +100 000 000 kr +län +Antal invånare 31 december 2013 \(antagande\) +70 % kommuner, 30 % landsting \(per län\)/m);
    expect(out).not.toMatch(/ lan /);
  });
  test("conflicts show amounts in kronor and years as years", () => {
    const out = run(["conflicts"]).stdout;
    expect(out).toContain("  SKL:s PM, A1: 100 000 000 kr\n");
    expect(out).toContain("  Används: 80 000 000 kr — ");
    expect(out).toContain("  SKL:s PM, rubrik: 2013\n");
    expect(out).not.toMatch(/\d{5}/);
  });
  test("assumptions: Swedish labels, the id only in the --assume to type", () => {
    const out = run(["assumptions", "prio-2014"]).stdout;
    expect(out).toContain(
      "Län där de godkända kommunerna har under 80 % av invånarna\n  Standardval: Ingen i länet får prestationsmedel\n  Alternativ: Endast de kommuner och det landsting som själva uppfyller grundkraven får medel\n    välj med --assume prio-2014/county-below-80=complying-only\n",
    );
    const withoutAssume = out.replace(/--assume \S+/g, "");
    expect(withoutAssume).not.toMatch(/none-in-county|kommuner-may-receive|not-applicable-is-met|at-least|combined/);
  });
});

describe("stim allocate", () => {
  test.each([
    [["--pot", "100", "--keys", "1,1,1"], [34, 33, 33]],
    [["--pot", "10", "--keys", "1,2"], [3, 7]],
    [["--pot", "100", "--keys", "1,1,1", "--ids", "c,b,a"], [33, 33, 34]],
    [["--pot", "100", "--keys", "1,1,1", "--eligible", "1,0,1"], [50, 0, 50]],
    [["--pot", "100", "--keys", "1,1,1", "--method", "round"], [33, 33, 33]],
    [["--pot", "100", "--keys", "1,1,1", "--method", "exact"], ["100/3", "100/3", "100/3"]],
    [["--pot", "100", "--keys", "1,3", "--method", "exact"], ["25", "75"]],
  ])("%j → %j", (args, expected) => {
    expect(json(["allocate", ...(args as string[]), "--json"])).toEqual(expected);
  });
  test("human output reports round-mode drift and ties", () => {
    const out = run(["allocate", "--pot", "100", "--keys", "1,1,1", "--method", "round"]).stdout;
    expect(out).toContain("Avvikelse mot potten (avrundning per rad): -1 kr");
    const ties = run(["allocate", "--pot", "100", "--keys", "1,1,1", "--ids", "c,b,a"]).stdout;
    expect(ties).toContain("Lika rest: a fick kronan före");
  });
  test.each([
    [["allocate", "--pot=-5", "--keys", "1,2"], /pot får inte vara negativt/],
    [["allocate", "--pot", "100.5", "--keys", "1,2"], /hela kronor utan ören/],
    [["allocate", "--pot", "100", "--keys", "1,abc"], /keys: rad 2 är inte ett tal/],
    [["allocate", "--pot", "100", "--keys", "1,-2"], /keys: rad 2 är negativ/],
    [["allocate", "--pot", "100", "--keys", "1,2", "--eligible", "1"], /keys och eligible har olika längd \(2 mot 1 rader\)/],
    [["allocate", "--pot", "100", "--keys", "1,2", "--ids", "a,a"], /förekommer två gånger/],
    [["allocate", "--pot", "100", "--keys", "1,2", "--method", "foo"], /--method måste vara ett av/],
    [["allocate", "--keys", "1,2"], /--pot saknas/],
    [["allocate", "--pot", "100", "--keys", "1,2", "--bogus", "1"], /Okänd flagga --bogus/],
  ])("%j fails: %s", (argv, message) => fails(argv as string[], message as RegExp));
});

describe("stim population (SCB, 31 Dec 2013)", () => {
  test.each([
    ["0180", "Stockholm (kommun 0180): 897 700"],
    ["180", "Stockholm (kommun 0180): 897 700"],
    ["01", "Stockholms län (län 01): 2 163 042"],
    ["1", "Stockholms län (län 01): 2 163 042"],
    ["0980", "Gotland (kommun 0980): 57 161"],
    ["09", "Gotlands län (län 09): 57 161"],
  ])("%s → %s", (code, expected) => {
    expect(run(["population", code]).stdout.trim()).toBe(`${expected} invånare 31 december 2013 (SCB)`);
  });
  test("--json gives the bare number", () => {
    expect(json(["population", "0180", "--json"])).toMatchObject({ code: "0180", kind: "kommun", population: 897_700 });
  });
  test("unknown code fails in Swedish", () => {
    fails(["population", "9999"], /Okänd kod "9999"/);
  });
});

describe("stim evaluate", () => {
  test("prio-2014 demo --json: every pot's allocated + unallocated equals the pot; 311 recipients", () => {
    const ev = json(["evaluate", "prio-2014", "--scenario", "demo", "--json"]);
    expect(ev.fictional).toBe(true);
    expect(ev.total).toBe(692_500_000);
    for (const p of ev.pots) expect(p.allocated + p.unallocated).toBe(p.amount);
    expect(ev.recipients).toHaveLength(311);
  });
  test("--county 01 --explain: Stockholm's recipients with Swedish explanations citing the sources", () => {
    const ev = json(["evaluate", "prio-2014", "--scenario", "demo", "--county", "01", "--json", "--explain"]);
    expect(ev.recipients).toHaveLength(27); // 26 kommuner + landsting
    const text = JSON.stringify(ev.recipients[0].explanation);
    expect(text).toContain("(Psykisk ohälsa 2014 §3.4.1)");
    expect(text).not.toMatch(/\b00[0-4] §|\.txt/);
    expect(ev.countyExplanation.explanation.some((t: string) => t.startsWith("Kommunerna som uppfyller grundkraven har"))).toBe(true);
    expect(ev.countyExplanation.trace.some((e: { kind: string; covered: number }) => e.kind === "coverage" && Number.isInteger(e.covered))).toBe(true);
  });
  test("human --explain names the assumptions in force", () => {
    const out = run(["evaluate", "aldre-2014", "--scenario", "demo", "--county", "09", "--explain"]).stdout;
    expect(out).toContain("FIKTIVA demouppgifter, inte verkliga");
    // The assumption in force by its Swedish title and option label, not its ids.
    expect(out).toContain("  Fördelningsnyckel mellan län: Länets antal invånare 31 december 2013\n");
    expect(out).not.toContain("= population");
    expect(out).toContain("== Gotland (kommun 0980)");
  });
  test("human output opens with a summary a finance officer can act on", () => {
    const out = run(["evaluate", "prio-2014", "--scenario", "demo"]).stdout;
    const lines = out.split("\n");
    // Totals first, with every amount through the Swedish formatter.
    expect(lines.slice(0, 6)).toContain("  Totalt 692 500 000 kr: fördelat 692 500 000 kr, ofördelat 0 kr.");
    expect(out).toContain("  Alla 10 potter är helt fördelade.");
    // The demo scenario leaves 7 counties under the 80 % rule: named in the summary, each with its reason.
    expect(out).toContain("  14 av 21 län får medel; Kalmar län, Skåne län, Värmlands län, Örebro län, Västernorrlands län, Västerbottens län och Norrbottens län får inget");
    expect(out).toMatch(
      /^ {2}25 Norrbottens län: Kommunerna som uppfyller grundkraven har 194 836 av 249 436 invånare \(78,11 %\) inte ≥ 80 % \(Psykisk ohälsa 2014 §3\.4\.1\) → ingen i länet får ta del av de prestationsbaserade medlen \(antagande\)\.$/m,
    );
    // What to try next, with a command that runs.
    expect(out).toContain("  stim evaluate prio-2014 --scenario demo --county 25 --explain\n");
    // A legend for "–" against "0", and units on the columns.
    expect(out).toMatch(/^ {2}– {7}potten gäller inte mottagaren/m);
    expect(out).toMatch(/^ {2}0 {7}mottagaren kan få ur potten men får inget/m);
    expect(out).toMatch(/^ {2}Pott +Belopp, kr +Fördelat, kr +Ofördelat, kr/m);
    expect(out).toMatch(/^ {2}Kod +Mottagare +Totalt, kr +A1 +A2/m);
    expect(out).toMatch(/^ {2}0180 +Stockholm +43 231 618 +– +– +16 425 385 /m);
    // Per county, in kronor.
    expect(out).toMatch(/^ {2}25 +Norrbottens län +0 av 15 +0$/m);
    // No English option ids in the text (they stay in --json and after --assume).
    expect(out).not.toMatch(/none-in-county|kommuner-may-receive|not-applicable-is-met|at-least|combined/);
    expect(out).toContain("  Län där de godkända kommunerna har under 80 % av invånarna: Ingen i länet får prestationsmedel\n");
  });
  test("a chosen assumption is shown with the --assume that chose it", () => {
    const out = run(["evaluate", "prio-2014", "--scenario", "demo", "--assume", "prio-2014/county-below-80=complying-only"]).stdout;
    expect(out).toContain(
      "  Län där de godkända kommunerna har under 80 % av invånarna: Endast de kommuner och det landsting som själva uppfyller grundkraven får medel (valt med --assume prio-2014/county-below-80=complying-only)",
    );
  });
  test("--assume changes an assumption; an unknown option is refused", () => {
    const ev = json(["evaluate", "aldre-2014", "--scenario", "demo", "--assume", "aldre-2014/pall-tiers=tier2-exclusive", "--json"]);
    expect(ev.assumptions.find((a: { id: string }) => a.id === "aldre-2014/pall-tiers")).toMatchObject({ value: "tier2-exclusive", isDefault: false });
    fails(["evaluate", "aldre-2014", "--scenario", "demo", "--assume", "aldre-2014/pall-tiers=nope"], /har inget alternativ "nope"/);
  });
  test.each([
    [["evaluate", "nope-2014", "--scenario", "demo"], /Okänd överenskommelse "nope-2014"/],
    [["evaluate", "prio-2014"], /Ange --scenario demo eller --input/],
    [["evaluate", "prio-2014", "--scenario", "other"], /Okänt scenario/],
    [["evaluate", "prio-2014", "--scenario", "demo", "--county", "99"], /Okänd länskod "99"/],
    [["evaluate", "prio-2014", "--input", "/nonexistent.json"], /Kan inte läsa filen \/nonexistent\.json: den finns inte/],
  ])("%j fails", (argv, message) => fails(argv as string[], message as RegExp));
  test("--input with facts filed under the wrong county fails with the path and a reason", () => {
    const file = join(__dirname, "fixtures", "wrong-county.json");
    fails(["evaluate", "prio-2014", "--input", file], /counties\.01\.kommuner\.0380: kommun 0380 \(Uppsala\) hör till län 03, inte 01/);
  });
});

describe("stim summary / conflicts / schedules", () => {
  test("summary --county 01 --json: minimum 13 878 000 kr (003 'Summa (min.)')", () => {
    const s = json(["summary", "--county", "01", "--json"]);
    expect(s).toMatchObject({ county: "01", minimum: 13_878_000, conditional: 75_000 });
  });
  test("summary human output", () => {
    expect(run(["summary", "--county", "01"]).stdout).toContain("Summa (minst): 13 878 000 kr plus eventuell prestationsersättning");
  });
  test("conflicts --json includes the A1 amount conflict resolved in favour of the agreement (004)", () => {
    const cs = json(["conflicts", "--json"]);
    const a1 = cs.find((c: { id: string }) => c.id.includes("a1-amount"));
    expect(a1.resolvedValue).toBe("80000000");
    expect(a1.claims.map((c: { source: { doc: string } }) => c.source.doc).sort()).toEqual(["003_df29125e70796945.txt", "004_a38fd00e97c5cefc.txt"]);
  });
  test.each([
    [["takeover", "--cost", "1133000", "--year", "2014", "--json"], { principal: 283_250, state: 849_750, principalShare: "0.25" }], // 003: 25 % 2014
    [["takeover", "--cost", "1133000", "--year", "2015", "--json"], { principal: 566_500, state: 566_500 }], // 50 % 2015
    [["takeover", "--cost", "1133000", "--year", "2016", "--json"], { principal: 1_133_000, state: 0 }], // 100 % from 2016
    [["model-year", "--year", "5", "--amount", "1000000", "--json"], { stateShare: "0.75", state: 750_000 }], // 000: 75 % year five
    [["model-year", "--year", "6", "--amount", "1000000", "--json"], { stateShare: "0.5", state: 500_000 }], // 50 % year six
    [["cofinancing", "--grant", "1000000", "--own", "1000000", "--json"], { met: true }], // 000: at least the same amount
    [["cofinancing", "--grant", "1000000", "--own", "999999", "--json"], { met: false }],
  ])("%j", (argv, expected) => expect(json(argv as string[])).toMatchObject(expected as object));
  test("model year 7 is not in the sources: refused", () => {
    fails(["model-year", "--year", "7"], /Källorna anger inte statens andel år 7/);
  });
  test("takeover before the schedule starts is refused", () => {
    fails(["takeover", "--cost", "1", "--year", "2013"], /före schemat/);
  });
});

test("unknown command: one Swedish line on stderr, exit 2", () => {
  fails(["frobnicate"], /Okänt kommando "frobnicate"/);
});
