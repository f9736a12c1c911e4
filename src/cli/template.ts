/** `budget template KIND --out FILE.xlsx`: writes the blank standard tables with ExcelJS. */
import type { Worksheet } from 'exceljs';
import { KINDS, findKind } from '../core/kinds';
import { DRAFT_FONT, draftCellLook, frozenRows } from '../core/sheet-style';
import { SheetDraft, renderTemplateSet } from '../core/templates/render';
import { UserError } from './errors';

/** Writes one draft onto a worksheet (formulas get a cached 0 so a blank template validates clean). */
export function writeDraft(ws: Worksheet, draft: SheetDraft): void {
  draft.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of draft.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const look = draftCellLook(c);
    if (c.formula) cell.value = { formula: c.formula, result: c.cached ?? 0 };
    else if (c.value !== undefined) cell.value = c.value;
    cell.font = { name: DRAFT_FONT, size: look.size, bold: look.bold || undefined };
    cell.alignment = { horizontal: look.horizontal, vertical: 'middle', wrapText: look.wrap };
    if (look.numFmt) cell.numFmt = look.numFmt;
    if (look.border) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  }
  for (const m of draft.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const rows = frozenRows(draft);
  if (rows > 0) ws.views = [{ state: 'frozen', ySplit: rows, xSplit: 0 }];
}

export async function writeTemplateFile(kind: string, out: string): Promise<number> {
  const k = findKind(kind);
  if (!k) throw new UserError(`模板种类“${kind}”暂不支持：可用的有 ${KINDS.map((x) => `“${x.name}”`).join('、')}。`);
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  const drafts = renderTemplateSet(k.templates, k.rules);
  for (const d of drafts) writeDraft(wb.addWorksheet(d.name), d);
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    throw new UserError(`无法写入 ${out}：${e instanceof Error ? e.message : String(e)}`);
  }
  return drafts.length;
}
