/**
 * Finds the standard tables in a workbook by their titles, wherever they sit, and reads
 * their rows and columns by code, name, header text and 栏次 — never by fixed position.
 */
import { codeLevel, functionalClassByName, subjectByName } from './codes';
import { Finding } from './findings';
import { GridCell, Sheet, Workbook, cellAddress, cellText, isCellError, rangeAddress, sheetWidth } from './grid';
import { CellRef, RecognizedTable, TableRow, Unit } from './model';
import { Figure, blankFigure, parseAmount, yuanToWan } from './money';
import { DocumentKind, KINDS, tableLabel } from './kinds';
import { ColumnDef, CodesTemplate, EconomicTemplate, LinesTemplate, SingleRowTemplate, TableTemplate } from './templates/types';

export interface Recognition {
  tables: RecognizedTable[];
  /** Bad input met while reading: cells that are not amounts, bad codes, unreadable headers. */
  findings: Finding[];
}

/** Text for matching: full-width folded, no spaces (OCR splits words), one kind of brackets, no quotes. */
export function compact(text: string): string {
  // Codes, numbers and plain names (CJK ideographs have no NFKC form) are compact already:
  // skip the five replacements for them, since this runs on every row.
  if (/^[\u4e00-\u9fff0-9A-Za-z.\-()、]*$/.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

interface TitleMatch {
  template: TableTemplate;
  year?: number;
}

/** Strips year, 公开NN表 / 表N markers and brackets from a title; returns what names the table. */
function titleCore(text: string): { core: string; year?: number; number?: number } {
  let t = compact(text);
  let year: number | undefined;
  let number: number | undefined;
  const y = /^(\d{4})年度?/.exec(t);
  if (y) {
    year = Number(y[1]);
    t = t.slice(y[0].length);
  }
  const m1 = /\(?公开(\d{1,2})表\)?/.exec(t) ?? /\(表(\d{1,2})\)/.exec(t) ?? /^表(\d{1,2})/.exec(t);
  if (m1) {
    number = Number(m1[1]);
    t = t.replace(m1[0], '');
  }
  const y2 = /^(\d{4})年度?/.exec(t);
  if (y2 && year === undefined) {
    year = Number(y2[1]);
    t = t.slice(y2[0].length);
  }
  return { core: t.replace(/^[(（]|[)）]$/g, ''), year, number };
}

function buildTitleIndex(kinds: readonly DocumentKind[]): Map<string, TableTemplate> {
  const idx = new Map<string, TableTemplate>();
  for (const k of kinds) for (const t of k.templates.tables) for (const n of [t.name, ...(t.aliases ?? [])]) if (!idx.has(compact(n))) idx.set(compact(n), t);
  return idx;
}

const titleIndexCache = new WeakMap<readonly DocumentKind[], Map<string, TableTemplate>>();

/** Recognises a table title of any known kind in any spelling the seeds use; undefined for other text. */
export function matchTitle(text: string, kinds: readonly DocumentKind[] = KINDS): TitleMatch | undefined {
  if (text.length < 4 || text.length > 80 || !text.includes('表')) return undefined;
  let idx = titleIndexCache.get(kinds);
  if (!idx) titleIndexCache.set(kinds, (idx = buildTitleIndex(kinds)));
  const { core, year } = titleCore(text);
  const exact = idx.get(core);
  if (exact) return { template: exact, year };
  // A unit name before the title (XX单位收入支出决算总表): the longest name that ends the text.
  let best: TableTemplate | undefined;
  let bestLen = 0;
  for (const [name, t] of idx) {
    if (core.endsWith(name) && name.length > bestLen && core.length - name.length <= 20 && !/^(一|二|三|四|五|六|七|八|九|十)+、/.test(core)) {
      best = t;
      bestLen = name.length;
    }
  }
  // "收入支出决算总表" must not claim "财政拨款收入支出决算总表": only accept if no longer name fits.
  return best ? { template: best, year } : undefined;
}

/** Lines around a header that are not column headers: unit, department, table number. */
const NOT_HEADER = /^(金额)?单位[:：]|^部门[:：]|^(公开)?\d{1,2}表$|^\(?汇总\)?$/;

/** Header words that mark a row as part of the header even when it also holds 合计. */
const HEADER_WORDS = /名称|编码|^栏次$|^项目$|^行次?$/;

/** Header text of every column over rows [from, to], with merged cells repeating their text. */
function headerTexts(sheet: Sheet, from: number, to: number, width: number): string[] {
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

function isNumberLike(cell: GridCell | undefined): boolean {
  if (!cell) return false;
  if (typeof cell.value === 'number') return true;
  if (isCellError(cell.value)) return true;
  if (typeof cell.value === 'string') return /\d/.test(cell.value) && parseAmount(cell).kind === 'amount';
  return cell.formula !== undefined;
}

function intOf(cell: GridCell | undefined): number | undefined {
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

interface Region {
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

interface Reader {
  kinds: readonly DocumentKind[];
  findings: Finding[];
}

function label(rd: Reader, t: TableTemplate): string {
  return tableLabel(t.id, rd.kinds);
}

function unitOf(sheet: Sheet, from: number, to: number, width: number): Unit {
  for (let r = from; r <= to; r++) {
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(sheet.rows[r]?.[c]));
      const m = /单位[:：]?(万元|元)/.exec(t);
      if (m) return m[1] as Unit;
    }
  }
  return '万元';
}

function isNoteRow(sheet: Sheet, r: number, width: number): boolean {
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

/** Reads one cell as a figure in 万元, recording bad input as a finding. */
function readFigure(rd: Reader, region: Region, unit: Unit, r: number, c: number): CellRef {
  const cell = region.sheet.rows[r]?.[c];
  const sheet = region.sheet.name;
  if (cell && cell.formula !== undefined && (cell.value === null || cell.value === undefined)) {
    const reason = '公式没有缓存的计算结果（请在 Excel 中重新计算并保存）';
    inputFinding(rd, region, cellAddress(r, c), reason);
    return new LazyCellRef(sheet, r, c, BLANK, reason);
  }
  const p = parseAmount(cell, 2);
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

function inputFinding(rd: Reader, region: Region, address: string, reason: string): void {
  rd.findings.push({
    severity: 'error',
    rule: '输入.金额无效',
    table: region.template.id,
    sheet: region.sheet.name,
    cells: [address],
    message: `${label(rd, region.template)}（工作表“${region.sheet.name}”）${address}：${reason}，该单元格不参与校验。`,
  });
}

function structureFinding(rd: Reader, region: Region, what: string): void {
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
function mapColumns(defs: readonly ColumnDef[], headers: string[], colNumbers: Map<number, number>, candidates: number[]): Map<string, number> {
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

function columnNumbers(sheet: Sheet, row: number | undefined, width: number): Map<number, number> {
  const m = new Map<number, number>();
  if (row === undefined) return m;
  for (let c = 0; c < width; c++) {
    const n = intOf(sheet.rows[row]?.[c]);
    if (n !== undefined) m.set(c, n);
  }
  return m;
}

/** First data row: after the 栏次 row, or the first row holding a number, a code or 合计. */
function findDataStart(region: Region, colNoRow: number | undefined): number {
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
function headerLayout(region: Region) {
  const { sheet, width } = region;
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  const colNoRow = findColumnNumberRow(sheet, region.titleRow + 1, Math.min(region.titleRow + 12, region.end), width);
  const dataStart = findDataStart(region, colNoRow);
  const headers = headerTexts(sheet, region.titleRow + 1, (colNoRow ?? dataStart) - 1, width);
  return { unit, colNoRow, dataStart, headers, colNos: columnNumbers(sheet, colNoRow, width) };
}

function tableOf(region: Region, lastRow: number, unit: Unit, columns: RecognizedTable['columns'], rows: TableRow[]): RecognizedTable {
  return { id: region.template.id, title: region.title, sheet: region.sheet.name, range: tableRange(region, lastRow), unit, year: region.year, columns, rows };
}

function tableRange(region: Region, lastRow: number): string {
  return rangeAddress(region.titleRow, 0, Math.max(lastRow, region.titleRow), Math.max(region.width - 1, 0));
}

function columnsInfo(defs: Map<string, number>, headers: string[], all: readonly ColumnDef[]): RecognizedTable['columns'] {
  return all
    .filter((d) => defs.has(d.key))
    .map((d) => ({ key: d.key, header: headers[defs.get(d.key)!] || d.header, column: cellAddress(0, defs.get(d.key)!).replace(/\d+$/, '') }));
}

// ───────────────────────── code tables (02, 03, 05, 07, 08) ─────────────────────────

function readCodesTable(rd: Reader, region: Region): RecognizedTable | undefined {
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

// ───────────────────────── line tables (01, 04) ─────────────────────────

function readLinesTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as LinesTemplate;
  const { sheet, width } = region;
  const { unit, dataStart, headers, colNos } = headerLayout(region);
  const lineCols: number[] = [];
  headers.forEach((h, c) => {
    if (/行次?$|^行次/.test(h) && !/项目/.test(h)) lineCols.push(c);
  });
  if (!lineCols.length) {
    structureFinding(rd, region, '未能识别“行次”栏');
    return undefined;
  }
  const allDefs = tpl.sides.flatMap((s) => s.columns);
  const lineDefs = new Map(tpl.sides.flatMap((s, si) => s.lines.map((l) => [l.line, { def: l, side: si }] as const)));
  const rows: TableRow[] = [];
  const colMapAll = new Map<string, number>();
  let lastRow = dataStart;
  lineCols.forEach((lc, i) => {
    const nameCol = lc - 1;
    const next = i + 1 < lineCols.length ? lineCols[i + 1] - 1 : width;
    const candidates: number[] = [];
    for (let c = lc + 1; c < next; c++) candidates.push(c);
    // Which template side this physical side is: the one its line numbers belong to.
    const votes = [0, 0];
    for (let r = dataStart; r <= region.end; r++) {
      const n = intOf(sheet.rows[r]?.[lc]);
      const hit = n !== undefined ? lineDefs.get(n) : undefined;
      if (hit) votes[hit.side]++;
    }
    const side = votes[1] > votes[0] ? 1 : votes[0] > 0 ? 0 : Math.min(i, tpl.sides.length - 1);
    const defs = tpl.sides[side].columns;
    let colMap = mapColumns(defs, headers, colNos, candidates);
    if (!colMap.size && defs.length === 1 && candidates.length) colMap = new Map([[defs[0].key, candidates[0]]]);
    for (const [k, c] of colMap) colMapAll.set(k, c);
    for (let r = dataStart; r <= region.end; r++) {
      if (isNoteRow(sheet, r, width)) break;
      const n = intOf(sheet.rows[r]?.[lc]);
      const written = compact(cellText(sheet.rows[r]?.[nameCol]));
      let hit = n !== undefined ? lineDefs.get(n) : undefined;
      if (!hit && written) {
        const byName = tpl.sides[side].lines.find((l) => l.name && compact(l.name) === written.replace(/^[一二三四五六七八九十]+、/, ''));
        if (byName) hit = { def: byName, side };
      }
      if (!hit) continue;
      const name = written.replace(/^[一二三四五六七八九十]+、/, '') || hit.def.name;
      const code = hit.def.code ? functionalClassByName(name)?.code ?? hit.def.code : undefined;
      const cells: Record<string, CellRef> = {};
      for (const [k, c] of colMap) cells[k] = readFigure(rd, region, unit, r, c);
      rows.push({ key: `L${hit.def.line}`, line: hit.def.line, code, name, cells });
      if (r > lastRow) lastRow = r;
    }
  });
  if (!rows.length) {
    structureFinding(rd, region, '未能识别任何行次');
    return undefined;
  }
  rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return tableOf(region, lastRow, unit, columnsInfo(colMapAll, headers, allDefs), rows);
}

// ───────────────────────── 经济分类 blocks (06) ─────────────────────────

function readEconomicTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as EconomicTemplate;
  const { sheet, width } = region;
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  let dataStart = region.end + 1;
  for (let r = region.titleRow + 1; r <= region.end && dataStart > region.end; r++) {
    for (let c = 0; c < width; c++) {
      if (/^3\d{2,4}$/.test(compact(cellText(sheet.rows[r]?.[c])))) {
        dataStart = r;
        break;
      }
    }
  }
  const headers = headerTexts(sheet, region.titleRow + 1, dataStart - 1, width);
  const amountCols = headers.map((h, c) => (/决算数|金额/.test(h) ? c : -1)).filter((c) => c >= 0);
  const blocks = amountCols
    .map((a, i) => {
      const lowest = i > 0 ? amountCols[i - 1] + 1 : 0;
      let codeCol = -1;
      for (let c = a - 1; c >= lowest; c--) if (/编码|经济分类/.test(headers[c])) codeCol = c;
      if (codeCol < 0) codeCol = lowest;
      let nameCol = codeCol + 1;
      for (let c = codeCol + 1; c < a; c++) if (/名称/.test(headers[c])) nameCol = c;
      return { codeCol, nameCol, amountCol: a };
    })
    .filter((b) => b.codeCol < b.amountCol);
  if (!blocks.length) {
    structureFinding(rd, region, '未能识别“决算数”栏');
    return undefined;
  }
  const rows: TableRow[] = [];
  const seen = new Set<string>();
  let lastRow = dataStart;
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    // Totals may sit anywhere on their line (the seed merges the label across a block).
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(sheet.rows[r]?.[c]));
      const total = tpl.totals.find((x) => compact(x.label) === t);
      if (!total || seen.has(total.key)) continue;
      let amountCol = -1;
      for (let cc = c + 1; cc < width; cc++) {
        const v = sheet.rows[r]?.[cc];
        if (v && v.value !== null && v.value !== '' && compact(cellText(v)) !== '') {
          amountCol = cc;
          break;
        }
      }
      if (amountCol < 0) amountCol = blocks.find((b) => b.amountCol > c)?.amountCol ?? blocks[blocks.length - 1].amountCol;
      rows.push({ key: total.key, name: total.label, cells: { amount: readFigure(rd, region, unit, r, amountCol) } });
      seen.add(total.key);
      lastRow = r;
    }
    for (const b of blocks) {
      const raw = compact(cellText(sheet.rows[r]?.[b.codeCol]));
      const name = compact(cellText(sheet.rows[r]?.[b.nameCol]));
      if (!raw && !name) continue;
      if (tpl.totals.some((x) => compact(x.label) === name || compact(x.label) === raw)) continue;
      let code: string | undefined;
      if (/^\d+$/.test(raw) && codeLevel(raw, 'economic')) code = raw;
      else if (raw || name) {
        const byName = name ? subjectByName(name, 'economic') : undefined;
        if (/^\d+$/.test(raw) || byName) {
          rd.findings.push({
            severity: 'error',
            rule: '编码.位数',
            table: tpl.id,
            sheet: sheet.name,
            cells: [cellAddress(r, b.codeCol)],
            message: `${label(rd, tpl)} ${cellAddress(r, b.codeCol)}：经济分类编码“${raw}”有误（应为3位类或5位款）${byName ? `，已按名称“${byName.name}”识别为 ${byName.code}` : ''}。`,
          });
        }
        code = byName?.code;
      }
      if (!code || seen.has(code)) continue;
      seen.add(code);
      rows.push({ key: code, code, name: name || code, cells: { amount: readFigure(rd, region, unit, r, b.amountCol) } });
      lastRow = r;
    }
  }
  return tableOf(region, lastRow, unit, [{ key: 'amount', header: '决算数', column: cellAddress(0, blocks[0].amountCol).replace(/\d+$/, '') }], rows);
}

// ───────────────────────── single row (09) ─────────────────────────

function readSingleRowTable(rd: Reader, region: Region): RecognizedTable | undefined {
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

const READERS: Record<TableTemplate['layout'], (rd: Reader, region: Region) => RecognizedTable | undefined> = {
  codes: readCodesTable,
  lines: readLinesTable,
  economic: readEconomicTable,
  single: readSingleRowTable,
};

/** Title cells of one sheet, top to bottom. */
function findTitles(sheet: Sheet, kinds: readonly DocumentKind[]): { row: number; col: number; text: string; match: TitleMatch }[] {
  const out: { row: number; col: number; text: string; match: TitleMatch }[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (typeof v !== 'string') continue;
      const match = matchTitle(v, kinds);
      if (match) {
        out.push({ row: r, col: c, text: v.trim(), match });
        break;
      }
    }
  });
  return out;
}

/** Finds and reads every table of the known kinds in the workbook. */
export function recognizeWorkbook(wb: Workbook, kinds: readonly DocumentKind[] = KINDS): Recognition {
  const rd: Reader = { kinds, findings: [] };
  const tables: RecognizedTable[] = [];
  for (const sheet of wb.sheets) {
    const titles = findTitles(sheet, kinds);
    const width = sheetWidth(sheet);
    titles.forEach((t, i) => {
      const end = (i + 1 < titles.length ? titles[i + 1].row : sheet.rows.length) - 1;
      const region: Region = { sheet, template: t.match.template, title: t.text, titleRow: t.row, titleCol: t.col, year: t.match.year, end, width };
      if (tables.some((x) => x.id === region.template.id)) {
        rd.findings.push({
          severity: 'warning',
          rule: '识别.重复',
          table: region.template.id,
          sheet: sheet.name,
          cells: [cellAddress(t.row, t.col)],
          message: `${label(rd, region.template)}出现多次（工作表“${sheet.name}”${cellAddress(t.row, t.col)}），只校验第一张。`,
        });
        return;
      }
      const table = READERS[region.template.layout](rd, region);
      if (table) tables.push(table);
    });
  }
  return { tables, findings: rd.findings };
}
