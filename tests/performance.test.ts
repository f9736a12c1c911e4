/**
 * 绩效自评 as a document kind over the seed-002 fixtures: recognition of the 汇总表, the eight
 * project forms (one per sheet, or stacked) and the 部门整体 form; the published workbook gives
 * exactly the findings the independent self-check lists; the corrected one gives none; forms in
 * other layouts and malformed forms are read or reported, never silently scored as 0.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { Finding } from '../src/core/findings';
import { FormTable, isFormTable } from '../src/core/form-model';
import { GridCell, MergeRange, Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { CLEAN_002, PUBLISHED_002 } from '../scripts/fixtures/seed002';
import { PUBLISHED_ISSUES_002, check002 } from '../scripts/fixtures/seed002-check';
import { PERFORMANCE_FIXTURES, buildPerformanceFixtures } from '../scripts/fixtures/build-kinds';
import { normalizeZip } from '../scripts/fixtures/build';
import { fixture, loadFixture, runCli } from './helpers';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}`;

describe('seed 002 data self-check (decimal.js and hand readings, not the engine)', () => {
  test('the corrected forms break no rule', () => expect(check002(CLEAN_002)).toEqual([]));
  test('the published forms break exactly the documented rules', () => expect(check002(PUBLISHED_002)).toEqual(PUBLISHED_ISSUES_002));
});

describe('绩效-公开版.xlsx (one form per sheet)', () => {
  let r: ReturnType<typeof validateWorkbook>;
  beforeAll(async () => {
    r = validateWorkbook(await loadFixture('绩效-公开版.xlsx'));
  });

  test('recognises the 汇总表, eight project forms and the 部门整体 form by title', () => {
    expect(r.tables.map((t) => t.id)).toEqual(['绩效汇总', ...Array(8).fill('绩效项目'), '绩效整体']);
    const forms = r.tables.filter(isFormTable) as FormTable[];
    expect(forms.map((f) => f.form.name?.text)).toEqual([...PUBLISHED_002.projects, PUBLISHED_002.department].map((f) => f.name));
  });

  test('reads indicators, merged scores and goals as the forms print them', () => {
    const forms = r.tables.filter(isFormTable) as FormTable[];
    const party = forms[0].form;
    expect(party.indicators).toHaveLength(8);
    // 产出 prints one 得分 (20) over five indicators.
    expect(new Set(party.indicators.slice(1, 6).map((i) => i.group))).toEqual(new Set([1]));
    expect(party.indicators[1].score?.figure.value.toString()).toBe('20');
    expect(party.exec?.weight.value.toString()).toBe('20');
    expect(party.exec?.rate?.percent?.value.toString()).toBe('100');
    const dept = forms[8].form;
    expect(dept.goals.map((g) => [g.n, g.weight?.value.toString()])).toEqual([[1, '24'], [2, '28'], [3, '28']]);
    expect(dept.indicators.map((i) => i.goal)).toEqual([...Array(8).fill(1), ...Array(8).fill(2), ...Array(7).fill(3)]);
    expect(dept.amounts.basic.figure.value.toString()).toBe('2964.05');
  });

  test('gives exactly the real findings the self-check lists', () => {
    expect(r.findings.map(brief).sort()).toEqual(PUBLISHED_ISSUES_002);
  });

  test('DOMAIN §9: the 部门整体 执行率 98.78% where the figures give 98.77%', () => {
    const f = r.findings.find((x) => x.rule === '绩效整体.执行率')!;
    expect(f).toMatchObject({ severity: 'error', expected: '98.77', actual: '98.78', sheet: '部门整体' });
    expect(f.message).toContain('2964.05 ÷ 3001.01');
  });

  test('a score that follows from the printed rate is not a finding (履职 84% → 16.8, 部门整体 98.78% → 19.76)', () => {
    const exec = r.findings.filter((x) => /执行率/.test(x.rule)).map((x) => `${x.sheet} ${x.actual}`);
    expect(exec.sort()).toEqual(['网上群众投诉平台 19.82', '部门整体 98.78']);
  });

  test('one wrong cell is named as the cause of the findings it explains', () => {
    const by = (cause: string) => r.findings.filter((f) => f.cause === cause).map((f) => f.rule).sort();
    expect(by('汇总表!G6')).toEqual(['表间.汇总-项目', '绩效汇总.小计'].sort()); // 履职 小计 19.2
    expect(by('往来资金!I14')).toEqual(['绩效项目.总分', '表间.汇总-项目'].sort()); // 往来资金 效益 20
  });

  test('messages name the project, the figures and the reason', () => {
    const m = (rule: string, sheet: string) => r.findings.filter((f) => f.rule === rule && f.sheet === sheet).map((f) => f.message);
    expect(m('绩效项目.指标得分', '履职工作经费')[0]).toMatch(/产出指标（20分）.*得分合计应为 20，表中为 18（8 \+ 6 \+ 4）/);
    expect(m('绩效项目.指标得分', '编外辅助用工')[0]).toMatch(/单位对用工人员满意度.*表中得分 8.*应为 10/);
    expect(m('绩效项目.偏差原因', '协同办公')[0]).toMatch(/系统故障修复处理时.*≤60分钟.*未达成/);
    expect(m('绩效项目.偏差原因', '往来资金').join()).toMatch(/标题中的项目为“城市运行管理平台建设”/);
  });
});

describe('the other fixtures', () => {
  test.each(PERFORMANCE_FIXTURES.filter((f) => f.data === 'clean').map((f) => f.file))('%s: no finding at all', async (file) => {
    const r = validateWorkbook(await loadFixture(file));
    expect(r.tables).toHaveLength(10);
    expect(r.findings).toEqual([]);
  });

  test('stacked on one sheet: the same findings', async () => {
    const r = validateWorkbook(await loadFixture('绩效-单表-公开版.xlsx'));
    expect(r.tables).toHaveLength(10);
    expect(new Set(r.tables.map((t) => t.sheet))).toEqual(new Set(['绩效自评']));
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual(PUBLISHED_ISSUES_002.map((x) => x.split(' ').slice(0, 2).join(' ')).sort());
  });

  test('rebuilding gives byte-identical 绩效 fixtures', async () => {
    const written = new Map<string, Buffer>();
    await buildPerformanceFixtures(async (rel, wb) => void written.set(rel, normalizeZip(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer))));
    for (const f of PERFORMANCE_FIXTURES) expect([f.file, written.get(`tests/fixtures/${f.file}`)!.equals(fs.readFileSync(fixture(f.file)))]).toEqual([f.file, true]);
  });
});

// ---------------------------------------------------------------------------------------
// Forms built in memory: other layouts and malformed input

type V = string | number | null;

function sheet(name: string, rows: V[][], merges: MergeRange[] = []): Workbook['sheets'][number] {
  return { name, rows: rows.map((r) => r.map((v): GridCell | undefined => (v === null ? undefined : { value: v }))), merges };
}

/** A 财政部-style project form: 分值 column, 偏差原因 per indicator, no merges. */
function ministryForm(overrides: { target?: V; actual?: V; score?: V; weight?: V; reason?: V; total?: V } = {}): V[][] {
  return [
    ['2025年度某某信息系统运维项目支出绩效自评表'],
    ['项目名称', '某某信息系统运维'],
    ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 50, 50, 45, 10, 0.9, 9],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '巡检次数', '≥12次', overrides.actual ?? '12次', overrides.weight ?? 50, overrides.score ?? 50, overrides.reason ?? ''],
    ['效益指标', '社会效益指标', '系统可用率', overrides.target ?? '≥99%', '99.5%', 30, 30, ''],
    ['满意度指标', '服务对象满意度指标', '用户满意度', '≥90%', '95%', 10, 10, ''],
    ['总分', null, null, null, null, 100, overrides.total ?? 99, ''],
  ];
}

function run(rows: V[][], merges: MergeRange[] = []) {
  return validateWorkbook({ name: 'x.xlsx', sheets: [sheet('项目', rows, merges)] });
}

describe('forms in another layout (财政部 template: 分值 column, 偏差原因 per indicator, 全年预算数)', () => {
  test('a consistent form gives nothing; its weights and scores are read per indicator', () => {
    const r = run(ministryForm());
    expect(r.tables.map((t) => t.id)).toEqual(['绩效项目']);
    const f = (r.tables[0] as FormTable).form;
    expect(f.exec?.weight.value.toString()).toBe('10');
    expect(f.indicators.map((i) => i.weight?.figure.value.toString())).toEqual(['50', '30', '10']);
    expect(r.findings).toEqual([]);
  });

  test('a score the weight and completion do not give is an error, with the indicator named', () => {
    const r = run(ministryForm({ actual: '6次', total: 74 }));
    const f = r.findings.find((x) => x.rule === '绩效项目.指标得分')!;
    expect(f).toMatchObject({ severity: 'error', expected: '25', actual: '50' });
    expect(f.message).toContain('巡检次数');
    // …and the unmet indicator has no reason in its own column: 提示.
    expect(r.findings.some((x) => x.rule === '绩效项目.偏差原因' && x.severity === 'warning' && /巡检次数/.test(x.message))).toBe(true);
  });

  test('weights that do not add up to 100 are an error', () => {
    const r = run(ministryForm({ weight: 40, score: 40, total: 89 }));
    expect(r.findings.map((f) => f.rule)).toContain('绩效项目.分值');
  });
});

describe('malformed forms', () => {
  test('a target the parser cannot read is a 提示 naming its cell, not a score of 0', () => {
    const r = run(ministryForm({ target: '≥99%%以上以下' }));
    const f = r.findings.find((x) => x.rule === '绩效项目.指标得分')!;
    expect(f.severity).toBe('warning');
    expect(f.cells).toEqual(['D7']);
    expect(f.message).toMatch(/系统可用率.*未核对/);
  });

  test('a score that is not a number is bad input with its cell', () => {
    const r = run(ministryForm({ score: '五十分' }));
    const f = r.findings.find((x) => x.rule === '输入.金额无效')!;
    expect(f).toMatchObject({ severity: 'error', cells: ['G6'] });
  });

  test('an empty actual is a 提示', () => {
    const r = run(ministryForm({ actual: '' }));
    expect(r.findings.find((x) => x.rule === '绩效项目.指标得分')).toMatchObject({ severity: 'warning' });
  });

  test('a title with no form under it is reported, and nothing is invented', () => {
    const r = run([['2025年度某项目绩效自评表'], ['这里没有表格']]);
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['识别.表头']);
  });

  test('merged 一级指标 and 得分 cells lost on export: a blank score under a scored line shares it', () => {
    const rows = ministryForm();
    rows.splice(6, 0, ['', '数量指标', '巡检报告', '12份', '12份', null, '', '']);
    const r = run(rows.map((x) => x.slice(0, 5).concat([null, x[6], x[7]])));
    const f = (r.tables[0] as FormTable).form;
    expect(f.indicators[1].group).toBe(0);
    expect(f.indicators[1].level1).toBe('产出指标');
  });
});

describe('CLI', () => {
  test('validate on the published 绩效 workbook: exit 1, findings in the JSON contract', async () => {
    const run = await runCli('validate', fixture('绩效-公开版.xlsx'), '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.tables).toHaveLength(10);
    expect(json.tables[1]).toMatchObject({ id: '绩效项目', sheet: '党建' });
    expect(json.summary).toEqual({ error: 11, rounding: 7, warning: 6 });
    for (const f of json.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['severity', 'rule', 'table', 'sheet', 'cells', 'message']));
  });

  test('template 绩效 writes blank forms that validate clean', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-')), '绩效.xlsx');
    const t = await runCli('template', '绩效', '--out', out);
    expect(t.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目自评表', '整体自评表', '自评汇总表']);
    // Live formulas: 小计 = A + B, 执行率, 得分, 总分, 评价等级.
    const ws = wb.getWorksheet('项目自评表')!;
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas).toEqual(expect.arrayContaining(['C6+D6', 'IF(E6=0,0,F6/E6)']));
    expect(formulas.some((f) => /"优"/.test(f))).toBe(true);
    const v = await runCli('validate', out);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('识别到 3 张表');
  });
});

describe('forms of other regions', () => {
  /** A Sichuan-style form: 全年预算数(A) 全年执行数(B), 分值 before 年度指标值, weights in the 一级指标 and per indicator. */
  const sichuan = (funds: V[][], weights: [number, number, number]): V[][] => [
    ['绩效目标自评表(2022年度)'],
    ['项目名称', '某某灌区水标尺安装项目'],
    ['资金情况(万元)', null, '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
    ...funds,
    ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'],
    [null, `产出指标(${weights[0]}分)`, '数量指标', '安装水标尺', weights[0], '≥200米', '≥200米', weights[0]],
    [null, `效益指标(${weights[1]}分)`, '社会效益指标', '受益人口数', weights[1], '≥1000人', '≥1000人', weights[1]],
    [null, `满意度指标(${weights[2]}分)`, '服务对象满意度指标', '受益群众满意度', weights[2], '≥95%', '≥95%', weights[2]],
    ['总分', null, null, null, 100, null, null, 100],
  ];

  test('a form without 年初预算数 columns is read, and C = A + B is not asked of it', () => {
    const r = run(sichuan([[null, '年度资金总额:', 20, 20, 10, 1, 10], [null, '其中:本年财政拨款', 20, 20]], [50, 30, 10]));
    expect(r.tables.map((t) => t.id)).toEqual(['绩效项目']);
    expect(r.findings).toEqual([]);
  });

  test('weights of 110 and a 总分 of 100 over parts adding to 110 are errors', () => {
    const r = run(sichuan([[null, '年度资金总额:', 20, 20, 10, 1, 10]], [70, 20, 10]));
    expect(r.findings.map((f) => `${f.severity} ${f.rule} ${f.actual}`).sort()).toEqual(['error 绩效项目.分值 110', 'error 绩效项目.总分 100.00']);
  });

  test('a 年度资金总额 line left at 0 above its 其中 lines is an error, column by column', () => {
    const r = run(sichuan([[null, '年度资金总额:', 0, 0, 10, 0, 0], [null, '其中:本年财政拨款', 202.64, 132.912], [null, '上年结转资金'], [null, '其他资金']], [50, 30, 10]));
    expect(r.findings.filter((f) => f.rule === '绩效项目.资金来源').map((f) => `${f.cells[0]} ${f.expected}`)).toEqual(['C4 202.64', 'D4 132.912']);
  });
});
