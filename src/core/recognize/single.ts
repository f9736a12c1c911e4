/**
 * One row of amount columns (公开09 三公): 预算数 and 决算数 either as two blocks or alternating
 * under each item — the columns are placed by their header words in any order.
 */
import { CellRef, RecognizedTable, TableRow } from '../model';
import { SingleRowTemplate } from '../templates/types';
import { Reader, Region, blankCell, columnLayout, columnsInfo, headerText, isNoteRow, isNumberLike, layoutOf, mapColumns, readFigure, readHeader, structureFinding, tableOf } from './region';

export function readSingleRowTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as SingleRowTemplate;
  const { sheet, width } = region;
  const header = readHeader(region);
  const { unit } = header;
  let dataRow: number | undefined;
  for (let r = header.dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    let numeric = false;
    for (let c = 0; c < width && !numeric; c++) numeric = isNumberLike(sheet.rows[r]?.[c]);
    if (numeric) {
      dataRow = r;
      break;
    }
  }
  const candidates = Array.from({ length: width }, (_, c) => c);
  const mapping = mapColumns(tpl.columns, header, candidates, rd.vocabulary(tpl));
  if (mapping.columns.size < tpl.columns.length / 2) {
    structureFinding(rd, region, `未能识别预算数、决算数各栏（表头为：${candidates.map((c) => headerText(header, c)).filter(Boolean).slice(0, 6).join('、') || '无'}）`);
    return undefined;
  }
  // No figure at all (本表无数据): the row under the header is blank, whatever note follows it.
  const r = dataRow ?? header.to + 1;
  const cells: Record<string, CellRef> = {};
  for (const [k, c] of mapping.columns) cells[k] = dataRow === undefined ? blankCell(region, r, c) : readFigure(rd, region, unit, r, c);
  const rows: TableRow[] = [{ key: '合计', name: '合计', cells }];
  const layout = layoutOf(region, header, {
    columns: columnLayout(mapping, header, tpl.columns),
    codeColumns: [],
    nameColumns: [],
    firstDataRow: r + 1,
    lastDataRow: r + 1,
    unplaced: [],
  });
  return tableOf(region, r, unit, columnsInfo(mapping, header, tpl.columns), rows, layout);
}
