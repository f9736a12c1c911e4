/**
 * 执行率 and 预算执行得分 (DOMAIN §3, §7): the rate against D ÷ C, the score against 分值 × D ÷ C
 * capped at 分值, under every reading a form allows — the stated 小计, A + B, and the stated rate
 * the score was multiplied from.
 */
import Decimal from 'decimal.js';
import { FormExecution, formTables } from '../form-model';
import { CellRef } from '../model';
import { Figure, ZERO, blankFigure, roundHalfUp } from '../money';
import { Verdict, checkRatio, intervalOf, judgeDerived } from '../reconcile';
import type { Evaluator } from '../validate';
import { TAIL, bestVerdict, exact, formWhere, pushFinding, shown } from './common';

export interface ExecFigures {
  A?: Figure;
  B?: Figure;
  C?: Figure;
  D?: Figure;
  /** 执行率 in percent. */
  rate?: Figure;
  weight: Figure;
}

export function execFigures(e: FormExecution): ExecFigures {
  const fig = (r?: CellRef) => (r && !r.invalid ? r.figure : undefined);
  return { A: fig(e.A), B: fig(e.B), C: fig(e.C), D: fig(e.D), rate: e.rate?.percent, weight: e.weight };
}

/** The budgets a line can mean: 小计 (C) as stated, and A + B when they are given. */
function budgets(e: ExecFigures): Figure[] {
  const out: Figure[] = [];
  if (e.C && !e.C.value.isZero()) out.push(e.C);
  if (e.A || e.B) {
    const a = e.A ?? blankFigure();
    const b = e.B ?? blankFigure();
    const sum: Figure = { value: a.value.plus(b.value), decimals: Math.min(a.blank ? 12 : a.decimals, b.blank ? 12 : b.decimals) };
    if (!sum.value.isZero() && !out.some((c) => c.value.eq(sum.value))) out.push(sum);
  }
  return out;
}

/** 执行率 against D / C (and D / (A + B)). */
export function judgeRate(e: ExecFigures, rate: Figure): { verdict: Verdict; expected: Decimal } | undefined {
  if (!e.D) return undefined;
  const cs = budgets(e);
  if (!cs.length) return undefined;
  const checks = cs.map((c) => checkRatio(e.D!, c, rate, 100));
  return { verdict: bestVerdict(checks.map((c) => c.verdict)), expected: checks[0].expected };
}

/** weight × min(n / d, 1) with the range the inputs' intervals allow. */
function cappedProduct(weight: Decimal, n: Figure, d: Figure, scale: Decimal.Value, stated: Figure): Verdict {
  const [n0, n1] = intervalOf(n);
  const [d0, d1] = intervalOf(d);
  if (d0.lte(0)) return 'error';
  const w = weight.div(scale);
  const cap = (x: Decimal) => Decimal.min(x, weight);
  const exactV = cap(w.mul(n.value).div(d.value));
  return judgeDerived(stated, exactV, cap(w.mul(Decimal.max(n0, ZERO)).div(d1)), cap(w.mul(n1).div(d0)));
}

/**
 * 预算执行得分 against 分值 × D / C, capped at 分值, under every reading: the stated 小计, A + B,
 * and the stated 执行率 (a form that prints 84% and 16.8 multiplied the printed rate, §3).
 */
export function judgeExecScore(readings: ExecFigures[], stated: Figure): { verdict: Verdict; expected?: Decimal } {
  const vs: Verdict[] = [];
  let expected: Decimal | undefined;
  for (const e of readings) {
    if (e.D) {
      for (const c of budgets(e)) {
        vs.push(cappedProduct(e.weight.value, e.D, c, 1, stated));
        expected ??= roundHalfUp(Decimal.min(e.weight.value.mul(e.D.value).div(c.value), e.weight.value), Math.max(stated.decimals, 2));
      }
    }
    if (e.rate) vs.push(cappedProduct(e.weight.value, e.rate, exact(100), 1, stated));
  }
  return { verdict: vs.length ? bestVerdict(vs) : 'ok', expected };
}

export const evalFormExecution: Evaluator<'formExecution'> = (ctx, rule, out) => {
  void out;
  for (const f of formTables(ctx.tables, rule.table)) {
    const e = f.form.exec;
    if (!e) continue;
    const figs = execFigures(e);
    if (e.rate && e.rate.text && !e.rate.percent) {
      pushFinding(ctx, f, rule, 'warning', [e.rate], `${formWhere(ctx, f)}：执行率“${e.rate.text}”不是百分比，未核对。`);
    }
    if (e.rate?.percent) {
      const j = judgeRate(figs, e.rate.percent);
      if (j && j.verdict !== 'ok') {
        const cells = [e.rate, e.D, e.C];
        const expected = j.expected.toFixed(e.rate.percent.decimals);
        pushFinding(ctx, f, rule, j.verdict === 'error' ? 'error' : 'rounding', cells,
          `${formWhere(ctx, f)}：执行率 = 实际执行数 ÷ 小计。表中为 ${shown(e.rate.percent)}%，按 ${shown(figs.D!)} ÷ ${shown(figs.C ?? figs.A!)} 应为 ${expected}%${TAIL[j.verdict]}。`,
          { expected, actual: shown(e.rate.percent) });
      }
    }
    if (e.score && !e.score.invalid && !e.score.figure.blank) {
      const j = judgeExecScore([figs], e.score.figure);
      if (j.verdict !== 'ok') {
        const expected = j.expected?.toFixed(e.score.figure.decimals) ?? '';
        pushFinding(ctx, f, rule, j.verdict === 'error' ? 'error' : 'rounding', [e.score, e.D, e.C],
          `${formWhere(ctx, f)}：预算执行得分 = ${shown(e.weight)}分 × 执行率（不超过${shown(e.weight)}分）。表中为 ${shown(e.score.figure)}，按实际执行数 ÷ 小计应为 ${expected}${j.verdict === 'rounding' ? '，差异可由截尾或舍入解释，属尾差' : ''}。`,
          { expected, actual: shown(e.score.figure) });
      }
    }
  }
};

