/**
 * Properties of allocate(): whole kronor that add up exactly, each share
 * within a krona of its exact quota pot × k / Σk, ties broken by a stated
 * rule that does not depend on row order once recipient codes are given.
 * All checks are BigInt cross-multiplications; no floats.
 */
import fc from "fast-check";
import { allocate, Allocation, AllocateOptions, Method, splitAmount } from "../src/core/allocate";
import { normaliseCode } from "../src/reference";

/**
 * allocate() reads a recipient code the way a user types it: "4", 4 and
 * " 04" are all Stockholms län's 04 (that normalisation has its own tests in
 * test/reference.test.ts). Uniqueness and the id tie-break are on that code.
 */
const codeOf = (id: string): string => normaliseCode(id)?.code ?? id;

const RUNS = 400;

// ---------------------------------------------------------------- generators

/** Pots up to 10^12 kr, with small pots often (where ties and zeros live). */
const potArb = fc.oneof(fc.bigInt(0n, 20n), fc.bigInt(0n, 10_000n), fc.bigInt(0n, 10n ** 12n));

/** Keys up to 10^9, with small keys and zeros often (equal remainders). */
const keyArb = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1_000_000_000 }));

interface Row {
  id: string;
  key: number;
  eligible: boolean;
}

/** 0–60 rows with unique recipient codes; eligible mostly true. */
const rowsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    key: keyArb,
    eligible: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }),
  { selector: (r) => codeOf(r.id), maxLength: 60 },
);

const methodArb = fc.constantFrom<Method>("largest-remainder", "round", "exact");

interface Case {
  pot: bigint;
  rows: Row[];
  useEligible: boolean;
  useIds: boolean;
}
const broadCaseArb: fc.Arbitrary<Case> = fc.record({ pot: potArb, rows: rowsArb, useEligible: fc.boolean(), useIds: fc.boolean() });

/**
 * Few rows, keys 0–4 and pots up to 20: here equal remainders with different
 * keys (e.g. 2 over [1,3]: quotas 0.5 and 1.5) are common, which random
 * large keys almost never produce.
 */
const smallRowsArb = fc.uniqueArray(
  fc.record({ id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"), key: fc.integer({ min: 0, max: 4 }), eligible: fc.boolean() }),
  { selector: (r) => r.id, maxLength: 8 },
);
const smallCaseArb: fc.Arbitrary<Case> = fc.record({ pot: fc.bigInt(0n, 20n), rows: smallRowsArb, useEligible: fc.boolean(), useIds: fc.boolean() });

const caseArb: fc.Arbitrary<Case> = fc.oneof(broadCaseArb, smallCaseArb);

function optionsOf(c: Case, method: Method = "largest-remainder"): AllocateOptions {
  return {
    method,
    eligible: c.useEligible ? c.rows.map((r) => r.eligible) : undefined,
    ids: c.useIds ? c.rows.map((r) => r.id) : undefined,
  };
}

/** Effective integer keys: 0 for ineligible rows. */
function effectiveKeys(c: Case): bigint[] {
  return c.rows.map((r) => (c.useEligible && !r.eligible ? 0n : BigInt(r.key)));
}

const sum = (xs: readonly bigint[]): bigint => xs.reduce((s, x) => s + x, 0n);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

// ------------------------------------------------------------ the reference

/**
 * A plain Hamilton apportionment written independently: floors, then a full
 * sort of the rows with a remainder by (remainder ↓, key ↓, id ↑ | index ↑).
 */
function reference(pot: bigint, keys: bigint[], ids?: string[]): { amounts: bigint[]; extras: number[] } {
  const total = sum(keys);
  if (total === 0n || pot === 0n) return { amounts: keys.map(() => 0n), extras: [] };
  const amounts = keys.map((k) => (pot * k) / total);
  const rem = keys.map((k, i) => pot * k - amounts[i] * total);
  const left = Number(pot - sum(amounts));
  const order = keys.map((_, i) => i).filter((i) => rem[i] > 0n);
  order.sort((a, b) => {
    if (rem[a] !== rem[b]) return rem[a] > rem[b] ? -1 : 1;
    if (keys[a] !== keys[b]) return keys[a] > keys[b] ? -1 : 1;
    if (ids) return codeOf(ids[a]) < codeOf(ids[b]) ? -1 : 1;
    return a - b;
  });
  const extras = order.slice(0, left);
  for (const i of extras) amounts[i] += 1n;
  return { amounts, extras: extras.sort((a, b) => a - b) }; // allocate lists them in row order
}

// ------------------------------------------------------------- properties

describe("allocate: properties (fast-check)", () => {
  test("(a) largest remainder: Σ amounts === pot exactly when some eligible key > 0; else all 0 and unallocated === pot", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c));
        const keys = effectiveKeys(c);
        expect(a.amounts).toHaveLength(c.rows.length);
        if (keys.some((k) => k > 0n)) {
          expect(sum(a.amounts)).toBe(c.pot);
          expect(a.allocated).toBe(c.pot);
          expect(a.unallocated).toBe(0n);
          expect(a.leftover).toBe(BigInt(a.extras.length));
        } else {
          expect(a.amounts.every((x) => x === 0n)).toBe(true);
          expect(a.allocated).toBe(0n);
          expect(a.unallocated).toBe(c.pot);
        }
        expect(a.difference).toBe(0n);
        expect(a.amounts.every((x) => x >= 0n)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("(a′) largest remainder equals an independent Hamilton reference (amounts and extras; few and many kronor left over)", () => {
    let partialSelections = 0; // leftover·8 < candidates: a few kronor over many remainders
    let fullSorts = 0; // many kronor left over
    // Longer lists with small pots reach the partial-selection path often.
    const longRows = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), key: keyArb, eligible: fc.boolean() }), {
      selector: (r) => codeOf(r.id),
      maxLength: 200,
    });
    const arb = fc.oneof(caseArb, fc.record({ pot: fc.bigInt(0n, 30n), rows: longRows, useEligible: fc.boolean(), useIds: fc.boolean() }));
    fc.assert(
      fc.property(arb, (c) => {
        const keys = effectiveKeys(c);
        const ids = c.useIds ? c.rows.map((r) => r.id) : undefined;
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c));
        const ref = reference(c.pot, keys, ids);
        expect(a.amounts).toEqual(ref.amounts);
        expect(a.extras).toEqual(ref.extras);
        const total = sum(keys);
        if (total > 0n && a.leftover > 0n) {
          const candidates = keys.filter((k) => k > 0n && (c.pot * k) % total !== 0n).length;
          if (Number(a.leftover) * 8 < candidates) partialSelections++;
          else fullSorts++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(partialSelections).toBeGreaterThan(0);
    expect(fullSorts).toBeGreaterThan(0);
  });

  test("(b) each share is the floor or the ceiling of its exact quota pot·k/Σk; extras go to the largest remainders", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c));
        const keys = effectiveKeys(c);
        const total = sum(keys);
        if (total === 0n) return;
        const extra: boolean[] = [];
        keys.forEach((k, i) => {
          const p = c.pot * k;
          const x = a.amounts[i];
          // |x − p/total| < 1  ⇔  (x − 1)·total < p < (x + 1)·total
          expect((x - 1n) * total < p).toBe(true);
          expect(p < (x + 1n) * total).toBe(true);
          // x is floor (x·total ≤ p) or, with a remainder, ceil.
          extra[i] = x * total > p;
        });
        // Everyone who got an extra krona had a remainder ≥ everyone who did not.
        const remOf = (i: number) => c.pot * keys[i] - (c.pot * keys[i] / total) * total;
        const winners = keys.map((_, i) => i).filter((i) => extra[i]);
        const others = keys.map((_, i) => i).filter((i) => !extra[i] && keys[i] > 0n);
        if (winners.length > 0 && others.length > 0) {
          const minWin = winners.map(remOf).reduce((m, r) => (r < m ? r : m));
          const maxOther = others.map(remOf).reduce((m, r) => (r > m ? r : m));
          expect(minWin >= maxOther).toBe(true);
        }
        expect(new Set(a.extras)).toEqual(new Set(winners));
      }),
      { numRuns: RUNS },
    );
  });

  test("(c) a zero key or an ineligible row gets 0, in every method", () => {
    fc.assert(
      fc.property(caseArb, methodArb, (c, method) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c, method));
        effectiveKeys(c).forEach((k, i) => {
          if (k === 0n) {
            expect(a.amounts[i]).toBe(0n);
            if (method === "exact") expect(a.exact![i].numerator).toBe(0n);
            expect(a.extras).not.toContain(i);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  test("(d) with ids, shuffling rows (keys, ids, eligible together) changes nothing per recipient", () => {
    const arb = fc.oneof(rowsArb, smallRowsArb).chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        potArb,
        fc.shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length },
        ),
        methodArb,
      ),
    );
    fc.assert(
      fc.property(arb, ([rows, pot, perm, method]) => {
        const shuffled = perm.map((i) => rows[i]);
        const run = (rs: Row[]) =>
          allocate(pot, rs.map((r) => r.key), { method, eligible: rs.map((r) => r.eligible), ids: rs.map((r) => r.id) });
        const a = run(rows);
        const b = run(shuffled);
        const byId = (al: Allocation, rs: Row[]) => new Map(rs.map((r, i) => [r.id, al.amounts[i]]));
        expect(byId(b, shuffled)).toEqual(byId(a, rows));
        // The extra kronor and the recorded tie-breaks are the same recipients too.
        const extraIds = (al: Allocation, rs: Row[]) => al.extras.map((i) => rs[i].id).sort();
        expect(extraIds(b, shuffled)).toEqual(extraIds(a, rows));
        const ties = (al: Allocation, rs: Row[]) => al.tieBreaks.map((t) => ({ winner: rs[t.winner].id, loser: rs[t.loser].id, by: t.by }));
        expect(ties(b, shuffled)).toEqual(ties(a, rows));
        expect([b.allocated, b.unallocated, b.difference, b.leftover]).toEqual([a.allocated, a.unallocated, a.difference, a.leftover]);
      }),
      { numRuns: RUNS },
    );
  });

  test("(e) scaling every key by an integer factor leaves the whole result unchanged", () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt(2n, 1_000_000n), methodArb, (c, factor, method) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c, method));
        const b = allocate(c.pot, c.rows.map((r) => BigInt(r.key) * factor), optionsOf(c, method));
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });

  test("(e′) decimal keys ('1.5', '0.125') equal the integer keys scaled by 10^d", () => {
    const asDecimal = (k: number, d: number): string => {
      if (d === 0) return String(k);
      const s = String(k).padStart(d + 1, "0");
      return `${s.slice(0, s.length - d)}.${s.slice(s.length - d)}`;
    };
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 4 }), methodArb, (c, d, method) => {
        const ints = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c, method));
        const decs = allocate(c.pot, c.rows.map((r) => asDecimal(r.key, d)), optionsOf(c, method));
        expect(decs).toEqual(ints);
      }),
      { numRuns: RUNS },
    );
    expect(allocate(100, ["1.5", 2, "0.5"])).toEqual(allocate(100, [15, 20, 5]));
  });

  test("(f) determinism: the same input gives a deep-equal result (tieBreaks and extras too) and is not mutated", () => {
    fc.assert(
      fc.property(caseArb, methodArb, (c, method) => {
        const keys = c.rows.map((r) => r.key);
        const opts = optionsOf(c, method);
        const before = JSON.stringify({ keys, opts });
        const a = allocate(c.pot, keys, opts);
        const b = allocate(c.pot, [...keys], { ...opts, eligible: opts.eligible && [...opts.eligible], ids: opts.ids && [...opts.ids] });
        expect(b).toEqual(a);
        expect(JSON.stringify({ keys, opts })).toBe(before);
        // Each recorded tie is between a row that got an extra krona and one
        // that did not, with the same remainder.
        const eff = effectiveKeys(c);
        const total = sum(eff);
        for (const t of a.tieBreaks) {
          expect(a.extras).toContain(t.winner);
          expect(a.extras).not.toContain(t.loser);
          expect((c.pot * eff[t.winner]) % total).toBe((c.pot * eff[t.loser]) % total);
          expect(t.by).toBe(eff[t.winner] !== eff[t.loser] ? "key" : c.useIds ? "id" : "position");
          if (t.by === "key") expect(eff[t.winner] > eff[t.loser]).toBe(true);
          if (t.by === "id") expect(c.rows[t.winner].id < c.rows[t.loser].id).toBe(true);
          if (t.by === "position") expect(t.winner < t.loser).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("(g) round: each amount is the quota rounded half up, and difference === Σ − pot", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c, "round"));
        const keys = effectiveKeys(c);
        const total = sum(keys);
        if (total === 0n) {
          expect(a.amounts.every((x) => x === 0n)).toBe(true);
          expect(a.unallocated).toBe(c.pot);
          return;
        }
        keys.forEach((k, i) => {
          // round-half-up(p/T) = floor((2p + T) / 2T)
          expect(a.amounts[i]).toBe((2n * c.pot * k + total) / (2n * total));
        });
        expect(a.difference).toBe(sum(a.amounts) - c.pot);
        expect(a.allocated).toBe(sum(a.amounts));
        expect(a.unallocated).toBe(0n);
        // Half-up rounding moves each row by at most ½: |Σ − pot| ≤ n/2.
        expect(2n * (a.difference < 0n ? -a.difference : a.difference) <= BigInt(keys.filter((k) => k > 0n).length)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("(h) exact: Σ numerator/denominator === pot as fractions; each share reduced and equal to pot·k/Σk", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = allocate(c.pot, c.rows.map((r) => r.key), optionsOf(c, "exact"));
        const keys = effectiveKeys(c);
        const total = sum(keys);
        expect(a.exact).toHaveLength(keys.length);
        let num = 0n;
        let den = 1n;
        a.exact!.forEach((e, i) => {
          expect(e.denominator > 0n).toBe(true);
          expect(gcd(e.numerator, e.denominator)).toBe(1n);
          if (total > 0n) expect(e.numerator * total).toBe(e.denominator * c.pot * keys[i]);
          else expect(e.numerator).toBe(0n);
          expect(a.amounts[i]).toBe(e.numerator / e.denominator);
          // The text starts with the integer part; when terminating it is exact.
          const [intPart, frac = ""] = e.text.split(".");
          expect(intPart).toBe((e.numerator / e.denominator).toString());
          if (e.terminating) expect(BigInt(intPart + frac) * e.denominator).toBe(e.numerator * 10n ** BigInt(frac.length));
          else expect(frac).toHaveLength(12);
          num = num * e.denominator + e.numerator * den;
          den = den * e.denominator;
          const g = gcd(num, den);
          num /= g;
          den /= g;
        });
        const anything = total > 0n && c.pot > 0n;
        expect(num).toBe(anything ? c.pot : 0n);
        expect(den).toBe(1n);
        expect(a.allocated).toBe(anything ? c.pot : 0n);
        expect(a.unallocated).toBe(total > 0n ? 0n : c.pot);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("splitAmount: properties", () => {
  test("(i) a 70/30 split sums to the amount and each part is within floor/ceil of its quota", () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt(0n, 100n), fc.bigInt(0n, 10n ** 12n)), (amount) => {
        const [k, l] = splitAmount(amount, ["0.7", "0.3"]);
        expect(k + l).toBe(amount);
        // 10·k is within 10 of 7·amount, and likewise for the 30 % part.
        expect((k - 1n) * 10n < 7n * amount && 7n * amount < (k + 1n) * 10n).toBe(true);
        expect((l - 1n) * 10n < 3n * amount && 3n * amount < (l + 1n) * 10n).toBe(true);
        // The kommun part never loses a tie: it is the rounded-up part at .5.
        expect(k * 10n >= 7n * amount - 5n).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("(i′) any decimal shares summing to 1 split any amount exactly", () => {
    const sharesArb = fc
      .array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 })
      .map((cuts) => {
        const s = [0, ...cuts.sort((x, y) => x - y), 1000];
        return s.slice(1).map((v, i) => v - s[i]);
      });
    const text = (m: number) => (m === 1000 ? "1" : `0.${String(m).padStart(3, "0")}`);
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 12n), sharesArb, (amount, parts) => {
        const got = splitAmount(amount, parts.map(text));
        expect(got).toHaveLength(parts.length);
        expect(sum(got)).toBe(amount);
        got.forEach((g, i) => {
          const p = amount * BigInt(parts[i]);
          expect((g - 1n) * 1000n < p && p < (g + 1n) * 1000n).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
