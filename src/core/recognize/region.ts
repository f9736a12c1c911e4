/**
 * What every table reader shares: the region a title opens, the header block (unit line, 栏次
 * row, header texts per column), mapping columns to template columns by their header words,
 * and reading a cell as a figure with bad input reported.
 */
import { Finding } from '../findings';
import { GridCell, MergeRange, Sheet, cellAddress, cellText, columnName, isCellError, rangeAddress } from '../grid';
import { DocumentKind, tableLabel } from '../kinds';
import { CellRef, RecognizedTable, TableLayout, TableRow, Unit } from '../model';
import Decimal from 'decimal.js';
import { Figure, blankFigure, decimalsFromFormat, exactMicros, microsToDecimal, parseAmount, shownDecimals, shownMicros, yuanToWan } from '../money';
import { ColumnDef, HeaderVocabulary, TableTemplate } from '../templates/types';
import { compact, stripNumbering } from './text';

/** Lines around a header that are not column headers: unit, department, table number, year. */
const META_LINE = /^(金额)?单位[:：]|^(编制)?(部门|单位)(名称)?[:：]|^(公开|附)?\d{1,2}表$|^\(?汇总\)?$|^(附表|表)\d{1,2}$|^\d{4}年度?$|^公开日期/;

/** Header words that name the row-label columns (never amounts). */
const LABEL_WORDS = /^(项目|行次?|栏次|科目名称|名称|科目编码|编码|功能分类科目编码|经济分类科目编码|类|款|项|类款项|科目|支出功能分类科目|单位名称)$/;

/** A subject code as printed: 3, 5 or 7 digits. */
export const CODE_TEXT = /^\d{3}(\d{2}){0,2}$/;

/** Text that says a table is empty on purpose. */
const EMPTY_TABLE = /本(表|单位|部门)(无|没有)|无(数据|此项|相关数据|发生数)|本表为空|空表/;

export interface Region {
  sheet: Sheet;
  template: TableTemplate;
  title: string;
  titleRow: number;
  titleCol: number;
  year?: number;
  /** The variant the title named (公开08 printed as a 收入支出 table), when not the standard one. */
  variant?: string;
  /** Last row (inclusive) that belongs to the table. */
  end: number;
  width: number;
}

export interface Reader {
  kinds: readonly DocumentKind[];
  findings: Finding[];
  /** Header words to skip, by the kind the table belongs to. */
  vocabulary(t: TableTemplate): HeaderVocabulary;
}

export function label(rd: Reader, t: TableTemplate): string {
  return tableLabel(t.id, rd.kinds);
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
function findColumnNumberRow(sheet: Sheet, from: number, to: number, width: number): number | undefined {
  for (let r = from; r <= to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let labelled = false;
    const nums: number[] = [];
    let other = 0;
    for (let c = 0; c < Math.min(width, row.length); c++) {
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

export function unitOf(sheet: Sheet, from: number, to: number, width: number): Unit {
  for (let r = from; r <= to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(width, row.length); c++) {
      const t = compact(cellText(row[c]));
      const m = /单位[:：]?(万元|元)/.exec(t);
      if (m) return m[1] as Unit;
    }
  }
  return '万元';
}

export function isNoteRow(sheet: Sheet, r: number, width: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (let c = 0; c < Math.min(width, 6, row.length); c++) {
    const t = compact(cellText(row[c]));
    if (t) return /^(注|说明|备注)[:：]/.test(t) || /^注\d?[:：.、]/.test(t);
  }
  return false;
}

/** True when the row says the table is empty on purpose (本表无数据, 本单位无…). */
export function isEmptyTableRow(sheet: Sheet, r: number, width: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const t = compact(cellText(row[c]));
    if (t && EMPTY_TABLE.test(t)) return true;
  }
  return false;
}

/** The merged ranges of a sheet that touch rows [from, to], read once per table. */
export function mergesIn(sheet: Sheet, from: number, to: number): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of sheet.merges ?? []) if (m.bottom >= from && m.top <= to) out.push(m);
  return out;
}

// ───────────────────────── header block ─────────────────────────

export interface HeaderBlock {
  unit: Unit;
  /** First and last header rows (0-based, inclusive); `to < from` when none was printed. */
  from: number;
  to: number;
  colNoRow?: number;
  /** The first row after the header (a data row, a note, or the end of the table). */
  dataStart: number;
  /** Per column: header texts top to bottom (merged cells repeat their text, meta lines dropped). */
  tokens: string[][];
  /** 栏次 numbers by column. */
  colNos: Map<number, number>;
  /**
   * Columns whose cell on the first data row is a header word: 合计 printed on the last header
   * row, beside a sub-header (年初 | 本年收入 105.00 | 合计 | 基本支出 | 项目支出 | 年末). The words
   * are the columns' last header tokens; the 合计 row prints no figure there.
   */
  wordsOnTotalRow: Set<number>;
}

type RowKind = 'empty' | 'meta' | 'header' | 'data' | 'end';

/**
 * What a row just under a title is. Header rows hold only words; a data row holds a number,
 * a subject code, a numbered line name (一、…) or a name the table knows, or is a lone 合计.
 */
function rowKind(sheet: Sheet, r: number, width: number, isDataText: (t: string) => boolean): RowKind {
  const row = sheet.rows[r];
  if (!row) return 'empty';
  const texts: string[] = [];
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const cell = row[c];
    if (!cell || cell.value === null || cell.value === '') continue;
    if (typeof cell.value === 'number' || isCellError(cell.value) || (cell.formula !== undefined && typeof cell.value !== 'string')) return 'data';
    const t = compact(cellText(cell));
    if (!t) continue;
    texts.push(t);
  }
  if (!texts.length) return 'empty';
  if (/^(注|说明|备注)[:：\d.、]/.test(texts[0]) || texts.some((t) => EMPTY_TABLE.test(t))) return 'end';
  if (texts.every((t) => META_LINE.test(t) || /单位[:：]?(万元|元)$/.test(t))) return 'meta';
  for (const t of texts) {
    if (CODE_TEXT.test(t) || /^-?[\d,]+\.\d+$/.test(t)) return 'data';
    if (/^[一二三四五六七八九十]+、/.test(t) && !LABEL_WORDS.test(stripNumbering(t))) return 'data';
    if (isDataText(t)) return 'data';
  }
  if (texts.length === 1 && /^(合计|总计)$/.test(texts[0])) return 'data';
  return 'header';
}

/**
 * Reads the header block under a title: meta lines, header rows, the 栏次 row, and the texts
 * over every column. `isDataText` tells the first data row by a name the table knows.
 */
export function readHeader(region: Region, isDataText: (t: string) => boolean = () => false): HeaderBlock {
  const { sheet, width, titleRow, end } = region;
  const limit = Math.min(titleRow + 16, end);
  const unit = unitOf(sheet, titleRow, Math.min(titleRow + 5, end), width);
  const colNoRow = findColumnNumberRow(sheet, titleRow + 1, Math.min(titleRow + 14, end), width);
  let from = titleRow + 1;
  let dataStart = end + 1;
  let seenHeader = false;
  for (let r = titleRow + 1; r <= limit + 1 && r <= end; r++) {
    if (colNoRow !== undefined && r === colNoRow) {
      dataStart = r + 1;
      break;
    }
    const kind = rowKind(sheet, r, width, isDataText);
    if ((kind === 'meta' || kind === 'empty') && !seenHeader) {
      from = r + 1;
      continue;
    }
    if (kind === 'header' || kind === 'meta' || kind === 'empty') {
      seenHeader ||= kind === 'header';
      continue;
    }
    if (colNoRow === undefined || r > colNoRow) {
      dataStart = r;
      break;
    }
  }
  const to = (colNoRow ?? dataStart) - 1;
  const tokens = headerTokens(sheet, from, to, width);
  const wordsOnTotalRow = totalRowHeaderWords(sheet, dataStart, width);
  for (const [c, t] of wordsOnTotalRow) pushToken(tokens[c], t);
  const colNos = new Map<number, number>();
  if (colNoRow !== undefined) {
    const row = sheet.rows[colNoRow] ?? [];
    for (let c = 0; c < Math.min(width, row.length); c++) {
      const n = intOf(row[c]);
      if (n !== undefined) colNos.set(c, n);
      else {
        // Code-column captions often sit in the 栏次 row (类 | 款 | 项, 类款项).
        const t = compact(cellText(row[c]));
        if (t && t !== '栏次' && !META_LINE.test(t)) pushToken(tokens[c], t);
      }
    }
  }
  return { unit, from, to, colNoRow, dataStart, tokens, colNos, wordsOnTotalRow: new Set(wordsOnTotalRow.keys()) };
}

/**
 * A 合计 row that is also the last header row: it opens with 合计 (or 总计) and prints words —
 * not figures — in some columns to its right, at least one of them not 合计 itself
 * (合计 | 基本支出 | 项目支出 under 本年支出). Returns those columns and their words.
 */
function totalRowHeaderWords(sheet: Sheet, r: number, width: number): Map<number, string> {
  const out = new Map<number, string>();
  const row = sheet.rows[r];
  if (!row) return out;
  let label = -1;
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const cell = row[c];
    if (!cell || cell.value === null || cell.value === '' || typeof cell.value === 'number') continue;
    const t = compact(cellText(cell));
    if (!t) continue;
    if (label < 0) {
      if (!/^(合计|总计)$/.test(t)) return out;
      label = c;
      continue;
    }
    if (/[\u4e00-\u9fa5]/.test(t) && parseAmount(cell).kind !== 'amount') out.set(c, t);
  }
  if (![...out.values()].some((t) => !/^(合计|总计|小计)$/.test(t))) out.clear();
  return out;
}

function pushToken(list: string[], t: string): void {
  if (list[list.length - 1] !== t) list.push(t);
}

/** Header texts of every column over rows [from, to], merged cells repeating their text. */
function headerTokens(sheet: Sheet, from: number, to: number, width: number): string[][] {
  const tokens: string[][] = Array.from({ length: width }, () => []);
  if (to < from) return tokens;
  // Merges are clipped to the header rows and the table's width, so a hostile merge over the
  // whole sheet costs no more than the header itself.
  const mergeText = new Map<number, string>();
  for (const m of mergesIn(sheet, from, to)) {
    const t = cellText(sheet.rows[m.top]?.[m.left]);
    if (!t) continue;
    for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, to); r++)
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) mergeText.set(r * width + c, t);
  }
  for (let r = from; r <= to; r++) {
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(sheet.rows[r]?.[c]) || mergeText.get(r * width + c) || '');
      if (t && !META_LINE.test(t)) pushToken(tokens[c], t);
    }
  }
  return tokens;
}

/** True when the header words over a column name a row-label column (项目, 编码, 名称 …). */
export function isLabelColumn(tokens: readonly string[]): boolean {
  return tokens.length > 0 && LABEL_WORDS.test(tokens[tokens.length - 1]);
}

// ───────────────────────── columns ─────────────────────────

/** How well a column's header words name a template column: 0 not at all, 1 by name only, 2 with its groups. */
function columnScore(def: ColumnDef, tokens: readonly string[], defs: readonly ColumnDef[], subHeaders: ReadonlySet<string>): number {
  let rest = tokens.filter((t) => !/^\d{1,3}$/.test(t) && t !== '栏次');
  const names = [def.header, ...(def.aliases ?? [])].map(compact);
  // A group printed alone, without its sub-columns (上海's 表5: 基本支出 with no 人员经费 | 公用经费
  // under it), is the column whose aliases name that group: its 小计.
  const own = rest[rest.length - 1];
  if (own && names.includes(own) && (def.groups ?? []).some((g) => g.split('|').map(compact).includes(own))) return 2;
  let missing = 0;
  for (const g of def.groups ?? []) {
    const alts = g.split('|').map(compact);
    const i = rest.findIndex((t) => alts.some((a) => t.includes(a)));
    if (i < 0) {
      missing++;
      continue;
    }
    // A merged caption printed in one cell with the name ("本年支出小计") keeps the name part.
    const a = alts.find((x) => rest[i].includes(x))!;
    const left = rest[i].replace(a, '');
    rest = [...rest.slice(0, i), ...(left ? [left] : []), ...rest.slice(i + 1)];
  }
  const endsWithName = (words: readonly string[]) => words.length > 0 && names.some((n) => words[words.length - 1] === n || words.join('').endsWith(n));
  // The name with sub-header words (决算数 under it) dropped, or the sub-header word itself (金额).
  if (!endsWithName(rest.filter((t) => !subHeaders.has(t))) && !endsWithName(rest)) return 0;
  if (!missing) return 2;
  // Without its group the name is enough only when no other column shares it (合计 of 预算数 vs 决算数).
  const shared = defs.some((o) => o !== def && [o.header, ...(o.aliases ?? [])].some((n) => names.includes(compact(n))));
  return shared ? 0 : 1;
}

export interface ColumnMapping {
  /** Template column key → sheet column. */
  columns: Map<string, number>;
  /** How each was found. */
  via: Map<string, 'header' | '栏次'>;
}

/**
 * Maps amount columns to template columns by their header words first (any order of groups,
 * sub-header words skipped), then by 栏次 number for what the words left open — a column whose
 * words name another template column is never taken by number.
 */
export function mapColumns(defs: readonly ColumnDef[], header: HeaderBlock, candidates: readonly number[], vocabulary: HeaderVocabulary): ColumnMapping {
  const sub = new Set(vocabulary.subHeaders.map(compact));
  const columns = new Map<string, number>();
  const via = new Map<string, 'header' | '栏次'>();
  const used = new Set<number>();
  const scores = defs.map((d) => candidates.map((c) => columnScore(d, header.tokens[c] ?? [], defs, sub)));
  // Best matches first, so that 合计 with its group is not taken by a weaker reading.
  for (const want of [2, 1]) {
    defs.forEach((d, i) => {
      if (columns.has(d.key)) return;
      const j = candidates.findIndex((c, k) => !used.has(c) && scores[i][k] === want);
      if (j < 0) return;
      columns.set(d.key, candidates[j]);
      via.set(d.key, 'header');
      used.add(candidates[j]);
    });
  }
  defs.forEach((d) => {
    if (columns.has(d.key)) return;
    const no = d.no ?? Number(d.key);
    const c = candidates.find((cc, k) => !used.has(cc) && header.colNos.get(cc) === no && scores.every((s) => s[k] === 0));
    if (c === undefined) return;
    columns.set(d.key, c);
    via.set(d.key, '栏次');
    used.add(c);
  });
  return { columns, via };
}

/** Header words of a column, for messages: 本年支出/基本支出. */
export function headerText(header: HeaderBlock, col: number): string {
  return (header.tokens[col] ?? []).join('/');
}

// ───────────────────────── cells and findings ─────────────────────────

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
 * A number cell whose figure is exact millionths: the reference and its figure are one object,
 * which halves what a 20,000-row table allocates (and the garbage collector copies).
 */
class MicroCellRef implements CellRef, Figure {
  private dec?: Decimal;
  constructor(
    readonly sheet: string,
    private readonly r: number,
    private readonly c: number,
    readonly micros: number,
    readonly decimals: number,
  ) {}
  get address(): string {
    return cellAddress(this.r, this.c);
  }
  get figure(): Figure {
    return this;
  }
  get value(): Decimal {
    return (this.dec ??= microsToDecimal(this.micros));
  }
  toJSON(): CellRef {
    return { sheet: this.sheet, address: this.address, figure: { value: this.value, decimals: this.decimals } };
  }
}

/** One shared exact zero for every blank cell. */
const BLANK: Figure = Object.freeze(blankFigure());

/** A cell of a table that prints no figure there (an empty 三公 table): an exact zero. */
export function blankCell(region: Region, r: number, c: number): CellRef {
  return new LazyCellRef(region.sheet.name, r, c, BLANK);
}

/**
 * A cell of the 合计 row that holds a header word (合计 printed on the last header row): the
 * table prints no figure there, so every rule that needs it is skipped — never read as zero.
 */
export function notPrinted(region: Region, r: number, c: number): CellRef {
  return new LazyCellRef(region.sheet.name, r, c, BLANK, '合计行与表头同行，该格为表头文字，未列示金额');
}

/**
 * Reads one cell as a figure in 万元, recording bad input as a finding. `defaultDecimals` is the
 * precision of a General-format number (scores of 绩效 forms are whole points: 0).
 */
export function readFigure(rd: Reader, region: Region, unit: Unit, r: number, c: number, defaultDecimals = 2): CellRef {
  const cell = region.sheet.rows[r]?.[c];
  const sheet = region.sheet.name;
  if (!cell || cell.value === null || cell.value === '') {
    if (cell?.formula !== undefined) {
      const reason = '公式没有缓存的计算结果（请在 Excel 中重新计算并保存）';
      inputFinding(rd, region, cellAddress(r, c), reason);
      return new LazyCellRef(sheet, r, c, BLANK, reason);
    }
    return new LazyCellRef(sheet, r, c, BLANK);
  }
  if (typeof cell.value === 'number' && unit === '万元') {
    const fmt = decimalsFromFormat(cell.numFmt);
    const m = exactMicros(cell.value);
    if (m !== undefined) return new MicroCellRef(sheet, r, c, shownMicros(m, fmt), shownDecimals(m, fmt, defaultDecimals));
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

/**
 * A table whose title was found but whose layout was not understood: a 提示, never an 错误
 * (not understanding a layout is not a mistake in the report), naming what was missing.
 */
export function structureFinding(rd: Reader, region: Region, what: string): void {
  rd.findings.push({
    severity: 'warning',
    rule: '识别.表头',
    table: region.template.id,
    sheet: region.sheet.name,
    cells: [cellAddress(region.titleRow, region.titleCol)],
    message: `${label(rd, region.template)}：在工作表“${region.sheet.name}”${cellAddress(region.titleRow, region.titleCol)} 找到标题，但${what}，该表未校验（可用 budget validate --layout 查看识别过程）。`,
  });
}

// ───────────────────────── the recognised table ─────────────────────────

/** The table's rows, as wide as its own widest row (a stray cell far right elsewhere on the sheet does not widen it). */
function tableRange(region: Region, lastRow: number): string {
  const bottom = Math.max(lastRow, region.titleRow);
  let right = 0;
  for (let r = region.titleRow; r <= bottom; r++) {
    const row = region.sheet.rows[r];
    if (!row) continue;
    for (let c = Math.min(row.length, region.width) - 1; c > right; c--) {
      const v = row[c]?.value;
      if (v !== null && v !== undefined && v !== '') {
        right = c;
        break;
      }
    }
  }
  return rangeAddress(region.titleRow, 0, bottom, right);
}

export function columnsInfo(mapping: ColumnMapping, header: HeaderBlock, all: readonly ColumnDef[]): RecognizedTable['columns'] {
  return all
    .filter((d) => mapping.columns.has(d.key))
    .map((d) => {
      const c = mapping.columns.get(d.key)!;
      return { key: d.key, header: headerText(header, c) || d.header, column: columnName(c) };
    });
}

/** The layout report (`--layout`) of a table: where its parts were found. */
export function layoutOf(
  region: Region,
  header: HeaderBlock | undefined,
  parts: Omit<TableLayout, 'titleCell' | 'headerRows' | 'colNoRow' | 'variant'>,
): TableLayout {
  return {
    titleCell: cellAddress(region.titleRow, region.titleCol),
    headerRows: header && header.to >= header.from ? `${header.from + 1}–${header.to + 1}` : undefined,
    colNoRow: header?.colNoRow !== undefined ? header.colNoRow + 1 : undefined,
    variant: region.variant,
    ...parts,
  };
}

export function columnLayout(mapping: ColumnMapping, header: HeaderBlock, all: readonly ColumnDef[]): TableLayout['columns'] {
  return all
    .filter((d) => mapping.columns.has(d.key))
    .map((d) => {
      const c = mapping.columns.get(d.key)!;
      return { column: columnName(c), key: d.key, meaning: [...(d.groups ?? []).map((g) => g.split('|')[0]), d.header].join('/'), header: headerText(header, c), via: mapping.via.get(d.key)! };
    });
}

export function tableOf(region: Region, lastRow: number, unit: Unit, columns: RecognizedTable['columns'], rows: TableRow[], layout: TableLayout): RecognizedTable {
  return { id: region.template.id, title: region.title, sheet: region.sheet.name, range: tableRange(region, lastRow), unit, year: region.year, columns, rows, layout };
}
