/**
 * The 决算 engine over the seed-000 fixtures: the published tables give exactly their real
 * 尾差, the clean tables give nothing, in every layout; injected mistakes are errors with a cause.
 */
import { cellAddress, parseAddress, Workbook } from '../src/core/grid';
import { Finding } from '../src/core/findings';
import { recognizeWorkbook } from '../src/core/recognize';
import { validateWorkbook } from '../src/core/validate';
import { cloneWorkbook, loadFixture } from './helpers';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cells[0]}`;

/**
 * Seed 000 as published (DOMAIN §9): 公开01 一般公共服务支出 170.52 vs 公开03 170.51, and 公开03
 * 合计 基本支出 61.11 vs 61.10 — plus the further real ones the same rounding causes: the 201
 * rows of 02/03/05 are 170.51 (1.11 + 169.40), so every 合计 = Σ类 of 02/03/05 is 174.25 vs
 * 174.24 in 栏1 (and 栏2 of 02), 05 合计 基本支出 61.11 vs 61.10, and 04 line 33 栏3 170.52 vs
 * 05 row 201 170.51. All are 尾差: none exceeds the rounding allowance. Nothing is an error.
 */
const PUBLISHED = [
  'rounding 决算02.科目汇总 公开02表!C7', // 合计 栏1 174.25 vs Σ类 174.24
  'rounding 决算02.科目汇总 公开02表!D7', // 合计 栏2 财政拨款收入, same
  'rounding 决算03.科目汇总 公开03表!C7', // 合计 栏1 174.25 vs 174.24
  'rounding 决算03.科目汇总 公开03表!D7', // 合计 基本支出 61.11 vs 57.37 + 2.76 + 0.97 = 61.10 (§9)
  'rounding 决算05.科目汇总 公开05表!C7', // 合计 小计 174.25 vs 174.24
  'rounding 决算05.科目汇总 公开05表!D7', // 合计 基本支出 61.11 vs 61.10
  'rounding 表间.01-03.分类支出 公开01表!F7', // 01 一般公共服务支出 170.52 vs 03 170.51 (§9)
  'rounding 表间.04-05.分类支出 公开04表!G8', // 04 一般公共服务支出 栏3 170.52 vs 05 170.51
].sort();

describe('seed 000, standard layout', () => {
  test('published tables give exactly their real 尾差', async () => {
    const r = validateWorkbook(await loadFixture('决算-公开版.xlsx'));
    expect(r.tables.map((t) => t.id)).toEqual(['决算01', '决算02', '决算03', '决算04', '决算05', '决算06', '决算07', '决算08', '决算09']);
    expect(r.findings.map(brief).sort()).toEqual(PUBLISHED);
    expect(r.summary).toEqual({ error: 0, rounding: 8, warning: 0 });
    const cross = r.findings.find((f) => f.rule === '表间.01-03.分类支出')!;
    expect(cross).toMatchObject({ expected: '170.51', actual: '170.52', table: '决算01' });
    expect(cross.cells).toEqual(['F7', '公开03表!C8']);
    expect(cross.message).toContain('尾差');
  });

  test('one cell explains several 尾差: the 201 row of 公开03 is named as the cause', async () => {
    const r = validateWorkbook(await loadFixture('决算-公开版.xlsx'));
    const grouped = r.findings.filter((f) => f.cause === '公开03表!C8').map((f) => f.rule).sort();
    expect(grouped).toEqual(['决算03.科目汇总', '表间.01-03.分类支出']);
  });

  test('clean tables give no finding at all', async () => {
    const r = validateWorkbook(await loadFixture('决算-清洁版.xlsx'));
    expect(r.findings).toEqual([]);
    expect(r.tables).toHaveLength(9);
  });

  test('tables carry title, sheet, range, unit and year', async () => {
    const r = validateWorkbook(await loadFixture('决算-公开版.xlsx'));
    const t1 = r.tables[0];
    expect(t1).toMatchObject({ id: '决算01', title: '2024年度收入支出决算总表', sheet: '公开01表', unit: '万元', year: 2024 });
    expect(t1.range).toMatch(/^A1:F\d+$/);
    const t3 = r.tables.find((t) => t.id === '决算03')!;
    expect(t3.rows.map((x) => x.key)).toEqual(['合计', '201', '20103', '2010350', '20137', '2013750', '2013799', '213', '21301', '2130104', '221', '22102', '2210201']);
    const t6 = r.tables.find((t) => t.id === '决算06')!;
    expect(t6.rows.find((x) => x.key === '30231')?.cells.amount.figure.value.toString()).toBe('2.76');
    expect(t6.rows.find((x) => x.key === '人员经费合计')?.cells.amount.figure.value.toString()).toBe('57.04');
    const t9 = r.tables.find((t) => t.id === '决算09')!;
    expect(t9.rows[0].cells['11'].figure.value.toString()).toBe('2.76');
  });
});

describe('other layouts give the same result', () => {
  const variants = ['移位', '单表', '拆分编码', '无栏次'];
  test.each(variants)('%s: clean → nothing, published → the same eight 尾差', async (v) => {
    const clean = validateWorkbook(await loadFixture(`决算-${v}-清洁版.xlsx`));
    expect(clean.tables).toHaveLength(9);
    expect(clean.findings).toEqual([]);
    const pub = validateWorkbook(await loadFixture(`决算-${v}-公开版.xlsx`));
    expect(pub.tables).toHaveLength(9);
    expect(pub.findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual(PUBLISHED.map((p) => p.split(' ').slice(0, 2).join(' ')).sort());
  });

  test('移位: tables found on unrelated sheet names with other title spellings', async () => {
    const r = validateWorkbook(await loadFixture('决算-移位-公开版.xlsx'));
    expect(r.tables.find((t) => t.id === '决算01')?.sheet).toBe('Sheet3');
    const f = r.findings.find((x) => x.rule === '决算03.科目汇总' && x.actual === '174.25');
    expect(f?.sheet).toBe('Sheet1');
    expect(f?.cells[0]).toBe('D12');
  });

  test('元: amounts in 元 are read by the unit line and reconcile in 万元', async () => {
    const r = validateWorkbook(await loadFixture('决算-元-清洁版.xlsx'));
    expect(r.findings).toEqual([]);
    expect(r.tables.every((t) => t.unit === '元')).toBe(true);
    const t1 = r.tables[0];
    expect(t1.rows.find((x) => x.key === 'L27')?.cells['1'].figure.value.toString()).toBe('174.25');
  });

  test('OCR text: text amounts are read; OCR-broken codes are reported once each', async () => {
    const r = validateWorkbook(await loadFixture('决算-OCR文本.xlsx'));
    const bad = r.findings.filter((f) => f.rule === '编码.位数');
    expect(bad.map((f) => f.message.match(/“(\d+)”/)?.[1]).sort()).toEqual(['201035', '201375', '201379', '213010', '221020']);
    expect(bad.every((f) => f.severity === 'error' && f.table === '决算02')).toBe(true);
    const others = r.findings.filter((f) => f.rule !== '编码.位数');
    expect(others.every((f) => f.severity === 'rounding')).toBe(true);
  });
});

/** Sets a number into a cell of a workbook clone. */
function setCell(wb: Workbook, sheet: string, addr: string, value: number | string): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseAddress(addr)!;
  s.rows[row] ??= [];
  s.rows[row][col] = { value, numFmt: '#,##0.00' };
}

describe('mistakes', () => {
  test('a wrong 项 amount is an error explained by that one cell', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    // 公开03 2010350 事业运行: 栏1 1.11 → 1.21 (a typo): its row, its 款 and the cross rules break.
    setCell(wb, '公开03表', 'C10', 1.21);
    const r = validateWorkbook(wb);
    expect(r.summary.error).toBeGreaterThanOrEqual(2);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.every((f) => f.cause === '公开03表!C10')).toBe(true);
    const rowRule = errors.find((f) => f.rule === '决算03.栏1');
    expect(rowRule).toMatchObject({ actual: '1.21', expected: '1.11' });
    expect(rowRule!.message).toContain('2010350');
  });

  test('a 0.03 gap over a three-part sum is an error, not a 尾差', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    const t = recognizeWorkbook(wb).tables.find((x) => x.id === '决算09')!;
    setCell(wb, t.sheet, t.rows[0].cells['7'].address, 2.79); // 决算数 合计 2.76 → 2.79, parts stay 2.76
    const r = validateWorkbook(wb);
    const f = r.findings.find((x) => x.rule === '决算09.决算合计');
    expect(f).toMatchObject({ severity: 'error', expected: '2.76', actual: '2.79' });
  });

  test('三公 below the basic-expenditure item is 错误 (09 covers basic and project spending of the same funds)', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    const t = recognizeWorkbook(wb).tables.find((x) => x.id === '决算09')!;
    // 决算数 公务用车运行费 (栏11) 2.76 → 1.00, 小计 and 合计 follow so the table itself adds up.
    for (const [k, v] of [['11', 1], ['9', 1], ['7', 1]] as const) setCell(wb, t.sheet, t.rows[0].cells[k].address, v);
    const r = validateWorkbook(wb);
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error 表间.09-06.公务用车运行维护费']);
  });

  test('a 提示 elsewhere survives when several errors send the check looking for causes', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    const t5 = recognizeWorkbook(wb).tables.find((x) => x.id === '决算05')!;
    // A 05 row above the same code in 03 is a 提示 (notExceedByCode); 03 itself stays consistent.
    const row = t5.rows.find((x) => x.code === '2013750')!;
    for (const k of ['1', '2']) setCell(wb, t5.sheet, row.cells[k].address, 56.3);
    setCell(wb, '公开03表', 'C10', 1.21); // several errors with one cause, far from that 提示
    const r = validateWorkbook(wb);
    expect(r.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toContain('表间.05-03.财政拨款不超过全部');
    expect(r.summary.error).toBeGreaterThanOrEqual(2);
  });

  test('三公 below the 06 item by a cent is 尾差, not 错误', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    const t = recognizeWorkbook(wb).tables.find((x) => x.id === '决算09')!;
    for (const [k, v] of [['11', 2.75], ['9', 2.75], ['7', 2.75]] as const) setCell(wb, t.sheet, t.rows[0].cells[k].address, v);
    const r = validateWorkbook(wb);
    expect(r.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['rounding 表间.09-06.公务用车运行维护费']);
  });

  test('a missing table is said once, and its rules are skipped', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    wb.sheets = wb.sheets.filter((s) => s.name !== '公开07表');
    const r = validateWorkbook(wb);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'warning', rule: '识别.缺表', table: '决算07' });
    expect(r.findings[0].message).toContain('未找到公开07表');
  });

  test('a 项 whose 款 is missing is reported as a bad code', async () => {
    const wb = cloneWorkbook(await loadFixture('决算-清洁版.xlsx'));
    const t = recognizeWorkbook(wb).tables.find((x) => x.id === '决算05')!;
    const row = t.rows.find((x) => x.key === '2210201')!;
    const addr = parseAddress(row.cells['1'].address)!;
    setCell(wb, t.sheet, cellAddress(addr.row, 0), '2219901');
    const r = validateWorkbook(wb);
    expect(r.findings.some((f) => f.rule === '编码.缺少上级' && f.message.includes('2219901'))).toBe(true);
  });
});
