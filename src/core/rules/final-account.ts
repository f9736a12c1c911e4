/** The 部门决算 rules of DOMAIN §5: intra-table sums, code hierarchy and cross-table checks. */
import { CellSel, RuleDef } from './types';

const cell = (table: string, row: string, col: string, sign?: -1): CellSel => (sign ? { table, row, col, sign } : { table, row, col });
const lines = (table: string, from: number, to: number, col: string): CellSel[] => {
  const out: CellSel[] = [];
  for (let n = from; n <= to; n++) out.push(cell(table, `L${n}`, col));
  return out;
};
const cols = (...keys: string[]) => keys.map((col) => ({ col }));

/** 04 expense side: each column of lines 33–64 adds up the same way. */
const t04ExpenseColumns = ['2', '3', '4', '5'].flatMap((c): RuleDef[] => [
  { kind: 'sum', id: `决算04.本年支出合计.栏${c}`, label: '本年支出合计 = 第33至58行之和', total: cell('决算04', 'L59', c), parts: lines('决算04', 33, 58, c) },
  { kind: 'sum', id: `决算04.年末结转和结余.栏${c}`, label: '年末财政拨款结转和结余 = 第61至63行之和', total: cell('决算04', 'L60', c), parts: lines('决算04', 61, 63, c) },
  { kind: 'sum', id: `决算04.支出总计.栏${c}`, label: '支出总计 = 本年支出合计 + 年末财政拨款结转和结余', total: cell('决算04', 'L64', c), parts: [cell('决算04', 'L59', c), cell('决算04', 'L60', c)] },
]);

const t04ExpenseLines = Array.from({ length: 32 }, (_, i) => `L${33 + i}`);

export const FINAL_ACCOUNT_RULES: readonly RuleDef[] = [
  // 公开01 收入支出决算总表
  { kind: 'sum', id: '决算01.本年收入合计', label: '本年收入合计 = 第1至8行之和', total: cell('决算01', 'L27', '1'), parts: lines('决算01', 1, 8, '1') },
  { kind: 'sum', id: '决算01.收入总计', label: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', total: cell('决算01', 'L30', '1'), parts: lines('决算01', 27, 29, '1') },
  { kind: 'sum', id: '决算01.本年支出合计', label: '本年支出合计 = 第31至56行之和', total: cell('决算01', 'L57', '2'), parts: lines('决算01', 31, 56, '2') },
  { kind: 'sum', id: '决算01.支出总计', label: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', total: cell('决算01', 'L60', '2'), parts: lines('决算01', 57, 59, '2') },
  { kind: 'sum', id: '决算01.收支总计相等', label: '收入总计 = 支出总计', total: cell('决算01', 'L30', '1'), parts: [cell('决算01', 'L60', '2')] },

  // 公开02 收入决算表
  { kind: 'rowSum', id: '决算02.栏1', label: '栏1 本年收入合计 = 栏2至栏7之和', table: '决算02', total: '1', parts: cols('2', '3', '4', '5', '6', '7') },
  { kind: 'hierarchy', id: '决算02.科目汇总', label: '上级科目 = 下级科目之和', table: '决算02', scheme: 'functional', columns: ['1', '2', '3', '4', '5', '6', '7'] },

  // 公开03 支出决算表
  { kind: 'rowSum', id: '决算03.栏1', label: '栏1 本年支出合计 = 栏2至栏6之和', table: '决算03', total: '1', parts: cols('2', '3', '4', '5', '6') },
  { kind: 'hierarchy', id: '决算03.科目汇总', label: '上级科目 = 下级科目之和', table: '决算03', scheme: 'functional', columns: ['1', '2', '3', '4', '5', '6'] },

  // 公开04 财政拨款收入支出决算总表
  { kind: 'sum', id: '决算04.本年收入合计', label: '本年收入合计 = 第1至3行之和', total: cell('决算04', 'L27', '1'), parts: lines('决算04', 1, 3, '1') },
  { kind: 'sum', id: '决算04.年初结转和结余', label: '年初财政拨款结转和结余 = 第29至31行之和', total: cell('决算04', 'L28', '1'), parts: lines('决算04', 29, 31, '1') },
  { kind: 'sum', id: '决算04.收入总计', label: '收入总计 = 本年收入合计 + 年初财政拨款结转和结余', total: cell('决算04', 'L32', '1'), parts: lines('决算04', 27, 28, '1') },
  { kind: 'rowSum', id: '决算04.栏2', label: '栏2 小计 = 栏3 + 栏4 + 栏5', table: '决算04', total: '2', parts: cols('3', '4', '5'), rows: t04ExpenseLines },
  ...t04ExpenseColumns,
  { kind: 'sum', id: '决算04.收支总计相等', label: '收入总计 = 支出总计', total: cell('决算04', 'L32', '1'), parts: [cell('决算04', 'L64', '2')] },

  // 公开05 一般公共预算财政拨款支出决算表
  { kind: 'rowSum', id: '决算05.栏1', label: '栏1 小计 = 栏2 基本支出 + 栏3 项目支出', table: '决算05', total: '1', parts: cols('2', '3') },
  { kind: 'hierarchy', id: '决算05.科目汇总', label: '上级科目 = 下级科目之和', table: '决算05', scheme: 'functional', columns: ['1', '2', '3'] },

  // 公开06 一般公共预算财政拨款基本支出决算明细表
  { kind: 'sum', id: '决算06.人员经费合计', label: '人员经费合计 = 301 + 303', total: cell('决算06', '人员经费合计', 'amount'), parts: ['301', '303'].map((c) => cell('决算06', c, 'amount')) },
  {
    kind: 'sum', id: '决算06.公用经费合计', label: '公用经费合计 = 302 + 307 + 309 + 310 + 312 + 313 + 399',
    total: cell('决算06', '公用经费合计', 'amount'), parts: ['302', '307', '309', '310', '312', '313', '399'].map((c) => cell('决算06', c, 'amount')),
  },
  { kind: 'hierarchy', id: '决算06.科目汇总', label: '经济分类类 = 所属款之和', table: '决算06', scheme: 'economic', columns: ['amount'] },

  // 公开07 政府性基金预算财政拨款收入支出决算表
  { kind: 'rowSum', id: '决算07.栏3', label: '栏3 本年支出小计 = 栏4 基本支出 + 栏5 项目支出', table: '决算07', total: '3', parts: cols('4', '5') },
  { kind: 'rowSum', id: '决算07.栏6', label: '栏6 年末结转和结余 = 栏1 + 栏2 − 栏3', table: '决算07', total: '6', parts: [{ col: '1' }, { col: '2' }, { col: '3', sign: -1 }] },
  { kind: 'hierarchy', id: '决算07.科目汇总', label: '上级科目 = 下级科目之和', table: '决算07', scheme: 'functional', columns: ['1', '2', '3', '4', '5', '6'] },

  // 公开08 国有资本经营预算财政拨款支出决算表 (its 收入支出 variant adds 年初, 收入 and 年末)
  { kind: 'rowSum', id: '决算08.栏1', label: '栏1 合计 = 栏2 基本支出 + 栏3 项目支出', table: '决算08', total: '1', parts: cols('2', '3') },
  { kind: 'rowSum', id: '决算08.年末结转和结余', label: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出', table: '决算08', total: '年末', parts: [{ col: '年初' }, { col: '收入' }, { col: '1', sign: -1 }] },
  { kind: 'hierarchy', id: '决算08.科目汇总', label: '上级科目 = 下级科目之和', table: '决算08', scheme: 'functional', columns: ['1', '2', '3', '年初', '收入', '年末'] },

  // 公开09 财政拨款"三公"经费支出决算表
  { kind: 'sum', id: '决算09.预算合计', label: '预算数 栏1 合计 = 栏2 + 栏3 + 栏6', total: cell('决算09', '合计', '1'), parts: ['2', '3', '6'].map((c) => cell('决算09', '合计', c)) },
  { kind: 'sum', id: '决算09.预算公务用车', label: '预算数 栏3 公务用车小计 = 栏4 + 栏5', total: cell('决算09', '合计', '3'), parts: ['4', '5'].map((c) => cell('决算09', '合计', c)) },
  { kind: 'sum', id: '决算09.决算合计', label: '决算数 栏7 合计 = 栏8 + 栏9 + 栏12', total: cell('决算09', '合计', '7'), parts: ['8', '9', '12'].map((c) => cell('决算09', '合计', c)) },
  { kind: 'sum', id: '决算09.决算公务用车', label: '决算数 栏9 公务用车小计 = 栏10 + 栏11', total: cell('决算09', '合计', '9'), parts: ['10', '11'].map((c) => cell('决算09', '合计', c)) },

  // 表间 (cross-table)
  { kind: 'sum', id: '表间.01-02.本年收入合计', label: '公开01表本年收入合计 = 公开02表合计栏1', total: cell('决算01', 'L27', '1'), parts: [cell('决算02', '合计', '1')] },
  { kind: 'sum', id: '表间.01-02.财政拨款收入', label: '公开02表财政拨款收入合计 = 公开01表第1至3行之和', total: cell('决算02', '合计', '2'), parts: lines('决算01', 1, 3, '1') },
  { kind: 'sum', id: '表间.01-03.本年支出合计', label: '公开01表本年支出合计 = 公开03表合计栏1', total: cell('决算01', 'L57', '2'), parts: [cell('决算03', '合计', '1')] },
  { kind: 'matchClasses', id: '表间.01-03.分类支出', label: '公开01表各类支出 = 公开03表同类科目栏1', a: { table: '决算01', col: '2' }, b: { table: '决算03', col: '1' } },
  ...[1, 2, 3].map((n): RuleDef => ({
    kind: 'sum', id: `表间.04-01.第${n}行`, label: `公开04表第${n}行 = 公开01表第${n}行`, total: cell('决算04', `L${n}`, '1'), parts: [cell('决算01', `L${n}`, '1')],
  })),
  { kind: 'matchClasses', id: '表间.04-05.分类支出', label: '公开04表各类一般公共预算财政拨款支出 = 公开05表同类科目栏1', a: { table: '决算04', col: '3' }, b: { table: '决算05', col: '1' } },
  { kind: 'sum', id: '表间.04-05.本年支出合计', label: '公开04表本年支出合计栏3 = 公开05表合计栏1', total: cell('决算04', 'L59', '3'), parts: [cell('决算05', '合计', '1')] },
  { kind: 'sum', id: '表间.05-06.基本支出', label: '公开05表基本支出合计 = 公开06表人员经费合计 + 公用经费合计', total: cell('决算05', '合计', '2'), parts: [cell('决算06', '人员经费合计', 'amount'), cell('决算06', '公用经费合计', 'amount')] },
  { kind: 'sum', id: '表间.04-07.政府性基金', label: '公开04表本年支出合计栏4 = 公开07表合计栏3', total: cell('决算04', 'L59', '4'), parts: [cell('决算07', '合计', '3')] },
  { kind: 'sum', id: '表间.04-08.国有资本经营', label: '公开04表本年支出合计栏5 = 公开08表合计栏1', total: cell('决算04', 'L59', '5'), parts: [cell('决算08', '合计', '1')] },
  {
    kind: 'matchRows',
    id: '表间.03-05.逐行一致',
    label: '公开03表与公开05表同一科目的本年支出合计、基本支出、项目支出应一致',
    a: { table: '决算03', cols: ['1', '2', '3'] },
    b: { table: '决算05', cols: ['1', '2', '3'] },
    when: {
      zero: [...lines('决算01', 2, 8, '1'), cell('决算01', 'L28', '1')],
      equal: [[cell('决算01', 'L29', '1'), cell('决算04', 'L29', '1')]],
      because: '公开01表的收入全部是一般公共预算财政拨款（无其他收入、无政府性基金和国有资本经营预算，年初结转和结余也都是一般公共预算财政拨款），支出决算表与一般公共预算财政拨款支出决算表反映同一笔钱',
    },
  },
  { kind: 'notExceedByCode', id: '表间.05-03.财政拨款不超过全部', label: '公开05表科目支出不应大于公开03表同一科目', part: { table: '决算05', col: '1' }, whole: { table: '决算03', col: '1' } },
  { kind: 'atLeast', id: '表间.09-06.公务用车运行维护费', label: '三公经费公务用车运行费决算数不应小于基本支出明细表公务用车运行维护费(30231)', big: cell('决算09', '合计', '11'), small: cell('决算06', '30231', 'amount') },
  { kind: 'atLeast', id: '表间.09-06.公务接待费', label: '三公经费公务接待费决算数不应小于基本支出明细表公务接待费(30217)', big: cell('决算09', '合计', '12'), small: cell('决算06', '30217', 'amount') },
  { kind: 'atLeast', id: '表间.09-06.因公出国', label: '三公经费因公出国(境)费决算数不应小于基本支出明细表因公出国(境)费用(30212)', big: cell('决算09', '合计', '8'), small: cell('决算06', '30212', 'amount') },
];
