/**
 * The reference the reader is measured and tested against: ExcelJS's readFile (the previous
 * reader, version pinned by the lock file) turned into the same grid. Run as a script it is
 * one whole process of a kind the benchmarks time:
 *   node dist/scripts/bench/reference.js exceljs-read FILE      ExcelJS readFile only
 *   node dist/scripts/bench/reference.js exceljs-validate FILE  the previous pipeline: ExcelJS + engine
 *   node dist/scripts/bench/reference.js read FILE              the streaming reader only
 *   node --expose-gc dist/scripts/bench/reference.js read-heap FILE   prints the heap the grid keeps
 * ExcelJS and the engine are loaded only by the modes that use them: `read` is the reader alone.
 */
import type ExcelJS from 'exceljs';
import { CellValue, GridCell, MergeRange, Sheet, Workbook, parseAddress } from '../../src/core/grid';
import { readWorkbook } from '../../src/cli/read-xlsx';

export const EXCELJS_VERSION: string = require('exceljs/package.json').version;

function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

function plain(v: unknown): CellValue {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'error' in v) return { error: String((v as { error: unknown }).error) };
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return v as CellValue;
}

/** What ExcelJS makes of a cell, as a grid cell: formula text, cached result, plain text. */
export function excelJsCell(cell: ExcelJS.Cell): GridCell | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined || cell.type === exceljs().ValueType.Merge) return undefined;
  const out: GridCell = { value: null };
  if (v && typeof v === 'object' && 'formula' in v) {
    // ExcelJS leaves a cached 0 out of `value`; `cell.result` still has it.
    const result = (v as ExcelJS.CellFormulaValue).result ?? (cell as unknown as { result?: unknown }).result;
    out.value = result === undefined ? null : plain(result);
    out.formula = (v as ExcelJS.CellFormulaValue).formula;
  } else out.value = plain(v);
  if (cell.numFmt && cell.numFmt !== 'General') out.numFmt = cell.numFmt;
  return out;
}

/** A workbook read with ExcelJS's readFile, as the engine's grid. */
export async function excelJsWorkbook(file: string): Promise<Workbook> {
  const wb = new (exceljs().Workbook)();
  await wb.xlsx.readFile(file);
  const sheets: Sheet[] = wb.worksheets.map((ws) => {
    const rows: (GridCell | undefined)[][] = [];
    ws.eachRow((row, r) => {
      const cells: (GridCell | undefined)[] = (rows[r - 1] = []);
      row.eachCell((cell, c) => (cells[c - 1] = excelJsCell(cell)));
    });
    const merges: MergeRange[] = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b] = m.split(':').map((x) => parseAddress(x)!);
      return { top: a.row, left: a.col, bottom: (b ?? a).row, right: (b ?? a).col };
    });
    return { name: ws.name, rows, merges };
  });
  return { name: file, sheets };
}

async function main(mode: string, file: string): Promise<void> {
  if (mode === 'exceljs-read') await new (exceljs().Workbook)().xlsx.readFile(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  else if (mode === 'exceljs-validate') (require('../../src/core/validate') as typeof import('../../src/core/validate')).validateWorkbook(await excelJsWorkbook(file));
  else if (mode === 'read') await readWorkbook(file);
  else if (mode === 'read-heap') {
    const gc = (globalThis as { gc?: () => void }).gc!;
    gc();
    const before = process.memoryUsage().heapUsed;
    const wb = await readWorkbook(file);
    gc();
    process.stdout.write(JSON.stringify({ heapMb: (process.memoryUsage().heapUsed - before) / 1048576, sheets: wb.sheets.length }));
  } else throw new Error(`unknown mode ${mode}`);
}

if (require.main === module) {
  main(process.argv[2], process.argv[3]).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
    process.exitCode = 2;
  });
}
