/**
 * Wording of the 绩效自评结果 text (seed 002) as data: one part per form, its headings and one
 * pattern per sentence, and the statements a published text makes about its form (what the
 * checker reads).
 */

export const PERFORMANCE_PATTERNS = {
  projectTitle: '{名称}绩效自评结果',
  departmentTitle: '部门整体绩效自评结果',
  conclusion: '一、自评结论',
  score: '（一）自评得分：{主语}绩效自评得分{总分}分，评价等级为“{等级}”。',
  targetsDone: '（二）绩效目标完成情况',
  execution: '1. 执行率情况：{主语}年初预算数{年初}万元，年中追加数{追加}万元，全年预算数{全年}万元，实际执行数{执行}万元，执行率{执行率}%，得分{得分}分。',
  split: '其中：基本支出{基本}万元，项目支出{项目}万元。',
  met: '2. 完成的绩效目标：{指标}。',
  metNone: '2. 完成的绩效目标：无。',
  indicator: '{名称}（目标{目标}，实际完成{实际}）',
  unmet: '3. 未完成的绩效目标：{指标}。',
  unmetNone: '3. 未完成的绩效目标：无。',
  unmetItem: '{名称}目标{目标}，实际完成{实际}',
  problems: '（三）存在的问题和原因：{原因}',
  improve: '（四）下一步拟改进措施：{措施}',
} as const;

/**
 * What a 自评结果 text states about its form: `{n}` is the number; `field` the form's figure
 * (A B C D score total basic project), or `rate` for 执行率 (derived from D ÷ C).
 */
export const PERFORMANCE_STATEMENTS: readonly { pattern: string; what: string; field: string; clause: 'form' | 'basic' | 'project' }[] = [
  { pattern: '自评得分[：:]?{n}分', what: '自评得分', field: 'total', clause: 'form' },
  { pattern: '年初预算数?{n}万元', what: '年初预算数', field: 'A', clause: 'form' },
  { pattern: '年中追加数?{n}万元', what: '年中追加数', field: 'B', clause: 'form' },
  { pattern: '(?:全年预算数|调整后预算数|(?<![初中])预算数)[为]?{n}万元', what: '全年预算数', field: 'C', clause: 'form' },
  { pattern: '(?:实际执行数|执行数)[为]?{n}万元', what: '实际执行数', field: 'D', clause: 'form' },
  { pattern: '执行率[为]?{n}%', what: '执行率', field: 'rate', clause: 'form' },
  { pattern: '执行率[为]?[0-9.]+%[，,]得分{n}分', what: '预算执行得分', field: 'score', clause: 'form' },
  { pattern: '基本支出[^。；]*?决算数{n}万元', what: '基本支出决算数', field: 'basic', clause: 'basic' },
  { pattern: '项目支出[^。；]*?决算数{n}万元', what: '项目支出决算数', field: 'project', clause: 'project' },
];
