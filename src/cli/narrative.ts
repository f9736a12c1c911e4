/**
 * The CLI side of the 情况说明: load the params, write the 说明 as .docx / .md / .txt, read an
 * existing 说明 (.docx / .md / .txt) and check it. The engine (src/core/narrative) does the work;
 * this file only touches files. Every input problem is a `UserError` with one Chinese message
 * naming the file (and sheet/cell or key), never a stack trace.
 *
 * API used by main.ts:
 *   loadParams(paramsPath: string | undefined, workbook?: Workbook): NarrativeParams
 *     JSON file when a path is given; else the workbook's `参数` sheet; else no params (the 说明
 *     then carries 【请填写：…】 placeholders).
 *   writeNarrative(tables: TableSet | readonly RecognizedTable[], params: NarrativeParams, outPath: string): Promise<void>
 *     .docx (docx package, loaded only here), .md, or .txt, chosen by the extension.
 *   writeNarrativeFile(tables, workbook, paramsPath, outPath): Promise<void>   loadParams + writeNarrative
 *   readNarrativeText(path: string): Promise<string>
 *     plain text of a .docx / .md / .txt; empty, binary, > 10 MB or corrupt files are UserErrors.
 *   checkNarrativeFile(narrativePath, tables | undefined, workbook, paramsPath?): Promise<{ findings, stats }>
 *     readNarrativeText + loadParams + analyzeNarrative (without tables: the text on its own);
 *     adds a 提示 when no checkable sentence was found.
 *   statsLine(file, stats): string   what was read, for the text reports.
 */
import { promises as fsp, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { Finding } from '../core/findings';
import { Workbook } from '../core/grid';
import { RecognizedTable, TableSet } from '../core/model';
import {
  NarrativeDoc,
  NarrativeParams,
  NarrativeStats,
  analyzeNarrative,
  markdownToText,
  paramsFromJson,
  renderMarkdown,
  renderText,
  ParamProblem,
} from '../core/narrative';
import { NarrativeKind, narrativeKindOf } from '../core/kinds';
import { paramsFromWorkbook } from '../core/params-store';
import { narrativeDocx } from '../docx/narrative';
import { UserError } from './errors';
import { DEFAULT_LIMITS, FormatError, LimitError, limitMessage } from './limits';
import { checkedXmlText } from './xml';
import { ZipArchive } from './zip';

/** Largest 说明 text accepted: a real one is tens of KB; 10 MB is certainly the wrong file. */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** A .docx may hold pictures (the 收支 charts), so the file itself may be bigger. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
const MAX_PARAMS_BYTES = 2 * 1024 * 1024;

function toSet(tables: TableSet | readonly RecognizedTable[]): TableSet {
  return tables instanceof TableSet ? tables : new TableSet(tables);
}

function problemsMessage(source: string, problems: ParamProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => (p.where && !p.message.includes(p.where) && p.where !== p.path ? `${p.where}：${p.message}` : p.message));
  const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处` : '';
  return `${source} 有 ${problems.length} 处问题：${shown.join('；')}${more}（格式见 docs/narrative-params.md）`;
}

/** Parameters from a JSON file, or those saved in the workbook (pane's custom XML part, else the `参数` sheet), or none. */
export function loadParams(paramsPath: string | undefined, workbook?: Workbook): NarrativeParams {
  if (paramsPath) {
    const name = path.basename(paramsPath);
    let st;
    try {
      st = statSync(paramsPath);
    } catch {
      throw new UserError(`找不到参数文件 ${paramsPath}。`);
    }
    if (st.isDirectory()) throw new UserError(`参数文件 ${paramsPath} 是一个文件夹，请给出 .json 文件。`);
    if (st.size === 0) throw new UserError(`参数文件 ${name} 是空的。`);
    if (st.size > MAX_PARAMS_BYTES) throw new UserError(`参数文件 ${name} 过大（${mb(st.size)}），不像是说明参数文件。`);
    const raw = readFileSync(paramsPath);
    if (/\.xlsx?$/i.test(paramsPath)) throw new UserError(`参数文件 ${name} 是 Excel 文件：请把参数放在被校验工作簿的“参数”工作表中，或另存为 .json。`);
    const text = decodeText(raw, name, '参数文件');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UserError(`参数文件 ${name} 不是有效的 JSON${jsonWhere(text, e)}。`);
    }
    const { params, problems } = paramsFromJson(json);
    if (problems.length) throw new UserError(problemsMessage(`参数文件 ${name}`, problems));
    return params;
  }
  // The parameters the task pane saved in the workbook, else its 参数 sheet (core/params-store.ts).
  const stored = workbook && paramsFromWorkbook(workbook);
  if (stored) {
    if (stored.problems.length) throw new UserError(problemsMessage(stored.source, stored.problems));
    return stored.params;
  }
  return new NarrativeParams();
}

function jsonWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const m = /position (\d+)/.exec(msg);
  if (!m) return '';
  const pos = Number(m[1]);
  const line = text.slice(0, pos).split('\n').length;
  return `（第 ${line} 行附近；常见原因：多了或少了逗号、引号不是英文半角）`;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The text the tables' kind publishes (决算/预算情况说明, 绩效自评结果). */
function textKind(tables: TableSet): NarrativeKind {
  const k = narrativeKindOf(tables);
  if (!k?.narrative) throw new UserError('工作簿中没有可生成或核对情况说明的表格。');
  return k.narrative;
}

/** Writes the 说明 for these tables: .docx, .md or .txt by the extension of outPath. */
export async function writeNarrative(tables: TableSet | readonly RecognizedTable[], params: NarrativeParams, outPath: string): Promise<void> {
  const ext = path.extname(outPath).toLowerCase();
  if (!['.docx', '.md', '.txt'].includes(ext)) throw new UserError(`输出文件 ${outPath} 的扩展名应为 .docx 或 .md（也可 .txt）。`);
  const set = toSet(tables);
  const doc = (await textKind(set).loadGenerator())(set, params);
  let data: Buffer | string;
  if (ext === '.docx') data = await renderDocx(doc);
  else if (ext === '.md') data = renderMarkdown(doc);
  else data = renderText(doc);
  try {
    await fsp.writeFile(outPath, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '所在文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '文件正被其他程序（如 Word）打开' : code ?? '写入失败';
    throw new UserError(`无法写入 ${outPath}：${why}。`);
  }
}

/** loadParams + writeNarrative, as `budget narrative` needs it. */
export async function writeNarrativeFile(tables: TableSet | readonly RecognizedTable[], workbook: Workbook | undefined, paramsPath: string | undefined, outPath: string): Promise<void> {
  await writeNarrative(tables, loadParams(paramsPath, workbook), outPath);
}

/** What checking a 说明 file gives: its findings and what was read (sentences, figures). */
export interface NarrativeFileCheck {
  findings: Finding[];
  stats: NarrativeStats;
}

/**
 * Checks an existing 说明 file: against the tables (`budget validate … --narrative`), or on its
 * own when `tables` is undefined (`budget check-text`).
 */
export async function checkNarrativeFile(
  narrativePath: string,
  tables: TableSet | readonly RecognizedTable[] | undefined,
  workbook?: Workbook,
  paramsPath?: string,
): Promise<NarrativeFileCheck> {
  const text = await readNarrativeText(narrativePath);
  const params = loadParams(paramsPath, workbook);
  // With tables, the text their kind publishes; on its own (check-text), a 决算情况说明.
  const set = tables === undefined ? undefined : toSet(tables);
  const kind = set ? textKind(set) : undefined;
  const a = kind && set ? (await kind.loadChecker())(text, set, params) : analyzeNarrative(text, undefined, params);
  const findings = [...a.findings];
  if (a.stats.checked === 0) {
    findings.push({
      severity: 'warning',
      rule: '说明.无可核对内容',
      table: '说明',
      sheet: '',
      cells: [],
      message: `说明文件 ${path.basename(narrativePath)} 中没有识别到可核对的句子（如${kind?.example ?? '“收、支总计均为…万元”“基本支出…万元，占…%”'}）；请确认文件是否为${kind?.title ?? '部门决算情况说明'}。`,
    });
  }
  return { findings, stats: a.stats };
}

/** One line saying what was read, for the text reports. */
export function statsLine(file: string, s: NarrativeStats): string {
  const unplaced = s.unplaced ? `；${s.unplaced} 句中的数字未能核对（见提示）` : '';
  return `说明 ${path.basename(file)}：读取 ${s.sentences} 句，含数字 ${s.figures} 个（金额、百分比），已核对 ${s.checked} 个${unplaced}。\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading a 说明

/** The plain text of a .docx / .md / .txt 说明. */
export async function readNarrativeText(file: string): Promise<string> {
  const name = path.basename(file);
  let st;
  try {
    st = await fsp.stat(file);
  } catch {
    throw new UserError(`找不到说明文件 ${file}。`);
  }
  if (st.isDirectory()) throw new UserError(`说明文件 ${file} 是一个文件夹，请给出 .docx、.md 或 .txt 文件。`);
  if (st.size === 0) throw new UserError(`说明文件 ${name} 是空的（0 字节）。`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.doc') throw new UserError(`说明文件 ${name} 是旧版 Word（.doc）格式，请在 Word 中另存为 .docx 后再校验。`);
  if (ext === '.pdf') throw new UserError(`说明文件 ${name} 是 PDF，请先转成 .docx 或 .txt 文字后再校验。`);
  const limit = ext === '.docx' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (st.size > limit) {
    throw new UserError(`说明文件 ${name} 过大（${mb(st.size)}，上限 ${mb(limit)}）；情况说明通常只有几十 KB，请确认文件是否正确。`);
  }
  const buf = await fsp.readFile(file);
  let text: string;
  if (ext === '.docx') text = await docxText(buf, name);
  else {
    sniffBinary(buf, name);
    text = decodeText(buf, name, '说明文件');
    if (ext === '.md' || ext === '.markdown') text = markdownToText(text);
  }
  if (text.replace(/[\s\u3000]+/g, '') === '') throw new UserError(`说明文件 ${name} 没有文字内容。`);
  if (text.length > MAX_TEXT_BYTES) throw new UserError(`说明文件 ${name} 的文字过多（超过 1000 万字），请确认文件是否正确。`);
  return text;
}

function sniffBinary(buf: Buffer, name: string): void {
  const head = buf.subarray(0, 8);
  if (head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    throw new UserError(`说明文件 ${name} 是压缩格式（可能是 .docx 或 .xlsx 改了扩展名）；.docx 请保留 .docx 扩展名。`);
  }
  if (head.subarray(0, 4).toString('latin1') === '%PDF') throw new UserError(`说明文件 ${name} 是 PDF，请先转成 .docx 或 .txt 文字后再校验。`);
  if (head.toString('hex') === 'd0cf11e0a1b11ae1') throw new UserError(`说明文件 ${name} 是旧版 Office（.doc/.xls）格式，请另存为 .docx 后再校验。`);
}

/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (Chinese Windows
 * Notepad's ANSI). Binary content is refused.
 */
export function decodeText(buf: Buffer, name: string, what: string): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const sample = buf.subarray(0, 64 * 1024);
  if (sample.includes(0)) throw new UserError(`${what} ${name} 不是文本文件（含二进制内容）；请提供 .docx、.md 或 .txt。`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw new UserError(`${what} ${name} 的编码无法识别（不是 UTF-8 或 GBK 文本）；请另存为 UTF-8 文本。`);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let control = 0;
  const n = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  if (n > 0 && control / n > 0.01) throw new UserError(`${what} ${name} 不是文本文件（含大量控制字符）；请提供 .docx、.md 或 .txt。`);
  return text;
}

/** Text of word/document.xml: one line per paragraph, table rows as tab-separated cells. */
async function docxText(buf: Buffer, name: string): Promise<string> {
  const magic = buf.subarray(0, 4).toString('latin1');
  if (buf.subarray(0, 8).toString('hex') === 'd0cf11e0a1b11ae1') {
    throw new UserError(`说明文件 ${name} 是旧版 Word（.doc）或加密文档，请在 Word 中另存为未加密的 .docx 后再校验。`);
  }
  if (magic !== 'PK\u0003\u0004') throw new UserError(`说明文件 ${name} 不是有效的 .docx 文件（可能已损坏，或是改了扩展名的其他文件）。`);
  // The same bounded unzip and XML limits as workbooks: a bomb or a DTD stops at the first limit.
  const limits = { ...DEFAULT_LIMITS, partBytes: 8 * MAX_TEXT_BYTES };
  let xml: string;
  try {
    const zip = ZipArchive.fromBytes(buf, limits);
    const entry = zip.entry('word/document.xml');
    if (!entry) throw new UserError(`说明文件 ${name} 不是 Word 文档（缺少 word/document.xml）。`);
    xml = checkedXmlText(zip, entry);
  } catch (e) {
    if (e instanceof LimitError) throw new UserError(limitMessage(`说明文件 ${name}`, e));
    if (e instanceof FormatError) throw new UserError(`说明文件 ${name} 不是有效的 .docx 文件（${e.message}）。`);
    throw e;
  }
  return wordXmlToText(xml);
}

/** Extracts the visible text of WordprocessingML: paragraphs, tabs, breaks, table rows. */
export function wordXmlToText(xml: string): string {
  const out: string[] = [];
  let line = '';
  let rowCells: string[] | undefined;
  let cell = '';
  let depth = 0; // table nesting
  const re = /<w:tbl>|<w:tbl\s[^>]*>|<\/w:tbl>|<w:tr[\s>][^>]*>?|<w:tr>|<\/w:tr>|<w:tc[\s>][^>]*>?|<w:tc>|<\/w:tc>|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:br\s[^>]*\/>|<w:cr\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const tag = m[0];
    if (tag.startsWith('<w:t') && !tag.startsWith('<w:tab') && !tag.startsWith('<w:tbl') && !tag.startsWith('<w:tr') && !tag.startsWith('<w:tc')) {
      const t = decodeXml(m[1] ?? '');
      if (rowCells) cell += t;
      else line += t;
    } else if (tag === '<w:tab/>') {
      if (rowCells) cell += ' ';
      else line += '\t';
    } else if (tag.startsWith('<w:br') || tag === '<w:cr/>') {
      if (rowCells) cell += ' ';
      else {
        out.push(line);
        line = '';
      }
    } else if (tag === '</w:p>') {
      if (rowCells) cell += ' ';
      else {
        out.push(line);
        line = '';
      }
    } else if (tag.startsWith('<w:tbl')) depth++;
    else if (tag === '</w:tbl>') {
      depth = Math.max(0, depth - 1);
      out.push('');
    } else if (tag.startsWith('<w:tr')) {
      if (depth <= 1) rowCells = [];
    } else if (tag === '</w:tr>') {
      if (rowCells && depth <= 1) {
        out.push(rowCells.join('\t'));
        rowCells = undefined;
      }
    } else if (tag.startsWith('<w:tc')) {
      if (depth <= 1) cell = '';
    } else if (tag === '</w:tc>') {
      if (rowCells && depth <= 1) rowCells.push(cell.trim());
    }
  }
  if (line) out.push(line);
  return out.join('\n');
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}

/** The 说明 as .docx bytes (the layout is src/docx/narrative.ts, shared with the task pane). */
export async function renderDocx(doc: NarrativeDoc): Promise<Buffer> {
  const { Packer, document } = await narrativeDocx(doc);
  return Packer.toBuffer(document);
}
