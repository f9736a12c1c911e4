/** 七 政府性基金 · 八 国有资本经营: the 公开07/08 figures, or the sentence that there were none. */
import { Block, Inline, fill, joinInline, merge, ph } from '../doc';
import { FactName } from '../facts';
import { S7, S8 } from '../patterns';
import { Writer, fig, publishName } from './writer';

const FUNDS = {
  七: { table: '决算07', W: S7, reason: '原因.政府性基金', prior: '上年.政府性基金预算财政拨款支出', spent: '政府性基金本年支出', col: '3', label: '公开07表' },
  八: { table: '决算08', W: S8, reason: '原因.国有资本经营', prior: '上年.国有资本经营预算财政拨款支出', spent: '国有资本经营支出', col: '1', label: '公开08表' },
} as const;

function fund(w: Writer, kind: keyof typeof FUNDS): Block[] {
  const { table, W, reason, prior: priorPath, col, label } = FUNDS[kind];
  const spent: FactName = FUNDS[kind].spent;
  if (!w.f.has(table)) return [w.para([ph(`${W.subject}情况（未识别到${label}）`)])];
  const out: Inline[][] = [];
  if (w.f.allZero(table)) {
    out.push(fill(W.none, { 年度: w.year }));
    const prior = w.p.amount(priorPath);
    if (prior && !prior.value.isZero()) out.push(w.change({ subject: W.subject, current: w.f.get(spent), priorPath, noun: '支出', reasons: [reason] }).parts);
    else if (w.p.text(reason)) out.push(fill(W.noneReason, { 原因: w.reason([reason], '') }));
    return [w.para(...out)];
  }
  if (kind === '七') {
    out.push(
      fill(S7.summary, { 年度: w.year, 年初: w.factText('政府性基金年初结转和结余'), 收入: w.factText('政府性基金本年收入'), 支出: w.factText('政府性基金本年支出'), 年末: w.factText('政府性基金年末结转和结余') }),
      fill(S7.split, { 基本: w.factText('政府性基金基本支出'), 项目: w.factText('政府性基金项目支出') }),
    );
  } else {
    out.push(fill(S8.summary, { 年度: w.year, 支出: w.factText('国有资本经营支出'), 基本: w.factText('国有资本经营基本支出'), 项目: w.factText('国有资本经营项目支出') }));
  }
  const classes = w.f.codedRows(table, 3).filter((r) => !fig(r, col).value.isZero());
  if (classes.length) {
    const items = classes.map((r) => fill(W.classItem, { 类名: publishName(r.name), 金额: w.amt(fig(r, col)) }));
    out.push(merge([{ text: W.classesIntro }, ...joinInline(items, W.classSep), { text: W.classesEnd }]));
  }
  out.push(w.change({ subject: W.subject, current: w.f.get(spent), priorPath, noun: '支出', reasons: [reason] }).parts);
  return [w.para(...out)];
}

export function governmentFunds(w: Writer): Block[] {
  return fund(w, '七');
}

export function stateCapital(w: Writer): Block[] {
  return fund(w, '八');
}
