/**
 * The 部门预算公开 tables (DOMAIN §6, seed 004: 表1 … 表15) as data. Two-sided tables are read by
 * line names (no 行次 is printed), code tables by 功能/经济分类 code, unit and project lists as
 * items under group rows, the 绩效目标表 as named lines with shares.
 */
import { FUNCTIONAL_CLASSES } from '../codes';
import { ColumnDef, LineDef, TableTemplate, TemplateSet } from './types';

/** Every 功能分类 类, in official order, as lines from `first`. */
function classLines(first: number): LineDef[] {
  return FUNCTIONAL_CLASSES.map((s, i) => ({ line: first + i, name: s.name, code: s.code, aliases: s.aliases }));
}

const CLASS_COUNT = FUNCTIONAL_CLASSES.length;
/** Line numbers of the two-sided tables (rules address them; they are never printed). */
export const B01 = { incomeTotal: 10, carried: 11, incomeSum: 12, classes: 13, expenseTotal: 13 + CLASS_COUNT, carriedOut: 14 + CLASS_COUNT, expenseSum: 15 + CLASS_COUNT, grants: 16 + CLASS_COUNT };
export const B04 = { income: 1, carried: 5, incomeSum: 9, expense: 10, classes: 11, carriedOut: 11 + CLASS_COUNT, expenseSum: 12 + CLASS_COUNT };

const AMOUNT = (key: string): ColumnDef => ({ key, header: '预算数', aliases: ['金额', '本年预算数', '预算金额'] });

const T01: TableTemplate = {
  id: '预算01',
  number: 1,
  name: '收支总表',
  aliases: ['部门收支总表', '收支总体情况表', '部门收支总体情况表', '收支预算总表', '部门收支预算总表', '财务收支预算总表'],
  layout: 'lines',
  unnumbered: true,
  note: '注：本表反映部门本年度的总收支预算情况。',
  sides: [
    {
      caption: '收入',
      columns: [AMOUNT('1')],
      lines: [
        // 上海 prints 一、财政拨款收入 with 1. 一般公共预算, 2. 政府性基金预算, 3. 国有资本经营预算 under it.
        { line: B01.grants, name: '财政拨款收入', aliases: ['财政拨款收入合计'], regional: true },
        { line: 1, name: '一般公共预算拨款收入', aliases: ['一般公共预算财政拨款收入', '一般公共预算收入', '一般公共预算拨款', '一般公共预算'] },
        { line: 2, name: '政府性基金预算拨款收入', aliases: ['政府性基金预算财政拨款收入', '政府性基金预算收入', '政府性基金预算'] },
        { line: 3, name: '国有资本经营预算拨款收入', aliases: ['国有资本经营预算财政拨款收入', '国有资本经营预算收入', '国有资本经营预算'] },
        { line: 4, name: '财政专户管理资金收入', aliases: ['财政专户管理资金'] },
        { line: 5, name: '事业收入' },
        { line: 6, name: '事业单位经营收入', aliases: ['经营收入'] },
        { line: 7, name: '上级补助收入' },
        { line: 8, name: '附属单位上缴收入' },
        { line: 9, name: '其他收入' },
        { line: B01.incomeTotal, name: '本年收入合计', aliases: ['收入合计'] },
        { line: B01.carried, name: '上年结转结余', aliases: ['上年结转', '上年结转结余收入', '用事业基金弥补收支差额'] },
        { line: B01.incomeSum, name: '收入总计', aliases: ['总计', '收入总计'] },
      ],
    },
    {
      caption: '支出',
      columns: [AMOUNT('2')],
      lines: [
        ...classLines(B01.classes),
        { line: B01.expenseTotal, name: '本年支出合计', aliases: ['支出合计'] },
        { line: B01.carriedOut, name: '年终结转结余', aliases: ['年末结转结余', '结转下年'] },
        { line: B01.expenseSum, name: '支出总计', aliases: ['总计'] },
      ],
    },
  ],
};

const UNIT_KEYS: ColumnDef[] = [
  { key: 'code', header: '代码', aliases: ['编码', '单位代码', '部门代码', '单位编码'] },
  { key: 'name', header: '名称', aliases: ['单位名称', '部门名称', '部门(单位)名称'] },
];

const T02: TableTemplate = {
  id: '预算02',
  number: 2,
  name: '收入总表',
  aliases: ['部门收入总表', '收入预算总表', '部门收入预算表', '收入预算表'],
  byCode: '预算02-2',
  layout: 'items',
  note: '注：本表反映部门本年度各项收入预算情况。',
  keys: UNIT_KEYS,
  columns: [
    { key: 'total', header: '合计', aliases: ['总计'] },
    ...(
      [
        ['cur', '小计', ['合计']],
        ['g1', '一般公共预算', ['一般公共预算拨款']],
        ['g2', '政府性基金预算', ['政府性基金预算拨款']],
        ['g3', '国有资本经营预算', ['国有资本经营预算拨款']],
        ['g4', '财政专户管理资金'],
        ['g5', '事业收入'],
        ['g6', '事业单位经营收入', ['经营收入']],
        ['g7', '上级补助收入'],
        ['g8', '附属单位上缴收入'],
        ['g9', '其他收入'],
      ] as [string, string, string[]?][]
    ).map(([key, header, aliases]): ColumnDef => ({ key, header, aliases, groups: ['本年收入'] })),
    ...(
      [
        ['prev', '小计', ['合计']],
        ['p1', '一般公共预算'],
        ['p2', '政府性基金预算'],
        ['p3', '国有资本经营预算'],
        ['p4', '财政专户管理资金'],
        ['p5', '单位资金'],
      ] as [string, string, string[]?][]
    ).map(([key, header, aliases]): ColumnDef => ({ key, header, aliases, groups: ['上年结转结余|上年结转'] })),
  ],
  blankRows: 10,
};

/** 收入总表 by 功能分类 code (上海: 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入): read under 表2's titles when its header names 科目编码. */
const T02B: TableTemplate = {
  id: '预算02-2',
  number: 2,
  name: '收入总表(分功能分类)',
  aliases: ['收入预算总表(分功能分类)', '收入预算总表(按功能分类)'],
  layout: 'codes',
  optional: true,
  note: '注：本表反映部门本年度各项收入预算情况（按支出功能分类科目）。',
  columns: [
    { key: 'total', header: '合计', aliases: ['总计'] },
    { key: 'fin', header: '财政拨款收入', aliases: ['财政拨款'] },
    { key: 'g1', header: '一般公共预算', aliases: ['一般公共预算拨款'], groups: ['财政拨款收入|财政拨款'] },
    { key: 'g2', header: '政府性基金预算', aliases: ['政府性基金预算拨款'], groups: ['财政拨款收入|财政拨款'] },
    { key: 'g3', header: '国有资本经营预算', aliases: ['国有资本经营预算拨款'], groups: ['财政拨款收入|财政拨款'] },
    { key: 'g4', header: '财政专户管理资金' },
    { key: 'g5', header: '事业收入' },
    { key: 'g6', header: '事业单位经营收入', aliases: ['经营收入'] },
    { key: 'g7', header: '上级补助收入' },
    { key: 'g8', header: '附属单位上缴收入' },
    { key: 'g9', header: '其他收入' },
    { key: 'prev', header: '上年结转结余', aliases: ['上年结转'] },
  ],
};

const T03: TableTemplate = {
  id: '预算03',
  number: 3,
  name: '支出总表',
  aliases: ['部门支出总表', '支出预算总表', '部门支出预算表', '支出预算表'],
  layout: 'codes',
  note: '注：本表反映部门本年度各项支出预算情况。',
  columns: [
    { key: '1', header: '合计', aliases: ['总计'] },
    { key: '2', header: '基本支出' },
    { key: '3', header: '项目支出' },
    { key: '4', header: '事业单位经营支出', aliases: ['经营支出'] },
    { key: '5', header: '上缴上级支出' },
    { key: '6', header: '对附属单位补助支出' },
  ],
};

const FUND_LINES = (first: number, indent: boolean): LineDef[] => [
  { line: first, name: '一般公共预算拨款', aliases: ['一般公共预算财政拨款', '一般公共预算'], indent },
  { line: first + 1, name: '政府性基金预算拨款', aliases: ['政府性基金预算财政拨款', '政府性基金预算'], indent },
  { line: first + 2, name: '国有资本经营预算拨款', aliases: ['国有资本经营预算财政拨款', '国有资本经营预算'], indent },
];

const T04: TableTemplate = {
  id: '预算04',
  number: 4,
  name: '财政拨款收支总表',
  aliases: ['财政拨款收支预算总表', '部门财政拨款收支总表'],
  layout: 'lines',
  unnumbered: true,
  note: '注：本表反映部门本年度财政拨款收支预算情况。',
  sides: [
    {
      caption: '收入',
      columns: [AMOUNT('1')],
      lines: [
        { line: B04.income, name: '本年收入', aliases: ['本年财政拨款收入'] },
        ...FUND_LINES(2, true),
        { line: B04.carried, name: '上年结转', aliases: ['上年结转结余', '上年财政拨款结转'] },
        ...FUND_LINES(6, true),
        { line: B04.incomeSum, name: '收入总计', aliases: ['总计'] },
      ],
    },
    {
      caption: '支出',
      // 上海 splits the 支出 by fund: 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算.
      columns: [
        { ...AMOUNT('2'), aliases: [...(AMOUNT('2').aliases ?? []), '合计'] },
        { key: 'g1', header: '一般公共预算', aliases: ['一般公共预算拨款'], regional: true },
        { key: 'g2', header: '政府性基金预算', aliases: ['政府性基金预算拨款'], regional: true },
        { key: 'g3', header: '国有资本经营预算', aliases: ['国有资本经营预算拨款'], regional: true },
      ],
      lines: [
        { line: B04.expense, name: '本年支出', aliases: ['本年支出合计'] },
        ...classLines(B04.classes),
        { line: B04.carriedOut, name: '年终结转结余', aliases: ['年末结转结余'] },
        { line: B04.expenseSum, name: '支出总计', aliases: ['总计'] },
      ],
    },
  ],
};

/** 合计 = 基本支出 (人员经费 + 公用经费) + 项目支出, for 表5-1 by 功能分类 and 表5-2 by unit. */
const GENERAL_COLUMNS: ColumnDef[] = [
  { key: '1', header: '合计', aliases: ['总计'] },
  { key: '2', header: '小计', aliases: ['合计', '基本支出'], groups: ['基本支出'] },
  { key: '3', header: '人员经费', groups: ['基本支出'] },
  { key: '4', header: '公用经费', groups: ['基本支出'] },
  { key: '5', header: '项目支出' },
];

const T05: TableTemplate = {
  id: '预算05',
  number: 5,
  numberLabel: '5-1',
  name: '一般公共预算支出表(分功能分类)',
  aliases: ['一般公共预算支出表', '一般公共预算支出功能分类预算表', '一般公共预算支出表(分功能科目)', '一般公共预算支出预算表', '一般公共预算拨款支出表', '部门一般公共预算支出表', '一般公共预算支出表(按功能分类)'],
  layout: 'codes',
  note: '注：本表反映部门本年度一般公共预算支出情况（按支出功能分类科目）。',
  columns: GENERAL_COLUMNS,
};

const T05B: TableTemplate = {
  id: '预算05-2',
  number: 5,
  numberLabel: '5-2',
  name: '一般公共预算支出表(分单位)',
  aliases: ['一般公共预算支出预算表(分单位)', '一般公共预算支出表(按单位)'],
  layout: 'items',
  optional: true,
  note: '注：本表反映部门本年度一般公共预算支出情况（按预算单位）。',
  keys: UNIT_KEYS,
  columns: GENERAL_COLUMNS,
  blankRows: 10,
};

const T06: TableTemplate = {
  id: '预算06',
  number: 6,
  name: '一般公共预算基本支出表',
  aliases: ['一般公共预算基本支出预算表', '一般公共预算基本支出情况表', '一般公共预算基本支出经济分类表', '一般公共预算基本支出部门预算经济分类预算表', '一般公共预算基本支出经济分类预算表'],
  layout: 'codes',
  note: '注：本表反映部门本年度一般公共预算基本支出情况（按部门预算支出经济分类科目）。',
  columns: [
    { key: '1', header: '合计', aliases: ['总计'] },
    { key: '2', header: '人员经费' },
    { key: '3', header: '公用经费' },
  ],
};

const SANGONG = '公务用车购置及运行费|公务用车购置及运行维护费';

const T07: TableTemplate = {
  id: '预算07',
  number: 7,
  name: '一般公共预算"三公"经费支出表',
  aliases: ['一般公共预算三公经费支出表', '"三公"经费支出表', '三公经费支出预算表', '一般公共预算"三公"经费支出预算表', '财政拨款"三公"经费支出表', '"三公"经费和机关运行经费预算表', '"三公"经费预算表'],
  layout: 'single',
  note: '注：本表反映部门本年度一般公共预算安排的“三公”经费支出预算情况。',
  emptyText: '本单位当年无一般公共预算“三公”经费预算支出。',
  columns: [
    { key: '1', header: '合计', aliases: ['三公经费合计'] },
    { key: '2', header: '因公出国(境)费', aliases: ['因公出国（境）费'] },
    { key: '3', header: '小计', groups: [SANGONG] },
    { key: '4', header: '公务用车购置费', aliases: ['购置费'], groups: [SANGONG] },
    { key: '5', header: '公务用车运行费', aliases: ['公务用车运行维护费', '运行费', '运行维护费'], groups: [SANGONG] },
    { key: '6', header: '公务接待费' },
  ],
};

const fundTable = (id: string, number: number, name: string, group: string, empty: string): TableTemplate => ({
  id,
  number,
  name,
  aliases: [`${name.replace(/表$/, '')}预算表`, name.replace(/表$/, '情况表'), `${name.replace(/表$/, '')}功能分类预算表`],
  layout: 'codes',
  note: `注：本表反映部门本年度${name.replace(/支出表$/, '')}支出情况。`,
  emptyText: empty,
  columns: [
    { key: '1', header: '合计', aliases: ['小计'], groups: [group] },
    { key: '2', header: '基本支出', groups: [group] },
    { key: '3', header: '项目支出', groups: [group] },
  ],
});

const T08 = fundTable('预算08', 8, '政府性基金预算支出表', '本年政府性基金预算支出|政府性基金预算支出', '本单位当年无政府性基金预算支出。');
const T09 = fundTable('预算09', 9, '国有资本经营预算支出表', '本年国有资本经营预算支出|国有资本经营预算支出', '本单位当年无国有资本经营预算支出。');

const T10: TableTemplate = {
  id: '预算10',
  number: 10,
  name: '项目支出表',
  aliases: ['项目支出预算表', '部门项目支出表', '项目支出预算明细表'],
  layout: 'items',
  note: '注：本表反映部门本年度项目支出预算情况。',
  keys: [
    { key: 'code', header: '项目编码', aliases: ['编码', '单位编码'] },
    { key: 'name', header: '项目名称' },
    { key: 'owner', header: '项目单位', aliases: ['单位名称', '实施单位'] },
  ],
  columns: [
    { key: '1', header: '合计', aliases: ['总计'] },
    { key: 'g1', header: '一般公共预算', groups: ['本年拨款|财政拨款'] },
    { key: 'g2', header: '政府性基金预算', groups: ['本年拨款|财政拨款'] },
    { key: 'g3', header: '国有资本经营预算', groups: ['本年拨款|财政拨款'] },
    { key: 'c1', header: '一般公共预算', groups: ['财政拨款结转结余|上年结转'] },
    { key: 'c2', header: '政府性基金预算', groups: ['财政拨款结转结余|上年结转'] },
    { key: 'c3', header: '国有资本经营预算', groups: ['财政拨款结转结余|上年结转'] },
    { key: 'f', header: '财政专户管理资金' },
    { key: 'u', header: '单位资金' },
  ],
  itemWhen: 'owner',
  blankRows: 15,
};

const T11: TableTemplate = {
  id: '预算11',
  number: 11,
  name: '政府采购预算表',
  aliases: ['政府采购预算明细表', '部门政府采购预算表'],
  layout: 'items',
  optional: true,
  note: '注：本表反映部门本年度政府采购预算情况。',
  keys: [
    { key: 'code', header: '单位代码', aliases: ['单位编码'] },
    { key: 'name', header: '单位名称' },
    { key: 'project', header: '项目' },
    { key: 'item', header: '政府采购品目', aliases: ['采购品目', '品目'] },
    { key: 'func', header: '功能科目' },
    { key: 'econ', header: '部门支出经济分类', aliases: ['经济分类'] },
    { key: 'unit', header: '计量单位' },
  ],
  columns: [
    { key: 'qty', header: '采购数量', aliases: ['数量'] },
    { key: 'price', header: '单价(万元)', aliases: ['单价'] },
    { key: 'amount', header: '采购金额(合计)', aliases: ['合计', '采购金额'] },
    { key: 'sme', header: '其中面向中小企业(元)', aliases: ['其中面向中小企业', '面向中小企业'] },
    { key: 'small', header: '其中面向小微企业(元)', aliases: ['其中面向小微企业', '面向小微企业'] },
  ],
  itemWhen: 'item',
  notSummed: ['price'],
  blankRows: 15,
};

const T12: TableTemplate = {
  id: '预算12',
  number: 12,
  name: '政府购买服务预算表',
  aliases: ['政府向社会力量购买服务预算表', '政府购买服务预算明细表'],
  layout: 'items',
  optional: true,
  note: '注：本表反映部门本年度政府购买服务预算情况。',
  emptyText: '本单位当年无政府购买服务预算支出。',
  keys: [
    { key: 'code', header: '单位代码', aliases: ['单位编码'] },
    { key: 'name', header: '单位名称' },
    { key: 'project', header: '项目' },
    { key: 'content', header: '政府购买服务内容', aliases: ['购买服务内容'] },
  ],
  columns: [
    { key: 'qty', header: '购买数量' },
    { key: 'amount', header: '购买金额' },
  ],
  itemWhen: 'content',
  blankRows: 10,
};

const T13: TableTemplate = {
  id: '预算13',
  number: 13,
  name: '资产配置预算表',
  aliases: ['新增资产配置预算表', '资产配置预算明细表'],
  layout: 'items',
  optional: true,
  note: '注：本表反映部门本年度行政事业性国有资产配置预算情况。',
  emptyText: '本单位当年无资产配置预算支出。',
  keys: [
    { key: 'code', header: '单位代码', aliases: ['单位编码'] },
    { key: 'name', header: '单位名称' },
    { key: 'asset', header: '资产名称' },
  ],
  columns: [
    { key: 'qty', header: '资产申请数量', aliases: ['申请数量'] },
    { key: 'price', header: '单价(万元)', aliases: ['单价'] },
    { key: 'total', header: '总金额(万元)', aliases: ['总金额'] },
  ],
  itemWhen: 'asset',
  notSummed: ['price'],
  blankRows: 10,
};

/** The named lines of the 绩效目标表's 资金情况 block, in order; 合计 closes each 构成. */
export const TARGET_LINES = [
  { key: '财政拨款', name: '财政拨款', aliases: ['财政拨款收入'] },
  { key: '财政专户管理资金', name: '财政专户管理资金' },
  { key: '单位资金', name: '单位资金' },
  { key: '收入合计', name: '合计', section: 0 },
  { key: '人员类', name: '人员类项目支出', aliases: ['人员类项目', '人员类'] },
  { key: '运转类', name: '运转类项目支出', aliases: ['运转类项目', '运转类', '公用经费'] },
  { key: '特定目标类', name: '特定目标类项目支出', aliases: ['特定目标类项目', '特定目标类'] },
  { key: '支出合计', name: '合计', section: 1 },
] as const;

const T14: TableTemplate = {
  id: '预算14',
  number: 14,
  name: '部门整体支出绩效目标表',
  aliases: ['整体支出绩效目标表', '部门整体支出绩效目标申报表', '部门整体绩效目标表'],
  layout: 'items',
  optional: true,
  note: '注：本表反映部门整体支出的资金构成与绩效目标；人员类、运转类、特定目标类项目支出分别对应人员经费、公用经费和项目支出。',
  keys: [{ key: 'name', header: '总体资金情况', aliases: ['资金情况', '项目'] }],
  columns: [
    { key: 'amount', header: '当年金额', aliases: ['金额', '本年预算数'] },
    { key: 'share', header: '占比', aliases: ['比重', '占比(%)'] },
  ],
  percents: ['share'],
  lines: TARGET_LINES.map((l) => ({ key: l.key, name: l.name, aliases: 'aliases' in l ? l.aliases : undefined })),
  stopAfterTotals: 2,
  blankRows: 8,
};

const T15: TableTemplate = {
  id: '预算15',
  number: 15,
  name: '项目支出绩效目标表',
  aliases: ['部门项目支出绩效目标申报表', '项目支出绩效目标申报表', '部门项目支出绩效目标表', '项目绩效目标表', '项目绩效目标申报表'],
  layout: 'labelled',
  repeatable: true,
  optional: true,
  titlePrefixMax: 40,
  note: '注：每个项目一张；资金来源合计、支出明细测算合计均应等于项目当年预算，并与项目支出表一致。',
  nameLabels: ['项目名称'],
  codeLabels: ['项目编码'],
  fields: [
    { key: 'total', labels: ['项目总预算'] },
    { key: 'current', labels: ['项目当年预算', '项目本年度预算', '当年预算'] },
  ],
  lists: [
    { key: 'source', first: ['来源项目', '资金来源'], amount: ['金额'], blankRows: 5 },
    { key: 'detail', first: ['项目活动', '支出内容'], amount: ['金额'], blankRows: 5 },
  ],
};

const TABLES: readonly TableTemplate[] = [T01, T02, T02B, T03, T04, T05, T05B, T06, T07, T08, T09, T10, T11, T12, T13, T14, T15];

export const BUDGET: TemplateSet = {
  kind: '预算',
  label: (t) => `预算表${t.numberLabel ?? t.number}`,
  tables: TABLES,
  vocabulary: { subHeaders: ['预算数', '金额', '本年预算数', '预算金额', '本年数'] },
};
