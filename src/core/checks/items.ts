/**
 * Rules over items tables (项目支出表, 政府采购预算表, 收入总表 by unit, the 绩效 汇总表): 合计 and
 * every group row = Σ its items, 数量 × 单价 = 金额 on each item, and the weights printed in
 * score headers.
 */
import { Decimal } from 'decimal.js';
import { ItemsTable, itemsTable } from '../form-model';
import { ZERO, roundHalfUp } from '../money';
import { checkProduct, checkRatio, checkSum } from '../reconcile';
import type { Evaluator, Term } from '../validate';
import { pushFinding, shown } from './common';

/**
 * The items a row adds up: a group's, up to the next group at its level or above; a 合计's, the
 * items since the previous 合计 when it closes a block (绩效目标表's 收入 | 支出), else every item
 * after it up to the next 合计.
 */
export function itemsUnder(t: ItemsTable, i: number): number[] {
  const d = t.details[i];
  const out: number[] = [];
  if (d.kind === 'item') return out;
  if (d.kind === 'total') {
    for (let j = i - 1; j >= 0 && t.details[j].kind !== 'total'; j--) if (t.details[j].kind === 'item') out.unshift(j);
    if (out.length) return out;
  }
  for (let j = i + 1; j < t.rows.length; j++) {
    const dj = t.details[j];
    if (dj.kind === 'total' || (d.kind === 'group' && dj.kind === 'group' && dj.level <= d.level)) break;
    if (dj.kind === 'item') out.push(j);
  }
  return out;
}

const evalItemsSum: Evaluator<'itemsSum'> = (ctx, rule, out) => {
  const t = itemsTable(ctx.tables, rule.table);
  if (!t) return;
  t.rows.forEach((row, i) => {
    const d = t.details[i];
    const items = itemsUnder(t, i);
    if (!items.length) return;
    for (const col of rule.columns) {
      const total = row.cells[col];
      if (!total || total.invalid || items.some((j) => t.rows[j].cells[col]?.invalid)) continue;
      const parts: Term[] = items.map((j) => ({ table: t.id, ref: t.rows[j].cells[col], figure: t.rows[j].cells[col]?.figure ?? { value: ZERO, decimals: 0, blank: true } }));
      if (total.figure.blank && parts.every((p) => p.figure.blank)) continue;
      const check = checkSum(total.figure, parts);
      if (!out.keepOk && check.verdict === 'ok') continue;
      const colLabel = ctx.columnLabel(t.id, col);
      out.push({
        rule,
        table: t.id,
        where: () => `${ctx.label(t.id)} ${d.kind === 'total' ? '合计行' : `${row.code ?? ''} ${row.name}`.trim()} ${colLabel}`,
        label: () => (d.kind === 'total' ? '合计 = 各明细行之和' : '汇总行 = 所属明细行之和'),
        terms: [{ table: t.id, ref: total, figure: total.figure }, ...parts],
        check,
        plausibility: false,
      });
    }
  });
};

const evalRowProduct: Evaluator<'rowProduct'> = (ctx, rule) => {
  const t = itemsTable(ctx.tables, rule.table);
  if (!t) return;
  t.rows.forEach((row, i) => {
    if (t.details[i].kind !== 'item') return;
    const total = row.cells[rule.total];
    const [a, b] = rule.factors.map((k) => row.cells[k]);
    if (!total || !a || !b || total.invalid || a.invalid || b.invalid || (a.figure.blank && b.figure.blank)) return;
    const r = checkProduct(a.figure, b.figure, total.figure);
    if (r.verdict === 'ok') return;
    pushFinding(ctx, t, rule, r.verdict === 'error' ? 'error' : 'rounding', [total, a, b],
      `${ctx.label(t.id)} ${row.name}：${rule.label}。表中为 ${shown(total.figure)}，${shown(a.figure)} × ${shown(b.figure)} 应为 ${r.expected.toFixed(total.figure.decimals)}${r.verdict === 'rounding' ? '，在舍入允许范围内，属尾差' : ''}。`,
      { expected: r.expected.toFixed(total.figure.decimals), actual: shown(total.figure) });
  });
};

const evalItemsWeights: Evaluator<'itemsWeights'> = (ctx, rule) => {
  const t = itemsTable(ctx.tables, rule.table);
  if (!t) return;
  const weights = Object.entries(t.headerWeights);
  if (!weights.length) return;
  const sum = weights.reduce((s, [, w]) => s.plus(w.value), ZERO as Decimal);
  if (!sum.eq(rule.total)) {
    pushFinding(ctx, t, rule, 'error', [], `${ctx.label(t.id)}：表头各项分值之和为 ${sum.toString()}，应为 ${rule.total} 分。`, { expected: String(rule.total), actual: sum.toString() });
  }
  // No score above its weight.
  t.rows.forEach((row, i) => {
    if (t.details[i].kind !== 'item') return;
    for (const [col, w] of weights) {
      const c = row.cells[col];
      if (!c || c.invalid) continue;
      const check = checkSum({ value: w.value, decimals: 12 }, [c.figure]);
      if (c.figure.value.gt(w.value) && check.verdict === 'error') {
        pushFinding(ctx, t, rule, 'error', [c], `${ctx.label(t.id)}“${row.name}” ${ctx.columnLabel(t.id, col)}：得分 ${shown(c.figure)} 超过分值 ${shown(w)}。`, { expected: shown(w), actual: shown(c.figure) });
      }
    }
  });
};

/** 占比 of every item (and 100 % of its 合计) against amount ÷ the 合计 it belongs to (§3 ratio rule). */
const evalItemsShare: Evaluator<'itemsShare'> = (ctx, rule) => {
  const t = itemsTable(ctx.tables, rule.table);
  if (!t) return;
  t.rows.forEach((row, i) => {
    if (t.details[i].kind !== 'total') return;
    const total = row.cells[rule.amount];
    if (!total || total.invalid || total.figure.value.isZero()) return;
    for (const j of [...itemsUnder(t, i), i]) {
      const r = t.rows[j];
      const share = r.cells[rule.share];
      const part = r.cells[rule.amount];
      if (!share || !part || share.invalid || part.invalid || share.figure.blank) continue;
      const c = checkRatio(part.figure, total.figure, share.figure, 100);
      if (c.verdict === 'ok') continue;
      const e = c.expected.toFixed(share.figure.decimals);
      const oneDecimal = share.figure.decimals > 1 && share.figure.value.toFixed(share.figure.decimals).endsWith('0') && roundHalfUp(c.range[0], share.figure.decimals - 1).eq(share.figure.value);
      pushFinding(ctx, t, rule, c.verdict === 'error' ? 'error' : 'rounding', [share, part, total],
        `${ctx.label(t.id)} ${r.name}：${rule.label}。表中为 ${shown(share.figure)}%，按 ${shown(part.figure)} ÷ ${shown(total.figure)} 应为 ${e}%${c.verdict === 'rounding' ? '，在舍入允许范围内，属尾差' : ''}${oneDecimal ? `（按一位小数为 ${share.figure.value.toFixed(share.figure.decimals - 1)}%，补零写成两位小数后不再成立）` : ''}。`,
        { expected: e, actual: shown(share.figure) });
    }
  });
};

export const ITEMS_EVALUATORS = {
  itemsShare: evalItemsShare,
  itemsSum: evalItemsSum,
  rowProduct: evalRowProduct,
  itemsWeights: evalItemsWeights,
};
