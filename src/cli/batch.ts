/**
 * `budget validate DIR [--json] [--jobs N]`: every .xlsx under a folder, validated by a pool of
 * worker threads. One line per file (in name order, as soon as it and those before it are done)
 * and a summary; with --json one JSON object per line, the same contract as for one file. A bad
 * file, a crashed worker or one that runs out of memory or time is that file's result only.
 */
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FindingSummary } from '../core/findings';
import type { Outcome, Task } from './batch-worker';
import { UserError } from './errors';
import type { Io } from './main';

export interface FolderOptions {
  json: boolean;
  /** Worker threads; default: the number of processor cores. */
  jobs?: number;
  /** Heap limit of each worker in MB: a file that needs more is reported, not fatal. */
  heapMb?: number;
  /** Time limit per file in ms. */
  timeoutMs?: number;
  /** The worker script (tests substitute one that misbehaves). */
  workerFile?: string;
}

const DEFAULT_HEAP_MB = 1536;
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/** Office's lock file of an open workbook (`~$名称.xlsx`): not a workbook. */
function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Every .xlsx under dir (symbolic links to folders are not followed), by relative path. */
async function findWorkbooks(dir: string): Promise<{ files: string[]; locks: string[] }> {
  const files: string[] = [];
  const locks: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      throw new UserError(`无法读取文件夹 ${path.join(dir, rel)}：${(e as NodeJS.ErrnoException).code ?? String(e)}。`);
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if ((e.isFile() || e.isSymbolicLink()) && /\.xlsx$/i.test(e.name)) (isLockFile(e.name) ? locks : files).push(r);
    }
  };
  await walk('');
  const order = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  return { files: files.sort(order), locks: locks.sort(order) };
}

/** The compiled worker beside this module, or in dist/ when this module runs from source (tests). */
function defaultWorkerFile(): string {
  const beside = path.join(__dirname, 'batch-worker.js');
  return existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'batch-worker.js');
}

/** One worker thread that is kept while it behaves and replaced when it dies or hangs. */
class Lane {
  private worker: Worker | undefined;

  constructor(private readonly opts: Required<Pick<FolderOptions, 'heapMb' | 'timeoutMs' | 'workerFile'>>) {}

  run(task: Task): Promise<Outcome> {
    const w = (this.worker ??= this.start());
    return new Promise((resolve) => {
      const finish = (o: Outcome, dead: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (dead) {
          void w.terminate();
          this.worker = undefined;
        }
        resolve(o);
      };
      const fail = (why: string) => finish({ name: task.name, code: 2, error: why }, true);
      const onMessage = (o: Outcome) => finish(o, false);
      const onError = (e: Error & { code?: string }) =>
        fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `处理时所需内存超过 ${this.opts.heapMb} MB 的上限，已停止` : `处理时出错：${e.message.split('\n')[0]}`);
      const onExit = (code: number) => fail(`处理线程意外退出（退出码 ${code}）`);
      const timer = setTimeout(() => fail(`处理超过 ${Math.round(this.opts.timeoutMs / 1000)} 秒，已停止`), this.opts.timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(task);
    });
  }

  private start(): Worker {
    const w = new Worker(this.opts.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb } });
    w.on('error', () => {}); // reported by run(); a dead worker must not throw into the process
    return w;
  }

  close(): Promise<number> | undefined {
    return this.worker?.terminate();
  }
}

const STATUS: Record<Outcome['code'], string> = { 0: '通过', 1: '有错误', 2: '无法使用' };

/** Why a file cannot be used, without the base name its message starts with (the line names the file). */
function reason(o: Outcome): string {
  const base = path.basename(o.name);
  const why = o.error ?? '';
  return why.startsWith(`${base}：`) ? why.slice(base.length + 1) : why;
}

function fileLine(o: Outcome): string {
  if (o.error !== undefined) return `  [${STATUS[2]}] ${o.name} — ${reason(o)}`;
  const r = o.report!;
  const s = r.summary;
  return `  [${STATUS[o.code]}] ${o.name} — ${r.tables.length} 张表，错误 ${s.error}，尾差 ${s.rounding}，提示 ${s.warning}`;
}

function jsonLine(o: Outcome): string {
  const empty: FindingSummary = { error: 0, rounding: 0, warning: 0 };
  const obj = o.report ?? { file: o.name, tables: [], findings: [], summary: empty, conditions: [], error: o.error };
  return JSON.stringify(obj);
}

function summaryText(dir: string, outcomes: readonly Outcome[], locks: readonly string[], seconds: number, jobs: number): string {
  const count = (c: Outcome['code']) => outcomes.filter((o) => o.code === c).length;
  const total = (k: keyof FindingSummary) => outcomes.reduce((n, o) => n + (o.report?.summary[k] ?? 0), 0);
  const tables = outcomes.reduce((n, o) => n + (o.report?.tables.length ?? 0), 0);
  const rows: [string, string][] = [
    ['文件', `${outcomes.length} 个（通过 ${count(0)}，有错误 ${count(1)}，无法使用 ${count(2)}）`],
    ['识别到的表', `${tables} 张`],
    ['错误', `${total('error')} 条`],
    ['尾差', `${total('rounding')} 条`],
    ['提示', `${total('warning')} 条`],
  ];
  const out = ['', `汇总（用时 ${seconds.toFixed(1)} 秒，${jobs} 个并行）`, ...rows.map(([k, v]) => `  ${k}${'　'.repeat(5 - k.length)} ${v}`)];
  const bad = outcomes.filter((o) => o.error !== undefined);
  if (bad.length) out.push('', '无法使用的文件：', ...bad.map((o) => `  ${o.name}：${reason(o)}`));
  if (locks.length) out.push('', `已跳过 ${locks.length} 个 Excel 临时锁文件（工作簿正在 Excel 中打开时产生）：${locks.join('、')}`);
  const firstWithErrors = outcomes.find((o) => o.code === 1);
  if (firstWithErrors) out.push('', `查看一个文件的详细结果，例如：budget validate "${path.join(dir, firstWithErrors.name)}"`);
  return out.join('\n') + '\n';
}

/** Validates every workbook under dir; returns the worst file's exit code. */
export async function validateFolder(dir: string, options: FolderOptions, io: Io): Promise<number> {
  const t0 = Date.now();
  const { files, locks } = await findWorkbooks(dir);
  if (!files.length) {
    throw new UserError(`文件夹 ${dir} 中没有 .xlsx 工作簿${locks.length ? `（只有 ${locks.length} 个 Excel 临时锁文件 ~$…，已跳过）` : ''}。`);
  }
  const jobs = Math.min(options.jobs ?? (os.availableParallelism?.() ?? os.cpus().length), files.length);
  const laneOpts = { heapMb: options.heapMb ?? DEFAULT_HEAP_MB, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, workerFile: options.workerFile ?? defaultWorkerFile() };
  if (!options.json) io.out(`校验文件夹 ${dir}：${files.length} 个工作簿，${jobs} 个并行\n`);
  else if (locks.length) io.err(`已跳过 ${locks.length} 个 Excel 临时锁文件：${locks.join('、')}\n`);

  const outcomes: Outcome[] = new Array(files.length);
  let printed = 0;
  const print = () => {
    // In name order: each line as soon as it and every line before it are known.
    while (printed < files.length && outcomes[printed]) io.out((options.json ? jsonLine : fileLine)(outcomes[printed++]) + '\n');
  };
  let next = 0;
  const lanes = Array.from({ length: jobs }, () => new Lane(laneOpts));
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < files.length) {
          const i = next++;
          outcomes[i] = await lane.run({ file: path.resolve(dir, files[i]), name: files[i] });
          print();
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((l) => l.close()));
  }
  if (!options.json) io.out(summaryText(dir, outcomes, locks, (Date.now() - t0) / 1000, jobs));
  return Math.max(...outcomes.map((o) => o.code));
}
