/**
 * What every table reader shares: the region a title opens, the header block (unit line, 栏次
 * row, header texts), column mapping, and reading a cell as a figure with bad input reported.
 */
import { Finding } from '../findings';
import { GridCell, Sheet, cellAddress, cellText, isCellError, rangeAddress } from '../grid';
import { DocumentKind, tableLabel } from '../kinds';
import { CellRef, RecognizedTable, TableRow, Unit } from '../model';
import { Figure, blankFigure, parseAmount, yuanToWan } from '../money';
import { ColumnDef, TableTemplate } from '../templates/types';
import { compact } from './text';

/** Lines around a header that are not column headers: unit, department, table number. */
export const NOT_HEADER = /^(金额)?单位[:：]|^部门[:：]|^(公开)?\d{1,2}表$|^\(?汇总\)?$/;

/** Header words that mark a row as part of the header even when it also holds 合计. */
export const HEADER_WORDS = /名称|编码|^栏次$|^项目$|^行次?$/;

/** Header text of every column over rows [from, to], with merged cells repeating their text. */
export function headerTexts(sheet: Sheet, from: number, to: number, width: number): string[] {
  const texts: string[] = new Array(width).fill('');
  const mergeText = new Map<string, string>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom < from || m.top > to) continue;
    const t = cellText(sheet.rows[m.top]?.[m.left]);
    for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, to); r++)
      for (let c = m.left; c <= m.right; c++) mergeText.set(`${r},${c}`, t);
  }
  for (let r = from; r <= to; r++) {
    for (let c = 0; c < width; c++) {
      const own = cellText(sheet.rows[r]?.[c]);
      let t = own || mergeText.get(`${r},${c}`) || '';
      if (NOT_HEADER.test(compact(t))) t = '';
      // A vertical merge repeats its text on every row it spans: add it once.
      if (t && !texts[c].endsWith(compact(t))) texts[c] += compact(t);
    }
  }
  return texts;
}

export function isNumberLike(cell: GridCell | undefined): boolean {
  if (!cell) return false;
  if (typeof cell.value === 'number') return true;
  if (isCellError(cell.value)) return true;
  if (typeof cell.value === 'string') return /\d/.test(cell.value) && parseAmount(cell).kind === 'amount';
  return cell.formula !== undefined;
}

export function intOf(cell: GridCell | undefined): number | undefined {
  const t = compact(cellText(cell));
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

/** The 栏次 row: a row labelled 栏次, or holding 1, 2, 3 … in increasing order. */
export function findColumnNumberRow(sheet: Sheet, from: number, to: number, width: number): number | undefined {
  for (let r = from; r <= to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let labelled = false;
    const nums: number[] = [];
    let other = 0;
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(row[c]));
      if (!t) continue;
      if (t === '栏次') labelled = true;
      else if (/^\d{1,2}$/.test(t)) nums.push(Number(t));
      else other++;
    }
    const increasing = nums.length >= 2 && nums.every((n, i) => i === 0 || n > nums[i - 1]) && nums[0] <= 2;
    if ((labelled && nums.length >= 1) || (increasing && nums.length >= 3 && other <= 3 && nums.includes(1) && nums.includes(2))) return r;
  }
  return undefined;
}

export interface Region {
  sheet: Sheet;
  template: TableTemplate;
  title: string;
  titleRow: number;
  titleCol: number;
  year?: number;
  /** Last row (inclusive) that belongs to the table. */
  end: number;
  width: number;
}

export interface Reader {
  kinds: readonly DocumentKind[];
  findings: Finding[];
}

export function label(rd: Reader, t: TableTemplate): string {
  return tableLabel(t.id, rd.kinds);
}

export function unitOf(sheet: Sheet, from: number, to: number, width: number): Unit {
  for (let r = from; r <= to; r++) {
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(sheet.rows[r]?.[c]));
      const m = /单位[:：]?(万元|元)/.exec(t);
      if (m) return m[1] as Unit;
    }
  }
  return '万元';
}

export function isNoteRow(sheet: Sheet, r: number, width: number): boolean {
  for (let c = 0; c < Math.min(width, 6); c++) {
    const t = compact(cellText(sheet.rows[r]?.[c]));
    if (t) return /^(注|说明)[:：]/.test(t) || /^注\d?[:：.、]/.test(t);
  }
  return false;
}

/** A cell reference whose A1 address is spelled out only when someone asks for it. */
class LazyCellRef implements CellRef {
  constructor(
    readonly sheet: string,
    private readonly r: number,
    private readonly c: number,
    readonly figure: Figure,
    readonly invalid?: string,
  ) {}
  get address(): string {
    return cellAddress(this.r, this.c);
  }
  toJSON(): CellRef {
    return { sheet: this.sheet, address: this.address, figure: this.figure, ...(this.invalid ? { invalid: this.invalid } : {}) };
  }
}

/**
 * Reads one cell as a figure in 万元, recording bad input as a finding. `defaultDecimals` is the
 * precision of a General-format number (scores of 绩效 forms are whole points: 0).
 */
export function readFigure(rd: Reader, region: Region, unit: Unit, r: number, c: number, defaultDecimals = 2): CellRef {
  const cell = region.sheet.rows[r]?.[c];
  const sheet = region.sheet.name;
  if (cell && cell.formula !== undefined && (cell.value === null || cell.value === undefined)) {
    const reason = '公式没有缓存的计算结果（请在 Excel 中重新计算并保存）';
    inputFinding(rd, region, cellAddress(r, c), reason);
    return new LazyCellRef(sheet, r, c, BLANK, reason);
  }
  const p = parseAmount(cell, defaultDecimals);
  if (p.kind === 'blank') return new LazyCellRef(sheet, r, c, BLANK);
  if (p.kind === 'invalid') {
    inputFinding(rd, region, cellAddress(r, c), p.reason);
    return new LazyCellRef(sheet, r, c, BLANK, p.reason);
  }
  const f: Figure = (p.unit ?? unit) === '元' ? yuanToWan(p.figure) : p.figure;
  return new LazyCellRef(sheet, r, c, f);
}

/** One shared exact zero for every blank cell. */
const BLANK: Figure = Object.freeze(blankFigure());

export function inputFinding(rd: Reader, region: Region, address: string, reason: string): void {
  rd.findings.push({
    severity: 'error',
    rule: '输入.金额无效',
    table: region.template.id,
    sheet: region.sheet.name,
    cells: [address],
    message: `${label(rd, region.template)}（工作表“${region.sheet.name}”）${address}：${reason}，该单元格不参与校验。`,
  });
}

export function structureFinding(rd: Reader, region: Region, what: string): void {
  rd.findings.push({
    severity: 'error',
    rule: '识别.表头',
    table: region.template.id,
    sheet: region.sheet.name,
    cells: [cellAddress(region.titleRow, region.titleCol)],
    message: `${label(rd, region.template)}：在工作表“${region.sheet.name}”${cellAddress(region.titleRow, region.titleCol)} 找到标题，但${what}，该表未校验。`,
  });
}

/** Maps amount columns to template columns: by 栏次 number first, then by header text. */
export function mapColumns(defs: readonly ColumnDef[], headers: string[], colNumbers: Map<number, number>, candidates: number[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const d of defs) {
    for (const c of candidates) {
      if (!used.has(c) && colNumbers.get(c) === Number(d.key)) {
        out.set(d.key, c);
        used.add(c);
        break;
      }
    }
  }
  for (const d of defs) {
    if (out.has(d.key)) continue;
    const names = [d.header, ...(d.aliases ?? [])].map(compact);
    const group = d.group ? compact(d.group) : undefined;
    const fits = (c: number) => names.some((n) => headers[c].endsWith(n)) && (!group || headers[c].includes(group) || !defs.some((o) => o !== d && o.header === d.header));
    const c = candidates.find((cc) => !used.has(cc) && fits(cc));
    if (c !== undefined) {
      out.set(d.key, c);
      used.add(c);
    }
  }
  return out;
}

export function columnNumbers(sheet: Sheet, row: number | undefined, width: number): Map<number, number> {
  const m = new Map<number, number>();
  if (row === undefined) return m;
  for (let c = 0; c < width; c++) {
    const n = intOf(sheet.rows[row]?.[c]);
    if (n !== undefined) m.set(c, n);
  }
  return m;
}

/** First data row: after the 栏次 row, or the first row holding a number, a code or 合计. */
export function findDataStart(region: Region, colNoRow: number | undefined): number {
  if (colNoRow !== undefined) return colNoRow + 1;
  const { sheet, titleRow, end, width } = region;
  for (let r = titleRow + 1; r <= end; r++) {
    let header = false;
    for (let c = 0; c < width && !header; c++) header = HEADER_WORDS.test(compact(cellText(sheet.rows[r]?.[c])));
    if (header) continue;
    for (let c = 0; c < width; c++) {
      const cell = sheet.rows[r]?.[c];
      const t = compact(cellText(cell));
      if (t === '合计' || t === '总计') return r;
      if (typeof cell?.value === 'number' && r > titleRow + 1) return r;
      if (/^\d{3}(\d{2}){0,2}$/.test(t) && r > titleRow + 2) return r;
    }
  }
  return end + 1;
}

/** Unit line, 栏次 row, first data row and column headers of a table with a header block. */
export function headerLayout(region: Region) {
  const { sheet, width } = region;
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  const colNoRow = findColumnNumberRow(sheet, region.titleRow + 1, Math.min(region.titleRow + 12, region.end), width);
  const dataStart = findDataStart(region, colNoRow);
  const headers = headerTexts(sheet, region.titleRow + 1, (colNoRow ?? dataStart) - 1, width);
  return { unit, colNoRow, dataStart, headers, colNos: columnNumbers(sheet, colNoRow, width) };
}

export function tableOf(region: Region, lastRow: number, unit: Unit, columns: RecognizedTable['columns'], rows: TableRow[]): RecognizedTable {
  return { id: region.template.id, title: region.title, sheet: region.sheet.name, range: tableRange(region, lastRow), unit, year: region.year, columns, rows };
}

export function tableRange(region: Region, lastRow: number): string {
  return rangeAddress(region.titleRow, 0, Math.max(lastRow, region.titleRow), Math.max(region.width - 1, 0));
}

export function columnsInfo(defs: Map<string, number>, headers: string[], all: readonly ColumnDef[]): RecognizedTable['columns'] {
  return all
    .filter((d) => defs.has(d.key))
    .map((d) => ({ key: d.key, header: headers[defs.get(d.key)!] || d.header, column: cellAddress(0, defs.get(d.key)!).replace(/\d+$/, '') }));
}
