/**
 * Tables of named items under group rows (收入总表 by unit, 项目支出表, 政府采购预算表, the 绩效
 * 汇总表): key columns and amount columns by header words, a 合计 row, group rows by their code
 * (nesting by the order in which code lengths first appear: 143 → 143001 → 31), item rows by
 * the column only items fill.
 */
import { cellAddress } from '../grid';
import { ItemDetail, ItemsTable, TextCell } from '../form-model';
import { CellRef, TableRow } from '../model';
import { Figure } from '../money';
import { ItemsTemplate } from '../templates/types';
import { LabelledCells, matchColumns, splitPoints } from './labels';
import { Reader, Region, columnsInfo, headerTexts, isNoteRow, isNumberLike, mapColumns, readFigure, structureFinding, tableRange, unitOf } from './region';

const TOTAL = /^(合计|总计)$/;

/**
 * The header block: the rows under the title that hold at least two of the table's header words
 * and no figure (a 合计 header must not be taken for the 合计 row), then the data.
 */
function itemsHeader(region: Region, tpl: ItemsTemplate) {
  const { sheet, width } = region;
  const words = [...tpl.keys, ...tpl.columns].map((d) => ({ ...d, group: undefined }));
  let start = -1;
  let end = -1;
  for (let r = region.titleRow + 1; r <= Math.min(region.titleRow + 12, region.end); r++) {
    const texts = headerTexts(sheet, r, r, width);
    let numeric = false;
    for (let c = 0; c < width && !numeric; c++) numeric = isNumberLike(sheet.rows[r]?.[c]);
    if (!numeric && matchColumns(words, texts).size >= 2) {
      if (start < 0) start = r;
      end = r;
    } else if (start >= 0) break;
  }
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  if (start < 0) return { unit, dataStart: region.end + 1, headers: new Array<string>(width).fill('') };
  return { unit, dataStart: end + 1, headers: headerTexts(sheet, start, end, width) };
}

export function readItemsTable(rd: Reader, region: Region): ItemsTable | undefined {
  const tpl = region.template as ItemsTemplate;
  const { sheet, width } = region;
  const { unit, dataStart, headers: raw } = itemsHeader(region, tpl);
  // Score headers print their weight (产出指标(20分)): match without it, keep it.
  const headerWeights: Record<string, Figure> = {};
  const headers = raw.map((h) => (h ? splitPoints(h).label : h));
  const keyCols = matchColumns(tpl.keys, headers);
  const candidates: number[] = [];
  for (let c = 0; c < width; c++) if (![...keyCols.values()].includes(c)) candidates.push(c);
  const colMap = mapColumns(tpl.columns, headers, new Map(), candidates);
  if (colMap.size < Math.min(2, tpl.columns.length)) {
    structureFinding(rd, region, '未能识别金额栏目（表头）');
    return undefined;
  }
  for (const [k, c] of colMap) {
    const p = splitPoints(raw[c]).points;
    if (p) headerWeights[k] = p;
  }
  const lc = new LabelledCells(sheet, region.titleRow, region.end, width);
  const rows: TableRow[] = [];
  const details: ItemDetail[] = [];
  const lengthRank: number[] = [];
  const keys = new Set<string>();
  let lastRow = dataStart;
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    const texts: Record<string, TextCell> = {};
    for (const [k, c] of keyCols) if (lc.own(r, c) !== '') texts[k] = lc.textCell(r, c);
    let hasAmount = false;
    for (const c of colMap.values()) if (lc.own(r, c) !== '') hasAmount = true;
    if (!Object.keys(texts).length) {
      // A row of figures without any name: the 合计 when it comes first (项目支出表), else a blank line.
      let nonZero = false;
      for (const c of colMap.values()) nonZero ||= isNumberLike(sheet.rows[r]?.[c]) && !/^0*(\.0*)?$/.test(lc.own(r, c));
      if (rows.length || !nonZero) continue;
    }
    const words = Object.values(texts).map((t) => t.text.replace(/\s+/g, ''));
    const code = texts.code && /^\d+$/.test(texts.code.text) ? texts.code.text : undefined;
    let kind: ItemDetail['kind'];
    if (words.some((w) => TOTAL.test(w)) || (!rows.length && !words.length)) kind = 'total';
    else if (tpl.itemWhen ? !!texts[tpl.itemWhen] : !code) kind = 'item';
    else kind = code ? 'group' : 'item';
    if (!hasAmount && kind === 'item') continue;
    let level = 0;
    if (kind === 'group' && code) {
      if (!lengthRank.includes(code.length)) lengthRank.push(code.length);
      level = lengthRank.indexOf(code.length);
    }
    const name = texts.name?.text ?? texts[tpl.itemWhen ?? 'name']?.text ?? code ?? '';
    let key = kind === 'total' ? '合计' : kind === 'group' ? code! : (tpl.itemWhen && texts[tpl.itemWhen]?.text) || code || name || cellAddress(r, 0);
    key = key.replace(/\s+/g, '');
    if (keys.has(key)) key = `${key}@${cellAddress(r, 0)}`;
    keys.add(key);
    const cells: Record<string, CellRef> = {};
    for (const [k, c] of colMap) cells[k] = tpl.scores?.includes(k) ? readFigure(rd, region, '万元', r, c, 0) : readFigure(rd, region, unit, r, c);
    rows.push({ key, code, name: name.replace(/\s+/g, ''), cells });
    details.push({ kind, level, texts });
    lastRow = r;
  }
  // Without an item column, the deepest rows are the items (收入总表: 143 → 143001).
  if (!tpl.itemWhen) {
    details.forEach((d, i) => {
      if (d.kind !== 'group') return;
      const next = details[i + 1];
      if (!next || next.kind !== 'group' || next.level <= d.level) d.kind = 'item';
    });
  }
  return {
    id: tpl.id,
    title: region.title,
    sheet: sheet.name,
    range: tableRange(region, lastRow),
    unit,
    year: region.year,
    columns: columnsInfo(colMap, raw, tpl.columns),
    rows,
    details,
    headerWeights,
  };
}
