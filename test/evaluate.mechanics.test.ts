/**
 * The evaluator's mechanics on a small fixture agreement (test/fixtures):
 * the 80 % county rule at its edges, missing data, unallocated money, the
 * three split modes, Gotland, and the pot invariants.
 */
import { evaluate, Evaluation } from "../src/core/evaluate";
import { renderEvent, renderEvents } from "../src/core/render";
import { Facts, FactsError, CountyFacts } from "../src/core/facts";
import { getLan, LAN, getKommun } from "../src/reference";
import { MINI } from "./fixtures/mini-agreement";

const UPPSALA = getLan("03")!;

/** Facts where everyone meets everything, optionally changed per county. */
function facts(change: (lan: string, cf: CountyFacts) => void = () => {}): Facts {
  const counties: Record<string, CountyFacts> = {};
  for (const l of LAN) {
    const cf: CountyFacts = {
      county: { answers: { "LAN-MAL": { indikator: { previous: [5, 5, 5, 5, 5, 5], current: [4, 4, 4, 4, 5, 6] } } } },
      landsting: { answers: { GK: { ok: true }, "LS-MAL": { andel: { part: 9, total: 10 } }, "GK-MAL": { klart: true } } },
      kommuner: Object.fromEntries(l.kommuner.map((k) => [k, { answers: { GK: { ok: true }, "GK-MAL": { klart: true } } }])),
    };
    change(l.code, cf);
    counties[l.code] = cf;
  }
  return { format: "stimulans-facts", version: 1, agreement: "mini-2014", counties };
}

function amount(ev: Evaluation, pot: string, level: string, code: string): bigint {
  const r = ev.recipients.find((x) => x.level === level && x.code === code)!;
  return r.pots.find((p) => p.pot === pot)!.amount;
}
function status(ev: Evaluation, pot: string, level: string, code: string): string {
  const r = ev.recipients.find((x) => x.level === level && x.code === code)!;
  return r.pots.find((p) => p.pot === pot)!.status;
}

function checkInvariants(ev: Evaluation) {
  for (const p of ev.pots) {
    expect(p.allocated + p.unallocated).toBe(p.amount);
    if (p.kind !== "organisation") expect(p.shares.reduce((s, x) => s + x.amount, 0n)).toBe(p.allocated);
  }
  const perRecipient = ev.recipients.reduce((s, r) => s + r.total, 0n);
  const orgs = ev.pots.filter((p) => p.kind === "organisation").reduce((s, p) => s + p.allocated, 0n);
  expect(perRecipient + orgs).toBe(ev.allocated);
}

/** Overrides Uppsala's kommun populations: the first `n` comply. */
function uppsala(pops: number[], complying: boolean[]) {
  return facts((lan, cf) => {
    if (lan !== "03") return;
    UPPSALA.kommuner.forEach((k, i) => {
      cf.kommuner![k] = { answers: { GK: { ok: complying[i] }, "GK-MAL": { klart: true } }, keys: { population: pops[i] } };
    });
  });
}

describe("county 80 % rule (004 §3.4.1), exact at the edge", () => {
  const n = UPPSALA.kommuner.length; // 8 kommuner
  test("Uppsala län has 8 kommuner", () => expect(n).toBe(8));

  test("exactly 80 % of inhabitants in complying kommuner → landsting and complying kommuner receive", () => {
    // 7 × 100 complying + 175 failing: 700 / 875 = 80 % exactly.
    const ev = evaluate(MINI, uppsala([100, 100, 100, 100, 100, 100, 100, 175], [true, true, true, true, true, true, true, false]));
    expect(status(ev, "PL", "landsting", "03")).toBe("eligible");
    expect(status(ev, "PK", "kommun", UPPSALA.kommuner[0])).toBe("eligible");
    expect(status(ev, "PK", "kommun", UPPSALA.kommuner[7])).toBe("not-eligible");
    expect(amount(ev, "PK", "kommun", UPPSALA.kommuner[7])).toBe(0n);
    const step = ev.counties["03"].events.find((e) => e.kind === "coverage")!;
    expect(step.applied).toBe(true);
    expect(renderEvent(step)).toContain("700 av 875 invånare (80,00 %) ≥ 80 %");
    expect(renderEvent(step)).toContain("(Psykisk ohälsa 2014 §3.4.1)");
    checkInvariants(ev);
  });

  test("one inhabitant more in the failing kommun (700 / 876 < 80 %) → nobody in the county (default assumption)", () => {
    const ev = evaluate(MINI, uppsala([100, 100, 100, 100, 100, 100, 100, 176], [true, true, true, true, true, true, true, false]));
    expect(status(ev, "PL", "landsting", "03")).toBe("not-eligible");
    for (const k of UPPSALA.kommuner) expect(amount(ev, "PK", "kommun", k)).toBe(0n);
    const step = ev.counties["03"].events.find((e) => e.kind === "coverage")!;
    expect(step.applied).toBe(false);
    expect(step.assumptions).toContain("mini-2014/county-below-80");
    expect(renderEvent(step)).toContain("inte ≥ 80 %");
    // Other counties are unaffected.
    expect(status(ev, "PL", "landsting", "01")).toBe("eligible");
    checkInvariants(ev);
  });

  test("below 80 % with the alternative assumption → complying ones still receive", () => {
    const f = uppsala([100, 100, 100, 100, 100, 100, 100, 176], [true, true, true, true, true, true, true, false]);
    const ev = evaluate(MINI, f, { assumptions: { "mini-2014/county-below-80": "complying-only" } });
    expect(status(ev, "PL", "landsting", "03")).toBe("eligible");
    expect(status(ev, "PK", "kommun", UPPSALA.kommuner[0])).toBe("eligible");
    expect(ev.assumptions.find((a) => a.id === "mini-2014/county-below-80")).toMatchObject({ value: "complying-only", isDefault: false });
  });

  test("a landsting that fails its own grundkrav gets nothing even when coverage holds", () => {
    const ev = evaluate(
      MINI,
      facts((lan, cf) => {
        if (lan === "03") cf.landsting!.answers!.GK = { ok: false };
      }),
    );
    expect(status(ev, "PL", "landsting", "03")).toBe("not-eligible");
    expect(status(ev, "PK", "kommun", UPPSALA.kommuner[0])).toBe("eligible");
  });

  test("missing answers are missing-data, never 'not met', and make the coverage undecidable", () => {
    const ev = evaluate(
      MINI,
      facts((lan, cf) => {
        if (lan !== "03") return;
        // Uppsala kommun (0380) is ~ 60 % of the county: without its answer coverage cannot be decided.
        cf.kommuner!["0380"] = { answers: { "GK-MAL": { klart: true } } };
      }),
    );
    expect(status(ev, "PK", "kommun", "0380")).toBe("missing-data");
    expect(status(ev, "PL", "landsting", "03")).toBe("missing-data");
    const pk = ev.pots.find((p) => p.id === "PK")!;
    expect(pk.provisional).toBe(true);
    expect(pk.missing).toContain("kommun:0380");
    checkInvariants(ev);
  });
});

describe("allocation and splits", () => {
  const ev = evaluate(MINI, facts());
  test("all pots hold their invariants", () => checkInvariants(ev));

  test("kommun pot shared by population sums exactly to the pot", () => {
    const pk = ev.pots.find((p) => p.id === "PK")!;
    expect(pk.allocated).toBe(1_000_000n);
    expect(pk.unallocated).toBe(0n);
  });

  test("per-lan split: each län 70 % to its kommuner, 30 % to the landsting (002 §5.3)", () => {
    const plan = ev.pots.find((p) => p.id === "PLAN")!;
    for (const l of LAN) {
      const ls = plan.shares.find((s) => s.level === "landsting" && s.code === l.code)!.amount;
      const ks = plan.shares.filter((s) => s.level === "kommun" && getKommun(s.code)!.lan === l.code).reduce((a, s) => a + s.amount, 0n);
      const lanTotal = ls + ks;
      // 30 % part within one krona of the exact 30 %.
      expect(ls * 10n - lanTotal * 3n).toBeLessThanOrEqual(10n);
      expect(lanTotal * 3n - ls * 10n).toBeLessThanOrEqual(10n);
    }
  });

  test("Gotland receives both the kommun part and the landsting part", () => {
    const plan = ev.pots.find((p) => p.id === "PLAN")!;
    const kommun = plan.shares.find((s) => s.level === "kommun" && s.code === "0980")!.amount;
    const landsting = plan.shares.find((s) => s.level === "landsting" && s.code === "09")!.amount;
    const lanTotal = kommun + landsting;
    expect(kommun).toBeGreaterThan(0n);
    expect(landsting).toBeGreaterThan(0n);
    // Gotland's share of the national pot by population, split 70/30.
    const expected = (1_000_000n * BigInt(getLan("09")!.population)) / 9_644_864n; // 57 161 inhabitants (SCB)
    expect(lanTotal === expected || lanTotal === expected + 1n).toBe(true);
  });

  test("per-kommun split: the landsting gets 30 % of what its kommuner earned", () => {
    const ppk = ev.pots.find((p) => p.id === "PPK")!;
    const lsUppsala = ppk.shares.find((s) => s.level === "landsting" && s.code === "03")!.amount;
    const kUppsala = ppk.shares.filter((s) => s.level === "kommun" && getKommun(s.code)!.lan === "03").reduce((a, s) => a + s.amount, 0n);
    const total = lsUppsala + kUppsala;
    expect(lsUppsala * 10n - total * 3n).toBeLessThanOrEqual(8n * 10n);
    expect(total * 3n - lsUppsala * 10n).toBeLessThanOrEqual(8n * 10n);
  });

  test("pot split first: 1 000 kr → 700 to kommuner, 300 to landsting", () => {
    const p = ev.pots.find((x) => x.id === "PPOT")!;
    expect(p.shares.filter((s) => s.level === "kommun").reduce((a, s) => a + s.amount, 0n)).toBe(700n);
    expect(p.shares.filter((s) => s.level === "landsting").reduce((a, s) => a + s.amount, 0n)).toBe(300n);
  });

  test("organisation pot is paid to its payee, not to kommuner or landsting", () => {
    const org = ev.pots.find((p) => p.id === "ORG")!;
    expect(org).toMatchObject({ allocated: 100n, unallocated: 0n, payee: "SKL" });
  });
});

describe("nobody reaches a goal → the pot is unallocated, never spread", () => {
  const ev = evaluate(
    MINI,
    facts((_lan, cf) => {
      cf.landsting!.answers!["LS-MAL"] = { andel: { part: 89, total: 100 } }; // 89 % < 90 %
    }),
  );
  test("89 % is below the 90 % goal for every landsting", () => {
    const pl = ev.pots.find((p) => p.id === "PL")!;
    expect(pl.allocated).toBe(0n);
    expect(pl.unallocated).toBe(500_000n);
    expect(pl.unallocatedReason).toMatch(/Ingen mottagare nådde målet/);
    expect(renderEvents(pl.events).some((t) => t.includes("redovisas som ofördelat"))).toBe(true);
  });
  test("the explanation names the value and the threshold", () => {
    const r = ev.recipients.find((x) => x.level === "landsting" && x.code === "01")!;
    expect(renderEvents(r.events).join("\n")).toContain("89 av 100 (89,00 %) inte ≥ 90 %");
  });
});

describe("months-lower goal: 4 of 6 strictly lower; equal is not lower", () => {
  const withSeries = (current: number[]) =>
    evaluate(
      MINI,
      facts((lan, cf) => {
        if (lan === "01") cf.county = { answers: { "LAN-MAL": { indikator: { previous: [10, 10, 10, 10, 10, 10], current } } } };
      }),
    );
  test.each([
    ["4 lower, 2 equal", [9, 9, 9, 9, 10, 10], "eligible"],
    ["3 lower, 3 equal", [9, 9, 9, 10, 10, 10], "not-eligible"],
    ["6 equal", [10, 10, 10, 10, 10, 10], "not-eligible"],
    ["3 lower, 3 higher", [9, 9, 9, 11, 11, 11], "not-eligible"],
  ])("%s → %s", (_name, current, expected) => {
    const ev = withSeries(current as number[]);
    expect(status(ev, "PLAN", "landsting", "01")).toBe(expected);
  });
});

describe("facts validation names the field and what was expected", () => {
  const bad = (change: (f: Facts) => void) => {
    const f = facts();
    change(f);
    try {
      evaluate(MINI, f);
    } catch (e) {
      expect(e).toBeInstanceOf(FactsError);
      return (e as FactsError).message;
    }
    throw new Error("expected a FactsError");
  };
  test.each([
    ["kommun under the wrong county", (f: Facts) => (f.counties["01"].kommuner!["0380"] = {}), "counties.01.kommuner.0380: kommun 0380 (Uppsala) hör till län 03, inte 01"],
    ["unknown county", (f: Facts) => (f.counties["99"] = {}), 'okänd länskod "99"'],
    ["unknown kommun", (f: Facts) => (f.counties["01"].kommuner!["0199"] = {}), 'okänd kommunkod "0199"'],
    ["percent as 90", (f: Facts) => (f.counties["01"].landsting!.answers!["LS-MAL"] = { andel: 90 }), "andelen 90 är större än 1"],
    ["text in a boolean", (f: Facts) => (f.counties["01"].landsting!.answers!.GK = { ok: "ja" as unknown as boolean }), "väntade true eller false"],
    ["negative key", (f: Facts) => (f.counties["01"].kommuner!["0114"].keys = { population: -5 }), "nyckeln får inte vara negativ"],
    ["unknown rule", (f: Facts) => (f.counties["01"].landsting!.answers!.XYZ = {}), 'okänd regel "XYZ"'],
    ["part > total", (f: Facts) => (f.counties["01"].landsting!.answers!["LS-MAL"] = { andel: { part: 11, total: 10 } }), "part (11) är större än total (10)"],
    ["5 months", (f: Facts) => (f.counties["01"].county!.answers!["LAN-MAL"] = { indikator: { previous: [1, 1, 1, 1, 1], current: [1, 1, 1, 1, 1] } }), "väntade 6 månader"],
    ["wrong format", (f: Facts) => ((f as { format: string }).format = "x"), 'format: väntade "stimulans-facts"'],
    ["wrong agreement", (f: Facts) => (f.agreement = "prio-2014"), 'agreement: väntade "mini-2014"'],
    ["unknown assumption option", (f: Facts) => (f.assumptions = { "mini-2014/county-below-80": "x" }), "okänt alternativ"],
  ])("%s", (_name, change, message) => {
    expect(bad(change as (f: Facts) => void)).toContain(message as string);
  });
});

test("same input, same result (determinism)", () => {
  const a = evaluate(MINI, facts());
  const b = evaluate(MINI, facts());
  expect(a).toEqual(b);
});
