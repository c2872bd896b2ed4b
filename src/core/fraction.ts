/**
 * Exact fractions of BigInt integers, for the few places where a verdict
 * needs division (relative improvements, target figures, shares). The
 * denominator is always positive; fractions are not reduced unless asked.
 */
import { Scaled, pow10 } from "./decimal";

export interface Fraction {
  n: bigint;
  d: bigint;
}

export const ZERO: Fraction = Object.freeze({ n: 0n, d: 1n });

export function frac(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError("division by zero");
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** A decimal string from the data ("0.005", "10") as a fraction. */
export function fromDecimal(text: string): Fraction {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal constant: ${text}`);
  const frac = m[3] ?? "";
  const n = BigInt(m[2] + frac);
  return { n: m[1] ? -n : n, d: pow10(frac.length) };
}

/** Small whole numbers (indicator percents, month counts) are shared: answers hold thousands of them. */
const SMALL: Fraction[] = [];
for (let i = 0; i <= 1024; i++) SMALL.push(Object.freeze({ n: BigInt(i), d: 1n }));

/** A fraction with the shared object when it is a small whole number (results of arithmetic). */
export function shared(f: Fraction): Fraction {
  return f.d === 1n && f.n >= 0n && f.n <= 1024n ? SMALL[Number(f.n)] : f;
}

export function fromScaled(s: Scaled, negative = false): Fraction {
  if (s.scale === 0 && !negative && s.mantissa <= 1024n) return SMALL[Number(s.mantissa)];
  return { n: negative ? -s.mantissa : s.mantissa, d: pow10(s.scale) };
}

export function add(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** a − b, the shared object when it is a small whole number (no intermediate fraction). */
export function difference(a: Fraction, b: Fraction): Fraction {
  if (a.d === 1n && b.d === 1n) {
    const n = a.n - b.n;
    return n >= 0n && n <= 1024n ? SMALL[Number(n)] : { n, d: 1n };
  }
  return shared(sub(a, b));
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.n, d: a.d * b.d };
}

export function div(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d, a.d * b.n);
}

/** a − b compared with 0: −1, 0 or 1. */
export function cmp(a: Fraction, b: Fraction): number {
  // Same denominator (whole numbers, most answers): compare numerators, no products.
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a ≥ b (op ">=") or a > b (op ">"). */
export function meets(a: Fraction, op: ">=" | ">", b: Fraction): boolean {
  const c = cmp(a, b);
  return op === ">=" ? c >= 0 : c > 0;
}

export function reduce(a: Fraction): Fraction {
  let x = a.n < 0n ? -a.n : a.n;
  let y = a.d;
  while (y) [x, y] = [y, x % y];
  return x > 1n ? { n: a.n / x, d: a.d / x } : a;
}

/** Whether the fraction has a finite decimal expansion. */
export function terminates(a: Fraction): boolean {
  let d = reduce(a).d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}
