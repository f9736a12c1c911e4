/**
 * The BUDGET.* custom functions, as Excel sees them. The JSDoc blocks are the metadata:
 * custom-functions-metadata turns them into functions.json at build time, and its webpack
 * loader appends the `CustomFunctions.associate` calls to this file. Each function only calls
 * its body in the engine (src/core/functions/budget.ts, which `budget eval` also uses) and
 * turns a failure into an Excel error value (errors.ts).
 */
import * as B from '../src/core/functions/budget';
import { guard } from './errors';

/**
 * 执行率：实际执行数 ÷ 预算数，按百分比四舍五入到 digits 位小数，返回小数（单元格请设为百分比格式）。
 * @customfunction EXECRATE
 * @param actual 实际执行数（数值或金额文字，如 2,964.05；空白为0）
 * @param budget 预算数（调整后预算，即小计C；为0时返回 #DIV/0!）
 * @param [digits] 百分比保留的小数位数，0–10，默认2（98.77%）
 * @returns 执行率，如 0.9877
 */
export function EXECRATE(actual: any, budget: any, digits?: any): number {
  return guard(() => B.EXECRATE(actual, budget, digits));
}

/**
 * 预算执行得分：权重 × min(执行率, 1)，保留2位小数（四舍五入）。
 * @customfunction EXECSCORE
 * @param actual 实际执行数（D）
 * @param budget 预算数（小计C；为0时返回 #DIV/0!）
 * @param [weight] 预算执行指标的分值，默认10（多数自评表为20）
 * @param [rateDigits] 先把执行率按百分比四舍五入到几位小数再乘权重（表上印“84%”、得分16.8时填0）；省略则用精确执行率
 * @returns 预算执行得分，如 19.75
 */
export function EXECSCORE(actual: any, budget: any, weight?: any, rateDigits?: any): number {
  return guard(() => B.EXECSCORE(actual, budget, weight, rateDigits));
}

/**
 * 三级指标得分：按年初目标值与实际完成值计分。正向指标（≥X）得分=权重×实际/目标，反向指标（≤X）得分=权重×目标/实际，均不超过权重；定性指标按达成程度分档计分。
 * @customfunction INDICATORSCORE
 * @param target 年初目标值，如 ≥95%、≤15分钟、12次、≥8000人次、不超预算、提升
 * @param actual 实际完成值：数值、98.5%、49次、≤120分钟，或 达成/基本达成/未达成（与目标相同的文字视为达成）
 * @param weight 该指标的分值（权重）
 * @param [fraction] 定性指标在档内取的比例，如 100% 或 0.9；省略取档中值（达成90%、部分达成65%、未达成25%）
 * @returns 指标得分，保留2位小数
 */
export function INDICATORSCORE(target: any, actual: any, weight: any, fraction?: any): number {
  return guard(() => B.INDICATORSCORE(target, actual, weight, fraction));
}

/**
 * 定性指标得分：达成 80%–100%、部分达成 50%–80%、未达成 0–50% 的权重；默认取档中值，也可指定档内比例。
 * @customfunction QUALSCORE
 * @param level 达成程度：达成/完全达成、基本达成/部分达成、未达成
 * @param weight 该指标的分值（权重）
 * @param [fraction] 档内比例，如 100% 或 0.95；须落在该档范围内，省略取档中值
 * @returns 指标得分，保留2位小数
 */
export function QUALSCORE(level: any, weight: any, fraction?: any): number {
  return guard(() => B.QUALSCORE(level, weight, fraction));
}

/**
 * 评价等级：优（≥90）、良（80–90）、中（60–80）、差（<60）。
 * @customfunction GRADE
 * @param score 自评总分（0–100）
 * @returns 优、良、中 或 差
 */
export function GRADE(score: any): string {
  return guard(() => B.GRADE(score));
}

/**
 * 占比：部分 ÷ 总数，按百分比四舍五入到 digits 位小数，返回小数（请设为百分比格式）。
 * @customfunction SHARE
 * @param part 部分金额，如基本支出
 * @param total 总数，如本年支出合计（为0时返回 #DIV/0!）
 * @param [digits] 百分比保留的小数位数，0–10，默认2
 * @returns 占比，如 0.351
 */
export function SHARE(part: any, total: any, digits?: any): number {
  return guard(() => B.SHARE(part, total, digits));
}

/**
 * 增减变动说明：按本年数与上年数生成“增加12.34万元，增长5.6%”“减少…，下降…”“与上年持平”或“…上年无此项支出”。
 * @customfunction CHANGE
 * @param current 本年数
 * @param prior 上年数（为0或空白时说“上年无此项支出”）
 * @param [unit] 金额单位，默认“万元”
 * @param [digits] 增减百分比保留的小数位数，默认1
 * @returns 增减变动短语
 */
export function CHANGE(current: any, prior: any, unit?: any, digits?: any): string {
  return guard(() => B.CHANGE(current, prior, unit, digits));
}

/**
 * 元换算为万元：金额 ÷ 10000，四舍五入到 digits 位小数。已写明“万元”的文字原样保留。
 * @customfunction WANYUAN
 * @param yuan 以元计的金额（数值或文字，如 1,136,180.00）
 * @param [digits] 保留的小数位数，默认2
 * @returns 以万元计的金额
 */
export function WANYUAN(yuan: any, digits?: any): number {
  return guard(() => B.WANYUAN(yuan, digits));
}

/**
 * 按科目编码汇总：把编码以 prefix 开头的最明细行（叶子行）金额相加，得出类、款小计；区域中同时有类、款、项行时不会重复相加。
 * @customfunction ROLLUP
 * @param codes 科目编码区域，如 A2:A500（编码可为数值或文字）
 * @param amounts 金额区域，与编码区域行数相同，如 C2:C500
 * @param prefix 要汇总的编码，如 201（类）或 20103（款）
 * @returns 小计金额；没有匹配的行时为0
 */
export function ROLLUP(codes: any[][], amounts: any[][], prefix: any): number {
  return guard(() => B.ROLLUP(codes, amounts, prefix));
}

/**
 * 科目名称：支出功能分类或部门支出经济分类编码对应的名称（随加载项提供的科目表）。
 * @customfunction SUBJECTNAME
 * @param code 科目编码，如 2010350 或 30101
 * @param [scheme] 分类：“功能”或“经济”；省略时3开头的编码按经济分类，其余按功能分类
 * @returns 科目名称，如 事业运行
 */
export function SUBJECTNAME(code: any, scheme?: any): string {
  return guard(() => B.SUBJECTNAME(code, scheme));
}

/**
 * 科目级次：编码是类、款还是项（功能分类3/5/7位，经济分类3/5位）。
 * @customfunction SUBJECTLEVEL
 * @param code 科目编码
 * @param [scheme] 分类：“功能”或“经济”，省略时按编码首位判断
 * @returns 类、款 或 项
 */
export function SUBJECTLEVEL(code: any, scheme?: any): string {
  return guard(() => B.SUBJECTLEVEL(code, scheme));
}

/**
 * 合计核对：按四舍五入区间规则判断合计与各分项之和是否一致，返回“一致”“尾差 0.01”或“差 12.30”（差额 = 合计 − 分项之和）。
 * @customfunction CHECK
 * @param total 合计数
 * @param parts 各分项，如 B2:B9（空白为0）
 * @returns 一致、尾差 x 或 差 x
 */
export function CHECK(total: any, parts: any[][]): string {
  return guard(() => B.CHECK(total, parts));
}

/**
 * 金额文字转数值：1,136.18、174. 25、（12.50）、１２３、12.5万元、“—”（为0）等。
 * @customfunction AMOUNT
 * @param value 单元格中的金额或金额文字
 * @returns 数值（单位文字不换算）
 */
export function AMOUNT(value: any): number {
  return guard(() => B.AMOUNT(value));
}
