/**
 * The bodies of the BUDGET.* functions: convert what the cells hold (cells.ts), call the engine,
 * throw an InputProblem (with a Chinese message) for anything that is not a usable input. They
 * know nothing of Excel: `functions/functions.ts` declares them to Excel (JSDoc metadata, error
 * values through CustomFunctions.Error), `budget eval` calls them through registry.ts.
 */
import { codeLevel, lookupSubject } from '../codes';
import { formatAmount, roundHalfUp } from '../money';
import { describeChange } from '../phrases';
import { checkSum } from '../reconcile';
import { divByZero, invalid, notFound, quote } from '../scoring/problem';
import { execRate, execScore, grade, parseLevel, qualScore, roundRate, scoreIndicator } from '../scoring/score';
import { amount, amountWithUnit, cell, cells, digits as toDigits, fraction as toFraction, omitted, optionalNumber, requiredNumber, text, toNumber } from './cells';
import { prefixOf, rollupIndexFor, rollupOf } from './rollup';

/** 执行率 actual ÷ budget, as a fraction rounded at `digits` decimals of the percentage. */
export function EXECRATE(actual: any, budget: any, digits?: any): number {
  const rate = execRate(amount(actual, '实际执行数').value, amount(budget, '预算数').value);
  return toNumber(roundRate(rate, toDigits(digits, '小数位数', 2)));
}

/** 预算执行得分 weight × min(rate, 1). */
export function EXECSCORE(actual: any, budget: any, weight?: any, rateDigits?: any): number {
  const w = optionalNumber(weight, '权重', 10);
  const rd = omitted(rateDigits) || rateDigits === '' ? undefined : toDigits(rateDigits, '执行率小数位数', 0);
  return toNumber(execScore(amount(actual, '实际执行数').value, amount(budget, '预算数').value, w, rd));
}

/** 三级指标得分 by target and actual (DOMAIN §7). */
export function INDICATORSCORE(target: any, actual: any, weight: any, fraction?: any): number {
  const w = requiredNumber(weight, '权重');
  const f = toFraction(fraction, '档内比例');
  return toNumber(scoreIndicator(cell(target, '年初目标值'), cell(actual, '实际完成值'), w, f).score);
}

/** 定性指标得分 by band. */
export function QUALSCORE(level: any, weight: any, fraction?: any): number {
  const lv = text(level, '达成程度');
  if (lv.trim() === '') throw invalid('达成程度为空：应为“达成”“基本达成”或“未达成”');
  return toNumber(qualScore(parseLevel(lv), requiredNumber(weight, '权重'), toFraction(fraction, '档内比例')));
}

/** 评价等级 优/良/中/差. */
export function GRADE(score: any): string {
  return grade(requiredNumber(score, '得分'));
}

/** 占比 part ÷ total, rounded at `digits` decimals of the percentage. */
export function SHARE(part: any, total: any, digits?: any): number {
  const t = amount(total, '总数').value;
  if (t.isZero()) throw divByZero('除数为零：总数为0');
  return toNumber(roundRate(amount(part, '部分金额').value.div(t), toDigits(digits, '小数位数', 2)));
}

/** 增减变动短语, the same code as the 说明 generator. */
export function CHANGE(current: any, prior: any, unit?: any, digits?: any): string {
  const u = omitted(unit) ? '' : text(unit, '单位').trim();
  return describeChange(amount(current, '本年数').value, amount(prior, '上年数').value, {
    unit: u === '' ? '万元' : u,
    amountDecimals: 2,
    percentDecimals: toDigits(digits, '百分比小数位数', 1),
  }).text;
}

/** 元 → 万元; text that says 万元 already is kept as is. */
export function WANYUAN(yuan: any, digits?: any): number {
  const d = toDigits(digits, '小数位数', 2);
  const { figure, unit } = amountWithUnit(yuan, '金额');
  return toNumber(roundHalfUp(unit === '万元' ? figure.value : figure.value.div(10000), d));
}

/** Subtotal of the leaf rows whose code starts with `prefix`. */
export function ROLLUP(codes: any[][], amounts: any[][], prefix: any): number {
  return toNumber(rollupOf(rollupIndexFor(codes, amounts), prefixOf(text(prefix, '科目编码前缀'))));
}

const SCHEMES: Record<string, 'functional' | 'economic'> = {
  功能: 'functional',
  功能分类: 'functional',
  支出功能分类: 'functional',
  经济: 'economic',
  经济分类: 'economic',
  部门支出经济分类: 'economic',
};

function schemeOf(v: unknown): 'functional' | 'economic' | undefined {
  if (omitted(v)) return undefined;
  const s = text(v, '分类').trim();
  if (s === '') return undefined;
  const found = SCHEMES[s];
  if (!found) throw invalid(`分类${quote(s)}应为“功能”或“经济”`);
  return found;
}

function subjectCode(v: unknown): string {
  const code = text(v, '科目编码').normalize('NFKC').replace(/\s+/g, '');
  if (code === '') throw invalid('科目编码为空');
  if (!/^\d+$/.test(code)) throw invalid(`科目编码${quote(code)}应为数字`);
  return code;
}

const BAD_LENGTH = (c: string): string => `科目编码${c}的位数不对：功能分类为3、5或7位，经济分类为3或5位`;

/** 科目名称 from the bundled 政府收支分类科目. */
export function SUBJECTNAME(code: any, scheme?: any): string {
  const c = subjectCode(code);
  const s = schemeOf(scheme);
  if (!codeLevel(c, s)) throw invalid(BAD_LENGTH(c));
  const subject = lookupSubject(c, s);
  if (!subject) throw notFound(`科目表中没有编码${c}`);
  return subject.name;
}

/** 科目级次 类/款/项. */
export function SUBJECTLEVEL(code: any, scheme?: any): string {
  const c = subjectCode(code);
  const level = codeLevel(c, schemeOf(scheme));
  if (!level) throw invalid(BAD_LENGTH(c));
  return level;
}

/** 合计核对 by the interval rule: 一致, 尾差 x or 差 x (x = total − Σ parts). */
export function CHECK(total: any, parts: any[][]): string {
  const t = amount(total, '合计数');
  const ps = cells(parts, '分项').map((v, i) => amount(v, `第${i + 1}个分项`));
  const r = checkSum(t, ps);
  if (r.verdict === 'ok') return '一致';
  const d = Math.max(t.decimals, ...ps.map((p) => p.decimals));
  return `${r.verdict === 'rounding' ? '尾差' : '差'} ${formatAmount(r.diff, d)}`;
}

/** Amount text → number (unit words dropped, not converted). */
export function AMOUNT(value: any): number {
  return toNumber(amount(value, '金额').value);
}
