/** Tables keyed by 功能分类 code rows with amount columns (公开02, 03, 05, 07, 08). */
import { codeLevel } from '../codes';
import { cellAddress, cellText } from '../grid';
import { CellRef, RecognizedTable, TableRow } from '../model';
import { CodesTemplate } from '../templates/types';
import { Reader, Region, columnsInfo, headerLayout, isNoteRow, label, mapColumns, readFigure, structureFinding, tableOf } from './region';
import { compact } from './text';

export function readCodesTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as CodesTemplate;
  const { sheet, width } = region;
  const { unit, colNoRow, dataStart, headers, colNos } = headerLayout(region);
  // Code columns: one (编码 / 类款项) or three (类 | 款 | 项).
  let codeCols: number[] = [];
  const withColNo = colNoRow === undefined ? headers : headers.map((h, c) => h + compact(cellText(sheet.rows[colNoRow]?.[c])));
  for (let c = 0; c + 2 < width; c++) {
    if (/类$/.test(withColNo[c]) && /款$/.test(withColNo[c + 1]) && /项$/.test(withColNo[c + 2])) {
      codeCols = [c, c + 1, c + 2];
      break;
    }
  }
  if (!codeCols.length) {
    const c = headers.findIndex((h) => /编码|类款项|功能分类/.test(h) && !/名称/.test(h));
    if (c >= 0) codeCols = [c];
  }
  let nameCol = headers.findIndex((h, c) => /名称/.test(h) && !codeCols.includes(c));
  if (!codeCols.length) codeCols = [0];
  if (nameCol < 0) nameCol = codeCols[codeCols.length - 1] + 1;
  const candidates: number[] = [];
  for (let c = nameCol + 1; c < width; c++) candidates.push(c);
  const colMap = mapColumns(tpl.columns, headers, colNos, candidates);
  if (colMap.size < Math.min(2, tpl.columns.length)) {
    structureFinding(rd, region, '未能识别金额栏目（表头或栏次）');
    return undefined;
  }
  const rows: TableRow[] = [];
  const amountCols = [...colMap.values()];
  let lastRow = dataStart;
  let prefix = ['', '', ''];
  const seenCodes = new Map<string, number>();
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    const nameText = compact(cellText(sheet.rows[r]?.[nameCol]));
    let codeText = '';
    if (codeCols.length === 3) {
      const parts = codeCols.map((c) => compact(cellText(sheet.rows[r]?.[c])));
      if (parts.some((p) => /^\d+$/.test(p))) {
        // Split codes: a 款 or 项 row may leave the parent parts blank (they repeat the row above).
        const filled = parts.map((p, i) => (p || (parts.slice(i + 1).some((q) => q) ? prefix[i] : '')));
        codeText = filled.join('');
        prefix = filled;
      } else codeText = parts.join('');
    } else {
      codeText = compact(cellText(sheet.rows[r]?.[codeCols[0]]));
    }
    let hasAmount = false;
    for (const c of amountCols) {
      const cell = sheet.rows[r]?.[c];
      if (cell && cell.value !== null && cell.value !== '') hasAmount = true;
    }
    let key: string;
    let code: string | undefined;
    if (nameText === '合计' || nameText === '总计' || (!/^\d+$/.test(codeText) && /合计|总计/.test(codeText + nameText))) {
      key = '合计';
    } else if (/^\d+$/.test(codeText)) {
      if (codeLevel(codeText, 'functional') && seenCodes.has(codeText)) {
        rd.findings.push({
          severity: 'error',
          rule: '编码.重复',
          table: tpl.id,
          sheet: sheet.name,
          cells: [cellAddress(r, codeCols[0])],
          message: `${label(rd, tpl)} ${cellAddress(r, codeCols[0])}：科目编码“${codeText}”重复出现（首次在 ${cellAddress(seenCodes.get(codeText)!, codeCols[0])}），该行不参与科目汇总校验。`,
        });
        key = `?${cellAddress(r, codeCols[0])}`;
      } else if (codeLevel(codeText, 'functional')) {
        key = code = codeText;
        seenCodes.set(codeText, r);
      } else {
        rd.findings.push({
          severity: 'error',
          rule: '编码.位数',
          table: tpl.id,
          sheet: sheet.name,
          cells: [cellAddress(r, codeCols[0])],
          message: `${label(rd, tpl)} ${cellAddress(r, codeCols[0])}：科目编码“${codeText}”位数不对（功能分类应为3位类、5位款或7位项），该行不参与科目汇总校验。`,
        });
        key = `?${cellAddress(r, codeCols[0])}`;
      }
    } else if (hasAmount) {
      key = `?${cellAddress(r, nameCol)}`;
    } else {
      continue;
    }
    const cells: Record<string, CellRef> = {};
    for (const [k, c] of colMap) cells[k] = readFigure(rd, region, unit, r, c);
    rows.push({ key, code, name: nameText || codeText, cells });
    lastRow = r;
  }
  return tableOf(region, lastRow, unit, columnsInfo(colMap, headers, tpl.columns), rows);
}
