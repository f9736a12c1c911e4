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
import { makeTable, seedTables } from './narrative-tables';

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
    for (const n of NUMS) {
      const key = n as keyof typeof HEADINGS;
      const h = `${n}、${HEADINGS[key]}`;
      const pos = text.indexOf(h, at);
      expect(pos).toBeGreaterThan(at - 1);
      at = pos;
      expect(section(text, n).replace(/\s/g, '').length).toBeGreaterThan(10);
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
    // nothing budgeted, nothing spent: one short sentence each, with its reason (DOMAIN §8), no row of 0.00
    expect(s9).toContain('2024年度未安排“三公”经费预算，也未发生“三公”经费支出，主要原因是【请填写：');
    expect(s9).toContain('1. 因公出国（境）费：本年度未安排预算，也未发生支出，主要原因是【请填写：');
    expect(s9).toContain('3. 公务接待费：本年度未安排预算，也未发生支出，主要原因是【请填写：');
    expect(s9).not.toMatch(/全年预算为0\.00万元/);
    const withReason = renderText(generateNarrative(tables, params({ 年度: 2024, 原因: { 三公经费: { '因公出国(境)费': '本年度无出国（境）任务。' } }, 上年: { 三公经费: { '因公出国(境)费': '0' } } })));
    expect(withReason).toContain('1. 因公出国（境）费：本年度未安排预算，也未发生支出，与上年持平，主要原因是本年度无出国（境）任务。');
  });

  test('change words follow the sign; a zero base is 上年无此项, never a growth rate', () => {
    const { tables } = buildTables(smallCase());
    // totals are 300.00 万元
    const says = (prior: string) => section(renderText(generateNarrative(tables, params({ 年度: 2024, 上年: { 收支总计: prior } }))), '一');
    // a whole percentage is written without decimals (20%, not 20.0%)
    expect(says('250')).toContain('收、支总计各增加50.00万元，增长20%');
    expect(says('400')).toContain('收、支总计各减少100.00万元，下降25%');
    expect(says('280')).toContain('收、支总计各增加20.00万元，增长7.1%');
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
    expect(s5).toContain('事业运行（项）：年初预算为80.00万元，支出决算为100.00万元，完成年初预算的125%。决算数大于年初预算数的主要原因是人员增加。');
    expect(s5).toContain('其他网信事务支出（项）：年初预算为100.00万元，支出决算为100.00万元，完成年初预算的100%。决算数与年初预算数持平。');
    expect(s5).toContain('住房公积金（项）：年初预算为125.00万元，支出决算为100.00万元，完成年初预算的80%。决算数小于年初预算数的主要原因是【请填写：');
    // the 类 line: its 年初预算 is the sum of its 项 when every one is given (201: 80 + 100)
    expect(s5).toContain('1. 一般公共服务支出（类）：年初预算为180.00万元，支出决算为200.00万元，完成年初预算的111.1%。具体包括：');
    expect(s5).toContain('2. 住房保障支出（类）：年初预算为125.00万元，支出决算为100.00万元，完成年初预算的80%。具体包括：');
  });

  test('no word written twice where a name meets the pattern (项目项目)', () => {
    const { tables } = buildTables(smallCase());
    const text = renderText(generateNarrative(tables, params({ 年度: 2024, 绩效: { 项目: [{ 名称: '民呼我应项目', 全年预算数: '10', 执行数: '9' }] } })));
    expect(text).toContain('1. 民呼我应项目绩效自评综述：项目全年预算数为10.00万元，执行数为9.00万元，完成预算的90%。');
    expect(text).not.toMatch(/(项目){2}/);
  });

  test('三公 spent without a budget: 年初未安排预算…比年初预算增加, and it checks clean', () => {
    const { tables } = buildTables(smallCase({ sangong: { b2: 0, b4: 0, b5: 0, b6: 0, a8: 0, a10: 0, a11: 276, a12: 0 } }));
    const p = params({ 年度: 2024 });
    const text = renderText(generateNarrative(tables, p));
    const s9 = section(text, '九');
    expect(s9).toContain('2024年度“三公”经费财政拨款支出年初未安排预算，支出决算为2.76万元，比年初预算增加2.76万元。');
    expect(s9).toContain('2. 公务用车购置及运行维护费年初未安排预算，支出决算为2.76万元，比年初预算增加2.76万元。');
    expect(s9).not.toMatch(/全年预算为0\.00万元/);
    expect(checkNarrative(text, tables, p).filter((f) => f.severity !== 'warning')).toEqual([]);
    // and a wrong increase against the (zero) budget is caught, with tables and without
    const bad = text.replace('比年初预算增加2.76万元。', '比年初预算增加1.76万元。');
    expect(checkNarrative(bad, tables, p).map((f) => f.rule)).toContain('说明.增减额');
    expect(analyzeNarrative(bad, undefined).findings.map((f) => f.rule)).toContain('说明.增减额');
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
  // One-sentence 三公 excerpts: what the section leaves out (说明.三公缺项) is tested on whole sections below.
  const rules = (text: string, p?: NarrativeParams) =>
    checkNarrative(text, t, p)
      .filter((f) => f.rule !== '说明.三公缺项')
      .map((f) => `${f.severity}:${f.rule}`);

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
    expect(
      checkNarrative(s9 + '2. 公务用车购置及运行维护费全年预算为0万元，支出决算为2.76万元，完成全年预算的100.0%。', noBudget)
        .filter((f) => f.rule !== '说明.三公缺项')
        .map((f) => f.rule),
    ).toEqual(['说明.完成率']);
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

  test('a 项 named …（类）…（款）…（项） in the 政府性基金 section is checked against its 公开07 row', () => {
    const seed = seedTables();
    const fund = (spent: string) =>
      new TableSet([
        ...seed.tables.filter((x) => x.id !== '决算07'),
        makeTable('决算07', '公开07', ['1', '2', '3', '4', '5', '6'], [
          { key: '合计', name: '合计', cells: { '2': '105.00', '3': spent, '5': spent } },
          { key: '221', code: '221', name: '住房保障支出', cells: { '2': '105.00', '3': spent, '5': spent } },
          { key: '22198', code: '22198', name: '超长期特别国债安排的支出', cells: { '2': '105.00', '3': spent, '5': spent } },
          { key: '2219899', code: '2219899', name: '其他住房保障支出', cells: { '2': '105.00', '3': spent, '5': spent } },
        ]),
      ]);
    const s7 = '七、政府性基金预算财政拨款收入支出决算情况说明\n住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）105.00万元，主要用于住宅老旧电梯更新改造。';
    expect(checkNarrative(s7, fund('105.00')).map((f) => `${f.severity}:${f.rule}`)).toEqual([]);
    const wrong = checkNarrative(s7, fund('135.00'));
    expect(wrong.map((f) => `${f.severity}:${f.rule}`)).toEqual(['error:说明.金额']);
    expect(wrong[0].message).toContain('公开07表 2219899');
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

describe('check: the policy of issue 11', () => {
  const t = seedTables();
  /** `null`: the text on its own (check-text). */
  const rules = (text: string, p?: NarrativeParams, tables: TableSet | null = t) =>
    analyzeNarrative(text, tables ?? undefined, p)
      .findings.filter((f) => f.rule !== '说明.未核对' && f.rule !== '说明.三公缺项')
      .map((f) => `${f.severity}:${f.rule}`);
  const s3 = '三、支出决算情况说明\n';

  test('a copied figure equals its cell at the written precision; truncation is 尾差 said as such', () => {
    expect(rules(s3 + '2024年度支出合计174万元。')).toEqual([]);
    expect(rules(s3 + '2024年度支出合计174.3万元。')).toEqual([]);
    const trunc = analyzeNarrative(s3 + '2024年度支出合计174.2万元。', t).findings;
    expect(trunc.map((f) => `${f.severity}:${f.rule}`)).toEqual(['rounding:说明.金额']);
    expect(trunc[0].message).toContain('截尾');
    expect(rules(s3 + '2024年度支出合计174.26万元。')).toEqual(['error:说明.金额']);
  });

  test('the same quantity stated twice with different values is an error, each alone within rounding of the table', () => {
    // 174.25 written 174.3 is its rounding, 174.2 its truncation (尾差): each alone is explained, together they disagree
    const text = s3 + '2024年度支出合计174.2万元。\n本年支出合计174.3万元。';
    expect(rules(text)).toEqual(['rounding:说明.金额', 'error:说明.前后不一']);
    expect(rules(s3 + '2024年度支出合计174.25万元。\n本年支出合计174.3万元。')).toEqual([]);
  });

  test('a share adjusted to make the list add to 100 is 尾差 with a message saying so', () => {
    const tables = seedTables({ overrides: { '决算03/合计/1': '3.00', '决算03/合计/2': '1.00', '决算03/合计/3': '2.00', '决算01/L57/2': '3.00' } });
    const f = analyzeNarrative(s3 + '其中：基本支出1.00万元，占本年支出的33.4%；项目支出2.00万元，占本年支出的66.6%。', tables).findings;
    expect(f.map((x) => `${x.severity}:${x.rule}`)).toEqual(['rounding:说明.占比', 'rounding:说明.占比']);
    const adjusted = analyzeNarrative(s3 + '其中：基本支出1.00万元，占本年支出的33.4%；项目支出2.00万元，占本年支出的66.7%。', seedTables({ overrides: { '决算03/合计/1': '3.00', '决算03/合计/2': '1.00', '决算03/合计/3': '2.00', '决算01/L57/2': '3.00' } })).findings;
    expect(adjusted.some((x) => x.message.includes('最大余数法'))).toBe(false);
  });

  test('三公 below the basic-expenditure item of 公开06 is an error (judged when there is no 公开09)', () => {
    const no09 = new TableSet(t.tables.filter((x) => x.id !== '决算09'));
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    expect(rules(s9 + '（2）公务用车运行维护费支出2.00万元。', undefined, no09)).toEqual(['error:说明.三公']);
    expect(rules(s9 + '（2）公务用车运行维护费支出2.76万元。', undefined, no09)).toEqual([]);
  });

  test('a prior-year figure is judged against the prior-year figure, never this year’s cell', () => {
    const p = params({ 年度: 2024, 上年: { 收支总计: '150.00' } });
    const s1 = '一、收入支出决算总体情况说明\n';
    expect(rules(s1 + '2023年度收、支总计为150.00万元。', p)).toEqual([]);
    expect(rules(s1 + '2023年度收、支总计为160.00万元。', p)).toEqual(['error:说明.上年数']);
    expect(rules(s1 + '与上年决算数150.00万元相比，收、支总计增加24.25万元。', p)).toEqual([]);
    // 较上年2.08减少0.03万元: the prior the text states, without a parameter
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    expect(rules(s9 + '2024年度“三公”经费支出2.76万元，较上年2.08增加0.68万元，增长32.69%。')).toEqual([]);
    expect(rules(s9 + '2024年度“三公”经费支出2.76万元，较上年2.08增加0.68万元，增长23.69%。')).toEqual(['error:说明.增减率']);
  });

  test('全年预算 and 年初预算 are different figures', () => {
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    // 公开09's 预算数 is the 全年预算 (2.76): a 年初预算 of 2.00 is another figure, not an error…
    expect(rules(s9 + '2024年度“三公”经费支出年初预算为2.00万元，全年预算为2.76万元，支出决算为2.76万元。')).toEqual([]);
    // …unless the 年初预算 parameter says otherwise, and a 全年预算 that is not 公开09's is
    expect(rules(s9 + '2024年度“三公”经费支出年初预算为2.00万元。', params({ 年初预算: { 三公经费: { 合计: '2.50' } } }))).toEqual(['error:说明.预算数']);
    expect(rules(s9 + '2024年度“三公”经费支出全年预算为2.00万元。')).toEqual(['error:说明.预算数']);
    // 完成年初预算的138% is judged against the 年初预算 the paragraph states, not 公开09
    expect(rules(s9 + '2024年度“三公”经费支出年初预算为2.00万元，支出决算为2.76万元，完成年初预算的138%。')).toEqual([]);
    expect(rules(s9 + '2024年度“三公”经费支出年初预算为2.00万元，支出决算为2.76万元，完成年初预算的100%。')).toEqual(['error:说明.完成率']);
  });

  test('a percentage without %, or a % without its figure', () => {
    expect(rules(s3 + '其中：基本支出61.11万元，占本年支出35.1，项目支出113.14万元。')).toEqual(['warning:说明.百分号']);
    expect(rules(s3 + '其中：基本支出61.11万元，占本年支出36.1，项目支出113.14万元。')).toEqual(['warning:说明.百分号', 'error:说明.占比']);
    expect(rules('六、一般公共预算财政拨款基本支出决算情况说明\n公用经费4.07万元，占基本支出%。')).toEqual(['warning:说明.缺少数字']);
  });

  test('direction words that contradict each other or the figures', () => {
    const p = params({ 上年: { 收支总计: '150' } });
    const s1 = '一、收入支出决算总体情况说明\n与2023年度相比，收、支总计';
    expect(rules(s1 + '增加24.25万元，下降16.2%。', p)).toContain('error:说明.增减方向');
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    const p9 = params({ 上年: { 三公经费: { 公务接待费: '0.50' } } });
    expect(rules(s9 + '3. 公务接待费支出0万元，比上年减少为0，与上年持平。', p9)).toContain('error:说明.增减方向');
    expect(rules(s9 + '1. 因公出国（境）费0万元，比上年增加0万元，主要原因是与上年持平。')).toEqual(['warning:说明.增减方向']);
  });

  test('the year of the report: headings and sentences against the tables’ year', () => {
    const report = ['第三部分 某单位2023年度部门决算情况说明', '一、收入支出决算总体情况说明', '2024年度收、支总计均为174.25万元。'].join('\n');
    expect(rules(report)).toEqual(['error:说明.年度']);
    const s9 = '九、财政拨款“三公”经费支出决算情况说明\n';
    expect(rules(s9 + '2023年“三公”经费财政拨款支出决算为2.76万元，完成预算100%。')).toEqual(['error:说明.年度']);
    // a date is not a year of the report
    expect(rules(s9 + '截至2023年12月31日，开支财政拨款的公务用车保有量为1辆。')).toEqual([]);
  });

  test('机关运行经费 and sections 十一–十三 against the params', () => {
    const p = params({ 机关运行经费: { 金额: '12.34' }, 年初预算: { 机关运行经费: '10.00' }, 上年: { 机关运行经费: '11.34' } });
    const s10 = '十、机关运行经费支出说明\n';
    expect(rules(s10 + '2024年度本单位机关运行经费支出12.34万元，比上年增加1.00万元，增长8.8%。', p)).toEqual([]);
    expect(rules(s10 + '2024年度本单位机关运行经费支出12.43万元，比年初预算增加2.34万元。', p).sort()).toEqual(['error:说明.金额']);
    expect(rules('十二、国有资产占用情况说明\n截至2024年12月31日，本单位共有车辆3辆，其中：其他用车1辆。', params({ 国有资产: { 车辆总数: 2, 车辆: { 其他用车: 1 } } }))).toEqual(['error:说明.数量']);
  });

  test('an empty table explained by “本表无数据” or its equivalent', () => {
    const s8 = '八、国有资本经营预算财政拨款支出决算情况说明\n';
    expect(rules(s8 + '本单位2024年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。')).toEqual([]);
    const withSoe = seedTables({ overrides: { '决算08/合计/1': '5.00', '决算08/合计/3': '5.00' } });
    expect(rules(s8 + '本部门本年度无国有资本经营预算财政拨款支出，故本表为空表。', undefined, withSoe)).toContain('error:说明.无此项');
  });

  test('项目支出 of 公开03 is judged against 公开05 when all spending is 一般公共预算 (equal scopes)', () => {
    const no03 = new TableSet(t.tables.filter((x) => x.id !== '决算03'));
    expect(rules(s3 + '其中：基本支出61.11万元，项目支出113.14万元。', undefined, no03)).toEqual([]);
    expect(rules(s3 + '其中：基本支出61.11万元，项目支出118.14万元。', undefined, no03)).toEqual(['error:说明.金额']);
    // without tables: the text's own 三 and 五 when its totals say the scopes are equal
    const text = ['三、支出决算情况说明', '2024年度支出合计174.25万元，其中：基本支出61.11万元，项目支出113.14万元。', '五、一般公共预算财政拨款支出决算情况说明', '2024年度一般公共预算财政拨款支出174.25万元。其中：基本支出61.11万元，项目支出111.14万元。'].join('\n');
    expect(rules(text, undefined, null)).toEqual(['error:说明.合计']);
    const scopeOnly = text.replace('2024年度一般公共预算财政拨款支出174.25万元。其中：基本支出61.11万元，项目支出111.14万元。', '2024年度一般公共预算财政拨款支出174.25万元。其中：项目支出111.14万元。');
    expect(rules(scopeOnly, undefined, null)).toEqual(['error:说明.口径一致']);
  });
});

describe('read: layouts and wordings of other offices and years', () => {
  const t = seedTables();
  const claims = (text: string, tables: TableSet | null = t) => analyzeNarrative(text, tables ?? undefined);

  test('section headings by their words, numbered 一、/（一）/(一)/1., OCR-damaged, or inside 其他重要事项', () => {
    const text = [
      '三、2024年度单位决算情况说明',
      '（一）收入支出决算总体情况说明',
      '2024年度收、支总计均为174.25万元。',
      '(二收入决算情况说明',
      '2024年度收入合计174.25万元。',
      '、财政拨款收入支出决算总体情况说明',
      '2024年度财政拨款收、支总计均为174.25万元。',
      '十、其他重要事项的情况说明',
      '（一）机关运行经费支出情况',
      '本单位机关运行经费支出0.00万元。',
      '十一、一般性支出情况说明',
      '会议费12.00万元。',
    ].join('\n');
    const a = claims(text);
    expect(a.sentences.map((s) => s.section)).toEqual(['一', '二', '四', '十', 'other']);
    expect(a.findings.map((f) => f.rule)).toEqual(['说明.未核对']);
    expect(a.stats).toEqual({ sentences: 5, figures: 5, checked: 4, unplaced: 1 });
  });

  test('PDF text: page numbers dropped, lines joined inside a sentence and inside a number', () => {
    const text = ['一、收入支出决算总体情况说明', '2024年度收、支总计均为174.', '— 3 —', '25万元。与上年相比，收、支总计增加24.25万', '元，增长16.2%。'].join('\n');
    const a = claims(text);
    expect(a.sentences).toHaveLength(2);
    expect(a.findings).toEqual([]);
    expect(a.claims.filter((c) => c.kind !== 'notice').map((c) => c.kind)).toEqual(['amount', 'change', 'changePct']);
  });

  test('wordings: 财政拨款支出, 因公出国（境）支出, 公务接待支出, 占比 / 比重 / 占…的比重', () => {
    const text = [
      '五、一般公共预算财政拨款支出决算情况说明',
      '2024年度财政拨款支出174.25万元，占本年支出合计的比重为100%。',
      '九、财政拨款“三公”经费支出决算情况说明',
      '2024年度“三公”经费支出2.76万元，其中：因公出国（境）支出0万元，占比0%；公务用车运行维护支出2.76万元，比重为100%；公务接待支出0万元。',
    ].join('\n');
    const a = claims(text);
    // an excerpt of the 三公 section: it leaves out 公务用车购置费 and the counts (说明.三公缺项), not what this test reads
    expect(a.findings.filter((f) => f.rule !== '说明.三公缺项')).toEqual([]);
    expect(a.claims.filter((c) => c.kind === 'share')).toHaveLength(3);
    expect(a.claims.filter((c) => c.kind === 'amount').map((c) => (c as { subject: { id: string } }).subject.id)).toEqual(['一般公共预算财政拨款支出', '三公:合计', '三公:因公出国境费', '三公:公务用车运行维护费', '三公:公务接待费']);
  });

  test('a renamed 款 (行政事业单位离退休 → 行政事业单位养老支出) finds its 项', () => {
    const text = '五、一般公共预算财政拨款支出决算情况说明\n（1）社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）12.00万元。';
    const a = claims(text, null);
    const item = a.claims.find((c) => c.kind === 'item') as { resolved: boolean };
    expect(item.resolved).toBe(true);
    expect((a.claims.find((c) => c.kind === 'amount') as { subject: { id: string } }).subject.id).toBe('项:2080505');
  });
});

describe('check-text: a figure the text states twice, differently (石泉路街道 2025, no tables)', () => {
  const rules = (text: string) =>
    analyzeNarrative(text, undefined)
      .findings.filter((f) => f.rule !== '说明.三公缺项')
      .map((f) => `${f.severity}:${f.rule}`);
  const s5 = '五、一般公共预算财政拨款支出决算情况说明\n“社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）”257.14 万元，主要用于：缴纳职业年金。';

  test('a completion rate that agrees with the other statement of its 决算数 is not itself wrong', () => {
    // 257.14 / 274.82 = 93.57 %: the rate is right, 245.53 is the stray figure (reported once, as 前后不一)
    expect(rules(s5 + '年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。')).toEqual(['error:说明.前后不一']);
    // a rate neither figure gives is still wrong
    expect(rules(s5 + '年初预算为 274.82 万元，支出决算为 245.53 万元，完成年初预算的 95.00%。')).toEqual(['error:说明.完成率', 'error:说明.前后不一']);
  });

  test("a share is of the amount its own sentence states, not of the text's first figure for that item", () => {
    const s7 = '七、财政拨款“三公”经费支出决算情况说明\n“三公”经费财政拨款支出年初预算为 53.93 万元，支出决算为 37.35 万元，其中：因公出国（境）费决算为 0 万元；公务用车购置及运行维护费支出决算为 37.35 万元；公务接待费支出决算为 1.53 万元。\n';
    // 0 of 37.35 is 0 %, whatever the first sentence said the 公务接待费 was (that conflict is 前后不一; 0 + 37.35 + 1.53 ≠ 37.35 is 合计)
    expect(rules(s7 + '“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 0 万元，占 0%；公务用车购置及运行维护费支出决算 37.35万元，占 100%；公务接待费支出决算 0 万元，占 0%。')).toEqual([
      'error:说明.前后不一',
      'error:说明.合计',
    ]);
  });
});
