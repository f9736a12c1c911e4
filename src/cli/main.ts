/**
 * The `budget` command: the engine of src/core over .xlsx files, without Excel.
 * Exit codes: 0 no 错误, 1 at least one 错误 (or a failed eval), 2 input that cannot be used.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { summarize } from '../core/findings';
import { UserError } from './errors';
import { formatLayout, formatReport } from './report';
import { exitCodeOf, loadTables, validateFile } from './validate-file';

const USAGE = `用法：
  budget validate 文件.xlsx [--json] [--params 参数.json] [--narrative 说明.docx|.md|.txt]
  budget validate 文件.xlsx --layout        （显示每张表是如何识别的）
  budget validate 文件夹 [--json] [--jobs N]
  budget narrative 文件.xlsx [--params 参数.json] --out 说明.docx|说明.md
  budget check-text 说明.txt|.docx|.md [--json] [--params 参数.json]
  budget template 决算|预算|绩效 --out 文件.xlsx
  budget eval "=BUDGET.EXECRATE(2964.05,3001.01)"
`;

interface Args {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--params', '--narrative', '--out', '--jobs']);
const BOOL_FLAGS = new Set(['--json', '--layout', '--help', '-h']);

export function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UserError(`参数 ${a} 后面需要${a === '--jobs' ? '一个数字' : '一个文件名'}。\n${USAGE}`);
      flags.set(a, v);
      i++;
    } else if (BOOL_FLAGS.has(a)) {
      flags.set(a, true);
    } else if (a.startsWith('--')) {
      throw new UserError(`不认识的参数 ${a}。\n${USAGE}`);
    } else {
      positional.push(a);
    }
  }
  return { command: positional.shift(), positional, flags };
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Runs the command line; returns the exit code. Never throws for bad input. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'validate':
        return await validate(args, io);
      case 'template':
        return await template(args, io);
      case 'narrative':
        return await narrative(args, io);
      case 'check-text':
        return await checkText(args, io);
      case 'eval':
        return evaluate(args, io);
      case undefined:
      case 'help':
        io.out(USAGE);
        return args.command ? 0 : 2;
      default:
        if (args.flags.has('--help') || args.flags.has('-h')) {
          io.out(USAGE);
          return 0;
        }
        throw new UserError(`不认识的命令“${args.command}”。\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`budget: ${e.userMessage}\n`);
      return e.exitCode;
    }
    io.err(`budget: 内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function requireFile(args: Args, what: string): string {
  const f = args.positional[0];
  if (!f) throw new UserError(`缺少${what}。\n${USAGE}`);
  return f;
}

async function validate(args: Args, io: Io): Promise<number> {
  const target = requireFile(args, '要校验的 .xlsx 文件或文件夹');
  if (await isDirectory(target)) {
    for (const f of ['--narrative', '--layout']) if (args.flags.has(f)) throw new UserError(`${f} 只能用于单个工作簿，不能用于文件夹。\n${USAGE}`);
    const { validateFolder } = await import('./batch');
    return validateFolder(target, { json: args.flags.has('--json'), jobs: jobsFlag(args) }, io);
  }
  if (args.flags.has('--jobs')) throw new UserError(`--jobs 只能用于文件夹。\n${USAGE}`);
  if (args.flags.has('--layout')) {
    const { rec } = await loadTables(target, '校验');
    io.out(formatLayout(path.basename(target), rec.tables));
    return 0;
  }
  const { report, tables, note } = await validateFile(target, { narrative: stringFlag(args, '--narrative'), params: stringFlag(args, '--params') });
  if (args.flags.has('--json')) io.out(JSON.stringify(report, null, 2) + '\n');
  else io.out(formatReport({ file: report.file, tables, findings: report.findings, conditions: report.conditions }) + (note ?? ''));
  return exitCodeOf(report);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false; // the reader says the file is missing
  }
}

function jobsFlag(args: Args): number | undefined {
  const v = args.flags.get('--jobs');
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError(`--jobs 应为 1 到 256 之间的整数（并行处理的文件数），而不是“${v}”。`);
  return n;
}

function stringFlag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

async function template(args: Args, io: Io): Promise<number> {
  const kind = args.positional[0];
  const out = stringFlag(args, '--out');
  if (!kind) throw new UserError(`缺少模板种类（决算、预算 或 绩效）。\n${USAGE}`);
  if (!out) throw new UserError(`缺少 --out 输出文件。\n${USAGE}`);
  const { writeTemplateFile } = await import('./template');
  const written = await writeTemplateFile(kind, out);
  io.out(`已写入 ${out}：${written} 张表。\n`);
  return 0;
}

async function narrative(args: Args, io: Io): Promise<number> {
  const file = requireFile(args, '.xlsx 文件');
  const out = stringFlag(args, '--out');
  if (!out) throw new UserError(`缺少 --out 输出文件（.docx 或 .md）。\n${USAGE}`);
  const { wb, rec } = await loadTables(file, '生成说明');
  const { writeNarrativeFile } = await import('./narrative');
  await writeNarrativeFile(rec.tables, wb, stringFlag(args, '--params'), out);
  io.out(`已写入 ${out}。\n`);
  return 0;
}

/** A 说明 on its own, for reports whose tables exist only as pictures: the same findings contract. */
async function checkText(args: Args, io: Io): Promise<number> {
  const file = requireFile(args, '要核对的说明文件（.txt、.docx 或 .md）');
  const { checkNarrativeFile, statsLine } = await import('./narrative');
  const r = await checkNarrativeFile(file, undefined, undefined, stringFlag(args, '--params'));
  const summary = summarize(r.findings);
  if (args.flags.has('--json')) {
    io.out(JSON.stringify({ file: path.basename(file), tables: [], findings: r.findings, summary, narrative: r.stats }, null, 2) + '\n');
  } else {
    const report = formatReport({ file: path.basename(file), tables: [], findings: r.findings }).replace('识别到 0 张表', '仅核对文字（无表格）');
    io.out(report.replace('全部表内、表间勾稽关系一致。', '说明中的数字彼此一致。') + statsLine(file, r.stats));
  }
  return summary.error > 0 ? 1 : 0;
}

function evaluate(args: Args, io: Io): number {
  const expr = args.positional.join(' ');
  if (!expr) throw new UserError(`缺少公式，例如 budget eval "=BUDGET.EXECRATE(2964.05,3001.01)"。`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runEval } = require('./eval') as typeof import('./eval');
  const r = runEval(expr);
  (r.exitCode === 0 ? io.out : io.err)(r.output.endsWith('\n') ? r.output : r.output + '\n');
  return r.exitCode;
}
