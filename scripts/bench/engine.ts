/**
 * Engine benchmarks (issue 3): recognise + validate on the seed-000 workbook and on a generated
 * workbook whose 公开03/05 tables hold 20,000 code rows; the CLI end to end on the sample.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { Workbook } from '../../src/core/grid';
import { validateWorkbook } from '../../src/core/validate';
import { readWorkbook } from '../../src/cli/xlsx';
import { BenchRow, medianMs } from './types';
import { bigCodeSheet } from './workbooks';

const ROOT = path.join(__dirname, '..', '..', '..');

export async function run(): Promise<BenchRow[]> {
  const sample = path.join(ROOT, 'examples', '决算-样例.xlsx');
  const seed = await readWorkbook(sample);
  const seedMs = await medianMs(20, () => validateWorkbook(seed));
  const big: Workbook = {
    name: 'generated',
    sheets: [
      bigCodeSheet('公开03表', '支出决算表', ['本年支出合计', '基本支出', '项目支出']),
      bigCodeSheet('公开05表', '一般公共预算财政拨款支出决算表', ['小计', '基本支出', '项目支出']),
    ],
  };
  const rows = big.sheets[0].rows.length - 5;
  let findings = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const bigMs = await medianMs(5, () => {
    findings = validateWorkbook(big).summary.error;
  });
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  if (findings) throw new Error(`generated workbook should validate without errors, got ${findings}`);
  const cliMs = await medianMs(5, () => execFileSync(process.execPath, [path.join(ROOT, 'bin', 'budget.js'), 'validate', sample], { stdio: 'pipe' }));
  return [
    { name: 'recognise+validate, seed-000 workbook (parsed)', value: seedMs, unit: 'ms' },
    { name: `recognise+validate, 公开03 and 05 with ${rows} code rows each (parsed)`, value: bigMs, unit: 'ms', target: '< 300 ms' },
    { name: 'heap growth for the 20,000-row validation', value: Math.max(heapMb, 0), unit: 'MB' },
    { name: 'CLI end to end: budget validate examples/决算-样例.xlsx', value: cliMs, unit: 'ms', target: '< 1000 ms' },
  ];
}
