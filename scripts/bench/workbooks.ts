/**
 * Generated workbooks for the benchmarks: the standard code tables (公开03表, 公开05表) at any
 * size, consistent so that they validate without 错误, written as .xlsx the way Excel stores them.
 */
import { mkdirSync, existsSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GridCell, Sheet } from '../../src/core/grid';
import { gridXlsx } from '../xlsx-parts';

const text = (value: string): GridCell => ({ value });
const num = (value: number): GridCell => ({ value: Math.round(value * 100) / 100, numFmt: '#,##0.00' });

/** A code table in the standard layout with `classes` 类 × 20 款 × 24 项 (501 rows a 类), consistent sums. */
export function bigCodeSheet(name: string, title: string, headers: string[], classes = 40): Sheet {
  const rows: (GridCell | undefined)[][] = [
    [text(`2024年度${title}`)],
    [text(name), undefined, undefined, text('单位：万元')],
    [text('功能分类科目编码'), text('科目名称'), ...headers.map(text)],
    [text('类款项'), text('栏次'), ...headers.map((_, i) => text(String(i + 1)))],
  ];
  const body: (GridCell | undefined)[][] = [];
  let grand = [0, 0, 0];
  for (let c = 1; c <= classes; c++) {
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

/** 公开03表 and 公开05表 with `classes` × 501 code rows each (200 → 100,200 rows a table). */
export function bigCodeSheets(classes: number): Sheet[] {
  return [
    bigCodeSheet('公开03表', '支出决算表', ['本年支出合计', '基本支出', '项目支出'], classes),
    bigCodeSheet('公开05表', '一般公共预算财政拨款支出决算表', ['小计', '基本支出', '项目支出'], classes),
  ];
}

export const BENCH_DIR = path.join(os.tmpdir(), 'budget-bench');

/** The .xlsx of bigCodeSheets(classes), written once into BENCH_DIR and reused. */
export function bigWorkbookFile(classes: number): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `code-rows-${classes * 501}.xlsx`);
  if (!existsSync(file)) writeFileSync(file, gridXlsx(bigCodeSheets(classes)));
  return file;
}
