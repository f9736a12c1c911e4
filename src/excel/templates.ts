/**
 * Inserts blank standard tables (template drafts of src/core/templates) as `budget template`
 * writes them: titles, 栏次, number formats, borders, merged headers, live total formulas, and
 * on new sheets the column widths and frozen header rows. The look comes from the same table
 * as the CLI's (core/sheet-style.ts). At the selection, tables go one below another and never
 * over cells that hold something. 3 syncs, whatever the number of tables.
 */
import { cellAreas } from '../core/marks';
import { cellAddress } from '../core/grid';
import { DRAFT_FONT, draftCellLook, frozenRows } from '../core/sheet-style';
import { SheetDraft } from '../core/templates/render';
import { HostError, PaneSettings } from './host';
import { ExcelApi, freeSheetName, joinAreas, runBatch } from './office';
import { asText } from './sheets';

/** Blank rows between tables stacked at the selection. */
const GAP = 2;
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function extent(d: SheetDraft): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of d.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  for (const m of d.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}

export async function insertTables(api: ExcelApi, drafts: readonly SheetDraft[], at: PaneSettings['insertAt']): Promise<string[]> {
  return runBatch(api, '插入表格', async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    const selected = at === 'selection' ? context.workbook.getSelectedRange().load('rowIndex,columnIndex') : undefined;
    const selectedSheet = selected?.worksheet.load('name');
    await context.sync();
    const placed: string[] = [];
    if (selected && selectedSheet) {
      const sizes = drafts.map(extent);
      const rows = sizes.reduce((n, s) => n + s.rows, 0) + GAP * (drafts.length - 1);
      const cols = Math.max(...sizes.map((s) => s.cols));
      const ws = context.workbook.worksheets.getItem(selectedSheet.name);
      const target = ws.getRangeByIndexes(selected.rowIndex, selected.columnIndex, rows, cols).load('values');
      await context.sync();
      if (target.values.some((r) => r.some((v) => v !== '' && v !== null))) {
        throw new HostError('failed', `所选位置 ${cellAddress(selected.rowIndex, selected.columnIndex)} 起的 ${rows} 行 × ${cols} 列中已有内容，插入会覆盖它们。请选择空白区域，或改为“插入为新工作表”。`);
      }
      let row = selected.rowIndex;
      drafts.forEach((d, i) => {
        writeDraft(ws, d, row, selected.columnIndex);
        placed.push(`${selectedSheet.name}!${cellAddress(row, selected.columnIndex)}`);
        row += sizes[i].rows + GAP;
      });
    } else {
      const taken = new Set(sheets.items.map((s) => s.name));
      let first: Excel.Worksheet | undefined;
      for (const d of drafts) {
        const name = freeSheetName(d.name, taken);
        taken.add(name);
        const ws = context.workbook.worksheets.add(name);
        first ??= ws;
        writeDraft(ws, d, 0, 0);
        d.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 6));
        const frozen = frozenRows(d);
        if (frozen > 0) ws.freezePanes.freezeRows(frozen);
        placed.push(name);
      }
      first?.activate();
    }
    await context.sync();
    return placed;
  });
}

/** One draft at (row0, col0): formats before values (so codes stay text), then looks, merges. */
function writeDraft(ws: Excel.Worksheet, d: SheetDraft, row0: number, col0: number): void {
  const { rows, cols } = extent(d);
  const block = ws.getRangeByIndexes(row0, col0, rows, cols);
  const formats = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  const values = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const byLook = new Map<string, { look: ReturnType<typeof draftCellLook>; cells: string[] }>();
  for (const c of d.cells) {
    const look = draftCellLook(c);
    if (look.numFmt) formats[c.row][c.col] = look.numFmt;
    values[c.row][c.col] = c.formula !== undefined ? `=${c.formula}` : typeof c.value === 'string' ? asText(c.value) : (c.value ?? '');
    const key = JSON.stringify(look);
    const g = byLook.get(key) ?? { look, cells: [] };
    g.cells.push(cellAddress(row0 + c.row, col0 + c.col));
    byLook.set(key, g);
  }
  block.numberFormat = formats;
  block.formulas = values;
  block.format.font.name = DRAFT_FONT;
  block.format.verticalAlignment = 'Center';
  for (const { look, cells } of byLook.values()) {
    for (const address of joinAreas(cellAreas(cells))) {
      const r = ws.getRanges(address);
      r.format.font.size = look.size;
      r.format.font.bold = look.bold;
      r.format.horizontalAlignment = HORIZONTAL[look.horizontal];
      r.format.wrapText = look.wrap;
      if (look.border) for (const e of EDGES) r.format.borders.getItem(e).style = 'Continuous';
    }
  }
  for (const m of d.merges) ws.getRangeByIndexes(row0 + m.top, col0 + m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
}
