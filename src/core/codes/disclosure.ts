/**
 * The lists a 部门决算 disclosure is built from, one copy each, shared by the table templates,
 * the 说明 generator and the 说明 checker: the 类 lines of 公开01/04, the income and expense
 * parts of 公开02/03, the three 公 items of 公开09, the vehicle kinds and asset-value limits of
 * section 十二. Names and older names of the 类 come from the 分类科目 data (functional-data.ts).
 */
import { lookupSubject } from './index';

export interface ClassLine {
  code: string;
  name: string;
  /** Older names the same 类 carried (医疗卫生与计划生育支出 → 卫生健康支出). */
  aliases: readonly string[];
}

/** The 功能分类 类 that 公开01/04 list as expense lines, in their order (2024 科目). */
const DISCLOSED_CLASS_CODES = [
  '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214',
  '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234',
] as const;

export const DISCLOSED_CLASSES: readonly ClassLine[] = DISCLOSED_CLASS_CODES.map((code) => {
  const s = lookupSubject(code, 'functional');
  if (!s) throw new Error(`分类科目数据缺少类 ${code}`);
  return { code, name: s.name, aliases: s.aliases ?? [] };
});

/** Income parts of 本年收入合计: the 公开02 column (栏) and the 公开01 line of each. */
export const INCOME_PARTS = [
  { name: '财政拨款收入', col: '2', lines01: [1, 2, 3], aliases: ['财政拨款'] },
  { name: '上级补助收入', col: '3', lines01: [4] },
  { name: '事业收入', col: '4', lines01: [5] },
  { name: '经营收入', col: '5', lines01: [6] },
  { name: '附属单位上缴收入', col: '6', lines01: [7] },
  { name: '其他收入', col: '7', lines01: [8] },
] as const;
export type IncomePart = (typeof INCOME_PARTS)[number]['name'];

/** Expense parts of 本年支出合计: the 公开03 column of each. */
export const EXPENSE_PARTS = [
  { name: '基本支出', col: '2' },
  { name: '项目支出', col: '3' },
  { name: '上缴上级支出', col: '4' },
  { name: '经营支出', col: '5' },
  { name: '对附属单位补助支出', col: '6' },
] as const;
export type ExpensePart = (typeof EXPENSE_PARTS)[number]['name'];

/**
 * The 三公 items in 公开09 column order (预算数 栏1–6, 决算数 栏7–12). `economic` is the 公开06
 * basic-expenditure item the 三公 figure may not be smaller than (it covers basic and project
 * spending of the same funds); `vehicle` marks the two parts of 公务用车购置及运行维护费.
 */
export const SANGONG_ITEMS = [
  { key: '合计', name: '“三公”经费', header: '合计', headerAliases: [], vehicle: false, economic: undefined },
  { key: '因公出国境费', name: '因公出国（境）费', header: '因公出国(境)费', headerAliases: ['因公出国（境）费', '因公出国(境)支出'], vehicle: false, economic: '30212' },
  { key: '公务用车购置及运行维护费', name: '公务用车购置及运行维护费', header: '小计', headerAliases: [], vehicle: true, economic: undefined },
  { key: '公务用车购置费', name: '公务用车购置费', header: '公务用车购置费', headerAliases: ['购置费'], vehicle: true, economic: undefined },
  { key: '公务用车运行维护费', name: '公务用车运行维护费', header: '公务用车运行费', headerAliases: ['公务用车运行维护费', '运行维护费', '运行费'], vehicle: true, economic: '30231' },
  { key: '公务接待费', name: '公务接待费', header: '公务接待费', headerAliases: ['公务接待支出'], vehicle: false, economic: '30217' },
] as const;
export type SangongItem = (typeof SANGONG_ITEMS)[number];
export type SangongKey = SangongItem['key'];

/** 公开09 栏 of an item: 预算数 1–6, 决算数 7–12. */
export function sangongColumn(item: SangongItem, which: 'budget' | 'actual'): string {
  return String(SANGONG_ITEMS.indexOf(item) + (which === 'budget' ? 1 : 7));
}

/** The parts of each 三公 total (合计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护). */
export const SANGONG_SUMS: readonly { total: SangongKey; parts: readonly SangongKey[] }[] = [
  { total: '合计', parts: ['因公出国境费', '公务用车购置及运行维护费', '公务接待费'] },
  { total: '公务用车购置及运行维护费', parts: ['公务用车购置费', '公务用车运行维护费'] },
];

/** Vehicle kinds of section 十二 (国有资产占用). */
export const VEHICLE_KINDS = ['副部（省）级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车'] as const;

/** Equipment counted in section 十二 by unit value (the amount limits the report names). */
export const EQUIPMENT_LIMITS = ['单位价值50万元以上通用设备', '单位价值100万元以上专用设备', '单位价值100万元以上设备'] as const;
