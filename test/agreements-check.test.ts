/**
 * Every agreement passes its self-checks, and the checks are shown
 * to catch broken data. Resolving each citation against the real source
 * documents is `npm run check:sources` (CI); here the resolver runs against
 * stand-in documents built from the citations (test/fixtures/seeds.ts).
 */
import { checkAgreement, checkSourceTexts } from "../src/core/check";
import { Agreement, SEED_FILES } from "../src/core/model";
import { AGREEMENTS, ALL_CONFLICTS, getAgreement, getPot, selfCheck } from "../src/agreements";
import { allCitations, seedReader, seedResolver } from "../src/cli/sources";
import { SOURCE_DOCUMENTS } from "../src/reference/sources";
import { writeFixtureSeeds } from "./fixtures/seeds";

const FIXTURE = writeFixtureSeeds(allCitations().map((x) => x.c));
const resolver = seedResolver(FIXTURE);

describe("the source registry is checked against the documents' text", () => {
  test("titles, dates and reference numbers found: no issues", () => {
    expect(checkSourceTexts(seedReader(FIXTURE))).toEqual([]);
  });
  test("a title, a date and a reference number that are not in the text are each reported", () => {
    const d = SOURCE_DOCUMENTS.find((x) => x.date && x.reference)!;
    const broken = [{ ...d, title: "En titel som inte står där", date: { ...d.date!, text: "1 januari 1999" }, reference: "99:99" }];
    expect(checkSourceTexts(seedReader(FIXTURE), broken).map((i) => i.message)).toEqual([
      'titeln "En titel som inte står där" finns inte i dokumentet',
      'datumstället "1 januari 1999" finns inte i dokumentet',
      `datumstället "1 januari 1999" anger 1999-01-01, registret ${d.date!.iso}`,
      'referensnumret "99:99" finns inte i dokumentet',
    ]);
  });
  test("a document that is not there", () => {
    expect(checkSourceTexts(seedReader(FIXTURE + "-saknas")).map((i) => i.message)).toEqual(SOURCE_DOCUMENTS.map(() => "dokumentet finns inte"));
  });
});

test.each(AGREEMENTS.map((a) => [a.id, a]))("%s passes its self-checks", (_id, a) => {
  expect(checkAgreement(a as Agreement)).toEqual([]);
});

test("selfCheck(): the registry and every agreement together, as `stim check` and CI run them", () => {
  expect(selfCheck()).toEqual([]);
});

test("every recorded conflict cites at least two sources in known documents and states a resolution", () => {
  expect(ALL_CONFLICTS.length).toBeGreaterThanOrEqual(4);
  for (const c of ALL_CONFLICTS) {
    expect(c.claims.length).toBeGreaterThanOrEqual(2);
    for (const cl of c.claims) expect(SEED_FILES).toContain(cl.source.doc);
    expect(c.resolution.length).toBeGreaterThan(10);
  }
});

test("every assumption has a default among its options, a reason and a citation", () => {
  for (const a of AGREEMENTS)
    for (const x of a.assumptions) {
      expect(x.options.map((o) => o.id)).toContain(x.default);
      expect(x.reason.length).toBeGreaterThan(10);
      expect(SEED_FILES).toContain(x.source.doc);
      expect(x.source.section.length).toBeGreaterThan(0);
    }
});

describe("the self-checks catch broken data", () => {
  const prio = getAgreement("prio-2014");
  const broken = (change: (a: Agreement) => void) => {
    const copy: Agreement = JSON.parse(JSON.stringify(prio));
    change(copy);
    return checkAgreement(copy, resolver).map((i) => `${i.item}: ${i.message}`);
  };
  test("the unchanged agreement resolves against the stand-in documents", () => {
    expect(broken(() => undefined)).toEqual([]);
  });
  test("a pot amount changed → totals no longer match the summary table", () => {
    const issues = broken((a) => (a.pots.find((p) => p.id === "A1")!.amount = 100_000_000));
    expect(issues.join("\n")).toMatch(/summa .*: potterna summerar till/);
    expect(issues.join("\n")).toMatch(/total: potterna summerar till 712500000, totalen är 692500000/);
  });
  test("a citation to a section that does not exist", () => {
    expect(broken((a) => (a.pots[0].source.section = "9.9.9")).join("\n")).toMatch(/avsnitt 9\.9\.9 finns inte som rubrik/);
  });
  test("a quote that is not in the document", () => {
    expect(broken((a) => (a.pots[0].source.quote = "detta står inte i källan")).join("\n")).toMatch(/citatet .* står inte ordagrant/);
  });
  test("a citation to a document that is not a seed file", () => {
    expect(broken((a) => (a.pots[0].source.doc = "999_okand.txt" as never)).join("\n")).toMatch(/okänd källfil 999_okand\.txt/);
  });
  test("a pot that refers to an unknown goal", () => {
    expect(broken((a) => (a.pots[0].goal = "ZZ")).join("\n")).toMatch(/okänt mål ZZ/);
  });
  test("a split that does not sum to 100 %", () => {
    const aldre: Agreement = JSON.parse(JSON.stringify(getAgreement("aldre-2014")));
    aldre.pots.find((p) => p.split)!.split!.landsting = "0.4";
    expect(checkAgreement(aldre).map((i) => i.message).join("\n")).toMatch(/summerar inte till 100 %/);
  });
  test("duplicate rule ids", () => {
    expect(broken((a) => a.goals.push({ ...a.goals[0] })).join("\n")).toMatch(/id förekommer två gånger/);
  });
});

test("agreement and pot look-ups are case-insensitive and refuse unknown ids in Swedish", () => {
  expect(getAgreement(" PRIO-2014 ").id).toBe("prio-2014");
  expect(getPot(getAgreement("prio-2014"), "a1").amount).toBe(80_000_000);
  expect(() => getAgreement("prio-2015")).toThrow('Okänd överenskommelse "prio-2015"');
  expect(() => getPot(getAgreement("prio-2014"), "A9")).toThrow('Okänd pott "A9" i prio-2014');
  expect(() => getAgreement(null)).toThrow(/Ange en överenskommelse/);
});
