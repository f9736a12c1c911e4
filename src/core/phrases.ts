/**
 * The small sentences every 说明 is made of: change against last year, shares of a whole.
 * Used by the BUDGET functions and by the narrative generator alike.
 */
import Decimal from 'decimal.js';
import { D, ZERO, formatAmount, roundHalfUp } from './money';

export interface ChangeOptions {
  /** Unit word after amounts, default 万元. */
  unit?: string;
  /** Decimals of the amount, default 2. */
  amountDecimals?: number;
  /** Decimals of the percentage, default 1. */
  percentDecimals?: number;
}

export type ChangeKind = 'increase' | 'decrease' | 'flat' | 'new';

export interface Change {
  kind: ChangeKind;
  /** |current − prior|, rounded to the amount decimals. */
  amount: Decimal;
  /** |change| / prior as a percentage figure (5.6 for 5.6 %), absent when prior is zero. */
  percent?: Decimal;
  /** The standard phrase, e.g. 增加12.34万元，增长5.6%. */
  text: string;
}

/**
 * The standard change phrase. Words follow the sign (增加/增长, 减少/下降); equal figures give
 * 与上年持平; a zero base gives 上年无此项支出 instead of a division by zero.
 */
export function describeChange(current: Decimal.Value, prior: Decimal.Value, opts: ChangeOptions = {}): Change {
  const unit = opts.unit ?? '万元';
  const ad = opts.amountDecimals ?? 2;
  const pd = opts.percentDecimals ?? 1;
  const cur = roundHalfUp(current, ad);
  const pri = roundHalfUp(prior, ad);
  const delta = cur.minus(pri);
  if (delta.isZero()) return { kind: 'flat', amount: ZERO, text: '与上年持平' };
  const amount = delta.abs();
  if (pri.isZero()) {
    return { kind: 'new', amount, text: `${delta.gt(0) ? '增加' : '减少'}${formatAmount(amount, ad)}${unit}，上年无此项支出` };
  }
  const percent = roundHalfUp(amount.div(pri.abs()).mul(100), pd);
  const up = delta.gt(0);
  const text = `${up ? '增加' : '减少'}${formatAmount(amount, ad)}${unit}，${up ? '增长' : '下降'}${percent.toFixed(pd)}%`;
  return { kind: up ? 'increase' : 'decrease', amount, percent, text };
}

/**
 * Shares of a whole in percent, rounded half-up to `decimals`; when the parts make up the whole
 * and the rounded shares would not add to exactly 100, the largest-remainder method adjusts
 * them by one unit each so a published table of shares adds up.
 */
export function sharesOf(parts: readonly Decimal.Value[], total: Decimal.Value, decimals = 1): Decimal[] {
  const t = new D(total);
  if (t.isZero()) return parts.map(() => ZERO);
  const exact = parts.map((p) => new D(p).div(t).mul(100));
  const rounded = exact.map((e) => roundHalfUp(e, decimals));
  const sumParts = parts.reduce<Decimal>((s, p) => s.plus(p), ZERO);
  if (!sumParts.eq(t) || exact.some((e) => e.isNeg())) return rounded;
  const unit = new D(10).pow(-decimals);
  const floors = exact.map((e) => e.toDecimalPlaces(decimals, D.ROUND_DOWN));
  let missing = new D(100).minus(floors.reduce<Decimal>((s, f) => s.plus(f), ZERO)).div(unit).round().toNumber();
  const roundedSum = rounded.reduce<Decimal>((s, r) => s.plus(r), ZERO);
  if (roundedSum.eq(100)) return rounded;
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const out = floors.slice();
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i] = out[i].plus(unit);
    missing--;
  }
  return out;
}
