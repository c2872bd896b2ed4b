/**
 * The engine knows no agreement and no assumption option: adding an
 * agreement touches src/agreements/ and nothing in src/core/. This test reads
 * the core's source and looks for agreement ids, assumption ids and option
 * ids in its string literals. Option ids that are also words of the model
 * itself (a Comparison ">", a month rule "exactly", the level "county" …) are
 * allowed where model.ts declares them as values of its own types.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AGREEMENTS } from "../src/agreements";

const CORE = join(__dirname, "..", "src", "core");
const files = readdirSync(CORE).filter((f) => f.endsWith(".ts"));
/** A file's code without its comments (a comment may cite an agreement). */
const source = (f: string) =>
  readFileSync(join(CORE, f), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1");

/** The contents of every string literal (quotes and template parts). */
function literals(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
  for (const m of text.matchAll(re)) out.push(...(m[1] ?? m[2] ?? m[3] ?? "").split(/\$\{[^}]*\}/));
  return out.filter((s) => s.length > 0);
}

/** The kinds of source document, declared with the source registry below the core (src/reference/sources.ts). */
const sourceKinds = literals(readFileSync(join(CORE, "..", "reference", "sources.ts"), "utf8").match(/export type SourceKind = [^;]*;/)![0]);
/** Literal values of the model's own types. */
const vocabulary = new Set(literals(source("model.ts")).concat(literals(source("trace.ts")), sourceKinds));

const agreementIds = AGREEMENTS.map((a) => a.id);
const assumptionIds = AGREEMENTS.flatMap((a) => a.assumptions.map((x) => x.id));
const assumptionSlugs = assumptionIds.map((id) => id.slice(id.indexOf("/") + 1));
const optionIds = new Set(AGREEMENTS.flatMap((a) => a.assumptions.flatMap((x) => x.options.map((o) => o.id))));

describe.each(files)("src/core/%s", (file) => {
  const lits = literals(source(file));
  test("names no agreement", () => {
    expect(lits.filter((l) => agreementIds.some((id) => l.includes(id)))).toEqual([]);
  });
  test("names no assumption", () => {
    expect(lits.filter((l) => assumptionSlugs.some((slug) => l.includes(`/${slug}`) || l === slug))).toEqual([]);
  });
  test("acts on no option id outside the model's own vocabulary", () => {
    expect(lits.filter((l) => optionIds.has(l) && !vocabulary.has(l))).toEqual([]);
  });
});

test("the scan sees the literals it is meant to see", () => {
  expect(literals('const a = "prio-2014"; const b = `x${y}/county-below-80`;')).toEqual(["prio-2014", "x", "/county-below-80"]);
  expect(files).toContain("evaluate.ts");
  expect(optionIds.has("complying-only")).toBe(true);
  expect(sourceKinds).toEqual(["signed-agreement", "government-decision", "skl-circular", "skl-memo"]);
});
