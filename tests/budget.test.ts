/**
 * 部门预算公开 as a document kind over the seed-004 fixtures: the 15 tables are found by their
 * two-line titles, the published workbook gives exactly the real findings the independent
 * self-check lists (DOMAIN §9 and the further ones in 表5-1 and the 人员经费 lines of 表6), the
 * corrected one gives none, in either layout; malformed tables are reported, never read as 0.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { isFormTable, isItemsTable } from '../src/core/form-model';
import { GridCell, Workbook } from '../src/core/grid';
import { matchTitle } from '../src/core/recognize';
import { validateWorkbook } from '../src/core/validate';
import { normalizeZip } from '../scripts/fixtures/build';
import { BUDGET_FIXTURES, buildBudgetFixtures } from '../scripts/fixtures/build-kinds';
import { CLEAN_004, PUBLISHED_004 } from '../scripts/fixtures/seed004';
import { PUBLISHED_ISSUES_004, check004 } from '../scripts/fixtures/seed004-check';
import { fixture, loadFixture, runCli } from './helpers';

const IDS = ['预算01', '预算02', '预算03', '预算04', '预算05', '预算05-2', '预算06', '预算07', '预算08', '预算09', '预算10', '预算11', '预算12', '预算13', '预算14', '预算15'];

describe('seed 004 data self-check (decimal.js, not the engine)', () => {
  test('the corrected tables break no rule', () => expect(check004(CLEAN_004)).toEqual([]));
  test('the published tables break exactly the documented rules', () => expect(check004(PUBLISHED_004)).toEqual(PUBLISHED_ISSUES_004));
});

describe('预算-公开版.xlsx', () => {
  let r: ReturnType<typeof validateWorkbook>;
  beforeAll(async () => {
    r = validateWorkbook(await loadFixture('预算-公开版.xlsx'));
  });

  test('finds the tables by their two-line titles (表5-1 and 表5-2 are two), with year and unit', () => {
    expect(r.tables.map((t) => t.id)).toEqual(IDS);
    const t1 = r.tables[0];
    expect(t1).toMatchObject({ sheet: '表1', unit: '万元', year: 2025 });
    expect(t1.title).toMatch(/^表 1\. 青山区城市运行管理中心 2025 年收支总表$/);
  });

  test('reads lines by name, unit and project lists as items, the 绩效目标表 block with its shares', () => {
    const t1 = r.tables[0];
    expect(t1.rows.find((x) => x.name === '卫生健康支出')?.code).toBe('210');
    const t10 = r.tables.find((t) => t.id === '预算10')!;
    if (!isItemsTable(t10)) throw new Error('预算10 is an items table');
    expect(t10.details.map((d) => d.kind)).toEqual(['total', 'group', 'group', 'group', 'item', 'item']);
    const t14 = r.tables.find((t) => t.id === '预算14')!;
    expect(t14.rows.map((x) => x.key)).toEqual(['财政拨款', '财政专户管理资金', '单位资金', '收入合计', '人员类', '运转类', '特定目标类', '支出合计']);
    expect(t14.rows[4].cells.share.figure).toMatchObject({ decimals: 2 });
    expect(t14.rows[4].cells.share.figure.value.toString()).toBe('2.9');
  });

  test('gives exactly the real findings the self-check lists', () => {
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual(PUBLISHED_ISSUES_004);
    expect(r.summary).toEqual({ error: 5, rounding: 16, warning: 0 });
  });

  test('§9: 卫生健康 43.45 vs 19.47 + 21.07 + 2.92 = 43.46 is 尾差 in 表3', () => {
    const f = r.findings.find((x) => x.rule === '预算03.科目汇总' && x.cells[0] === 'C14')!;
    expect(f).toMatchObject({ severity: 'rounding', expected: '43.46', actual: '43.45' });
    expect(f.message).toMatch(/21011 行政事业单位医疗/);
  });

  test('§9: the 绩效目标表 swaps 人员类 and 运转类, and its shares hold at neither amount', () => {
    const swap = r.findings.filter((x) => /预算14-05/.test(x.rule)).map((x) => [x.actual, x.expected]);
    expect(swap).toEqual([
      ['23.74', '366.03'],
      ['366.03', '23.74'],
    ]);
    const shares = r.findings.filter((x) => x.rule === '预算14.占比').map((x) => `${x.actual}→${x.expected}`);
    expect(shares).toEqual(['2.90→2.94', '45.40→45.37', '51.70→51.69']);
    expect(r.findings.find((x) => x.rule === '预算14.占比')!.message).toMatch(/按一位小数为 2\.9%/);
  });

  test('lines of a table without 行次 are named, not numbered', () => {
    const f = r.findings.find((x) => x.rule === '预算01.本年支出合计')!;
    expect(f.message).toMatch(/^预算表1 “本年支出合计”/);
  });
});

describe('the other fixtures', () => {
  test.each(BUDGET_FIXTURES.filter((f) => f.data === 'clean').map((f) => f.file))('%s: no finding at all', async (file) => {
    const r = validateWorkbook(await loadFixture(file));
    expect(r.tables.map((t) => t.id)).toEqual(IDS);
    expect(r.findings).toEqual([]);
  });

  test('stacked on one sheet: the same findings', async () => {
    const r = validateWorkbook(await loadFixture('预算-单表-公开版.xlsx'));
    expect(r.tables.map((t) => t.id)).toEqual(IDS);
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual(PUBLISHED_ISSUES_004);
  });

  test('rebuilding gives byte-identical 预算 fixtures', async () => {
    const written = new Map<string, Buffer>();
    await buildBudgetFixtures(async (rel, wb) => void written.set(rel, normalizeZip(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer))));
    for (const f of BUDGET_FIXTURES) expect([f.file, written.get(`tests/fixtures/${f.file}`)!.equals(fs.readFileSync(fixture(f.file)))]).toEqual([f.file, true]);
  });
});

type V = string | number | null;
const sheet = (name: string, rows: V[][]): Workbook['sheets'][number] => ({ name, rows: rows.map((r) => r.map((v): GridCell | undefined => (v === null ? undefined : { value: v }))) });

test.each([
  ['部门收支总表', '预算01'],
  ['表 5-1. XX局 2025 年一般公共预算支出表（分功能分类）', '预算05'],
  ['一般公共预算支出表(分单位)', '预算05-2'],
  ['表 14. XX局 2025 年整体支出绩效目标表', '预算14'],
  ['XX局财政拨款收支总表', '预算04'],
])('title %s → %s', (title, id) => expect(matchTitle(title)?.template.id).toBe(id));

describe('malformed 预算 tables', () => {
  const purchases = (amount: V, share: V = '100%'): Workbook => ({
    name: 'x.xlsx',
    sheets: [
      sheet('采购', [
        ['2025年政府采购预算表'],
        ['单位：万元'],
        ['单位代码', '单位名称', '项目', '政府采购品目', '采购数量', '单价(万元)', '采购金额'],
        [null, '合计', null, null, 3, null, 30],
        ['001', '某单位', '某项目', '[A02010104]台式计算机', 3, 10, amount],
      ]),
      sheet('目标', [
        ['2025年部门整体支出绩效目标表'],
        ['总体资金情况', null, '当年金额', '占比'],
        ['收入构成', '财政拨款', 30, share],
        [null, '合计', 30, '100%'],
        ['支出构成', '特定目标类项目支出', 30, '100%'],
        [null, '合计', 30, '100%'],
      ]),
    ],
  });

  test('a consistent table gives nothing', () => {
    const r = validateWorkbook(purchases(30));
    expect(r.tables.map((t) => t.id)).toEqual(['预算11', '预算14']);
    expect(r.findings.filter((f) => f.rule !== '识别.缺表')).toEqual([]);
  });

  test('数量 × 单价 ≠ 金额 is an error naming the three cells', () => {
    const r = validateWorkbook(purchases(33));
    const f = r.findings.find((x) => x.rule === '预算11.金额')!;
    expect(f).toMatchObject({ severity: 'error', expected: '30.00', cells: ['G5', 'E5', 'F5'] });
  });

  test('an amount written as words and a share that is not a percentage are bad input with their cells', () => {
    const r = validateWorkbook(purchases('三十万元', '全部'));
    const bad = r.findings.filter((x) => x.rule === '输入.金额无效').map((x) => `${x.sheet}!${x.cells[0]}`);
    expect(bad.sort()).toEqual(['目标!D3', '采购!G5']);
    // …and neither is taken as 0: the sums that need them are not reported.
    expect(r.findings.some((x) => x.rule === '预算11.汇总')).toBe(false);
  });
});

describe('CLI', () => {
  test('validate on the published 预算 workbook: exit 1, the JSON contract', async () => {
    const run = await runCli('validate', fixture('预算-公开版.xlsx'), '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.tables.map((t: { id: string }) => t.id)).toEqual(IDS);
    expect(json.summary).toEqual({ error: 5, rounding: 16, warning: 0 });
  });

  test('template 预算 writes the 15 blank tables that validate clean', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-')), '预算.xlsx');
    expect((await runCli('template', '预算', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(16);
    // Live formulas: 合计 = 基本支出 + 项目支出 on every row of 表5-1; 金额 = 数量 × 单价 in 表11.
    const formulas = (name: string) => {
      const list: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => c.formula && list.push(c.formula)));
      return list;
    };
    expect(formulas('预算表5-1').some((f) => /^D\d+\+G\d+$/.test(f))).toBe(true);
    expect(formulas('预算表11').some((f) => /^[A-Z]+\d+\*[A-Z]+\d+$/.test(f))).toBe(true);
    const v = await runCli('validate', out);
    expect(v.code).toBe(0);
  });
});

describe('表15 项目支出绩效目标表', () => {
  test('reads the project, its amounts and both lists, and checks them against 表10', async () => {
    const wb = await loadFixture('预算-公开版.xlsx');
    const r = validateWorkbook(wb);
    const t = r.tables.find((x) => x.id === '预算15')!;
    if (!isFormTable(t)) throw new Error('预算15 is a form');
    expect(t.form.name?.text).toBe('网上群众工作部年度费用');
    expect(t.form.code?.text).toBe('42010725143T000000100');
    expect(Object.keys(t.form.amounts)).toEqual(['total', 'current', 'source.合计', 'source.1', 'source.2', 'source.3', 'source.4', 'detail.1', 'detail.2']);
    // A changed 明细 amount breaks 当年预算 = Σ明细 — and only that.
    const changed = JSON.parse(JSON.stringify(wb)) as Workbook;
    const s = changed.sheets.find((x) => x.name === '表15')!;
    const at = s.rows.findIndex((row) => row?.[3]?.value === 195);
    s.rows[at][3] = { value: 185 };
    expect(validateWorkbook(changed).findings.filter((f) => f.table === '预算15').map((f) => `${f.severity} ${f.rule} ${f.actual} ${f.expected}`)).toEqual(['error 预算15.明细测算 333.20 323.20']);
  });
});
