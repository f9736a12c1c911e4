/**
 * The Excel adapter (src/excel) against the in-memory fake (tests/e2e/fake-excel.ts), loaded
 * from the fixtures through the CLI's reader: the grid it reads equals the CLI's, so the
 * findings are the same; marks, notes and result sheets are written and cleared exactly; round
 * trips are counted and do not grow with tables, rows or findings; Excel's limits are kept.
 */
import { Finding } from '../src/core/findings';
import { Workbook } from '../src/core/grid';
import { MARK_COLORS, NOTE_PREFIX, planMarks } from '../src/core/marks';
import { generateNarrative } from '../src/core/narrative';
import { TableSet } from '../src/core/model';
import { paramsToXml } from '../src/core/params-store';
import { validateWorkbook } from '../src/core/validate';
import { FINAL_ACCOUNT_KIND } from '../src/core/kinds';
import { renderTemplateSet } from '../src/core/templates/render';
import { frozenRows } from '../src/core/sheet-style';
import { createExcelHost } from '../src/excel/excel';
import { HostError, SpreadsheetHost } from '../src/excel/host';
import { MARK_TAG } from '../src/excel/marks';
import { readWorkbook } from '../src/excel/read';
import { FakeError, FakeExcel, FakeWorkbook, parseRect } from './e2e/fake-excel';
import { cloneWorkbook, loadFixture } from './helpers';

function fake(wb: Workbook): { excel: FakeExcel; host: SpreadsheetHost } {
  const excel = new FakeExcel(FakeWorkbook.fromGrid(wb));
  return { excel, host: createExcelHost(excel, () => wb.name) };
}

/** Syncs of one call. */
async function syncsOf<T>(excel: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = excel.syncCount;
  const result = await f();
  return { result, syncs: excel.syncCount - before };
}

/** A workbook of `n` tables: the published fixture's sheets, repeated under other names. */
async function withTables(n: number): Promise<Workbook> {
  const src = await loadFixture('决算-公开版.xlsx');
  const sheets = Array.from({ length: n }, (_, i) => ({ ...cloneWorkbook(src).sheets[i % src.sheets.length], name: `表${i + 1}` }));
  return { name: `${n}表.xlsx`, sheets };
}

/** The grid with what the CLI's reader and Excel may legitimately differ in removed: nothing. */
function comparable(wb: Workbook): unknown {
  return wb.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ?? []).map((c) => c ?? null)), merges: [...(s.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left) }));
}

describe('reading', () => {
  test.each(['决算-公开版.xlsx', '决算-拆分编码-公开版.xlsx', '决算-元-清洁版.xlsx', '决算-单表-公开版.xlsx'])('%s: the same grid and the same findings as the CLI', async (file) => {
    const cli = await loadFixture(file);
    const { excel } = fake(cli);
    const read = await readWorkbook(excel, cli.name);
    expect(comparable(read)).toEqual(comparable(cli));
    expect(validateWorkbook(read).findings).toEqual(validateWorkbook(cli).findings);
  });

  test('3 syncs for 1 table and for 20 tables; bytes per sync under 5 MB', async () => {
    const counts: number[] = [];
    for (const n of [1, 20]) {
      const wb = await withTables(n);
      const { excel } = fake(wb);
      const { syncs } = await syncsOf(excel, () => readWorkbook(excel, wb.name));
      counts.push(syncs);
      expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts).toEqual([3, 3]);
  });

  test('a large sheet is read in bands, each request within its budget, and read exactly', async () => {
    const rows = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ value: c === 0 ? `第${r}行` : r * 10 + c })));
    const wb: Workbook = { name: '大表.xlsx', sheets: [{ name: '大', rows }] };
    const { excel } = fake(wb);
    const { result, syncs } = await syncsOf(excel, () => readWorkbook(excel, wb.name, { cellsPerRequest: 5000 }));
    expect(syncs).toBe(2 + 6);
    expect(comparable(result)).toEqual(comparable(wb));
  });

  test('a response that comes back over 5 MB is split further and read again', async () => {
    const long = '长'.repeat(2000);
    const rows = Array.from({ length: 1500 }, () => [{ value: long }]);
    const wb: Workbook = { name: '长文本.xlsx', sheets: [{ name: '长', rows }] };
    const { excel } = fake(wb);
    const read = await readWorkbook(excel, wb.name);
    expect(read.sheets[0].rows).toHaveLength(1500);
    expect(excel.syncs.some((s) => s.bytes > 5 * 1024 * 1024)).toBe(true); // the refused request
  });

  test('a workbook beyond one pass is refused with a clear message, before reading cells', async () => {
    const wb: Workbook = { name: '巨大.xlsx', sheets: [{ name: '巨', rows: [[{ value: 1 }], ...Array(3_100_000 - 1), [{ value: 1 }]] }] };
    const { excel, host } = fake(wb);
    await expect(host.readWorkbook()).rejects.toThrow(/工作簿过大.*3,100,001 个单元格.*工作表“巨”/);
    expect(excel.syncCount).toBe(2);
  });

  test('the 说明 parameters part comes with the grid', async () => {
    const wb = { ...cloneWorkbook(await loadFixture('决算-公开版.xlsx')), customXml: ['<other xmlns="urn:x"/>', paramsToXml({ 年度: 2024 })] };
    const { excel } = fake(wb);
    expect((await readWorkbook(excel, wb.name)).customXml).toEqual([paramsToXml({ 年度: 2024 })]);
  });
});

describe('marks', () => {
  async function marked(file = '决算-公开版.xlsx') {
    const wb = await loadFixture(file);
    const { excel, host } = fake(wb);
    const findings = validateWorkbook(wb).findings;
    return { wb, excel, host, findings, marks: planMarks(findings) };
  }

  test('one rule per severity per sheet, our colour on exactly the marked cells, a note on each', async () => {
    const { excel, host, marks } = await marked();
    const before = excel.wb.snapshot();
    const counts = await host.writeMarks(marks, true);
    const sheets = new Set(marks.map((m) => `${m.sheet}|${m.severity}`));
    expect(counts).toEqual({ cells: marks.length, rules: sheets.size, notes: marks.length, skippedNotes: 0 });
    for (const s of excel.wb.sheets) for (const cf of s.cfs) expect(cf.formula).toContain(MARK_TAG);
    for (const m of marks) {
      const s = excel.wb.sheet(m.sheet)!;
      const { r0, c0 } = parseRect(m.cell);
      expect(excel.wb.effectiveFill(s, r0, c0)).toBe(MARK_COLORS[m.severity].fill);
      const note = excel.wb.notes.find((n) => n.sheet === s && n.row === r0 && n.col === c0);
      expect(note?.content).toBe(m.note);
      expect(note?.content.startsWith(NOTE_PREFIX)).toBe(true);
    }
    expect(marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(expect.arrayContaining(['公开03表!C8', '公开05表!C8', '公开01表!F7']));
    // Running again replaces, never stacks; clearing gives back the workbook as it was.
    await host.writeMarks(marks, true);
    const once = excel.wb.snapshot();
    await host.writeMarks(marks, true);
    expect(excel.wb.snapshot()).toBe(once);
    await host.clearMarks();
    expect(excel.wb.snapshot()).toBe(before);
  });

  test("the user's own fills, conditional formats and notes are never touched", async () => {
    const { excel, host, marks } = await marked();
    const s = excel.wb.sheet('公开03表')!;
    excel.wb.own(s, 7, 2).style.fill = '#00FF00'; // C8, a marked cell
    s.cfs.push({ id: 'user', type: 'Custom', formula: '=C8>100', fill: '#0000FF', areas: [parseRect('A1:A3')] });
    excel.wb.notes.push({ sheet: s, row: 7, col: 2, content: '经办人：这个数是对的' });
    const before = excel.wb.snapshot();
    const counts = await host.writeMarks(marks, true);
    expect(counts.skippedNotes).toBe(1);
    expect(excel.wb.cell(s, 7, 2).style.fill).toBe('#00FF00');
    expect(excel.wb.effectiveFill(s, 7, 2)).toBe(MARK_COLORS.rounding.fill);
    expect(excel.wb.notes.filter((n) => n.sheet === s && n.row === 7 && n.col === 2).map((n) => n.content)).toEqual(['经办人：这个数是对的']);
    await host.clearMarks();
    expect(excel.wb.snapshot()).toBe(before);
  });

  test('syncs are the same for 1 table and for 20 tables, whatever the number of marks', async () => {
    const counts: number[][] = [];
    for (const n of [1, 20]) {
      const wb = await withTables(n);
      const { excel, host } = fake(wb);
      const findings: Finding[] = validateWorkbook(wb).findings;
      const marks = planMarks(findings);
      const w = await syncsOf(excel, () => host.writeMarks(marks, true));
      const c = await syncsOf(excel, () => host.clearMarks());
      counts.push([w.syncs, c.syncs]);
    }
    expect(counts[0]).toEqual([4, 4]);
    expect(counts[1]).toEqual(counts[0]);
  });

  test('without notes (before ExcelApi 1.18): colours only, no error', async () => {
    const { excel, host, marks } = await marked();
    excel.apiVersion = 1.17;
    expect(host.supportsNotes()).toBe(false);
    const counts = await host.writeMarks(marks, true);
    expect(counts.notes).toBe(0);
    expect(excel.wb.notes).toEqual([]);
  });
});

describe('result sheets', () => {
  async function content() {
    const wb = await loadFixture('决算-公开版.xlsx');
    const v = validateWorkbook(wb);
    return { wb, content: { narrative: generateNarrative(new TableSet(v.tables)), findings: v.findings, workbookName: wb.name } };
  }

  test('情况说明 and 校验结果 written once, rewritten in place, deleted exactly', async () => {
    const { wb, content: c } = await content();
    const { excel, host } = fake(wb);
    const before = excel.wb.snapshot();
    const w = await syncsOf(excel, () => host.writeResultSheets(c, true));
    expect(w.result).toEqual(['情况说明', '校验结果']);
    expect(w.syncs).toBe(3);
    const narrative = excel.wb.sheet('情况说明')!;
    expect(excel.wb.cell(narrative, 0, 0).v).toBe(c.narrative.title);
    const results = excel.wb.sheet('校验结果')!;
    expect(excel.wb.cell(results, 1, 4).v).toBe(c.findings[0].message);
    expect(excel.wb.cell(results, 1, 3).link?.documentReference).toBe(`'${c.findings[0].sheet}'!${c.findings[0].cells[0]}`);
    expect(results.frozenRows).toBe(1);
    await host.writeResultSheets(c, true);
    expect(excel.wb.sheets.map((s) => s.name).filter((n) => /情况说明|校验结果/.test(n))).toEqual(['情况说明', '校验结果']);
    expect(await host.resultSheets()).toEqual(['情况说明', '校验结果']);
    expect(await host.deleteResultSheets()).toEqual(['情况说明', '校验结果']);
    expect(excel.wb.snapshot()).toBe(before);
  });

  test("a sheet of the user's called 情况说明 is left alone", async () => {
    const { wb, content: c } = await content();
    const withUsers = { ...wb, sheets: [...wb.sheets, { name: '情况说明', rows: [[{ value: '我写的说明' }]] }] };
    const { excel, host } = fake(withUsers);
    expect(await host.writeResultSheets(c, false)).toEqual(['情况说明（2）']);
    expect(await host.deleteResultSheets()).toEqual(['情况说明（2）']);
    expect(excel.wb.cell(excel.wb.sheet('情况说明')!, 0, 0).v).toBe('我写的说明');
  });

  test('text that looks like a formula or markup stays text', async () => {
    const { wb, content: c } = await content();
    const { excel, host } = fake(wb);
    const evil: Finding = { ...c.findings[0], message: '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")' };
    await host.writeResultSheets({ ...c, findings: [evil] }, true);
    const cell = excel.wb.cell(excel.wb.sheet('校验结果')!, 1, 4);
    expect(cell.f).toBeUndefined();
    expect(cell.v).toBe(evil.message);
  });
});

describe('templates, settings, parameters, selection', () => {
  test('tables inserted as budget template writes them, and they validate clean', async () => {
    const { excel, host } = fake({ name: '空白.xlsx', sheets: [{ name: 'Sheet1', rows: [] }] });
    const drafts = renderTemplateSet(FINAL_ACCOUNT_KIND.templates, FINAL_ACCOUNT_KIND.rules);
    const { result, syncs } = await syncsOf(excel, () => host.insertTables(drafts, 'sheets'));
    expect(result).toEqual(drafts.map((d) => d.name));
    expect(syncs).toBe(2);
    for (const d of drafts) {
      const s = excel.wb.sheet(d.name)!;
      expect(s.frozenRows).toBe(frozenRows(d));
      expect(s.merges).toHaveLength(d.merges.length);
      for (const c of d.cells) {
        const cell = excel.wb.cell(s, c.row, c.col);
        if (c.formula) expect(cell.f).toBe(`=${c.formula}`);
        else if (c.value !== undefined) expect(cell.v).toBe(c.value);
      }
    }
    const back = await host.readWorkbook();
    const v = validateWorkbook(back);
    expect(v.tables).toHaveLength(drafts.length);
    expect(v.summary.error).toBe(0);
  });

  test('at the selection: one below another, never over cells that hold something', async () => {
    const { excel, host } = fake({ name: 'x.xlsx', sheets: [{ name: 'S', rows: [[], [], [undefined, { value: '占用' }]] }] });
    const drafts = renderTemplateSet(FINAL_ACCOUNT_KIND.templates, FINAL_ACCOUNT_KIND.rules).slice(0, 2);
    excel.wb.selection = { sheet: excel.wb.sheets[0], areas: [parseRect('B2')] };
    await expect(host.insertTables(drafts, 'selection')).rejects.toThrow(/B2 起.*已有内容/);
    excel.wb.selection = { sheet: excel.wb.sheets[0], areas: [parseRect('D5')] };
    const placed = await host.insertTables(drafts, 'selection');
    expect(placed[0]).toBe('S!D5');
    expect(excel.wb.cell(excel.wb.sheets[0], 4, 3).v).toBe(drafts[0].cells.find((c) => c.row === 0 && c.col === 0)?.value);
  });

  test('settings and the parameters part are kept in the workbook', async () => {
    const { excel, host } = fake({ name: 'x.xlsx', sheets: [{ name: 'S', rows: [] }] });
    expect(await host.loadSettings()).toEqual({ notes: true, resultSheet: true, templateKind: '决算', insertAt: 'sheets' });
    await host.saveSettings({ notes: false, resultSheet: true, templateKind: '决算', insertAt: 'selection' });
    expect((await host.loadSettings()).insertAt).toBe('selection');
    excel.wb.settings.set('budget.pane', { notes: 'yes', insertAt: 'elsewhere' });
    expect(await host.loadSettings()).toEqual({ notes: true, resultSheet: true, templateKind: '决算', insertAt: 'sheets' });
    expect(await host.loadParamsXml()).toBeUndefined();
    await host.saveParamsXml(paramsToXml({ 年度: 2024 }));
    await host.saveParamsXml(paramsToXml({ 年度: 2025 }));
    expect(excel.wb.parts).toHaveLength(1);
    expect(await host.loadParamsXml()).toBe(paramsToXml({ 年度: 2025 }));
    await host.saveParamsXml(undefined);
    expect(excel.wb.parts).toHaveLength(0);
  });

  test('selecting the cells of a finding activates its sheet; a missing sheet is a HostError', async () => {
    const { excel, host } = fake(await loadFixture('决算-公开版.xlsx'));
    await host.selectCells('公开03表', ['C7', 'C8']);
    expect(excel.wb.activeSheet?.name).toBe('公开03表');
    expect(excel.wb.selection?.areas).toEqual([parseRect('C7'), parseRect('C8')]);
    await expect(host.selectCells('没有', ['A1'])).rejects.toBeInstanceOf(HostError);
  });
});

describe('the fake enforces Office.js rules', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const excel = new FakeExcel(FakeWorkbook.fromGrid({ name: 'x', sheets: [{ name: 'S', rows: [[{ value: 1 }]] }] }));
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1');
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      expect(r.values).toEqual([[1]]);
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test('a read over 5 M cells or a request over 5 MB is refused', async () => {
    const excel = new FakeExcel(FakeWorkbook.fromGrid({ name: 'x', sheets: [{ name: 'S', rows: [] }] }));
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:E1000001').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A3000').values = Array.from({ length: 3000 }, () => ['x'.repeat(2000)]);
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeError);
  });
});
