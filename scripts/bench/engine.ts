/**
 * Engine benchmarks (issue 3): recognise + validate on the seed-000 workbook and on a generated
 * workbook whose 公开03/05 tables hold 20,000 code rows; the CLI end to end on the sample.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { GridCell, Sheet, Workbook } from '../../src/core/grid';
import { validateWorkbook } from '../../src/core/validate';
import { readWorkbook } from '../../src/cli/xlsx';
import { BenchRow, medianMs } from './types';

const ROOT = path.join(__dirname, '..', '..', '..');

const text = (value: string): GridCell => ({ value });
const num = (value: number): GridCell => ({ value: Math.round(value * 100) / 100, numFmt: '#,##0.00' });

/** A code table in the standard layout with 40 类 × 20 款 × 24 项 (20,040 rows), consistent sums. */
export function bigCodeSheet(name: string, title: string, headers: string[]): Sheet {
  const rows: (GridCell | undefined)[][] = [
    [text(`2024年度${title}`)],
    [text(name), undefined, undefined, text('单位：万元')],
    [text('功能分类科目编码'), text('科目名称'), ...headers.map(text)],
    [text('类款项'), text('栏次'), ...headers.map((_, i) => text(String(i + 1)))],
  ];
  const body: (GridCell | undefined)[][] = [];
  let grand = [0, 0, 0];
  for (let c = 1; c <= 40; c++) {
    const cls = String(200 + c);
    const clsRow: (GridCell | undefined)[] = [text(cls), text(`类${cls}`)];
    body.push(clsRow);
    let clsSum = [0, 0, 0];
    for (let k = 1; k <= 20; k++) {
      const kuan = cls + String(k).padStart(2, '0');
      const kuanRow: (GridCell | undefined)[] = [text(kuan), text(`款${kuan}`)];
      body.push(kuanRow);
      let kuanSum = [0, 0, 0];
      for (let x = 1; x <= 24; x++) {
        const basic = ((c * 31 + k * 7 + x * 13) % 997) / 10;
        const project = ((c * 17 + k * 11 + x * 5) % 499) / 10;
        const v = [basic + project, basic, project];
        body.push([text(kuan + String(x).padStart(2, '0')), text('事业运行'), ...v.map(num)]);
        kuanSum = kuanSum.map((s, i) => s + v[i]);
      }
      kuanRow.push(...kuanSum.map(num));
      clsSum = clsSum.map((s, i) => s + kuanSum[i]);
    }
    clsRow.push(...clsSum.map(num));
    grand = grand.map((s, i) => s + clsSum[i]);
  }
  rows.push([undefined, text('合计'), ...grand.map(num)], ...body);
  return { name, rows };
}

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
