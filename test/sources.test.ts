/**
 * The source registry (src/reference/sources.ts) is checked like every other
 * datum: every cited document is listed, every field is well-formed, and the
 * text checks (run against the documents by `stim check`) catch a title, date
 * or reference number that is not in the document. Runs without the seed
 * files: the text checks are exercised here on small stand-in texts.
 */
import * as agreementModules from "../src/agreements";
import * as aldre from "../src/agreements/aldre-2014";
import * as conflicts from "../src/agreements/conflicts";
import * as ebp2011 from "../src/agreements/ebp-2011";
import * as ebp2014 from "../src/agreements/ebp-2014";
import * as missbruk from "../src/agreements/missbruk-2014";
import * as prio from "../src/agreements/prio-2014";
import { run } from "../src/cli/main";
import { checkAgreement, checkSourceRegistry, checkSourceTexts, statedDate } from "../src/core/check";
import { Agreement, SEED_FILES, SeedFile, SourceDocument } from "../src/core/model";
import { cite } from "../src/core/render";
import { SOURCE_DOCUMENTS, sourceDocument } from "../src/reference/sources";

/** Every `doc` of every citation reachable from the agreement modules' exports. */
function citedDocs(): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown, at: string) => {
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.doc === "string" && typeof o.section === "string") found.set(o.doc, at);
    for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`);
  };
  for (const [name, mod] of Object.entries({ agreementModules, aldre, conflicts, ebp2011, ebp2014, missbruk, prio })) walk(mod, name);
  return found;
}

test("every document that any citation names is in the registry", () => {
  const docs = citedDocs();
  expect(docs.size).toBe(5); // all five seed documents are cited somewhere
  for (const [doc, at] of docs) expect({ at, listed: sourceDocument(doc) !== undefined }).toEqual({ at, listed: true });
});

test("the registry lists each seed document once, with well-formed fields", () => {
  expect(SOURCE_DOCUMENTS.map((d) => d.doc).sort()).toEqual([...SEED_FILES].sort());
  expect(checkSourceRegistry()).toEqual([]);
});

test.each<[SeedFile, SourceDocument["kind"], string | null, string | null, SourceDocument["role"]]>([
  // The values below are read from each document's own text.
  ["000_3dc3d7eee1c32ea7.txt", "skl-circular", "2013-12-16", "13:66", "secondary"], // "2013-12-16 1 (10)", "CIRKULÄR 13:66"
  ["001_873279f8cce31c7b.txt", "government-decision", null, null, "primary"], // "Regeringens beslut", no date or diarienummer of its own
  ["002_0dca93dae4af361b.txt", "signed-agreement", "2013-12-11", null, "primary"], // "Stockholm den 11 december 2013" (SKL 9 december)
  ["003_df29125e70796945.txt", "skl-memo", null, null, "secondary"], // "denna PM", undated
  ["004_a38fd00e97c5cefc.txt", "government-decision", "2013-12-11", null, "primary"], // "Regeringens beslut" approving the agreement signed 11 december 2013
])("%s: %s, dated %p, number %p, %s source", (doc, kind, date, reference, role) => {
  const d = sourceDocument(doc)!;
  expect({ kind: d.kind, date: d.date?.iso ?? null, reference: d.reference, role: d.role }).toEqual({ kind, date, reference, role });
});

test("explanations (the trace renderer) cite with the registry's short names", () => {
  for (const d of SOURCE_DOCUMENTS) expect(cite({ doc: d.doc, section: "3.4.1", label: "" })).toBe(`(${d.short} §3.4.1)`);
});

describe("the registry checks catch broken entries", () => {
  const prioDoc = sourceDocument("004_a38fd00e97c5cefc.txt")!;
  const broken = (change: Partial<SourceDocument>) =>
    checkSourceRegistry(SOURCE_DOCUMENTS.map((d) => (d === prioDoc ? { ...d, ...change } : d))).map((i) => `${i.item}: ${i.message}`);
  test.each<[string, Partial<SourceDocument>, RegExp]>([
    ["an empty title", { title: " " }, /title saknas/],
    ["a short name with stray spaces", { short: "Psykisk  ohälsa 2014" }, /short har överflödiga blanksteg/],
    ["a short name too long for an explanation", { short: "Överenskommelse om psykisk ohälsa 2014" }, /längre än 30 tecken/],
    ["a short name another document has", { short: "Mest sjuka äldre 2014" }, /short "Mest sjuka äldre 2014" förekommer också/],
    ["an unknown kind", { kind: "lag" as SourceDocument["kind"] }, /okänd dokumenttyp lag/],
    ["a decision called secondary", { role: "secondary" }, /government-decision ska vara primär källa/],
    ["a date that is not a date", { date: { iso: "2013-12-32", role: "signed", text: "x" } }, /2013-12-32 är inget giltigt datum/],
    ["a malformed reference number", { reference: "S2013/ 1" }, /referensnumret "S2013\/ 1" är inte välformat/],
  ])("%s", (_name, change, message) => {
    expect(broken(change).join("\n")).toMatch(message);
  });
  test("a circular without its number", () => {
    const circular = sourceDocument("000_3dc3d7eee1c32ea7.txt")!;
    const issues = checkSourceRegistry(SOURCE_DOCUMENTS.map((d) => (d === circular ? { ...d, reference: null } : d)));
    expect(issues.map((i) => i.message)).toEqual(["ett cirkulär har alltid ett nummer"]);
  });
  test("a seed document missing from the registry", () => {
    expect(checkSourceRegistry(SOURCE_DOCUMENTS.filter((d) => d !== prioDoc)).map((i) => `${i.item}: ${i.message}`)).toEqual([
      "dokument 004_a38fd00e97c5cefc.txt: saknas i källregistret",
    ]);
  });
  test("an agreement citing a document the registry does not list", () => {
    const a: Agreement = JSON.parse(JSON.stringify(agreementModules.getAgreement("prio-2014")));
    a.pots[0].source.doc = "005_okand.txt" as SeedFile;
    expect(checkAgreement(a).map((i) => `${i.item}: ${i.message}`)).toContain("pott A1: okänd källfil 005_okand.txt");
  });
});

describe("title, date and reference number against the document's text", () => {
  const doc: SourceDocument = {
    doc: "000_3dc3d7eee1c32ea7.txt",
    title: "Ett cirkulär om stimulansmedel",
    name: "Cirkuläret",
    short: "Cirkuläret",
    issuer: "SKL",
    kind: "skl-circular",
    date: { iso: "2013-12-16", role: "dated", text: "2013-12-16" },
    reference: "13:66",
    role: "secondary",
  };
  const text = "  2013-12-16 1 (10)\n\nCIRKULÄR 13:66\n\n## Ett  cirkulär om\nstimulansmedel\n";
  const issues = (d: SourceDocument) => checkSourceTexts(() => text, [d]).map((i) => i.message);

  test("a document that states them passes (case, line breaks and markdown marks aside)", () => {
    expect(issues(doc)).toEqual([]);
  });
  test.each<[string, Partial<SourceDocument>, string]>([
    ["a title the document does not have", { title: "Ett annat cirkulär" }, 'titeln "Ett annat cirkulär" finns inte i dokumentet'],
    ["a date passage that is not there", { date: { iso: "2013-12-17", role: "dated", text: "2013-12-17" } }, 'datumstället "2013-12-17" finns inte i dokumentet'],
    ["a passage that states another date", { date: { iso: "2013-12-17", role: "dated", text: "2013-12-16" } }, 'datumstället "2013-12-16" anger 2013-12-16, registret 2013-12-17'],
    ["a reference number that is not there", { reference: "13:67" }, 'referensnumret "13:67" finns inte i dokumentet'],
    ["a reference number found only inside a longer one", { reference: "3:6" }, 'referensnumret "3:6" finns inte i dokumentet'],
  ])("%s", (_name, change, message) => {
    expect(issues({ ...doc, ...change })).toEqual([message]);
  });
  test("a missing document", () => {
    expect(checkSourceTexts(() => undefined, [doc]).map((i) => i.message)).toEqual(["dokumentet finns inte"]);
  });

  test.each<[string, string | undefined]>([
    ["2013-12-16", "2013-12-16"],
    ["Stockholm den 11 december 2013", "2013-12-11"],
    ["Stockholm den 11 december Stockholm den 9 december 2013", "2013-12-11"], // side-by-side signatures, year below
    ["Stockholm den 1 mars", undefined], // no year
    ["Stockholm", undefined],
  ])("statedDate(%p) → %p", (passage, iso) => {
    expect(statedDate(passage)).toBe(iso);
  });
});

describe("the CLI shows documents in words, never the file", () => {
  test.each([["pots", "prio-2014"], ["pots", "aldre-2014"], ["assumptions", "aldre-2014"], ["conflicts"], ["takeover", "--cost", "1133000", "--year", "2015"]])(
    "stim %s %s",
    (...args) => {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/\.txt\b|\(00[0-4] §/);
    },
  );
  test("assumptions and conflicts give the full form", () => {
    expect(run(["assumptions", "prio-2014"]).stdout).toContain(
      "Källa: Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.1",
    );
    expect(run(["conflicts"]).stdout).toContain(
      "  Prestationsmål A 1: 80 000 000 kr\n    Källa: Överenskommelse om psykisk ohälsa 2014 (regeringsbeslut, undertecknad 2013-12-11), avsnitt 3.4.2",
    );
  });
});
