/** The 绩效自评 rules of DOMAIN §7: every form, the 部门整体 form and the 汇总表 against the forms. */
import { SUMMARY_LEVEL_COLUMNS } from '../templates/performance';
import { RuleDef } from './types';

/** The rules every 绩效自评表 (项目 or 部门整体) obeys. */
function formRules(table: string): RuleDef[] {
  return [
    { kind: 'formSum', id: `${table}.小计`, label: '小计(C) = 年初预算数(A) + 年中追加/调减数(B)', table, total: 'C', parts: ['A', 'B'] },
    ...(['A', 'C', 'D'] as const).map((k): RuleDef => ({
      kind: 'formSum', id: `${table}.资金来源`, label: '年度资金总额 = 其中各项资金之和', table, total: k, parts: [`part${k}.*`],
    })),
    { kind: 'formExecution', id: `${table}.执行率`, label: '执行率 = 实际执行数 ÷ 小计；预算执行得分 = 分值 × 执行率', table },
    { kind: 'formIndicators', id: `${table}.指标得分`, label: '指标得分按目标值与实际完成值计算', table },
    { kind: 'formWeights', id: `${table}.分值`, label: '预算执行与各指标分值合计为100分', table, total: 100 },
    { kind: 'formSum', id: `${table}.总分`, label: '总分 = 预算执行得分 + 各指标得分之和', table, total: 'total', parts: ['score', 'indicators'] },
    { kind: 'formGrade', id: `${table}.评价等级`, label: '评价等级按总分确定', table },
    { kind: 'formReason', id: `${table}.偏差原因`, label: '未达成的指标应说明偏差原因', table },
  ];
}

export const PERFORMANCE_RULES: readonly RuleDef[] = [
  ...formRules('绩效项目'),
  ...formRules('绩效整体'),
  { kind: 'formSum', id: '绩效整体.支出总额', label: '实际执行数 = 基本支出总额 + 项目支出总额', table: '绩效整体', total: 'D', parts: ['basic', 'project'] },

  { kind: 'rowSum', id: '绩效汇总.小计', label: '小计 = 年初预算数 + 年中追加数/调减数', table: '绩效汇总', total: 'C', parts: [{ col: 'A' }, { col: 'B' }] },
  {
    kind: 'rowSum', id: '绩效汇总.合计', label: '合计 = 预算执行得分 + 各一级指标得分', table: '绩效汇总', total: 'total',
    parts: [{ col: 'exec' }, ...SUMMARY_LEVEL_COLUMNS.map((c) => ({ col: c.key }))],
  },
  { kind: 'itemsWeights', id: '绩效汇总.分值', label: '各项分值合计为100分', table: '绩效汇总', total: 100 },
  { kind: 'itemsExecution', id: '绩效汇总.预算执行得分', label: '预算执行得分 = 分值 × 执行数 ÷ 小计', table: '绩效汇总', forms: '绩效项目', score: 'exec' },
  {
    kind: 'itemsMatchForms', id: '表间.汇总-项目', label: '汇总表与项目自评表一致', items: '绩效汇总', forms: '绩效项目',
    fields: [
      { item: 'A', form: 'A' },
      { item: 'B', form: 'B' },
      { item: 'C', form: 'C' },
      { item: 'D', form: 'D' },
      { item: 'exec', form: 'score' },
      ...SUMMARY_LEVEL_COLUMNS.map((c) => ({ item: c.key, form: `level:${c.header.replace(/指标$/, '')}` })),
      { item: 'total', form: 'total' },
    ],
  },
];
