/**
 * The corpus of 说明 passages modelled on published 部门决算 reports of other departments, years
 * and regions (tests/narrative-corpus.ts; sources in docs/narrative-corpus.md). Each passage is
 * checked with its tables (`validate --narrative`) and on its own (`check-text`), and the
 * findings must be exactly the ones worked out by hand — the real inconsistencies found, nothing
 * said of the correct passages. Figures that could not be placed (说明.未核对, 提示) are counted,
 * not matched. The recall and false-positive table is printed:
 *
 *   npx jest tests/narrative-corpus.test.ts
 */
import { Finding } from '../src/core/findings';
import { NarrativeParams, analyzeNarrative, paramsFromJson } from '../src/core/narrative';
import { validateTables } from '../src/core/validate';
import { CorpusCase, ExpectedFinding, corpusTables, lineOf, loadCorpus } from './narrative-corpus';

const cases = loadCorpus();

interface Score {
  id: string;
  mode: '表格' | '仅文字';
  expected: number;
  found: number;
  expectedErrors: number;
  foundErrors: number;
  falseErrors: number;
  falseOther: number;
  unplaced: number;
  missed: string[];
  extra: string[];
}
const scores: Score[] = [];

function params(c: CorpusCase): NarrativeParams {
  if (!c.params) return new NarrativeParams();
  const r = paramsFromJson(c.params);
  if (r.problems.length) throw new Error(`${c.id}: ${JSON.stringify(r.problems)}`);
  return r.params;
}

const keyOf = (f: { severity: string; rule: string }, line: number | string) => `${f.severity} ${f.rule} 第${line}行`;

function score(c: CorpusCase, mode: Score['mode'], expected: ExpectedFinding[], findings: Finding[]): Score {
  const want = expected.map((e) => keyOf(e, lineOf(c.text, e.at)));
  const got = findings.filter((f) => f.rule !== '说明.未核对').map((f) => keyOf(f, /说明第(\d+)行/.exec(f.message)?.[1] ?? '?'));
  const left = [...got];
  const missed: string[] = [];
  for (const w of want) {
    const i = left.indexOf(w);
    if (i >= 0) left.splice(i, 1);
    else missed.push(w);
  }
  const errors = (xs: string[]) => xs.filter((x) => x.startsWith('error ')).length;
  return {
    id: c.id,
    mode,
    expected: want.length,
    found: want.length - missed.length,
    expectedErrors: errors(want),
    foundErrors: errors(want) - errors(missed),
    falseErrors: errors(left),
    falseOther: left.length - errors(left),
    unplaced: findings.filter((f) => f.rule === '说明.未核对').length,
    missed,
    extra: left.map((k) => `${k}：${findings.find((f) => keyOf(f, /说明第(\d+)行/.exec(f.message)?.[1] ?? '?') === k)?.message ?? ''}`),
  };
}

describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const tables = c.tables ? corpusTables(c.tables, c.year) : undefined;

  if (tables) {
    test('its tables carry only the published tables’ own 尾差', () => {
      const rules = validateTables(tables)
        .filter((f) => f.severity !== 'warning')
        .map((f) => `${f.severity} ${f.rule}`)
        .sort();
      expect(rules).toEqual([...(c.tableFindings ?? [])].sort());
    });

    test('with its tables: exactly the findings worked out by hand', () => {
      const s = score(c, '表格', c.expected, analyzeNarrative(c.text, tables, params(c)).findings);
      scores.push(s);
      expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
    });
  }

  test('on its own (check-text): exactly the findings worked out by hand', () => {
    const s = score(c, '仅文字', c.expectedText, analyzeNarrative(c.text, undefined, params(c)).findings);
    scores.push(s);
    expect({ missed: s.missed, extra: s.extra }).toEqual({ missed: [], extra: [] });
  });
});

test('at least 10 passages, correct ones among them', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
  expect(cases.filter((c) => c.expected.length === 0 && c.expectedText.length === 0).length).toBeGreaterThanOrEqual(3);
});

afterAll(() => {
  const rows = scores.sort((a, b) => a.id.localeCompare(b.id) || a.mode.localeCompare(b.mode));
  const sum = (mode: Score['mode'], k: keyof Score) => rows.filter((r) => r.mode === mode).reduce((n, r) => n + (r[k] as number), 0);
  const lines = ['说明语料核对结果（每段：应报/已报，错误应报/已报，误报错误，其他多报，未核对提示）'];
  for (const r of rows) lines.push(`  ${r.id.padEnd(34)} ${r.mode.padEnd(4)} ${r.found}/${r.expected}  错误 ${r.foundErrors}/${r.expectedErrors}  误报错误 ${r.falseErrors}  其他多报 ${r.falseOther}  未核对 ${r.unplaced}`);
  for (const mode of ['表格', '仅文字'] as const) {
    const exp = sum(mode, 'expected');
    const correct = new Set(cases.filter((c) => (mode === '表格' ? c.expected : c.expectedText).length === 0).map((c) => c.id));
    const fpCorrect = rows.filter((r) => r.mode === mode && correct.has(r.id)).reduce((n, r) => n + r.falseErrors, 0);
    lines.push(
      `${mode}：人工标出的问题 ${exp} 处，查出 ${sum(mode, 'found')} 处（召回 ${exp ? ((100 * sum(mode, 'found')) / exp).toFixed(1) : '—'}%）；其中错误 ${sum(mode, 'expectedErrors')} 处，查出 ${sum(mode, 'foundErrors')} 处；误报错误 ${sum(mode, 'falseErrors')} 条（正确段落上 ${fpCorrect} 条），其他多报 ${sum(mode, 'falseOther')} 条`,
    );
  }
  console.log(lines.join('\n'));
});
