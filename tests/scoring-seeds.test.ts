/**
 * Every indicator score, level subtotal, 预算执行 score and total of the seed 绩效 forms
 * (tests/scoring-seed-forms.ts), reproduced with the BUDGET functions, and every published
 * figure judged against them. The list at the end is the set of published scores that are
 * themselves wrong.
 */
import Decimal from 'decimal.js';
import * as F from '../functions/functions';
import { isExcelError } from '../functions/errors';
import { runEval } from '../src/cli/eval';
import { Figure, parseAmount } from '../src/core/money';
import { checkRatio, checkSum } from '../src/core/reconcile';
import { FORMS, OTHER_CHECKS, SUMMARY, Verdict } from './scoring-seed-forms';

/** Calls a function as Excel would show the result: the value, or the error value's code. */
function call<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): unknown {
  try {
    return fn(...args);
  } catch (e) {
    if (isExcelError(e)) return e.code;
    throw e;
  }
}

function fig(text: string): Figure {
  const p = parseAmount({ value: text });
  if (p.kind === 'blank') return { value: new Decimal(0), decimals: 0, blank: true };
  if (p.kind !== 'amount') throw new Error(`not an amount in the data: ${text}`);
  return p.figure;
}

/** A printed rate `84%`, `98.78%` or `99. 86` (000 prints it without the sign) as a percent figure. */
function rateFig(text: string): Figure {
  return fig(text.replace(/[%％]\s*$/, ''));
}

/**
 * A published figure as printed: its value and the decimals it shows. (parseAmount reads a
 * bare `0` as a blank, an exact zero; a printed score of 0 stands for [−0.5, 0.5].)
 */
function printed(text: string): Figure {
  const t = text.replace(/\s+/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) throw new Error(`not a printed score: ${text}`);
  return { value: new Decimal(t), decimals: t.includes('.') ? t.length - t.indexOf('.') - 1 : 0 };
}

/** A printed score against the scores the rules give (§3 interval rule). */
function judge(published: string, rules: number[]): Verdict {
  return checkSum(printed(published), rules.map((r) => ({ value: new Decimal(r), decimals: 2 }))).verdict;
}

function checkVerdict(result: string): Verdict {
  if (result === '一致') return 'ok';
  if (result.startsWith('尾差')) return 'rounding';
  if (result.startsWith('差')) return 'error';
  throw new Error(`unexpected CHECK result ${result}`);
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s.plus(x), new Decimal(0)).toNumber();

/** The score the rules give an indicator (the nearest allowed score where the office's choice is out of band). */
function ruleScore(row: (typeof FORMS)[number]['indicators'][number]): number {
  const got = call(F.INDICATORSCORE, row.target, row.actual, row.weight, row.fraction);
  if (typeof got === 'number') return got;
  if (row.reference === undefined) throw new Error(`${row.ref}: ${String(got)} without a reference score`);
  return row.reference;
}

describe.each(FORMS)('$id ($seed)', (form) => {
  test(`预算执行 ${form.exec.ref}`, () => {
    const e = form.exec;
    expect(F.EXECSCORE(e.d, e.c, e.weight)).toBe(e.expected);
    // The printed rate against D / C.
    const rate = rateFig(e.printedRate);
    expect(checkRatio(fig(e.d), fig(e.c), rate, 100).verdict).toBe(e.rateVerdict);
    const computedRate = new Decimal(F.EXECRATE(e.d, e.c, rate.decimals)).mul(100);
    expect(computedRate.eq(rate.value)).toBe(e.rateVerdict === 'ok');
    // The printed score against weight × D / C.
    expect(checkRatio(fig(e.d), fig(e.c), fig(e.published), e.weight).verdict).toBe(e.verdict);
    if (e.verdict === 'ok') expect(F.CHECK(e.published, [[e.expected]])).not.toMatch(/^差/);
    if (e.rateDigits !== undefined) {
      // Forms that multiply the printed, rounded rate: EXECSCORE's rateDigits gives their figure.
      expect(F.EXECSCORE(e.d, e.c, e.weight, e.rateDigits)).toBe(fig(e.published).value.toNumber());
    }
    // C = A + B (blank is zero).
    expect(F.CHECK(e.c, [[e.a], [e.b]])).not.toMatch(/^差/);
  });

  test.each(form.indicators)('$ref $level $name', (row) => {
    const got = call(F.INDICATORSCORE, row.target, row.actual, row.weight, row.fraction);
    expect(got).toBe(row.expected);
    expect(row.weight).toBeGreaterThan(0);
    if (row.published === null) {
      expect(row.verdict).toBe('merged');
    } else {
      expect(judge(row.published, [ruleScore(row)])).toBe(row.verdict);
    }
    if (row.verdict === 'error') expect(row.note).toBeTruthy();
  });

  test('一级指标小计与权重', () => {
    const names = new Set(form.indicators.map((r) => r.level));
    expect([...names].sort()).toEqual(form.levels.map((l) => l.level).sort());
    for (const level of form.levels) {
      const rows = form.indicators.filter((r) => r.level === level.level);
      // The weights inferred for the indicators add up to the printed weight of the level.
      expect(sum(rows.map((r) => r.weight))).toBe(level.weight);
      const rules = rows.map(ruleScore);
      expect(sum(rules)).toBe(level.expected);
      expect([level.level, judge(level.published, rules)]).toEqual([level.level, level.verdict]);
      // A merged cell is the level's printed figure; printed per-indicator scores must add to it.
      const printed = rows.filter((r) => r.published !== null).map((r) => fig(r.published as string).value.toNumber());
      if (printed.length === rows.length) expect(F.CHECK(level.published, printed.map((p) => [p]))).toBe('一致');
    }
    // 预算执行 + levels = 100.
    expect(sum([form.exec.weight, ...form.levels.map((l) => l.weight)])).toBe(100);
  });

  test(`总分 ${form.total.ref}`, () => {
    const t = form.total;
    const printedParts = [form.exec.published, ...form.levels.map((l) => l.published)].map((p) => [p]);
    expect(checkVerdict(F.CHECK(t.published, printedParts))).toBe(t.arithmetic);
    const ruleTotal = sum([F.EXECSCORE(form.exec.d, form.exec.c, form.exec.weight), ...form.indicators.map(ruleScore)]);
    expect(ruleTotal).toBe(t.expected);
    expect(checkVerdict(F.CHECK(t.published, [[t.expected]]))).toBe(t.verdict);
    expect(F.GRADE(t.expected)).toBe(t.grade);
    expect(F.GRADE(t.published)).toBe(t.grade);
  });
});

describe('汇总表 (002:L15–24)', () => {
  test.each(SUMMARY)('$ref $form', (row) => {
    const form = FORMS.find((f) => f.id === row.form);
    expect(form).toBeDefined();
    expect(checkVerdict(F.CHECK(row.c, [[row.a], [row.b]]))).toBe(row.cVerdict);
    expect(checkRatio(fig(row.d), fig(row.c), fig(row.exec), 20).verdict).toBe(row.execVerdict);
    expect(checkVerdict(F.CHECK(row.total, [[row.exec], ...row.levels.map((l) => [l])]))).toBe(row.totalArithmetic);
    expect(checkVerdict(F.CHECK(row.total, [[form!.total.published]]))).toBe(row.vsForm);
    if ([row.cVerdict, row.execVerdict, row.vsForm].includes('error')) expect(row.note).toBeTruthy();
  });

  test('汇总表 rows against the levels of their forms', () => {
    const differ: string[] = [];
    for (const row of SUMMARY) {
      const form = FORMS.find((f) => f.id === row.form)!;
      form.levels.forEach((l, i) => {
        if (F.CHECK(row.levels[i], [[l.published]]) !== '一致') differ.push(`${row.form} ${l.level}: 汇总 ${row.levels[i]} / 表 ${l.published}`);
      });
    }
    expect(differ).toEqual(['往来资金 效益: 汇总 30 / 表 20']);
  });

  test('信息化建设: the 汇总表 执行数 376.33 would give 19.99, the form figure 375.33 gives the printed 19.93', () => {
    expect(F.EXECSCORE(376.33, 376.55, 20)).toBe(19.99);
    expect(F.EXECSCORE(375.33, 376.6, 20)).toBe(19.93);
  });

  test('履职工作经费: 小计 19.2 ≠ 19.7 + 0', () => {
    expect(F.CHECK(19.2, [[19.7], [null]])).toBe('差 -0.50');
    expect(F.EXECSCORE(16.62, 19.2, 20)).toBe(17.31);
  });
});

describe('other figures of the forms, through budget eval', () => {
  test.each(OTHER_CHECKS)('$ref $what', (c) => {
    const r = runEval(c.formula);
    expect(r.output).toBe(c.expected);
    expect(r.exitCode).toBe(c.expected.startsWith('#') ? 1 : 0);
  });
});

test('the published scores that are themselves wrong (错误)', () => {
  const wrong: string[] = [];
  for (const f of FORMS) {
    if (f.exec.rateVerdict === 'error') wrong.push(`${f.exec.ref} ${f.id} 执行率 ${f.exec.printedRate}`);
    if (f.exec.verdict === 'error') wrong.push(`${f.exec.ref} ${f.id} 预算执行得分 ${f.exec.published}`);
    for (const r of f.indicators) if (r.verdict === 'error') wrong.push(`${r.ref} ${f.id} ${r.name} ${r.published}`);
    if (f.total.arithmetic === 'error') wrong.push(`${f.total.ref} ${f.id} 总分 ${f.total.published} ≠ 各项之和`);
  }
  for (const s of SUMMARY) {
    if (s.cVerdict === 'error') wrong.push(`${s.ref} 汇总表 ${s.form} 小计 ${s.c}`);
    if (s.execVerdict === 'error') wrong.push(`${s.ref} 汇总表 ${s.form} 执行得分 ${s.exec}（D=${s.d}, C=${s.c}）`);
  }
  expect(wrong).toEqual([
    '002:L79 履职工作经费 设备维修及时性 4',
    '002:L117 编外辅助用工 单位对用工人员满意度 8',
    '002:L445 往来资金 往来结算时效 6',
    '002:L446 往来资金 保障单位经济正常往来 20',
    '002:L448 往来资金 总分 96 ≠ 各项之和',
    '002:L651 部门整体2025 执行率 98.78%',
    '002:L651 部门整体2025 预算执行得分 19.76',
    '002:L18 汇总表 履职工作经费 小计 19.2',
    '002:L18 汇总表 履职工作经费 执行得分 16.8（D=16.62, C=19.2）',
    '002:L22 汇总表 信息化建设 执行得分 19.93（D=376.33, C=376.55）',
  ]);
});
