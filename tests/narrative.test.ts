/**
 * 决算情况说明: params, generation (sections, zero cases, change words, shares, placeholders),
 * rendering, and the checker's sentence-level judgements.
 */
import { readFileSync } from 'fs';
import { Sheet } from '../src/core/grid';
import { TableSet } from '../src/core/model';
import {
  NarrativeParams,
  PARAM_FIELDS,
  analyzeNarrative,
  checkNarrative,
  generateNarrative,
  markdownToText,
  paramsFromJson,
  paramsFromSheet,
  paramsSheetRows,
  renderMarkdown,
  renderText,
  segment,
} from '../src/core/narrative';
import { HEADINGS } from '../src/core/narrative/patterns';
import { RandomCase, buildTables } from './narrative-random';
import { seedTables } from './narrative-tables';

const exampleJson = JSON.parse(readFileSync('examples/说明参数-样例.json', 'utf8'));
const example = (): NarrativeParams => {
  const r = paramsFromJson(exampleJson);
  expect(r.problems).toEqual([]);
  return r.params;
};
const params = (json: Record<string, unknown>): NarrativeParams => {
  const r = paramsFromJson(json);
  expect(r.problems).toEqual([]);
  return r.params;
};

/** A small consistent case: two 项 under 201 and one under 221, no funds, no 三公. */
function smallCase(over: Partial<RandomCase> = {}): RandomCase {
  return {
    items: [
      { code: '2010350', basic: 10000, project: 0, extra: 0 },
      { code: '2013799', basic: 0, project: 10000, extra: 0 },
      { code: '2210201', basic: 10000, project: 0, extra: 0 },
    ],
    carry: 0,
    personnelPct: 80,
    sangong: { b2: 0, b4: 0, b5: 0, b6: 0, a8: 0, a10: 0, a11: 0, a12: 0 },
    priorModes: Array(20).fill('absent'),
    priorRandom: Array(20).fill(1),
    budgetModes: Array(8).fill('absent'),
    budgetRandom: Array(8).fill(1),
    decimals: { share: 1, cls: 1, change: 1, rate: 1 },
    year: 2024,
    funds: 0,
    projectFunds: 0,
    ...over,
  };
}

/** The text of one numbered section (一 … 十三) of a plain-text 说明. */
function section(text: string, n: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${n}、`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && (/^[一二三四五六七八九十]{1,3}、/.test(l) || l === '名词解释'));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

describe('params', () => {
  test('the example file (built from the seed 000 text) is valid', () => {
    const p = example();
    expect(p.num('年度')).toBe(2024);
    expect(p.amount('上年.收支总计')?.value.toString()).toBe('0');
    expect(p.amount('年初预算.科目.2010350')?.value.toString()).toBe('0');
    expect(p.text('重点项目.2.名称')).toBe('“民呼我应”项目经费');
    expect(p.indices('重点项目')).toEqual([1, 2, 3]);
    expect(p.settings.classShareDecimals).toBe(2);
  });

  test('an unknown key is an error naming it, with the keys that exist', () => {
    const r = paramsFromJson({ 上年: { 收支总记: '1' } });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toContain('未知参数“上年.收支总记”');
    expect(r.problems[0].message).toContain('上年.收支总计');
  });

  test('bad values are reported, blank values are simply not given', () => {
    const r = paramsFromJson({ 年度: '二〇二四', 上年: { 收支总计: 'abc', 本年收入合计: '12元' }, 三公经费: { 出国人次: -1 }, 单位名称: '' });
    expect(r.problems.map((p) => p.path).sort()).toEqual(['三公经费.出国人次', '上年.收支总计', '上年.本年收入合计', '年度'].sort());
    expect(r.params.has('单位名称')).toBe(false);
  });

  test('spellings people type are accepted: （境）, full-width brackets, counts with units, amounts as numbers', () => {
    const p = params({ 上年: { 三公经费: { '因公出国(境)费': 1.5 } }, 三公经费: { 公务用车保有量: '3辆' }, 国有资产: { 车辆: { '副部(省)级及以上领导用车': 0 } } });
    expect(p.amount('上年.三公经费.因公出国境费')?.value.toString()).toBe('1.5');
    expect(p.num('三公经费.公务用车保有量')).toBe(3);
    expect(p.num('国有资产.车辆.副部（省）级及以上领导用车')).toBe(0);
  });

  test('a 参数 sheet: path in column A, value in B; problems name the cell', () => {
    const sheet: Sheet = {
      name: '参数',
      rows: [
        [{ value: '参数' }, { value: '值' }, { value: '说明' }],
        [{ value: '单位名称' }, { value: '测试局' }],
        [{ value: '# 备注行' }],
        [{ value: '上年.收支总计' }, { value: 1234.5, numFmt: '#,##0.00' }],
        [],
        [{ value: '上年.本年收入合计' }, { value: '一千' }],
        [{ value: '不存在的参数' }, { value: 1 }],
      ],
    };
    const r = paramsFromSheet(sheet);
    expect(r.params.text('单位名称')).toBe('测试局');
    expect(r.params.amount('上年.收支总计')?.value.toFixed(2)).toBe('1234.50');
    expect(r.problems.map((p) => p.where)).toEqual(['参数!B6', '参数!A7']);
  });

  test('the blank 参数 sheet for the template reads back with no problem', () => {
    const rows = paramsSheetRows();
    expect(rows[0]).toEqual(['参数', '值', '说明']);
    expect(rows.length).toBe(PARAM_FIELDS.length + 1);
    const sheet: Sheet = { name: '参数', rows: rows.map((r) => r.map((v) => ({ value: v }))) };
    expect(paramsFromSheet(sheet).problems).toEqual([]);
  });

  test('docs/narrative-params.md documents every parameter', () => {
    const docs = readFileSync('docs/narrative-params.md', 'utf8');
    for (const f of PARAM_FIELDS) expect(docs).toContain(`\`${f.path}\``);
  });
});

describe('generate', () => {
  test('all thirteen sections and 名词解释, in order, none empty', () => {
    const text = renderText(generateNarrative(seedTables(), example()));
    let at = 0;
    for (const [i, n] of NUMS.entries()) {
      const key = n as keyof typeof HEADINGS;
      const h = `${n}、${HEADINGS[key]}`;
      const pos = text.indexOf(h, at);
      expect(pos).toBeGreaterThan(at - 1);
      at = pos;
      expect(section(text, n).replace(/\s/g, '').length).toBeGreaterThan(10);
      expect(i).toBeLessThan(13);
    }
    expect(text.indexOf('\n名词解释\n')).toBeGreaterThan(at);
  });

  test('without params: placeholders, never an invented reason, NaN or a wrong figure', () => {
    const text = renderText(generateNarrative(seedTables()));
    expect(text).not.toMatch(/NaN|Infinity|undefined|null|\{/);
    expect(text).toContain('【请填写：单位名称（参数“单位名称”）】');
    expect(text).toContain('与2023年度相比，收、支总计各【请填写：上年收、支总计决算数（参数“上年.收支总计”）');
    expect(text).toContain('主要原因是【请填写：');
    expect(text).not.toContain('新成立');
    // the figures are still there, from the tables
    expect(text).toContain('2024年度收、支总计均为174.25万元。');
    // and it checks clean (placeholders are not figures)
    expect(checkNarrative(text, seedTables())).toEqual([]);
  });

  test('no tables recognised: every figure is a placeholder naming the missing table', () => {
    const text = renderText(generateNarrative(new TableSet([]), example()));
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(text).toContain('收入总计（未识别到公开01表，请核对表格）');
    expect(text).toContain('未识别到公开09表');
    for (const n of NUMS) expect(section(text, n).trim()).not.toBe('');
  });

  test('zero cases: no 政府性基金 / 国有资本, 三公 at zero described with its reason', () => {
    const { tables } = buildTables(smallCase());
    const text = renderText(generateNarrative(tables, params({ 年度: 2024 })));
    expect(section(text, '七')).toContain('本单位2024年度无政府性基金预算财政拨款收入支出。');
    expect(section(text, '八')).toContain('本单位2024年度无国有资本经营预算财政拨款支出。');
    const s9 = section(text, '九');
    expect(s9).toContain('本年度未发生“三公”经费支出，主要原因是【请填写：');
    expect(s9).toContain('本年度未发生因公出国（境）费支出，主要原因是【请填写：');
    expect(s9).toContain('本年度未发生公务接待费支出，主要原因是【请填写：');
    expect(s9).toContain('全年支出涉及出国（境）团组0个，累计0人次。');
    const withReason = renderText(generateNarrative(tables, params({ 年度: 2024, 原因: { 三公经费: { '因公出国(境)费': '本年度无出国（境）任务。' } } })));
    expect(withReason).toContain('本年度未发生因公出国（境）费支出，主要原因是本年度无出国（境）任务。');
  });

  test('change words follow the sign; a zero base is 上年无此项, never a growth rate', () => {
    const { tables } = buildTables(smallCase());
    // totals are 300.00 万元
    const says = (prior: string) => section(renderText(generateNarrative(tables, params({ 年度: 2024, 上年: { 收支总计: prior } }))), '一');
    expect(says('250')).toContain('收、支总计各增加50.00万元，增长20.0%');
    expect(says('400')).toContain('收、支总计各减少100.00万元，下降25.0%');
    expect(says('300.00')).toContain('与2023年度相比，收、支总计持平。');
    expect(says('0')).toContain('收、支总计各增加300.00万元（2023年度无此项收支）');
    expect(says('0')).not.toMatch(/增长/);
  });

  test('percentages at the configured precision', () => {
    const { tables } = buildTables(smallCase());
    const p = params({ 年度: 2024, 上年: { 收支总计: '280' }, 设置: { 增减率小数位: 2, 结构占比小数位: 2 } });
    const text = renderText(generateNarrative(tables, p));
    expect(section(text, '一')).toContain('增加20.00万元，增长7.14%');
    expect(section(text, '三')).toContain('基本支出200.00万元，占本年支出的66.67%；项目支出100.00万元，占本年支出的33.33%');
  });

  test('shares of a whole add to 100 (largest remainder)', () => {
    const { tables } = buildTables(smallCase({ items: [
      { code: '2010350', basic: 10000, project: 0, extra: 0 },
      { code: '2130104', basic: 10000, project: 0, extra: 0 },
      { code: '2210201', basic: 10000, project: 0, extra: 0 },
    ] }));
    const s5 = section(renderText(generateNarrative(tables, params({ 年度: 2024 }))), '五');
    const shares = [...s5.matchAll(/（类）[\d.]+万元，占([\d.]+)%/g)].map((m) => Number(m[1]));
    expect(shares).toHaveLength(3);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(shares.sort()).toEqual([33.3, 33.3, 33.4]);
  });

  test('五（三）: 年初预算, completion rate, the reason by comparison', () => {
    const { tables } = buildTables(smallCase());
    const p = params({ 年度: 2024, 年初预算: { 科目: { '2010350': '80', '2013799': '100', '2210201': '125' } }, 原因: { 科目: { '2010350': '人员增加' } } });
    const s5 = section(renderText(generateNarrative(tables, p)), '五');
    expect(s5).toContain('事业运行（项）：年初预算为80.00万元，支出决算为100.00万元，完成年初预算的125.0%。决算数大于年初预算数的主要原因是人员增加。');
    expect(s5).toContain('其他网信事务支出（项）：年初预算为100.00万元，支出决算为100.00万元，完成年初预算的100.0%。决算数与年初预算数持平。');
    expect(s5).toContain('住房公积金（项）：年初预算为125.00万元，支出决算为100.00万元，完成年初预算的80.0%。决算数小于年初预算数的主要原因是【请填写：');
  });

  test('markdown escapes what it must; no markup comes from cell or param text', () => {
    const md = renderMarkdown(generateNarrative(seedTables(), params({ 单位名称: '<b>某*单位</b>|x', 年度: 2024 })));
    expect(md).not.toContain('<b>');
    expect(md).toContain('\\<b\\>某\\*单位\\</b\\>\\|x');
    expect(markdownToText(md)).toContain('<b>某*单位</b>|x');
    expect(md).toMatch(/^# /);
    expect(md).toContain('| 项目 | 全年预算数 | 决算数 |');
  });
});

describe('check: sentence by sentence', () => {
  const t = seedTables();
  const rules = (text: string, p?: NarrativeParams) => checkNarrative(text, t, p).map((f) => `${f.severity}:${f.rule}`);

  test('OCR spaces inside numbers and lines broken inside a sentence are read as the reader sees them', () => {
    expect(rules('一、收入支出决算总体情况说明\n2024年度收、支总计均为174. 25\n\n万元。')).toEqual([]);
    expect(rules('一、收入支出决算总体情况说明\n2024年度收、支总计均为174. 52\n\n万元。')).toEqual(['error:说明.金额']);
  });

  test('a share is judged on intervals: 尾差 when rounding explains it, error when not', () => {
    expect(rules('三、支出决算情况说明\n其中：基本支出61.11万元，占本年支出35.1%；项目支出113.14万元，占本年支出64.9%。')).toEqual([]);
    expect(rules('三、支出决算情况说明\n其中：基本支出61.11万元，占本年支出35.2%。')).toEqual(['error:说明.占比']);
    expect(rules('五、一般公共预算财政拨款支出决算情况说明\n1. 一般公共服务支出类支出 170. 51 万元, 占 97. 86%。')).toEqual(['rounding:说明.占比']);
  });

  test('a completion rate over a zero budget is an error; 0 of 0 is left alone', () => {
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    expect(rules(s9 + '1. 因公出国（境）费全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.00%。')).toEqual([]);
    const noBudget = seedTables({ overrides: { '决算09/合计/1': undefined, '决算09/合计/3': undefined, '决算09/合计/5': undefined } });
    expect(checkNarrative(s9 + '2. 公务用车购置及运行维护费全年预算为0万元，支出决算为2.76万元，完成全年预算的100.0%。', noBudget).map((f) => f.rule)).toEqual(['说明.完成率']);
  });

  test('增加/减少 and 增长/下降 against the prior-year parameter', () => {
    const p = params({ 上年: { 收支总计: '150' } });
    const s1 = '一、收入支出决算总体情况说明\n与2023年度相比，收、支总计';
    expect(rules(s1 + '增加24.25万元，增长16.2%。', p)).toEqual([]);
    // 24.25 / 150 = 16.17 %: 16.1 is what truncation gives (尾差, DOMAIN §3), 16.0 is wrong
    expect(rules(s1 + '增加24.25万元，增长16.1%。', p)).toEqual(['rounding:说明.增减率']);
    expect(rules(s1 + '增加24.25万元，增长16.0%。', p)).toEqual(['error:说明.增减率']);
    expect(rules(s1 + '减少24.25万元，下降16.2%。', p)).toEqual(['error:说明.增减额', 'error:说明.增减率']);
    expect(rules(s1 + '持平。', p)).toEqual(['error:说明.增减额']);
    expect(rules(s1 + '增加24.25万元（上年无此项收支）。', p)).toEqual(['error:说明.增减额']);
    // without the parameter: the prior the text implies (174.25 − 24.25 = 150)
    expect(rules(s1 + '增加24.25万元，增长16.2%。')).toEqual([]);
    expect(rules(s1 + '增加24.25万元，增长61.2%。')).toEqual(['error:说明.增减率']);
    expect(rules(s1 + '增加174.25万元，增长100%。')).toEqual(['error:说明.增减率']);
  });

  test('“无政府性基金…” is checked against 公开07', () => {
    const s7 = '七、政府性基金预算财政拨款收入支出决算情况说明\n本单位当年无政府性基金预算财政拨款收入支出。';
    expect(rules(s7)).toEqual([]);
    const withFund = seedTables({ overrides: { '决算07/合计/2': '5.00', '决算07/合计/3': '5.00', '决算07/合计/5': '5.00' } });
    expect(checkNarrative(s7, withFund).map((f) => `${f.severity}:${f.rule}`)).toEqual(['error:说明.无此项']);
  });

  test('what neither the tables nor the params determine is listed as 提示, never an error', () => {
    const text = [
      '五、一般公共预算财政拨款支出决算情况说明',
      '1. 一般公共服务支出类支出170.51万元，占97.85%。主要是用于基本工资99.99万元、住房公积金123.45万元。',
      '项目支出主要用于项目名称市民热线维护费用1234.00万元。',
      '十一、政府采购支出说明',
      '2024年度政府采购支出总额45.14万元，授予中小企业合同金额45.14万元，占政府采购支出总额的100.0%。',
      '十二、国有资产占用情况说明',
      '截至2024年12月31日，共有车辆99辆。',
    ].join('\n');
    const a = analyzeNarrative(text, t);
    expect(a.findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(['warning:说明.未核对', 'warning:说明.未核对']);
    expect(a.findings.map((f) => /说明第(\d+)行/.exec(f.message)![1])).toEqual(['2', '3']);
    // the same figures with params are checked (the share follows the stated amount: one cause, one finding)
    const p = params({ 政府采购: { 总额: '45.14', 中小企业合同金额: '45.00' }, 国有资产: { 车辆总数: 9 } });
    expect(rules(text, p).sort()).toEqual(['error:说明.数量', 'error:说明.金额', 'warning:说明.未核对', 'warning:说明.未核对'].sort());
  });

  test('a share the text states of its own figures is judged on them (no table needed)', () => {
    const s11 = '十一、政府采购支出说明\n2024年度政府采购支出总额45.14万元，授予中小企业合同金额45.14万元，占政府采购支出总额的12.0%。';
    expect(rules(s11)).toEqual(['error:说明.占比']);
  });

  test('a 项 named by (类)(款)(项) is matched along the code hierarchy; an unknown one is a 提示', () => {
    const s5 = '五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n';
    expect(rules(s5 + '（1）一般公共服务支出(类)网信事务(款)事业运行(项)。年初预算为 -0-万元，支出决算为56.26万元。')).toEqual([]);
    expect(rules(s5 + '（1）一般公共服务支出(类)网信事务(款)事业运行(项)。年初预算为 -0-万元，支出决算为1.11万元。')).toEqual(['error:说明.金额']);
    expect(rules(s5 + '（1）一般公共服务支出(类)财政事务(款)行政运行(项)。支出决算为3.00万元。')).toEqual(['warning:说明.科目']);
    const p = params({ 年初预算: { 科目: { '2013750': '50' } } });
    expect(rules(s5 + '（1）一般公共服务支出(类)网信事务(款)事业运行(项)。年初预算为60万元，支出决算为56.26万元，完成年初预算的112.5%，决算数小于年初预算数。', p)).toEqual([
      'error:说明.预算数',
      'error:说明.预算比较',
    ]);
  });

  test('a text without headings still has its unambiguous figures checked', () => {
    expect(rules('2024年度收、支总计均为175.25万元。人员经费57.04万元，公用经费4.07万元。')).toEqual(['error:说明.金额']);
  });

  test('only the 决算情况说明 part of a whole report is read', () => {
    const report = [
      '第一部分 概况',
      '一、部门主要职责',
      '收、支总计均为999.00万元。',
      '第三部分 某单位2024年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '2024年度收、支总计均为174.25万元。',
      '第四部分 重点工作',
      '一、收入支出决算总体情况说明',
      '收、支总计均为888.00万元。',
    ].join('\n');
    expect(rules(report)).toEqual([]);
    const sentences = segment(report);
    expect(sentences.map((s) => s.section)).toEqual(['一']);
  });

  test('a finding quotes the sentence and names the cell it should match', () => {
    const [f] = checkNarrative('一、收入支出决算总体情况说明\n2024年度收、支总计均为175.25万元。', t);
    expect(f.table).toBe('说明');
    expect(f.sheet).toBe('公开01');
    expect(f.cells).toEqual(['C18']);
    expect(f.message).toContain('“2024年度收、支总计均为175.25万元。”');
    expect(f.message).toContain('公开01表 第30行 收入总计');
    expect(f.expected).toBe('174.25');
    expect(f.actual).toBe('175.25');
  });

  test('analyzeNarrative reports what it recognised', () => {
    const a = analyzeNarrative(readFileSync('tests/fixtures/narrative/seed000-说明.txt', 'utf8'), t, example());
    const kinds = new Set(a.claims.map((c) => c.kind));
    for (const k of ['amount', 'share', 'rate', 'change', 'changePct', 'flat', 'compare', 'none', 'item']) expect(kinds.has(k as never)).toBe(true);
    expect(a.claims.length).toBeGreaterThan(60);
  });
});
