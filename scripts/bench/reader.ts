/**
 * The reader and the CLI as whole processes (issue 9): the CLI on the sample against a bare
 * node start and the reader alone; 100,000 code rows a table against ExcelJS's readFile (the
 * previous reader, pinned) and the previous pipeline (ExcelJS + engine); the heap the parsed
 * grid keeps, after a forced GC.
 */
import * as path from 'path';
import { execFileSync } from 'child_process';
import { BUDGET, REFERENCE, ROOT, measureInTurn } from './process';
import { EXCELJS_VERSION } from './reference';
import { BenchRow } from './types';
import { bigWorkbookFile } from './workbooks';

const ratio = (a: number, b: number) => a / b;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sample = path.join(ROOT, 'examples', '决算-样例.xlsx');
  const [cli, bare, alone] = measureInTurn([[BUDGET, 'validate', sample], ['-e', ''], [REFERENCE, 'read', sample]], 9);
  rows.push(
    { name: 'CLI: budget validate examples/决算-样例.xlsx (whole process)', value: cli.ms, unit: 'ms' },
    { name: 'bare start: node -e ""', value: bare.ms, unit: 'ms' },
    { name: 'node start + the streaming reader alone on the sample', value: alone.ms, unit: 'ms' },
    { name: 'CLI ÷ (start + reader alone), wall', value: ratio(cli.ms, alone.ms), unit: '×', target: '≤ 1.5×' },
    { name: 'CLI ÷ (start + reader alone), CPU', value: ratio(cli.cpu, alone.cpu), unit: '×' },
  );

  const big = bigWorkbookFile(200);
  const [now, excel, before] = measureInTurn([[BUDGET, 'validate', big], [REFERENCE, 'exceljs-read', big], [REFERENCE, 'exceljs-validate', big]], 3, false);
  const label = '100,200 code rows × 2 tables';
  rows.push(
    { name: `${label}: budget validate, wall`, value: now.ms / 1000, unit: 's' },
    { name: `${label}: budget validate, peak RSS`, value: now.mb, unit: 'MB' },
    { name: `${label}: ExcelJS ${EXCELJS_VERSION} readFile alone, wall`, value: excel.ms / 1000, unit: 's' },
    { name: `${label}: ExcelJS ${EXCELJS_VERSION} readFile alone, peak RSS`, value: excel.mb, unit: 'MB' },
    { name: `${label}: previous pipeline (ExcelJS + engine), wall`, value: before.ms / 1000, unit: 's' },
    { name: `${label}: previous pipeline (ExcelJS + engine), peak RSS`, value: before.mb, unit: 'MB' },
    { name: `${label}: wall, budget validate ÷ previous pipeline`, value: ratio(now.ms, before.ms), unit: '×', target: '≤ 0.5×' },
    { name: `${label}: peak RSS, budget validate ÷ previous pipeline`, value: ratio(now.mb, before.mb), unit: '×', target: '≤ 0.5×' },
    { name: `${label}: CPU, budget validate ÷ previous pipeline`, value: ratio(now.cpu, before.cpu), unit: '×' },
    { name: `${label}: wall, budget validate ÷ ExcelJS readFile alone`, value: ratio(now.ms, excel.ms), unit: '×' },
    { name: `${label}: peak RSS, budget validate ÷ ExcelJS readFile alone`, value: ratio(now.mb, excel.mb), unit: '×' },
  );

  const heap = JSON.parse(execFileSync(process.execPath, ['--expose-gc', REFERENCE, 'read-heap', big], { encoding: 'utf8' })) as { heapMb: number; sheets: number };
  if (heap.sheets !== 2) throw new Error('generated workbook misread');
  rows.push({ name: `${label}: heap the parsed grid keeps (after forced GC)`, value: heap.heapMb, unit: 'MB' });
  return rows;
}
