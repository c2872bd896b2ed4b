/**
 * Every agreement passes its load-time self-checks, and every citation in it
 * (pots, rules, criteria, keys, splits, fixed amounts, totals, dates,
 * assumptions, conflicts) resolves to a section of an existing seed file,
 * and the source registry's titles, dates and reference numbers are in them.
 * The checks themselves are shown to catch broken data.
 */
import { join } from "node:path";
import { checkAgreement, checkSourceTexts } from "../src/core/check";
import { seedReader, seedResolver } from "../src/core/seeds";
import { Agreement } from "../src/core/model";
import { AGREEMENTS, ALL_CONFLICTS, getAgreement, getPot } from "../src/agreements";

const SEEDS = join(__dirname, "..", "..", "shared", "seeds");
const resolver = seedResolver(SEEDS);

test("the source registry's titles, dates and reference numbers occur in their documents", () => {
  expect(checkSourceTexts(seedReader(SEEDS))).toEqual([]);
});

test.each(AGREEMENTS.map((a) => [a.id, a]))("%s passes its self-checks with every citation resolved", (_id, a) => {
  expect(checkAgreement(a as Agreement, resolver)).toEqual([]);
});

test("every recorded conflict cites at least two resolvable sources and states a resolution", () => {
  expect(ALL_CONFLICTS.length).toBeGreaterThanOrEqual(4);
  for (const c of ALL_CONFLICTS) {
    expect(c.claims.length).toBeGreaterThanOrEqual(2);
    for (const cl of c.claims) expect(resolver(cl.source)).toBeUndefined();
    expect(c.resolution.length).toBeGreaterThan(10);
  }
});

test("every assumption has a default among its options, a reason and a citation", () => {
  for (const a of AGREEMENTS)
    for (const x of a.assumptions) {
      expect(x.options.map((o) => o.id)).toContain(x.default);
      expect(x.reason.length).toBeGreaterThan(10);
      expect(resolver(x.source)).toBeUndefined();
    }
});

describe("the self-checks catch broken data", () => {
  const prio = getAgreement("prio-2014");
  const broken = (change: (a: Agreement) => void) => {
    const copy: Agreement = JSON.parse(JSON.stringify(prio));
    change(copy);
    return checkAgreement(copy, resolver).map((i) => `${i.item}: ${i.message}`);
  };
  test("a pot amount changed → totals no longer match the summary table", () => {
    const issues = broken((a) => (a.pots.find((p) => p.id === "A1")!.amount = 100_000_000));
    expect(issues.join("\n")).toMatch(/summa .*: potterna summerar till/);
    expect(issues.join("\n")).toMatch(/total: potterna summerar till 712500000, totalen är 692500000/);
  });
  test("a citation to a section that does not exist", () => {
    expect(broken((a) => (a.pots[0].source.section = "9.9.9")).join("\n")).toMatch(/avsnitt 9\.9\.9 finns inte/);
  });
  test("a quote that is not in the seed", () => {
    expect(broken((a) => (a.pots[0].source.quote = "detta står inte i källan")).join("\n")).toMatch(/citatet .* finns inte/);
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
