/**
 * The nine 部门决算公开 tables (DOMAIN §5) as data: titles, lines, columns, notes.
 * A new year's layout is a change here plus a test, never a new code path.
 */
import { DISCLOSED_CLASSES, EXPENSE_PARTS, INCOME_PARTS, SANGONG_ITEMS } from '../codes/disclosure';
import { ColumnDef, LineDef, TableTemplate, TemplateSet } from './types';

function expenseLines(first: number): LineDef[] {
  return DISCLOSED_CLASSES.map(({ code, name, aliases }, i) => ({ line: first + i, name, code, aliases: aliases.length ? aliases : undefined }));
}

/** Lines with no item of their own (01 income lines 9–26) still carry a 行次. */
function blankLines(from: number, to: number): LineDef[] {
  const out: LineDef[] = [];
  for (let n = from; n <= to; n++) out.push({ line: n, name: '' });
  return out;
}

const AMOUNT = (key: string, header = '金额', aliases: string[] = ['决算数', '本年决算数', '决算金额']): ColumnDef => ({ key, header, aliases });

const T01: TableTemplate = {
  id: '决算01',
  number: 1,
  name: '收入支出决算总表',
  aliases: ['收支决算总表'],
  layout: 'lines',
  note: '注：本表反映部门本年度的总收支和年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。',
  sides: [
    {
      caption: '收入',
      columns: [AMOUNT('1')],
      lines: [
        { line: 1, name: '一般公共预算财政拨款收入', aliases: ['一般公共预算财政拨款'] },
        { line: 2, name: '政府性基金预算财政拨款收入', aliases: ['政府性基金预算财政拨款'] },
        { line: 3, name: '国有资本经营预算财政拨款收入', aliases: ['国有资本经营预算财政拨款'] },
        { line: 4, name: '上级补助收入' },
        { line: 5, name: '事业收入' },
        { line: 6, name: '经营收入' },
        { line: 7, name: '附属单位上缴收入' },
        { line: 8, name: '其他收入' },
        ...blankLines(9, 26),
        { line: 27, name: '本年收入合计' },
        { line: 28, name: '使用非财政拨款结余(含专用结余)', aliases: ['使用非财政拨款结余', '使用非财政拨款结余（含专用结余）', '使用非财政拨款结余和专用结余'] },
        { line: 29, name: '年初结转和结余' },
        { line: 30, name: '总计' },
      ],
    },
    {
      caption: '支出',
      columns: [AMOUNT('2')],
      lines: [
        ...expenseLines(31),
        { line: 57, name: '本年支出合计' },
        { line: 58, name: '结余分配' },
        { line: 59, name: '年末结转和结余' },
        { line: 60, name: '总计' },
      ],
    },
  ],
};

const T02: TableTemplate = {
  id: '决算02',
  number: 2,
  name: '收入决算表',
  layout: 'codes',
  note: '注：本表反映部门本年度取得的各项收入情况。',
  columns: [
    { key: '1', header: '本年收入合计', aliases: ['收入合计', '合计'] },
    ...INCOME_PARTS.map((p): ColumnDef => ({ key: p.col, header: p.name, ...('aliases' in p ? { aliases: p.aliases } : {}) })),
  ],
};

const T03: TableTemplate = {
  id: '决算03',
  number: 3,
  name: '支出决算表',
  layout: 'codes',
  note: '注：本表反映部门本年度各项支出情况。',
  columns: [
    { key: '1', header: '本年支出合计', aliases: ['支出合计', '合计'] },
    ...EXPENSE_PARTS.map((p): ColumnDef => ({ key: p.col, header: p.name })),
  ],
};

const T04: TableTemplate = {
  id: '决算04',
  number: 4,
  name: '财政拨款收入支出决算总表',
  aliases: ['财政拨款收支决算总表'],
  layout: 'lines',
  note: '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
  sides: [
    {
      caption: '收入',
      columns: [AMOUNT('1', '决算数', ['金额'])],
      lines: [
        { line: 1, name: '一般公共预算财政拨款', aliases: ['一般公共预算财政拨款收入'] },
        { line: 2, name: '政府性基金预算财政拨款', aliases: ['政府性基金预算财政拨款收入'] },
        { line: 3, name: '国有资本经营预算财政拨款', aliases: ['国有资本经营预算财政拨款收入'] },
        ...blankLines(4, 26),
        { line: 27, name: '本年收入合计' },
        { line: 28, name: '年初财政拨款结转和结余', aliases: ['年初结转和结余'] },
        { line: 29, name: '一般公共预算财政拨款', indent: true },
        { line: 30, name: '政府性基金预算财政拨款', indent: true },
        { line: 31, name: '国有资本经营预算财政拨款', indent: true },
        { line: 32, name: '总计' },
      ],
    },
    {
      caption: '支出',
      columns: [
        { key: '2', header: '小计', aliases: ['合计'], groups: ['决算数'] },
        { key: '3', header: '一般公共预算财政拨款', groups: ['决算数'] },
        { key: '4', header: '政府性基金预算财政拨款', groups: ['决算数'] },
        { key: '5', header: '国有资本经营预算财政拨款', groups: ['决算数'] },
      ],
      lines: [
        ...expenseLines(33),
        { line: 59, name: '本年支出合计' },
        { line: 60, name: '年末财政拨款结转和结余', aliases: ['年末结转和结余'] },
        { line: 61, name: '一般公共预算财政拨款', indent: true },
        { line: 62, name: '政府性基金预算财政拨款', indent: true },
        { line: 63, name: '国有资本经营预算财政拨款', indent: true },
        { line: 64, name: '总计' },
      ],
    },
  ],
};

const T05: TableTemplate = {
  id: '决算05',
  number: 5,
  name: '一般公共预算财政拨款支出决算表',
  // Not …支出决算明细表: Sichuan prints that as an extra 经济分类 table beside this one.
  aliases: ['一般公共预算支出决算表'],
  layout: 'codes',
  note: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  columns: [
    { key: '1', header: '小计', aliases: ['合计'], groups: ['本年支出'] },
    { key: '2', header: '基本支出', groups: ['本年支出'] },
    { key: '3', header: '项目支出', groups: ['本年支出'] },
  ],
};

const T06: TableTemplate = {
  id: '决算06',
  number: 6,
  name: '一般公共预算财政拨款基本支出决算明细表',
  aliases: ['一般公共预算财政拨款基本支出决算表', '一般公共预算基本支出决算表', '基本支出决算表'],
  layout: 'economic',
  note: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
  blocks: ['人员经费', '公用经费', '公用经费'],
  blockClasses: [['301', '303'], ['302'], ['307', '310', '399']],
  totals: [
    { key: '人员经费合计', label: '人员经费合计', classes: ['301', '303'] },
    { key: '公用经费合计', label: '公用经费合计', classes: ['302', '307', '309', '310', '312', '313', '399'] },
  ],
};

const T07: TableTemplate = {
  id: '决算07',
  number: 7,
  name: '政府性基金预算财政拨款收入支出决算表',
  aliases: ['政府性基金预算财政拨款支出决算表'],
  layout: 'codes',
  note: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
  emptyText: '本单位当年无政府性基金预算财政拨款收入支出。',
  columns: [
    { key: '1', header: '年初结转和结余' },
    { key: '2', header: '本年收入' },
    { key: '3', header: '小计', aliases: ['合计'], groups: ['本年支出'] },
    { key: '4', header: '基本支出', groups: ['本年支出'] },
    { key: '5', header: '项目支出', groups: ['本年支出'] },
    { key: '6', header: '年末结转和结余' },
  ],
};

const T08: TableTemplate = {
  id: '决算08',
  number: 8,
  name: '国有资本经营预算财政拨款支出决算表',
  layout: 'codes',
  note: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  emptyText: '本单位当年无国有资本经营预算财政拨款支出。',
  columns: [
    { key: '1', header: '合计', aliases: ['小计'], groups: ['本年支出'] },
    { key: '2', header: '基本支出', groups: ['本年支出'] },
    { key: '3', header: '项目支出', groups: ['本年支出'] },
  ],
  variants: [
    {
      // Several provinces print 08 as a 收入支出 table with 公开07's columns.
      name: '国有资本经营预算财政拨款收入支出决算表',
      columns: [
        { key: '年初', no: 1, header: '年初结转和结余' },
        { key: '收入', no: 2, header: '本年收入' },
        { key: '1', no: 3, header: '小计', aliases: ['合计'], groups: ['本年支出'] },
        { key: '2', no: 4, header: '基本支出', groups: ['本年支出'] },
        { key: '3', no: 5, header: '项目支出', groups: ['本年支出'] },
        { key: '年末', no: 6, header: '年末结转和结余' },
      ],
    },
  ],
};

const CAR = '公务用车购置及运行维护费|公务用车购置及运行费';
/** 公开09's six columns under 预算数 or 决算数, from the one list of 三公 items. */
const SANGONG = (offset: number, block: string): ColumnDef[] =>
  SANGONG_ITEMS.map((item, i) => ({
    key: String(offset + i + 1),
    header: item.header,
    ...(item.headerAliases.length ? { aliases: item.headerAliases } : {}),
    groups: item.vehicle ? [block, CAR] : [block],
  }));

const T09: TableTemplate = {
  id: '决算09',
  number: 9,
  name: '财政拨款"三公"经费支出决算表',
  aliases: ['一般公共预算财政拨款"三公"经费支出决算表', '"三公"经费支出决算表'],
  layout: 'single',
  note: '注：本表反映部门本年度财政拨款"三公"经费支出预决算情况。其中，预算数为"三公"经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。',
  columns: [...SANGONG(0, '预算数'), ...SANGONG(6, '决算数')],
};

export const FINAL_ACCOUNT: TemplateSet = {
  kind: '决算',
  label: (t) => `公开${String(t.number).padStart(2, '0')}表`,
  tables: [T01, T02, T03, T04, T05, T06, T07, T08, T09],
  vocabulary: { subHeaders: ['决算数', '金额', '本年决算数', '决算金额', '本年数', '合计数'] },
};
