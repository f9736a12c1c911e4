/**
 * Money parsing and formatting (DOMAIN §2): every messy form an amount or a percentage takes
 * in a real cell, the decimals a figure was shown with, half-up rounding and truncation.
 */
import {
  D,
  Figure,
  ParsedAmount,
  ParsedPercent,
  blankFigure,
  decimalsFromFormat,
  formatAmount,
  formatPercent,
  halfUnit,
  normalizeNumberText,
  parseAmount,
  parseAmountText,
  parsePercent,
  roundHalfUp,
  truncate,
  yuanToWan,
} from '../src/core/money';
import { CellValue, GridCell } from '../src/core/grid';

/** Narrows to an amount and returns [value as text, decimals, unit]. */
function amountOf(r: ParsedAmount): { value: string; decimals: number; unit?: string } {
  if (r.kind !== 'amount') throw new Error(`expected an amount, got ${JSON.stringify(r)}`);
  return { value: r.figure.value.toString(), decimals: r.figure.decimals, unit: r.unit };
}

function percentOf(r: ParsedPercent): { value: string; decimals: number } {
  if (r.kind !== 'percent') throw new Error(`expected a percent, got ${JSON.stringify(r)}`);
  return { value: r.value.toString(), decimals: r.decimals };
}

/** Canonical text of a decimal value ('174.250' → '174.25') so expectations read naturally. */
const canon = (v: string): string => new D(v).toString();


describe('parseAmountText: amount text as offices type it (DOMAIN §2)', () => {
  test.each<[string, string, string, number, '万元' | '元' | null]>([
    ['plain', '174.25', '174.25', 2, null],
    ['integer', '174', '174', 0, null],
    ['one decimal', '12.5', '12.5', 1, null],
    ['trailing zeros keep their decimals', '12.50', '12.5', 2, null],
    ['grouping comma', '1,136.18', '1136.18', 2, null],
    ['several groups', '1,234,567.89', '1234567.89', 2, null],
    ['grouping without decimals', '1,136', '1136', 0, null],
    ['OCR space after the point', '174. 25', '174.25', 2, null],
    ['OCR spaces everywhere', ' 1 136 . 18 ', '1136.18', 2, null],
    ['no-break and ideographic spaces', '\u00a0174.25\u3000', '174.25', 2, null],
    ['full-width digits and point', '１２３．４５', '123.45', 2, null],
    ['full-width grouping comma', '１，２３４', '1234', 0, null],
    ['ideographic comma used for grouping', '1，234.50', '1234.5', 2, null],
    ['ideographic full stop as the point', '174。25', '174.25', 2, null],
    ['parentheses are negative', '(12.50)', '-12.5', 2, null],
    ['full-width parentheses are negative', '（12.50）', '-12.5', 2, null],
    ['minus sign', '-12.5', '-12.5', 1, null],
    ['unicode minus sign', '−12.5', '-12.5', 1, null],
    ['full-width minus', '－12.5', '-12.5', 1, null],
    ['full-width plus', '＋3', '3', 0, null],
    ['ascii plus', '+3.00', '3', 2, null],
    ['leading point', '.5', '0.5', 1, null],
    ['trailing point', '12.', '12', 0, null],
    ['万元 suffix is reported', '12.5万元', '12.5', 1, '万元'],
    ['元 suffix is reported', '12元', '12', 0, '元'],
    ['unit with grouping', '1,136.18元', '1136.18', 2, '元'],
    ['unit after a space', '12.5 万元', '12.5', 1, '万元'],
    ['negative with unit', '(12.50)万元', '-12.5', 2, '万元'],
  ])('%s: %j → %s with %d decimals', (_name, raw, value, decimals, unit) => {
    const a = amountOf(parseAmountText(raw));
    expect(a.value).toBe(canon(value));
    expect(a.decimals).toBe(decimals);
    expect(a.unit ?? null).toBe(unit);
  });

  test.each([
    ['-0-'],
    ['--0--'],
    ['—'],
    ['——'],
    ['－'],
    ['-'],
    ['–'],
    ['~'],
    ['-0.00-'],
    [''],
    ['   '],
    ['\u3000'],
  ])('%j is a blank: an exact zero', (raw) => {
    expect(parseAmountText(raw)).toEqual({ kind: 'blank' });
  });

  // A written zero is a figure at its own precision (it may stand for 0.004), not a blank:
  // a blank adds no rounding allowance, a written "0.00" adds ½·10⁻² like any other figure
  // (DOMAIN §3). A number cell 0 formatted 0.00 already parses as { 0, 2 decimals }.
  // (A bare text "0" is left alone here: as a blank it is an exact zero, which is the safer
  // reading in a 2-decimal table.)
  test.each<[string, number]>([
    ['0.00', 2],
    ['0.0', 1],
  ])('written zero %j is an amount with %d decimals, not a blank', (raw, decimals) => {
    const a = amountOf(parseAmountText(raw));
    expect(a.value).toBe('0');
    expect(a.decimals).toBe(decimals);
  });

  test.each([
    ['letters', 'abc'],
    ['Chinese numerals', '一百一十一'],
    ['two points', '12.3.4'],
    ['double point', '12..5'],
    ['a lone point', '.'],
    ['a lone percent sign', '%'],
    ['bad grouping', '1,23'],
    ['bad grouping, four digits', '1,2345'],
    ['an error shown as text', '#DIV/0!'],
    ['a percentage is not an amount', '12.5%'],
    ['exponent text', '1E+05'],
    ['unit only', '万元'],
    ['empty parentheses', '()'],
    ['digits with a word', '12abc'],
    ['a target, not an amount', '≥95'],
    ['two signs', '--5'],
  ])('%s: %j is invalid with a reason, never zero', (_name, raw) => {
    const r = parseAmountText(raw);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason).toContain(raw.slice(0, 10));
    expect(r).not.toHaveProperty('figure');
  });
});

describe('parseAmount: cells (value + number format)', () => {
  test.each<[string, GridCell | undefined]>([
    ['undefined cell', undefined],
    ['null value', { value: null }],
    ['empty string', { value: '' }],
    ['whitespace', { value: '  ' }],
    ['dash text', { value: '-' }],
    ['-0- text', { value: '-0-' }],
    ['em dash', { value: '—' }],
    ['full-width minus', { value: '－' }],
  ])('%s is blank', (_name, cell) => {
    expect(parseAmount(cell)).toEqual({ kind: 'blank' });
  });

  test.each<[string, GridCell, string, number]>([
    // Binary floating-point noise is removed (Excel keeps 15 significant digits).
    ['0.1 + 0.2, General', { value: 0.1 + 0.2 }, '0.3', 2],
    ['0.1 + 0.2, 0.00', { value: 0.1 + 0.2, numFmt: '0.00' }, '0.3', 2],
    ['0.7 + 0.1, General', { value: 0.7 + 0.1 }, '0.8', 2],
    ['61.110000000000007, General', { value: 61.110000000000007 }, '61.11', 2],
    ['61.110000000000007, #,##0.00', { value: 61.110000000000007, numFmt: '#,##0.00' }, '61.11', 2],
    ['-0.30000000000000004, General', { value: -(0.1 + 0.2) }, '-0.3', 2],
    // General: decimals from the value, at least the default of 2.
    ['integer, General', { value: 3 }, '3', 2],
    ['one decimal, General', { value: 12.5 }, '12.5', 2],
    ['five decimals, General', { value: 1.23456 }, '1.23456', 5],
    ['explicit General', { value: 174.25, numFmt: 'General' }, '174.25', 2],
    ['text format @ behaves like General', { value: 174.25, numFmt: '@' }, '174.25', 2],
    ['1e-7, General', { value: 1e-7 }, '0.0000001', 7],
    ['negative, General', { value: -12.5 }, '-12.5', 2],
    // Decimals from the number format.
    ['#,##0.00', { value: 1136.18, numFmt: '#,##0.00' }, '1136.18', 2],
    ['0.0', { value: 12.5, numFmt: '0.0' }, '12.5', 1],
    ['0', { value: 12, numFmt: '0' }, '12', 0],
    ['#,##0', { value: 1234, numFmt: '#,##0' }, '1234', 0],
    ['0.00% (4 decimals of the fraction)', { value: 0.351, numFmt: '0.00%' }, '0.351', 4],
    ['0% (2 decimals of the fraction)', { value: 0.35, numFmt: '0%' }, '0.35', 2],
    ['sections', { value: 174.25, numFmt: '#,##0.00;-#,##0.00;""' }, '174.25', 2],
    ['sections, negative value', { value: -174.25, numFmt: '#,##0.00;-#,##0.00;""' }, '-174.25', 2],
    ['colour', { value: 12.5, numFmt: '[Red]0.00' }, '12.5', 2],
    ['colour in the negative section', { value: 12.5, numFmt: '0.0;[Red]-0.0' }, '12.5', 1],
    ['quoted unit text', { value: 12.5, numFmt: '0.00"万元"' }, '12.5', 2],
    ['quoted text with digits before', { value: 3, numFmt: '"第1.25"0' }, '3', 0],
    ['currency locale block', { value: 12.5, numFmt: '[$¥-804]#,##0.00' }, '12.5', 2],
    ['accounting padding', { value: 12.5, numFmt: '#,##0.00_);(#,##0.00)' }, '12.5', 2],
    // A format showing fewer decimals than the value holds: the reader sees the rounded figure.
    ['2.345 shown as 0.00 → 2.35 (half-up)', { value: 2.345, numFmt: '0.00' }, '2.35', 2],
    ['2.344999 shown as 0.00 → 2.34', { value: 2.344999, numFmt: '0.00' }, '2.34', 2],
    ['-2.345 shown as 0.00 → -2.35', { value: -2.345, numFmt: '0.00' }, '-2.35', 2],
    ['1.005 shown as 0.00 → 1.01 (not binary 1.00)', { value: 1.005, numFmt: '0.00' }, '1.01', 2],
    ['3.6 shown as 0 → 4', { value: 3.6, numFmt: '0' }, '4', 0],
    ['174.254 shown as #,##0.00 → 174.25', { value: 174.254, numFmt: '#,##0.00' }, '174.25', 2],
    ['0.35126 shown as 0.00% → 0.3513', { value: 0.35126, numFmt: '0.00%' }, '0.3513', 4],
    ['zero with 0.00 is a figure, not a blank', { value: 0, numFmt: '0.00' }, '0', 2],
    // Text cells are parsed as text; their format does not change what is written.
    ['text amount in a 0.0 cell', { value: '1,136.18', numFmt: '0.0' }, '1136.18', 2],
    ['full-width text', { value: '１２３．４５' }, '123.45', 2],
    ['OCR text', { value: '174. 25' }, '174.25', 2],
    ['negative text', { value: '(12.50)' }, '-12.5', 2],
  ])('%s', (_name, cell, value, decimals) => {
    const a = amountOf(parseAmount(cell));
    expect(a.value).toBe(canon(value));
    expect(a.decimals).toBe(decimals);
  });

  test('defaultDecimals applies to General numbers only', () => {
    expect(amountOf(parseAmount({ value: 3 }, 0)).decimals).toBe(0);
    expect(amountOf(parseAmount({ value: 3.25 }, 0)).decimals).toBe(2);
    expect(amountOf(parseAmount({ value: 3 }, 4)).decimals).toBe(4);
    expect(amountOf(parseAmount({ value: 3, numFmt: '0.0' }, 4)).decimals).toBe(1);
  });

  test('the unit suffix of a text cell is reported', () => {
    expect(amountOf(parseAmount({ value: '12.5万元' }))).toEqual({ value: '12.5', decimals: 1, unit: '万元' });
    expect(amountOf(parseAmount({ value: '12元' }))).toEqual({ value: '12', decimals: 0, unit: '元' });
  });

  test.each<[string, CellValue, string]>([
    ['#DIV/0! error cell', { error: '#DIV/0!' }, '#DIV/0!'],
    ['#REF! error cell', { error: '#REF!' }, '#REF!'],
    ['#N/A error cell', { error: '#N/A' }, '#N/A'],
    ['TRUE', true, 'TRUE'],
    ['FALSE', false, 'FALSE'],
    ['NaN', NaN, ''],
    ['Infinity', Infinity, ''],
    ['-Infinity', -Infinity, ''],
    ['letters', 'abc', 'abc'],
    ['Chinese numerals', '一百一十一', '一百一十一'],
    ['two points', '12.3.4', '12.3.4'],
    ['bad grouping', '1,23', '1,23'],
    ['error text', '#DIV/0!', '#DIV/0!'],
  ])('%s is invalid with a reason, never zero', (_name, value, mention) => {
    const r = parseAmount({ value, numFmt: '#,##0.00' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(typeof r.reason).toBe('string');
    expect(r.reason.length).toBeGreaterThan(0);
    expect(r.reason).toContain(mention);
  });
});

describe('adversarial long text returns invalid, and never hangs', () => {
  // 10,000 characters is far beyond any real amount; Excel allows up to 32,767 per cell. Each
  // input is also tried 100 times longer: backtracking that is quadratic or worse turns that
  // into minutes, which the test's timeout catches (a hang guard, not a speed target).
  const HANG_GUARD_MS = 5_000;
  const inputs: [string, string][] = [
    ['10,000 letters', 'x'.repeat(10_000)],
    ['9,999 digits then a letter', '1'.repeat(9_999) + 'x'],
    ['9,999 dashes then a letter', '-'.repeat(9_999) + 'x'],
    ['dashes, a zero, dashes, then a letter', '-'.repeat(5_000) + '0' + '-'.repeat(4_998) + 'x'],
    ['digits with two points', '1'.repeat(5_000) + '.' + '1'.repeat(4_998) + '.'],
    ['5,000 grouping commas', '1,'.repeat(5_000)],
    ['spaces then a letter', ' '.repeat(9_999) + 'x'],
    ['10,000 parentheses', '('.repeat(10_000)],
  ];

  test.each(inputs)('parseAmountText: %s', (_name, raw) => {
    expect(raw.length).toBeGreaterThanOrEqual(9_999);
    const r = parseAmountText(raw);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason.length).toBeLessThan(60);
    expect(parseAmountText(raw.repeat(100)).kind).toBe('invalid');
  }, HANG_GUARD_MS);

  test.each(inputs)('parseAmount (cell): %s', (_name, raw) => {
    const cell: GridCell = { value: raw, numFmt: '#,##0.00' };
    expect(parseAmount(cell).kind).toBe('invalid');
    expect(parseAmount({ ...cell, value: raw.repeat(100) }).kind).toBe('invalid');
  }, HANG_GUARD_MS);

  test.each(inputs)('parsePercent: %s', (_name, raw) => {
    const r = parsePercent(raw);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason.length).toBeLessThan(60);
    expect(parsePercent(raw.repeat(100)).kind).toBe('invalid');
  }, HANG_GUARD_MS);
});

describe('normalizeNumberText', () => {
  test.each([
    ['174. 25', '174.25'],
    ['１２３．４５', '123.45'],
    ['1,136.18', '1136.18'],
    ['１，２３４', '1234'],
    ['1,23', '1,23'],
    ['174。25', '174.25'],
    ['（12.50）', '(12.50)'],
  ])('%j → %j', (raw, out) => {
    expect(normalizeNumberText(raw)).toBe(out);
  });
});

describe('decimalsFromFormat', () => {
  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['General', undefined],
    ['general', undefined],
    ['@', undefined],
    ['#,##0.00', 2],
    ['0.00', 2],
    ['0.0', 1],
    ['0', 0],
    ['#,##0', 0],
    ['0.000', 3],
    ['0.00%', 4],
    ['0.0%', 3],
    ['0%', 2],
    ['#,##0.00;-#,##0.00;""', 2],
    ['#,##0.0;[Red]-#,##0.0', 1],
    ['[Red]0.00', 2],
    ['[Blue]#,##0', 0],
    ['[$¥-804]#,##0.00', 2],
    ['0.00"万元"', 2],
    ['"合计："0.0', 1],
    ['"1.234"0', 0],
    ['#,##0.00_);(#,##0.00)', 2],
    ['#,##0.00_ ;[Red]-#,##0.00 ', 2],
    ['yyyy-mm-dd', undefined],
  ])('%j → %s', (fmt, d) => {
    expect(decimalsFromFormat(fmt)).toBe(d);
    // Cached: the second call answers the same.
    expect(decimalsFromFormat(fmt)).toBe(d);
  });
});

describe('parsePercent', () => {
  test.each<[string, GridCell | CellValue | undefined, string, number]>([
    ['35.1%', '35.1%', '0.351', 1],
    ['35.10% keeps 2 decimals', '35.10%', '0.351', 2],
    ['100%', '100%', '1', 0],
    ['0%', '0%', '0', 0],
    ['full-width percent sign', '35.1％', '0.351', 1],
    ['OCR space', '35. 1%', '0.351', 1],
    ['full-width digits', '３５．１％', '0.351', 1],
    ['negative', '-5.2%', '-0.052', 1],
    ['plus', '+5%', '0.05', 0],
    ['fraction text 0.967 is 96.7 % with 1 decimal', '0.967', '0.967', 1],
    ['fraction text 0.9676 is 96.76 % with 2 decimals', '0.9676', '0.9676', 2],
    ['number 0.967 (General) is 96.7 %', 0.967, '0.967', 1],
    ['number 1 (General) is 100 %', 1, '1', 0],
    ['cell 0.967 General', { value: 0.967 }, '0.967', 1],
    ['cell with 0.00% format', { value: 0.9676, numFmt: '0.00%' }, '0.9676', 2],
    ['cell with 0.0% format', { value: 0.351, numFmt: '0.0%' }, '0.351', 1],
    ['cell with 0% format', { value: 1, numFmt: '0%' }, '1', 0],
    ['cell with binary noise', { value: 0.1 + 0.251, numFmt: '0.0%' }, '0.351', 1],
    ['text cell', { value: '35.1%' }, '0.351', 1],
    // Shown with fewer decimals than held: the stated figure is what the reader sees,
    // as parseAmount does (2.345 shown 0.00 → 2.35). 0.35149 shown as 0.0% reads 35.1%.
    ['0.35149 shown as 0.0% → 35.1 %', { value: 0.35149, numFmt: '0.0%' }, '0.351', 1],
    ['0.97853 shown as 0.00% → 97.85 %', { value: 0.97853, numFmt: '0.00%' }, '0.9785', 2],
  ])('%s', (_name, input, value, decimals) => {
    const p = percentOf(parsePercent(input));
    expect(p.value).toBe(canon(value));
    expect(p.decimals).toBe(decimals);
  });

  test.each<[string, GridCell | CellValue | undefined]>([
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['empty cell', { value: null }],
    ['dash', '-'],
    ['em dash', '—'],
    ['-0-', '-0-'],
    ['whitespace', '  '],
  ])('%s is blank', (_name, input) => {
    expect(parsePercent(input)).toEqual({ kind: 'blank' });
  });

  test.each<[string, GridCell | CellValue]>([
    ['a target ≥95%', '≥95%'],
    ['a target ≥95% in a cell', { value: '≥95%' }],
    ['words', '百分之九十五'],
    ['two points', '12.3.4%'],
    ['a lone percent sign', '%'],
    ['percent twice', '35%%'],
    ['error value', { error: '#DIV/0!' }],
    ['error cell', { value: { error: '#DIV/0!' } }],
    ['boolean', true],
    ['NaN', NaN],
    ['Infinity', Infinity],
  ])('%s is invalid with a reason', (_name, input) => {
    const r = parsePercent(input);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason.length).toBeGreaterThan(0);
  });
});

describe('roundHalfUp and truncate', () => {
  test.each<[string | number, number, string]>([
    ['2.345', 2, '2.35'],
    [2.345, 2, '2.35'],
    ['2.344999', 2, '2.34'],
    ['2.3449999999999', 2, '2.34'],
    ['-2.345', 2, '-2.35'],
    ['-2.344999', 2, '-2.34'],
    ['0.5', 0, '1'],
    ['1.5', 0, '2'],
    ['2.5', 0, '3'], // half-up, not banker's rounding
    ['-0.5', 0, '-1'],
    ['-2.5', 0, '-3'],
    [1.005, 2, '1.01'],
    ['31.25', 1, '31.3'],
    ['97.853658', 2, '97.85'],
    ['174.25', 2, '174.25'],
    ['174.2', 2, '174.2'],
    ['12345.6789', 0, '12346'],
  ])('roundHalfUp(%s, %d) = %s', (v, d, out) => {
    expect(roundHalfUp(v, d).toString()).toBe(out);
  });

  test.each<[string | number, number, string]>([
    ['19.828', 2, '19.82'],
    ['19.829999', 2, '19.82'],
    ['-19.828', 2, '-19.82'], // toward zero
    ['2.345', 2, '2.34'],
    ['0.999', 0, '0'],
    ['-0.999', 0, '0'],
    ['6.147', 1, '6.1'],
    ['174.25', 2, '174.25'],
  ])('truncate(%s, %d) = %s', (v, d, out) => {
    expect(truncate(v, d).toString()).toBe(out);
  });
});

describe('formatAmount and formatPercent', () => {
  test.each<[string | number, number | undefined, string]>([
    ['174.25', undefined, '174.25'],
    [174.2, undefined, '174.20'],
    [174, undefined, '174.00'],
    ['2.345', 2, '2.35'],
    [1e-7, undefined, '0.00'],
    [1e-7, 8, '0.00000010'],
    [1e21, undefined, '1000000000000000000000.00'],
    [1e21, 0, '1000000000000000000000'],
    ['123456789012345678901234.5', 1, '123456789012345678901234.5'],
    [-0.001, 2, '0.00'],
    [-2.345, 2, '-2.35'],
    [0, 2, '0.00'],
    ['1136.18', 0, '1136'],
  ])('formatAmount(%s, %s) = %s', (v, d, out) => {
    const s = d === undefined ? formatAmount(v) : formatAmount(v, d);
    expect(s).toBe(out);
    expect(s).not.toMatch(/NaN|Infinity|e[+-]?\d/i);
  });

  test.each<[string | number, number | undefined, string]>([
    ['0.351', undefined, '35.1'],
    ['0.35149', undefined, '35.1'],
    ['0.3515', undefined, '35.2'],
    [1, undefined, '100.0'],
    [0, undefined, '0.0'],
    ['0.9785365853', 2, '97.85'],
    ['0.00000001', 2, '0.00'],
  ])('formatPercent(%s, %s) = %s', (v, d, out) => {
    expect(d === undefined ? formatPercent(v) : formatPercent(v, d)).toBe(out);
  });
});

describe('figures: half-units, yuan → 万元, blanks', () => {
  const fig = (v: string, decimals: number): Figure => ({ value: new D(v), decimals });

  test.each<[Figure, string]>([
    [fig('174.25', 2), '0.005'],
    [fig('174.2', 1), '0.05'],
    [fig('174', 0), '0.5'],
    [fig('1.2345', 4), '0.00005'],
    [blankFigure(), '0'],
  ])('halfUnit(%o) = %s', (f, h) => {
    expect(halfUnit(f).toString()).toBe(canon(h));
  });

  test('blankFigure is an exact zero', () => {
    const b = blankFigure();
    expect(b.value.isZero()).toBe(true);
    expect(b.blank).toBe(true);
  });

  test.each<[Figure, string, number]>([
    [fig('1234567', 0), '123.4567', 4],
    [fig('1234567.89', 2), '123.456789', 6],
    [fig('1742500', 0), '174.25', 4],
    [fig('-5000', 0), '-0.5', 4],
  ])('yuanToWan(%o) = %s with %d decimals', (f, v, d) => {
    const w = yuanToWan(f);
    expect(w.value.toString()).toBe(canon(v));
    expect(w.decimals).toBe(d);
    // Half a yuan becomes half of 10⁻⁴ 万元: the interval is the same amount of money.
    expect(halfUnit(w).mul(10000).toString()).toBe(halfUnit(f).toString());
  });

  test('yuanToWan keeps a blank a blank', () => {
    const w = yuanToWan(blankFigure());
    expect(w.blank).toBe(true);
    expect(w.value.isZero()).toBe(true);
    expect(halfUnit(w).isZero()).toBe(true);
  });
});
