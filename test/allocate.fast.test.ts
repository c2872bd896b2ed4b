/**
 * The fast allocator (typed arrays, selection, three arithmetic paths) gives
 * exactly what the textbook exact allocator gives (BigInt, one full sort:
 * bench/baselines.ts) and what an independent reference in exact fractions
 * gives — amounts, the rows that got an extra krona and the recorded
 * tie-breaks — in more than 5 000 random cases: all-tied keys, huge pots
 * (up to 10^20 kr, given as text), keys with decimals, zero keys, masks,
 * codes, and the adversarial orders (increasing, decreasing).
 */
import fc from "fast-check";
import { allocate, Allocation, AllocateOptions } from "../src/core/allocate";
import { selectNth, selectNthBy } from "../src/core/select";
import { textbookExact, TextbookTie } from "../bench/baselines";

jest.setTimeout(300_000);

// ------------------------------------------------ the fraction reference

/** A non-negative fraction n/d, d > 0, reduced. */
interface Frac {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function frac(n: bigint, d: bigint): Frac {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

const add = (a: Frac, b: Frac): Frac => frac(a.n * b.d + b.n * a.d, a.d * b.d);
/** −1, 0, 1 as a <, =, > b (cross-multiplication; no common scale). */
const cmpFrac = (a: Frac, b: Frac): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** "12.345" → 12345/1000, read digit by digit here (not through src/core/exact). */
function decimal(text: string): Frac {
  const [i, f = ""] = text.split(".");
  return frac(BigInt(i + f), 10n ** BigInt(f.length));
}

/**
 * Hamilton's method on fractions: each row's quota pot·k/Σk as its own
 * reduced fraction, the floor of each, then the rows ranked by fractional
 * part (↓), key (↓), code (↑) or row (↑); the first `pot − Σ floors` get a
 * krona. Ties recorded as the rule states: the last 20 winners with the
 * cut-off fractional part against the first 20 losers with it.
 */
function fractionReference(pot: bigint, keys: Frac[], ids?: string[]): { amounts: bigint[]; extras: number[]; tieBreaks: TextbookTie[] } {
  const n = keys.length;
  const total = keys.reduce(add, frac(0n, 1n));
  if (total.n === 0n || pot === 0n) return { amounts: keys.map(() => 0n), extras: [], tieBreaks: [] };
  const quota = keys.map((k) => frac(pot * k.n * total.d, k.d * total.n));
  const amounts = quota.map((q) => q.n / q.d);
  const part = quota.map((q, i) => frac(q.n - amounts[i] * q.d, q.d));
  const left = Number(pot - amounts.reduce((s, x) => s + x, 0n));
  const rank = (a: number, b: number): number =>
    cmpFrac(part[b], part[a]) || cmpFrac(keys[b], keys[a]) || (ids ? (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0) : a - b);
  const ranked = [...Array(n).keys()].filter((i) => part[i].n > 0n).sort(rank);
  const winners = ranked.slice(0, left);
  for (const i of winners) amounts[i] += 1n;
  const tieBreaks: TextbookTie[] = [];
  if (left > 0) {
    const cut = part[winners[left - 1]];
    const w = winners.filter((i) => cmpFrac(part[i], cut) === 0).slice(-20);
    const l = ranked.slice(left).filter((i) => cmpFrac(part[i], cut) === 0).slice(0, 20);
    for (const a of w) for (const b of l) tieBreaks.push({ winner: a, loser: b, by: cmpFrac(keys[a], keys[b]) !== 0 ? "key" : ids ? "id" : "position" });
  }
  return { amounts, extras: [...winners].sort((a, b) => a - b), tieBreaks };
}

// ------------------------------------------------------------- generators

type KeyStyle = "tiny" | "large" | "tied" | "decimals" | "huge" | "bigint";

interface Case {
  pot: bigint;
  potAs: "bigint" | "string" | "number";
  style: KeyStyle;
  /** Keys as given to allocate: numbers, decimal text or bigints. */
  keys: (number | string | bigint)[];
  eligible?: boolean[];
  ids?: string[];
  order: "as generated" | "increasing" | "decreasing";
}

const potArb = fc.oneof(
  fc.bigInt(0n, 20n),
  fc.bigInt(0n, 1_000_000n),
  fc.bigInt(0n, 10n ** 12n),
  fc.bigInt(10n ** 15n, 10n ** 20n), // huge pots, given as text below
);

const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([m, d]) => {
    if (d === 0) return String(m);
    const s = String(m).padStart(d + 1, "0");
    return `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
  });

function keysArb(style: KeyStyle, max: number, size: fc.SizeForArbitrary): fc.Arbitrary<(number | string | bigint)[]> {
  const zeroOr = <T>(a: fc.Arbitrary<T>, zero: T) => fc.oneof({ weight: 1, arbitrary: fc.constant(zero) }, { weight: 4, arbitrary: a });
  switch (style) {
    case "tiny":
      return fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: max, size });
    case "large":
      return fc.array(zeroOr(fc.integer({ min: 1, max: 1_000_000_000 }), 0), { maxLength: max, size });
    case "tied":
      return fc
        .tuple(
          fc.integer({ min: 1, max: 1000 }),
          fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 9, arbitrary: fc.constant(false) }), { maxLength: max, size }),
        )
        .map(([k, zero]) => zero.map((z) => (z ? 0 : k)));
    case "decimals":
      return fc.array(zeroOr(decimalText, "0"), { maxLength: max, size });
    case "huge":
      // Sums beyond 2^53 with few rows: the BigInt path.
      return fc.array(zeroOr(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), 0), { maxLength: max, size });
    case "bigint":
      return fc.array(zeroOr(fc.bigInt(1n, 10n ** 20n), 0n), { maxLength: max, size });
  }
}

/** Cases of up to `maxRows` rows; `size` "max" spreads the lengths over the whole range. */
function caseArb(maxRows: number, size: fc.SizeForArbitrary = "small"): fc.Arbitrary<Case> {
  return fc
    .record({
      pot: potArb,
      potAs: fc.constantFrom<Case["potAs"]>("bigint", "string", "number"),
      style: fc.constantFrom<KeyStyle>("tiny", "tiny", "large", "tied", "tied", "decimals", "huge", "bigint"),
      order: fc.constantFrom<Case["order"]>("as generated", "increasing", "decreasing"),
      mask: fc.boolean(),
      codes: fc.boolean(),
      seed: fc.integer(),
    })
    .chain((c) =>
      keysArb(c.style, maxRows, size).chain((keys) =>
        fc.record({
          eligible: c.mask ? fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: keys.length, maxLength: keys.length }) : fc.constant(undefined),
        }).map(({ eligible }) => {
          // Unique codes whose order is unrelated to the rows' (never plain digits, so no kommun codes).
          const ids = c.codes ? keys.map((_, i) => `${((Math.imul(i + 1, 2654435761) ^ c.seed) >>> 0).toString(36)}·${i}`) : undefined;
          const value = (k: number | string | bigint) => (typeof k === "string" ? Number(k) : Number(k));
          const idx = [...keys.keys()];
          if (c.order !== "as generated") idx.sort((a, b) => (value(keys[a]) - value(keys[b])) * (c.order === "increasing" ? 1 : -1) || a - b);
          return {
            pot: c.pot,
            potAs: c.potAs,
            style: c.style,
            order: c.order,
            keys: idx.map((i) => keys[i]),
            eligible: eligible && idx.map((i) => eligible[i]),
            ids: ids && idx.map((i) => ids[i]),
          };
        }),
      ),
    );
}

// ------------------------------------------------------------ the checks

function potArg(c: Case): unknown {
  if (c.potAs === "string" || c.pot > BigInt(Number.MAX_SAFE_INTEGER)) return c.pot.toString();
  return c.potAs === "number" ? Number(c.pot) : c.pot;
}

function keyFrac(k: number | string | bigint): Frac {
  return typeof k === "bigint" ? frac(k, 1n) : decimal(String(k));
}

/** The keys as integers on one scale, for the textbook (which takes integers). */
function scaledInts(keys: Frac[]): bigint[] {
  const scale = keys.reduce((m, k) => (m * k.d) / gcd(m, k.d), 1n); // lcm: scaling every key alike changes nothing
  return keys.map((k) => (k.n * scale) / k.d);
}

const paths = { numbers: 0, "bigint per row": 0, bigint: 0 };

function pathOf(pot: bigint, ints: bigint[]): keyof typeof paths {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  const total = ints.reduce((s, x) => s + x, 0n);
  if (total > max || ints.some((k) => k > max)) return "bigint";
  if (total === 0n) return "numbers";
  const top = ints.reduce((m, k) => (k > m ? k : m), 0n);
  return (pot % total) * top <= max ? "numbers" : "bigint per row";
}

function check(c: Case): void {
  const got: Allocation = allocate(potArg(c), c.keys, { eligible: c.eligible, ids: c.ids });
  const fr = c.keys.map((k, i) => (c.eligible && !c.eligible[i] ? frac(0n, 1n) : keyFrac(k)));
  const ints = scaledInts(fr);
  paths[pathOf(c.pot, ints)]++;
  const book = textbookExact(c.pot, ints, c.ids);
  const ref = fractionReference(c.pot, fr, c.ids);
  expect(got.amounts).toEqual(book.amounts);
  expect(got.extras).toEqual(book.extras);
  expect(got.tieBreaks).toEqual(book.tieBreaks);
  expect(got.amounts).toEqual(ref.amounts);
  expect(got.extras).toEqual(ref.extras);
  expect(got.tieBreaks).toEqual(ref.tieBreaks);
}

/** Round and exact on the same inputs (every arithmetic path), against their formulas. */
function checkOtherMethods(c: Case): void {
  const options: AllocateOptions = { eligible: c.eligible, ids: c.ids };
  const ints = scaledInts(c.keys.map((k, i) => (c.eligible && !c.eligible[i] ? frac(0n, 1n) : keyFrac(k))));
  const total = ints.reduce((s, x) => s + x, 0n);
  const round = allocate(potArg(c), c.keys, { ...options, method: "round" });
  const exact = allocate(potArg(c), c.keys, { ...options, method: "exact" });
  ints.forEach((k, i) => {
    if (total === 0n) {
      expect(round.amounts[i]).toBe(0n);
      return;
    }
    expect(round.amounts[i]).toBe((2n * c.pot * k + total) / (2n * total));
    expect(exact.amounts[i]).toBe((c.pot * k) / total);
    expect(exact.exact![i].numerator * total).toBe(exact.exact![i].denominator * c.pot * k);
  });
}

describe("fast allocator = textbook exact allocator = fraction reference (5 050 random cases)", () => {
  test("3 000 cases of up to 10 rows (all key styles, masks, codes, huge pots as text, sorted orders)", () => {
    fc.assert(fc.property(caseArb(10), (c) => check(c)), { numRuns: 3_000 });
  });

  test("900 cases of up to 60 rows", () => {
    fc.assert(fc.property(caseArb(60, "medium"), (c) => check(c)), { numRuns: 900 });
  });

  test("1 000 cases of at most 6 rows (where ties and zeros are densest)", () => {
    fc.assert(fc.property(caseArb(6), (c) => check(c)), { numRuns: 1_000 });
  });

  test("150 cases of up to 300 rows, lengths spread over the range (deeper selections)", () => {
    fc.assert(fc.property(caseArb(300, "max"), (c) => check(c)), { numRuns: 150 });
  });

  test("round and exact on 500 cases: half-up quotas and exact fractions on every path", () => {
    fc.assert(fc.property(caseArb(10), (c) => checkOtherMethods(c)), { numRuns: 500 });
  });

  afterAll(() => {
    // Every arithmetic path was taken many times.
    expect(paths.numbers).toBeGreaterThan(1000);
    expect(paths["bigint per row"]).toBeGreaterThan(200);
    expect(paths.bigint).toBeGreaterThan(200);
  });
});

describe("adversarial orders at scale (20 000 rows) = textbook", () => {
  const n = 20_000;
  let x = 42;
  const random = Array.from({ length: n }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return 2000 + (x % 900_000);
  });
  const increasing = [...random].sort((a, b) => a - b);
  const odd = random.map((k) => 2 * (k % 1000) + 1); // n even: Σ even, pot Σ/2 → every quota ends in ½
  const oddHalf = odd.reduce((s, k) => s + k, 0) / 2;
  const codes = random.map((_, i) => `R${String((i * 7919) % n).padStart(5, "0")}`);
  const cases: { name: string; pot: number; keys: number[]; ids?: string[] }[] = [
    { name: "increasing, pot 630 000 000", pot: 630_000_000, keys: increasing },
    { name: "decreasing, pot 630 000 000", pot: 630_000_000, keys: [...increasing].reverse() },
    { name: "increasing, pot 200 (smaller than the number of rows)", pot: 200, keys: increasing },
    { name: "decreasing, pot 200", pot: 200, keys: [...increasing].reverse() },
    { name: "all keys equal, by position", pot: 630_010_000, keys: new Array(n).fill(1000) },
    { name: "all keys equal, by code", pot: 630_010_000, keys: new Array(n).fill(1000), ids: codes },
    { name: "all remainders equal (½), key decides", pot: oddHalf, keys: odd },
    { name: "all remainders equal, codes", pot: oddHalf, keys: odd, ids: codes },
    { name: "a huge pot (10^20 kr) over increasing keys", pot: 0, keys: increasing },
  ];
  test.each(cases)("$name", ({ name, pot, keys, ids }) => {
    const potBig = name.startsWith("a huge pot") ? 10n ** 20n + 12345n : BigInt(pot);
    const got = allocate(potBig.toString(), keys, { ids });
    const book = textbookExact(potBig, keys.map(BigInt), ids);
    expect(got.amounts).toEqual(book.amounts);
    expect(got.extras).toEqual(book.extras);
    expect(got.tieBreaks).toEqual(book.tieBreaks);
    expect(got.amounts.reduce((s, a) => s + a, 0n)).toBe(potBig);
  });
});

describe("the edge of exact Number arithmetic (b·max key against 2^53, b = pot mod Σ keys) = textbook", () => {
  // 2^53 − 1 = 6361 × 69431 × 20394401.
  const edge: { name: string; b: bigint; keys: bigint[] }[] = [
    { name: "b·max = 2^53 − 1 (Numbers)", b: 6361n * 69431n, keys: [20394401n, 500000000n, 3n, 7n, 1n, 20394401n] },
    { name: "b·max = 2^53 (BigInt per row)", b: 2n ** 26n, keys: [2n ** 27n, 5n, 2n ** 27n, 3n, 1n] },
    { name: "Σ keys = 2^53 − 1 (Numbers, BigInt per row)", b: 12345n, keys: [2n ** 52n, 2n ** 52n - 2n, 1n] },
    { name: "Σ keys = 2^53 (BigInt)", b: 12345n, keys: [2n ** 52n, 2n ** 52n - 1n, 1n] },
  ];
  const multiples = [0n, 1n, 7n, 10n ** 6n];
  test.each(edge)("$name", ({ b, keys }) => {
    const total = keys.reduce((s, k) => s + k, 0n);
    for (const a of multiples) {
      for (const pot of [a * total + b, a * total + b - 1n, a * total + b + 1n]) {
        const got = allocate(pot, keys.map((k) => (k <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(k) : k)));
        const book = textbookExact(pot, keys);
        expect(got.amounts).toEqual(book.amounts);
        expect(got.extras).toEqual(book.extras);
        expect(got.tieBreaks).toEqual(book.tieBreaks);
      }
    }
  });
});

describe("selection helpers (src/core/select.ts) against a sort", () => {
  const orders = fc.constantFrom("as generated", "increasing", "decreasing");
  test("selectNth: the value at a rank, for any order and many equal values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }), orders, fc.nat(), (xs, order, r) => {
        const a = order === "increasing" ? [...xs].sort((p, q) => p - q) : order === "decreasing" ? [...xs].sort((p, q) => q - p) : xs;
        const nth = r % a.length;
        const sorted = [...a].sort((p, q) => p - q);
        expect(selectNth(Float64Array.from(a), nth)).toBe(sorted[nth]);
      }),
      { numRuns: 2000 },
    );
  });

  test("selectNthBy: the first nth+1 items are the smallest by the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), fc.nat(), (vals, r) => {
        const cmp = (a: number, b: number) => vals[a] - vals[b] || a - b; // strict: ties by row
        const idx = Uint32Array.from(vals.keys());
        const nth = r % vals.length;
        selectNthBy(idx, nth, (v: number[], a: number, b: number) => v[a] - v[b] || a - b, vals);
        const want = [...vals.keys()].sort(cmp);
        expect([...idx.subarray(0, nth + 1)].sort(cmp)).toEqual(want.slice(0, nth + 1));
        expect(idx[nth]).toBe(want[nth]);
      }),
      { numRuns: 2000 },
    );
  });
});
