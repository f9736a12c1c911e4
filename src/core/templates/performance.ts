/**
 * The 绩效自评 forms (DOMAIN §7, seed 002) as data: the 项目支出绩效自评表 (one per project), the
 * 部门整体支出绩效自评表 and the 项目绩效自评情况汇总表. The header words and labels are what the
 * reader looks for; the blank forms follow the 财政部 template (with a 分值 column, so each
 * indicator's weight is written down rather than guessed).
 */
import { ColumnDef, FormTemplate, ItemsTemplate, TableTemplate, TemplateSet } from './types';

/** 备注 printed under every form of seed 002 (the scoring rules the office applies). */
const SCORING_NOTE =
  '备注：1. 预算执行情况口径：预算数为部门（单位）全口径资金总额，执行数为资金使用部门（单位）资金实际支出数。' +
  '2. 定量指标计分原则：正向指标（目标值为≥X）得分=权重×实际完成值/目标值，反向指标（目标值为≤X）得分=权重×目标值/实际完成值，得分不得突破权重。' +
  '3. 定性指标按达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档，分别按照该指标分值的100%–80%（含80%）、80%–50%（含50%）、50%–0%确定分值。' +
  '4. 评价等级：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。';

/** 预算执行 block: matched in this order, so 得分(20分*执行率) is the score, not the rate. */
const EXEC_COLUMNS: readonly ColumnDef[] = [
  { key: 'score', header: '得分' },
  { key: 'weight', header: '分值', aliases: ['权重'] },
  { key: 'rate', header: '执行率' },
  { key: 'A', header: '年初预算数', aliases: ['年初预算'] },
  { key: 'B', header: '年中追加数', aliases: ['追加', '调减', '调整数'] },
  { key: 'C', header: '小计', aliases: ['全年预算数', '调整后预算数', '全年预算'] },
  { key: 'D', header: '实际执行数', aliases: ['全年执行数', '执行数'] },
];

/** Indicator block, in matching order (分值 before 得分 is irrelevant: neither contains the other). */
const INDICATOR_COLUMNS: readonly ColumnDef[] = [
  { key: 'score', header: '得分' },
  { key: 'weight', header: '分值', aliases: ['权重', '指标分值'] },
  { key: 'level1', header: '一级指标' },
  { key: 'level2', header: '二级指标' },
  { key: 'name', header: '三级指标', aliases: ['指标名称', '绩效指标'] },
  { key: 'reason', header: '偏差原因', aliases: ['原因分析'] },
  { key: 'adjust', header: '年中追加', aliases: ['追加', '调减', '调整'] },
  { key: 'targetC', header: '小计' },
  { key: 'actual', header: '实际完成', aliases: ['完成值', '实际值'] },
  { key: 'target', header: '年初目标值', aliases: ['年度指标值', '目标值', '指标值'] },
];

const LABELS: FormTemplate['labels'] = {
  total: ['总分', '自评得分', '合计得分', '得分合计'],
  reason: ['偏差大或目标未完成原因分析', '偏差原因分析', '目标未完成原因分析', '偏差原因', '未完成原因'],
  grade: ['评价等级', '自评等级', '自评结果等级'],
  improve: ['改进措施及结果应用方案', '改进措施', '下一步改进措施'],
};

const PROJECT: FormTemplate = {
  id: '绩效项目',
  number: 1,
  shortName: '项目自评表',
  name: '项目支出绩效自评表',
  aliases: ['项目绩效自评表', '项目支出绩效自评情况表', '项目绩效自评情况表', '绩效目标自评表', '项目绩效目标自评表', '绩效自评表'],
  layout: 'form',
  repeatable: true,
  optional: true,
  titlePrefixMax: 40,
  note: SCORING_NOTE,
  nameLabels: ['项目名称'],
  execLabel: '年度资金总额',
  execWeight: 20,
  execColumns: EXEC_COLUMNS,
  indicatorColumns: INDICATOR_COLUMNS,
  labels: LABELS,
  blankLevels: [
    { level: '成本指标', weight: 20, subLevels: ['经济成本指标'] },
    { level: '产出指标', weight: 20, subLevels: ['数量指标', '质量指标', '时效指标'] },
    { level: '效益指标', weight: 30, subLevels: ['社会效益指标', '经济效益指标', '可持续影响指标'] },
    { level: '满意度指标', weight: 10, subLevels: ['服务对象满意度指标'] },
  ],
};

const DEPARTMENT: FormTemplate = {
  id: '绩效整体',
  number: 2,
  shortName: '整体自评表',
  name: '部门整体支出绩效自评表',
  aliases: ['部门整体绩效自评表', '整体支出绩效自评表', '部门整体支出绩效自评情况表'],
  layout: 'form',
  optional: true,
  titlePrefixMax: 40,
  note: SCORING_NOTE,
  nameLabels: ['单位名称', '部门名称', '预算部门'],
  execLabel: '部门整体支出总额',
  execWeight: 20,
  execColumns: EXEC_COLUMNS,
  indicatorColumns: INDICATOR_COLUMNS,
  labels: LABELS,
  amounts: [
    { key: 'basic', label: '基本支出总额' },
    { key: 'project', label: '项目支出总额' },
  ],
  goals: true,
  blankLevels: [
    { level: '成本指标', weight: 20, subLevels: ['经济成本指标'] },
    { level: '产出指标', weight: 20, subLevels: ['数量指标', '质量指标', '时效指标'] },
    { level: '效益指标', weight: 30, subLevels: ['社会效益指标', '可持续影响指标'] },
    { level: '满意度指标', weight: 10, subLevels: ['服务对象满意度指标'] },
  ],
};

/** Score columns of the 汇总表; their weights come from the header, e.g. 产出指标(20分). */
export const SUMMARY_LEVEL_COLUMNS: readonly ColumnDef[] = [
  { key: 'cost', header: '成本指标' },
  { key: 'output', header: '产出指标' },
  { key: 'effect', header: '效益指标' },
  { key: 'satisfaction', header: '满意度指标' },
];

const SUMMARY: ItemsTemplate = {
  id: '绩效汇总',
  number: 3,
  shortName: '自评汇总表',
  name: '项目绩效自评情况汇总表',
  aliases: ['部门项目绩效自评情况汇总表', '项目支出绩效自评汇总表', '项目支出绩效自评情况汇总表', '项目绩效自评汇总表', '绩效自评情况汇总表', '绩效自评汇总表'],
  layout: 'items',
  optional: true,
  titlePrefixMax: 40,
  note: '注：每个项目一行，与该项目的绩效自评表一致；小计 = 年初预算数 + 年中追加数/调减数，合计 = 各项得分之和。',
  keys: [
    { key: 'no', header: '序号' },
    { key: 'dept', header: '预算部门', aliases: ['部门名称', '单位名称'] },
    { key: 'name', header: '项目名称' },
    { key: 'office', header: '实施科室(单位)', aliases: ['实施科室', '实施单位'] },
    { key: 'reason', header: '指标偏差大或未完成原因分析', aliases: ['原因分析', '偏差原因'] },
  ],
  columns: [
    { key: 'A', header: '年初预算数', groups: ['全年预算数|预算数'] },
    { key: 'B', header: '年中追加数/调减数', aliases: ['年中追加数', '调减数', '调整数'], groups: ['全年预算数|预算数'] },
    { key: 'C', header: '小计', aliases: ['调整后预算数'], groups: ['全年预算数|预算数'] },
    { key: 'D', header: '全年执行数', aliases: ['实际执行数', '执行数'] },
    { key: 'exec', header: '预算执行', aliases: ['预算执行情况'], groups: ['项目自评得分|自评得分|得分'] },
    ...SUMMARY_LEVEL_COLUMNS.map((c) => ({ ...c, groups: ['项目自评得分|自评得分|得分'] })),
    { key: 'total', header: '合计', aliases: ['总分'], groups: ['项目自评得分|自评得分|得分'] },
  ],
  itemWhen: 'name',
  scores: ['exec', ...SUMMARY_LEVEL_COLUMNS.map((c) => c.key), 'total'],
  headerPoints: { exec: 20, cost: 20, output: 20, effect: 30, satisfaction: 10 },
  blankRows: 20,
};

const TABLES: readonly TableTemplate[] = [PROJECT, DEPARTMENT, SUMMARY];

export const PERFORMANCE: TemplateSet = {
  kind: '绩效',
  label: (t) => t.shortName ?? t.name,
  tables: TABLES,
  vocabulary: { subHeaders: [] },
};
