/**
 * What cells really hold, turned into engine inputs: numbers, messy amount text (DOMAIN §2),
 * percentages as `35.1%` or 0.351, blanks, error values. Every conversion failure is an
 * InputProblem with a Chinese message naming the argument; `errors.ts` makes it an Excel error.
 */
import Decimal from 'decimal.js';
import { CellValue } from '../grid';
import { D, Figure, blankFigure, parseAmount, parsePercent } from '../money';
import { invalid, missing, outOfRange, quote } from '../scoring/problem';
import { isExcelError } from './errors';

/** Whether an optional argument was left out (Excel passes undefined or null; `eval` too). */
export function omitted(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/** One cell's value from a scalar argument; a 1×1 range counts as its cell. */
export function cell(v: unknown, name: string): CellValue {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return cell(v[0][0], name);
    throw invalid(`${name}应为单个单元格或数值，不能是区域`);
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isExcelError(v)) return { error: v.code };
  if (typeof v === 'object' && v !== null && 'error' in v) return v as CellValue;
  // Rich values (entities, dates as objects) are not figures.
  throw invalid(`${name}不是数值或文字`);
}

/** The cells of a range argument, row by row; a single value is a 1×1 range. */
export function cells(v: unknown, name: string): CellValue[] {
  if (!Array.isArray(v)) return [cell(v, name)];
  const out: CellValue[] = [];
  for (const row of v) {
    if (Array.isArray(row)) for (const c of row) out.push(cell(c, name));
    else out.push(cell(row, name));
  }
  return out;
}

/** An amount (blank or a dash is an exact zero, text that is not an amount is an error). */
export function amount(v: unknown, name: string): Figure {
  return amountWithUnit(v, name).figure;
}

/** An amount with the unit its text names (`12.5万元`), if any. */
export function amountWithUnit(v: unknown, name: string): { figure: Figure; unit?: '万元' | '元' } {
  const value = cell(v, name);
  const parsed = parseAmount({ value });
  if (parsed.kind === 'blank') return { figure: blankFigure() };
  if (parsed.kind === 'invalid') throw invalid(`${name}${parsed.reason.startsWith('“') ? '' : '：'}${parsed.reason}`);
  return { figure: usable(parsed.figure, name), unit: parsed.unit };
}

/** Amounts beyond Excel's 15 significant digits are not figures of a budget table. */
const MAX_AMOUNT = new D('1e15');

function usable(f: Figure, name: string): Figure {
  if (!f.value.isFinite() || !Number.isFinite(f.decimals) || f.value.abs().gte(MAX_AMOUNT)) {
    throw outOfRange(`${name}超出范围：金额的绝对值应小于10^15`);
  }
  return f;
}

/** An amount that must be given (blank is missing data, not zero): weights. */
export function requiredNumber(v: unknown, name: string): Decimal {
  const value = cell(v, name);
  if (value === null || value === '') throw missing(`${name}为空`);
  const text = typeof value === 'string' ? value.replace(/分\s*$/, '') : value;
  const parsed = parseAmount({ value: text });
  if (parsed.kind === 'blank') throw missing(`${name}为空`);
  if (parsed.kind === 'invalid') throw invalid(`${name}${quote(String(value))}不是数值`);
  return usable(parsed.figure, name).value;
}

/** An optional number with a default (weights). */
export function optionalNumber(v: unknown, name: string, dflt: Decimal.Value): Decimal {
  if (omitted(v) || v === '') return new D(dflt);
  return requiredNumber(v, name);
}

/** Decimal places for rounding: an integer 0–10; omitted or blank gives the default. */
export function digits(v: unknown, name: string, dflt: number): number {
  if (omitted(v)) return dflt;
  const value = cell(v, name);
  if (value === null || value === '') return dflt;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (typeof value !== 'number' && Number.isNaN(n)) throw invalid(`${name}${quote(String(typeof value === 'object' ? '' : value))}不是整数`);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw outOfRange(`${name}应为0到10之间的整数，而不是${String(value)}`);
  return n;
}

/** A fraction written as `93%`, 0.93 or `0.93`; must lie in [0, 1]. Omitted → undefined. */
export function fraction(v: unknown, name: string): Decimal | undefined {
  if (omitted(v)) return undefined;
  const value = cell(v, name);
  if (value === null || value === '') return undefined;
  const p = parsePercent(value);
  if (p.kind === 'blank') return undefined;
  if (p.kind === 'invalid') throw invalid(`${name}：${p.reason}`);
  if (p.value.isNeg() || p.value.gt(1)) throw outOfRange(`${name}应在0到100%之间，而不是${p.value.mul(100).toString()}%`);
  return p.value;
}

/** Text of a cell (a number cell gives its digits: a code typed as a number). */
export function text(v: unknown, name: string): string {
  const value = cell(v, name);
  if (value === null) return '';
  if (typeof value === 'object') throw invalid(`${name}为错误值 ${value.error}`);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value);
}

/** A decimal as the number a cell receives; never NaN or Infinity. */
export function toNumber(v: Decimal): number {
  const n = v.toNumber();
  if (!Number.isFinite(n)) throw outOfRange('结果超出Excel可表示的数值范围');
  return n === 0 ? 0 : n;
}
