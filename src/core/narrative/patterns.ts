/**
 * Every sentence pattern of the generated 决算情况说明, as data: the one place to edit wording.
 *
 * A pattern is text with `{名字}` slots; the generator fills each slot with a figure it computed
 * from the tables (or a parameter), or with a visible placeholder `【请填写：…】` when the input is
 * missing. No figure is ever written here. The checker (check.ts) recognises these patterns and
 * the variants real offices write (seed 000), so wording changed here must still read as
 * “主语 + 金额 / 占 X% / 完成…的 X% / 增加（减少）X万元，增长（下降）X%”.
 */

/** Section headings, 一 … 十三, and the parts around them. */
export const HEADINGS = {
  title: '{单位}{年度}年度部门决算情况说明',
  一: '收入支出决算总体情况说明',
  二: '收入决算情况说明',
  三: '支出决算情况说明',
  四: '财政拨款收入支出决算总体情况说明',
  五: '一般公共预算财政拨款支出决算情况说明',
  五一: '一般公共预算财政拨款支出决算总体情况',
  五二: '一般公共预算财政拨款支出决算结构情况',
  五三: '一般公共预算财政拨款支出决算具体情况',
  六: '一般公共预算财政拨款基本支出决算情况说明',
  七: '政府性基金预算财政拨款收入支出决算情况说明',
  八: '国有资本经营预算财政拨款支出决算情况说明',
  九: '财政拨款“三公”经费支出决算情况说明',
  九一: '“三公”经费财政拨款支出决算总体情况说明',
  九二: '“三公”经费财政拨款支出决算具体情况说明',
  十: '机关运行经费支出说明',
  十一: '政府采购支出说明',
  十二: '国有资产占用情况说明',
  十三: '预算绩效情况说明',
  十三一: '预算绩效管理工作开展情况',
  十三二: '部门整体支出绩效自评结果',
  十三三: '项目支出绩效自评结果',
  十三四: '绩效自评结果应用情况',
  名词解释: '名词解释',
} as const;

/** Placeholder for a missing input: `{what}` names what to fill and the parameter that holds it. */
export const PLACEHOLDER = '【请填写：{what}】';

/**
 * The change against last year, as the tail of a sentence `与{上年}年度相比，{主语}{各}{变化}`.
 * `new` is a zero base: never a growth rate (DOMAIN §8); `unknown` is a missing prior figure.
 */
export const CHANGE = {
  sentence: '与{上年}年度相比，{主语}{各}{变化}',
  increase: '增加{金额}万元，增长{百分比}%',
  decrease: '减少{金额}万元，下降{百分比}%',
  flat: '持平',
  new: '增加{金额}万元（{上年}年度无此项{收支}）',
  /** A negative figure over a zero base (a refund, an adjustment). */
  newDecrease: '减少{金额}万元（{上年}年度无此项{收支}）',
  unknown: '{占位}',
  /** After a change that needs explaining. */
  reason: '，主要原因是{原因}。',
  /** After 持平. */
  end: '。',
} as const;

/** Words for the change sentences: 各 for a pair (收、支), 收支 noun for 上年无此项…. */
export const CHANGE_WORDS = { pair: '各', single: '' } as const;

export const S1 = {
  total: '{年度}年度收、支总计均为{总计}万元。',
  totalDiffer: '{年度}年度收入总计{收入总计}万元，支出总计{支出总计}万元。',
  subject: '收、支总计',
  /** When carry-overs make 总计 differ from 本年收入/支出合计. */
  composition: '收入总计中，本年收入合计{本年收入合计}万元{其他收入项}；支出总计中，本年支出合计{本年支出合计}万元{其他支出项}。',
  part: '，{名称}{金额}万元',
} as const;

/** 二: the total and its parts first, then the change (a 其中 never follows a reason). */
export const S2 = {
  total: '{年度}年度收入合计{金额}万元。',
  totalWithParts: '{年度}年度收入合计{金额}万元，其中：{构成}。',
  subject: '收入合计',
  part: '{名称}{金额}万元，占本年收入的{占比}%',
  partSep: '；',
  none: '本单位{年度}年度无本年收入。',
} as const;

export const S3 = {
  total: '{年度}年度支出合计{金额}万元。',
  totalWithParts: '{年度}年度支出合计{金额}万元，其中：{构成}。',
  subject: '支出合计',
  part: '{名称}{金额}万元，占本年支出的{占比}%',
  partSep: '；',
  none: '本单位{年度}年度无本年支出。',
} as const;

export const S4 = {
  total: '{年度}年度财政拨款收、支总计均为{总计}万元。',
  totalDiffer: '{年度}年度财政拨款收入总计{收入总计}万元，财政拨款支出总计{支出总计}万元。',
  subject: '财政拨款收、支总计',
  fundIncome: '{年度}年度{名称}{金额}万元。',
  carry: '年初财政拨款结转和结余{年初}万元，年末财政拨款结转和结余{年末}万元。',
  none: '本单位{年度}年度无财政拨款收入支出。',
} as const;

export const S5 = {
  overall: '{年度}年度一般公共预算财政拨款支出{金额}万元，占本年支出合计的{占比}%。',
  overallNoShare: '{年度}年度一般公共预算财政拨款支出{金额}万元。',
  subject: '一般公共预算财政拨款支出',
  structureIntro: '{年度}年度一般公共预算财政拨款支出{金额}万元，主要用于以下方面：',
  structureItem: '{序号}. {类名}（类）{金额}万元，占{占比}%。主要用于{用途}。',
  structureNone: '本单位{年度}年度无一般公共预算财政拨款支出。',
  detailTotal: '{年度}年度一般公共预算财政拨款支出年初预算为{预算}万元，支出决算为{决算}万元{完成}。',
  detailSplit: '其中：基本支出{基本}万元，项目支出{项目}万元。',
  projectsIntro: '项目支出主要用于：',
  project: '{名称}{金额}万元{成效}',
  projectEffect: '，主要成效是{成效}',
  projectSep: '；',
  projectsEnd: '。',
  classHeading: '{序号}. {类名}具体包括：',
  /** A 类 with its own comparison (决算数, 年初预算, 完成率), as published texts give it. */
  classLine: '{序号}. {类名}（类）：年初预算为{预算}万元，支出决算为{决算}万元{完成}。具体包括：',
  item: '（{序号}）{类名}（类）{款名}（款）{项名}（项）：年初预算为{预算}万元，支出决算为{决算}万元{完成}。{比较}',
  /** Nothing budgeted and nothing spent. */
  itemZero: '（{序号}）{类名}（类）{款名}（款）{项名}（项）：年初未安排预算，也未发生支出。',
  /** `{完成}` variants (the sentence already says 年初预算为0, so no rate and nothing more). */
  rate: '，完成年初预算的{完成率}%',
  rateNoBudget: '',
  rateNone: '',
  /** `{比较}` variants. */
  more: '决算数大于年初预算数的主要原因是{原因}。',
  less: '决算数小于年初预算数的主要原因是{原因}。',
  equal: '决算数与年初预算数持平。',
  unknown: '决算数与年初预算数存在差异的，主要原因是{原因}。',
} as const;

export const S6 = {
  total: '{年度}年度一般公共预算财政拨款基本支出{金额}万元，其中：',
  personnel: '人员经费{金额}万元，主要包括：{名目}。',
  public: '公用经费{金额}万元，主要包括：{名目}。',
  zeroPersonnel: '人员经费{金额}万元。',
  zeroPublic: '公用经费{金额}万元。',
  nameSep: '、',
  none: '本单位{年度}年度无一般公共预算财政拨款基本支出。',
} as const;

export const S7 = {
  none: '本单位{年度}年度无政府性基金预算财政拨款收入支出。',
  summary: '{年度}年度政府性基金预算财政拨款年初结转和结余{年初}万元，本年收入{收入}万元，本年支出{支出}万元，年末结转和结余{年末}万元。',
  split: '本年支出中，基本支出{基本}万元，项目支出{项目}万元。',
  subject: '政府性基金预算财政拨款支出',
  classesIntro: '主要用于：',
  classItem: '{类名}（类）{金额}万元',
  classSep: '；',
  classesEnd: '。',
  noneReason: '主要原因是{原因}。',
} as const;

export const S8 = {
  none: '本单位{年度}年度无国有资本经营预算财政拨款支出。',
  summary: '{年度}年度国有资本经营预算财政拨款支出{支出}万元，其中：基本支出{基本}万元，项目支出{项目}万元。',
  subject: '国有资本经营预算财政拨款支出',
  classesIntro: '主要用于：',
  classItem: '{类名}（类）{金额}万元',
  classSep: '；',
  classesEnd: '。',
  noneReason: '主要原因是{原因}。',
} as const;

export const S9 = {
  overall: '{年度}年度“三公”经费财政拨款支出全年预算为{预算}万元，支出决算为{决算}万元{完成}。',
  /** No budget at all but spending: what the published texts say instead of “全年预算为0.00万元”. */
  overallNoBudget: '{年度}年度“三公”经费财政拨款支出年初未安排预算，支出决算为{决算}万元，比年初预算增加{决算}万元。',
  /** Nothing budgeted, nothing spent: one sentence. */
  overallZero: '{年度}年度未安排“三公”经费预算，也未发生“三公”经费支出{持平}，主要原因是{原因}。',
  subject: '“三公”经费财政拨款支出',
  item: '{序号}. {名称}全年预算为{预算}万元，支出决算为{决算}万元{完成}。',
  itemNoBudget: '{序号}. {名称}年初未安排预算，支出决算为{决算}万元，比年初预算增加{决算}万元。',
  itemZero: '{序号}. {名称}：本年度未安排预算，也未发生支出{持平}，主要原因是{原因}。',
  flatTail: '，与上年持平',
  rate: '，完成全年预算的{完成率}%',
  rateNoBudget: '，年初未安排预算',
  rateNone: '',
  /** Reason sentences. */
  deviation: '决算数{偏差}的主要原因是{原因}。',
  higher: '高于预算数',
  lower: '低于预算数',
  changed: '较上年{变化}',
  deviationSep: '、',
  abroadCounts: '全年支出涉及出国（境）团组{团组}个，累计{人次}人次。',
  /** The parts of an item come right after its sentence, before the change and the reason. */
  purchase: '其中：公务用车购置费支出{金额}万元，本年度购置（更新）公务用车{辆}辆；',
  operation: '公务用车运行维护费支出{金额}万元，主要用于{用途}。截至{年度}年12月31日，开支财政拨款的公务用车保有量为{保有量}辆。',
  receptionForeign: '其中：外宾接待支出{金额}万元，共接待来访团组{团组}个、{人次}人次；',
  receptionDomestic: '国内公务接待支出{金额}万元，共接待国内来访团组{团组}个、{人次}人次（不包括陪同人员）。',
  receptionUsage: '主要用于{用途}。',
  tableCaption: '表：{年度}年度财政拨款“三公”经费支出决算情况（单位：万元）',
  tableHeader: ['项目', '全年预算数', '决算数', '完成预算', '上年决算数', '较上年增减额', '较上年增减率'],
  tableNames: {
    合计: '合计',
    因公出国境费: '因公出国（境）费',
    公务用车购置及运行维护费: '公务用车购置及运行维护费',
    公务用车购置费: '其中：公务用车购置费',
    公务用车运行维护费: '　　　公务用车运行维护费',
    公务接待费: '公务接待费',
  },
  tableMissing: '【请填写】',
  tableNA: '—',
} as const;

export const S10 = {
  amount: '{年度}年度{单位}机关运行经费支出{金额}万元',
  budget: '，年初预算为{预算}万元',
  end: '。',
  zero: '{年度}年度{单位}机关运行经费支出{金额}万元，主要原因是{原因}。',
  subject: '机关运行经费',
} as const;

export const S11 = {
  none: '{年度}年度{单位}无政府采购支出。',
  total: '{年度}年度{单位}政府采购支出总额{总额}万元，其中：政府采购货物支出{货物}万元、政府采购工程支出{工程}万元、政府采购服务支出{服务}万元。',
  sme: '授予中小企业合同金额{中小}万元，占政府采购支出总额的{占比}%',
  small: '，其中：授予小微企业合同金额{小微}万元，占授予中小企业合同金额的{小微占比}%',
  kindShare: '{类别}采购授予中小企业合同金额占{类别}支出金额的{占比}%',
  kindSep: '；',
  end: '。',
} as const;

export const S12 = {
  vehicles: '截至{年度}年12月31日，{单位}共有车辆{车辆}辆',
  kindsIntro: '，其中：',
  kind: '{名称}{辆}辆',
  kindSep: '、',
  otherUse: '，其他用车主要是{说明}',
  equipmentSep: '；',
  equipment: '{名称}{台}台（套）',
  end: '。',
} as const;

export const S13 = {
  overall: '根据预算绩效管理要求，本单位组织对{年度}年度一般公共预算项目支出全面开展绩效自评，共涉及项目{项目数}个，资金{资金}万元{占比}。',
  overallShare: '，占一般公共预算项目支出总额的{占比}%',
  project: '{序号}. {名称}项目绩效自评综述：项目全年预算数为{预算}万元，执行数为{执行}万元{完成}。{综述}',
  rate: '，完成预算的{完成率}%',
  rateNoBudget: '',
  rateNone: '',
} as const;

/** 名词解释: the standard terms; `{级次}` is the 财政级次 parameter (缺省“本级”). */
export const GLOSSARY: readonly { term: string; text: string; when?: string }[] = [
  { term: '一般公共预算财政拨款收入', text: '指{级次}财政一般公共预算当年拨付的资金。' },
  { term: '政府性基金预算财政拨款收入', text: '指{级次}财政政府性基金预算当年拨付的资金。' },
  { term: '国有资本经营预算财政拨款收入', text: '指{级次}财政国有资本经营预算当年拨付的资金。' },
  { term: '上级补助收入', text: '指从事业单位主管部门和上级单位取得的非财政补助收入。' },
  { term: '事业收入', text: '指事业单位开展专业业务活动及其辅助活动取得的收入。' },
  { term: '经营收入', text: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。' },
  { term: '附属单位上缴收入', text: '指事业单位附属独立核算单位按有关规定上缴的收入。' },
  { term: '其他收入', text: '指单位取得的除上述收入以外的各项收入。' },
  { term: '使用非财政拨款结余（含专用结余）', text: '指事业单位按预算管理要求使用非财政拨款结余（含专用结余）弥补收支差额的金额。' },
  { term: '年初结转和结余', text: '指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。' },
  { term: '本部门使用的支出功能分类科目（到项级）', text: '{科目}', when: 'subjects' },
  { term: '结余分配', text: '指单位按照会计制度规定缴纳企业所得税以及从非财政拨款结余或经营结余中提取各类结余的情况。' },
  { term: '年末结转和结余', text: '指单位按有关规定结转到下年或以后年度继续使用的资金，或项目已完成等产生的结余资金。' },
  { term: '基本支出', text: '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。' },
  { term: '项目支出', text: '指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。' },
  { term: '经营支出', text: '指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。' },
  {
    term: '“三公”经费',
    text: '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车购置支出（含车辆购置税、牌照费）及燃料费、维修费、过桥过路费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）费用。',
  },
  {
    term: '机关运行经费',
    text: '指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公费、印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
  },
];

/** 本部门使用的支出功能分类科目: one line per 项 used. */
export const GLOSSARY_SUBJECT = '{序号}. {类名}（类）{款名}（款）{项名}（项）：{说明}';

/**
 * Standard explanations of the 项 most units use, by 项 name (《政府收支分类科目》). A 项 not
 * listed gets a placeholder asking for its explanation.
 */
export const SUBJECT_EXPLANATIONS: Readonly<Record<string, string>> = {
  行政运行: '反映行政单位（包括实行公务员管理的事业单位）的基本支出。',
  一般行政管理事务: '反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。',
  机关服务: '反映为行政单位（包括实行公务员管理的事业单位）提供后勤服务的各类后勤服务中心、医务室等附属事业单位的支出。',
  事业运行: '反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。',
  住房公积金: '反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。',
  提租补贴: '反映按房改政策规定的标准，行政事业单位向职工（含离退休人员）发放的租金补贴。',
  购房补贴: '反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）、军队（含武警）向转役复员离退休人员发放的用于购买住房的补贴。',
  行政单位离退休: '反映实行归口管理的行政单位（包括实行公务员管理的事业单位）开支的离退休经费。',
  事业单位离退休: '反映实行归口管理的事业单位（不包括实行公务员管理的事业单位）开支的离退休经费。',
  机关事业单位基本养老保险缴费支出: '反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。',
  机关事业单位职业年金缴费支出: '反映机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出。',
  行政单位医疗: '反映财政部门集中安排的行政单位基本医疗保险缴费经费，未参加医疗保险的行政单位的公费医疗经费，按国家规定享受离休人员、红军老战士待遇人员的医疗经费。',
  事业单位医疗: '反映财政部门集中安排的事业单位基本医疗保险缴费经费，未参加医疗保险的事业单位的公费医疗经费，按国家规定享受离休人员待遇的医疗经费。',
  公务员医疗补助: '反映财政部门集中安排的公务员医疗补助经费。',
};

export const GLOSSARY_EXTRA = '{名词}：{解释}';
