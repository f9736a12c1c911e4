/**
 * The 绩效自评结果 text (seed 002) from the recognised forms: per project (then the 部门整体
 * form) its score and grade, 执行率 and its score, the indicators met and not met — with the
 * form's 偏差原因 or a visible placeholder — and the 改进措施.
 */
import { FormTable, formTables } from '../../form-model';
import { TableSet } from '../../model';
import { D, Figure, formatAmount, roundHalfUp } from '../../money';
import { grade } from '../../scoring';
import { isEmptyReason } from '../../checks/forms';
import { readIndicator } from '../../checks/indicators';
import { Block, Inline, NarrativeDoc, fill, joinInline, ph } from '../doc';
import { NarrativeParams } from '../params';
import { PERFORMANCE_PATTERNS as P } from './patterns';

function partOf(f: FormTable, department: boolean, p: NarrativeParams): Block[] {
  const { form } = f;
  const blocks: Block[] = [];
  const para = (parts: Inline[]) => blocks.push({ kind: 'para', parts });
  const name = form.name?.text.replace(/\s+/g, '') ?? '';
  const amt = (x?: { figure: Figure; invalid?: string }): string | Inline => (x && !x.invalid ? formatAmount(x.figure.value, Math.max(p.settings.amountDecimals, Math.min(x.figure.decimals, 4))) : ph('表中无此数'));
  const pts = (x?: { figure: Figure; invalid?: string }): string | Inline => (x && !x.invalid && !x.figure.blank ? x.figure.value.toFixed(x.figure.decimals) : ph('得分'));
  blocks.push({ kind: 'heading', level: 1, text: department ? P.departmentTitle : fill(P.projectTitle, { 名称: name || '项目' }).map((i) => ('text' in i ? i.text : '')).join('') });
  blocks.push({ kind: 'heading', level: 2, text: P.conclusion });
  const subject = department ? '部门整体' : '本项目';
  const total = form.total && !form.total.invalid ? form.total.figure : undefined;
  para(fill(P.score, { 主语: subject, 总分: pts(form.total), 等级: total ? grade(total.value) : ph('评价等级') }));
  blocks.push({ kind: 'heading', level: 2, text: P.targetsDone });
  const e = form.exec;
  const budget = e?.C?.figure.value;
  const spent = e?.D?.figure.value;
  const rate: string | Inline = budget && spent && !budget.isZero() ? roundHalfUp(spent.div(budget).mul(100), 2).toFixed(2) : ph('执行率');
  para(fill(P.execution, { 主语: department ? '部门' : '项目', 年初: amt(e?.A), 追加: amt(e?.B), 全年: amt(e?.C), 执行: amt(e?.D), 执行率: rate, 得分: pts(e?.score) }));
  if (department) para(fill(P.split, { 基本: amt(form.amounts.basic), 项目: amt(form.amounts.project) }));
  const unmet = new Set<number>();
  const met: Inline[][] = [];
  const missed: Inline[][] = [];
  form.indicators.forEach((ind, i) => {
    const r = readIndicator(ind, true);
    const target = (ind.target ?? ind.targetC)?.text.replace(/\s+/g, '') ?? '';
    // A %-formatted actual arrives as a fraction (0.967): say it as the form shows it.
    const v = ind.actual?.value;
    const actual = typeof v === 'number' && target.includes('%') && Math.abs(v) <= 10 ? `${new D(v).mul(100).toString()}%` : ind.actual?.text.replace(/\s+/g, '') ?? '';
    const item = { 名称: ind.name.text.replace(/\s+/g, ''), 目标: target, 实际: actual };
    if (!('problem' in r) && r.hi.lt(1)) {
      unmet.add(i);
      missed.push(fill(P.unmetItem, item));
    } else met.push(fill(P.indicator, item));
  });
  para(met.length ? fill(P.met, { 指标: joinInline(met, '；') }) : fill(P.metNone, {}));
  para(missed.length ? fill(P.unmet, { 指标: joinInline(missed, '；') }) : fill(P.unmetNone, {}));
  const reason = isEmptyReason(form.reason) ? (unmet.size || (total && total.value.lt(100)) ? ph('偏差原因（表中“偏差大或目标未完成原因分析”为空）') : '无。') : form.reason!.text;
  para(fill(P.problems, { 原因: reason }));
  para(fill(P.improve, { 措施: form.improve && !isEmptyReason(form.improve) ? form.improve.text : ph('改进措施及结果应用方案') }));
  return blocks;
}

/** The 自评结果 text of a 绩效 workbook: each project form, then the 部门整体 form. */
export function generatePerformanceNarrative(tables: TableSet, params: NarrativeParams = new NarrativeParams()): NarrativeDoc {
  const blocks: Block[] = [];
  for (const f of formTables(tables, '绩效项目')) if (f.form.name?.text || f.form.indicators.length) blocks.push(...partOf(f, false, params));
  for (const f of formTables(tables, '绩效整体')) blocks.push(...partOf(f, true, params));
  const unit = params.text('单位名称');
  const year = params.num('年度') ?? tables.tables.find((t) => t.year !== undefined)?.year;
  return { title: `${unit ?? ''}${year ? `${year}年度` : ''}绩效自评结果`, blocks };
}
