/**
 * Reads an .xlsx file into the engine's plain grid with ExcelJS. Files that are not a usable
 * workbook (not a zip, encrypted, .xls, corrupt) become a UserError naming the file.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Cell, Row, Worksheet } from 'exceljs';
import { CellValue, GridCell, MergeRange, Sheet, Workbook, parseAddress } from '../core/grid';
import { UserError } from './errors';

/*
 * Whole-file reading only. ExcelJS 4.4's streaming WorkbookReader loses xl/workbook.xml in a
 * race on Node ≥ 18 (exceljs#3064) and then rejects valid files ("reading 'sheets'"); it also
 * drops merged ranges, which header recognition needs. The size cap bounds memory instead:
 * reading takes about 170 MB per 1 MB of .xlsx (a 1.7 MB sheet of 300,000 cells: 290 MB).
 */
const MAX_FILE_SIZE = 20 * 1024 * 1024;

type ExcelJSModule = typeof import('exceljs');
let excel: ExcelJSModule | undefined;
function exceljs(): ExcelJSModule {
  // Loaded on first use: `budget eval` never pays for it.
  return (excel ??= require('exceljs') as ExcelJSModule);
}

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

export async function readWorkbook(file: string): Promise<Workbook> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new UserError(`找不到文件：${file}`);
  }
  if (!stat.isFile()) throw new UserError(`不是文件：${file}`);
  if (stat.size > MAX_FILE_SIZE) throw new UserError(`${name}：文件过大（${(stat.size / 1048576).toFixed(0)} MB），超过 20 MB 上限（部门决算公开表通常不到 1 MB，请只保留公开表后再校验）。`);
  const handle = await fs.open(file, 'r');
  const head = Buffer.alloc(Math.min(stat.size, 65536));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
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
  try {
    return await readWhole(file, name);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${name}：文件已损坏，无法作为 .xlsx 读取（${shortReason(e)}）。`);
  }
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 80);
}

async function readWhole(file: string, name: string): Promise<Workbook> {
  const wb = new (exceljs().Workbook)();
  await wb.xlsx.readFile(file);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => sheets.push(readSheet(ws)));
  return { name, sheets };
}

function readSheet(ws: Worksheet): Sheet {
  const rows: (GridCell | undefined)[][] = [];
  const mergeType = exceljs().ValueType.Merge;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    rows[r - 1] = rowCells(row, mergeType);
  });
  return { name: ws.name, rows, merges: mergesOf(ws) };
}

/** One row's cells; merged cells other than the top-left one are left empty (the value is there). */
function rowCells(row: Row, mergeType: number): (GridCell | undefined)[] {
  const cells: (GridCell | undefined)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, c) => {
    if (cell.type === mergeType) return;
    const g = toGridCell(cell);
    if (g) cells[c - 1] = g;
  });
  return cells;
}

function mergesOf(ws: Worksheet): MergeRange[] {
  const out: MergeRange[] = [];
  const list: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  for (const m of list) {
    const [a, b] = m.split(':');
    const p = parseAddress(a);
    const q = parseAddress(b ?? a);
    if (p && q) out.push({ top: p.row, left: p.col, bottom: q.row, right: q.col });
  }
  return out;
}

/** ExcelJS cell value → grid value (formula → its cached result; rich text → plain text). */
export function toGridCell(cell: Pick<Cell, 'value' | 'numFmt'> & { result?: unknown }): GridCell | undefined {
  const v = cell.value as unknown;
  const numFmt = cell.numFmt || undefined;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, numFmt };
  if (v instanceof Date) return { value: formatDate(v), numFmt };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // ExcelJS leaves a cached 0 out of `value`; `cell.result` still has it.
      const result = o.result !== undefined ? o.result : cell.result;
      const formula = String(o.formula ?? o.sharedFormula ?? '');
      if (result === undefined || result === null) return { value: null, formula, numFmt };
      const inner = toGridCell({ value: result as Cell['value'], numFmt: cell.numFmt });
      return { value: inner?.value ?? null, formula, numFmt };
    }
    if ('error' in o) return { value: { error: String(o.error) }, numFmt };
    if ('richText' in o && Array.isArray(o.richText)) return { value: o.richText.map((t: { text?: string }) => t.text ?? '').join(''), numFmt };
    if ('text' in o) return { value: String(o.text), numFmt };
  }
  return { value: String(v) as CellValue, numFmt };
}

function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
