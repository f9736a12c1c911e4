/**
 * Rounding-aware reconciliation (DOMAIN §3): a figure with d decimals stands for v ± ½·10⁻ᵈ;
 * a sum holds within the sum of every figure's half-unit; equal facts hold when intervals
 * overlap; ratios and products hold when the inputs' intervals can give the stated figure.
 */
import { D, Figure, blankFigure } from '../src/core/money';
import { Explanation, Term, Verdict, checkChangeRate, checkEqual, checkProduct, checkRatio, checkShare, checkSum, intervalOf, judgeCopy, judgeDerived, shareSet } from '../src/core/reconcile';

/** A figure as written: value text and the decimals it was shown with. */
const fig = (v: string, decimals?: number): Figure => ({
  value: new D(v),
  decimals: decimals ?? (v.includes('.') ? v.length - v.indexOf('.') - 1 : 0),
});
const minus = (v: string, decimals?: number): Term => ({ figure: fig(v, decimals), sign: -1 });
const plus = (v: string, decimals?: number): Term => ({ figure: fig(v, decimals), sign: 1 });
const str = (d: { toString(): string }): string => d.toString();
const canon = (v: string): string => new D(v).toString();

describe('intervalOf', () => {
  test.each<[Figure, string, string]>([
    [fig('174.25'), '174.245', '174.255'],
    [fig('35.1'), '35.05', '35.15'],
    [fig('20'), '19.5', '20.5'],
    [fig('-2.35'), '-2.355', '-2.345'],
    [fig('0.84'), '0.835', '0.845'],
    [blankFigure(), '0', '0'],
  ])('%o stands for [%s, %s]', (f, lo, hi) => {
    const [a, b] = intervalOf(f);
    expect(str(a)).toBe(canon(lo));
    expect(str(b)).toBe(canon(hi));
  });
});

describe('checkSum: total = Σ parts within n + 1 half-units', () => {
  test.each<[string, Figure, (Figure | Term)[], Verdict, string, string]>([
    // [name, total, parts, verdict, diff (actual − expected), allowance]
    ['exact', fig('174.25'), [fig('61.11'), fig('113.14')], 'ok', '0', '0.015'],
    // Seed 000: 公开03 174.25 vs 170.51 + 2.76 + 0.97 = 174.24; 4 half-units of 0.005.
    ['seed 000: off by 0.01 over 3 parts', fig('174.25'), [fig('170.51'), fig('2.76'), fig('0.97')], 'rounding', '0.01', '0.02'],
    ['off by 0.02 over 3 parts: exactly the allowance', fig('174.26'), [fig('170.51'), fig('2.76'), fig('0.97')], 'rounding', '0.02', '0.02'],
    ['off by 0.03 over 3 parts: beyond the allowance', fig('174.27'), [fig('170.51'), fig('2.76'), fig('0.97')], 'error', '0.03', '0.02'],
    ['off by −0.02 over 3 parts', fig('174.22'), [fig('170.51'), fig('2.76'), fig('0.97')], 'rounding', '-0.02', '0.02'],
    ['off by −0.03 over 3 parts', fig('174.21'), [fig('170.51'), fig('2.76'), fig('0.97')], 'error', '-0.03', '0.02'],
    // Seed 000: 公开03 合计 基本支出 61.11 vs 57.37 + 2.76 + 0.97 = 61.10.
    ['seed 000: 基本支出 61.11 vs 61.10', fig('61.11'), [fig('57.37'), fig('2.76'), fig('0.97')], 'rounding', '0.01', '0.02'],
    // Seed 004: 卫生健康支出 43.45 vs 19.47 + 21.07 + 2.92 = 43.46.
    ['seed 004: 43.45 vs 43.46', fig('43.45'), [fig('19.47'), fig('21.07'), fig('2.92')], 'rounding', '-0.01', '0.02'],
    // Seed 002: 往来资金 parts add to 86, 总分 says 96.
    ['seed 002: 总分 96 vs parts 86', fig('96'), [fig('20'), fig('30'), fig('36')], 'error', '10', '2'],
    ['one part: allowance of two half-units', fig('10.01'), [fig('10.00')], 'rounding', '0.01', '0.01'],
    ['one part, 0.02 off', fig('10.02'), [fig('10.00')], 'error', '0.02', '0.01'],
    ['ten parts allow 0.055', fig('1.05'), Array.from({ length: 10 }, () => fig('0.10')), 'rounding', '0.05', '0.055'],
    ['ten parts, 0.06 off', fig('1.06'), Array.from({ length: 10 }, () => fig('0.10')), 'error', '0.06', '0.055'],
    // Mixed decimals: each figure adds its own half-unit: 0.5 + 0.005 + 0.005 = 0.51.
    ['mixed 0 and 2 decimals, at the boundary', fig('10'), [fig('4.74'), fig('4.75')], 'rounding', '0.51', '0.51'],
    ['mixed 0 and 2 decimals, beyond', fig('10'), [fig('4.74'), fig('4.74')], 'error', '0.52', '0.51'],
    ['mixed 2 and 0 decimals (parts in whole 万元)', fig('174.25'), [fig('61'), fig('113')], 'rounding', '0.25', '1.005'],
    ['mixed 1 and 2 decimals', fig('12.3'), [fig('6.17'), fig('6.17')], 'rounding', '-0.04', '0.06'],
    // Blank parts are exact zeros: they add nothing to the allowance.
    ['blank parts add no allowance (within)', fig('10.00'), [fig('9.99'), blankFigure(), blankFigure()], 'rounding', '0.01', '0.01'],
    ['blank parts add no allowance (beyond)', fig('10.00'), [fig('9.98'), blankFigure(), blankFigure()], 'error', '0.02', '0.01'],
    ['written zeros do add their half-units', fig('10.00'), [fig('9.98'), fig('0.00'), fig('0.00')], 'rounding', '0.02', '0.02'],
    ['blank total, blank parts', blankFigure(), [blankFigure(), blankFigure()], 'ok', '0', '0'],
    ['blank total vs a written part', blankFigure(), [fig('0.01')], 'error', '-0.01', '0.005'],
    ['no parts, zero total', fig('0.00'), [], 'ok', '0', '0.005'],
    ['no parts, non-zero total', fig('0.01'), [], 'error', '0.01', '0.005'],
    // Signed terms: 年末结转 = 年初结转 + 本年收入 − 本年支出.
    ['signed: 5 = 10 + 2 − 7', fig('5.00'), [fig('10.00'), fig('2.00'), minus('7.00')], 'ok', '0', '0.02'],
    ['signed: 6 = 1 + 2 + 3', fig('6'), [plus('1'), plus('2'), plus('3')], 'ok', '0', '2'],
    ['signed: 0 = 1 + 2 − 3', fig('0'), [fig('1'), fig('2'), minus('3')], 'ok', '0', '2'],
    ['signed terms keep their half-units', fig('5.02'), [fig('10.00'), fig('2.00'), minus('7.00')], 'rounding', '0.02', '0.02'],
    ['signed, beyond', fig('5.03'), [fig('10.00'), fig('2.00'), minus('7.00')], 'error', '0.03', '0.02'],
    ['a subtraction forgotten is an error', fig('5.00'), [fig('10.00'), fig('2.00'), fig('7.00')], 'error', '-14', '0.02'],
    ['subtracting a negative', fig('12.00'), [fig('10.00'), minus('-2.00')], 'ok', '0', '0.015'],
    ['negative total', fig('-1.00'), [fig('1.00'), minus('2.00')], 'ok', '0', '0.015'],
    ['subtracted blank', fig('10.00'), [fig('10.00'), { figure: blankFigure(), sign: -1 }], 'ok', '0', '0.01'],
  ])('%s', (_name, total, parts, verdict, diff, allowance) => {
    const r = checkSum(total, parts);
    expect(r.verdict).toBe(verdict);
    expect(str(r.diff)).toBe(canon(diff));
    expect(str(r.allowance)).toBe(canon(allowance));
    expect(str(r.actual)).toBe(str(total.value));
    expect(str(r.expected)).toBe(str(total.value.minus(r.diff)));
  });

  test('expected is the signed sum of the parts', () => {
    const r = checkSum(fig('5.00'), [fig('10.00'), fig('2.00'), minus('7.00')]);
    expect(str(r.expected)).toBe('5');
    const s = checkSum(fig('174.25'), [fig('170.51'), fig('2.76'), fig('0.97')]);
    expect(str(s.expected)).toBe('174.24');
  });

  test('the decision is exact decimal arithmetic, not binary floating point', () => {
    // 0.1 + 0.2 = 0.3 exactly; in binary it is 0.30000000000000004.
    expect(checkSum(fig('0.3'), [fig('0.1'), fig('0.2')]).verdict).toBe('ok');
    // 1e15-scale amounts: still exact to the cent.
    expect(checkSum(fig('1000000000000000.03'), [fig('1000000000000000.01'), fig('0.01')]).verdict).toBe('rounding');
  });
});

describe('checkEqual: two statements of one fact agree when their intervals overlap', () => {
  test.each<[string, Figure, Figure, Verdict, string]>([
    ['identical', fig('170.51'), fig('170.51'), 'ok', '0.01'],
    // Seed 000: 公开01 170.52 vs 公开03 170.51: [170.515, 170.525] and [170.505, 170.515] touch.
    ['seed 000: 170.52 vs 170.51', fig('170.52'), fig('170.51'), 'rounding', '0.01'],
    ['170.51 vs 170.52 (either order)', fig('170.51'), fig('170.52'), 'rounding', '0.01'],
    ['170.52 vs 170.50: no overlap', fig('170.52'), fig('170.50'), 'error', '0.01'],
    // Seed 002: 信息化建设 执行数 376.33 in the 汇总表 vs 375.33 in its own form.
    ['seed 002: 376.33 vs 375.33', fig('376.33'), fig('375.33'), 'error', '0.01'],
    // Seed 002: 项目支出总额 2473.45 vs 2482.50 in the text.
    ['seed 002: 2473.45 vs 2482.50', fig('2473.45'), fig('2482.50'), 'error', '0.01'],
    ['mixed: 170.5 vs 170.52', fig('170.5'), fig('170.52'), 'rounding', '0.055'],
    ['mixed: 171 vs 170.52 (170.52 lies in [170.5, 171.5])', fig('171'), fig('170.52'), 'rounding', '0.505'],
    ['mixed: 170 vs 170.52 ([169.5, 170.5] misses 170.52)', fig('170'), fig('170.52'), 'error', '0.505'],
    ['whole 万元 vs cents: 17000 vs 16999.99', fig('17000'), fig('16999.99'), 'rounding', '0.505'],
    ['blank vs written zero', blankFigure(), fig('0.00'), 'ok', '0.005'],
    ['blank vs 0.01', blankFigure(), fig('0.01'), 'error', '0.005'],
    ['negative figures', fig('-12.50'), fig('-12.51'), 'rounding', '0.01'],
  ])('%s', (_name, stated, reference, verdict, allowance) => {
    const r = checkEqual(stated, reference);
    expect(r.verdict).toBe(verdict);
    expect(str(r.allowance)).toBe(canon(allowance));
    expect(str(r.actual)).toBe(str(stated.value));
    expect(str(r.expected)).toBe(str(reference.value));
    expect(str(r.diff)).toBe(str(stated.value.minus(reference.value)));
  });

  test('the verdict is the same whichever figure is stated', () => {
    const pairs: [Figure, Figure][] = [
      [fig('170.52'), fig('170.51')],
      [fig('170.52'), fig('170.50')],
      [fig('171'), fig('170.52')],
      [fig('170'), fig('170.52')],
    ];
    for (const [a, b] of pairs) expect(checkEqual(a, b).verdict).toBe(checkEqual(b, a).verdict);
  });
});

describe('checkRatio: a stated percentage against numerator / denominator', () => {
  test.each<[string, Figure, Figure, Figure, Verdict, string]>([
    // [name, numerator, denominator, stated percent, verdict, expected (half-up of the exact ratio)]
    // Seed 000: 基本支出 61.11 of 174.25 = 35.0703…% → 35.1.
    ['seed 000: 61.11 / 174.25 = 35.1 %', fig('61.11'), fig('174.25'), fig('35.1'), 'ok', '35.1'],
    ['seed 000: 113.14 / 174.25 = 64.9 %', fig('113.14'), fig('174.25'), fig('64.9'), 'ok', '64.9'],
    ['61.11 / 174.25 stated at 2 decimals: 35.07', fig('61.11'), fig('174.25'), fig('35.07'), 'ok', '35.07'],
    ['61.11 / 174.25 stated at 0 decimals: 35', fig('61.11'), fig('174.25'), fig('35'), 'ok', '35'],
    // The inputs allow [35.0664…, 35.0742…] %: no value rounds half-up to 35.0, but truncation of
    // any of them gives 35.0, and some source systems truncate → 尾差.
    ['61.11 / 174.25 stated 35.0: truncation explains it', fig('61.11'), fig('174.25'), fig('35.0'), 'rounding', '35.1'],
    ['61.11 / 174.25 stated 35.2', fig('61.11'), fig('174.25'), fig('35.2'), 'error', '35.1'],
    // [35.0664, 35.0742] rounds to 35.07 at 2 decimals and truncates to 35.06 or 35.07: 35.08 is neither.
    ['61.11 / 174.25 stated 35.08', fig('61.11'), fig('174.25'), fig('35.08'), 'error', '35.07'],
    // 170.51 / 174.25 = 97.8536…% → 97.85 half-up, so 97.86 is not the rounding of the stated
    // inputs. But 170.51 stands for [170.505, 170.515] and 174.25 for [174.245, 174.255]: the
    // largest ratio, 170.515 / 174.245 = 97.8593…%, rounds half-up to 97.86. The interval rule
    // therefore explains the stated 97.86: 尾差, not 错误.
    ['170.51 / 174.25 stated 97.86: reachable within the inputs’ intervals', fig('170.51'), fig('174.25'), fig('97.86'), 'rounding', '97.85'],
    ['170.51 / 174.25 stated 97.85', fig('170.51'), fig('174.25'), fig('97.85'), 'ok', '97.85'],
    // The smallest ratio 170.505 / 174.255 = 97.8479…% rounds to 97.85; 97.84 needs < 97.845.
    // Truncation of [97.8479, 97.8593] gives 97.84 or 97.85, so 97.84 is explained by truncation.
    ['170.51 / 174.25 stated 97.84: truncation of 97.8479…', fig('170.51'), fig('174.25'), fig('97.84'), 'rounding', '97.85'],
    ['170.51 / 174.25 stated 97.87', fig('170.51'), fig('174.25'), fig('97.87'), 'error', '97.85'],
    // Seed 002 (DOMAIN §9): 2964.05 / 3001.01 = 98.768…%; the inputs allow only
    // [98.76808…, 98.76875…] %, which rounds or truncates to 98.77 or 98.76, never 98.78.
    ['seed 002: 2964.05 / 3001.01 stated 98.78', fig('2964.05'), fig('3001.01'), fig('98.78'), 'error', '98.77'],
    ['seed 002: 2964.05 / 3001.01 stated 98.77', fig('2964.05'), fig('3001.01'), fig('98.77'), 'ok', '98.77'],
    // Truncation: 198.28 / 1000.00 = 19.828 %; the inputs allow [19.8274…, 19.8286…] %, none of
    // which rounds to 19.82, but truncation gives 19.82: 尾差.
    ['truncation: 19.828 % stated 19.82', fig('198.28'), fig('1000.00'), fig('19.82'), 'rounding', '19.83'],
    ['19.828 % stated 19.83', fig('198.28'), fig('1000.00'), fig('19.83'), 'ok', '19.83'],
    ['19.828 % stated 19.81', fig('198.28'), fig('1000.00'), fig('19.81'), 'error', '19.83'],
    // Rounding twice: 6.147 % → 6.15 → 6.2. With precise inputs (61.47 / 1000.00 allows only
    // [6.14647…, 6.14753…] %) neither half-up (6.1) nor truncation (6.1) gives 6.2: 错误.
    ['rounding twice: 6.147 % stated 6.2, precise inputs', fig('61.47'), fig('1000.00'), fig('6.2'), 'error', '6.1'],
    ['6.147 % stated 6.1, precise inputs', fig('61.47'), fig('1000.00'), fig('6.1'), 'ok', '6.1'],
    // With an imprecise denominator (100 stands for [99.5, 100.5]) the ratio may reach 6.1784 %,
    // and 6.15…6.178 rounds to 6.2: the same statement is then only 尾差.
    ['6.147 % stated 6.2, imprecise denominator', fig('6.147'), fig('100'), fig('6.2'), 'rounding', '6.1'],
    // Seed 004 prints shares 2.90 % / 45.40 % that match neither 23.74 nor 366.03 (total illustrative).
    ['a share matching neither figure (cf. seed 004): 23.74 / 389.77 stated 2.90', fig('23.74'), fig('389.77'), fig('2.90'), 'error', '6.09'],
    ['a share matching neither figure (cf. seed 004): 366.03 / 389.77 stated 45.40', fig('366.03'), fig('389.77'), fig('45.40'), 'error', '93.91'],
    ['100 %', fig('174.25'), fig('174.25'), fig('100.00'), 'ok', '100'],
    ['execution rate above 100 %', fig('120.00'), fig('100.00'), fig('120.0'), 'ok', '120'],
    ['zero numerator', fig('0.00'), fig('174.25'), fig('0.0'), 'ok', '0'],
    ['blank numerator', blankFigure(), fig('174.25'), fig('0.0'), 'ok', '0'],
    ['negative numerator', fig('-61.11'), fig('174.25'), fig('-35.1'), 'ok', '-35.1'],
  ])('%s', (_name, n, d, stated, verdict, expected) => {
    const r = checkRatio(n, d, stated);
    expect(r.verdict).toBe(verdict);
    expect(str(r.expected)).toBe(canon(expected));
    expect(str(r.actual)).toBe(str(stated.value));
    expect(r.range[0].lte(r.range[1])).toBe(true);
  });

  test('the range is what the inputs’ intervals allow (170.51 / 174.25)', () => {
    const r = checkRatio(fig('170.51'), fig('174.25'), fig('97.86'));
    // 170.505 / 174.255 and 170.515 / 174.245, as percentages.
    expect(r.range[0].toFixed(6)).toBe(new D('170.505').div('174.255').mul(100).toFixed(6));
    expect(r.range[1].toFixed(6)).toBe(new D('170.515').div('174.245').mul(100).toFixed(6));
    expect(r.range[0].toFixed(4)).toBe('97.8480');
    expect(r.range[1].toFixed(4)).toBe('97.8593');
    // The exact ratio of the stated figures lies inside.
    const exact = new D('170.51').div('174.25').mul(100);
    expect(exact.toFixed(4)).toBe('97.8537');
    expect(r.range[0].lte(exact) && r.range[1].gte(exact)).toBe(true);
  });

  test('scale 1 judges a ratio stated as a fraction', () => {
    expect(checkRatio(fig('61.11'), fig('174.25'), fig('0.351'), 1).verdict).toBe('ok');
    expect(checkRatio(fig('61.11'), fig('174.25'), fig('0.352'), 1).verdict).toBe('error');
  });

  test.each<[string, Figure, Figure, Figure]>([
    ['zero denominator at 2 decimals', fig('5.00'), fig('0.00'), fig('35.1')],
    ['blank denominator', fig('5.00'), blankFigure(), fig('35.1')],
    ['zero over zero', fig('0.00'), fig('0.00'), fig('0.0')],
    ['blank over blank', blankFigure(), blankFigure(), fig('100.0')],
    ['denominator interval straddles zero: 0.4 at 0 decimals', fig('5.00'), { value: new D('0.4'), decimals: 0 }, fig('35.1')],
  ])('%s never throws and never gives NaN or Infinity', (_name, n, d, stated) => {
    const r = checkRatio(n, d, stated);
    // Any ratio is possible when the denominator may be zero: nothing can be proved wrong.
    expect(['ok', 'rounding']).toContain(r.verdict);
    expect(r.expected.isFinite()).toBe(true);
    expect(r.range[0].isFinite()).toBe(true);
    expect(r.range[1].isFinite()).toBe(true);
  });

  test('zero over zero stated 0 is ok', () => {
    expect(checkRatio(fig('0.00'), fig('0.00'), fig('0.0')).verdict).toBe('ok');
  });
});

describe('judgeDerived: stated figure vs exact value and allowed range', () => {
  test.each<[string, Figure, string, string, string, Verdict]>([
    // [name, stated, exact, lo, hi, verdict]
    ['half-up of the exact value', fig('35.1'), '35.07', '35.06', '35.08', 'ok'],
    ['half-up at .5 goes up', fig('35.2'), '35.15', '35.15', '35.15', 'ok'],
    ['range reaches the stated interval from below', fig('35.1'), '35.04', '35.03', '35.05', 'rounding'],
    ['range reaches the stated interval from above', fig('35.1'), '35.16', '35.149', '35.17', 'rounding'],
    // 35.15 itself rounds half-up to 35.2, not 35.1; but truncation of 35.15…35.2 gives 35.1.
    ['upper end is open for half-up, truncation still explains', fig('35.1'), '35.17', '35.15', '35.2', 'rounding'],
    // Bounds are closed (one convention, XBRL's "can agree"): a range starting exactly at 35.2 would
    // touch 35.1's truncation interval [35.1, 35.2]; just above it, nothing explains 35.1.
    ['range entirely above: neither rounding nor truncation', fig('35.1'), '35.25', '35.21', '35.3', 'error'],
    ['range entirely below', fig('35.1'), '35.02', '35.0', '35.04', 'error'],
    ['truncation at 2 decimals', fig('19.82'), '19.828', '19.8275', '19.8285', 'rounding'],
    ['rounding twice', fig('6.2'), '6.147', '6.146', '6.148', 'error'],
    ['integer figure', fig('17'), '16.87', '16.86', '16.88', 'ok'],
    ['integer figure, truncation', fig('16'), '16.87', '16.86', '16.88', 'rounding'],
    ['integer figure, error', fig('18'), '16.87', '16.86', '16.88', 'error'],
  ])('%s', (_name, stated, exact, lo, hi, verdict) => {
    expect(judgeDerived(stated, new D(exact), new D(lo), new D(hi))).toBe(verdict);
  });
});

describe('checkProduct: score = weight × rate, judged against the stated rate (seed 002)', () => {
  test('20 × stated 84 % = 16.8 is consistent', () => {
    // The form prints 执行率 "84%" (0 decimals of percent = 2 decimals of the fraction) and
    // score 16.8. Judged against the stated rate the score is exact.
    const r = checkProduct(fig('20'), fig('0.84', 2), fig('16.8'));
    expect(r.verdict).toBe('ok');
    expect(str(r.expected)).toBe('16.8');
    expect(str(r.actual)).toBe('16.8');
    // 20 stands for [19.5, 20.5] and 84 % for [83.5 %, 84.5 %].
    expect(str(r.range[0])).toBe(canon('16.2825'));
    expect(str(r.range[1])).toBe(canon('17.3225'));
  });

  test('the same score from the raw rate 16.62 / 19.7 is not the half-up value', () => {
    // 20 × 16.62 / 19.7 = 16.873…, which rounds to 16.9: the stated 16.8 is only explained
    // through the stated 84 % (or by truncation), never as the plain rounding of the raw rate.
    const raw = new D('16.62').div('19.7');
    const r = checkProduct(fig('20.00'), { value: raw.toDecimalPlaces(6), decimals: 6 }, fig('16.8'));
    expect(str(r.expected)).toBe('16.9');
    expect(r.verdict).not.toBe('ok');
  });

  test.each<[string, Figure, Figure, Figure, Verdict, string]>([
    ['stated 17.8 is an error', fig('20'), fig('0.84', 2), fig('17.8'), 'error', '16.8'],
    ['stated 16.80 at 2 decimals', fig('20'), fig('0.84', 2), fig('16.80'), 'ok', '16.8'],
    ['stated 17 at 0 decimals', fig('20'), fig('0.84', 2), fig('17'), 'ok', '17'],
    // 20 × 84.5 % reaches 16.9 when the weight may be up to 20.5: within the intervals.
    ['stated 16.9 is within the inputs’ intervals', fig('20'), fig('0.84', 2), fig('16.9'), 'rounding', '16.8'],
    ['exact weight (2 decimals), stated 16.9 still within 84 %’s interval', fig('20.00'), fig('0.84', 2), fig('16.9'), 'rounding', '16.8'],
    // 20.00 × [0.835, 0.845] = [16.7, 16.9]: 17.0 is out of reach.
    ['exact weight, stated 17.0 out of reach', fig('20.00'), fig('0.84', 2), fig('17.0'), 'error', '16.8'],
    ['full rate', fig('20'), fig('1.00'), fig('20.0'), 'ok', '20'],
    ['zero rate', fig('20'), fig('0.00'), fig('0.0'), 'ok', '0'],
    ['blank rate', fig('20'), blankFigure(), fig('0'), 'ok', '0'],
  ])('%s', (_name, a, b, stated, verdict, expected) => {
    const r = checkProduct(a, b, stated);
    expect(r.verdict).toBe(verdict);
    expect(str(r.expected)).toBe(canon(expected));
    expect(r.range[0].lte(r.range[1])).toBe(true);
  });

  test('scale: a rate stated as a percent figure (84, 0 decimals) with scale 0.01', () => {
    const r = checkProduct(fig('20'), fig('84'), fig('16.8'), '0.01');
    expect(r.verdict).toBe('ok');
    expect(str(r.expected)).toBe('16.8');
    expect(checkProduct(fig('20'), fig('84'), fig('17.8'), '0.01').verdict).toBe('error');
  });
});

describe('intervalOf by mode: truncation cuts toward zero', () => {
  test.each<[Figure, string, string]>([
    [fig('35.1'), '35.1', '35.2'],
    [fig('0.08'), '0.08', '0.09'],
    [fig('-2.3'), '-2.4', '-2.3'],
    [blankFigure(), '0', '0'],
  ])('%o truncated stands for [%s, %s]', (f, lo, hi) => {
    const [a, b] = intervalOf(f, 'truncation');
    expect(str(a)).toBe(canon(lo));
    expect(str(b)).toBe(canon(hi));
  });
});

describe('judgeCopy: a figure the text copies from a table (issue 11)', () => {
  test.each<[string, Figure, Figure, Verdict, Explanation]>([
    ['the same figure', fig('45.01'), fig('45.01'), 'ok', 'exact'],
    ['fewer decimals, rounded: 1,136 for 1,136.18', fig('1136'), fig('1136.18'), 'ok', 'exact'],
    ['fewer decimals, rounded up: 1,136.2 for 1,136.18', fig('1136.2'), fig('1136.18'), 'ok', 'exact'],
    ['truncated: 1,136.1 for 1,136.18', fig('1136.1'), fig('1136.18'), 'rounding', 'truncation'],
    ['a digit off at the written precision: 45.02 for 45.01', fig('45.02'), fig('45.01'), 'error', 'none'],
    ['170.51 for the 公开01 170.52', fig('170.51'), fig('170.52'), 'error', 'none'],
    ['0 for a blank cell', fig('0'), blankFigure(), 'ok', 'exact'],
    ['0.00 for a blank cell', fig('0.00'), blankFigure(), 'ok', 'exact'],
    ['text more precise than the cell and consistent with it', fig('170.52'), fig('170.5'), 'ok', 'exact'],
    ['text more precise than the cell and not', fig('170.62'), fig('170.5'), 'error', 'none'],
    ['a 元 table converted (6 decimals)', fig('113.62'), fig('113.618', 6), 'ok', 'exact'],
  ])('%s', (_name, stated, cell, verdict, by) => {
    const j = judgeCopy(stated, cell);
    expect(j.verdict).toBe(verdict);
    expect(j.by).toBe(by);
  });
});

describe('checkRatio names what explains a 尾差', () => {
  test('interval, truncation, none', () => {
    expect(checkRatio(fig('170.51'), fig('174.25'), fig('97.86')).by).toBe('interval');
    expect(checkRatio(fig('198.28'), fig('1000.00'), fig('19.82')).by).toBe('truncation');
    expect(checkRatio(fig('61.11'), fig('174.25'), fig('35.2')).by).toBe('none');
    expect(checkRatio(fig('61.11'), fig('174.25'), fig('35.1')).by).toBe('exact');
  });

  test('0.08 % for 0.0853 %: truncation (issue 11)', () => {
    const r = checkRatio(fig('0.853'), fig('1000.000'), fig('0.08'));
    expect(r.verdict).toBe('rounding');
    expect(r.by).toBe('truncation');
  });
});

describe('shares of one whole: largest remainder is 尾差 by adjustment', () => {
  test('three equal parts: the first of the equal remainders gets the unit', () => {
    const s = shareSet(['1', '1', '1'], '3', 1);
    expect(s.rounded.map(str)).toEqual(['33.3', '33.3', '33.3']);
    expect(s.adjusted.map(str)).toEqual(['33.4', '33.3', '33.3']);
  });

  test('the adjusted share is 尾差 said as an adjustment, the half-up one ok, another one 错误', () => {
    const parts = [fig('1.00'), fig('1.00'), fig('1.00')];
    const total = fig('3.00');
    expect(checkShare(parts, 2, total, fig('33.3')).verdict).toBe('ok');
    const adj = checkShare(parts, 0, total, fig('33.4'));
    expect(adj.verdict).toBe('rounding');
    expect(adj.by).toBe('largest-remainder');
    expect(checkShare(parts, 0, total, fig('34.0')).verdict).toBe('error');
  });

  test('a real pair (杜集 2021): 5.21 and 2.48 of 7.69 printed 67.75 % and 32.24 % (32.2497…): within the inputs’ intervals', () => {
    const parts = [fig('5.21'), fig('2.48')];
    expect(checkShare(parts, 0, fig('7.69'), fig('67.75')).verdict).toBe('ok');
    const r = checkShare(parts, 1, fig('7.69'), fig('32.24'));
    expect(r.verdict).toBe('rounding');
    expect(r.by).toBe('interval');
  });

  test('exact inputs (元 converted to 万元): 90.8646 % printed 90.86 is ok, 9.1353 % printed 9.13 is truncation', () => {
    const parts = [fig('103.018029', 6), fig('10.357304', 6)];
    const total = fig('113.375333', 6);
    expect(checkShare(parts, 0, total, fig('90.86')).verdict).toBe('ok');
    const r = checkShare(parts, 1, total, fig('9.13'));
    expect(r.verdict).toBe('rounding');
    expect(r.by).toBe('truncation');
  });
});

describe('checkChangeRate: 增长/下降 x% of current over prior', () => {
  test.each<[string, Figure, Figure, Figure, Figure | undefined, Verdict]>([
    ['嘉定 2017: 9.05 → 8.77 下降3.09%', fig('8.77'), fig('9.05'), fig('3.09'), undefined, 'ok'],
    ['公务接待费 0.29 → 0.30 增长3.45%', fig('0.30'), fig('0.29'), fig('3.45'), undefined, 'ok'],
    ['174.25 over 150: 16.2', fig('174.25'), fig('150.00'), fig('16.2'), undefined, 'ok'],
    ['174.25 over 150: 16.1 is truncation', fig('174.25'), fig('150.00'), fig('16.1'), undefined, 'rounding'],
    ['174.25 over 150: 16.0', fig('174.25'), fig('150.00'), fig('16.0'), undefined, 'error'],
    ['by the stated change when the figures alone do not give it', fig('3.46'), fig('1.06'), fig('226.4'), fig('2.40'), 'ok'],
    ['杜集: 下降0.006% for a change of 9.69 on 14.9', fig('5.21'), fig('14.9'), fig('0.006'), undefined, 'error'],
  ])('%s', (_name, cur, prior, stated, change, verdict) => {
    expect(checkChangeRate(cur, prior, stated, change).verdict).toBe(verdict);
  });
});
