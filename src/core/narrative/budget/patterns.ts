/**
 * Wording of the 预算情况说明 (seed 004 第三部分) as data: headings and one pattern per sentence,
 * `{slot}` filled from the tables. The same patterns tell the checker (check.ts) what a
 * sentence of this kind states.
 */

export const BUDGET_HEADINGS = [
  '一、收支预算总体安排情况',
  '二、收入预算安排情况',
  '三、支出预算安排情况',
  '四、财政拨款收支预算总体情况',
  '五、一般公共预算支出安排情况',
  '六、一般公共预算基本支出安排情况',
  '七、一般公共预算“三公”经费支出安排情况',
  '八、政府性基金预算支出安排情况',
  '九、国有资本经营预算支出安排情况',
  '十、项目支出安排情况',
  '十一、其他重要事项的情况说明',
] as const;

/** 收支总表 income lines (line number → how the 说明 names the income). */
export const INCOME_NAMES: readonly (readonly [number, string])[] = [
  [1, '一般公共预算'],
  [2, '政府性基金预算'],
  [3, '国有资本经营预算'],
  [4, '财政专户管理资金'],
  [5, '事业收入'],
  [6, '事业单位经营收入'],
  [7, '上级补助收入'],
  [8, '附属单位上缴收入'],
  [9, '其他收入'],
];

/** 政府采购品目 code initials: A 货物, B 工程, C 服务. */
export const PURCHASE_KINDS: readonly (readonly [string, string])[] = [
  ['A', '货物类'],
  ['B', '工程类'],
  ['C', '服务类'],
];

export const BUDGET_PATTERNS = {
  comprehensive: '按照综合预算的原则，{单位}所有收入和支出均纳入部门预算管理。',
  incomeKinds: '收入包括：{收入种类}。',
  expenseKinds: '支出包括：{支出种类}。',
  totalBudget: '{年度}年收支总预算{金额}万元。{比较}',
  incomeBudget: '{年度}年收入预算{金额}万元，其中：{构成}。',
  expenseBudget: '{年度}年支出预算{金额}万元，其中：{构成}。',
  partShare: '{名称}{金额}万元，占{占比}%',
  nameAmount: '{名称}{金额}万元',
  fiscalTotal: '{年度}年财政拨款收支总预算{金额}万元。',
  fiscalIncome: '收入包括：{收入}。',
  fiscalExpense: '支出包括：{支出}。',
  generalTotal: '{年度}年一般公共预算支出预算{金额}万元。{比较}具体安排情况如下：',
  generalBasic: '（一）基本支出{基本}万元。其中：人员经费{人员}万元、公用经费{公用}万元。',
  generalProject: '（二）项目支出{项目}万元。其中：{科目}。',
  basicTotal: '{年度}年一般公共预算基本支出{金额}万元。其中：',
  personnel: '（一）人员经费{金额}万元。包括：',
  classUse: '{名称}{金额}万元，主要用于：{用途}等。',
  publicUse: '（二）公用经费{金额}万元。主要用于：{用途}等。',
  sangong:
    '{年度}年一般公共预算安排“三公”经费支出预算{合计}万元，{比较}。其中：（1）因公出国（境）经费{出国}万元；（2）公务用车购置及运行维护费{公务用车}万元（公务用车购置费{购置}万元，公务用车运行维护费{运行}万元）；（3）公务接待费{接待}万元。',
  noFund: '{年度}年本部门没有使用{资金}安排的支出。',
  fund: '{年度}年{资金}支出{金额}万元。',
  projectTotal: '{年度}年项目支出{金额}万元，具体使用情况如下：',
  project: '{序号}{名称}{金额}万元，主要用于{用途}。',
  runningCost: '（一）机关运行经费情况：{年度}年{情况}。',
  purchase: '（二）政府采购预算情况：{年度}年政府采购预算支出预算数合计{合计}万元。包括：{分类}。',
  service: '（三）政府购买服务预算情况：{年度}年本部门政府购买服务预算{金额}万元。',
  noService: '（三）政府购买服务预算情况：{年度}年本部门无政府购买服务预算支出。',
  assets: '（四）行政事业性国有资产配置预算及车辆情况：{年度}年本部门资产配置预算{金额}万元。{车辆}',
  noAssets: '（四）行政事业性国有资产配置预算及车辆情况：{年度}年本部门无行政事业性国有资产配置预算支出。{车辆}',
  targets: '（五）绩效目标设置情况：{年度}年，部门项目绩效目标实现全覆盖，涉及一般公共预算本年财政拨款{金额}万元。{指标}',
} as const;
