/**
 * The add-in's result sheets: 情况说明 (the generated 说明, one paragraph per row, placeholders
 * highlighted) and 校验结果 (every finding with a link to its cell — what a host without notes
 * shows instead). Which sheets are ours is kept by sheet id in workbook.settings, so a sheet of
 * the user's that happens to be called 情况说明 is never overwritten or deleted; running again
 * rewrites ours in place. Cell text is written as text, never as a formula.
 */
import { Finding, SEVERITY_LABEL, Severity } from '../core/findings';
import { MARK_COLORS, cellAreas, splitCellRef } from '../core/marks';
import { Block, NarrativeDoc, placeholderText } from '../core/narrative';
import { columnName } from '../core/grid';
import { tableTitle } from '../core/kinds';
import { NARRATIVE_SHEET, RESULTS_SHEET, ResultContent } from './host';
import { ExcelApi, freeSheetName, joinAreas, qualified, runBatch } from './office';

const SETTING = 'budget.resultSheets';
type Role = 'narrative' | 'results';
type Ids = Partial<Record<Role, string>>;

type RowStyle = 'title' | 'heading1' | 'heading2' | 'para' | 'placeholder' | 'caption' | 'thead' | 'trow' | 'meta';

interface SheetRow {
  values: string[];
  style: RowStyle;
}

/** Text that Excel would read as a formula is kept as text (the apostrophe prefix is not shown). */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?%?$/.test(s) ? `'${s}` : s;
}

/** The 说明 as rows of the 情况说明 sheet. */
export function narrativeRows(doc: NarrativeDoc, workbookName: string): SheetRow[] {
  const rows: SheetRow[] = [
    { values: [doc.title], style: 'title' },
    { values: [`由“预算公开校验”根据工作簿 ${workbookName} 中的公开表生成；黄色底纹的行有待填写的内容。`], style: 'meta' },
  ];
  const line = (b: Block): SheetRow[] => {
    switch (b.kind) {
      case 'heading':
        return [{ values: [`${b.number ?? ''}${b.text}`], style: b.level === 1 ? 'heading1' : 'heading2' }];
      case 'para': {
        const text = b.parts.map((p) => ('placeholder' in p ? placeholderText(p.placeholder) : p.text)).join('');
        return [{ values: [text], style: b.parts.some((p) => 'placeholder' in p) ? 'placeholder' : 'para' }];
      }
      case 'table':
        return [{ values: [b.caption], style: 'caption' }, { values: [...b.header], style: 'thead' }, ...b.rows.map((r) => ({ values: [...r], style: 'trow' as const }))];
    }
  };
  for (const b of doc.blocks) rows.push(...line(b));
  return rows;
}

export const RESULT_HEADER = ['级别', '表', '工作表', '单元格', '问题', '应为', '实为', '可能的原因', '规则'];

/** The findings as rows of the 校验结果 sheet (the cell column links to the cell). */
export function resultRows(findings: readonly Finding[]): SheetRow[] {
  return [
    { values: RESULT_HEADER, style: 'thead' },
    ...findings.map((f) => ({
      values: [SEVERITY_LABEL[f.severity], tableTitle(f.table), f.sheet, f.cells.join('、'), f.message, f.expected ?? '', f.actual ?? '', f.cause ?? '', f.rule],
      style: 'trow' as const,
    })),
  ];
}

async function ourSheets(context: Excel.RequestContext): Promise<{ ids: Ids; names: Map<string, string>; taken: Set<string> }> {
  const sheets = context.workbook.worksheets.load('items/name,items/id');
  const setting = context.workbook.settings.getItemOrNullObject(SETTING).load('value');
  await context.sync();
  const names = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
  const stored = (setting.isNullObject ? {} : (setting.value as Ids)) ?? {};
  const ids: Ids = {};
  for (const role of ['narrative', 'results'] as const) {
    const id = stored[role];
    if (typeof id === 'string' && names.has(id)) ids[role] = id;
  }
  return { ids, names, taken: new Set(names.values()) };
}

/** Writes 情况说明 (and 校验结果 when asked), replacing the add-in's earlier ones; returns their names. 3 syncs. */
export async function writeResultSheets(api: ExcelApi, content: ResultContent, withResults: boolean): Promise<string[]> {
  return runBatch(api, '写入情况说明', async (context) => {
    const { ids, taken } = await ourSheets(context);
    const plan: { role: Role; base: string; rows: SheetRow[]; widths: number[] }[] = [];
    if (content.narrative) plan.push({ role: 'narrative', base: NARRATIVE_SHEET, rows: narrativeRows(content.narrative, content.workbookName), widths: [100, 14, 14, 14, 14, 14, 14] });
    if (withResults) plan.push({ role: 'results', base: RESULTS_SHEET, rows: resultRows(content.findings), widths: [6, 26, 12, 18, 90, 12, 12, 14, 24] });
    const written: { role: Role; ws: Excel.Worksheet }[] = [];
    for (const p of plan) {
      let ws: Excel.Worksheet;
      const id = ids[p.role];
      if (id) {
        ws = context.workbook.worksheets.getItem(id);
        ws.getRange().clear();
        ws.freezePanes.unfreeze();
      } else {
        const name = freeSheetName(p.base, taken);
        taken.add(name);
        ws = context.workbook.worksheets.add(name);
      }
      writeRows(ws, p.rows, p.widths, p.role === 'results' ? content.findings : undefined);
      written.push({ role: p.role, ws: ws.load('id,name') });
    }
    // A sheet of an earlier run that is not wanted now is ours to remove.
    for (const role of ['narrative', 'results'] as const) if (ids[role] && !plan.some((p) => p.role === role)) context.workbook.worksheets.getItem(ids[role]!).delete();
    await context.sync();
    const next: Ids = {};
    for (const w of written) next[w.role] = w.ws.id;
    context.workbook.settings.add(SETTING, next);
    await context.sync();
    return written.map((w) => w.ws.name);
  });
}

/** The add-in's result sheets present now. 1 sync. */
export async function listResultSheets(api: ExcelApi): Promise<string[]> {
  return runBatch(api, '查找结果工作表', async (context) => {
    const { ids, names } = await ourSheets(context);
    return Object.values(ids).map((id) => names.get(id!)!);
  });
}

/** Deletes the add-in's result sheets (only those it wrote). 2 syncs. */
export async function deleteResultSheets(api: ExcelApi): Promise<string[]> {
  return runBatch(api, '删除结果工作表', async (context) => {
    const { ids, names } = await ourSheets(context);
    const gone = Object.values(ids).map((id) => names.get(id!)!);
    for (const id of Object.values(ids)) context.workbook.worksheets.getItem(id!).delete();
    context.workbook.settings.getItemOrNullObject(SETTING).delete();
    await context.sync();
    return gone;
  });
}

const LOOK: Record<RowStyle, { bold?: boolean; size?: number; fill?: string; wrap?: boolean; center?: boolean }> = {
  title: { bold: true, size: 16, center: true },
  meta: { size: 9 },
  heading1: { bold: true, size: 12 },
  heading2: { bold: true, size: 11 },
  para: { wrap: true },
  placeholder: { wrap: true, fill: '#FFFF00' },
  caption: { bold: true },
  thead: { bold: true, fill: '#D9E1F2', wrap: true },
  trow: { wrap: true },
};

/** Writes rows in one range (as text), then one format per row style over a multi-area range. */
function writeRows(ws: Excel.Worksheet, rows: readonly SheetRow[], widths: readonly number[], findings?: readonly Finding[]): void {
  const width = Math.max(1, ...rows.map((r) => r.values.length));
  const block = ws.getRangeByIndexes(0, 0, rows.length, width);
  block.numberFormat = rows.map(() => Array<string>(width).fill('@'));
  block.values = rows.map((r) => Array.from({ length: width }, (_, i) => asText(r.values[i] ?? '')));
  block.format.font.name = '宋体';
  block.format.font.size = 10;
  block.format.verticalAlignment = 'Top';
  widths.slice(0, width).forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * 6));
  const byStyle = new Map<RowStyle, string[]>();
  rows.forEach((r, i) => byStyle.set(r.style, [...(byStyle.get(r.style) ?? []), `A${i + 1}:${columnName(Math.max(0, r.values.length - 1))}${i + 1}`]));
  for (const [style, areas] of byStyle) {
    const look = LOOK[style];
    for (const address of joinAreas(areas)) {
      const r = ws.getRanges(address);
      if (look.bold) r.format.font.bold = true;
      if (look.size) r.format.font.size = look.size;
      if (look.fill) r.format.fill.color = look.fill;
      if (look.wrap) r.format.wrapText = true;
      if (look.center) r.format.horizontalAlignment = 'Center';
    }
  }
  if (findings) {
    ws.freezePanes.freezeRows(1);
    const bySeverity = new Map<Severity, string[]>();
    findings.forEach((f, i) => {
      bySeverity.set(f.severity, [...(bySeverity.get(f.severity) ?? []), `A${i + 2}`]);
      const target = f.cells[0] ? splitCellRef(f.cells[0], f.sheet) : undefined;
      if (target) ws.getRangeByIndexes(i + 1, 3, 1, 1).hyperlink = { documentReference: qualified(target.sheet, target.cell), textToDisplay: f.cells.join('、'), screenTip: `转到 ${target.sheet}!${target.cell}` };
    });
    for (const [severity, cells] of bySeverity) for (const address of joinAreas(cellAreas(cells))) ws.getRanges(address).format.fill.color = MARK_COLORS[severity].fill;
  }
}
