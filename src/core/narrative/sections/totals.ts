/**
 * 一 收入支出决算总体情况 · 二 收入决算 · 三 支出决算 · 四 财政拨款收入支出决算总体情况:
 * the totals of 公开01/02/03/04, their parts with shares, and their change against last year.
 */
import { EXPENSE_PARTS, INCOME_PARTS } from '../../codes/disclosure';
import { sharesOf } from '../../phrases';
import { Block, Inline, fill, joinInline, merge, ph } from '../doc';
import { FactName } from '../facts';
import { S1, S2, S3, S4 } from '../patterns';
import { Writer } from './writer';

/** 一: 收、支总计, what besides this year's income and spending makes them, the change. */
export function overall(w: Writer): Block[] {
  const inc = w.f.get('收入总计');
  const exp = w.f.get('支出总计');
  const first =
    inc && exp && !inc.value.eq(exp.value)
      ? fill(S1.totalDiffer, { 年度: w.year, 收入总计: w.amt(inc), 支出总计: w.amt(exp) })
      : fill(S1.total, { 年度: w.year, 总计: inc ? w.amt(inc) : w.factText('收入总计') });
  const out: Inline[][] = [first];
  const extrasIn: FactName[] = ['使用非财政拨款结余', '年初结转和结余'];
  const extrasOut: FactName[] = ['结余分配', '年末结转和结余'];
  const nz = (n: FactName): boolean => !!w.f.get(n) && !w.f.get(n)!.value.isZero();
  if ([...extrasIn, ...extrasOut].some(nz)) {
    const part = (list: FactName[]): Inline[] => merge(list.filter(nz).flatMap((n) => fill(S1.part, { 名称: n, 金额: w.amt(w.f.get(n)!) })));
    out.push(fill(S1.composition, { 本年收入合计: w.factText('本年收入合计'), 其他收入项: part(extrasIn), 本年支出合计: w.factText('本年支出合计'), 其他支出项: part(extrasOut) }));
  }
  out.push(w.change({ subject: S1.subject, current: inc, priorPath: '上年.收支总计', noun: '收支', pair: true, reasons: ['原因.收支总计'] }).parts);
  return [w.para(...out)];
}

/** 二 / 三: a total, its parts with shares (before the change, so no 其中 follows a reason), its change. */
function structure(w: Writer, kind: '收入' | '支出'): Block[] {
  const W = kind === '收入' ? S2 : S3;
  const totalName: FactName = kind === '收入' ? '本年收入合计' : '本年支出合计';
  const total = w.f.get(totalName);
  /** Parts always named (财政拨款收入; 基本支出, 项目支出) and those named when not zero. */
  const parts = kind === '收入' ? INCOME_PARTS.map((p, i) => ({ name: p.name as FactName, always: i === 0 })) : EXPENSE_PARTS.map((p, i) => ({ name: p.name as FactName, always: i < 2 }));
  const change = w.change({ subject: W.subject, current: total, priorPath: `上年.${totalName}`, noun: kind, reasons: [kind === '收入' ? '原因.收入' : '原因.支出', '原因.收支总计'] }).parts;
  const totalText = total ? w.amt(total) : w.factText(totalName);
  if (total && total.value.isZero()) return [w.para(fill(W.total, { 年度: w.year, 金额: totalText }), fill(W.none, { 年度: w.year }), change)];
  const figs = parts.map((p) => ({ ...p, fig: w.f.get(p.name) }));
  let composition: Inline[];
  if (total && figs.every((x) => x.fig)) {
    const shown = figs.filter((x) => x.always || !x.fig!.value.isZero());
    const shares = sharesOf(figs.map((x) => x.fig!.value), total.value, w.s.shareDecimals);
    const items = shown.map((x) => fill(W.part, { 名称: x.name, 金额: w.amt(x.fig!), 占比: w.pct(shares[figs.indexOf(x)], w.s.shareDecimals) }));
    composition = merge([...joinInline(items, W.partSep)]);
  } else {
    composition = [ph(`${kind}构成（未识别到${kind === '收入' ? '公开02表' : '公开03表'}）`)];
  }
  return [w.para(fill(W.totalWithParts, { 年度: w.year, 金额: totalText, 构成: composition }), change)];
}

export function income(w: Writer): Block[] {
  return structure(w, '收入');
}

export function expense(w: Writer): Block[] {
  return structure(w, '支出');
}

/** 四: 财政拨款收、支总计, the income of each fund, carry-overs. */
export function appropriations(w: Writer): Block[] {
  const inc = w.f.get('财政拨款收入总计');
  const exp = w.f.get('财政拨款支出总计');
  const out: Inline[][] = [];
  out.push(
    inc && exp && !inc.value.eq(exp.value)
      ? fill(S4.totalDiffer, { 年度: w.year, 收入总计: w.amt(inc), 支出总计: w.amt(exp) })
      : fill(S4.total, { 年度: w.year, 总计: inc ? w.amt(inc) : w.factText('财政拨款收入总计') }),
  );
  out.push(w.change({ subject: S4.subject, current: inc, priorPath: '上年.财政拨款收支总计', noun: '收支', pair: true, reasons: ['原因.财政拨款'] }).parts);
  const funds: FactName[] = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入'];
  funds.forEach((name, i) => {
    const v = w.f.get(name);
    if (!v) return;
    const priorPath = `上年.${name}`;
    const prior = w.p.amount(priorPath);
    if (i > 0 && v.value.isZero() && (!prior || prior.value.isZero())) return;
    out.push(fill(S4.fundIncome, { 年度: w.year, 名称: name, 金额: w.amt(v) }));
    if (prior || i === 0) out.push(w.change({ subject: name, current: v, priorPath, noun: '收入', reasons: false }).parts);
  });
  const b = w.f.get('年初财政拨款结转和结余');
  const e = w.f.get('年末财政拨款结转和结余');
  if ((b && !b.value.isZero()) || (e && !e.value.isZero())) {
    out.push(fill(S4.carry, { 年初: w.factText('年初财政拨款结转和结余'), 年末: w.factText('年末财政拨款结转和结余') }));
  }
  return [w.para(...out)];
}
