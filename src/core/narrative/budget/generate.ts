/**
 * The 预算情况说明 (seed 004 第三部分, sections 一 … 十一) from the 部门预算公开 tables. Every
 * figure comes from a table cell; what the tables do not hold (上年 comparisons, the 用途 of a
 * project, 机关运行经费, 车辆, the 绩效指标) is a visible placeholder, never invented.
 * Wording lives in patterns.ts beside this file.
 */
import Decimal from 'decimal.js';
import { subjectName } from '../../codes';
import { ItemsTable, itemsTable } from '../../form-model';
import { TableSet } from '../../model';
import { Figure, ZERO, formatAmount } from '../../money';
import { sharesOf } from '../../phrases';
import { B01 } from '../../templates/budget';
import { Block, Inline, NarrativeDoc, fill, joinInline, merge, ph } from '../doc';
import { NarrativeParams } from '../params';
import { publishName } from '../sections/writer';
import { BUDGET_HEADINGS, BUDGET_PATTERNS as P, INCOME_NAMES, PURCHASE_KINDS } from './patterns';

class BudgetText {
  readonly blocks: Block[] = [];
  readonly unit: string | Inline;
  readonly year: string | Inline;

  constructor(
    readonly t: TableSet,
    readonly p: NarrativeParams,
  ) {
    const y = p.num('年度') ?? t.tables.find((x) => x.year !== undefined)?.year;
    this.year = y !== undefined ? String(y) : ph('预算年度（参数“年度”）');
    this.unit = p.text('单位名称') ?? ph('单位名称（参数“单位名称”）');
  }

  amt(v: Figure | Decimal | undefined): string {
    return formatAmount(v === undefined ? ZERO : Decimal.isDecimal(v) ? v : (v as Figure).value, this.p.settings.amountDecimals);
  }

  fig(table: string, row: string, col: string): Decimal {
    return this.t.figure(table, row, col).value;
  }

  heading(i: number): void {
    this.blocks.push({ kind: 'heading', level: 1, text: BUDGET_HEADINGS[i] });
  }

  para(parts: Inline[]): void {
    this.blocks.push({ kind: 'para', parts: merge(parts) });
  }

  /** `name X万元，占Y%` for every non-zero part, shares that add up to 100 %. */
  partsWithShares(parts: [string, Decimal][], total: Decimal): Inline[] {
    const shown = parts.filter(([, v]) => !v.isZero());
    const shares = sharesOf(shown.map(([, v]) => v), total, this.p.settings.shareDecimals);
    // A whole share (100 %) is written without decimals, as the offices write it.
    const pct = (x: Decimal) => (x.isInteger() ? x.toFixed(0) : x.toFixed(this.p.settings.shareDecimals));
    return joinInline(shown.map(([name, v], i) => fill(P.partShare, { 名称: name, 金额: this.amt(v), 占比: pct(shares[i]) })), '；');
  }

  // 一 收支预算总体安排情况 · 二 收入 · 三 支出
  overview(): void {
    const income = INCOME_NAMES.map(([line, name]): [string, Decimal] => [name, this.fig('预算01', `L${line}`, '1')]).filter(([, v]) => !v.isZero());
    const basic = this.fig('预算03', '合计', '2');
    const project = this.fig('预算03', '合计', '3');
    const incomeTotal = this.fig('预算01', `L${B01.incomeTotal}`, '1');
    const expenseTotal = this.fig('预算01', `L${B01.expenseTotal}`, '2');
    this.heading(0);
    this.para(fill(P.comprehensive, { 单位: this.unit }));
    this.para(fill(P.incomeKinds, { 收入种类: income.map(([n]) => n).join('、') || '无' }));
    this.para(fill(P.expenseKinds, { 支出种类: [basic.isZero() ? '' : '基本支出', project.isZero() ? '' : '项目支出'].filter(Boolean).join('、') || '无' }));
    this.para(fill(P.totalBudget, { 年度: this.year, 金额: this.amt(this.fig('预算01', `L${B01.incomeSum}`, '1')), 比较: ph('与上年相比的增减情况及原因') }));
    this.heading(1);
    this.para(fill(P.incomeBudget, { 年度: this.year, 金额: this.amt(incomeTotal), 构成: this.partsWithShares(income, incomeTotal) }));
    this.heading(2);
    this.para(fill(P.expenseBudget, { 年度: this.year, 金额: this.amt(expenseTotal), 构成: this.partsWithShares([['基本支出', basic], ['项目支出', project]], this.fig('预算03', '合计', '1')) }));
  }

  // 四 财政拨款收支预算总体情况
  fiscal(): void {
    this.heading(3);
    const t4 = this.t.get('预算04');
    this.para(fill(P.fiscalTotal, { 年度: this.year, 金额: this.amt(this.t.figure('预算04', `L9`, '1')) }));
    const income = [2, 3, 4].map((l) => t4?.rows.find((r) => r.key === `L${l}`)).filter((r) => r && !r.cells['1']?.figure.value.isZero());
    this.para(fill(P.fiscalIncome, { 收入: joinInline(income.map((r) => fill(P.nameAmount, { 名称: `${r!.name}本年收入`, 金额: this.amt(r!.cells['1'].figure) })), '，') }));
    const classes = (t4?.rows ?? []).filter((r) => r.code && !r.cells['2']?.figure.value.isZero());
    this.para(fill(P.fiscalExpense, { 支出: joinInline(classes.map((r) => fill(P.nameAmount, { 名称: publishName(r.name), 金额: this.amt(r.cells['2'].figure) })), '，') }));
  }

  // 五 一般公共预算支出安排情况
  general(): void {
    this.heading(4);
    const total = this.fig('预算05', '合计', '1');
    this.para(fill(P.generalTotal, { 年度: this.year, 金额: this.amt(total), 比较: ph('与上年相比的增减情况及原因') }));
    this.para(fill(P.generalBasic, { 基本: this.amt(this.fig('预算05', '合计', '2')), 人员: this.amt(this.fig('预算05', '合计', '3')), 公用: this.amt(this.fig('预算05', '合计', '4')) }));
    const items = (this.t.get('预算05')?.rows ?? []).filter((r) => r.code?.length === 7 && !r.cells['5']?.figure.value.isZero());
    this.para(fill(P.generalProject, { 项目: this.amt(this.fig('预算05', '合计', '5')), 科目: joinInline(items.map((r) => fill(P.nameAmount, { 名称: publishName(r.name), 金额: this.amt(r.cells['5'].figure) })), '；') || '无' }));
  }

  // 六 一般公共预算基本支出安排情况
  basic(): void {
    this.heading(5);
    const rows = this.t.get('预算06')?.rows ?? [];
    const used = (cls: string, col: string) => rows.filter((r) => r.code?.length === 5 && r.code.startsWith(cls) && !r.cells[col]?.figure.value.isZero()).map((r) => publishName(r.name));
    this.para(fill(P.basicTotal, { 年度: this.year, 金额: this.amt(this.fig('预算06', '合计', '1')) }));
    const personnel = ['301', '303'].filter((c) => !this.fig('预算06', c, '2').isZero());
    this.para(fill(P.personnel, { 金额: this.amt(this.fig('预算06', '合计', '2')) }));
    for (const cls of personnel) {
      this.para(fill(P.classUse, { 名称: subjectName(cls, 'economic') ?? cls, 金额: this.amt(this.fig('预算06', cls, '2')), 用途: used(cls, '2').join('、') }));
    }
    this.para(fill(P.publicUse, { 金额: this.amt(this.fig('预算06', '合计', '3')), 用途: rows.filter((r) => r.code?.length === 5 && !r.cells['3']?.figure.value.isZero()).map((r) => publishName(r.name)).join('、') || '无' }));
  }

  // 七 “三公”经费 · 八 政府性基金 · 九 国有资本经营
  sangong(): void {
    this.heading(6);
    const v = (c: string) => this.amt(this.t.figure('预算07', '合计', c));
    this.para(fill(P.sangong, { 年度: this.year, 合计: v('1'), 比较: ph('与上年相比的增减情况及原因'), 出国: v('2'), 公务用车: v('3'), 购置: v('4'), 运行: v('5'), 接待: v('6') }));
    [['预算08', 7, '政府性基金预算'], ['预算09', 8, '国有资本经营预算']].forEach(([id, h, fund]) => {
      this.heading(h as number);
      const total = this.fig(id as string, '合计', '1');
      this.para(total.isZero() ? fill(P.noFund, { 年度: this.year, 资金: fund as string }) : fill(P.fund, { 年度: this.year, 资金: fund as string, 金额: this.amt(total) }));
    });
  }

  // 十 项目支出安排情况
  projects(): void {
    this.heading(9);
    const t10 = itemsTable(this.t, '预算10');
    const items = t10 ? t10.rows.filter((_, i) => t10.details[i].kind === 'item') : [];
    this.para(fill(P.projectTotal, { 年度: this.year, 金额: this.amt(this.fig('预算10', '合计', '1')) }));
    items.forEach((r, i) => this.para(fill(P.project, { 序号: `（${'一二三四五六七八九十'[i] ?? i + 1}）`, 名称: r.name, 金额: this.amt(r.cells['1']?.figure), 用途: ph(`${r.name}的主要用途`) })));
  }

  // 十一 其他重要事项
  others(): void {
    this.heading(10);
    this.para(fill(P.runningCost, { 年度: this.year, 情况: ph('机关运行经费预算及增减原因（无下属行政单位、参照公务员法管理事业单位时写明）') }));
    const t11 = itemsTable(this.t, '预算11');
    const kinds = PURCHASE_KINDS.map(([prefix, name]): [string, Decimal] => [name, sumItems(t11, 'amount', (it) => (it.texts.item?.text ?? '').replace(/^\[/, '').startsWith(prefix))]);
    this.para(fill(P.purchase, { 年度: this.year, 合计: this.amt(this.t.figure('预算11', '合计', 'amount')), 分类: joinInline(kinds.map(([n, v]) => fill(P.nameAmount, { 名称: n, 金额: this.amt(v) })), '，') }));
    const service = sumItems(itemsTable(this.t, '预算12'), 'amount', () => true);
    this.para(service.isZero() ? fill(P.noService, { 年度: this.year }) : fill(P.service, { 年度: this.year, 金额: this.amt(service) }));
    const assets = sumItems(itemsTable(this.t, '预算13'), 'total', () => true);
    this.para(assets.isZero() ? fill(P.noAssets, { 年度: this.year, 车辆: ph('截至上年末车辆情况') }) : fill(P.assets, { 年度: this.year, 金额: this.amt(assets), 车辆: ph('截至上年末车辆情况') }));
    this.para(fill(P.targets, { 年度: this.year, 金额: this.amt(this.fig('预算10', '合计', '1')), 指标: ph('部门整体及项目绩效目标、指标') }));
  }
}

function sumItems(t: ItemsTable | undefined, col: string, keep: (d: ItemsTable['details'][number]) => boolean): Decimal {
  if (!t) return ZERO;
  return t.rows.reduce((s, r, i) => (t.details[i].kind === 'item' && keep(t.details[i]) ? s.plus(r.cells[col]?.figure.value ?? 0) : s), ZERO);
}

/** The 预算情况说明 of a 部门预算公开 workbook. */
export function generateBudgetNarrative(tables: TableSet, params: NarrativeParams = new NarrativeParams()): NarrativeDoc {
  const g = new BudgetText(tables, params);
  g.overview();
  g.fiscal();
  g.general();
  g.basic();
  g.sangong();
  g.projects();
  g.others();
  const unit = typeof g.unit === 'string' ? g.unit : '';
  const year = typeof g.year === 'string' ? `${g.year}年` : '';
  return { title: `${unit}${year}部门预算情况说明`, blocks: g.blocks };
}
