/**
 * The texts of 预算 and 绩效: `budget narrative` writes the 预算情况说明 (seed 004 第三部分) and the
 * 绩效自评结果 (seed 002) from their tables; `--narrative` checks a text against them. A generated
 * text checks clean against its own tables; the published seed texts give their real findings.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KINDS, narrativeKindOf } from '../src/core/kinds';
import { TableSet } from '../src/core/model';
import { NarrativeParams, renderText } from '../src/core/narrative';
import { recognizeWorkbook } from '../src/core/recognize';
import { fixture, loadFixture, runCli } from './helpers';

async function tables(file: string): Promise<TableSet> {
  return new TableSet(recognizeWorkbook(await loadFixture(file)).tables);
}

const seedText = (name: string) => fs.readFileSync(fixture(`narrative/${name}`), 'utf8');

describe('预算情况说明', () => {
  test('the kind is chosen by the tables, not by the command', async () => {
    expect(narrativeKindOf(await tables('预算-公开版.xlsx'))?.name).toBe('预算');
    expect(narrativeKindOf(await tables('绩效-公开版.xlsx'))?.name).toBe('绩效');
    expect(narrativeKindOf(await tables('决算-公开版.xlsx'))?.name).toBe('决算');
    expect(KINDS.every((k) => k.narrative)).toBe(true);
  });

  test('generated from the tables: every section of seed 004, figures from the cells, placeholders for the rest', async () => {
    const t = await tables('预算-公开版.xlsx');
    const kind = narrativeKindOf(t)!.narrative!;
    const text = renderText((await kind.loadGenerator())(t, new NarrativeParams()));
    for (const h of ['一、收支预算总体安排情况', '五、一般公共预算支出安排情况', '十一、其他重要事项的情况说明']) expect(text).toContain(h);
    expect(text).toContain('2025年支出预算806.77万元，其中：基本支出389.77万元，占48.3%；项目支出417.00万元，占51.7%。');
    expect(text).toContain('一般公共预算806.77万元，占100%');
    expect(text).toContain('货物类0.50万元，工程类0.00万元，服务类83.80万元');
    expect(text).toContain('【请填写：网上群众工作部年度费用的主要用途】');
    expect(text).toContain('2025年本部门没有使用政府性基金预算安排的支出。');
    // …and it checks clean against the tables it came from.
    const c = (await kind.loadChecker())(text, t, new NarrativeParams());
    expect(c.findings).toEqual([]);
    expect(c.stats.checked).toBeGreaterThan(30);
  });

  test('the published 说明 of seed 004: its figures agree; the 公用经费 uses it lists are not in 表6', async () => {
    const t = await tables('预算-公开版.xlsx');
    const c = (await narrativeKindOf(t)!.narrative!.loadChecker())(seedText('seed004-说明.txt'), t, new NarrativeParams());
    expect(c.stats.checked).toBe(37);
    expect(c.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning 说明.预算']);
    expect(c.findings[0].message).toMatch(/“邮电费”、“差旅费”.*没有公用经费预算/);
  });

  test('a figure copied wrong is an error naming the cell; a truncated one is 尾差; a share is judged on its interval', async () => {
    const t = await tables('预算-公开版.xlsx');
    const checker = await narrativeKindOf(t)!.narrative!.loadChecker();
    const check = (text: string) => checker(text, t, new NarrativeParams()).findings.map((f) => `${f.severity} ${f.cells[0]} ${f.actual}→${f.expected}`);
    const base = seedText('seed004-说明.txt');
    expect(check(base.replace('人员经费 366.03 万元、公用经费', '人员经费 366.30 万元、公用经费'))).toContain('error E6 366.30→366.03');
    expect(check(base.replace('收支总预算 806.77', '收支总预算 806.7'))).toContain('rounding B33 806.7→806.8');
    expect(check(base.replace('占 48.3%', '占 48.1%'))).toContain('error undefined 48.1→48.3');
  });
});

describe('绩效自评结果', () => {
  test('generated per form: score and grade, 执行率, indicators met and not met with the 偏差原因', async () => {
    const t = await tables('绩效-清洁版.xlsx');
    const kind = narrativeKindOf(t)!.narrative!;
    const doc = (await kind.loadGenerator())(t, new NarrativeParams());
    const text = renderText(doc);
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1)).toHaveLength(9);
    expect(text).toContain('城市运行管理平台建设项目绩效自评结果');
    expect(text).toContain('本项目绩效自评得分96分，评价等级为“优”');
    expect(text).toContain('执行率100.00%，得分20分');
    expect(text).toMatch(/3\. 未完成的绩效目标：系统故障修复处理时目标≤30分钟，实际完成≤60分钟。/);
    expect(text).toContain('其中：基本支出481.55万元，项目支出2482.50万元。');
    expect((await kind.loadChecker())(text, t, new NarrativeParams()).findings).toEqual([]);
  });

  test('a form whose 偏差原因 is empty gets a placeholder, never an invented reason', async () => {
    const t = await tables('绩效-公开版.xlsx');
    const text = renderText((await narrativeKindOf(t)!.narrative!.loadGenerator())(t, new NarrativeParams()));
    expect(text).toContain('（三）存在的问题和原因：【请填写：偏差原因（表中“偏差大或目标未完成原因分析”为空）】');
  });

  test('the published 自评结果 of seed 002: 执行率 98.78% (four times, one finding), 基本 and 项目支出 against the form (§9)', async () => {
    const t = await tables('绩效-公开版.xlsx');
    const c = (await narrativeKindOf(t)!.narrative!.loadChecker())(seedText('seed002-自评结果.txt'), t, new NarrativeParams());
    expect(c.findings.map((f) => `${f.severity} ${f.sheet}!${f.cells[0]} ${f.actual}→${f.expected}`)).toEqual([
      'error 部门整体!G6 98.78→98.77',
      'error 部门整体!C4 481.55→2964.05',
      'error 部门整体!G4 2482.50→2473.45',
    ]);
    expect(c.findings[0].message).toContain('全文共出现 4 次');
    expect(c.stats.checked).toBeGreaterThan(15);
  });
});

describe('CLI', () => {
  const out = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'narr-')), name);

  test('budget narrative on a 预算 and a 绩效 workbook writes their own texts', async () => {
    const b = out('预算.md');
    expect((await runCli('narrative', fixture('预算-公开版.xlsx'), '--out', b)).code).toBe(0);
    expect(fs.readFileSync(b, 'utf8')).toMatch(/^# 2025年部门预算情况说明/);
    const p = out('绩效.docx');
    expect((await runCli('narrative', fixture('绩效-公开版.xlsx'), '--out', p)).code).toBe(0);
    expect(fs.statSync(p).size).toBeGreaterThan(5000);
  });

  test('validate --narrative: 说明 findings in the same contract and exit code', async () => {
    const r = await runCli('validate', fixture('绩效-清洁版.xlsx'), '--narrative', fixture('narrative/seed002-自评结果.txt'), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.findings.filter((f: { table: string }) => f.table === '说明')).toHaveLength(3);
    const empty = out('空.txt');
    fs.writeFileSync(empty, '这是一段与表格无关的文字。');
    const w = await runCli('validate', fixture('预算-清洁版.xlsx'), '--narrative', empty);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('请确认文件是否为预算情况说明');
  });
});

test('the README example of each kind says what the CLI does', async () => {
  const readme = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8');
  const lines = readme.split('\n').filter((l) => /^npx budget validate examples\/.+-样例\.xlsx/.test(l));
  expect(lines).toHaveLength(3);
  for (const l of lines) {
    const file = /examples\/(\S+)/.exec(l)![1];
    const r = await runCli('validate', path.join(__dirname, '../examples', file), '--json');
    const { summary } = JSON.parse(r.stdout);
    const count = (word: string) => Number(new RegExp(`(\\d+) 条${word}`).exec(l)?.[1] ?? 0);
    expect([file, summary.rounding, summary.error, r.code]).toEqual([file, count('尾差'), count('错误'), Number(/退出码 (\d)/.exec(l)![1])]);
  }
});
