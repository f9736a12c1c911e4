/**
 * Folder validation (issue 9): `budget validate DIR --json` over 200 workbooks (the seed
 * fixtures, good and bad, copied round-robin; exit code 2, the worst file's), whole process,
 * with one worker and with one per core; files per second.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUDGET, ROOT, measureInTurn } from './process';
import { BenchRow } from './types';
import { BENCH_DIR } from './workbooks';

const FILES = 200;

function folderOf200(): string {
  const dir = path.join(BENCH_DIR, `folder-${FILES}`);
  if (existsSync(dir) && readdirSync(dir).length === FILES) return dir;
  mkdirSync(dir, { recursive: true });
  const fixtures = path.join(ROOT, 'tests', 'fixtures');
  const sources = [
    ...readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(fixtures, f)),
    ...['金额为文本', '公式无缓存', '错误值', '损坏', '无表格'].map((f) => path.join(fixtures, 'bad', `${f}.xlsx`)),
  ];
  for (let i = 0; i < FILES; i++) copyFileSync(sources[i % sources.length], path.join(dir, `单位${String(i + 1).padStart(3, '0')}.xlsx`));
  return dir;
}

export async function run(): Promise<BenchRow[]> {
  const dir = folderOf200();
  const cores = os.availableParallelism();
  const [one, all] = measureInTurn([[BUDGET, 'validate', dir, '--json', '--jobs', '1'], [BUDGET, 'validate', dir, '--json', '--jobs', String(cores)]], 1, false, [2]);
  return [
    { name: `folder of ${FILES} workbooks, --jobs 1: files per second`, value: FILES / (one.ms / 1000), unit: 'files/s' },
    { name: `folder of ${FILES} workbooks, --jobs ${cores} (all cores): files per second`, value: FILES / (all.ms / 1000), unit: 'files/s' },
    { name: `folder of ${FILES} workbooks, --jobs ${cores}: peak RSS of the process`, value: all.mb, unit: 'MB' },
  ];
}
