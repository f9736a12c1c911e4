/** One row of numbered columns (公开09 三公). */
import { CellRef, RecognizedTable, TableRow } from '../model';
import { SingleRowTemplate } from '../templates/types';
import { Reader, Region, columnNumbers, columnsInfo, findColumnNumberRow, headerTexts, isNoteRow, isNumberLike, mapColumns, readFigure, structureFinding, tableOf, unitOf } from './region';

export function readSingleRowTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as SingleRowTemplate;
  const { sheet, width } = region;
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  const colNoRow = findColumnNumberRow(sheet, region.titleRow + 1, Math.min(region.titleRow + 12, region.end), width);
  let headerEnd = colNoRow !== undefined ? colNoRow - 1 : region.end;
  let dataRow: number | undefined;
  for (let r = (colNoRow ?? region.titleRow) + 1; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    let numeric = false;
    for (let c = 0; c < width; c++) if (isNumberLike(sheet.rows[r]?.[c])) numeric = true;
    if (numeric) {
      dataRow = r;
      break;
    }
  }
  if (colNoRow === undefined) headerEnd = (dataRow ?? region.end + 1) - 1;
  const headers = headerTexts(sheet, region.titleRow + 1, headerEnd, width);
  const candidates = Array.from({ length: width }, (_, c) => c);
  const colMap = mapColumns(tpl.columns, headers, columnNumbers(sheet, colNoRow, width), candidates);
  if (colMap.size < tpl.columns.length / 2) {
    structureFinding(rd, region, '未能识别预算数、决算数各栏');
    return undefined;
  }
  const rows: TableRow[] = [];
  const r = dataRow ?? (colNoRow !== undefined ? colNoRow + 1 : headerEnd + 1);
  const cells: Record<string, CellRef> = {};
  for (const [k, c] of colMap) cells[k] = readFigure(rd, region, unit, r, c);
  rows.push({ key: '合计', name: '合计', cells });
  return tableOf(region, r, unit, columnsInfo(colMap, headers, tpl.columns), rows);
}
