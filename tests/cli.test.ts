/** The `budget` command: report, JSON contract, exit codes, bad input, templates. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import { Sheet, parseAddress } from '../src/core/grid';
import { recognizeWorkbook } from '../src/core/recognize';
import { validateWorkbook } from '../src/core/validate';
import { readWorkbook } from '../src/cli/read-xlsx';
import { evaluateSheet } from './formula-eval';
import { fixture, loadFixture, runCli } from './helpers';

describe('budget validate', () => {
  test('human report: Chinese, grouped, with cell addresses; exit 0 when only 尾差', async () => {
    const r = await runCli('validate', fixture('决算-公开版.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('识别到 9 张表');
    expect(r.stdout).toContain('结果：错误 0 条，尾差 8 条，提示 0 条');
    expect(r.stdout).toContain('可能的原因：公开03表!C8');
    expect(r.stdout).toMatch(/公开02表 收入决算表（工作表“公开02表”）\n {2}\[尾差\] C7 /);
  });

  test('--json follows the contract', async () => {
    const r = await runCli('validate', fixture('决算-公开版.xlsx'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['conditions', 'file', 'findings', 'summary', 'tables']);
    expect(j.conditions.map((c: { rule: string }) => c.rule)).toEqual(['表间.03-05.逐行一致']);
    expect(j.file).toBe('决算-公开版.xlsx');
    expect(j.tables[0]).toEqual({ id: '决算01', title: '2024年度收入支出决算总表', sheet: '公开01表', range: expect.stringMatching(/^A1:F\d+$/) });
    expect(j.summary).toEqual({ error: 0, rounding: 8, warning: 0 });
    for (const f of j.findings) {
      expect(['error', 'rounding', 'warning']).toContain(f.severity);
      expect(typeof f.rule).toBe('string');
      expect(Array.isArray(f.cells)).toBe(true);
      expect(f.expected).toMatch(/^-?\d+\.\d+$/);
      expect(f.actual).toMatch(/^-?\d+\.\d+$/);
    }
    expect(j.findings.filter((f: { cause?: string }) => f.cause === '公开03表!C8')).toHaveLength(2);
  });

  test('exit 1 when any 错误', async () => {
    const r = await runCli('validate', fixture('bad/金额为文本.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('（工作表“公开03表”）C10：“一百一十一”不是金额');
  });

  test('--layout shows how every table was read, without validating', async () => {
    const r = await runCli('validate', fixture('决算-无栏次-公开版.xlsx'), '--layout');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('公开01表 收入支出决算总表');
    expect(r.stdout).toMatch(/标题：A1 {2}表头：第\d+–\d+行 {2}栏次行：无/);
    expect(r.stdout).toContain('项目名称列：A、D');
    expect(r.stdout).toMatch(/C 列 → 栏1 本年支出合计（表头“本年支出合计”，按表头文字识别）/);
    expect(r.stdout).not.toContain('结果：');
  });

  test('the sample named in the README works', async () => {
    const r = await runCli('validate', path.join(__dirname, '..', 'examples', '决算-样例.xlsx'));
    expect(r.code).toBe(0);
  });
});

describe('bad input: one clear Chinese line, the right exit code, no stack trace', () => {
  const cases: [string, number, RegExp][] = [
    ['bad/不是表格.xlsx', 2, /不是表格\.xlsx：不是 \.xlsx 工作簿/],
    ['bad/损坏.xlsx', 2, /损坏\.xlsx：文件已损坏/],
    ['bad/加密.xlsx', 2, /加密\.xlsx：工作簿已加密/],
    ['bad/空工作簿.xlsx', 2, /空工作簿\.xlsx：工作簿是空的/],
    ['bad/无表格.xlsx', 2, /无表格\.xlsx：未找到任何部门决算公开、部门预算公开、绩效自评的表格/],
    ['bad/乱码5万行.xlsx', 2, /乱码5万行\.xlsx：未找到任何部门决算公开、部门预算公开、绩效自评的表格/],
    ['does-not-exist.xlsx', 2, /找不到文件/],
  ];
  test.each(cases)('%s', async (file, code, message) => {
    const r = await runCli('validate', fixture(file));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('formula without cached value names sheet and cell; exit 1', async () => {
    const r = await runCli('validate', fixture('bad/公式无缓存.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('（工作表“公开01表”）C33：公式没有缓存的计算结果');
  });

  test('#DIV/0! and #REF! cells are reported where they are', async () => {
    const r = await runCli('validate', fixture('bad/错误值.xlsx'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const bad = j.findings.filter((f: { rule: string }) => f.rule === '输入.金额无效');
    expect(bad.map((f: { sheet: string; cells: string[] }) => `${f.sheet}!${f.cells[0]}`).sort()).toEqual(['公开03表!E11', '公开05表!C16']);
    // The bad cells are left out of their rules instead of counting as zero.
    expect(j.findings).toHaveLength(2);
  });

  test('usage errors', async () => {
    expect((await runCli()).code).toBe(2);
    expect((await runCli('frobnicate')).stderr).toContain('不认识的命令');
    expect((await runCli('validate')).stderr).toContain('缺少要校验的 .xlsx 文件');
    expect((await runCli('validate', 'x.xlsx', '--bogus')).stderr).toContain('不认识的参数 --bogus');
    expect((await runCli('template', '决算')).stderr).toContain('缺少 --out');
  });
});

describe('budget template 决算', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-tpl-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('writes nine blank tables that are recognised with zero findings', async () => {
    const out = path.join(dir, '模板.xlsx');
    const r = await runCli('template', '决算', '--out', out);
    expect(r.code).toBe(0);
    const v = await runCli('validate', out, '--json');
    const j = JSON.parse(v.stdout);
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(['决算01', '决算02', '决算03', '决算04', '决算05', '决算06', '决算07', '决算08', '决算09']);
    expect(j.findings).toEqual([]);
  });

  test('filled with the seed-000 inputs, its own formulas compute every total: clean, and equal to the published totals', async () => {
    const out = path.join(dir, '模板.xlsx');
    await runCli('template', '决算', '--out', out);
    const clean = recognizeWorkbook(await loadFixture('决算-清洁版.xlsx')).tables;
    const filled = await readWorkbook(out);
    const blank = recognizeWorkbook(filled).tables;
    const sheetOf = (name: string) => filled.sheets.find((s) => s.name === name)!;
    /** Inputs go into the cell; where the template has a formula, the figure is what it must compute. */
    const mustCompute: { sheet: string; address: string; value: string }[] = [];
    const put = (sheet: Sheet, addr: string, v: string | number) => {
      const p = parseAddress(addr)!;
      const row = (sheet.rows[p.row] ??= []);
      const cell = row[p.col];
      if (cell?.formula !== undefined && typeof v === 'number') mustCompute.push({ sheet: sheet.name, address: addr, value: String(v) });
      else row[p.col] = { ...cell, value: v };
    };
    for (const src of clean) {
      const dst = blank.find((t) => t.id === src.id)!;
      const ws = sheetOf(dst.sheet);
      if (['决算02', '决算03', '决算05', '决算07', '决算08'].includes(src.id)) {
        // Code tables: rows go below the 合计 row in the template's blank lines.
        const total = dst.rows.find((x) => x.key === '合计')!;
        const totalRow = Number(total.cells['1'].address.replace(/^[A-Z]+/, ''));
        for (const [k, ref] of Object.entries(src.rows.find((x) => x.key === '合计')!.cells)) put(ws, total.cells[k].address, ref.figure.value.toNumber());
        src.rows.filter((x) => x.code).forEach((row, i) => {
          const r = totalRow + 1 + i;
          put(ws, `A${r}`, row.code!);
          put(ws, `B${r}`, row.name);
          for (const [k, ref] of Object.entries(row.cells)) put(ws, `${total.cells[k].address.replace(/\d+$/, '')}${r}`, ref.figure.value.toNumber());
        });
        continue;
      }
      for (const row of src.rows) {
        const target = dst.rows.find((x) => x.key === row.key);
        if (!target) throw new Error(`${src.id} ${row.key} missing from the template`);
        for (const [k, ref] of Object.entries(row.cells)) if (!ref.figure.blank) put(ws, target.cells[k].address, ref.figure.value.toNumber());
      }
    }
    const computed = new Map(filled.sheets.map((s) => [s.name, evaluateSheet(s)]));
    // The seed's totals that the template computes (most of them), each to the cent.
    expect(mustCompute.length).toBeGreaterThan(50);
    expect(mustCompute.map((m) => ({ ...m, value: computed.get(m.sheet)!.get(m.address)?.toString() }))).toEqual(mustCompute.map((m) => ({ ...m, value: new Decimal(m.value).toString() })));
    expect(validateWorkbook(filled).findings).toEqual([]);
  });

  test('a total formula that drops a term is caught by the evaluation', async () => {
    const out = path.join(dir, '模板.xlsx');
    await runCli('template', '决算', '--out', out);
    const wb = await readWorkbook(out);
    const sheet = wb.sheets[0];
    const cell = sheet.rows.flat().find((c) => /^SUM\([A-Z]+\d+(,[A-Z]+\d+)+\)$/.test(c?.formula ?? ''))!;
    const terms = cell.formula!.slice(4, -1).split(',');
    // Each term 1: the SUM gives the number of terms; without its last term, one less.
    for (const t of terms) {
      const p = parseAddress(t)!;
      (sheet.rows[p.row] ??= [])[p.col] = { value: 1 };
    }
    evaluateSheet(sheet);
    const withAll = cell.value;
    cell.formula = `SUM(${terms.slice(0, -1).join(',')})`;
    evaluateSheet(sheet);
    expect([withAll, cell.value]).toEqual([terms.length, terms.length - 1]);
  });

  test('unknown kinds are refused clearly', async () => {
    const r = await runCli('template', '其他', '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('模板种类“其他”');
  });
});
