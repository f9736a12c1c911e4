/** The 绩效 scoring engine (src/core/scoring): targets, actuals, rules, bands, grades. */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  InputProblem,
  QUAL_BANDS,
  execRate,
  execScore,
  grade,
  parseLevel,
  parseQuantity,
  parseTarget,
  qualScore,
  readActual,
  restates,
  roundRate,
  scoreIndicator,
} from '../src/core/scoring';

const d = (v: Decimal.Value): Decimal => new Decimal(v);

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputProblem) return e.kind;
    throw e;
  }
  return 'none';
}

describe('parseTarget', () => {
  test.each([
    ['≥95%', '≥', 'positive', '95', '%'],
    ['≤15分钟', '≤', 'negative', '15', '分钟'],
    ['12次', '=', 'positive', '12', '次'],
    ['100%', '=', 'positive', '100', '%'],
    ['≥8000人次', '≥', 'positive', '8000', '人次'],
    ['≤200元/人', '≤', 'negative', '200', '元/人'],
    ['≤3万', '≤', 'negative', '3', '万'],
    ['≥ 49.7 平方公里', '≥', 'positive', '49.7', '平方公里'],
    ['≤24 小时', '≤', 'negative', '24', '小时'],
    ['不低于90%', '≥', 'positive', '90', '%'],
    ['不少于12次', '≥', 'positive', '12', '次'],
    ['不高于5%', '≤', 'negative', '5', '%'],
    ['不超过30分钟', '≤', 'negative', '30', '分钟'],
    ['5个工作日以内', '≤', 'negative', '5', '个工作日'],
    ['8000人次以上', '≥', 'positive', '8000', '人次'],
    ['>=95%', '≥', 'positive', '95', '%'],
    ['<=5%', '≤', 'negative', '5', '%'],
    ['＞90％', '>', 'positive', '90', '%'],
    ['＜5％', '<', 'negative', '5', '%'],
    ['≧95%', '≥', 'positive', '95', '%'],
    ['$\\geq 95\\%$'.replace('\\%', '%'), '≥', 'positive', '95', '%'],
    ['好评率≥95%', '≥', 'positive', '95', '%'],
    ['工作目标完成率达100%', '=', 'positive', '100', '%'],
    ['服务外包人员费用结算率 100%', '=', 'positive', '100', '%'],
    ['58,000件', '=', 'positive', '58000', '件'],
    ['１２次', '=', 'positive', '12', '次'],
  ])('%s', (text, direction, polarity, value, unit) => {
    const t = parseTarget(text);
    expect(t.kind).toBe('quantitative');
    if (t.kind !== 'quantitative') return;
    expect(t.direction).toBe(direction);
    expect(t.polarity).toBe(polarity);
    expect(t.value.toString()).toBe(value);
    expect(t.unit).toBe(unit);
  });

  test.each(['不超预算', '不超过合同金额', '提升', '有保障', '有所提升', '按规定时间完成', '初验按期完工', '无重大安全事故', '12月底前完成', '7×24小时服务', '2025年12月31日前'])(
    '%s is qualitative',
    (text) => {
      expect(parseTarget(text).kind).toBe('qualitative');
    },
  );

  test('a number cell is a bare quantity', () => {
    const t = parseTarget(58000);
    expect(t).toMatchObject({ kind: 'quantitative', direction: '=', unit: '', numeric: true });
  });

  test('blank and bad targets', () => {
    expect(problemOf(() => parseTarget(null))).toBe('missing');
    expect(problemOf(() => parseTarget('  '))).toBe('missing');
    expect(problemOf(() => parseTarget(true))).toBe('invalid');
    expect(problemOf(() => parseTarget({ error: '#REF!' }))).toBe('invalid');
    expect(problemOf(() => parseTarget(-5))).toBe('invalid');
  });

  test('parseQuantity rejects phrases after the number and conflicting directions', () => {
    expect(parseQuantity('12月底前完成')).toBeUndefined();
    expect(parseQuantity('≥5%以内')).toBeUndefined();
    expect(parseQuantity('不低于95%以上')).toMatchObject({ direction: '≥' });
  });
});

describe('readActual', () => {
  const pct = parseTarget('≥95%');
  const times = parseTarget('≤30分钟');
  const qual = parseTarget('提升');

  test('numbers against a % target are Excel fractions', () => {
    expect(readActual(0.967, pct)).toMatchObject({ kind: 'quantity' });
    expect((readActual(0.967, pct) as { value: Decimal }).value.toString()).toBe('96.7');
    expect(problemOf(() => readActual(98.5, pct))).toBe('invalid');
    expect((readActual('98.5%', pct) as { value: Decimal }).value.toString()).toBe('98.5');
  });

  test('units convert within a family, not across', () => {
    expect((readActual('1小时', times) as { value: Decimal }).value.toString()).toBe('60');
    expect(problemOf(() => readActual('3次', times))).toBe('invalid');
  });

  test('a percentage against another unit is completion', () => {
    expect(readActual('100%', parseTarget('≤3万'))).toMatchObject({ kind: 'completion' });
    expect(readActual('100%', qual)).toMatchObject({ kind: 'completion' });
  });

  test('level words and restatements', () => {
    expect(readActual('达成', qual)).toEqual({ kind: 'level', level: 'achieved', source: 'word' });
    expect(readActual('基本达成', qual)).toMatchObject({ level: 'partial' });
    expect(readActual('部分达成', pct)).toMatchObject({ level: 'partial' });
    expect(readActual('未达成', qual)).toMatchObject({ level: 'notAchieved' });
    expect(readActual('有所提升', qual)).toMatchObject({ level: 'achieved', source: 'restates' });
    expect(problemOf(() => readActual('未提升', qual))).toBe('invalid');
    expect(problemOf(() => readActual('下降', qual))).toBe('invalid');
  });

  test('restates', () => {
    expect(restates('提交系统演示原型', '已提交系统演示原型')).toBe(true);
    expect(restates('有所提升', '提升')).toBe(true);
    expect(restates('不超过预算金额', '不超过合同金额')).toBe(true);
    expect(restates('不超过合同金额', '超过合同金额')).toBe(false);
    expect(restates('保障"民呼 我应"中心 正常运行', '保障“民呼我应”中心正常运行')).toBe(true);
    expect(restates('提升', '无提升')).toBe(false);
  });

  test('blank actual is missing data', () => {
    expect(problemOf(() => readActual('', pct))).toBe('missing');
    expect(problemOf(() => readActual(null, pct))).toBe('missing');
    expect(problemOf(() => readActual('—', pct))).toBe('missing');
  });
});

describe('scoreIndicator: the rules of §7', () => {
  const s = (target: string | number, actual: string | number, weight: number, fraction?: number): string =>
    scoreIndicator(target, actual, d(weight), fraction === undefined ? undefined : d(fraction)).score.toString();

  test('positive: weight × actual / target, capped', () => {
    expect(s('≥95%', '90%', 10)).toBe('9.47');
    expect(s('≥95%', '98.5%', 10)).toBe('10');
    expect(s('12次', '6次', 20)).toBe('10');
    expect(s('≥8000人次', 12000, 5)).toBe('5');
    expect(s('≥0次', 0, 5)).toBe('5');
  });

  test('negative: weight × target / actual, capped', () => {
    expect(s('≤15分钟', '20分钟', 10)).toBe('7.5');
    expect(s('≤15分钟', '10分钟', 10)).toBe('10');
    expect(s('≤5%', '0%', 4)).toBe('4');
    expect(s('≤30分钟', '≤120分钟', 3)).toBe('0.75');
    expect(s('≤0次', '2次', 4)).toBe('0');
  });

  test('qualitative: bands, middle by default, explicit fraction inside the band', () => {
    expect(s('提升', '提升', 30)).toBe('27');
    expect(s('提升', '达成', 30, 1)).toBe('30');
    expect(s('有保障', '基本达成', 10)).toBe('6.5');
    expect(s('有保障', '未达成', 10)).toBe('2.5');
    expect(problemOf(() => s('及时', '及时', 10, 0.6))).toBe('outOfRange');
  });

  test('a quantitative target stated as met earns the weight; partial falls back to the bands', () => {
    expect(s('≥95%', '达成', 10)).toBe('10');
    expect(s('≥95%', '基本达成', 10)).toBe('6.5');
    expect(s('≥95%', '达成', 10, 0.9)).toBe('9');
  });

  test('a fraction is refused where the figures decide', () => {
    expect(problemOf(() => s('≥95%', '90%', 10, 0.9))).toBe('invalid');
  });

  test('weights must lie in [0, 100]; negative actuals are refused', () => {
    expect(problemOf(() => s('≥95%', '90%', -1))).toBe('outOfRange');
    expect(problemOf(() => s('≥95%', '90%', 101))).toBe('outOfRange');
    expect(problemOf(() => s('≥5次', -2, 10))).toBe('outOfRange');
  });

  test('property: the score lies in [0, weight] and rises with the actual for ≥ targets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 0, max: 200000 }), fc.integer({ min: 1, max: 100 }), (t, a1, a2, w) => {
        const lo = Math.min(a1, a2);
        const hi = Math.max(a1, a2);
        const sLo = scoreIndicator(`≥${t}次`, lo, d(w)).score;
        const sHi = scoreIndicator(`≥${t}次`, hi, d(w)).score;
        return sLo.gte(0) && sHi.lte(w) && sLo.lte(sHi);
      }),
    );
  });

  test('property: for ≤ targets the score falls as the actual rises and never divides by zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 100 }), (t, a1, a2, w) => {
        const lo = Math.min(a1, a2);
        const hi = Math.max(a1, a2);
        const sLo = scoreIndicator(`≤${t}分钟`, `${lo}分钟`, d(w)).score;
        const sHi = scoreIndicator(`≤${t}分钟`, `${hi}分钟`, d(w)).score;
        return sLo.isFinite() && sHi.isFinite() && sHi.lte(sLo) && sLo.lte(w) && sHi.gte(0);
      }),
    );
  });
});

describe('qualScore and parseLevel', () => {
  test.each([
    ['达成', 'achieved'],
    ['完全达成', 'achieved'],
    ['基本达成', 'partial'],
    ['部分达成', 'partial'],
    ['未达成', 'notAchieved'],
    [' 达 成 ', 'achieved'],
  ])('%s', (word, level) => {
    expect(parseLevel(word)).toBe(level);
  });

  test('unknown level words', () => {
    expect(problemOf(() => parseLevel('很好'))).toBe('invalid');
  });

  test('band edges: 80 % belongs to 达成, 50 % to 部分达成', () => {
    expect(qualScore('achieved', d(10), d(0.8)).toString()).toBe('8');
    expect(problemOf(() => qualScore('partial', d(10), d(0.8)))).toBe('outOfRange');
    expect(qualScore('partial', d(10), d(0.5)).toString()).toBe('5');
    expect(problemOf(() => qualScore('notAchieved', d(10), d(0.5)))).toBe('outOfRange');
    expect(qualScore('notAchieved', d(10), d(0)).toString()).toBe('0');
  });

  test('the middles are inside their bands', () => {
    for (const b of Object.values(QUAL_BANDS)) {
      expect(b.middle).toBeGreaterThanOrEqual(b.low);
      expect(b.middle).toBeLessThan(b.high);
    }
  });
});

describe('预算执行', () => {
  test('rate and score', () => {
    expect(roundRate(execRate(d('2964.05'), d('3001.01')), 2).toString()).toBe('0.9877');
    expect(execScore(d('2964.05'), d('3001.01'), d(20)).toString()).toBe('19.75');
    expect(execScore(d('16.62'), d('19.7'), d(20), 0).toString()).toBe('16.8');
    expect(execScore(d(120), d(100), d(20)).toString()).toBe('20');
  });

  test('zero and negative budgets', () => {
    expect(problemOf(() => execRate(d(1), d(0)))).toBe('divByZero');
    expect(problemOf(() => execRate(d(1), d(-5)))).toBe('outOfRange');
    expect(problemOf(() => execRate(d(-1), d(5)))).toBe('outOfRange');
  });
});

describe('grade', () => {
  test.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%s → %s', (score, g) => {
    expect(grade(d(score))).toBe(g);
  });

  test('out of range', () => {
    expect(problemOf(() => grade(d(100.01)))).toBe('outOfRange');
    expect(problemOf(() => grade(d(-1)))).toBe('outOfRange');
  });
});
