/** Tables keyed by 功能分类 code rows with amount columns (公开02, 03, 05, 07, 08). */
import { codeLevel } from '../codes';
import { GridCell, cellAddress, cellText, columnName } from '../grid';
import { CellRef, RecognizedTable, TableRow, UnplacedPart } from '../model';
import { CodesTemplate, ColumnDef } from '../templates/types';
import {
  CODE_TEXT,
  HeaderBlock,
  Reader,
  Region,
  columnLayout,
  columnsInfo,
  headerText,
  isEmptyTableRow,
  isLabelColumn,
  isNoteRow,
  label,
  layoutOf,
  notPrinted,
  mapColumns,
  readFigure,
  readHeader,
  structureFinding,
  tableOf,
} from './region';
import { compact } from './text';

/**
 * The code columns: one (编码 / 类款项) or three (类 | 款 | 项), and the name column. The
 * 类 | 款 | 项 captions may sit in the header, in the 栏次 row, or on the 合计 row itself.
 */
function codeColumns(header: HeaderBlock, width: number, firstRow: readonly (GridCell | undefined)[] | undefined): { codeCols: number[]; nameCol: number } {
  const last = (c: number) => header.tokens[c]?.[header.tokens[c].length - 1] ?? '';
  const onFirstRow = (c: number) => compact(cellText(firstRow?.[c]));
  let codeCols: number[] = [];
  for (let c = 0; c + 2 < width; c++) {
    const split = (at: (c: number) => string) => /类$/.test(at(c)) && /款$/.test(at(c + 1)) && /项$/.test(at(c + 2)) && !/款/.test(at(c));
    if (split(last) || split(onFirstRow)) {
      codeCols = [c, c + 1, c + 2];
      break;
    }
  }
  // 经济分类 codes split over 类 | 款 (上海's 一般公共预算基本支出表).
  for (let c = 0; !codeCols.length && c + 1 < width; c++) {
    const pair = (at: (c: number) => string) => /类$/.test(at(c)) && /款$/.test(at(c + 1)) && !/款/.test(at(c)) && !/项$/.test(at(c + 2));
    if (pair(last) || pair(onFirstRow)) codeCols = [c, c + 1];
  }
  if (!codeCols.length) {
    const c = header.tokens.findIndex((t) => t.some((x) => /编码|类款项|功能分类|科目代码/.test(x)) && !t.some((x) => /名称/.test(x)));
    if (c >= 0) codeCols = [c];
  }
  let nameCol = header.tokens.findIndex((t, c) => t.some((x) => /名称/.test(x)) && !codeCols.includes(c));
  if (!codeCols.length) codeCols = [0];
  if (nameCol < 0) nameCol = codeCols[codeCols.length - 1] + 1;
  return { codeCols, nameCol };
}

/**
 * The code of a row whose code is split over 类 | 款 | 项: parts may repeat the parent's digits
 * (`201 | 03 | 50`), leave them blank (they repeat the row above), be merged down a block, or
 * print the whole code in the last part (`201 | 20103 | 2010350`).
 */
export function composeSplitCode(parts: readonly string[], above: readonly string[]): { code: string; filled: string[] } {
  // A 款 or 项 stored as a number loses its leading zero (03 → 3).
  const padded = parts.map((p, i) => (i > 0 && /^\d$/.test(p) ? `0${p}` : p));
  const filled = padded.map((p, i) => (p || (padded.slice(i + 1).some((q) => q) ? above[i] ?? '' : '')));
  let code = '';
  for (const p of filled) {
    if (!p) continue;
    if (p.length === 2 && code) code += p;
    else if (p.startsWith(code) || !code) code = p;
    else code += p;
  }
  return { code, filled };
}

/** The columns the table is printed with: a variant's when the title named one. */
function columnsOf(tpl: CodesTemplate, variant: string | undefined): readonly ColumnDef[] {
  return (variant && tpl.variants?.find((v) => v.name === variant)?.columns) || tpl.columns;
}

export function readCodesTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as CodesTemplate;
  const defs = columnsOf(tpl, region.variant);
  const { sheet, width } = region;
  const header = readHeader(region);
  const { unit, dataStart } = header;
  const { codeCols, nameCol } = codeColumns(header, width, sheet.rows[dataStart]);
  const candidates: number[] = [];
  for (let c = nameCol + 1; c < width; c++) candidates.push(c);
  const mapping = mapColumns(defs, header, candidates, rd.vocabulary(tpl));
  const colMap = mapping.columns;
  if (colMap.size < Math.min(2, defs.length)) {
    structureFinding(rd, region, `未能识别金额栏目（表头为：${candidates.map((c) => headerText(header, c)).filter(Boolean).slice(0, 6).join('、') || '无'}）`);
    return undefined;
  }
  // Columns with header words that name no template column: figures there are left out.
  const unplaced: UnplacedPart[] = [];
  const mapped = new Set(colMap.values());
  const strayCols = candidates.filter((c) => !mapped.has(c) && header.tokens[c]?.length && !isLabelColumn(header.tokens[c]));

  const rows: TableRow[] = [];
  const amountCols = [...colMap.values()];
  const amountKeys = [...colMap.keys()];
  let lastRow = dataStart - 1;
  let firstRow: number | undefined;
  let above: string[] = [];
  // Codes are at most 7 digits: a number key (value·10 + length) hashes far faster than the text.
  const seenCodes = new Map<number, number>();
  const codeKey = (code: string) => Number(code) * 10 + code.length;
  const straysWithFigures = new Set<number>();
  for (let r = dataStart; r <= region.end; r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    const nameText = compact(cellText(line[nameCol]));
    let codeText: string;
    if (codeCols.length > 1) {
      const parts = codeCols.map((c) => compact(cellText(line[c])));
      if (parts.some((p) => /^\d+$/.test(p))) {
        const composed = composeSplitCode(parts, above);
        codeText = composed.code;
        above = composed.filled;
      } else codeText = parts.join('');
    } else {
      codeText = compact(cellText(line[codeCols[0]]));
    }
    // Only a row without a code can be the note or the 本表无数据 line that ends the table.
    const isDigits = /^\d+$/.test(codeText);
    if (!isDigits && (isNoteRow(sheet, r, width) || isEmptyTableRow(sheet, r, width))) break;
    let hasAmount = false;
    for (let i = 0; i < amountCols.length && !hasAmount; i++) {
      const cell = line[amountCols[i]];
      hasAmount = cell !== undefined && cell.value !== null && cell.value !== '';
    }
    let key: string;
    let code: string | undefined;
    if (nameText === '合计' || nameText === '总计' || (!isDigits && /合计|总计/.test(codeText + nameText))) {
      key = '合计';
    } else if (isDigits) {
      const codeCell = (): string => cellAddress(r, codeCols[0]);
      if (!CODE_TEXT.test(codeText) || !codeLevel(codeText, 'functional')) {
        rd.findings.push({
          severity: 'error',
          rule: '编码.位数',
          table: tpl.id,
          sheet: sheet.name,
          cells: [codeCell()],
          message: `${label(rd, tpl)} ${codeCell()}：科目编码“${codeText}”位数不对（功能分类应为3位类、5位款或7位项），该行不参与科目汇总校验。`,
        });
        key = `?${codeCell()}`;
      } else if (seenCodes.has(codeKey(codeText))) {
        rd.findings.push({
          severity: 'error',
          rule: '编码.重复',
          table: tpl.id,
          sheet: sheet.name,
          cells: [codeCell()],
          message: `${label(rd, tpl)} ${codeCell()}：科目编码“${codeText}”重复出现（首次在 ${cellAddress(seenCodes.get(codeKey(codeText))!, codeCols[0])}），该行不参与科目汇总校验。`,
        });
        key = `?${codeCell()}`;
      } else {
        key = code = codeText;
        seenCodes.set(codeKey(codeText), r);
      }
    } else if (hasAmount) {
      key = `?${cellAddress(r, nameCol)}`;
    } else {
      continue;
    }
    for (let i = 0; i < strayCols.length; i++) {
      const v = line[strayCols[i]]?.value;
      if (typeof v === 'number' && v !== 0) straysWithFigures.add(strayCols[i]);
    }
    const cells: Record<string, CellRef> = {};
    for (let i = 0; i < amountCols.length; i++)
      cells[amountKeys[i]] =
        r === dataStart && header.wordsOnTotalRow.has(amountCols[i])
          ? notPrinted(region, r, amountCols[i])
          : readFigure(rd, region, unit, r, amountCols[i]);
    rows.push({ key, code, name: nameText || codeText, cells });
    firstRow ??= r;
    lastRow = r;
  }
  for (const c of straysWithFigures) unplaced.push({ kind: 'column', cell: cellAddress(header.to >= header.from ? header.to : dataStart, c), text: headerText(header, c) });
  const layout = layoutOf(region, header, {
    columns: columnLayout(mapping, header, defs),
    codeColumns: codeCols.map(columnName),
    nameColumns: [columnName(nameCol)],
    firstDataRow: firstRow !== undefined ? firstRow + 1 : undefined,
    lastDataRow: firstRow !== undefined ? lastRow + 1 : undefined,
    unplaced,
  });
  return tableOf(region, Math.max(lastRow, header.to), unit, columnsInfo(mapping, header, defs), rows, layout);
}
