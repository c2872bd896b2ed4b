/**
 * The help page (dist/support.html) that `npm test` builds first: every
 * function in the metadata with both names, its parameters in both
 * languages and a worked example whose formula and result are what the
 * functions really give (recomputed here through the sources, with Swedish
 * as Excel's display language); the ribbon label it tells users to click is
 * the manifest's; the page is Swedish, loads nothing and runs no script.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as agreements from "../src/agreements";
import * as demo from "../src/agreements/demo";
import { HELP_EXAMPLES, type HelpExample } from "../src/functions/help";
import * as sheets from "../src/sheets";
import { localiseMetadata, type Metadata } from "../src/functions/sv";
import { bundleIsFresh, DIST, generatedMetadata, Host, loadHost, OMIT, ROOT } from "./excel-host/host";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const page = require("../scripts/support-page.js") as {
  resolveExamples: (examples: readonly HelpExample[], load: (name: string) => unknown) => HelpExample[];
  excelArgs: (example: HelpExample, meta: Metadata["functions"][number]) => unknown[];
  formulaText: (example: HelpExample, name: string, sv: boolean) => string;
  cellText: (v: unknown) => string;
  ERROR_SV: Record<string, string>;
};

/** The visible text of some HTML, whitespace folded (the production build minifies the page). */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The examples with their allocation tables built by the sheet layer, as the build does. */
const EXAMPLES = page.resolveExamples(HELP_EXAMPLES, (name) => ({ sheets, agreements, demo })[name as "sheets" | "agreements" | "demo"]);

let html: string;
let text: string;
let english: Metadata;
let swedish: Metadata;
let host: Host;

beforeAll(async () => {
  html = readFileSync(join(DIST, "support.html"), "utf8");
  text = textOf(html);
  english = (await generatedMetadata()) as unknown as Metadata;
  swedish = localiseMetadata(english);
  host = await loadHost("source", { displayLanguage: "sv-SE" });
}, 60_000);
afterAll(() => host?.close());

/** The function's section of the page (its card, up to the next one). */
function section(id: string): string {
  const start = html.search(new RegExp(`<section[^>]*\\bid="?${id}"?[\\s>]`));
  expect([id, start >= 0]).toEqual([id, true]);
  const end = html.indexOf("</section>", start);
  return html.slice(start, end);
}

test("the page was built from the current sources (npm test builds first)", () => {
  expect(bundleIsFresh()).toBe(true);
  const built = statSync(join(DIST, "support.html")).mtimeMs;
  for (const f of ["src/taskpane/support.html", "src/functions/help.ts", "src/functions/sv.ts", "scripts/support-page.js", "manifest.xml"]) {
    expect([f, built >= statSync(join(ROOT, f)).mtimeMs]).toEqual([f, true]);
  }
});

test("Swedish, self-contained: no script, nothing loaded from elsewhere, no placeholder left", () => {
  expect(html).toMatch(/<html[^>]*\blang="?sv"?/);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)="?https?:/i);
  expect(html).toMatch(/Content-Security-Policy/);
  expect(html).not.toMatch(/@@[A-Z_]+@@|<!--\s*@[A-Z_]+/);
  expect(text).toContain("Fördela och kontrollera statliga stimulansmedel i Excel");
});

test("every function in the metadata has a section with both names, its description and every parameter in both languages", () => {
  expect(english.functions.length).toBeGreaterThanOrEqual(13);
  for (const en of english.functions) {
    const sv = swedish.functions.find((f) => f.id === en.id)!;
    const s = textOf(section(en.id));
    expect(s).toContain(`STIM.${sv.name}`);
    expect(s).toContain(`På engelska: STIM.${en.name}`);
    expect(s).toContain(sv.description!);
    en.parameters.forEach((p, i) => {
      const sp = sv.parameters[i];
      expect(s).toContain(`${sp.name}${p.optional ? " valfri" : ""} ${p.name} ${sp.description}`);
    });
    // The table of contents links to it.
    expect(html).toMatch(new RegExp(`href="?#${en.id}"?`));
  }
});

test("every function has a worked example, and every example is on the page as the functions compute it", () => {
  for (const f of english.functions) expect([f.id, EXAMPLES.some((e) => e.id === f.id)]).toEqual([f.id, true]);
  for (const ex of EXAMPLES) {
    const en = english.functions.find((f) => f.id === ex.id)!;
    const sv = swedish.functions.find((f) => f.id === ex.id)!;
    const s = textOf(section(ex.id));
    // Formulas as typed in Swedish and English Excel.
    const formulaSv = page.formulaText(ex, sv.name, true);
    expect(formulaSv.startsWith(`=STIM.${sv.name}(`)).toBe(true);
    expect(s).toContain(formulaSv);
    expect(s).toContain(`I engelskt Excel: ${page.formulaText(ex, en.name, false)}`);
    // The result, computed here through the sources in a Swedish Excel.
    const args = page.excelArgs(ex, en).slice(0, ex.args.length).map((a, i) => (ex.args[i] === undefined ? OMIT : a));
    const shown = host.call(ex.id, args);
    if (shown.kind === "error") {
      expect(s).toContain(`Resultat ${page.ERROR_SV[shown.code]} ${shown.message}`);
    } else if (Array.isArray(shown.value)) {
      const cells = (shown.value as unknown[][]).flat().map((c) => page.cellText(c));
      expect(s).toContain(`Resultat ${cells.join(" ")}`.replace(/\s+/g, " ").trim());
    } else {
      expect(s).toContain(`Resultat ${page.cellText(shown.value)}`);
    }
  }
});

test("formulas use Swedish Excel's separators, decimal comma and TRUE/FALSE words", () => {
  const ex: HelpExample = { id: "SPLIT", args: [1000.5, 0.7, true, undefined, "a\"b", { ref: "B2:B3", values: [[1], [2]] }] };
  expect(page.formulaText(ex, "DELA_BELOPP", true)).toBe('=STIM.DELA_BELOPP(1000,5; 0,7; SANT; ; "a""b"; B2:B3)');
  expect(page.formulaText(ex, "SPLIT", false)).toBe('=STIM.SPLIT(1000.5, 0.7, TRUE, , "a""b", B2:B3)');
  expect(page.formulaText({ id: "X", args: [1, undefined, undefined] }, "X", true)).toBe("=STIM.X(1)");
});

test("concrete results a reader can check by hand", () => {
  // 1 000 000 kr by population among the two eligible kommuner: 41449 : 31616 (largest remainder).
  expect(textOf(section("FUND_SHARE"))).toContain("Resultat 567289 432711 0");
  expect(textOf(section("SPLIT"))).toContain("=STIM.DELA_BELOPP(1001) I engelskt Excel: =STIM.SPLIT(1001) Resultat 701 300");
  expect(textOf(section("POPULATION"))).toContain("Resultat 897700");
  expect(textOf(section("FUND_SHARE"))).toContain('Resultat #VÄRDEFEL! nycklar rad 2: texten "abc" är inte ett tal.');
  // The table functions read the table the sheet layer writes (Gotland's county sheet, demo answers).
  expect(textOf(section("ALLOCATION"))).toContain('=STIM.TILLDELNING("prio-2014"; $A$8:$AQ$10; 1; "B3") I engelskt Excel: =STIM.ALLOCATION("prio-2014", $A$8:$AQ$10, 1, "B3") Resultat 888986');
});

test("getting started names the ribbon button and group the manifest shows in Swedish Excel", () => {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const label = (id: string) => new RegExp(`<bt:String id="${id.replace(".", "\\.")}"[^>]*>\\s*<bt:Override Locale="sv-SE" Value="([^"]*)"`).exec(manifest)![1];
  expect(label("TaskpaneButton.Label")).toBe("Öppna Stimulans");
  expect(text).toContain(`knappen ${label("TaskpaneButton.Label")} i gruppen ${label("Group.Label")}`);
  expect(text).toContain(`tilläggets ${english.functions.length} funktioner`);
});

test("where the rules come from, and that the demo data is fictional", () => {
  expect(text).toContain("Varifrån reglerna kommer");
  expect(text).toContain(`som STIM.${swedish.functions.find((f) => f.id === "SOURCE")!.name} visar`);
  expect(text).toContain("Demodata är fiktiva");
  expect(text).toContain("är påhittat");
});
