/**
 * The BUDGET functions as Excel calls them: what cells really hold in, a number, a text or an
 * Excel error value with a Chinese message out — never a JS exception, NaN or Infinity.
 */
import fc from 'fast-check';
import * as F from '../functions/functions';
import { PlainExcelError, excelError, isExcelError } from '../functions/errors';
import { BUDGET_FUNCTIONS } from '../src/core/functions/registry';
import { buildRollupIndex, clearRollupCache } from '../src/core/functions/rollup';

/** The value, or `#CODE message` for an Excel error (anything else thrown fails the test). */
function run(fn: (...a: any[]) => unknown, ...args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (e) {
    if (isExcelError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
}

const col = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);

describe('inputs as cells hold them', () => {
  test('messy amount text', () => {
    expect(F.EXECRATE('2,964.05', '3,001.01')).toBe(0.9877);
    expect(F.EXECRATE('２９６４．０５', '３００１．０１')).toBe(0.9877);
    expect(F.EXECRATE('2964. 05', ' 3001.01 ')).toBe(0.9877);
    expect(F.EXECRATE('2964.05万元', '3001.01万元')).toBe(0.9877);
    expect(F.AMOUNT('(12.50)')).toBe(-12.5);
    expect(F.AMOUNT('-0-')).toBe(0);
    expect(F.AMOUNT('—')).toBe(0);
    expect(F.AMOUNT('1,136.18')).toBe(1136.18);
    expect(F.AMOUNT(null)).toBe(0);
  });

  test('blank is zero for amounts, so a blank budget divides by zero', () => {
    expect(F.EXECRATE(null, 100)).toBe(0);
    expect(run(F.EXECRATE, 100, null)).toBe('#DIV/0! 除数为零：预算数为0');
    expect(run(F.EXECRATE, 100, '—')).toBe('#DIV/0! 除数为零：预算数为0');
    expect(run(F.EXECSCORE, 100, 0, 20)).toBe('#DIV/0! 除数为零：预算数为0');
    expect(run(F.SHARE, 1, 0)).toBe('#DIV/0! 除数为零：总数为0');
  });

  test('text that is not an amount is #VALUE!, naming the argument', () => {
    expect(run(F.EXECRATE, 'abc', 100)).toBe('#VALUE! 实际执行数“abc”不是金额');
    expect(run(F.EXECRATE, 100, '约三千')).toBe('#VALUE! 预算数“约三千”不是金额');
    expect(run(F.EXECRATE, true, 100)).toBe('#VALUE! 实际执行数：逻辑值 TRUE 不是金额');
    expect(run(F.CHECK, 10, col(5, 'x'))).toBe('#VALUE! 第2个分项“x”不是金额');
  });

  test('percentages as 35.1% or 0.351', () => {
    expect(F.QUALSCORE('达成', 10, '95%')).toBe(9.5);
    expect(F.QUALSCORE('达成', 10, 0.95)).toBe(9.5);
    expect(F.QUALSCORE('达成', 10, '0.95')).toBe(9.5);
    expect(run(F.QUALSCORE, '达成', 10, 95)).toMatch(/^#NUM! /);
    expect(F.INDICATORSCORE('≥95%', 0.9, 10)).toBe(9.47);
    expect(F.INDICATORSCORE('≥95%', '90%', 10)).toBe(9.47);
    expect(F.INDICATORSCORE('≥95%', '90.0％', 10)).toBe(9.47);
  });

  test('digits', () => {
    expect(F.EXECRATE(1, 3)).toBe(0.3333);
    expect(F.EXECRATE(1, 3, 1)).toBe(0.333);
    expect(F.EXECRATE(1, 3, 0)).toBe(0.33);
    expect(F.EXECRATE(1, 3, null)).toBe(0.3333);
    expect(F.EXECRATE(1, 3, '')).toBe(0.3333);
    expect(run(F.EXECRATE, 1, 3, 11)).toMatch(/^#NUM! 小数位数应为0到10之间的整数/);
    expect(run(F.EXECRATE, 1, 3, 1.5)).toMatch(/^#NUM! /);
    expect(run(F.EXECRATE, 1, 3, 'two')).toMatch(/^#VALUE! /);
  });

  test('half-up rounding, not banker’s', () => {
    expect(F.EXECRATE(1, 8, 1)).toBe(0.125); // 12.5 % at 1 decimal stays
    expect(F.EXECRATE(1, 8, 0)).toBe(0.13); // 12.5 % → 13 %
    expect(F.WANYUAN(125, 2)).toBe(0.01); // 0.0125 → 0.01
    expect(F.WANYUAN(12500, 0)).toBe(1); // 1.25 → 1
    expect(F.WANYUAN(15000, 0)).toBe(2); // 1.5 → 2
    expect(F.WANYUAN(25000, 0)).toBe(3); // 2.5 → 3 (banker’s would give 2)
  });

  test('a 1×1 range is its cell; a larger range in a single-value argument is #VALUE!', () => {
    expect(F.EXECRATE([[2964.05]], [[3001.01]])).toBe(0.9877);
    expect(run(F.EXECRATE, [[1, 2]], 3)).toMatch(/^#VALUE! 实际执行数应为单个单元格/);
  });

  test('error cells passed in', () => {
    expect(run(F.EXECRATE, excelError('#N/A', 'x'), 3)).toMatch(/^#VALUE! 实际执行数：单元格为错误值 #N\/A/);
  });
});

describe('EXECRATE / EXECSCORE', () => {
  test('the seed-002 example', () => {
    expect(F.EXECRATE(2964.05, 3001.01)).toBe(0.9877);
    expect(F.EXECSCORE(2964.05, 3001.01, 20)).toBe(19.75);
    expect(F.EXECSCORE(2964.05, 3001.01)).toBe(9.88);
  });
  test('capped at the weight; rate may exceed 100 %', () => {
    expect(F.EXECRATE(120, 100)).toBe(1.2);
    expect(F.EXECSCORE(120, 100, 20)).toBe(20);
  });
  test('rateDigits multiplies the printed rate', () => {
    expect(F.EXECSCORE(16.62, 19.7, 20)).toBe(16.87);
    expect(F.EXECSCORE(16.62, 19.7, 20, 0)).toBe(16.8);
    // A blank cell for rateDigits means left out, not 0.
    expect(F.EXECSCORE(16.62, 19.7, 20, '')).toBe(16.87);
    expect(F.EXECSCORE(16.62, 19.7, 20, null)).toBe(16.87);
  });
  test('weight out of range', () => {
    expect(run(F.EXECSCORE, 1, 2, -20)).toMatch(/^#NUM! 权重不能为负数/);
    expect(run(F.EXECSCORE, 1, 2, '二十')).toMatch(/^#VALUE! 权重“二十”不是数值/);
    expect(F.EXECSCORE(1, 2, '20分')).toBe(10);
  });
});

describe('INDICATORSCORE / QUALSCORE / GRADE', () => {
  test('examples of the issue', () => {
    expect(F.INDICATORSCORE('≥95%', '98.5%', 10)).toBe(10);
    expect(F.INDICATORSCORE('≤15分钟', '20分钟', 10)).toBe(7.5);
    expect(F.INDICATORSCORE('12次', 9, 8)).toBe(6);
    expect(F.INDICATORSCORE('100%', '96%', 5)).toBe(4.8);
    expect(F.INDICATORSCORE('≥8000人次', '7200人次', 10)).toBe(9);
    expect(F.INDICATORSCORE('不超预算', '达成', 10)).toBe(9);
    expect(F.INDICATORSCORE('不超预算', '达成', 10, 1)).toBe(10);
    expect(F.INDICATORSCORE('提升', '部分达成', 10)).toBe(6.5);
  });
  test('missing and unreadable inputs', () => {
    expect(run(F.INDICATORSCORE, '', '90%', 10)).toBe('#N/A 年初目标值为空');
    expect(run(F.INDICATORSCORE, '≥95%', null, 10)).toBe('#N/A 实际完成值为空');
    expect(run(F.INDICATORSCORE, '≥95%', '90%', null)).toBe('#N/A 权重为空');
    expect(run(F.INDICATORSCORE, '≥12次', '很多', 10)).toMatch(/^#VALUE! 无法从实际完成值“很多”读出数值/);
    expect(run(F.INDICATORSCORE, '≥12次', '3人', 10)).toMatch(/^#VALUE! 单位不一致/);
    expect(run(F.INDICATORSCORE, '提升', '一般', 10)).toMatch(/^#VALUE! 无法判断/);
  });
  test('QUALSCORE bands', () => {
    expect(F.QUALSCORE('达成', 10)).toBe(9);
    expect(F.QUALSCORE('完全达成', 10)).toBe(9);
    expect(F.QUALSCORE('基本达成', 10)).toBe(6.5);
    expect(F.QUALSCORE('部分达成', 20, '70%')).toBe(14);
    expect(F.QUALSCORE('未达成', 10)).toBe(2.5);
    expect(run(F.QUALSCORE, '达成', 10, 0.5)).toBe('#NUM! 比例50%不在“达成”档80%–100%内');
    expect(run(F.QUALSCORE, '', 10)).toMatch(/^#VALUE! 达成程度为空/);
    expect(run(F.QUALSCORE, '还行', 10)).toMatch(/^#VALUE! “还行”不是达成程度/);
  });
  test('GRADE', () => {
    expect(F.GRADE(94.76)).toBe('优');
    expect(F.GRADE('89.99')).toBe('良');
    expect(F.GRADE('94.76分')).toBe('优');
    expect(F.GRADE(60)).toBe('中');
    expect(F.GRADE(59.99)).toBe('差');
    expect(run(F.GRADE, 120)).toMatch(/^#NUM! /);
    expect(run(F.GRADE, null)).toBe('#N/A 得分为空');
  });
});

describe('SHARE / CHANGE / WANYUAN / AMOUNT', () => {
  test('SHARE', () => {
    expect(F.SHARE(61.11, 174.25)).toBe(0.3507);
    expect(F.SHARE(61.11, 174.25, 1)).toBe(0.351);
    expect(F.SHARE(113.14, 174.25, 1)).toBe(0.649);
  });
  test('CHANGE uses the narrative phrase', () => {
    expect(F.CHANGE(112.34, 100)).toBe('增加12.34万元，增长12.3%');
    expect(F.CHANGE(94.4, 100)).toBe('减少5.60万元，下降5.6%');
    expect(F.CHANGE(100, 100)).toBe('与上年持平');
    expect(F.CHANGE(174.25, 0)).toBe('增加174.25万元，上年无此项支出');
    expect(F.CHANGE(174.25, null)).toBe('增加174.25万元，上年无此项支出');
    expect(F.CHANGE(1200, 1000, '元', 2)).toBe('增加200.00元，增长20.00%');
    expect(run(F.CHANGE, 'n/a', 1)).toMatch(/^#VALUE! 本年数/);
  });
  test('WANYUAN', () => {
    expect(F.WANYUAN(1136180)).toBe(113.62);
    expect(F.WANYUAN('1,136,180.00')).toBe(113.62);
    expect(F.WANYUAN(1136180, 4)).toBe(113.618);
    expect(F.WANYUAN('12.5万元')).toBe(12.5);
    expect(F.WANYUAN(null)).toBe(0);
  });
});

describe('ROLLUP', () => {
  const codes = col('201', '20103', '2010350', '2010399', '20137', '2013750', '208', '20805', '2080505', '合计', null);
  const amounts = col(99, 50, '30.00', 20, 7.5, 7.5, 10, 10, '10.00', 999, 5);

  test('subtotals from the most detailed rows, without double counting', () => {
    expect(F.ROLLUP(codes, amounts, '201')).toBe(57.5);
    expect(F.ROLLUP(codes, amounts, 201)).toBe(57.5);
    expect(F.ROLLUP(codes, amounts, '20103')).toBe(50);
    expect(F.ROLLUP(codes, amounts, '2010350')).toBe(30);
    expect(F.ROLLUP(codes, amounts, '208')).toBe(10);
    expect(F.ROLLUP(codes, amounts, '212')).toBe(0);
  });

  test('codes as numbers or with names, a leaf 款 without 项 rows', () => {
    expect(F.ROLLUP(col(201, 20101, 2010101, 20102), col(0, 0, 3, 4), 201)).toBe(7);
    expect(F.ROLLUP(col('201 一般公共服务支出', '20101 人大事务'), col('', 2.5), '201')).toBe(2.5);
  });

  test('a bad amount errs only for the subtotals it belongs to', () => {
    const c = col('2010101', '2010102', '2050101');
    const a = col(1, 'abc', 2);
    expect(run(F.ROLLUP, c, a, '201')).toBe('#VALUE! 第2行（编码2010102）的金额“abc”不是金额');
    expect(F.ROLLUP(c, a, '205')).toBe(2);
    expect(F.ROLLUP(c, a, '2010101')).toBe(1);
  });

  test('bad arguments', () => {
    expect(run(F.ROLLUP, col('201', '202'), col(1), '201')).toMatch(/^#VALUE! 编码区域（2个单元格）与金额区域（1个单元格）大小不一致/);
    expect(run(F.ROLLUP, codes, amounts, '')).toBe('#VALUE! 科目编码前缀为空');
    expect(run(F.ROLLUP, codes, amounts, '一般公共服务')).toMatch(/^#VALUE! 科目编码前缀/);
  });

  test('fresh copies of a range (as Excel passes them) give the same result; changed content is rebuilt', () => {
    clearRollupCache();
    const copy = (r: unknown[][]): unknown[][] => r.map((row) => row.slice());
    expect(F.ROLLUP(copy(codes), copy(amounts), '201')).toBe(57.5);
    expect(F.ROLLUP(copy(codes), copy(amounts), '201')).toBe(57.5);
    const changed = copy(amounts);
    changed[2] = [31];
    expect(F.ROLLUP(copy(codes), changed, '201')).toBe(58.5);
    const blanks = copy(amounts).map((r) => (r[0] === null ? [undefined] : r));
    expect(F.ROLLUP(copy(codes), blanks, '201')).toBe(57.5);
  });

  test('index: decimals stay exact', () => {
    const n = 1000;
    const idx = buildRollupIndex(
      Array.from({ length: n }, (_, i) => `2010${String(i % 1000).padStart(3, '0')}`),
      Array.from({ length: n }, () => 0.1),
    );
    expect(idx.sums.get('201')?.toString()).toBe('100');
  });
});

describe('SUBJECTNAME / SUBJECTLEVEL', () => {
  test.each([
    ['201', '一般公共服务支出'],
    ['20103', '政府办公厅（室）及相关机构事务'],
    ['2010350', '事业运行'],
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['2101102', '事业单位医疗'],
    ['2210201', '住房公积金'],
    ['30101', '基本工资'],
    ['30207', '邮电费'],
    ['310', '资本性支出'],
  ])('%s', (code, name) => {
    expect(F.SUBJECTNAME(code)).toBe(name);
    expect(F.SUBJECTNAME(Number(code))).toBe(name);
  });
  test('scheme and errors', () => {
    expect(F.SUBJECTNAME('301', '经济')).toBe('工资福利支出');
    expect(run(F.SUBJECTNAME, '301', '功能')).toBe('#N/A 科目表中没有编码301');
    expect(run(F.SUBJECTNAME, '201035')).toMatch(/^#VALUE! 科目编码201035的位数不对/);
    expect(run(F.SUBJECTNAME, '')).toBe('#VALUE! 科目编码为空');
    expect(run(F.SUBJECTNAME, '201', '其他')).toMatch(/^#VALUE! 分类“其他”/);
    expect(F.SUBJECTLEVEL('2010350')).toBe('项');
    expect(F.SUBJECTLEVEL(20103)).toBe('款');
    expect(F.SUBJECTLEVEL('301')).toBe('类');
  });
});

describe('CHECK', () => {
  test('the interval rule of §3', () => {
    expect(F.CHECK(100, col(60, 40))).toBe('一致');
    expect(F.CHECK(61.11, col(57.37, 2.76, 0.97))).toBe('尾差 0.01');
    expect(F.CHECK(100, col(60, 27.7))).toBe('差 12.30');
    expect(F.CHECK(96, col(20, 20, 16, 20, 10))).toBe('差 10.00');
    expect(F.CHECK('43.45', col('19.47', '21.07', '2.92'))).toBe('尾差 -0.01');
    expect((F.CHECK as (t: unknown, p: unknown) => string)(10, 10)).toBe('一致');
    expect(F.CHECK(5, col(5, null, '', '—'))).toBe('一致');
  });
});

describe('errors: CustomFunctions.Error in Excel, an equivalent object elsewhere', () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test('without the runtime', () => {
    try {
      F.EXECRATE(1, 0);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PlainExcelError);
      expect(e).toMatchObject({ code: '#DIV/0!', message: '除数为零：预算数为0' });
    }
  });

  test('with the runtime', () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
    };
    for (const [call, code] of [
      [() => F.EXECRATE(1, 0), '#DIV/0!'],
      [() => F.EXECRATE('x', 1), '#VALUE!'],
      [() => F.SUBJECTNAME('2019998'), '#N/A'],
      [() => F.GRADE(101), '#NUM!'],
    ] as const) {
      try {
        call();
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(FakeError);
        expect((e as FakeError).code).toBe(code);
        expect((e as FakeError).message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('property: whatever the cells hold, a value or an Excel error — never an exception, NaN or Infinity', () => {
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(''),
    fc.double(),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom(Infinity, -Infinity, NaN, -0, 0, 1e308, 5e-324),
    fc.boolean(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('98.5%', '≥95%', '≤15分钟', '12次', '不超预算', '达成', '基本达成', '未达成', '1,136.18', '(12.50)', '—', '２０', '201', '2010350', '30101', '12.5万元', '0.351', '提升', '#N/A'),
  );
  const arg = fc.oneof(cellValue, fc.array(fc.array(cellValue, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));
  const allowed = new Set(['#VALUE!', '#N/A', '#DIV/0!', '#NUM!']);

  test.each([...BUDGET_FUNCTIONS.values()].map((s) => [s.name, s] as const))('%s', (_name, spec) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: spec.params.length, maxLength: spec.params.length }), (args) => {
        try {
          // The function Excel calls (functions/functions.ts), with the registry's arity.
          const v = (F as unknown as Record<string, (...a: unknown[]) => unknown>)[spec.name](...args);
          if (typeof v === 'number') return Number.isFinite(v);
          return typeof v === 'string';
        } catch (e) {
          return isExcelError(e) && allowed.has(e.code) && typeof e.message === 'string' && /[\u4e00-\u9fff]/.test(e.message) && !e.message.startsWith('内部错误');
        }
      }),
      { numRuns: 400 },
    );
  });
});
