/**
 * `stim` arguments: parsed by util.parseArgs in strict mode, every refusal
 * one Swedish line with exit 2, help generated from the command table, and
 * explanations built only with --explain.
 */
import * as core from "../src/core/evaluate";
import { commandHelp, defineCommand, parseCommandLine } from "../src/cli/command";
import { allCommands, findCommand } from "../src/cli/commands";

const COMMANDS = allCommands();
import { run } from "../src/cli/main";
import { fails, json } from "./cli-helpers";

describe("options are refused unless exactly right", () => {
  test.each([
    [["agreements", "--json=false"], /--json tar inget värde \(fick "--json=false"\)/],
    [["agreements", "--json=true"], /--json tar inget värde/],
    [["evaluate", "prio-2014", "--scenario", "demo", "--explain=0"], /--explain tar inget värde/],
    [["agreements", "--json", "--json"], /--json är angiven två gånger/],
    [["allocate", "--pot", "1", "--keys", "1", "--pot", "2"], /--pot är angiven två gånger/],
    [["evaluate", "prio-2014", "--scenario", "demo", "--county", "01", "--county=03"], /--county är angiven två gånger/],
    [["allocate", "--pot", "100", "--keys", "1,2", "--bogus", "1"], /Okänd flagga --bogus för stim allocate \(tillåtna: --pot, --keys, --eligible, --ids, --method, --json, --help\)/],
    [["agreements", "--JSON"], /Okänd flagga --JSON/],
    [["agreements", "-x"], /Okänd flagga -x/],
    [["demo", "prio-2014", "--json"], /Okänd flagga --json för stim demo/],
    [["allocate", "--keys", "1,2", "--pot"], /--pot behöver ett värde: potten i hela kronor/],
    [["allocate", "--pot", "-5", "--keys", "1,2"], /--pot behöver ett värde men följs av "-5"; skriv --pot=-5/],
    [["allocate", "--pot", "--keys", "1,2"], /--pot behöver ett värde men följs av "--keys"/],
    [["agreements", "extra"], /stim agreements tar inga argument utöver flaggorna \(fick "extra"\)/],
    [["pots", "prio-2014", "aldre-2014"], /För många argument till stim pots \(fick "aldre-2014" efter <överenskommelse>\)/],
    [["--json", "agreements"], /Ange kommandot före flaggorna/],
    [["help", "evaluate", "pots"], /"stim help" tar högst ett kommando/],
    [["help", "nope"], /Okänt kommando "nope"/],
    [["takeover", "--year", "2015"], /--cost saknas: stödstrukturens kostnad i hela kronor/],
  ])("%j", (argv, message) => {
    fails(argv as string[], message as RegExp);
  });

  test("an option value may start with '-' when written with '='", () => {
    fails(["allocate", "--pot=-5", "--keys", "1,2"], /pot får inte vara negativt/);
  });
  test("after '--' everything is an argument, not an option", () => {
    fails(["pots", "--", "--json"], /Okänd överenskommelse "--json"/);
  });
});

describe("years are strict decimal integers", () => {
  test.each(["0x7DF", "2e3", "2014.0", "+2014", " 2014", "2014 ", "2 014", "", "٢٠١٤", "Infinity"])("--year %j is refused", (year) => {
    fails(["takeover", "--cost", "1133000", "--year", year], /--year ska vara ett heltal skrivet med siffrorna 0–9/);
    fails(["model-year", "--year", year], /--year ska vara ett heltal skrivet med siffrorna 0–9/);
  });
  test("--year 2015 (003: the principals carry 50 % in 2015)", () => {
    expect(json(["takeover", "--cost", "1133000", "--year", "2015", "--json"])).toMatchObject({ year: 2015, principal: 566_500 });
  });
});

describe("--assume is the one repeatable option", () => {
  test("two different assumptions are both applied", () => {
    const ev = json([
      "evaluate", "aldre-2014", "--scenario", "demo", "--json",
      "--assume", "aldre-2014/pall-tiers=tier2-exclusive",
      "--assume", "aldre-2014/lan-key=pop75",
    ]);
    const chosen = Object.fromEntries(ev.assumptions.filter((a: { isDefault: boolean }) => !a.isDefault).map((a: { id: string; value: string }) => [a.id, a.value]));
    expect(chosen).toEqual({ "aldre-2014/pall-tiers": "tier2-exclusive", "aldre-2014/lan-key": "pop75" });
  });
  test("the same assumption twice is refused, not silently the last", () => {
    fails(
      ["evaluate", "aldre-2014", "--scenario", "demo", "--assume", "aldre-2014/lan-key=pop75", "--assume", "aldre-2014/lan-key=population"],
      /--assume aldre-2014\/lan-key är angivet två gånger/,
    );
  });
  test.each(["aldre-2014/lan-key", "=pop75", "aldre-2014/lan-key:pop75"])("--assume %j without <id>=<alternativ> is refused", (text) => {
    fails(["evaluate", "aldre-2014", "--scenario", "demo", "--assume", text], /--assume väntar <id>=<alternativ>/);
  });
  test("an assumption id that does not exist reaches the user as the core's refusal, not a silent default", () => {
    fails(["evaluate", "prio-2014", "--scenario", "demo", "--assume", "nope/x=y"], /Okänt antagande "nope\/x" för prio-2014; finns: prio-2014\/county-below-80/);
  });
  test("an unknown option of a known assumption reaches the user as the core's error", () => {
    fails(["evaluate", "aldre-2014", "--scenario", "demo", "--assume", "aldre-2014/pall-tiers=nope"], /har inget alternativ "nope"/);
  });
});

describe("help: Swedish, generated from the command table, the same however asked for", () => {
  test("stim, stim help, stim --help and stim -h list every command", () => {
    const texts = [[], ["help"], ["--help"], ["-h"]].map((argv) => run(argv));
    for (const r of texts) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(texts[0].stdout);
    }
    expect(texts[0].stdout).toMatch(/^Användning: stim <kommando>/);
    for (const c of COMMANDS) expect(texts[0].stdout).toContain(`  ${[c.name, ...(c.args ?? [])].join(" ")} `);
  });
  test.each(COMMANDS.map((c) => [c.name, c]))("stim %s --help lists every option it accepts", (name, c) => {
    const help = run([name as string, "--help"]).stdout;
    expect(run(["help", name as string]).stdout).toBe(help);
    expect(run([name as string, "-h"]).stdout).toBe(help);
    expect(help).toMatch(new RegExp(`^Användning: stim ${name}`));
    for (const option of Object.keys((c as (typeof COMMANDS)[number]).options)) expect(help).toMatch(new RegExp(`^  --${option}\\b`, "m"));
    expect(help).toMatch(/^ {2}-h, --help +visar den här hjälpen$/m);
    expect(help).not.toMatch(/\b(Usage|Options|Commands|default)\b/);
  });
  test.each(COMMANDS.map((c) => [c.name]))("stim %s refuses an unknown option with exit 2", (name) => {
    fails([name, "--no-such-option"], new RegExp(`Okänd flagga --no-such-option för stim ${name}`));
  });
  test("command names are unique, and each module is listed under its command's name", () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) expect(findCommand(c.name)).toBe(c);
    expect(findCommand("nope")).toBeUndefined();
  });
});

describe("a new command is a spec: parsed, refused and helped like the rest", () => {
  const template = defineCommand({
    name: "template",
    args: ["<överenskommelse>"],
    summary: "en ny kommando-modul",
    options: {
      out: { type: "string", value: "<fil.xlsx>", required: true, help: "filen som skrivs" },
      force: { type: "boolean", help: "skriv över" },
      pot: { type: "string", multiple: true, help: "en pott" },
    },
    run: ({ values }) => `${values.out} ${values.force} ${values.pot.join("+")}`,
  });
  test("values are typed and defaulted", () => {
    const input = parseCommandLine(template, ["prio-2014", "--out", "a.xlsx", "--pot", "A1", "--pot", "A2"]);
    expect(input).toEqual({ positionals: ["prio-2014"], values: { out: "a.xlsx", force: false, pot: ["A1", "A2"] }, help: false });
    expect(template.run(input)).toBe("a.xlsx false A1+A2");
  });
  test("refusals and help", () => {
    expect(() => parseCommandLine(template, ["x"])).toThrow("--out saknas: filen som skrivs.");
    expect(() => parseCommandLine(template, ["x", "--out", "a", "--force=no"])).toThrow(/--force tar inget värde/);
    expect(commandHelp(template)).toBe(
      [
        "Användning: stim template <överenskommelse> --out <fil.xlsx> [flaggor]",
        "",
        "En ny kommando-modul.",
        "",
        "Flaggor:",
        "  --out <fil.xlsx>  filen som skrivs (krävs)",
        "  --force           skriv över",
        "  --pot <värde>     en pott (kan upprepas)",
        "  -h, --help        visar den här hjälpen",
      ].join("\n"),
    );
  });
});

describe("stim evaluate builds explanations only with --explain", () => {
  afterEach(() => jest.restoreAllMocks());
  const spy = () => jest.spyOn(core, "evaluate");
  test("without --explain the core is asked for none, and the output holds none", () => {
    const s = spy();
    const ev = json(["evaluate", "prio-2014", "--scenario", "demo", "--json"]);
    expect(s).toHaveBeenCalledTimes(1);
    expect(s.mock.calls[0][2]).toMatchObject({ explain: false });
    for (const x of [ev.recipients[0], ev.pots[0]]) {
      expect(x).not.toHaveProperty("explanation");
      expect(x).not.toHaveProperty("trace");
    }
  });
  test("with --explain the core builds them and they are shown", () => {
    const s = spy();
    const ev = json(["evaluate", "prio-2014", "--scenario", "demo", "--json", "--explain"]);
    expect(s.mock.calls[0][2]).toMatchObject({ explain: true });
    expect(ev.recipients[0].explanation.length).toBeGreaterThan(0);
  });
  test("amounts and statuses are the same either way", () => {
    for (const id of ["prio-2014", "aldre-2014"]) {
      const strip = (ev: { recipients: Record<string, unknown>[]; pots: Record<string, unknown>[] }) => ({
        ...ev,
        recipients: ev.recipients.map(({ explanation: _e, trace: _t, ...r }) => r),
        pots: ev.pots.map(({ explanation: _e, trace: _t, ...p }) => p),
      });
      const plain = json(["evaluate", id, "--scenario", "demo", "--json"]);
      expect(strip(json(["evaluate", id, "--scenario", "demo", "--json", "--explain"]))).toEqual(plain);
    }
  });
  test("text output without --explain still shows the county's coverage line", () => {
    const out = run(["evaluate", "prio-2014", "--scenario", "demo", "--county", "01"]).stdout;
    expect(out).toMatch(/^Stockholms län:\n {2}Kommunerna som uppfyller grundkraven har .* invånare/m);
    expect(out).not.toContain("== ");
  });
});
