/**
 * The small sentences every 说明 is made of: change against last year, shares of a whole.
 * Used by the BUDGET functions and by the narrative generator alike.
 */
import Decimal from 'decimal.js';
import { ZERO, formatAmount, roundHalfUp } from './money';
import { shareSet } from './reconcile';

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
 * the shares are adjusted by the largest-remainder method so that a published list adds to 100
 * (reconcile.ts owns the rule; the checker accepts these adjusted shares as 尾差).
 */
export function sharesOf(parts: readonly Decimal.Value[], total: Decimal.Value, decimals = 1): Decimal[] {
  return shareSet(parts, total, decimals).adjusted;
}
