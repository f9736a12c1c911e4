/**
 * Number formats of SpreadsheetML: the built-in ones a style refers to by id only (as Excel
 * shows them in a zh-CN installation), and whether a format shows a date.
 */

/** ECMA-376 §18.8.30 built-in formats; the locale-dependent ids as Excel zh-CN shows them. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format text of a built-in id; undefined for General (id 0) and unknown ids. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

const DATE_CACHE = new Map<string, boolean>();

/** Whether a format shows a number as a date or time (y, m, d, h, s outside quotes and brackets). */
export function isDateFormat(fmt: string): boolean {
  let v = DATE_CACHE.get(fmt);
  if (v === undefined) {
    const bare = fmt
      .split(';')[0]
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\\./g, '')
      .replace(/[_*]./g, '');
    v = !/^general$/i.test(bare.trim()) && /[ymdhsYMDHS]|上午|下午|AM\/PM/.test(bare);
    DATE_CACHE.set(fmt, v);
  }
  return v;
}

const DAY_MS = 24 * 3600 * 1000;

/** A date serial as ISO text `2024-12-31` (1900 or 1904 date system); undefined when out of range. */
export function serialToDateText(serial: number, date1904: boolean): string | undefined {
  // 25569 = days from 1899-12-30 (Excel's day 0, after its 1900 leap-year bug) to 1970-01-01.
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}
