/**
 * What the e2e test and `pane:check` serve in place of office.js: installs the in-memory fake
 * (fake-excel.ts) as `Excel` and `Office` over a workbook grid, and a report of what the add-in
 * did to it (marks, notes, sheets, the 情况说明 text, syncs) for the runner to read.
 */
import { Workbook, cellAddress } from '../../src/core/grid';
import { FakeExcel, FakeWorkbook, Rect } from './fake-excel';
import type { PaneReport } from './report';

/** The tag our conditional formats carry (src/excel/marks.ts MARK_TAG). */
const MARK_TAG = 'budget-addin:mark:';


function cells(r: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) out.push([row, c]);
  return out;
}

export function install(grid: Workbook, apiVersion = 1.18): FakeExcel {
  const excel = new FakeExcel(FakeWorkbook.fromGrid(grid));
  excel.apiVersion = apiVersion;
  const w = window as unknown as Record<string, unknown>;
  w.__fakeExcel = excel;
  w.Excel = { run: (batch: Parameters<FakeExcel['run']>[0]) => excel.run(batch) };
  w.Office = {
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported: (n: string, v: string) => excel.isSetSupported(n, v) }, document: { url: grid.name } },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise((resolve) => setTimeout(() => (cb?.(info), resolve(info)), 0));
    },
  };
  w.__paneReport = (): PaneReport => report(excel);
  w.__paneSnapshot = (names?: string[]): string => excel.wb.snapshot(names);
  return excel;
}

export function report(excel: FakeExcel): PaneReport {
  const wb = excel.wb;
  const marks: PaneReport['marks'] = [];
  for (const s of wb.sheets) {
    for (const cf of s.cfs) {
      if (!cf.formula?.includes(MARK_TAG)) continue;
      const severity = cf.formula.slice(cf.formula.indexOf(MARK_TAG) + MARK_TAG.length).replace(/[^a-z].*$/, '');
      for (const a of cf.areas) for (const [r, c] of cells(a)) marks.push({ sheet: s.name, cell: cellAddress(r, c), severity, fill: wb.effectiveFill(s, r, c) });
    }
  }
  const narrative = wb.sheets.find((s) => s.name.startsWith('情况说明'));
  const lines: string[] = [];
  if (narrative) {
    for (const r of [...narrative.rows.keys()].sort((a, b) => a - b)) {
      const row = narrative.rows.get(r)!;
      const cols = [...row.keys()].sort((a, b) => a - b);
      lines.push(cols.map((c) => String(row.get(c)!.v)).join('\t').replace(/\t+$/, ''));
    }
  }
  const sel = wb.selection;
  return {
    marks,
    notes: wb.notes.filter((n) => n.content.startsWith('【预算校验】')).length,
    sheets: wb.sheets.map((s) => s.name),
    narrativeText: lines.join('\n'),
    syncs: excel.syncCount,
    maxSyncBytes: Math.max(0, ...excel.syncs.map((s) => s.bytes)),
    selection: sel && { sheet: sel.sheet.name, cells: sel.areas.flatMap((a) => cells(a).map(([r, c]) => cellAddress(r, c))) },
  };
}
