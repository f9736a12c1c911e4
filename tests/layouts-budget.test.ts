/**
 * The 上海市普陀区 2026 部门预算 layout (scripts/fixtures/regions/sh-putuo-*-2026-budget.ts, issue 10
 * "预算 tables from another office"): nine tables, not seed 004's fifteen. Both transcribed reports
 * are correct; one test per layout feature, and changed figures to show that each rule the
 * layout feeds still fires at the right cells.
 */
import { B01 } from '../src/core/templates/budget';
import { Finding } from '../src/core/findings';
import { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { cloneWorkbook, loadFixture } from './helpers';

const CHENGGUAN = 'regions/sh-putuo-chengguan-2026-budget.xlsx';
const JIANGUANWEI = 'regions/sh-putuo-jianguanwei-2026-budget.xlsx';
const WENLVJU = 'regions/sh-putuo-wenlvju-2026-budget.xlsx';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cells[0]}`;

function address(a: string): { r: number; c: number } {
  const m = /^([A-Z])(\d+)$/.exec(a)!;
  return { r: Number(m[2]) - 1, c: m[1].charCodeAt(0) - 65 };
}

/** A copy of the workbook with one figure changed. */
async function changed(file: string, sheet: string, at: string, value: number): Promise<Workbook> {
  const wb = cloneWorkbook(await loadFixture(file));
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const { r, c } = address(at);
  s.rows[r]![c] = { ...s.rows[r]![c]!, value };
  return wb;
}

const findings = (wb: Workbook) => validateWorkbook(wb).findings.filter((f) => f.severity !== 'warning').map(brief).sort();

describe('上海 部门预算: the tables as printed', () => {
  test.each([CHENGGUAN, JIANGUANWEI, WENLVJU])('%s: nine tables, no finding but the absent 项目支出表', async (file) => {
    const r = validateWorkbook(await loadFixture(file));
    expect(r.tables.map((t) => t.id).sort()).toEqual(['预算01', '预算02-2', '预算03', '预算04', '预算05', '预算06', '预算07', '预算08', '预算09']);
    expect(r.findings.map((f) => `${f.rule} ${f.table}`)).toEqual(['识别.缺表 预算10']);
  });

  test('收入预算总表 by 功能分类 code is read as 表2 分功能分类 (its header names 科目编码), and 表2 is not reported missing', async () => {
    const r = validateWorkbook(await loadFixture(CHENGGUAN));
    const t = r.tables.find((x) => x.id === '预算02-2')!;
    expect(t.layout?.codeColumns).toEqual(['A', 'B', 'C']);
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'fin', 'g5', 'g6', 'g9']);
    expect(t.rows.map((row) => row.key).slice(0, 3)).toEqual(['208', '20805', '2080501']);
  });

  test('a header block printed twice is one header', async () => {
    const r = validateWorkbook(await loadFixture(JIANGUANWEI));
    expect(r.tables.find((x) => x.id === '预算02-2')!.layout?.firstDataRow).toBe(8);
  });

  test('表1: 一、财政拨款收入 and its 1. 一般公共预算 … sub-lines are lines of their own', async () => {
    const t = validateWorkbook(await loadFixture(CHENGGUAN)).tables.find((x) => x.id === '预算01')!;
    expect(t.rows.filter((row) => row.line !== undefined && row.line <= 3 || row.line === B01.grants).map((row) => `${row.key} ${row.name}`)).toEqual([
      'L1 一般公共预算',
      'L2 政府性基金预算',
      'L3 国有资本经营预算',
      `L${B01.grants} 财政拨款收入`,
    ]);
  });

  test('表4: 支出 split by fund, and names wrapped inside their cells', async () => {
    const t = validateWorkbook(await loadFixture(JIANGUANWEI)).tables.find((x) => x.id === '预算04')!;
    expect(t.columns.map((c) => c.key)).toEqual(['1', '2', 'g1', 'g2', 'g3']);
    expect(t.layout?.unplaced).toEqual([]);
    expect(t.rows.find((row) => row.name === '国有资本经营预算')?.line).toBe(4);
  });

  test('表6: 经济分类 codes split over 类 | 款 give 301, 30101 …', async () => {
    const t = validateWorkbook(await loadFixture(CHENGGUAN)).tables.find((x) => x.id === '预算06')!;
    expect(t.layout?.codeColumns).toEqual(['A', 'B']);
    expect(t.rows.slice(0, 3).map((row) => row.key)).toEqual(['301', '30101', '30102']);
  });

  test('表5: 基本支出 printed alone (no 人员经费 | 公用经费) is its 小计; the rules on the columns it lacks are not run', async () => {
    const t = validateWorkbook(await loadFixture(CHENGGUAN)).tables.find((x) => x.id === '预算05')!;
    expect(t.columns.map((c) => c.key)).toEqual(['1', '2', '5']);
  });
});

describe('上海 部门预算: the rules the layout feeds', () => {
  test('表6 303 split between 人员经费 and 公用经费: both columns checked against the 款 and the row', async () => {
    const wb = await changed(WENLVJU, '一般公共预算基本支出经济分类预算表', 'F39', 147620);
    expect(findings(wb)).toEqual(['error 预算06.合计 一般公共预算基本支出经济分类预算表!D39', 'error 预算06.科目汇总 一般公共预算基本支出经济分类预算表!F37']);
  });

  test('“三公” printed `0` beside two-decimal figures is a zero, not a text', async () => {
    const r = validateWorkbook(await loadFixture(WENLVJU));
    const t = r.tables.find((x) => x.id === '预算07')!;
    expect(t.rows[0].cells['2'].figure.value.toString()).toBe('0');
    expect(t.rows[0].cells['1'].figure.value.toString()).toBe('11.49');
  });

  test('表1 一般公共预算 changed: 财政拨款收入, 收入总计 and the table that repeats it disagree', async () => {
    const wb = await changed(CHENGGUAN, '财务收支预算总表', 'B6', 47483358);
    expect(findings(wb)).toEqual(['error 表间.预算04-01.第1项 财政拨款收支预算总表!B5', 'error 预算01.收入总计 财务收支预算总表!B15', 'error 预算01.财政拨款收入 财务收支预算总表!B5']);
  });

  test('表1 收入总计 changed: checked against its lines (no 本年收入合计 is printed), 支出总计 and 表2', async () => {
    const wb = await changed(CHENGGUAN, '财务收支预算总表', 'B15', 47483558);
    expect(findings(wb)).toEqual(['error 表间.预算01-02-2.收入总计 财务收支预算总表!B15', 'error 预算01.收入总计 财务收支预算总表!B15', 'error 预算01.收支总计相等 财务收支预算总表!B15']);
  });

  test('表4 支出总计 changed: checked against its class lines (no 本年支出 is printed) and by fund', async () => {
    const wb = await changed(CHENGGUAN, '财政拨款收支预算总表', 'D11', 47483558);
    expect(findings(wb)).toEqual(['error 预算04.分资金 财政拨款收支预算总表!D11', 'error 预算04.支出总计 财政拨款收支预算总表!D11', 'error 预算04.收支总计相等 财政拨款收支预算总表!B11']);
  });

  test('表4 一般公共预算 of one class changed: 合计 by fund, the 一般公共预算 支出总计 and 表5 disagree', async () => {
    const wb = await changed(CHENGGUAN, '财政拨款收支预算总表', 'E7', 33775492);
    expect(findings(wb)).toEqual(['error 表间.预算04-05.一般公共预算 财政拨款收支预算总表!E7', 'error 预算04.分资金 财政拨款收支预算总表!D7', 'error 预算04.支出总计.g1 财政拨款收支预算总表!E11']);
  });

  test('表6 a 款 changed: its 类 and its own row disagree', async () => {
    const wb = await changed(CHENGGUAN, '一般公共预算基本支出经济分类预算表', 'D7', 3794296);
    expect(findings(wb)).toEqual(['error 预算06.合计 一般公共预算基本支出经济分类预算表!D7', 'error 预算06.科目汇总 一般公共预算基本支出经济分类预算表!D6']);
  });

  test('表5 基本支出 合计 changed: the row, the class sum and 表6 disagree', async () => {
    const wb = await changed(CHENGGUAN, '一般公共预算支出功能分类预算表', 'F24', 36197165);
    expect(findings(wb)).toEqual([
      'error 表间.预算05-06.基本支出 一般公共预算支出功能分类预算表!F24',
      'error 预算05.合计 一般公共预算支出功能分类预算表!E24',
      'error 预算05.科目汇总 一般公共预算支出功能分类预算表!F24',
    ]);
  });

  test('收入预算总表 合计 changed: its row, its classes and 表1 disagree (one whole 元 is 尾差, a hundred 错误)', async () => {
    const one = await changed(CHENGGUAN, '收入预算总表', 'F24', 47483459);
    expect(findings(one)).toEqual(['rounding 表间.预算01-02-2.财政拨款收入 财务收支预算总表!B5', 'rounding 预算02-2.合计 收入预算总表!E24', 'rounding 预算02-2.科目汇总 收入预算总表!F24']);
    const hundred = await changed(CHENGGUAN, '收入预算总表', 'F24', 47483558);
    expect(findings(hundred)).toEqual(['error 表间.预算01-02-2.财政拨款收入 财务收支预算总表!B5', 'error 预算02-2.合计 收入预算总表!E24', 'error 预算02-2.科目汇总 收入预算总表!F24']);
  });

  test('“三公” in 万元 against 表6 in 元: 公务接待费 0.45 万元 is below 30217 4,600 元', async () => {
    const wb = await changed(CHENGGUAN, '三公经费和机关运行经费预算表', 'C6', 0.45);
    expect(findings(wb)).toEqual(['error 表间.预算07-06.公务接待费 三公经费和机关运行经费预算表!C6', 'rounding 预算07.合计 三公经费和机关运行经费预算表!A6']);
  });

  test('in 元 with cents, one cent off is 尾差 and one yuan off is 错误', async () => {
    const cent = await changed(JIANGUANWEI, '支出预算总表', 'F6', 15777676.25);
    expect(findings(cent)).toEqual(['rounding 预算03.合计 支出预算总表!E6', 'rounding 预算03.科目汇总 支出预算总表!F42', 'rounding 预算03.科目汇总 支出预算总表!F6']);
    const yuan = await changed(JIANGUANWEI, '支出预算总表', 'F6', 15777677.24);
    expect(findings(yuan)).toEqual(['error 预算03.合计 支出预算总表!E6', 'error 预算03.科目汇总 支出预算总表!F42', 'error 预算03.科目汇总 支出预算总表!F6']);
  });

  test('表4 政府性基金预算 支出总计 changed: its class lines, 合计 by fund and 表8 disagree', async () => {
    const wb = await changed(JIANGUANWEI, '财政拨款收支预算总表', 'F15', 2792856000);
    expect(findings(wb)).toEqual(['error 表间.预算04-08.政府性基金合计 财政拨款收支预算总表!F15', 'error 预算04.分资金 财政拨款收支预算总表!D15', 'error 预算04.支出总计.g2 财政拨款收支预算总表!F15']);
  });
});
