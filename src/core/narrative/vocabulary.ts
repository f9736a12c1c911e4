/**
 * The words of a 说明, as data: section headings, qualifiers (上年 / 年初 / 全年), change words,
 * and the subjects each section talks about with the figure each must match. Wordings of other
 * years and offices go here (a new wording is a line of data, not code). Names of 类 and 款,
 * with their older names, come from the 分类科目 data (src/core/codes); the lists of income and
 * expense parts and 三公 items from src/core/codes/disclosure.ts.
 *
 * All terms are written in the normalised form the checker matches (text.ts normalizeText):
 * NFKC (ASCII brackets), no spaces, no quotes.
 */
import { EQUIPMENT_LIMITS, EXPENSE_PARTS, INCOME_PARTS, SangongKey, VEHICLE_KINDS } from '../codes/disclosure';
import { FactName } from './facts';

export type SectionId = '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '十一' | '十二' | '十三' | '名词解释' | 'other' | 'none';

/** The sections that list 项 by …（类）…（款）…（项）, and the table and column each 项 is read from: 五 公开05 合计, 七 公开07 本年支出, 八 公开08 本年支出. */
export const ITEM_TABLES: Readonly<Partial<Record<SectionId, { table: string; col: string }>>> = {
  五: { table: '决算05', col: '1' },
  七: { table: '决算07', col: '3' },
  八: { table: '决算08', col: '1' },
};

/** Sections the checker reads (the others are listed, not checked). */
export const CHECKED_SECTIONS: readonly SectionId[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', 'none'];

// ---------------------------------------------------------------------------------------------
// Headings

/** Heading words → section, most specific first (三公 before 支出决算, 基本支出 before 一般公共预算). */
export const SECTION_HEADINGS: readonly [SectionId, RegExp][] = [
  ['九', /三公/],
  ['十', /机关运行经费|机构运行经费/],
  ['十一', /政府采购/],
  ['十二', /国有资产/],
  ['十三', /绩效/],
  ['七', /政府性基金/],
  ['八', /国有资本经营/],
  ['六', /基本支出/],
  ['五', /一般公共预算(?:财政拨款)?(?:拨款)?(?:支出|项目支出)/],
  ['四', /财政拨款收入支出|财政拨款收支|财政拨款(?:收入|支出)?决算(?:总体)?情况/],
  ['一', /收入支出决算总体|收支决算总体|收入支出总体|收支总体|收入支出决算总计|收入支出决算(?:情况|总体)/],
  ['二', /收入决算/],
  ['三', /支出决算/],
];

/** Titles that contain section words but are tables or attachments, not sections. */
export const HEADING_NOT_SECTION = /决算(?:总|明细)?表$|情况表$|^附[件表]/;

/** Parts (and numbered headings) that hold the 说明: 部门决算情况说明, 决算说明, 其他重要事项的情况说明… */
export const REGION_PART = /决算(?:情况|公开|编制)?说明|决算情况(?:说明)?$|其他重要事项/;

// ---------------------------------------------------------------------------------------------
// Words around figures (regular-expression sources)

export const NUM = '(?:--?0--?|[-−]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[-−]?\\d+(?:\\.\\d+)?)';

export const WORDS = {
  increase: '增加|增长|上升|提高|增多',
  decrease: '减少|下降|降低|减低|压减',
  flat: '持平|没有变化|无变化|保持不变|无增减变化|无增减|未发生变化|没有增减',
  /** Qualifiers of a prior-year figure; never the start of 上年结转和结余. */
  prior: '(?:上年度?|去年|上一年度|上年同期|去年同期)(?!结转|结余)',
  /** Budget qualifiers: 年初 (initial) and 全年 / 调整后 (adjusted) are different figures. */
  budgetInitial: '年初',
  budgetFull: '全年|调整后|调整',
} as const;

export type BudgetKind = 'initial' | 'full' | 'any';

export function budgetKindOf(word: string | undefined): BudgetKind {
  if (!word) return 'any';
  if (new RegExp(`^(?:${WORDS.budgetInitial})`).test(word)) return 'initial';
  if (new RegExp(`^(?:${WORDS.budgetFull})`).test(word)) return 'full';
  return 'any';
}

export function directionOf(word: string): 1 | -1 {
  return new RegExp(`^(?:${WORDS.decrease})`).test(word) ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Subjects

/** A share stated of a subject: the words between 占 and the figure, and the whole. */
export interface ShareDef {
  /** Matches the words between 占 and the figure (`本年支出合计的`, or nothing). */
  re: RegExp;
  /** The whole, by subject id. */
  den: string;
  /** The parts of that whole, for the largest-remainder shares; includes the subject itself. */
  group?: readonly string[];
}

export interface SubjectDef {
  id: string;
  /** Normalised spellings; the first is the name used in messages. */
  terms: readonly string[];
  sections: readonly SectionId[];
  /** The table fact an amount of this subject must match (收、支总计: both totals). */
  facts?: readonly FactName[];
  /**
   * Figures offices write under this name although they are another line (收入总计 for 本年收入合计):
   * a stated figure that is one of these is a wording 提示, not an error.
   */
  loose?: readonly FactName[];
  /** A parameter that gives the figure when no table holds it (机关运行经费, 政府采购…). */
  param?: string;
  /** Parameter of the prior-year figure. */
  prior?: string;
  /** Parameters of the budgets (年初 / 全年). */
  budget?: { initial?: string; full?: string };
  shares?: readonly ShareDef[];
  /** A count (辆, 个, 人次, 台（套）) rather than an amount. */
  count?: boolean;
}

const INCOME_DEN = /^(本年)?(收入)?(合计|总额|总计)?$/;
const EXPENSE_DEN = /^(本年)?(支出)?(合计|总额|总计)?$/;
const GENERAL_DEN = /^(一般公共预算)?(财政拨款)?(支出)?(合计|总额|总计)?$/;
const BASIC_DEN = /^(一般公共预算财政拨款)?基本支出(预算)?(合计|总额)?$/;
const SANGONG_DEN = /^(三公经费)?(财政拨款)?(支出)?(决算)?(合计|总额)?$/;

const INCOME_GROUP = INCOME_PARTS.map((p) => p.name);
/** The income group when the text splits 财政拨款收入 into its three funds. */
const INCOME_GROUP_FUNDS = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', ...INCOME_GROUP.slice(1)];
const EXPENSE_GROUP = EXPENSE_PARTS.map((p) => p.name);

const incomeShare = (group: readonly string[]): ShareDef[] => [{ re: INCOME_DEN, den: '本年收入合计', group }];

/** The subjects with fixed names; 类, 项, 经济科目 and 三公 items are added from the tables and codes. */
export const STATIC_SUBJECTS: readonly SubjectDef[] = [
  { id: '收支总计', terms: ['收、支总计', '收支总计', '收入支出总计', '收、支决算总计', '收支决算总计', '收入支出总体', '收支总体'], sections: ['一', 'none'], facts: ['收入总计', '支出总计'], loose: ['本年收入合计', '本年支出合计'], prior: '上年.收支总计' },
  { id: '收入总计', terms: ['收入总计', '总收入'], sections: ['一', '二'], facts: ['收入总计'], loose: ['本年收入合计'], prior: '上年.收支总计' },
  { id: '支出总计', terms: ['支出总计', '总支出'], sections: ['一', '三'], facts: ['支出总计'], loose: ['本年支出合计'], prior: '上年.收支总计' },
  { id: '本年收入合计', terms: ['本年收入合计', '收入合计', '本年收入', '本单位收入'], sections: ['一', '二', 'none'], facts: ['本年收入合计'], prior: '上年.本年收入合计' },
  { id: '本年支出合计', terms: ['本年支出合计', '支出合计', '本年支出', '本单位支出'], sections: ['一', '三', 'none'], facts: ['本年支出合计'], prior: '上年.本年支出合计' },
  { id: '使用非财政拨款结余', terms: ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余'], sections: ['一', '二'], facts: ['使用非财政拨款结余'] },
  { id: '年初结转和结余', terms: ['年初结转和结余', '上年结转和结余', '上年结转结余'], sections: ['一', '二'], facts: ['年初结转和结余'] },
  { id: '结余分配', terms: ['结余分配'], sections: ['一', '三'], facts: ['结余分配'] },
  { id: '年末结转和结余', terms: ['年末结转和结余'], sections: ['一', '三'], facts: ['年末结转和结余'] },
  // Some offices detail income and expense under 一 (广西: “收入具体情况如下：1.一般公共预算财政拨款收入…”).
  ...INCOME_GROUP.map((name): SubjectDef => ({ id: name, terms: [name], sections: ['一', '二'], facts: [name as FactName], shares: incomeShare(INCOME_GROUP) })),
  ...(['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入'] as const).map(
    (name): SubjectDef => ({ id: name, terms: [name], sections: ['一', '二'], facts: [name], shares: incomeShare(INCOME_GROUP_FUNDS) }),
  ),
  ...EXPENSE_GROUP.map((name): SubjectDef => ({ id: name, terms: [name], sections: ['一', '三'], facts: [name as FactName], shares: [{ re: EXPENSE_DEN, den: '本年支出合计', group: EXPENSE_GROUP }] })),
  { id: '财政拨款收支总计', terms: ['财政拨款收、支总计', '财政拨款收支总计', '财政拨款收入支出总计'], sections: ['四', 'none'], facts: ['财政拨款收入总计', '财政拨款支出总计'], loose: ['财政拨款本年收入合计', '财政拨款本年支出合计'], prior: '上年.财政拨款收支总计' },
  { id: '财政拨款收入总计', terms: ['财政拨款收入总计'], sections: ['四'], facts: ['财政拨款收入总计'], loose: ['财政拨款本年收入合计'], prior: '上年.财政拨款收支总计' },
  { id: '财政拨款支出总计', terms: ['财政拨款支出总计'], sections: ['四'], facts: ['财政拨款支出总计'], loose: ['财政拨款本年支出合计'], prior: '上年.财政拨款收支总计' },
  { id: '一般公共预算财政拨款收入', terms: ['一般公共预算财政拨款收入'], sections: ['四'], facts: ['一般公共预算财政拨款收入'], prior: '上年.一般公共预算财政拨款收入' },
  { id: '政府性基金预算财政拨款收入', terms: ['政府性基金预算财政拨款收入'], sections: ['四'], facts: ['政府性基金预算财政拨款收入'], prior: '上年.政府性基金预算财政拨款收入' },
  { id: '国有资本经营预算财政拨款收入', terms: ['国有资本经营预算财政拨款收入'], sections: ['四'], facts: ['国有资本经营预算财政拨款收入'], prior: '上年.国有资本经营预算财政拨款收入' },
  { id: '一般公共预算财政拨款支出', terms: ['一般公共预算财政拨款支出'], sections: ['四'], facts: ['一般公共预算财政拨款支出'], prior: '上年.一般公共预算财政拨款支出' },
  { id: '政府性基金预算财政拨款支出', terms: ['政府性基金预算财政拨款支出'], sections: ['四', '七'], facts: ['政府性基金本年支出'], prior: '上年.政府性基金预算财政拨款支出' },
  { id: '国有资本经营预算财政拨款支出', terms: ['国有资本经营预算财政拨款支出'], sections: ['四', '八'], facts: ['国有资本经营支出'], prior: '上年.国有资本经营预算财政拨款支出' },
  { id: '年初财政拨款结转和结余', terms: ['年初财政拨款结转和结余'], sections: ['四'], facts: ['年初财政拨款结转和结余'] },
  { id: '年末财政拨款结转和结余', terms: ['年末财政拨款结转和结余'], sections: ['四'], facts: ['年末财政拨款结转和结余'] },
  {
    id: '一般公共预算财政拨款支出',
    terms: ['一般公共预算财政拨款支出', '一般公共预算财政拨款', '一般公共预算拨款支出', '一般公共预算支出', '财政拨款支出'],
    sections: ['五', 'none'],
    facts: ['一般公共预算财政拨款支出'],
    prior: '上年.一般公共预算财政拨款支出',
    budget: { initial: '年初预算.一般公共预算财政拨款支出', full: '全年预算.一般公共预算财政拨款支出' },
    shares: [{ re: /^本年支出(合计|总额)?$/, den: '本年支出合计' }],
  },
  ...(['基本支出', '项目支出'] as const).map(
    (name): SubjectDef => ({
      id: `一般公共预算${name}`,
      terms: [name],
      sections: ['五'],
      facts: [`一般公共预算${name}`],
      shares: [{ re: GENERAL_DEN, den: '一般公共预算财政拨款支出', group: ['一般公共预算基本支出', '一般公共预算项目支出'] }],
    }),
  ),
  { id: '一般公共预算基本支出', terms: ['一般公共预算财政拨款基本支出', '一般公共预算基本支出', '基本支出'], sections: ['六'], facts: ['一般公共预算基本支出'] },
  ...(['人员经费', '公用经费'] as const).map(
    (name): SubjectDef => ({
      id: name,
      terms: [name],
      sections: ['六', 'none'],
      facts: [name],
      shares: [{ re: BASIC_DEN, den: '一般公共预算基本支出', group: ['人员经费', '公用经费'] }],
    }),
  ),
  { id: '政府性基金本年收入', terms: ['政府性基金预算财政拨款收入', '本年收入'], sections: ['七'], facts: ['政府性基金本年收入'] },
  { id: '政府性基金年初结转和结余', terms: ['年初结转和结余'], sections: ['七'], facts: ['政府性基金年初结转和结余'] },
  { id: '政府性基金预算财政拨款支出', terms: ['本年支出'], sections: ['七'], facts: ['政府性基金本年支出'], prior: '上年.政府性基金预算财政拨款支出' },
  { id: '政府性基金基本支出', terms: ['基本支出'], sections: ['七'], facts: ['政府性基金基本支出'] },
  { id: '政府性基金项目支出', terms: ['项目支出'], sections: ['七'], facts: ['政府性基金项目支出'] },
  { id: '政府性基金年末结转和结余', terms: ['年末结转和结余'], sections: ['七'], facts: ['政府性基金年末结转和结余'] },
  { id: '国有资本经营基本支出', terms: ['基本支出'], sections: ['八'], facts: ['国有资本经营基本支出'] },
  { id: '国有资本经营项目支出', terms: ['项目支出'], sections: ['八'], facts: ['国有资本经营项目支出'] },
  // 九: what the 三公 items hold beyond 公开09 (params)
  { id: '外宾接待费', terms: ['外宾接待支出', '外宾接待费', '外事接待费支出', '外事接待费'], sections: ['九'], param: '三公经费.外宾接待费' },
  { id: '国内接待费', terms: ['国内公务接待支出', '国内接待费支出', '国内公务接待费', '国内接待费'], sections: ['九'], param: '三公经费.国内接待费' },
  { id: '出国团组数', terms: ['出国(境)团组', '因公出国(境)团组', '出国团组'], sections: ['九'], param: '三公经费.出国团组数', count: true },
  { id: '出国人次', terms: ['累计'], sections: ['九'], param: '三公经费.出国人次', count: true },
  { id: '购置车辆数', terms: ['购置(更新)公务用车', '购置公务用车', '购置车辆'], sections: ['九'], param: '三公经费.购置车辆数', count: true },
  { id: '公务用车保有量', terms: ['公务用车保有量为', '公务用车保有量'], sections: ['九'], param: '三公经费.公务用车保有量', count: true },
  // 十 机关运行经费
  { id: '机关运行经费', terms: ['机关运行经费支出', '机关运行经费', '机构运行经费'], sections: ['十', 'none'], param: '机关运行经费.金额', prior: '上年.机关运行经费', budget: { initial: '年初预算.机关运行经费' } },
  // 十一 政府采购
  {
    id: '政府采购总额',
    terms: ['政府采购支出总额', '政府采购支出', '政府采购总额'],
    sections: ['十一'],
    param: '政府采购.总额',
  },
  ...(['货物', '工程', '服务'] as const).map(
    (k): SubjectDef => ({
      id: `政府采购${k}`,
      terms: [`政府采购${k}支出`, `${k}采购支出`, `${k}类采购`],
      sections: ['十一'],
      param: `政府采购.${k}`,
      shares: [{ re: /^政府采购(支出|预算)?(总额)?$/, den: '政府采购总额', group: ['政府采购货物', '政府采购工程', '政府采购服务'] }],
    }),
  ),
  { id: '中小企业合同金额', terms: ['授予中小企业合同金额'], sections: ['十一'], param: '政府采购.中小企业合同金额', shares: [{ re: /^政府采购支出总额$/, den: '政府采购总额' }] },
  { id: '小微企业合同金额', terms: ['授予小微企业合同金额'], sections: ['十一'], param: '政府采购.小微企业合同金额', shares: [{ re: /^授予中小企业合同金额$/, den: '中小企业合同金额' }] },
  // 十二 国有资产
  { id: '车辆总数', terms: ['共有车辆'], sections: ['十二'], param: '国有资产.车辆总数', count: true },
  ...VEHICLE_KINDS.map((k): SubjectDef => ({ id: `车辆.${k}`, terms: [k.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'))], sections: ['十二'], param: `国有资产.车辆.${k}`, count: true })),
  ...EQUIPMENT_LIMITS.map((k): SubjectDef => ({ id: k, terms: [k], sections: ['十二'], param: `国有资产.${k}`, count: true })),
  // 十三 绩效
  { id: '自评项目数', terms: ['共涉及项目'], sections: ['十三'], param: '绩效.自评项目数', count: true },
  {
    id: '自评项目资金',
    terms: ['资金'],
    sections: ['十三'],
    param: '绩效.自评项目资金',
    shares: [{ re: /^一般公共预算项目支出(总额|合计)?$/, den: '一般公共预算项目支出' }],
  },
];

/** How 说明 texts name the 三公 items (other years' and offices' wordings included). */
export const SANGONG_TERMS: Record<SangongKey, readonly string[]> = {
  合计: ['三公经费财政拨款支出', '三公经费支出', '三公经费'],
  因公出国境费: ['因公出国(境)费用', '因公出国(境)费', '因公出国(境)经费', '因公出国(境)支出', '出国(境)费', '出国(境)经费'],
  公务用车购置及运行维护费: ['公务用车购置及运行维护费用', '公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置和运行维护费', '公务用车购置及运维费', '公务用车费'],
  公务用车购置费: ['公务用车购置费', '公务用车购置支出', '车辆购置费'],
  公务用车运行维护费: ['公务用车运行维护费用', '公务用车运行维护费', '公务用车运行费', '公务用车运维费', '公务用车运行及维护支出', '公务用车运行维护支出', '车辆运行维护费'],
  公务接待费: ['公务接待费用', '公务接待费', '公务接待支出'],
};

/** The share of a 三公 item in the 三公 total. */
export const SANGONG_SHARE: ShareDef = { re: SANGONG_DEN, den: '三公:合计', group: ['三公:因公出国境费', '三公:公务用车购置及运行维护费', '三公:公务接待费'] };

/** Sums the text can state whole (total and every part): judged when tables do not hold them. */
export const SUM_RELATIONS: readonly { total: string; parts: readonly string[] }[] = [
  { total: '收入总计', parts: ['本年收入合计', '使用非财政拨款结余', '年初结转和结余'] },
  { total: '支出总计', parts: ['本年支出合计', '结余分配', '年末结转和结余'] },
  { total: '本年支出合计', parts: EXPENSE_GROUP },
  { total: '一般公共预算财政拨款支出', parts: ['一般公共预算基本支出', '一般公共预算项目支出'] },
  { total: '一般公共预算基本支出', parts: ['人员经费', '公用经费'] },
  { total: '三公:合计', parts: ['三公:因公出国境费', '三公:公务用车购置及运行维护费', '三公:公务接待费'] },
  { total: '三公:公务用车购置及运行维护费', parts: ['三公:公务用车购置费', '三公:公务用车运行维护费'] },
  { total: '政府采购总额', parts: ['政府采购货物', '政府采购工程', '政府采购服务'] },
];

/** Totals that balance: the two 总计 of 公开01 and of 公开04. */
export const EQUAL_RELATIONS: readonly [string, string][] = [
  ['收入总计', '支出总计'],
  ['财政拨款收入总计', '财政拨款支出总计'],
];

/**
 * Equal scopes: when all spending is 一般公共预算财政拨款 (the two totals agree), the 基本支出 and
 * 项目支出 of 公开03 (section 三) are those of 公开05 (section 五).
 */
export const SCOPE_EQUAL: readonly { when: [string, string]; same: readonly [string, string][] }[] = [
  { when: ['本年支出合计', '一般公共预算财政拨款支出'], same: [['基本支出', '一般公共预算基本支出'], ['项目支出', '一般公共预算项目支出']] },
];

// ---------------------------------------------------------------------------------------------
// What a 三公 section must state (disclosure.ts): each item's amount (a figure, or 0 / 无 / 未发生)
// and, when the item was spent (or its counts are begun), its counts.

/** A count or quantity an item's part of the 三公 section must state. */
export interface DisclosureDetail {
  /** As the 提示 names it. */
  what: string;
  /** The detail stated (a figure or a placeholder 【】 of the generated text, or words saying none). */
  re: RegExp;
  /** Where to look: the item's own parts of the section (default), only its 国内 parts, or the whole section. */
  where?: 'item' | 'domestic' | 'section';
}

export interface DisclosureItem {
  key: SangongKey;
  name: string;
  /** Totals whose stated zero covers this item (nothing spent on the whole is nothing spent on its parts). */
  within: readonly SangongKey[];
  details: readonly DisclosureDetail[];
  /** Counts that, stated even at zero, begin the item's counts: the others must follow (接待外宾 0 批次 without the 国内 ones). */
  begun?: RegExp;
}

/** Words naming a 三公 item in the section (normalised); `foreign`: the 外宾 part of 公务接待费. Longest first where they overlap. */
export const DISCLOSURE_NAMES: readonly { key: SangongKey; re: RegExp; foreign?: boolean }[] = [
  { key: '合计', re: /三公经费|三公支出/g },
  { key: '公务用车购置及运行维护费', re: /(?:公务用车|公车)购置(?:及|和|与|、)运(?:行|维)(?:及|和)?(?:维护|维修)?(?:费用?|支出|经费)?|公务用车费/g },
  { key: '公务用车购置费', re: /(?:公务用车|公车|车辆)购置(?![及和与、税])(?:费用?|支出|经费)?|购置(?:\(更新\))?(?:公务用?车|公车)/g },
  { key: '公务用车运行维护费', re: /(?:公务用车|公车|车辆)运(?:行|维)(?:及|和)?(?:维护|维修)?(?:费用?|支出|经费)?|(?<![及和与、])运行(?:及|和)?维护(?:费用?|支出)/g },
  { key: '因公出国境费', re: /(?:因公)?出国(?:\(境\)|境)?(?:费用?|经费|支出)?/g },
  { key: '公务接待费', re: /外宾(?:公务)?接待(?:费用?|支出)?|接待外宾|外事接待|涉外接待/g, foreign: true },
  { key: '公务接待费', re: /(?:国内)?公务接待(?:费用?|支出|经费)?|国内接待|接待费/g },
];

/** The 三公 heading of a 预算 说明 (安排情况, 预算情况, no 决算): not checked for what was spent. */
export const DISCLOSURE_BUDGET_HEADING = /^(?!.*决算).*(?:安排|预算)(?:情况|说明)/;

/** Words that say an item had no spending, right before its name (无因公出国…, 未发生“三公”经费支出)… */
export const DISCLOSURE_NONE_BEFORE = /(?:未发生|未产生|没有发生|无|没有|未开支|未列支|不涉及|未安排)(?:任何)?$/;
/** …or after it, in its clause (因公出国（境）费：本年度未安排预算，也未发生支出; …为零; 均为0). */
export const DISCLOSURE_NONE_AFTER = /^[^。;]{0,20}?(?:未发生|未产生|没有发生|无发生|无此项|为零|均为0(?![\d.])|为0(?![\d.]|万|元)|不涉及)/;
/** Words before a figure that make it not the item's spending: a budget, a change, a difference. */
export const DISCLOSURE_NOT_SPENDING = /预算|增加|减少|增长|下降|降低|上升|增减|节约|节省|压减|差值|相比|较|比|超/;

/** The four items a 三公 section must state, with their counts (DOMAIN §8: 团组, 人次, 车辆; 国内公务接待 批次、人次). */
export const DISCLOSURE_ITEMS: readonly DisclosureItem[] = [
  {
    key: '因公出国境费',
    name: '因公出国（境）费',
    within: ['合计'],
    details: [
      { what: '团组数', re: /团组(?:数)?(?:为|共|计)?(?:\d+|【】)|(?:\d+|【】)(?:个|次|批)?(?:因公)?(?:出国(?:\(境\))?)?团组|(?:无|未|没有)(?:组织|安排|派出)?(?:因公)?出国(?:\(境\))?团组/ },
      { what: '人次', re: /(?:\d+|【】)人次|人次(?:数)?(?:为|共|计)?(?:\d+|【】)/ },
    ],
    begun: /团组|人次/,
  },
  { key: '公务用车购置费', name: '公务用车购置费', within: ['合计', '公务用车购置及运行维护费'], details: [] },
  {
    key: '公务用车运行维护费',
    name: '公务用车运行维护费',
    within: ['合计', '公务用车购置及运行维护费'],
    details: [
      {
        what: '公务用车保有量',
        re: /(?:保有|实有|现有|共有|拥有|车辆总数)[^。;]{0,25}?(?:\d+|【】)辆|(?:\d+|【】)辆[^。;]{0,6}(?:保有|实有)|保有量(?:为)?(?:0|零)|(?:无|未配备|没有|未配置)公务用?车(?!购置|运行|辆购置)/,
        where: 'section',
      },
    ],
  },
  {
    key: '公务接待费',
    name: '公务接待费',
    within: ['合计'],
    details: [
      { what: '国内公务接待批次', re: /批次(?:数)?(?:为|共|计)?(?:\d+|【】)|(?:\d+|【】)(?:个)?批|(?:\d+|【】)个?(?:来访)?团组|团组(?:为|共|计)?(?:\d+|【】)/, where: 'domestic' },
      { what: '国内公务接待人次', re: /(?:\d+|【】)人次|人次(?:数)?(?:为|共|计)?(?:\d+|【】)/, where: 'domestic' },
    ],
    begun: /批次|\d批|团组|人次/,
  },
];
