/**
 * The small sentences of every 说明 (DOMAIN §8): change against last year and shares of a whole.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { D } from '../src/core/money';
import { ChangeKind, ChangeOptions, describeChange, sharesOf } from '../src/core/phrases';

const NO_NONSENSE = /NaN|Infinity|undefined|null|e[+-]\d/;

describe('describeChange', () => {
  test.each<[string, Decimal.Value, Decimal.Value, ChangeOptions, ChangeKind, string, string, string | null]>([
    // [name, current, prior, options, kind, text, amount, percent]
    ['increase', 110, 100, {}, 'increase', '增加10.00万元，增长10.0%', '10', '10'],
    ['decrease', 90, 100, {}, 'decrease', '减少10.00万元，下降10.0%', '10', '10'],
    ['doubling', 200, 100, {}, 'increase', '增加100.00万元，增长100.0%', '100', '100'],
    ['drop to zero', 0, 174.25, {}, 'decrease', '减少174.25万元，下降100.0%', '174.25', '100'],
    ['zero base (seed 000)', 174.25, 0, {}, 'new', '增加174.25万元，上年无此项支出', '174.25', null],
    ['zero base as text', '174.25', '0.00', {}, 'new', '增加174.25万元，上年无此项支出', '174.25', null],
    ['both zero', 0, 0, {}, 'flat', '与上年持平', '0', null],
    ['equal', 174.25, 174.25, {}, 'flat', '与上年持平', '0', null],
    ['equal as text and number', '174.250', 174.25, {}, 'flat', '与上年持平', '0', null],
    // Amounts are rounded to the amount decimals before they are compared.
    ['equal after rounding to 2 decimals', 10.004, 10.001, {}, 'flat', '与上年持平', '0', null],
    ['equal after rounding, half-up on both', '10.005', '10.0149', {}, 'flat', '与上年持平', '0', null],
    ['0.01 apart after rounding', '10.005', '10.004', {}, 'increase', '增加0.01万元，增长0.1%', '0.01', '0.1'],
    ['percent from the rounded figures', '110.004', '100.004', {}, 'increase', '增加10.00万元，增长10.0%', '10', '10'],
    ['percent rounds half-up (31.25 → 31.3)', 10.5, 8, {}, 'increase', '增加2.50万元，增长31.3%', '2.5', '31.3'],
    ['percent rounds half-up (0.05 → 0.1)', 100.05, 100, {}, 'increase', '增加0.05万元，增长0.1%', '0.05', '0.1'],
    ['seed 000 style decrease', 61.11, 65.2, {}, 'decrease', '减少4.09万元，下降6.3%', '4.09', '6.3'],
    // Options.
    ['unit 元', 110, 100, { unit: '元' }, 'increase', '增加10.00元，增长10.0%', '10', '10'],
    ['unit 元, zero base', 1742500, 0, { unit: '元' }, 'new', '增加1742500.00元，上年无此项支出', '1742500', null],
    ['percent decimals 2', 200, 100, { percentDecimals: 2 }, 'increase', '增加100.00万元，增长100.00%', '100', '100'],
    ['percent decimals 2, fraction', 61.11, 65.2, { percentDecimals: 2 }, 'decrease', '减少4.09万元，下降6.27%', '4.09', '6.27'],
    ['percent decimals 0', 61.11, 65.2, { percentDecimals: 0 }, 'decrease', '减少4.09万元，下降6%', '4.09', '6'],
    ['amount decimals 0 in 元', 1234.5, 1000, { unit: '元', amountDecimals: 0 }, 'increase', '增加235元，增长23.5%', '235', '23.5'],
    ['amount decimals 0: equal after rounding', 1000.4, 999.6, { amountDecimals: 0 }, 'flat', '与上年持平', '0', null],
    // Negative figures (a balance may be negative): the words follow the sign of the change,
    // the percentage is against the size of last year's figure.
    ['negative to less negative', -5, -10, {}, 'increase', '增加5.00万元，增长50.0%', '5', '50'],
    ['negative to more negative', -10, -5, {}, 'decrease', '减少5.00万元，下降100.0%', '5', '100'],
    ['negative to positive', 5, -10, {}, 'increase', '增加15.00万元，增长150.0%', '15', '150'],
    ['positive to negative', -5, 10, {}, 'decrease', '减少15.00万元，下降150.0%', '15', '150'],
  ])('%s: (%s, %s)', (_name, current, prior, opts, kind, text, amount, percent) => {
    const c = describeChange(current, prior, opts);
    expect(c.kind).toBe(kind);
    expect(c.text).toBe(text);
    expect(c.amount.toString()).toBe(new D(amount).toString());
    if (percent === null) expect(c.percent).toBeUndefined();
    else expect(c.percent?.toString()).toBe(new D(percent).toString());
    expect(c.text).not.toMatch(NO_NONSENSE);
    expect(c.amount.isNeg()).toBe(false);
  });

  test('a zero base never divides: no Infinity, no NaN, no 增长…%', () => {
    for (const cur of [174.25, '0.01', 1e21, '999999999999.99']) {
      const c = describeChange(cur, 0);
      expect(c.kind).toBe('new');
      expect(c.percent).toBeUndefined();
      expect(c.text).toContain('上年无此项支出');
      expect(c.text).not.toMatch(/增长|下降|%/);
      expect(c.text).not.toMatch(NO_NONSENSE);
    }
  });

  test('a prior figure that rounds to zero is a zero base', () => {
    const c = describeChange(5, 0.004);
    expect(c.kind).toBe('new');
    expect(c.text).toBe('增加5.00万元，上年无此项支出');
  });

  test('a negative figure against a zero base is a decrease, not an increase', () => {
    // -5 against 0 went down by 5: the word must follow the sign, as everywhere else.
    const c = describeChange(-5, 0);
    expect(c.text).not.toContain('增加');
    expect(c.text).toMatch(/^减少5\.00万元/);
    expect(c.percent).toBeUndefined();
    expect(c.text).not.toMatch(NO_NONSENSE);
  });

  test('property: any pair gives a sentence without NaN/Infinity/exponent, with the right words', () => {
    const cents = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const cur = new D(a).div(100);
        const pri = new D(b).div(100);
        const c = describeChange(cur, pri);
        expect(c.text).not.toMatch(NO_NONSENSE);
        if (a === b) expect(c.text).toBe('与上年持平');
        else if (b === 0) expect(c.text).toContain('上年无此项支出');
        else expect(c.text.startsWith(a > b ? '增加' : '减少')).toBe(true);
        expect(c.amount.toString()).toBe(cur.minus(pri).abs().toString());
      }),
      { numRuns: 500 },
    );
  });
});

describe('sharesOf', () => {
  const texts = (xs: Decimal[], d: number): string[] => xs.map((x) => x.toFixed(d));
  const sum = (xs: Decimal[]): Decimal => xs.reduce((s, x) => s.plus(x), new D(0));

  test.each<[string, Decimal.Value[], Decimal.Value, number, string[]]>([
    // [name, parts, total, decimals, shares]
    ['three equal thirds', [1, 1, 1], 3, 1, ['33.4', '33.3', '33.3']],
    ['three equal thirds at 2 decimals', [1, 1, 1], 3, 2, ['33.34', '33.33', '33.33']],
    ['three equal thirds at 0 decimals', [1, 1, 1], 3, 0, ['34', '33', '33']],
    ['six equal sixths (half-up would give 100.2)', [1, 1, 1, 1, 1, 1], 6, 1, ['16.7', '16.7', '16.7', '16.7', '16.6', '16.6']],
    // Seed 000: 基本支出 61.11 and 项目支出 113.14 of 174.25 → 35.1 % and 64.9 %.
    ['seed 000: 61.11 + 113.14 of 174.25', ['61.11', '113.14'], '174.25', 1, ['35.1', '64.9']],
    ['seed 000 at 2 decimals', ['61.11', '113.14'], '174.25', 2, ['35.07', '64.93']],
    // 97.859…, 1.584…, 0.556…: half-up gives 97.9 + 1.6 + 0.6 = 100.1; the largest remainders
    // (1.584 → .084, 97.859 → .059, 0.556 → .056) keep 97.9 and 1.6 and give 0.5.
    ['170.51 + 2.76 + 0.97 of 174.24', ['170.51', '2.76', '0.97'], '174.24', 1, ['97.9', '1.6', '0.5']],
    ['170.51 + 2.76 + 0.97 of 174.24 at 2 decimals', ['170.51', '2.76', '0.97'], '174.24', 2, ['97.86', '1.58', '0.56']],
    ['one part is the whole', ['174.25'], '174.25', 1, ['100.0']],
    ['a zero part', [0, '174.25'], '174.25', 1, ['0.0', '100.0']],
    ['already adds up: plain half-up', [1, 2], 3, 1, ['33.3', '66.7']],
    ['numbers and strings mixed', [61.11, '113.14'], 174.25, 1, ['35.1', '64.9']],
    // Total zero: all zeros, no division.
    ['total zero', [0, 0], 0, 1, ['0.0', '0.0']],
    ['total zero with non-zero parts', [1, -1], 0, 1, ['0.0', '0.0']],
    ['no parts', [], 0, 1, []],
    // Parts that do not make up the total: each share is plainly rounded, no adjustment.
    ['parts short of the total', [1, 1], 3, 1, ['33.3', '33.3']],
    ['parts short of the total (seed 000 with 174.24)', ['61.11', '113.14'], '174.26', 1, ['35.1', '64.9']],
    ['a subset of the total', ['2.76', '0.97'], '174.24', 1, ['1.6', '0.6']],
    ['parts above the total', [2, 2], 3, 1, ['66.7', '66.7']],
    // A negative part: plain rounding (largest remainder is for parts of a whole).
    ['negative part', [4, -1], 3, 1, ['133.3', '-33.3']],
  ])('%s', (_name, parts, total, decimals, shares) => {
    const out = sharesOf(parts, total, decimals);
    expect(texts(out, decimals)).toEqual(shares);
  });

  test('default precision is 1 decimal', () => {
    expect(texts(sharesOf([1, 1, 1], 3), 1)).toEqual(['33.4', '33.3', '33.3']);
  });

  test('shares that make up the whole add to exactly 100 (not 99.9 or 100.1)', () => {
    for (const [parts, total] of [
      [[1, 1, 1], 3],
      [[1, 1, 1, 1, 1, 1], 6],
      [['170.51', '2.76', '0.97'], '174.24'],
      [['61.11', '113.14'], '174.25'],
      [[1, 1, 1, 1, 1, 1, 1], 7],
    ] as [Decimal.Value[], Decimal.Value][]) {
      for (const d of [0, 1, 2]) expect(sum(sharesOf(parts, total, d)).toFixed(d)).toBe(new D(100).toFixed(d));
    }
  });

  test('property: positive 2-decimal parts of their own sum give shares adding to exactly 100, each within one unit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { minLength: 1, maxLength: 25 }), (cents) => {
        const parts = cents.map((c) => new D(c).div(100));
        const total = sum(parts);
        for (const d of [1, 2]) {
          const unit = new D(10).pow(-d);
          const shares = sharesOf(parts, total, d);
          expect(shares).toHaveLength(parts.length);
          expect(sum(shares).eq(100)).toBe(true);
          shares.forEach((s, i) => {
            const exact = parts[i].div(total).mul(100);
            expect(s.minus(exact).abs().lt(unit)).toBe(true);
            // On the grid of the stated precision, never negative.
            expect(s.decimalPlaces()).toBeLessThanOrEqual(d);
            expect(s.isNeg()).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: many tiny parts (large remainders everywhere) still add to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 99 }), (n, c) => {
        const parts = Array.from({ length: n }, () => new D(c).div(100));
        const total = sum(parts);
        for (const d of [0, 1, 2]) expect(sum(sharesOf(parts, total, d)).eq(100)).toBe(true);
      }),
    );
  });
});
