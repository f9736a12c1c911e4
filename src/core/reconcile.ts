/**
 * Rounding-aware reconciliation (DOMAIN §3, the XBRL Calculations 1.1 interval rule), in one
 * place: every interval the engine reasons with is made here, and every judgement of a stated
 * figure names the rounding mode that explains it.
 *
 * Modes (how a written figure may have come from the exact value):
 * - `half-up`    — rounded half away from zero: v stands for [v − ½u, v + ½u];
 * - `truncation` — cut toward zero (some source systems do this): v ≥ 0 stands for [v, v + u];
 * - largest remainder — shares of one whole nudged by one unit so that they add up to 100
 *   (`shareSet`), a deliberate adjustment of half-up shares.
 *
 * Bound convention, one for all: intervals are closed, [lo, hi]. A value on a bound "can agree"
 * (XBRL's reading): the check answers "could these figures be consistent", so a boundary case is
 * never reported as an error. `u` is one unit in the last written place, 10⁻ᵈ.
 */
import Decimal from 'decimal.js';
import { D, Figure, ZERO, halfUnit, roundHalfUp, truncate } from './money';

export type Verdict = 'ok' | 'rounding' | 'error';

/** What explains a stated figure that is not the exact half-up value of its inputs. */
export type Explanation = 'exact' | 'interval' | 'truncation' | 'largest-remainder' | 'none';

export type RoundingMode = 'half-up' | 'truncation';

/** A closed interval [lo, hi]. */
export type Interval = readonly [Decimal, Decimal];

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

// ---------------------------------------------------------------------------------------------
// Intervals

/** The values a written figure stands for under a rounding mode (a blank cell is an exact zero). */
export function intervalOf(f: Figure, mode: RoundingMode = 'half-up'): Interval {
  const h = halfUnit(f);
  if (mode === 'half-up') return [f.value.minus(h), f.value.plus(h)];
  const u = h.mul(2);
  return f.value.isNeg() ? [f.value.minus(u), f.value] : [f.value, f.value.plus(u)];
}

export function subtractIntervals(a: Interval, b: Interval): Interval {
  return [a[0].minus(b[1]), a[1].minus(b[0])];
}

/** |x| for x in the interval. */
export function absInterval(a: Interval): Interval {
  if (a[0].gte(0)) return a;
  if (a[1].lte(0)) return [a[1].neg(), a[0].neg()];
  return [ZERO, Decimal.max(a[0].neg(), a[1])];
}

/** n / d × scale over the intervals; undefined when d may be zero (then any ratio is possible). */
export function ratioInterval(n: Interval, d: Interval, scale: Decimal.Value = 1): Interval | undefined {
  if (d[0].lte(0) && d[1].gte(0)) return undefined;
  const s = new D(scale);
  const c = [n[0].div(d[0]), n[0].div(d[1]), n[1].div(d[0]), n[1].div(d[1])].map((x) => x.mul(s));
  return [Decimal.min(...c), Decimal.max(...c)];
}

export function productInterval(a: Interval, b: Interval, scale: Decimal.Value = 1): Interval {
  const s = new D(scale);
  const c = [a[0].mul(b[0]), a[0].mul(b[1]), a[1].mul(b[0]), a[1].mul(b[1])].map((x) => x.mul(s));
  return [Decimal.min(...c), Decimal.max(...c)];
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a[0].lte(b[1]) && b[0].lte(a[1]);
}

// ---------------------------------------------------------------------------------------------
// Sums and equal statements

/** total = Σ parts holds when |total − Σ| ≤ the sum of every figure's own half-unit. */
export function checkSum(total: Figure, parts: readonly (Figure | Term)[]): SumCheck {
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

// ---------------------------------------------------------------------------------------------
// Stated figures

export interface Judgement {
  verdict: Verdict;
  by: Explanation;
  /** The figure the inputs give at the stated precision (half-up). */
  expected: Decimal;
}

/**
 * A figure the text copies from a table cell: it must equal the cell at the precision the text
 * writes (1,136 for 1,136.18 is the cell; 45.02 for 45.01 is not). A truncated copy (1,136.1)
 * is 尾差 by truncation. Text more precise than the cell cannot contradict it.
 */
export function judgeCopy(stated: Figure, cell: Figure): Judgement {
  const sd = stated.decimals;
  if (stated.value.eq(cell.value)) return { verdict: 'ok', by: 'exact', expected: cell.value };
  if (!cell.blank && sd > cell.decimals) {
    const ok = roundHalfUp(stated.value, cell.decimals).eq(cell.value);
    return { verdict: ok ? 'ok' : 'error', by: ok ? 'exact' : 'none', expected: cell.value };
  }
  const expected = roundHalfUp(cell.value, sd);
  if (expected.eq(stated.value)) return { verdict: 'ok', by: 'exact', expected };
  if (truncate(cell.value, sd).eq(stated.value)) return { verdict: 'rounding', by: 'truncation', expected };
  return { verdict: 'error', by: 'none', expected };
}

/**
 * A stated derived figure (share, rate, change) against the exact value of its inputs and the
 * range their intervals allow: ok when it is the half-up rounding of the exact value; 尾差 when
 * some value of the range rounds to it (interval) or truncates to it (truncation); else 错误.
 * Rounding twice (6.147 → 6.15 → 6.2) is neither: 错误.
 */
export function judgeStated(stated: Figure, exact: Decimal, range: Interval): Judgement {
  const expected = roundHalfUp(exact, stated.decimals);
  if (expected.eq(stated.value)) return { verdict: 'ok', by: 'exact', expected };
  if (overlaps(intervalOf(stated, 'half-up'), range)) return { verdict: 'rounding', by: 'interval', expected };
  if (overlaps(intervalOf(stated, 'truncation'), range)) return { verdict: 'rounding', by: 'truncation', expected };
  return { verdict: 'error', by: 'none', expected };
}

/** judgeStated's verdict for a range given by its ends. */
export function judgeDerived(stated: Figure, exact: Decimal, lo: Decimal, hi: Decimal): Verdict {
  return judgeStated(stated, exact, [lo, hi]).verdict;
}

export interface RatioCheck {
  verdict: Verdict;
  by: Explanation;
  /** The ratio of the stated inputs, rounded to the stated precision. */
  expected: Decimal;
  actual: Decimal;
  /** The range of ratios the inputs' intervals allow. */
  range: [Decimal, Decimal];
}

/**
 * A stated ratio (share, rate) agrees with numerator/denominator when some value in the range
 * the inputs' intervals allow rounds (half-up) or truncates to it. `scale` is 100 for a
 * percentage figure. A denominator that may be zero decides nothing.
 */
export function checkRatio(numerator: Figure, denominator: Figure, stated: Figure, scale: Decimal.Value = 100): RatioCheck {
  return ratioOfIntervals(numerator.value, intervalOf(numerator), denominator.value, intervalOf(denominator), stated, scale);
}

/** checkRatio over explicit intervals (a difference of two figures, an absolute value…). */
export function ratioOfIntervals(n: Decimal, nRange: Interval, d: Decimal, dRange: Interval, stated: Figure, scale: Decimal.Value = 100): RatioCheck {
  const exact = d.isZero() ? ZERO : n.div(d).mul(new D(scale));
  const range = ratioInterval(nRange, dRange, scale);
  if (!range) {
    const expected = roundHalfUp(exact, stated.decimals);
    const ok = expected.eq(stated.value);
    return { verdict: ok ? 'ok' : 'rounding', by: ok ? 'exact' : 'interval', expected, actual: stated.value, range: [exact, exact] };
  }
  const j = judgeStated(stated, exact, range);
  return { ...j, actual: stated.value, range: [range[0], range[1]] };
}

/** A product such as score = weight × rate, judged against the inputs' intervals. */
export function checkProduct(a: Figure, b: Figure, stated: Figure, scale: Decimal.Value = 1): RatioCheck {
  const range = productInterval(intervalOf(a), intervalOf(b), scale);
  const exact = a.value.mul(b.value).mul(new D(scale));
  const j = judgeStated(stated, exact, range);
  return { ...j, actual: stated.value, range: [range[0], range[1]] };
}

/**
 * A stated change rate (增长/下降 x%) of current over prior: |current − prior| / |prior|, on the
 * intervals of both figures (or of a stated change amount when the text gives one).
 */
export function checkChangeRate(current: Figure, prior: Figure, stated: Figure, statedChange?: Figure): RatioCheck {
  const delta = current.value.minus(prior.value).abs();
  const dRange = absInterval(intervalOf(prior));
  const byFigures = ratioOfIntervals(delta, absInterval(subtractIntervals(intervalOf(current), intervalOf(prior))), prior.value.abs(), dRange, stated);
  if (byFigures.verdict === 'ok' || !statedChange) return byFigures;
  const byChange = ratioOfIntervals(statedChange.value.abs(), absInterval(intervalOf(statedChange)), prior.value.abs(), dRange, stated);
  return better(byFigures, byChange);
}

function better(a: RatioCheck, b: RatioCheck): RatioCheck {
  const rank: Record<Verdict, number> = { ok: 0, rounding: 1, error: 2 };
  return rank[b.verdict] < rank[a.verdict] ? { ...b, expected: a.expected } : a;
}

// ---------------------------------------------------------------------------------------------
// Shares of one whole

export interface ShareSet {
  /** Half-up shares, percent at `decimals`. */
  rounded: Decimal[];
  /** The shares as published when adjusted to add to exactly 100 (largest remainder). */
  adjusted: Decimal[];
}

/**
 * Shares of a whole in percent: half-up, and — when the parts make up the whole and the
 * rounded shares would not add to exactly 100 — the largest-remainder shares (floors, then one
 * unit each to the largest remainders) that a published table of shares uses.
 */
export function shareSet(parts: readonly Decimal.Value[], total: Decimal.Value, decimals = 1): ShareSet {
  const t = new D(total);
  if (t.isZero()) {
    const z = parts.map(() => ZERO);
    return { rounded: z, adjusted: z };
  }
  const exact = parts.map((p) => new D(p).div(t).mul(100));
  const rounded = exact.map((e) => roundHalfUp(e, decimals));
  const sumParts = parts.reduce<Decimal>((s, p) => s.plus(p), ZERO);
  const roundedSum = rounded.reduce<Decimal>((s, r) => s.plus(r), ZERO);
  if (!sumParts.eq(t) || exact.some((e) => e.isNeg()) || roundedSum.eq(100)) return { rounded, adjusted: rounded };
  const unit = new D(10).pow(-decimals);
  const floors = exact.map((e) => truncate(e, decimals));
  let missing = new D(100).minus(floors.reduce<Decimal>((s, f) => s.plus(f), ZERO)).div(unit).round().toNumber();
  const order = exact.map((e, i) => ({ i, rem: e.minus(floors[i]) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const adjusted = floors.slice();
  for (const { i } of order) {
    if (missing <= 0) break;
    adjusted[i] = adjusted[i].plus(unit);
    missing--;
  }
  return { rounded, adjusted };
}

/**
 * A stated share of parts[index] in a whole the parts make up: checkRatio, and when that is not
 * exact, the largest-remainder share that makes a list of shares add to 100 is 尾差 by
 * adjustment (said as such), not silence and not 错误.
 */
export function checkShare(parts: readonly Figure[], index: number, total: Figure, stated: Figure): RatioCheck {
  const r = checkRatio(parts[index], total, stated);
  if (r.verdict === 'ok') return r;
  // Named before the interval rule: when the list was adjusted, that is what happened.
  const set = shareSet(parts.map((p) => p.value), total.value, stated.decimals);
  if (!set.adjusted[index].eq(set.rounded[index]) && set.adjusted[index].eq(stated.value)) return { ...r, verdict: 'rounding', by: 'largest-remainder' };
  return r;
}
