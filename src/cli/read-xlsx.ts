/**
 * Reads an .xlsx file into the engine's plain grid, streaming and bounded: the zip is inflated
 * part by part (zip.ts), each part parsed as it inflates (xml.ts), and only the grid is kept —
 * values, shared strings, number formats, formulas (with their cached values), merged areas.
 * Every hostile or broken file ends as one Chinese `UserError` naming the file (exit 2).
 */
import { closeSync, openSync, readSync, statSync } from 'fs';
import * as path from 'path';
import { CellValue, GridCell, MergeRange, Sheet, Workbook } from '../core/grid';
import { UserError } from './errors';
import { DEFAULT_LIMITS, FormatError, LimitError, ReadLimits, count, limitMessage } from './limits';
import { builtInFormat, isDateFormat, serialToDateText } from './number-formats';
import { Attributes, XmlHandler, checkedXmlText, parseXmlEntry } from './xml';
import { ZipArchive } from './zip';

/** What kind of file the first bytes say this is. */
export function sniffFormat(head: Buffer): 'zip' | 'encrypted' | 'xls' | 'empty' | 'other' {
  if (head.length === 0) return 'empty';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (head.length >= 8 && ole.every((b, i) => head[i] === b)) {
    // An encrypted OOXML workbook is an OLE container holding an EncryptionInfo stream.
    return head.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? 'encrypted' : 'xls';
  }
  return 'other';
}

export async function readWorkbook(file: string, limits: Readonly<ReadLimits> = DEFAULT_LIMITS): Promise<Workbook> {
  // Synchronous file access throughout: the work is one file at a time (a worker thread per
  // file in folder mode), and a round trip through the thread pool per call costs more.
  const name = path.basename(file);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UserError(`找不到文件：${file}`);
  }
  if (!stat.isFile()) throw new UserError(`不是文件：${file}`);
  const head = Buffer.alloc(Math.min(stat.size, 65536));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  switch (sniffFormat(head)) {
    case 'empty':
      throw new UserError(`${name}：文件为空，不是 .xlsx 工作簿。`);
    case 'encrypted':
      throw new UserError(`${name}：工作簿已加密（设置了打开密码），请在 Excel 中取消密码后另存为 .xlsx 再校验。`);
    case 'xls':
      throw new UserError(`${name}：这是旧版 .xls 格式（或已加密），请在 Excel 中另存为 .xlsx 后再校验。`);
    case 'other':
      throw new UserError(`${name}：不是 .xlsx 工作簿（文件内容不是 Excel 2007 及以上格式）。`);
    default:
  }
  let zip: ZipArchive | undefined;
  try {
    zip = ZipArchive.openFile(file, stat.size, limits);
    return new XlsxReader(zip, name).read();
  } catch (e) {
    throw asUserError(e, name);
  } finally {
    zip?.close();
  }
}

/** Limit breaches and damaged content as one line naming the file; anything else is a bug. */
export function asUserError(e: unknown, name: string): unknown {
  if (e instanceof UserError) return e;
  if (e instanceof LimitError) return new UserError(limitMessage(name, e));
  if (e instanceof FormatError) return new UserError(`${name}：文件已损坏，无法作为 .xlsx 读取（${e.message}）。`);
  if (e instanceof RangeError && /Invalid (string|array) length|Array buffer allocation/i.test(e.message)) {
    return new UserError(`${name}：超出读取限制：内容过大，已停止读取。`);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// The package: relationships, workbook, styles, shared strings

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};

interface Relationship {
  type: string;
  target: string;
}

/** A relationship target as a part name, resolved against the folder of the part it belongs to. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1).filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

class XlsxReader {
  private readonly limits: Readonly<ReadLimits>;
  private cellsInWorkbook = 0;

  constructor(
    private readonly zip: ZipArchive,
    private readonly name: string,
  ) {
    this.limits = zip.limits;
  }

  read(): Workbook {
    const root = this.relationships('');
    const wbPart = [...root.values()].find((r) => REL.officeDocument.test(r.type))?.target ?? 'xl/workbook.xml';
    if (!this.zip.entry(wbPart)) throw new FormatError(this.zip.entry('word/document.xml') ? '这是 Word 文档，不是工作簿' : '缺少 xl/workbook.xml');
    const rels = this.relationships(wbPart);
    const { sheets: listed, date1904 } = this.workbookPart(wbPart);
    const relOf = (re: RegExp, fallback: string) => [...rels.values()].find((r) => re.test(r.type))?.target ?? fallback;
    const styles = this.styles(relOf(REL.styles, 'xl/styles.xml'));
    const strings = this.sharedStrings(relOf(REL.sharedStrings, 'xl/sharedStrings.xml'));
    const sheets: Sheet[] = [];
    for (const s of listed) {
      const rel = rels.get(s.rid);
      if (!rel || !REL.worksheet.test(rel.type)) continue; // chart sheets, dialog sheets
      const entry = this.zip.entry(rel.target);
      if (!entry) throw new FormatError(`工作表“${s.name}”的内容（${rel.target}）缺失`);
      const reader = new SheetReader(s.name, strings, styles, date1904, this.limits, this.limits.cells - this.cellsInWorkbook);
      parseXmlEntry(this.zip, entry, reader);
      this.cellsInWorkbook += reader.cellCount;
      sheets.push(reader.sheet());
    }
    const wb: Workbook = { name: this.name, sheets };
    const custom = this.customXml();
    if (custom.length) wb.customXml = custom;
    return wb;
  }

  /** The relationships of a part ('' for the package itself), by id, targets resolved. */
  private relationships(part: string): Map<string, Relationship> {
    const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
    const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
    const out = new Map<string, Relationship>();
    const entry = this.zip.entry(relsName);
    if (!entry) return out;
    parseXmlEntry(this.zip, entry, {
      open(tag, a) {
        if (tag !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, decodeURIComponentSafe(a.Target)) });
      },
    });
    return out;
  }

  private workbookPart(part: string): { sheets: { name: string; rid: string }[]; date1904: boolean } {
    const sheets: { name: string; rid: string }[] = [];
    let date1904 = false;
    parseXmlEntry(this.zip, this.zip.entry(part)!, {
      open(tag, a) {
        if (tag === 'sheet') {
          const rid = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
          if (a.name && rid) sheets.push({ name: a.name, rid: a[rid] });
        } else if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    });
    return { sheets, date1904 };
  }

  /** Number format of every cell style (cellXfs index); undefined for General. */
  private styles(part: string): (string | undefined)[] {
    const entry = this.zip.entry(part);
    const formats: (string | undefined)[] = [];
    if (!entry) return formats;
    const custom = new Map<number, string>();
    let inCellXfs = false;
    parseXmlEntry(this.zip, entry, {
      open(tag, a) {
        if (tag === 'numFmt' && a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
        else if (tag === 'cellXfs') inCellXfs = true;
        else if (tag === 'xf' && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          const f = custom.get(id) ?? builtInFormat(id);
          formats.push(f && !/^general$/i.test(f) ? f : undefined);
        }
      },
      close(tag) {
        if (tag === 'cellXfs') inCellXfs = false;
      },
    });
    return formats;
  }

  private sharedStrings(part: string): string[] {
    const entry = this.zip.entry(part);
    const out: string[] = [];
    if (!entry) return out;
    const { sharedStrings, stringLength } = this.limits;
    const text = new RichText(stringLength);
    parseXmlEntry(this.zip, entry, {
      open(tag) {
        if (tag === 'si') text.start();
        else text.open(tag);
      },
      close(tag) {
        if (tag === 'si') {
          if (out.length >= sharedStrings) throw new LimitError(`共享字符串超过 ${count(sharedStrings)} 个`);
          out.push(text.end());
        } else text.close(tag);
      },
      text: (t) => text.add(t),
    });
    return out;
  }

  /** The raw text of every customXml/item*.xml part (where the task pane keeps its settings). */
  private customXml(): string[] {
    const { customXmlParts, customXmlBytes } = this.limits;
    const names = [...this.zip.entries.keys()].filter((n) => /^customXml\/item\d+\.xml$/i.test(n)).sort((a, b) => itemNumber(a) - itemNumber(b));
    if (names.length > customXmlParts) throw new LimitError(`自定义 XML 部件有 ${names.length} 个，超过 ${customXmlParts} 个的上限`);
    return names.map((n) => checkedXmlText(this.zip, this.zip.entry(n)!, customXmlBytes));
  }
}

function itemNumber(name: string): number {
  return Number(/(\d+)\.xml$/i.exec(name)?.[1] ?? 0);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The text of a string item (`<si>` or an inline `<is>`): plain `<t>` or rich-text runs; the
 * phonetic guide (`<rPh>`, furigana over the text) is not part of the value.
 */
class RichText {
  private parts: string[] = [];
  private length = 0;
  private inT = false;
  private inPhonetic = 0;

  constructor(private readonly max: number) {}

  start(): void {
    this.parts = [];
    this.length = 0;
  }
  open(tag: string): void {
    if (tag === 't') this.inT = true;
    else if (tag === 'rPh') this.inPhonetic++;
  }
  close(tag: string): void {
    if (tag === 't') this.inT = false;
    else if (tag === 'rPh') this.inPhonetic--;
  }
  add(t: string): void {
    if (!this.inT || this.inPhonetic > 0) return;
    this.length += t.length;
    if (this.length > this.max) throw new LimitError(`一个单元格的文字超过 ${count(this.max)} 个字符（Excel 的上限）`);
    this.parts.push(t);
  }
  end(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// One worksheet

/** Element whose text the sheet reader collects. */
const enum Collect {
  None,
  Value,
  Formula,
  Inline,
}

class SheetReader implements XmlHandler {
  private readonly rows: (GridCell | undefined)[][] = [];
  private readonly merges: MergeRange[] = [];
  private readonly shared = new Map<string, string>();
  cellCount = 0;
  private width = 0;

  // The cell being read.
  private row = -1;
  private col = -1;
  /** Column of the previous cell in the row, for cells written without an address. */
  private lastCol = -1;
  private type = '';
  private style = 0;
  private value = '';
  private hasValue = false;
  private formula: string | undefined;
  private sharedIndex: string | undefined;
  private collect = Collect.None;
  private inline: RichText;
  private inSheetData = false;
  /** Whether each cell style shows a date. */
  private readonly dateStyles: boolean[];

  constructor(
    private readonly name: string,
    private readonly strings: readonly string[],
    private readonly formats: readonly (string | undefined)[],
    private readonly date1904: boolean,
    private readonly limits: Readonly<ReadLimits>,
    private readonly cellsLeft: number,
  ) {
    this.inline = new RichText(limits.stringLength);
    this.dateStyles = formats.map((f) => f !== undefined && isDateFormat(f));
  }

  open(tag: string, a: Attributes): void {
    switch (tag) {
      case 'c':
        if (!this.inSheetData) return;
        this.startCell(a);
        return;
      case 'v':
        if (this.col < 0) return;
        this.collect = Collect.Value;
        this.hasValue = true;
        return;
      case 'f':
        if (this.col < 0) return;
        this.collect = Collect.Formula;
        this.formula = '';
        if (a.t === 'shared' && a.si !== undefined) this.sharedIndex = a.si;
        return;
      case 'is':
        if (this.col < 0) return;
        this.collect = Collect.Inline;
        this.hasValue = true;
        this.inline.start();
        return;
      case 'row':
        if (!this.inSheetData) return;
        this.row = a.r !== undefined ? this.rowNumber(a.r) - 1 : this.row + 1;
        this.col = -1;
        this.lastCol = -1;
        return;
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell':
        if (a.ref) this.addMerge(a.ref);
        return;
      default:
        if (this.collect === Collect.Inline) this.inline.open(tag);
    }
  }

  close(tag: string): void {
    switch (tag) {
      case 'c':
        if (this.col >= 0) this.endCell();
        this.col = -1;
        return;
      case 'v':
      case 'f':
        if (this.collect !== Collect.Inline) this.collect = Collect.None;
        if (tag === 'f' && this.sharedIndex !== undefined) {
          // The master of a shared formula carries its text; the other cells refer to it by index.
          if (this.formula) this.shared.set(this.sharedIndex, this.formula);
          else this.formula = this.shared.get(this.sharedIndex) ?? '';
          this.sharedIndex = undefined;
        }
        return;
      case 'is':
        this.collect = Collect.None;
        this.value = this.inline.end();
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
      default:
        if (this.collect === Collect.Inline) this.inline.close(tag);
    }
  }

  text(t: string): void {
    switch (this.collect) {
      case Collect.Value:
        this.value += t;
        if (this.value.length > this.limits.stringLength) this.tooLong();
        return;
      case Collect.Formula:
        this.formula += t;
        if (this.formula!.length > this.limits.stringLength) throw new LimitError(`工作表“${this.name}”的公式超过 ${count(this.limits.stringLength)} 个字符`);
        return;
      case Collect.Inline:
        this.inline.add(t);
        return;
      default:
    }
  }

  private startCell(a: Attributes): void {
    if (a.r !== undefined) {
      const { row, col } = this.address(a.r);
      this.row = row;
      this.col = col;
    } else {
      // Some writers leave out the address: the cell follows the previous one.
      if (this.row < 0) this.row = 0;
      this.col = this.lastCol + 1;
      if (this.col >= this.limits.columns) throw new LimitError(`工作表“${this.name}”第 ${count(this.row + 1)} 行的单元格超过 Excel 的 ${count(this.limits.columns)} 列`);
    }
    this.lastCol = this.col;
    this.type = a.t ?? 'n';
    this.style = a.s !== undefined ? Number(a.s) : 0;
    this.value = '';
    this.hasValue = false;
    this.formula = undefined;
    this.sharedIndex = undefined;
    this.collect = Collect.None;
  }

  private endCell(): void {
    const numFmt = this.formats[this.style];
    const value = this.cellValue();
    if (value === undefined && this.formula === undefined) return;
    const cell: GridCell = { value: value ?? null };
    if (numFmt !== undefined) cell.numFmt = numFmt;
    if (this.formula !== undefined) cell.formula = this.formula;
    let row = this.rows[this.row];
    if (!row) row = this.rows[this.row] = [];
    if (row[this.col] === undefined) {
      if (++this.cellCount > this.limits.cellsPerSheet) throw new LimitError(`工作表“${this.name}”的非空单元格超过 ${count(this.limits.cellsPerSheet)} 个`);
      if (this.cellCount > this.cellsLeft) throw new LimitError(`工作簿的非空单元格超过 ${count(this.limits.cells)} 个`);
    }
    row[this.col] = cell;
    if (this.col >= this.width) this.width = this.col + 1;
  }

  /** The cell's value from its type and text; undefined when it has none. */
  private cellValue(): CellValue | undefined {
    if (!this.hasValue) return undefined;
    const v = this.value;
    switch (this.type) {
      case 's': {
        if (v === '') return undefined;
        const s = /^\d{1,10}$/.test(v) ? this.strings[Number(v)] : undefined;
        if (s === undefined) throw new FormatError(`工作表“${this.name}”引用了不存在的共享字符串 ${v.slice(0, 12)}`);
        return s;
      }
      case 'str':
      case 'inlineStr':
        return v;
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return { error: v };
      case 'd':
        return v.slice(0, 10);
      default: {
        if (v === '') return undefined;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        if (this.dateStyles[this.style]) return serialToDateText(n, this.date1904) ?? n;
        return n;
      }
    }
  }

  private tooLong(): never {
    throw new LimitError(`工作表“${this.name}”有单元格的文字超过 ${count(this.limits.stringLength)} 个字符（Excel 的上限）`);
  }

  private addMerge(ref: string): void {
    if (this.merges.length >= this.limits.mergesPerSheet) throw new LimitError(`工作表“${this.name}”的合并区域超过 ${count(this.limits.mergesPerSheet)} 个`);
    const [a, b] = ref.split(':');
    const p = this.address(a);
    const q = b === undefined ? p : this.address(b);
    this.merges.push({ top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) });
  }

  /** `C30` → 0-based (row, col), refusing what lies outside Excel's sheet. Runs for every cell. */
  private address(ref: string): { row: number; col: number } {
    let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
    let col = 0;
    for (let ch = ref.charCodeAt(i) & ~32; ch >= 65 && ch <= 90; ch = ref.charCodeAt(++i) & ~32) col = Math.min(col * 26 + ch - 64, 1e9);
    if (ref.charCodeAt(i) === 36) i++;
    let row = 0;
    const digits = i;
    for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = Math.min(row * 10 + ch - 48, 1e16);
    if (col === 0 || row === 0 || i === digits || i !== ref.length) throw new FormatError(`工作表“${this.name}”有无效的单元格地址“${ref.slice(0, 20)}”`);
    if (col > this.limits.columns || row > this.limits.rows) {
      throw new LimitError(`工作表“${this.name}”的单元格地址“${ref.slice(0, 20)}”超出 Excel 的工作表范围（最多 ${count(this.limits.rows)} 行、${count(this.limits.columns)} 列）`);
    }
    return { row: row - 1, col: col - 1 };
  }

  /** The 1-based number of a `<row r="…">`, within Excel's rows. */
  private rowNumber(text: string): number {
    if (!/^\d{1,16}$/.test(text) || Number(text) < 1) throw new FormatError(`工作表“${this.name}”有无效的行号“${text.slice(0, 20)}”`);
    const n = Number(text);
    if (n > this.limits.rows) throw new LimitError(`工作表“${this.name}”的行号 ${count(n)} 超出 Excel 的上限 ${count(this.limits.rows)}`);
    return n;
  }

  sheet(): Sheet {
    return { name: this.name, rows: this.rows, merges: this.clippedMerges() };
  }

  /**
   * Merged areas cut to the part of the sheet that holds cells: beyond it a merge covers nothing
   * anyone reads, and a merge over A1:XFD1048576 must not cost 17 billion cells downstream.
   */
  private clippedMerges(): MergeRange[] {
    const height = this.rows.length;
    const out: MergeRange[] = [];
    let covered = 0;
    for (const m of this.merges) {
      if (m.top >= height || m.left >= this.width) continue;
      const bottom = Math.min(m.bottom, height - 1);
      const right = Math.min(m.right, this.width - 1);
      if (bottom === m.top && right === m.left) continue;
      covered += (bottom - m.top + 1) * (right - m.left + 1);
      if (covered > this.limits.mergedCells) {
        throw new LimitError(`工作表“${this.name}”的合并区域共覆盖超过 ${count(this.limits.mergedCells)} 个单元格（合并区域相互重叠或过大）`);
      }
      out.push(bottom === m.bottom && right === m.right ? m : { top: m.top, left: m.left, bottom, right });
    }
    return out;
  }
}
