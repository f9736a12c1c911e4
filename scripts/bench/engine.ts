/**
 * Engine benchmarks: recognise + validate on the seed-000 workbook and on a generated workbook
 * whose 公开03/05 tables hold 20,040 code rows each (parsed grids, no file reading); the heap
 * the result keeps, measured after a forced GC.
 */
import * as path from 'path';
import { Workbook } from '../../src/core/grid';
import { validateWorkbook } from '../../src/core/validate';
import { readWorkbook } from '../../src/cli/read-xlsx';
import { ROOT } from './process';
import { BenchRow, liveHeapMb, medianMs } from './types';
import { bigCodeSheets } from './workbooks';

export async function run(): Promise<BenchRow[]> {
  const sample = path.join(ROOT, 'examples', '决算-样例.xlsx');
  const seed = await readWorkbook(sample);
  const seedMs = await medianMs(20, () => validateWorkbook(seed));
  const big: Workbook = { name: 'generated', sheets: bigCodeSheets(40) };
  const rows = big.sheets[0].rows.length - 5;
  let findings = 0;
  const bigMs = await medianMs(5, () => {
    findings = validateWorkbook(big).summary.error;
  });
  if (findings) throw new Error(`generated workbook should validate without errors, got ${findings}`);
  const before = liveHeapMb();
  const result = validateWorkbook(big);
  const kept = liveHeapMb() - before;
  if (result.summary.error) throw new Error('generated workbook should validate without errors');
  return [
    { name: 'recognise+validate, seed-000 workbook (parsed)', value: seedMs, unit: 'ms' },
    { name: `recognise+validate, 公开03 and 05 with ${rows} code rows each (parsed)`, value: bigMs, unit: 'ms', target: '≤ 300 ms' },
    { name: `heap the ${rows}-row validation result keeps (after forced GC)`, value: Math.max(kept, 0), unit: 'MB' },
  ];
}
