/**
 * allocate / splitAmount / parseShare: hand-computed cases. Each expected
 * value is worked out in the comment next to it from pot × key / Σkey.
 */
import { allocate, AllocateOptions, fraction, Method, parseKeys, parseShare, splitAmount } from "../src/core/allocate";
import { StimError } from "../src/core/errors";
import { stimError } from "./support/stim-error";


const big = (xs: number[]): bigint[] => xs.map((x) => BigInt(x));

describe("allocate, largest remainder: hand-computed shares", () => {
  const cases: {
    name: string;
    pot: unknown;
    keys: unknown[];
    options?: AllocateOptions;
    amounts: number[];
    leftover: number;
    extras: number[];
    tieBreaks: { winner: number; loser: number; by: "key" | "id" | "position" }[];
  }[] = [
    {
      // 100/3 = 33 r 1 for everyone; 1 krona left; equal remainders and
      // equal keys → the earliest row (position 0) wins over rows 1 and 2.
      name: "100 over [1,1,1] → [34,33,33], position decides",
      pot: 100,
      keys: [1, 1, 1],
      amounts: [34, 33, 33],
      leftover: 1,
      extras: [0],
      tieBreaks: [
        { winner: 0, loser: 1, by: "position" },
        { winner: 0, loser: 2, by: "position" },
      ],
    },
    {
      // Same quotas, but with recipient codes the lowest code ("a", row 2)
      // wins; losers are listed best first ("b" before "c").
      name: "100 over [1,1,1] with ids [c,b,a] → 'a' wins by id",
      pot: 100,
      keys: [1, 1, 1],
      options: { ids: ["c", "b", "a"] },
      amounts: [33, 33, 34],
      leftover: 1,
      extras: [2],
      tieBreaks: [
        { winner: 2, loser: 1, by: "id" },
        { winner: 2, loser: 0, by: "id" },
      ],
    },
    {
      // 10·1/3 = 3 r 1, 10·2/3 = 6 r 2 → the krona left goes to the larger
      // remainder (row 1): no tie.
      name: "10 over [1,2] → [3,7]",
      pot: 10,
      keys: [1, 2],
      amounts: [3, 7],
      leftover: 1,
      extras: [1],
      tieBreaks: [],
    },
    {
      // 1·1/2 = 0 r 1 each; one krona; equal keys → position.
      name: "1 over [1,1] → [1,0], position decides",
      pot: 1,
      keys: [1, 1],
      amounts: [1, 0],
      leftover: 1,
      extras: [0],
      tieBreaks: [{ winner: 0, loser: 1, by: "position" }],
    },
    {
      // Σk = 4: 2·1/4 = 0 r 2, 2·1/4 = 0 r 2, 2·2/4 = 1 r 0; one krona left
      // between rows 0 and 1 (equal remainders, equal keys) → position.
      name: "2 over [1,1,2] → [1,0,1], position decides",
      pot: 2,
      keys: [1, 1, 2],
      amounts: [1, 0, 1],
      leftover: 1,
      extras: [0],
      tieBreaks: [{ winner: 0, loser: 1, by: "position" }],
    },
    {
      // Σk = 4: 2·1/4 = 0 r 2 (quota 0.5), 2·3/4 = 1 r 2 (quota 1.5). Equal
      // remainders, one krona left → the larger key (row 1) wins although
      // it comes later.
      name: "2 over [1,3] → [0,2], larger key wins the tie",
      pot: 2,
      keys: [1, 3],
      amounts: [0, 2],
      leftover: 1,
      extras: [1],
      tieBreaks: [{ winner: 1, loser: 0, by: "key" }],
    },
    {
      // Mirror of the case above: the larger key still wins (now row 0).
      name: "2 over [3,1] → [2,0], larger key wins the tie",
      pot: 2,
      keys: [3, 1],
      amounts: [2, 0],
      leftover: 1,
      extras: [0],
      tieBreaks: [{ winner: 0, loser: 1, by: "key" }],
    },
    {
      // Key wins over id: "z" has the larger key, so it beats "a".
      name: "2 over [1,3] with ids [a,z] → key beats id",
      pot: 2,
      keys: [1, 3],
      options: { ids: ["a", "z"] },
      amounts: [0, 2],
      leftover: 1,
      extras: [1],
      tieBreaks: [{ winner: 1, loser: 0, by: "key" }],
    },
    {
      // Σk = 6: 3·1/6 = 0 r 3, 3·3/6 = 1 r 3, 3·2/6 = 1 r 0; one krona
      // between rows 0 and 1 (remainder 3 each) → larger key, row 1.
      name: "3 over [1,3,2] → [0,2,1]",
      pot: 3,
      keys: [1, 3, 2],
      amounts: [0, 2, 1],
      leftover: 1,
      extras: [1],
      tieBreaks: [{ winner: 1, loser: 0, by: "key" }],
    },
    {
      // Σk = 7: 100·1/7 = 14 r 2, 100·2/7 = 28 r 4, 100·4/7 = 57 r 1.
      // Floors 99, one krona → largest remainder (row 1).
      name: "100 over [1,2,4] → [14,29,57]",
      pot: 100,
      keys: [1, 2, 4],
      amounts: [14, 29, 57],
      leftover: 1,
      extras: [1],
      tieBreaks: [],
    },
    {
      // Ineligible row 1 gets 0; the pot is shared by rows 0 and 2 (1:1):
      // 101/2 = 50 r 1 each → position decides, row 0 wins over row 2.
      name: "ineligible row gets 0, the rest share the whole pot",
      pot: 101,
      keys: [1, 5, 1],
      options: { eligible: [true, false, true] },
      amounts: [51, 0, 50],
      leftover: 1,
      extras: [0],
      tieBreaks: [{ winner: 0, loser: 2, by: "position" }],
    },
    {
      // Zero key gets nothing even when it is eligible.
      name: "zero key gets 0",
      pot: 10,
      keys: [0, 1, 1],
      amounts: [0, 5, 5],
      leftover: 0,
      extras: [],
      tieBreaks: [],
    },
    {
      // Decimal keys 1.5 : 0.5 = 3 : 1 of 9 → 6.75 / 2.25 → floors 6, 2,
      // remainders .75/.25 → row 0 gets the krona left.
      name: "decimal keys [1.5, '0.5'] of 9 → [7, 2]",
      pot: 9,
      keys: [1.5, "0.5"],
      amounts: [7, 2],
      leftover: 1,
      extras: [0],
      tieBreaks: [],
    },
    {
      // Pot given as a bigint, a numeric string and with spaces.
      name: "pot as text with thousands separators",
      pot: "1 000 000",
      keys: [1, 1, 2],
      amounts: [250000, 250000, 500000],
      leftover: 0,
      extras: [],
      tieBreaks: [],
    },
    {
      // Three kronor over five equal keys (0.6 each): rows 0–2 win, rows 3–4
      // lose; every winner/loser pair with the cut-off remainder is recorded.
      name: "3 over five equal keys → first three win",
      pot: 3,
      keys: [1, 1, 1, 1, 1],
      amounts: [1, 1, 1, 0, 0],
      leftover: 3,
      extras: [0, 1, 2],
      tieBreaks: [
        { winner: 0, loser: 3, by: "position" },
        { winner: 0, loser: 4, by: "position" },
        { winner: 1, loser: 3, by: "position" },
        { winner: 1, loser: 4, by: "position" },
        { winner: 2, loser: 3, by: "position" },
        { winner: 2, loser: 4, by: "position" },
      ],
    },
  ];

  test.each(cases)("$name", ({ pot, keys, options, amounts, leftover, extras, tieBreaks }) => {
    const a = allocate(pot, keys, options);
    expect(a.method).toBe("largest-remainder");
    expect(a.amounts).toEqual(big(amounts));
    expect(a.amounts.reduce((s, x) => s + x, 0n)).toBe(a.pot);
    expect(a.allocated).toBe(a.pot);
    expect(a.unallocated).toBe(0n);
    expect(a.difference).toBe(0n);
    expect(a.leftover).toBe(BigInt(leftover));
    expect(a.extras).toEqual(extras);
    expect(a.tieBreaks).toEqual(tieBreaks);
  });

  test("pot given as bigint", () => {
    expect(allocate(10n ** 15n + 1n, [1, 1]).amounts).toEqual([10n ** 15n / 2n + 1n, 10n ** 15n / 2n]);
  });

  test("pot 0 → all zero, nothing unallocated", () => {
    for (const method of ["largest-remainder", "round", "exact"] as Method[]) {
      const a = allocate(0, [1, 2, 3], { method });
      expect(a.amounts).toEqual([0n, 0n, 0n]);
      expect(a.allocated).toBe(0n);
      expect(a.unallocated).toBe(0n);
      expect(a.difference).toBe(0n);
    }
  });

  test("no eligible recipient with a positive key → all unallocated", () => {
    const a = allocate(500, [0, 3], { eligible: [true, false] });
    expect(a.amounts).toEqual([0n, 0n]);
    expect(a.allocated).toBe(0n);
    expect(a.unallocated).toBe(500n);
    const empty = allocate(500, []);
    expect(empty.amounts).toEqual([]);
    expect(empty.unallocated).toBe(500n);
  });
});

describe("allocate, round mode (each row rounded half-up, Σ may differ from pot)", () => {
  const cases: { name: string; pot: number; keys: number[]; amounts: number[]; difference: number }[] = [
    // 33.33… each → 33; Σ 99 → difference −1.
    { name: "100 over [1,1,1]", pot: 100, keys: [1, 1, 1], amounts: [33, 33, 33], difference: -1 },
    // 0.5 each → half-up 1 each; Σ 4 → difference +2.
    { name: "2 over [1,1,1,1]", pot: 2, keys: [1, 1, 1, 1], amounts: [1, 1, 1, 1], difference: 2 },
    // 3.333… → 3, 6.666… → 7; Σ 10 → 0.
    { name: "10 over [1,2]", pot: 10, keys: [1, 2], amounts: [3, 7], difference: 0 },
    // 0.5 and 1.5 → 1 and 2 (half-up, not banker's): Σ 3 → +1.
    { name: "2 over [1,3]", pot: 2, keys: [1, 3], amounts: [1, 2], difference: 1 },
    // 2.5 each → 3 each (half-up, not to even): Σ 6 → +1.
    { name: "5 over [1,1]", pot: 5, keys: [1, 1], amounts: [3, 3], difference: 1 },
  ];
  test.each(cases)("$name", ({ pot, keys, amounts, difference }) => {
    const a = allocate(pot, keys, { method: "round" });
    expect(a.method).toBe("round");
    expect(a.amounts).toEqual(big(amounts));
    expect(a.difference).toBe(BigInt(difference));
    expect(a.allocated).toBe(BigInt(pot + difference));
    expect(a.unallocated).toBe(0n);
    expect(a.extras).toEqual([]);
    expect(a.tieBreaks).toEqual([]);
  });
});

describe("allocate, exact mode", () => {
  test("100/3 → 33.333333333333 (12 decimals, not terminating), 100/3 as a fraction", () => {
    const a = allocate(100, [1, 1, 1], { method: "exact" });
    expect(a.amounts).toEqual([33n, 33n, 33n]); // floors
    expect(a.allocated).toBe(100n);
    expect(a.unallocated).toBe(0n);
    expect(a.exact).toHaveLength(3);
    for (const e of a.exact!) {
      expect(e).toEqual({ numerator: 100n, denominator: 3n, text: "33.333333333333", terminating: false });
    }
  });

  test("10 over [1,3] → 2.5 and 7.5, terminating, reduced", () => {
    const a = allocate(10, [1, 3], { method: "exact" });
    expect(a.exact).toEqual([
      { numerator: 5n, denominator: 2n, text: "2.5", terminating: true },
      { numerator: 15n, denominator: 2n, text: "7.5", terminating: true },
    ]);
    expect(a.amounts).toEqual([2n, 7n]);
  });

  test("zero key and ineligible rows → 0/1", () => {
    const a = allocate(7, [0, 1, 1], { method: "exact", eligible: [true, true, false] });
    expect(a.exact).toEqual([
      { numerator: 0n, denominator: 1n, text: "0", terminating: true },
      { numerator: 7n, denominator: 1n, text: "7", terminating: true },
      { numerator: 0n, denominator: 1n, text: "0", terminating: true },
    ]);
  });

  test("fraction(): 1/8 terminates, 1/7 does not", () => {
    expect(fraction(1n, 8n)).toEqual({ numerator: 1n, denominator: 8n, text: "0.125", terminating: true });
    expect(fraction(2n, 14n)).toEqual({ numerator: 1n, denominator: 7n, text: "0.142857142857", terminating: false });
    expect(fraction(0n, 5n)).toEqual({ numerator: 0n, denominator: 1n, text: "0", terminating: true });
  });
});

describe("allocate: bad input → StimError with a Swedish message", () => {
  test("eligible of another length: 'olika längd (3 mot 2 rader)'", () => {
    const e = stimError(() => allocate(100, [1, 2, 3], { eligible: [true, false] }));
    expect(e.message).toContain("olika längd (3 mot 2 rader)");
    expect(e.field).toBe("eligible");
  });

  test("ids of another length", () => {
    expect(stimError(() => allocate(100, [1, 2, 3], { ids: ["a", "b"] })).message).toContain("olika längd (3 mot 2 rader)");
  });

  test("duplicate ids name both rows", () => {
    const e = stimError(() => allocate(100, [1, 2, 3], { ids: ["0180", "1480", "0180"] }));
    expect(e.message).toContain('"0180"');
    expect(e.message).toContain("rad 1 och 3");
  });

  const badPots: { name: string; pot: unknown; needle: string }[] = [
    { name: "negative pot", pot: -1, needle: "negativt" },
    { name: "negative pot as bigint", pot: -5n, needle: "negativt" },
    { name: "pot with öre 100.5", pot: 100.5, needle: "hela kronor utan ören" },
    { name: "pot '100,50' (a comma is not read as a decimal point)", pot: "100,50", needle: "hela kronor" },
    { name: "pot 'abc'", pot: "abc", needle: 'texten "abc"' },
    { name: "pot NaN", pot: NaN, needle: "NaN" },
    { name: "pot Infinity", pot: Infinity, needle: "oändligt" },
    { name: "pot empty text", pot: "", needle: "tom text" },
    { name: "pot null", pot: null, needle: "tomt värde" },
    { name: "pot undefined", pot: undefined, needle: "inget värde" },
  ];
  test.each(badPots)("$name", ({ pot, needle }) => {
    const e = stimError(() => allocate(pot, [1, 1]));
    expect(e.message).toContain("pot");
    expect(e.message).toContain(needle);
    expect(e.field).toBe("pot");
  });

  const badKeys: { name: string; keys: unknown[]; needle: string[] }[] = [
    { name: "NaN key in row 2", keys: [1, NaN, 1], needle: ["rad 2", "inte ett tal", "NaN"] },
    { name: "negative key in row 2", keys: [1, -1, 1], needle: ["rad 2", "negativ", "≥ 0"] },
    { name: "negative key as text in row 3", keys: [1, 2, "-0.5"], needle: ["rad 3", "negativ"] },
    { name: "key 'text' in row 2", keys: [1, "text", 1], needle: ["rad 2", 'texten "text"'] },
    { name: "Infinity key in row 1", keys: [Infinity, 1], needle: ["rad 1", "oändligt"] },
    { name: "-Infinity key in row 2", keys: [1, -Infinity], needle: ["rad 2", "minus oändligt"] },
    { name: "null key in row 2", keys: [1, null], needle: ["rad 2", "tomt värde"] },
    { name: "boolean key in row 2", keys: [1, true], needle: ["rad 2", "SANT"] },
  ];
  test.each(badKeys)("$name", ({ keys, needle }) => {
    const e = stimError(() => allocate(100, keys));
    for (const n of needle) expect(e.message).toContain(n);
    expect(e.field).toBe("keys");
  });

  test("keys that are not a list", () => {
    expect(stimError(() => parseKeys("1,2" as unknown as unknown[])).message).toContain("lista");
  });

  test("method 'foo' lists the valid methods", () => {
    const e = stimError(() => allocate(100, [1, 1], { method: "foo" as Method }));
    expect(e.message).toContain("largest-remainder, round, exact");
    expect(e.message).toContain('"foo"');
  });
});

describe("parseKeys: exact decimals to a common integer scale", () => {
  test.each([
    { keys: [1, 2, 3], want: [1n, 2n, 3n] },
    { keys: ["1.5", 2], want: [15n, 20n] },
    { keys: [0.1, 0.2], want: [1n, 2n] }, // no float noise: 0.1 is read as "0.1"
    { keys: ["1 500", "2e3"], want: [1500n, 2000n] },
    { keys: [7n, "0.25"], want: [700n, 25n] },
    { keys: [], want: [] },
  ])("$keys → $want", ({ keys, want }) => {
    expect(parseKeys(keys)).toEqual(want);
  });
});

describe("splitAmount: 70/30 kommun/landsting split (002 §5.3)", () => {
  const cases: { amount: bigint; shares: string[]; want: bigint[]; why: string }[] = [
    { amount: 1n, shares: ["0.7", "0.3"], want: [1n, 0n], why: "0.7 vs 0.3: larger remainder" },
    { amount: 10n, shares: ["0.7", "0.3"], want: [7n, 3n], why: "exact" },
    { amount: 5n, shares: ["0.7", "0.3"], want: [4n, 1n], why: "3.5 vs 1.5: equal remainders .5 → the kommun part (first, larger) wins" },
    { amount: 0n, shares: ["0.7", "0.3"], want: [0n, 0n], why: "nothing to split" },
    { amount: 50_000_000n, shares: ["0.7", "0.3"], want: [35_000_000n, 15_000_000n], why: "palliative tier 1 pot" },
    { amount: 3n, shares: ["0.5", "0.5"], want: [2n, 1n], why: "1.5 each, equal keys → earlier part" },
    { amount: 1n, shares: ["0.70", "0.3"], want: [1n, 0n], why: "mixed scales" },
    { amount: 7n, shares: ["0.25", "0.25", "0.5"], want: [2n, 2n, 3n], why: "1.75, 1.75, 3.5: .75 remainders win" },
    { amount: 100n, shares: ["1"], want: [100n], why: "one part" },
    // The doc comment of splitAmount says "ties go to the earlier part"; in
    // fact the larger share wins a tie first (allocate's rule), and position
    // only decides between equal shares: 1.5 vs 3.5 → the later, larger part.
    { amount: 5n, shares: ["0.3", "0.7"], want: [1n, 4n], why: "equal remainders .5 → the larger part wins, even when later" },
  ];
  test.each(cases)("splitAmount($amount, $shares) → $want ($why)", ({ amount, shares, want }) => {
    const parts = splitAmount(amount, shares);
    expect(parts).toEqual(want);
    expect(parts.reduce((s, x) => s + x, 0n)).toBe(amount);
  });

  test.each([
    { shares: ["0.7", "0.2"], needle: "100 %" },
    { shares: ["0.7", "0.4"], needle: "100 %" },
    { shares: ["70", "30"], needle: "100 %" },
    { shares: [], needle: "100 %" },
  ])("shares $shares not summing to 1 → StimError", ({ shares, needle }) => {
    expect(stimError(() => splitAmount(10n, shares)).message).toContain(needle);
  });

  test.each([{ shares: ["0.7", "x"] }, { shares: ["1.3", "-0.3"] }])("invalid share $shares → StimError naming the part", ({ shares }) => {
    expect(stimError(() => splitAmount(10n, shares)).message).toContain("Andel 2");
  });
});

describe("parseShare: a user's share as a decimal string", () => {
  const ok: { input: unknown; allowWholePercent: boolean; want: string }[] = [
    { input: 0.9, allowWholePercent: false, want: "0.9" },
    { input: "0.9", allowWholePercent: false, want: "0.9" },
    { input: "0,9", allowWholePercent: false, want: "0.9" },
    { input: "90 %", allowWholePercent: false, want: "0.9" },
    { input: "90%", allowWholePercent: false, want: "0.9" },
    { input: "90\u00a0%", allowWholePercent: false, want: "0.9" },
    { input: "92,5 %", allowWholePercent: false, want: "0.925" },
    { input: "100 %", allowWholePercent: false, want: "1" },
    { input: "0 %", allowWholePercent: false, want: "0" },
    { input: 1, allowWholePercent: false, want: "1" },
    { input: 0, allowWholePercent: false, want: "0" },
    { input: "0.70", allowWholePercent: false, want: "0.7" },
    { input: 90, allowWholePercent: true, want: "0.9" },
    { input: "92.5", allowWholePercent: true, want: "0.925" },
    { input: 100, allowWholePercent: true, want: "1" },
    { input: 0.7, allowWholePercent: true, want: "0.7" }, // ≤ 1 stays a share
  ];
  test.each(ok)("$input (allowWholePercent: $allowWholePercent) → $want", ({ input, allowWholePercent, want }) => {
    expect(parseShare(input, "andel", allowWholePercent)).toBe(want);
  });

  const bad: { input: unknown; allowWholePercent: boolean; needle: string }[] = [
    { input: 90, allowWholePercent: false, needle: "%" }, // ambiguous: 90 or 0.9?
    { input: "90", allowWholePercent: false, needle: "%" },
    { input: 101, allowWholePercent: true, needle: "%" },
    { input: -0.1, allowWholePercent: false, needle: "negativ" },
    { input: "abc", allowWholePercent: false, needle: 'texten "abc"' },
    { input: "150 %", allowWholePercent: false, needle: "högst 100 %" },
    { input: "-5 %", allowWholePercent: false, needle: "mellan 0 och 100 %" },
    { input: "x %", allowWholePercent: false, needle: "mellan 0 och 100 %" },
    { input: NaN, allowWholePercent: false, needle: "NaN" },
    { input: null, allowWholePercent: false, needle: "tomt värde" },
  ];
  test.each(bad)("$input (allowWholePercent: $allowWholePercent) → StimError", ({ input, allowWholePercent, needle }) => {
    const e = stimError(() => parseShare(input, "andel", allowWholePercent));
    expect(e.message).toContain("andel");
    expect(e.message).toContain(needle);
    expect(e.field).toBe("andel");
  });
});

/*
 * Known defects in src (these tests fail until src is fixed; see the
 * report). They pin the contract: bad input → StimError, never a wrong sum
 * and never a crash.
 */
describe("contract at the edges (currently failing: bugs in src)", () => {
  test("splitAmount with a negative amount: refused, or parts summing to it", () => {
    // src/core/allocate.ts splitAmount does not validate `amount`; with
    // −5n, BigInt division truncates toward zero (floors −3, −1, remainders
    // −5, −5), leftover = −1, selectTop(order, −1) picks nobody, and the
    // parts [−3n, −1n] sum to −4, not −5.
    let parts: bigint[];
    try {
      parts = splitAmount(-5n, ["0.7", "0.3"]);
    } catch (e) {
      expect(e).toBeInstanceOf(StimError);
      return;
    }
    expect(parts.reduce((s, x) => s + x, 0n)).toBe(-5n);
  });

  test.each([
    { name: "key with a huge exponent", run: () => allocate(100, [1, "1e600000000"]) },
    { name: "pot with a huge exponent", run: () => allocate("1e600000000", [1, 1]) },
    { name: "share with a huge exponent", run: () => parseShare("1e-600000000", "andel") },
  ])("$name → StimError, not a RangeError", ({ run }) => {
    // src/core/exact.ts parseScaled accepts any exponent. For "1e600000000"
    // it pads the digits with "0".repeat(6e8) → RangeError: Invalid string
    // length; parseShare's scaledToString does the same padStart for
    // "1e-600000000". With a large negative exponent in a key
    // ("1e-99999999999") toCommonScale → pow10() instead loops until the
    // process dies of heap exhaustion, so that case is not run here.
    stimError(run);
  });
});
