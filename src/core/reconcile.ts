/**
 * Rounding-aware reconciliation (DOMAIN §3, the XBRL Calculations 1.1 interval rule).
 * A figure written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a relation holds
 * when the intervals can agree. Kept in one place, apart from loading and rules.
 */
import Decimal from 'decimal.js';
import { D, Figure, ZERO, halfUnit, roundHalfUp, truncate } from './money';

export type Verdict = 'ok' | 'rounding' | 'error';

export interface SumCheck {
  verdict: Verdict;
  /** What the parts add up to. */
  expected: Decimal;
  /** The stated total. */
  actual: Decimal;
  /** actual − expected. */
  diff: Decimal;
  /** The largest difference rounding can explain. */
  allowance: Decimal;
}

/** A part of a sum with its sign (a subtraction such as 6 = 1 + 2 − 3 uses −1). */
export interface Term {
  figure: Figure;
  sign?: 1 | -1;
}

/** total = Σ parts holds when |total − Σ| ≤ the sum of every figure's own half-unit. */
export function checkSum(total: Figure, parts: (Figure | Term)[]): SumCheck {
  let expected = ZERO;
  // Count the half-units of each precision, then multiply once: this runs for every row.
  const counts: number[] = [];
  if (!total.blank) counts[total.decimals] = 1;
  for (const p of parts) {
    const f = 'figure' in p ? p.figure : p;
    if (f.blank) continue;
    counts[f.decimals] = (counts[f.decimals] ?? 0) + 1;
    if (!f.value.isZero()) expected = 'sign' in p && p.sign === -1 ? expected.minus(f.value) : expected.plus(f.value);
  }
  let allowance = ZERO;
  for (let d = 0; d < counts.length; d++) if (counts[d]) allowance = allowance.plus(halfUnits(d, counts[d]));
  const diff = total.value.minus(expected);
  return { verdict: verdictOf(diff, allowance), expected, actual: total.value, diff, allowance };
}

const HALF_UNITS_TIMES = new Map<number, Decimal>();
/** n half-units at d decimals, cached (the same few combinations recur on every row). */
function halfUnits(d: number, n: number): Decimal {
  if (d >= 64) return halfUnit({ value: ZERO, decimals: d }).mul(n);
  const key = n * 64 + d;
  let v = HALF_UNITS_TIMES.get(key);
  if (!v) HALF_UNITS_TIMES.set(key, (v = halfUnit({ value: ZERO, decimals: d }).mul(n)));
  return v;
}

/** Two statements of the same fact agree when their intervals overlap. */
export function checkEqual(stated: Figure, reference: Figure): SumCheck {
  return checkSum(stated, [reference]);
}

function verdictOf(diff: Decimal, allowance: Decimal): Verdict {
  if (diff.isZero()) return 'ok';
  return diff.abs().lte(allowance) ? 'rounding' : 'error';
}

/** The closed interval a figure stands for. */
export function intervalOf(f: Figure): [Decimal, Decimal] {
  const h = halfUnit(f);
  return [f.value.minus(h), f.value.plus(h)];
}

export interface RatioCheck {
  verdict: Verdict;
  /** The ratio of the stated inputs, rounded to the stated precision. */
  expected: Decimal;
  actual: Decimal;
  /** The range of ratios the inputs' intervals allow. */
  range: [Decimal, Decimal];
}

/**
 * A stated ratio (share, rate) agrees with numerator/denominator when some value in the range
 * the inputs' intervals allow rounds (half-up) to it. Truncation explaining it is 尾差.
 * `scale` is 100 for a percentage figure. Rounding twice is not a rounding mode: an error.
 */
export function checkRatio(numerator: Figure, denominator: Figure, stated: Figure, scale: Decimal.Value = 100): RatioCheck {
  const s = new D(scale);
  const [n0, n1] = intervalOf(numerator);
  const [d0, d1] = intervalOf(denominator);
  const exact = denominator.value.isZero() ? ZERO : numerator.value.div(denominator.value).mul(s);
  const expected = roundHalfUp(exact, stated.decimals);
  if (d0.lte(0) && d1.gte(0)) {
    // The denominator may be zero: any ratio is possible; nothing can be decided.
    return { verdict: expected.eq(stated.value) ? 'ok' : 'rounding', expected, actual: stated.value, range: [exact, exact] };
  }
  const candidates = [n0.div(d0), n0.div(d1), n1.div(d0), n1.div(d1)].map((x) => x.mul(s));
  const lo = Decimal.min(...candidates);
  const hi = Decimal.max(...candidates);
  const verdict = judgeDerived(stated, exact, lo, hi);
  return { verdict, expected, actual: stated.value, range: [lo, hi] };
}

/**
 * Judges a stated derived figure against the exact value and the range the inputs allow:
 * ok when the stated figure is the half-up rounding of the exact value; rounding when some
 * value of the range rounds to it, or truncation of one explains it; error otherwise.
 */
export function judgeDerived(stated: Figure, exact: Decimal, lo: Decimal, hi: Decimal): Verdict {
  if (roundHalfUp(exact, stated.decimals).eq(stated.value)) return 'ok';
  const [s0, s1] = intervalOf(stated);
  // Half-up: the stated figure covers [s0, s1) ; it can come from the range when they meet.
  if (lo.lt(s1) && hi.gte(s0)) return 'rounding';
  // Truncation is monotonic, so the range truncates to every step between its ends.
  if (truncate(lo, stated.decimals).lte(stated.value) && truncate(hi, stated.decimals).gte(stated.value)) return 'rounding';
  return 'error';
}

/** A product such as score = weight × rate, judged against the inputs' intervals. */
export function checkProduct(a: Figure, b: Figure, stated: Figure, scale: Decimal.Value = 1): RatioCheck {
  const s = new D(scale);
  const [a0, a1] = intervalOf(a);
  const [b0, b1] = intervalOf(b);
  const candidates = [a0.mul(b0), a0.mul(b1), a1.mul(b0), a1.mul(b1)].map((x) => x.mul(s));
  const lo = Decimal.min(...candidates);
  const hi = Decimal.max(...candidates);
  const exact = a.value.mul(b.value).mul(s);
  return { verdict: judgeDerived(stated, exact, lo, hi), expected: roundHalfUp(exact, stated.decimals), actual: stated.value, range: [lo, hi] };
}
