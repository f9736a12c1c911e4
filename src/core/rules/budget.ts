/** The 部门预算公开 rules of DOMAIN §6: sums within each table, code hierarchy, and the cross-table rules. */
import { FUNCTIONAL_CLASSES } from '../codes';
import { B01, B04 } from '../templates/budget';
import { CellSel, RuleDef } from './types';

const cell = (table: string, row: string, col: string): CellSel => ({ table, row, col });
const L = (n: number) => `L${n}`;
const lines = (table: string, from: number, to: number, col: string): CellSel[] => {
  const out: CellSel[] = [];
  for (let n = from; n <= to; n++) out.push(cell(table, L(n), col));
  return out;
};
const cols = (...keys: string[]) => keys.map((col) => ({ col }));
const LAST_CLASS_01 = B01.classes + FUNCTIONAL_CLASSES.length - 1;
const LAST_CLASS_04 = B04.classes + FUNCTIONAL_CLASSES.length - 1;

/** Only 一般公共预算 funds the department: 表1 lines 2–9 and 上年结转 are empty. */
const ONLY_GENERAL: RuleDef['when'] = {
  zero: [...lines('预算01', 2, 9, '1'), cell('预算01', L(B01.carried), '1')],
  because: '本部门收入全部为当年一般公共预算拨款',
};

export const BUDGET_RULES: readonly RuleDef[] = [
  // 表1 收支总表
  { kind: 'sum', id: '预算01.本年收入合计', label: '本年收入合计 = 各项收入之和', total: cell('预算01', L(B01.incomeTotal), '1'), parts: lines('预算01', 1, 9, '1') },
  { kind: 'sum', id: '预算01.收入总计', label: '收入总计 = 本年收入合计 + 上年结转结余', total: cell('预算01', L(B01.incomeSum), '1'), parts: lines('预算01', B01.incomeTotal, B01.carried, '1') },
  { kind: 'sum', id: '预算01.本年支出合计', label: '本年支出合计 = 各类支出之和', total: cell('预算01', L(B01.expenseTotal), '2'), parts: lines('预算01', B01.classes, LAST_CLASS_01, '2') },
  { kind: 'sum', id: '预算01.支出总计', label: '支出总计 = 本年支出合计 + 年终结转结余', total: cell('预算01', L(B01.expenseSum), '2'), parts: lines('预算01', B01.expenseTotal, B01.carriedOut, '2') },
  { kind: 'sum', id: '预算01.财政拨款收入', label: '财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算', total: cell('预算01', L(B01.grants), '1'), parts: lines('预算01', 1, 3, '1') },
  { kind: 'sum', id: '预算01.收支总计相等', label: '收入总计 = 支出总计', total: cell('预算01', L(B01.incomeSum), '1'), parts: [cell('预算01', L(B01.expenseSum), '2')] },

  // Layouts without the 本年收入合计 / 本年支出合计 lines (上海): the 总计 lines against the lines themselves.
  {
    kind: 'sum', id: '预算01.收入总计', label: '收入总计 = 各项收入 + 上年结转结余', total: cell('预算01', L(B01.incomeSum), '1'), parts: [...lines('预算01', 1, 9, '1'), cell('预算01', L(B01.carried), '1')],
    when: { absent: [cell('预算01', L(B01.incomeTotal), '1')], because: '表中未列本年收入合计' },
  },
  {
    kind: 'sum', id: '预算01.支出总计', label: '支出总计 = 各类支出 + 年终结转结余', total: cell('预算01', L(B01.expenseSum), '2'), parts: [...lines('预算01', B01.classes, LAST_CLASS_01, '2'), cell('预算01', L(B01.carriedOut), '2')],
    when: { absent: [cell('预算01', L(B01.expenseTotal), '2')], because: '表中未列本年支出合计' },
  },

  // 表2 收入总表
  { kind: 'rowSum', id: '预算02.合计', label: '合计 = 本年收入小计 + 上年结转结余小计', table: '预算02', total: 'total', parts: cols('cur', 'prev') },
  { kind: 'rowSum', id: '预算02.本年收入', label: '本年收入小计 = 各项收入之和', table: '预算02', total: 'cur', parts: cols('g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9') },
  { kind: 'rowSum', id: '预算02.上年结转', label: '上年结转结余小计 = 各项之和', table: '预算02', total: 'prev', parts: cols('p1', 'p2', 'p3', 'p4', 'p5') },
  { kind: 'itemsSum', id: '预算02.单位汇总', label: '合计 = 各单位之和', table: '预算02', columns: ['total', 'cur', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'prev', 'p1', 'p2', 'p3', 'p4', 'p5'] },

  // 表2 收入总表 by 功能分类 code (上海)
  { kind: 'rowSum', id: '预算02-2.合计', label: '合计 = 财政拨款收入 + 其他各项收入 + 上年结转结余', table: '预算02-2', total: 'total', parts: cols('fin', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'prev') },
  { kind: 'rowSum', id: '预算02-2.财政拨款收入', label: '财政拨款收入 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算', table: '预算02-2', total: 'fin', parts: cols('g1', 'g2', 'g3') },
  { kind: 'hierarchy', id: '预算02-2.科目汇总', label: '上级科目 = 下级科目之和', table: '预算02-2', scheme: 'functional', columns: ['total', 'fin', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'prev'] },

  // 表3 支出总表
  { kind: 'rowSum', id: '预算03.合计', label: '合计 = 基本支出 + 项目支出 + 经营支出 + 上缴上级 + 对附属单位补助', table: '预算03', total: '1', parts: cols('2', '3', '4', '5', '6') },
  { kind: 'hierarchy', id: '预算03.科目汇总', label: '上级科目 = 下级科目之和', table: '预算03', scheme: 'functional', columns: ['1', '2', '3', '4', '5', '6'] },

  // 表4 财政拨款收支总表
  { kind: 'sum', id: '预算04.本年收入', label: '本年收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算拨款', total: cell('预算04', L(B04.income), '1'), parts: lines('预算04', 2, 4, '1') },
  { kind: 'sum', id: '预算04.上年结转', label: '上年结转 = 各项结转之和', total: cell('预算04', L(B04.carried), '1'), parts: lines('预算04', 6, 8, '1') },
  { kind: 'sum', id: '预算04.收入总计', label: '收入总计 = 本年收入 + 上年结转', total: cell('预算04', L(B04.incomeSum), '1'), parts: [cell('预算04', L(B04.income), '1'), cell('预算04', L(B04.carried), '1')] },
  { kind: 'sum', id: '预算04.本年支出', label: '本年支出 = 各类支出之和', total: cell('预算04', L(B04.expense), '2'), parts: lines('预算04', B04.classes, LAST_CLASS_04, '2') },
  { kind: 'sum', id: '预算04.支出总计', label: '支出总计 = 本年支出 + 年终结转结余', total: cell('预算04', L(B04.expenseSum), '2'), parts: [cell('预算04', L(B04.expense), '2'), cell('预算04', L(B04.carriedOut), '2')] },
  {
    kind: 'sum', id: '预算04.收入总计', label: '收入总计 = 各项拨款 + 上年结转', total: cell('预算04', L(B04.incomeSum), '1'), parts: [...lines('预算04', 2, 4, '1'), cell('预算04', L(B04.carried), '1')],
    when: { absent: [cell('预算04', L(B04.income), '1')], because: '表中未列本年收入' },
  },
  ...['2', 'g1', 'g2', 'g3'].map((col): RuleDef => ({
    kind: 'sum', id: col === '2' ? '预算04.支出总计' : `预算04.支出总计.${col}`, label: '支出总计 = 各类支出 + 年终结转结余', total: cell('预算04', L(B04.expenseSum), col), parts: [...lines('预算04', B04.classes, LAST_CLASS_04, col), cell('预算04', L(B04.carriedOut), col)],
    when: { absent: [cell('预算04', L(B04.expense), '2')], because: '表中未列本年支出' },
  })),
  { kind: 'rowSum', id: '预算04.分资金', label: '支出 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算', table: '预算04', total: '2', parts: cols('g1', 'g2', 'g3') },
  { kind: 'sum', id: '预算04.收支总计相等', label: '收入总计 = 支出总计', total: cell('预算04', L(B04.incomeSum), '1'), parts: [cell('预算04', L(B04.expenseSum), '2')] },

  // 表5-1 / 5-2 一般公共预算支出表
  { kind: 'rowSum', id: '预算05.合计', label: '合计 = 基本支出 + 项目支出', table: '预算05', total: '1', parts: cols('2', '5') },
  { kind: 'rowSum', id: '预算05.基本支出', label: '基本支出小计 = 人员经费 + 公用经费', table: '预算05', total: '2', parts: cols('3', '4') },
  { kind: 'hierarchy', id: '预算05.科目汇总', label: '上级科目 = 下级科目之和', table: '预算05', scheme: 'functional', columns: ['1', '2', '3', '4', '5'] },
  { kind: 'rowSum', id: '预算05-2.合计', label: '合计 = 基本支出 + 项目支出', table: '预算05-2', total: '1', parts: cols('2', '5') },
  { kind: 'rowSum', id: '预算05-2.基本支出', label: '基本支出小计 = 人员经费 + 公用经费', table: '预算05-2', total: '2', parts: cols('3', '4') },
  { kind: 'itemsSum', id: '预算05-2.单位汇总', label: '合计 = 各单位之和', table: '预算05-2', columns: ['1', '2', '3', '4', '5'] },

  // 表6 一般公共预算基本支出表
  { kind: 'rowSum', id: '预算06.合计', label: '合计 = 人员经费 + 公用经费', table: '预算06', total: '1', parts: cols('2', '3') },
  { kind: 'hierarchy', id: '预算06.科目汇总', label: '经济分类：合计 = 各类之和，类 = 所属款之和', table: '预算06', scheme: 'economic', columns: ['1', '2', '3'] },

  // 表7 “三公”经费
  { kind: 'sum', id: '预算07.合计', label: '“三公”经费合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费', total: cell('预算07', '合计', '1'), parts: ['2', '3', '6'].map((c) => cell('预算07', '合计', c)) },
  { kind: 'sum', id: '预算07.公务用车', label: '公务用车购置及运行费 = 购置费 + 运行费', total: cell('预算07', '合计', '3'), parts: ['4', '5'].map((c) => cell('预算07', '合计', c)) },

  // 表8 / 表9 政府性基金、国有资本经营预算支出表
  ...(['预算08', '预算09'] as const).flatMap((t): RuleDef[] => [
    { kind: 'rowSum', id: `${t}.合计`, label: '合计 = 基本支出 + 项目支出', table: t, total: '1', parts: cols('2', '3') },
    { kind: 'hierarchy', id: `${t}.科目汇总`, label: '上级科目 = 下级科目之和', table: t, scheme: 'functional', columns: ['1', '2', '3'] },
  ]),

  // 表10 项目支出表
  { kind: 'rowSum', id: '预算10.合计', label: '合计 = 各资金来源之和', table: '预算10', total: '1', parts: cols('g1', 'g2', 'g3', 'c1', 'c2', 'c3', 'f', 'u') },
  { kind: 'itemsSum', id: '预算10.项目汇总', label: '合计、单位 = 所属项目之和', table: '预算10', columns: ['1', 'g1', 'g2', 'g3', 'c1', 'c2', 'c3', 'f', 'u'] },

  // 表11 政府采购 / 表12 政府购买服务 / 表13 资产配置
  { kind: 'itemsSum', id: '预算11.汇总', label: '合计 = 各采购明细之和', table: '预算11', columns: ['qty', 'amount', 'sme', 'small'] },
  { kind: 'rowProduct', id: '预算11.金额', label: '采购金额 = 采购数量 × 单价', table: '预算11', total: 'amount', factors: ['qty', 'price'] },
  { kind: 'itemsSum', id: '预算12.汇总', label: '合计 = 各明细之和', table: '预算12', columns: ['amount'] },
  { kind: 'itemsSum', id: '预算13.汇总', label: '合计 = 各明细之和', table: '预算13', columns: ['total'] },
  { kind: 'rowProduct', id: '预算13.金额', label: '总金额 = 申请数量 × 单价', table: '预算13', total: 'total', factors: ['qty', 'price'] },

  // 表14 部门整体支出绩效目标表
  { kind: 'itemsSum', id: '预算14.合计', label: '合计 = 各项之和', table: '预算14', columns: ['amount'] },
  { kind: 'itemsShare', id: '预算14.占比', label: '占比 = 金额 ÷ 合计', table: '预算14', amount: 'amount', share: 'share' },
  { kind: 'sum', id: '预算14.收支相等', label: '收入合计 = 支出合计', total: cell('预算14', '收入合计', 'amount'), parts: [cell('预算14', '支出合计', 'amount')] },

  // 表15 项目支出绩效目标表 (one per project)
  { kind: 'formSum', id: '预算15.资金来源', label: '资金来源合计 = 各来源之和', table: '预算15', total: 'source.合计', parts: ['source.*'] },
  { kind: 'formSum', id: '预算15.当年预算', label: '项目当年预算 = 资金来源合计', table: '预算15', total: 'current', parts: ['source.合计'] },
  { kind: 'formSum', id: '预算15.明细测算', label: '项目当年预算 = 支出明细测算金额之和', table: '预算15', total: 'current', parts: ['detail.*'] },

  // 表间 (cross-table)
  { kind: 'formMatchItems', id: '表间.预算15-10.当年预算', label: '表15项目当年预算 = 表10该项目合计', forms: '预算15', items: '预算10', field: 'current', col: '1' },
  { kind: 'sum', id: '表间.预算01-02.本年收入', label: '表1本年收入合计 = 表2合计行本年收入小计', total: cell('预算01', L(B01.incomeTotal), '1'), parts: [cell('预算02', '合计', 'cur')] },
  { kind: 'sum', id: '表间.预算01-02.一般公共预算', label: '表1一般公共预算拨款收入 = 表2合计行一般公共预算', total: cell('预算01', L(1), '1'), parts: [cell('预算02', '合计', 'g1')] },
  { kind: 'sum', id: '表间.预算01-02-2.收入总计', label: '表1收入总计 = 表2合计', total: cell('预算01', L(B01.incomeSum), '1'), parts: [cell('预算02-2', '合计', 'total')] },
  { kind: 'sum', id: '表间.预算01-02-2.财政拨款收入', label: '表1财政拨款收入 = 表2合计行财政拨款收入', total: cell('预算01', L(B01.grants), '1'), parts: [cell('预算02-2', '合计', 'fin')] },
  { kind: 'sum', id: '表间.预算01-03.本年支出', label: '表1本年支出合计 = 表3支出总表合计', total: cell('预算01', L(B01.expenseTotal), '2'), parts: [cell('预算03', '合计', '1')] },
  { kind: 'matchClasses', id: '表间.预算01-03.分类支出', label: '表1各类支出 = 表3同类科目合计', a: { table: '预算01', col: '2' }, b: { table: '预算03', col: '1' } },
  ...[1, 2, 3].map((n): RuleDef => ({
    kind: 'sum', id: `表间.预算04-01.第${n}项`, label: `表4本年收入第${n}项拨款 = 表1同一拨款收入`, total: cell('预算04', L(n + 1), '1'), parts: [cell('预算01', L(n), '1')],
  })),
  { kind: 'notExceedByCode', id: '表间.预算05-03.一般公共预算不超过全部', label: '表5一般公共预算支出不应大于表3同一科目的支出', part: { table: '预算05', col: '1' }, whole: { table: '预算03', col: '1' } },
  { kind: 'sum', id: '表间.预算05-03.合计', label: '表5一般公共预算支出合计 = 表3支出合计', total: cell('预算05', '合计', '1'), parts: [cell('预算03', '合计', '1')], when: ONLY_GENERAL },
  { kind: 'matchClasses', id: '表间.预算04-05.分类支出', label: '表4各类财政拨款支出 = 表5同类科目合计', a: { table: '预算04', col: '2' }, b: { table: '预算05', col: '1' }, when: ONLY_GENERAL },
  { kind: 'matchClasses', id: '表间.预算04-05.一般公共预算', label: '表4各类一般公共预算支出 = 表5同类科目合计', a: { table: '预算04', col: 'g1' }, b: { table: '预算05', col: '1' } },
  { kind: 'sum', id: '表间.预算04-08.政府性基金合计', label: '表4支出总计政府性基金预算 = 表8合计', total: cell('预算04', L(B04.expenseSum), 'g2'), parts: [cell('预算08', '合计', '1')] },
  { kind: 'sum', id: '表间.预算04-09.国有资本经营合计', label: '表4支出总计国有资本经营预算 = 表9合计', total: cell('预算04', L(B04.expenseSum), 'g3'), parts: [cell('预算09', '合计', '1')] },
  { kind: 'sum', id: '表间.预算04-05.一般公共预算合计', label: '表4支出总计一般公共预算 = 表5合计', total: cell('预算04', L(B04.expenseSum), 'g1'), parts: [cell('预算05', '合计', '1')] },
  { kind: 'sum', id: '表间.预算05-06.基本支出', label: '表5基本支出 = 表6基本支出合计', total: cell('预算05', '合计', '2'), parts: [cell('预算06', '合计', '1')] },
  { kind: 'sum', id: '表间.预算05-06.人员经费', label: '表5人员经费 = 表6人员经费合计', total: cell('预算05', '合计', '3'), parts: [cell('预算06', '合计', '2')] },
  { kind: 'sum', id: '表间.预算05-06.公用经费', label: '表5公用经费 = 表6公用经费合计', total: cell('预算05', '合计', '4'), parts: [cell('预算06', '合计', '3')] },
  ...['1', '2', '3', '4', '5'].map((c): RuleDef => ({
    kind: 'sum', id: `表间.预算05-05-2.栏${c}`, label: '表5-1合计 = 表5-2合计', total: cell('预算05', '合计', c), parts: [cell('预算05-2', '合计', c)],
  })),
  { kind: 'sum', id: '表间.预算03-10.项目支出', label: '表3项目支出合计 = 表10项目支出表合计', total: cell('预算03', '合计', '3'), parts: [cell('预算10', '合计', '1')] },
  { kind: 'sum', id: '表间.预算14-05.人员类', label: '表14人员类项目支出 = 表5人员经费', total: cell('预算14', '人员类', 'amount'), parts: [cell('预算05', '合计', '3')] },
  { kind: 'sum', id: '表间.预算14-05.运转类', label: '表14运转类项目支出 = 表5公用经费', total: cell('预算14', '运转类', 'amount'), parts: [cell('预算05', '合计', '4')] },
  { kind: 'sum', id: '表间.预算14-05.特定目标类', label: '表14特定目标类项目支出 = 表5项目支出', total: cell('预算14', '特定目标类', 'amount'), parts: [cell('预算05', '合计', '5')] },
  { kind: 'sum', id: '表间.预算14-03.支出合计', label: '表14支出合计 = 表3支出合计', total: cell('预算14', '支出合计', 'amount'), parts: [cell('预算03', '合计', '1')] },
  { kind: 'atLeast', id: '表间.预算07-06.公务接待费', label: '“三公”经费公务接待费不应小于基本支出表公务接待费(30217)', big: cell('预算07', '合计', '6'), small: cell('预算06', '30217', '1') },
  { kind: 'atLeast', id: '表间.预算07-06.公务用车运行费', label: '“三公”经费公务用车运行费不应小于基本支出表公务用车运行维护费(30231)', big: cell('预算07', '合计', '5'), small: cell('预算06', '30231', '1') },
  { kind: 'atLeast', id: '表间.预算07-06.因公出国', label: '“三公”经费因公出国(境)费不应小于基本支出表因公出国(境)费用(30212)', big: cell('预算07', '合计', '2'), small: cell('预算06', '30212', '1') },
];
