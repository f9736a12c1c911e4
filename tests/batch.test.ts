/**
 * `budget validate DIR`: every workbook under a folder in worker threads (the built worker in
 * dist/, as `npm test` builds it); one line per file, a summary, NDJSON with the single-file
 * contract, the worst exit code; a bad file, a crash, a hang or a file that needs too much
 * memory is that file's result only.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateFolder } from '../src/cli/batch';
import { gridXlsx } from '../scripts/xlsx-parts';
import { bigCodeSheets } from '../scripts/bench/workbooks';
import { fixture, runCli } from './helpers';

let root: string;
let dir: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-batch-'));
  dir = path.join(root, '部门报表');
  await fs.mkdir(path.join(dir, '2024', '下属单位'), { recursive: true });
  const copy = (from: string, to: string) => fs.copyFile(fixture(from), path.join(dir, to));
  await copy('决算-公开版.xlsx', '2024/本级.xlsx');
  await copy('bad/金额为文本.xlsx', '2024/下属单位/甲单位.xlsx');
  await copy('bad/损坏.xlsx', '2024/下属单位/乙单位.xlsx');
  await copy('决算-清洁版.xlsx', '汇总.XLSX');
  await copy('决算-清洁版.xlsx', '~$汇总.xlsx'); // Excel's lock file while 汇总.xlsx is open
  await fs.writeFile(path.join(dir, '说明.txt'), '不是工作簿');
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const FILES = ['2024/本级.xlsx', '2024/下属单位/甲单位.xlsx', '2024/下属单位/乙单位.xlsx', '汇总.XLSX'];

test('one line per file in name order, a summary, the worst exit code; lock files skipped and said so', async () => {
  const r = await runCli('validate', dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('');
  const lines = r.stdout.split('\n');
  expect(lines[0]).toBe(`校验文件夹 ${dir}：4 个工作簿，${Math.min(os.availableParallelism(), 4)} 个并行`);
  expect(lines.slice(1, 5)).toEqual([
    '  [通过] 2024/本级.xlsx — 9 张表，错误 0，尾差 8，提示 0',
    '  [有错误] 2024/下属单位/甲单位.xlsx — 9 张表，错误 1，尾差 0，提示 0',
    '  [无法使用] 2024/下属单位/乙单位.xlsx — 文件已损坏，无法作为 .xlsx 读取（找不到压缩包目录（文件不完整或已截断））。',
    '  [通过] 汇总.XLSX — 9 张表，错误 0，尾差 0，提示 0',
  ]);
  expect(r.stdout).toContain('  文件　　　 4 个（通过 2，有错误 1，无法使用 1）\n  识别到的表 27 张\n  错误　　　 1 条\n  尾差　　　 8 条\n  提示　　　 0 条\n');
  expect(r.stdout).toContain('无法使用的文件：\n  2024/下属单位/乙单位.xlsx：文件已损坏');
  expect(r.stdout).toContain('已跳过 1 个 Excel 临时锁文件（工作簿正在 Excel 中打开时产生）：~$汇总.xlsx');
});

test('--json: one object per line, each exactly what `validate FILE --json` gives, plus `error` for unusable files', async () => {
  const r = await runCli('validate', dir, '--json', '--jobs', '2');
  expect(r.code).toBe(2);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.file)).toEqual(FILES);
  for (const [i, name] of FILES.entries()) {
    const single = await runCli('validate', path.join(dir, name), '--json');
    if (single.code === 2) {
      expect(lines[i]).toEqual({ file: name, tables: [], findings: [], summary: { error: 0, rounding: 0, warning: 0 }, conditions: [], error: single.stderr.trim().replace(/^budget: /, '') });
    } else {
      expect(lines[i]).toEqual({ ...JSON.parse(single.stdout), file: name });
    }
  }
  expect(r.stderr).toBe('已跳过 1 个 Excel 临时锁文件：~$汇总.xlsx\n');
});

test('the same output with one worker and with several', async () => {
  const one = await runCli('validate', dir, '--json', '--jobs', '1');
  const three = await runCli('validate', dir, '--json', '--jobs', '3');
  expect(three.stdout).toBe(one.stdout);
  expect(three.code).toBe(one.code);
});

test('exit code 1 when the worst file has 错误, 0 when none has', async () => {
  const sub = path.join(root, '只有可用的');
  await fs.mkdir(sub);
  await fs.copyFile(fixture('决算-公开版.xlsx'), path.join(sub, 'a.xlsx'));
  expect((await runCli('validate', sub)).code).toBe(0);
  await fs.copyFile(fixture('bad/金额为文本.xlsx'), path.join(sub, 'b.xlsx'));
  expect((await runCli('validate', sub)).code).toBe(1);
});

test('a folder without workbooks, bad --jobs, --narrative with a folder', async () => {
  const empty = path.join(root, '空');
  await fs.mkdir(empty);
  await fs.copyFile(fixture('决算-公开版.xlsx'), path.join(empty, '~$锁.xlsx'));
  const r = await runCli('validate', empty);
  expect([r.code, r.stderr.trim()]).toEqual([2, `budget: 文件夹 ${empty} 中没有 .xlsx 工作簿（只有 1 个 Excel 临时锁文件 ~$…，已跳过）。`]);
  expect((await runCli('validate', dir, '--jobs', '0')).stderr).toContain('--jobs 应为 1 到 256 之间的整数');
  expect((await runCli('validate', dir, '--jobs')).stderr).toContain('参数 --jobs 后面需要一个数字');
  expect((await runCli('validate', dir, '--narrative', 'x.docx')).stderr).toContain('--narrative 只能用于单个工作簿');
  expect((await runCli('validate', fixture('决算-公开版.xlsx'), '--jobs', '2')).stderr).toContain('--jobs 只能用于文件夹');
});

describe('a worker that fails is that file’s failure only', () => {
  let sub: string;
  beforeAll(async () => {
    sub = path.join(root, '异常');
    await fs.mkdir(sub);
    for (const name of ['1-正常.xlsx', '2-崩溃.xlsx', '3-卡住.xlsx', '4-正常.xlsx']) await fs.copyFile(fixture('决算-公开版.xlsx'), path.join(sub, name));
  });

  async function run(folder: string, options: Parameters<typeof validateFolder>[1]) {
    let out = '';
    const code = await validateFolder(folder, options, { out: (t) => (out += t), err: (t) => (out += t) });
    return { code, lines: out.trim().split('\n').map((l) => JSON.parse(l)) };
  }

  test('out of memory', async () => {
    const big = path.join(root, '内存');
    await fs.mkdir(big);
    await fs.copyFile(fixture('决算-公开版.xlsx'), path.join(big, '1-正常.xlsx'));
    // 10,020 code rows a table: needs more than a 16 MB heap.
    await fs.writeFile(path.join(big, '2-大表.xlsx'), gridXlsx(bigCodeSheets(20)));
    await fs.copyFile(fixture('决算-公开版.xlsx'), path.join(big, '3-正常.xlsx'));
    const r = await run(big, { json: true, jobs: 1, heapMb: 16 });
    expect(r.lines.map((l) => [l.file, l.error ?? l.summary.error])).toEqual([
      ['1-正常.xlsx', 0],
      ['2-大表.xlsx', '处理时所需内存超过 16 MB 的上限，已停止'],
      ['3-正常.xlsx', 0],
    ]);
    expect(r.code).toBe(2);
  });

  test('a crash and a hang', async () => {
    // A worker that misbehaves on some files and otherwise does the real work.
    const worker = path.join(root, 'misbehaving-worker.js');
    const real = path.join(__dirname, '..', 'dist', 'src', 'cli', 'batch-worker.js');
    await fs.writeFile(
      worker,
      `const { parentPort } = require('worker_threads');
const { checkTask } = require(${JSON.stringify(real)});
parentPort.on('message', async (t) => {
  if (t.name.includes('崩溃')) process.exit(3);
  if (t.name.includes('卡住')) for (;;);
  parentPort.postMessage(await checkTask(t));
});`,
    );
    const r = await run(sub, { json: true, jobs: 2, timeoutMs: 5000, workerFile: worker });
    expect(r.lines.map((l) => [l.file, l.error ?? l.summary.error])).toEqual([
      ['1-正常.xlsx', 0],
      ['2-崩溃.xlsx', '处理线程意外退出（退出码 3）'],
      ['3-卡住.xlsx', '处理超过 5 秒，已停止'],
      ['4-正常.xlsx', 0],
    ]);
  });
});
