/**
 * Threshold arithmetic at its edges, each case naming where the rule comes
 * from (seed file §section, see /work/shared/DOMAIN.md). Shares are decided
 * exactly: part ≥ threshold × total, no floats.
 */
import { Comparison } from "../src/core/model";
import { cappedKey, cofinancingMet, meetsRatio, meetsShare, monthsLower, takeOver } from "../src/core/thresholds";
import { stimError } from "./support/stim-error";

describe("meetsShare: part/total against a threshold, exactly", () => {
  const cases: { source: string; rule: string; part: string; total: string; threshold: string; op: Comparison; met: boolean }[] = [
    // 004 §3.4.1: kommuner meeting the basic requirements must cover at least
    // 80 % of the county's inhabitants.
    { source: "004 §3.4.1", rule: "county 80 %: 4 of 5 is exactly 80 %", part: "4", total: "5", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.1", rule: "county 80 %: 3 of 5", part: "3", total: "5", threshold: "0.8", op: ">=", met: false },
    // 0.8 × 1 543 209 = 1 234 567.2 → 1 234 567 is just below, 1 234 568 just above.
    { source: "004 §3.4.1", rule: "county 80 %: 1 234 567 of 1 543 209 (79.99998… %)", part: "1234567", total: "1543209", threshold: "0.8", op: ">=", met: false },
    { source: "004 §3.4.1", rule: "county 80 %: 1 234 568 of 1 543 209", part: "1234568", total: "1543209", threshold: "0.8", op: ">=", met: true },
    // 0.8 × 1 543 210 = 1 234 568 exactly; one inhabitant less fails.
    { source: "004 §3.4.1", rule: "county 80 %: 1 234 568 of 1 543 210 is exactly 80 %", part: "1234568", total: "1543210", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.1", rule: "county 80 %: one inhabitant less, 1 234 567 of 1 543 210", part: "1234567", total: "1543210", threshold: "0.8", op: ">=", met: false },
    // Stockholm-sized county: 0.8 × 2 163 042 = 1 730 433.6.
    { source: "004 §3.4.1", rule: "county 80 %: 1 730 434 of 2 163 042", part: "1730434", total: "2163042", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.1", rule: "county 80 %: 1 730 433 of 2 163 042", part: "1730433", total: "2163042", threshold: "0.8", op: ">=", met: false },
    { source: "004 §3.4.1", rule: "all kommuner meet: 100 %", part: "1543210", total: "1543210", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.1", rule: "nobody meets: 0 %", part: "0", total: "1543210", threshold: "0.8", op: ">=", met: false },

    // 004 §3.4.2 A1: at least 90 % got a first assessment within 30 days.
    { source: "004 §3.4.2 A1", rule: "90 %: 9 of 10", part: "9", total: "10", threshold: "0.9", op: ">=", met: true },
    { source: "004 §3.4.2 A1", rule: "90 %: 899 of 1000", part: "899", total: "1000", threshold: "0.9", op: ">=", met: false },
    { source: "004 §3.4.2 A1", rule: "90 %: 900 of 1000", part: "900", total: "1000", threshold: "0.9", op: ">=", met: true },
    // 0.9 × 997 = 897.3
    { source: "004 §3.4.2 A1", rule: "90 %: 897 of 997", part: "897", total: "997", threshold: "0.9", op: ">=", met: false },
    { source: "004 §3.4.2 A1", rule: "90 %: 898 of 997", part: "898", total: "997", threshold: "0.9", op: ">=", met: true },
    { source: "004 §3.4.2 A1", rule: "> 90 % at exactly 90 %", part: "900", total: "1000", threshold: "0.9", op: ">", met: false },
    { source: "004 §3.4.2 A1", rule: "> 90 % at 901 of 1000", part: "901", total: "1000", threshold: "0.9", op: ">", met: true },

    // 004 §3.4.2 A2: at least 80 % started in-depth assessment/treatment within 30 days.
    { source: "004 §3.4.2 A2", rule: "80 %: 40 of 50", part: "40", total: "50", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.2 A2", rule: "80 %: 39 of 50", part: "39", total: "50", threshold: "0.8", op: ">=", met: false },
    // 0.8 × 123 = 98.4
    { source: "004 §3.4.2 A2", rule: "80 %: 98 of 123", part: "98", total: "123", threshold: "0.8", op: ">=", met: false },
    { source: "004 §3.4.2 A2", rule: "80 %: 99 of 123", part: "99", total: "123", threshold: "0.8", op: ">=", met: true },
    { source: "004 §3.4.2 A2", rule: "> 80 % at exactly 80 %", part: "40", total: "50", threshold: "0.8", op: ">", met: false },

    // 004 §3.4.2 A1/A2 prerequisites: response rate at least 95 %.
    { source: "004 §3.4.2 A prerequisites", rule: "95 %: 19 of 20", part: "19", total: "20", threshold: "0.95", op: ">=", met: true },
    { source: "004 §3.4.2 A prerequisites", rule: "95 %: 18 of 20", part: "18", total: "20", threshold: "0.95", op: ">=", met: false },
    // 0.95 × 99 = 94.05
    { source: "004 §3.4.2 A prerequisites", rule: "95 %: 94 of 99", part: "94", total: "99", threshold: "0.95", op: ">=", met: false },
    { source: "004 §3.4.2 A prerequisites", rule: "95 %: 95 of 99", part: "95", total: "99", threshold: "0.95", op: ">=", met: true },
    { source: "004 §3.4.2 A prerequisites", rule: "> 95 % at exactly 95 %", part: "19", total: "20", threshold: "0.95", op: ">", met: false },

    // 004 §3.4.2 B1: registered at least 60 % of the target figure, which is
    // 0.5 % of the county population. Population 2 000 000 → target 10 000.
    { source: "004 §3.4.2 B1", rule: "60 % of target 10 000: 6 000", part: "6000", total: "10000", threshold: "0.6", op: ">=", met: true },
    { source: "004 §3.4.2 B1", rule: "60 % of target 10 000: 5 999", part: "5999", total: "10000", threshold: "0.6", op: ">=", met: false },
    // Population 1 234 567 → target 6 172.835 (not whole) → 60 % = 3 703.701.
    { source: "004 §3.4.2 B1", rule: "60 % of target 6 172.835: 3 704", part: "3704", total: "6172.835", threshold: "0.6", op: ">=", met: true },
    { source: "004 §3.4.2 B1", rule: "60 % of target 6 172.835: 3 703", part: "3703", total: "6172.835", threshold: "0.6", op: ">=", met: false },
    { source: "004 §3.4.2 B1", rule: "60 % of PsykosR/BipoläR patients: 3 of 5", part: "3", total: "5", threshold: "0.6", op: ">=", met: true },
    { source: "004 §3.4.2 B1", rule: "> 60 % at exactly 60 %", part: "3", total: "5", threshold: "0.6", op: ">", met: false },

    // 002 §5.3 palliative care: deaths registered ≥ 70 % of deaths.
    { source: "002 §5.3 palliative coverage", rule: "70 %: 70 of 100", part: "70", total: "100", threshold: "0.7", op: ">=", met: true },
    { source: "002 §5.3 palliative coverage", rule: "70 %: 69 of 100", part: "69", total: "100", threshold: "0.7", op: ">=", met: false },
    // 0.7 × 99 = 69.3
    { source: "002 §5.3 palliative coverage", rule: "70 %: 69 of 99", part: "69", total: "99", threshold: "0.7", op: ">=", met: false },
    { source: "002 §5.3 palliative coverage", rule: "70 %: 70 of 99", part: "70", total: "99", threshold: "0.7", op: ">=", met: true },
    { source: "002 §5.3 palliative coverage", rule: "> 70 % at exactly 70 %", part: "7", total: "10", threshold: "0.7", op: ">", met: false },

    // 002 §5.3 Senior alert SÄBO: ≥ 90 % of residents risk-assessed.
    { source: "002 §5.3 Senior alert SÄBO", rule: "90 %: 270 of 300", part: "270", total: "300", threshold: "0.9", op: ">=", met: true },
    { source: "002 §5.3 Senior alert SÄBO", rule: "90 %: 269 of 300", part: "269", total: "300", threshold: "0.9", op: ">=", met: false },
  ];

  test.each(cases)("$source — $rule ($op) → $met", ({ part, total, threshold, op, met }) => {
    expect(meetsShare(part, total, threshold, op)).toBe(met);
  });

  test("where floats get the edge wrong, meetsShare does not", () => {
    // In binary floats 0.7 × 90 = 62.99999999999999, so "part > threshold ×
    // total" computed with numbers would call exactly 70 % (63 of 90) above 70 %.
    expect(63 > 0.7 * 90).toBe(true);
    expect(meetsShare(63, 90, "0.7", ">")).toBe(false);
    expect(meetsShare(63, 90, "0.7", ">=")).toBe(true);
    expect(meetsShare(62, 90, "0.7", ">=")).toBe(false);
  });

  test.each(["0", "-1"])("total %s → StimError", (total) => {
    expect(stimError(() => meetsShare(0, total, "0.8", ">=")).message).toContain("större än 0");
  });
});

describe("meetsRatio: a given share against a threshold", () => {
  test.each([
    { source: "004 §3.4.1", ratio: "0.8", threshold: "0.8", op: ">=" as Comparison, met: true },
    { source: "004 §3.4.1", ratio: "0.8", threshold: "0.8", op: ">" as Comparison, met: false },
    { source: "004 §3.4.1", ratio: "0.79999999999999999999", threshold: "0.8", op: ">=" as Comparison, met: false },
    { source: "004 §3.4.1", ratio: "0.823", threshold: "0.8", op: ">" as Comparison, met: true },
    { source: "004 §3.4.2 A prerequisites", ratio: "0.9499", threshold: "0.95", op: ">=" as Comparison, met: false },
    { source: "002 §5.3 palliative coverage", ratio: "0.7", threshold: "0.7", op: ">=" as Comparison, met: true },
  ])("$source: $ratio $op $threshold → $met", ({ ratio, threshold, op, met }) => {
    expect(meetsRatio(ratio, threshold, op)).toBe(met);
  });
});

describe("monthsLower: months where 2014 is strictly lower than the same month 2013 (002 §5.3, ≥ 4 of 6)", () => {
  const prev = [10, 10, 10, 10, 10, 10];
  test.each([
    { source: "002 §5.3 medication", name: "4 of 6 lower (meets ≥ 4)", current: [9, 9, 9, 9, 10, 11], want: 4 },
    { source: "002 §5.3 medication", name: "3 of 6 lower (fails ≥ 4)", current: [9, 9, 9, 10, 10, 11], want: 3 },
    { source: "002 §5.3 readmissions", name: "equal is not lower", current: [10, 10, 10, 10, 10, 10], want: 0 },
    { source: "002 §5.3 readmissions", name: "all lower", current: [1, 2, 3, 4, 5, 6], want: 6 },
    { source: "002 §5.3 avoidable care", name: "decimals compared exactly", current: [9.99, "9.99", 10.01, 10, "9.999999999999999999", 11], want: 3 },
  ])("$source — $name", ({ current, want }) => {
    expect(monthsLower(prev, current)).toBe(want);
  });

  test("indicator values as rates, exact at the edge", () => {
    // 0.1 + 0.2 is not 0.3 in floats; as text it is compared exactly.
    expect(monthsLower(["0.3", "0.3"], ["0.3", "0.29999999999999999999"])).toBe(1);
  });

  test("mismatched lengths → StimError", () => {
    const e = stimError(() => monthsLower([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5]));
    expect(e.message).toContain("olika längd (6 mot 5 månader)");
  });

  test.each([
    { previous: [1, 2, "tre", 4, 5, 6], current: [1, 2, 3, 4, 5, 6], needle: ["previous", "värde 3", 'texten "tre"'] },
    { previous: [1, 2, 3, 4, 5, 6], current: [1, 2, 3, 4, 5, NaN], needle: ["current", "värde 6", "NaN"] },
    { previous: [1, 2, 3, 4, 5, 6], current: [1, null, 3, 4, 5, 6], needle: ["current", "värde 2", "tomt värde"] },
  ])("text or blank in a month → StimError naming it", ({ previous, current, needle }) => {
    const e = stimError(() => monthsLower(previous, current));
    for (const n of needle) expect(e.message).toContain(n);
  });

  test("not a list → StimError", () => {
    expect(stimError(() => monthsLower("1,2" as unknown as unknown[], [1, 2])).message).toContain("lista");
  });
});

describe("cappedKey: trained process leaders, at most 2 per kommun or city district (002 Bilaga 2)", () => {
  test.each([
    { name: "5 leaders, cap 2 → 2", value: 5 as unknown, want: 2n },
    { name: "2 leaders → 2", value: 2 as unknown, want: 2n },
    { name: "1 leader → 1", value: 1 as unknown, want: 1n },
    { name: "0 leaders → 0", value: 0 as unknown, want: 0n },
    { name: "as text", value: "7" as unknown, want: 2n },
    { name: "city districts [3,1,2] → 2+1+2 = 5", value: [3, 1, 2] as unknown, want: 5n },
    { name: "city districts [0,0] → 0", value: [0, 0] as unknown, want: 0n },
    { name: "no districts → 0", value: [] as unknown, want: 0n },
  ])("$name", ({ value, want }) => {
    expect(cappedKey(value, 2)).toBe(want);
  });

  test.each([
    { value: -1 as unknown, needle: "negativt" },
    { value: 1.5 as unknown, needle: "hela" },
    { value: "två" as unknown, needle: 'texten "två"' },
    { value: [1, -2] as unknown, needle: "stadsdel 2" },
  ])("$value → StimError", ({ value, needle }) => {
    expect(stimError(() => cappedKey(value, 2)).message).toContain(needle);
  });
});

describe("takeOver: the principals take over 25 % / 50 % / 100 % of support-structure costs (000, 003)", () => {
  const schedule = [
    { year: 2014, share: "0.25" },
    { year: 2015, share: "0.5" },
    { year: 2016, share: "1" },
  ];
  test.each([
    // Stockholm's support structures 2014: 1 133 000 kr (003).
    { source: "003 Stockholm", year: 2014, cost: 1133000, principal: 283250n, state: 849750n, share: "0.25" },
    { source: "000", year: 2015, cost: 1133000, principal: 566500n, state: 566500n, share: "0.5" },
    { source: "000", year: 2016, cost: 1133000, principal: 1133000n, state: 0n, share: "1" },
    { source: "000 (100 % from 2016 onward)", year: 2017, cost: 1133000, principal: 1133000n, state: 0n, share: "1" },
    // One rounding rule (issue 18): whole kronor by largest remainder, as in
    // every allocation; the state takes the krona on an equal remainder.
    // 0.25 × 1 133 001 = 283 250.25 (state 849 750.75): the state's remainder
    // is larger, so it pays 849 751 and the parts still sum to the cost.
    { source: "000", year: 2014, cost: 1133001, principal: 283250n, state: 849751n, share: "0.25" },
    // 0.25 × 3 = 0.75 (state 2.25): the principals' remainder is larger.
    { source: "000", year: 2014, cost: 3, principal: 1n, state: 2n, share: "0.25" },
    // 0.5 × 1 = 0.5 each: an equal remainder goes to the state.
    { source: "000", year: 2015, cost: 1, principal: 0n, state: 1n, share: "0.5" },
    { source: "000", year: 2014, cost: 0, principal: 0n, state: 0n, share: "0.25" },
  ])("$source: $cost kr in $year → principal $principal, state $state", ({ year, cost, principal, state, share }) => {
    const r = takeOver(cost, year, schedule);
    expect(r).toEqual({ principal, state, share });
    expect(r.principal + r.state).toBe(BigInt(cost));
  });

  test("the schedule's order does not matter", () => {
    expect(takeOver(1133000, 2015, [...schedule].reverse())).toEqual({ principal: 566500n, state: 566500n, share: "0.5" });
  });

  test("2013 is before the schedule → StimError", () => {
    const e = stimError(() => takeOver(1133000, 2013, schedule));
    expect(e.message).toContain("2013");
    expect(e.message).toContain("2014");
  });

  test("empty schedule → StimError", () => {
    expect(stimError(() => takeOver(1000, 2014, [])).message).toContain("saknas");
  });

  test.each([{ cost: -1 }, { cost: 100.5 }, { cost: "abc" }])("cost $cost → StimError", ({ cost }) => {
    expect(stimError(() => takeOver(cost, 2014, schedule)).field).toBe("kostnad");
  });

  describe("new financing model (000): state base funding four years, then 75 % in year five and 50 % in year six", () => {
    // Expressed as the principal's share: 0 in years 1–4, 25 % in year 5,
    // 50 % in year 6, so the state's part is 100 %, 75 %, 50 %.
    const model = [
      { year: 1, share: "0" },
      { year: 5, share: "0.25" },
      { year: 6, share: "0.5" },
    ];
    test.each([
      { year: 1, state: 1000000n, principal: 0n },
      { year: 4, state: 1000000n, principal: 0n },
      { year: 5, state: 750000n, principal: 250000n },
      { year: 6, state: 500000n, principal: 500000n },
    ])("year $year: state $state of 1 000 000", ({ year, state, principal }) => {
      const r = takeOver(1000000, year, model);
      expect(r.state).toBe(state);
      expect(r.principal).toBe(principal);
    });

    test("year 5 with an odd cost: the state pays at least its 75 %", () => {
      // 0.25 × 1 000 001 = 250 000.25 → principal 250 000, state 750 001 ≥ 750 000.75.
      expect(takeOver(1000001, 5, model)).toEqual({ principal: 250000n, state: 750001n, share: "0.25" });
    });
  });
});

describe("cofinancingMet: eHälsa, own contribution at least the state grant (000)", () => {
  test.each([
    { grant: 1000, own: 999, ratio: "1", met: false, required: "1000" },
    { grant: 1000, own: 1000, ratio: "1", met: true, required: "1000" },
    { grant: 1000, own: 1001, ratio: "1", met: true, required: "1000" },
    { grant: 1000, own: 499, ratio: "0.5", met: false, required: "500" },
    { grant: 1000, own: 500, ratio: "0.5", met: true, required: "500" },
    { grant: 0, own: 0, ratio: "1", met: true, required: "0" },
    { grant: "10 000 000", own: "9 999 999", ratio: "1", met: false, required: "10000000" },
  ])("grant $grant, own $own, ratio $ratio → $met", ({ grant, own, ratio, met, required }) => {
    const r = cofinancingMet(grant, own, ratio);
    expect(r.met).toBe(met);
    expect(r.requiredKronor.toString()).toBe(required);
  });

  test.each([
    { grant: -1, own: 0, field: "statsbidrag" },
    { grant: 1000, own: "mycket", field: "egen insats" },
    { grant: 1000.5, own: 2000, field: "statsbidrag" },
  ])("bad amounts → StimError on $field", ({ grant, own, field }) => {
    expect(stimError(() => cofinancingMet(grant, own, "1")).field).toBe(field);
  });
});
