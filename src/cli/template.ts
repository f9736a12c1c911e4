/** `budget template KIND --out FILE.xlsx`: writes the blank standard tables with ExcelJS. */
import type { Worksheet } from 'exceljs';
import { KINDS, findKind } from '../core/kinds';
import { AMOUNT_FORMAT, DraftStyle, SheetDraft, renderTemplateSet } from '../core/templates/render';
import { UserError } from './errors';

const FONT = '宋体';
const STYLES: Record<DraftStyle, { bold?: boolean; size?: number; align?: 'center' | 'left' | 'right'; border?: boolean; numFmt?: string }> = {
  title: { bold: true, size: 16, align: 'center' },
  subtitle: { size: 10, align: 'left' },
  header: { bold: true, size: 10, align: 'center', border: true },
  label: { size: 10, align: 'left', border: true },
  code: { size: 10, align: 'left', border: true },
  amount: { size: 10, align: 'right', border: true, numFmt: AMOUNT_FORMAT },
  total: { bold: true, size: 10, align: 'right', border: true, numFmt: AMOUNT_FORMAT },
  note: { size: 9, align: 'left' },
};

/** Writes one draft onto a worksheet (formulas get a cached 0 so a blank template validates clean). */
export function writeDraft(ws: Worksheet, draft: SheetDraft): void {
  draft.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of draft.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const st = STYLES[c.style];
    if (c.formula) cell.value = { formula: c.formula, result: c.cached ?? 0 };
    else if (c.value !== undefined) cell.value = c.value;
    cell.font = { name: FONT, size: st.size, bold: st.bold };
    cell.alignment = { horizontal: c.style === 'label' && typeof c.value === 'string' && c.value === '合计' ? 'center' : st.align, vertical: 'middle', wrapText: c.style === 'header' || c.style === 'note' };
    if (c.numFmt ?? st.numFmt) cell.numFmt = (c.numFmt ?? st.numFmt)!;
    if (c.style === 'code') cell.numFmt = '@';
    if (st.border) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  }
  for (const m of draft.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
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
