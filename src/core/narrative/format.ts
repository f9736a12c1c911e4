/**
 * How a 说明 finding reads: the sentence quoted with its line, the figure it should match named
 * by table, line and cell (or parameter, or the line of the 说明 that states it), and what
 * explains a 尾差 (interval, truncation, largest-remainder adjustment).
 */
import Decimal from 'decimal.js';
import { Finding, Severity } from '../findings';
import { Figure, roundHalfUp } from '../money';
import { Explanation, Verdict } from '../reconcile';
import { Sentence } from './text';

/** Where a reference figure lives: a table cell, a parameter, or a line of the 说明. */
export interface Where {
  label: string;
  sheet: string;
  cells: string[];
}

export function paramWhere(path: string): Where {
  return { label: `参数“${path}”`, sheet: '', cells: [] };
}

export function textWhere(s: Sentence): Where {
  return { label: `说明第${s.line}行所写`, sheet: '', cells: [] };
}

/** A figure as a reader wants to see it: its own decimals, but a 元-converted 170.520000 shows as 170.52. */
export function show(f: Figure): string {
  if (f.blank) return '0';
  if (f.decimals <= 2) return f.value.toFixed(f.decimals);
  const t = f.value.toFixed(f.decimals).replace(/0+$/, '');
  const dp = t.includes('.') ? t.length - t.indexOf('.') - 1 : 0;
  return f.value.toFixed(Math.max(2, dp));
}

export function fmt(v: Decimal, d: number): string {
  return roundHalfUp(v, d).toFixed(d);
}

/** A cell by name and place: 公开01表 第30行 收入总计 公开01表!C36. */
export function ref(w: Where): string {
  return w.sheet && w.cells.length ? `${w.label} ${w.sheet}!${w.cells.join('、')}` : w.label;
}

export function mergeWhere(a: Where, b: Where): Where {
  const same = a.sheet === b.sheet || !a.sheet;
  return { label: a.label, sheet: a.sheet || b.sheet, cells: same ? [...a.cells, ...b.cells.filter((x) => !a.cells.includes(x))] : a.cells };
}

/** The sentence quoted in a finding: line number and text, cut to a readable length. */
export function quote(s: Sentence): string {
  const t = s.text.length > 90 ? s.text.slice(0, 88) + '…' : s.text;
  return `说明第${s.line}行“${t}”`;
}

/** What the message adds for a 尾差, by what explains it. */
const TAIL: Record<Explanation, string> = {
  exact: '',
  interval: '（在尾差范围内）',
  truncation: '（是截尾而非四舍五入所得，属尾差）',
  'largest-remainder': '（为使各项占比合计为100%按最大余数法调整，属尾差）',
  none: '',
};

export function finding(verdict: Verdict | Severity, rule: string, s: Sentence, w: Where, what: string, expected?: Figure, actual?: Figure, by: Explanation = 'interval'): Finding {
  const severity: Severity = verdict === 'ok' ? 'rounding' : verdict;
  const tail = severity === 'rounding' ? TAIL[by] || TAIL.interval : '';
  return {
    severity,
    rule,
    table: '说明',
    sheet: w.sheet,
    cells: w.cells,
    message: `${quote(s)}：${what}${tail}。`,
    expected: expected?.value.toString(),
    actual: actual?.value.toString(),
  };
}
