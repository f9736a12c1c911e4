/**
 * 九 “三公”经费: the total and each item against its 全年预算 (公开09) and last year, with the
 * counts (团组, 人次, 车辆) and the reasons; an item with nothing budgeted or spent is one sentence,
 * spending without a budget is said so (年初未安排预算…比年初预算增加), and a table closes it.
 */
import { SANGONG_ITEMS, SangongItem } from '../../codes/disclosure';
import { Figure, ZERO, roundHalfUp } from '../../money';
import { describeChange } from '../../phrases';
import { Block, Inline, SlotValue, fill, ph } from '../doc';
import { sangongCell } from '../facts';
import { HEADINGS, S9 } from '../patterns';
import { ChangeKind, Writer, stripEndPunct } from './writer';

export function sangong(w: Writer): Block[] {
  if (!w.f.has('决算09')) return [w.para([ph('“三公”经费支出情况（未识别到公开09表）')])];
  const [total, abroad, vehicle, purchase, operation, reception] = SANGONG_ITEMS;
  const blocks: Block[] = [w.h2(1, HEADINGS.九一), overallPara(w, total), w.h2(2, HEADINGS.九二)];
  const count = (path: string, zeroIf: Figure, what: string): SlotValue => {
    const n = w.p.num(path);
    if (n !== undefined) return String(n);
    if (zeroIf.value.isZero()) return '0';
    return ph(`${what}（参数“${path}”）`);
  };
  const abroadActual = cell(w, abroad, 'actual');
  blocks.push(
    itemPara(w, 1, abroad, [
      fill(S9.abroadCounts, { 团组: count('三公经费.出国团组数', abroadActual, '出国（境）团组数'), 人次: count('三公经费.出国人次', abroadActual, '出国（境）人次') }),
    ]),
  );
  const pa = cell(w, purchase, 'actual');
  const oa = cell(w, operation, 'actual');
  const usage = oa.value.isZero() ? '公务用车运行维护' : w.reason(['用途.公务用车运行维护费'], '公务用车运行维护费主要用于哪些方面');
  const stock = w.p.num('三公经费.公务用车保有量');
  blocks.push(
    itemPara(w, 2, vehicle, [
      fill(S9.purchase, { 金额: w.amt(pa), 辆: count('三公经费.购置车辆数', pa, '本年度购置（更新）公务用车辆数') }),
      fill(S9.operation, { 金额: w.amt(oa), 用途: usage, 年度: w.year, 保有量: stock !== undefined ? String(stock) : ph('年末公务用车保有量（参数“三公经费.公务用车保有量”）') }),
    ]),
  );
  const ra = cell(w, reception, 'actual');
  const amountParam = (path: string, what: string): SlotValue => {
    const a = w.p.amount(path);
    if (a) return w.amt(a);
    if (ra.value.isZero()) return w.amt(ZERO);
    return ph(`${what}（参数“${path}”）`);
  };
  const recExtra: Inline[][] = [
    fill(S9.receptionForeign, { 金额: amountParam('三公经费.外宾接待费', '外宾接待支出'), 团组: count('三公经费.外宾接待团组数', ra, '外宾接待团组数'), 人次: count('三公经费.外宾接待人次', ra, '外宾接待人次') }),
    fill(S9.receptionDomestic, { 金额: amountParam('三公经费.国内接待费', '国内公务接待支出'), 团组: count('三公经费.国内接待团组数', ra, '国内公务接待团组数'), 人次: count('三公经费.国内接待人次', ra, '国内公务接待人次') }),
  ];
  const ru = w.p.text('用途.公务接待费');
  if (ru) recExtra.push(fill(S9.receptionUsage, { 用途: stripEndPunct(ru) }));
  blocks.push(itemPara(w, 3, reception, recExtra));
  blocks.push(table(w));
  return blocks;
}

function cell(w: Writer, item: SangongItem, which: 'budget' | 'actual'): Figure {
  return w.f.at(sangongCell(item, which))!;
}

type State = 'zero' | 'noBudget' | 'normal';

/** Nothing at all (budget, spending and last year zero), spending without a budget, or the usual case. */
function stateOf(w: Writer, item: SangongItem): State {
  const b = roundHalfUp(cell(w, item, 'budget').value, w.s.amountDecimals);
  const a = roundHalfUp(cell(w, item, 'actual').value, w.s.amountDecimals);
  const initial = w.p.amount(`年初预算.三公经费.${item.key}`);
  if (!b.isZero() || (initial && !initial.value.isZero())) return 'normal';
  const prior = w.p.amount(`上年.三公经费.${item.key}`);
  if (a.isZero()) return !prior || prior.value.isZero() ? 'zero' : 'normal';
  return 'noBudget';
}

function flatTail(w: Writer, item: SangongItem): string {
  return w.p.amount(`上年.三公经费.${item.key}`) ? S9.flatTail : '';
}

function overallPara(w: Writer, total: SangongItem): Block {
  const tb = cell(w, total, 'budget');
  const ta = cell(w, total, 'actual');
  const state = stateOf(w, total);
  const reasonPath = `原因.三公经费.${total.key}`;
  if (state === 'zero') return w.para(fill(S9.overallZero, { 年度: w.year, 持平: flatTail(w, total), 原因: w.reason([reasonPath], '未发生“三公”经费支出的原因') }));
  const tc = w.change({ subject: S9.subject, current: ta, priorPath: '上年.三公经费.合计', noun: '支出', reasons: false });
  const first = state === 'noBudget' ? fill(S9.overallNoBudget, { 年度: w.year, 决算: w.amt(ta) }) : fill(S9.overall, { 年度: w.year, 预算: w.amt(tb), 决算: w.amt(ta), 完成: w.rateClause(ta, tb, S9) });
  return w.para(first, tc.parts, deviationReason(w, total, tb, ta, tc.kind, '“三公”经费'));
}

/** One item: its sentence, its parts (其中…), its change against last year, the reason. */
function itemPara(w: Writer, n: number, item: SangongItem, parts: Inline[][]): Block {
  const b = cell(w, item, 'budget');
  const a = cell(w, item, 'actual');
  const state = stateOf(w, item);
  if (state === 'zero') return w.para(fill(S9.itemZero, { 序号: String(n), 名称: item.name, 持平: flatTail(w, item), 原因: w.reason([`原因.三公经费.${item.key}`], `未发生${item.name}支出的原因`) }));
  const ch = w.change({ subject: item.name, current: a, priorPath: `上年.三公经费.${item.key}`, noun: '支出', reasons: false });
  const first = state === 'noBudget' ? fill(S9.itemNoBudget, { 序号: String(n), 名称: item.name, 决算: w.amt(a) }) : fill(S9.item, { 序号: String(n), 名称: item.name, 预算: w.amt(b), 决算: w.amt(a), 完成: w.rateClause(a, b, S9) });
  return w.para(first, ...parts, ch.parts, deviationReason(w, item, b, a, ch.kind, item.name));
}

/** Why the figure differs from its budget and from last year (a 原因 parameter or a placeholder). */
function deviationReason(w: Writer, item: SangongItem, budget: Figure, actual: Figure, change: ChangeKind, label: string): Inline[] {
  const reasonPath = `原因.三公经费.${item.key}`;
  const a = roundHalfUp(actual.value, w.s.amountDecimals);
  const b = roundHalfUp(budget.value, w.s.amountDecimals);
  const devs: string[] = [];
  if (!a.eq(b) && !b.isZero()) devs.push(a.gt(b) ? S9.higher : S9.lower);
  if (change === 'increase' || change === 'new') devs.push(S9.changed.replace('{变化}', '增加'));
  if (change === 'decrease') devs.push(S9.changed.replace('{变化}', '减少'));
  if (b.isZero() && !a.isZero()) devs.unshift(S9.higher);
  if (devs.length === 0) return [];
  return fill(S9.deviation, { 偏差: devs.join(S9.deviationSep), 原因: w.reason([reasonPath], `${label}决算数${devs.join(S9.deviationSep)}的主要原因`) });
}

/** The 三公 table after the text: 全年预算数, 决算数, 完成预算, 上年决算数, 增减额, 增减率. */
function table(w: Writer): Block {
  const rows = SANGONG_ITEMS.map((item) => {
    const b = cell(w, item, 'budget');
    const a = cell(w, item, 'actual');
    const prior = w.p.amount(`上年.三公经费.${item.key}`);
    const bz = roundHalfUp(b.value, w.s.amountDecimals).isZero();
    const rate = bz ? S9.tableNA : `${w.pct(a.value.div(b.value).mul(100), w.s.rateDecimals)}%`;
    let priorText: string = S9.tableMissing;
    let diff: string = S9.tableMissing;
    let diffPct: string = S9.tableMissing;
    if (prior) {
      const ch = describeChange(a.value, prior.value, { amountDecimals: w.s.amountDecimals, percentDecimals: w.s.changeDecimals });
      priorText = w.amt(prior);
      const sign = ch.kind === 'decrease' ? '-' : ch.kind === 'flat' ? '' : '+';
      diff = `${sign}${w.amt(ch.amount)}`;
      diffPct = ch.percent ? `${sign}${w.pct(ch.percent, w.s.changeDecimals)}%` : ch.kind === 'flat' ? '0%' : S9.tableNA;
    }
    return [S9.tableNames[item.key], w.amt(b), w.amt(a), rate, priorText, diff, diffPct];
  });
  const caption = fill(S9.tableCaption, { 年度: typeof w.year === 'string' ? w.year : '' }).map((p) => ('text' in p ? p.text : '')).join('');
  return { kind: 'table', caption, header: S9.tableHeader, rows };
}
