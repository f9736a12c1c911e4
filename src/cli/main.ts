/**
 * The `budget` command: the engine of src/core over .xlsx files, without Excel.
 * Exit codes: 0 no 错误, 1 at least one 错误 (or a failed eval), 2 input that cannot be used.
 */
import * as path from 'path';
import { summarize } from '../core/findings';
import { Workbook } from '../core/grid';
import { TableSet } from '../core/model';
import { Recognition, recognizeWorkbook } from '../core/recognize';
import { checkTables } from '../core/validate';
import { UserError } from './errors';
import { formatLayout, formatReport } from './report';
import { readWorkbook } from './xlsx';

const USAGE = `用法：
  budget validate 文件.xlsx [--json] [--params 参数.json] [--narrative 说明.docx|.md|.txt]
  budget validate 文件.xlsx --layout        （显示每张表是如何识别的）
  budget narrative 文件.xlsx [--params 参数.json] --out 说明.docx|说明.md
  budget check-text 说明.txt|.docx|.md [--json] [--params 参数.json]
  budget template 决算 --out 文件.xlsx
  budget eval "=BUDGET.EXECRATE(2964.05,3001.01)"
`;

interface Args {
  command?: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--params', '--narrative', '--out']);
const BOOL_FLAGS = new Set(['--json', '--layout', '--help', '-h']);

export function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UserError(`参数 ${a} 后面需要一个文件名。\n${USAGE}`);
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

/** Reads a workbook and finds its tables; a workbook without any is unusable input (exit 2). */
async function loadTables(file: string, purpose: string): Promise<{ wb: Workbook; rec: Recognition }> {
  const wb = await readWorkbook(file);
  const rec = recognizeWorkbook(wb);
  if (!rec.tables.length) {
    const empty = wb.sheets.every((s) => s.rows.every((r) => !r || r.every((c) => !c || c.value === null || c.value === '')));
    throw new UserError(
      empty
        ? `${path.basename(file)}：工作簿是空的（${wb.sheets.length} 个工作表都没有内容），无法${purpose}。`
        : `${path.basename(file)}：未找到任何部门决算公开表（按标题识别，如“2024年度收入支出决算总表”“公开01表”），无法${purpose}。`,
    );
  }
  return { wb, rec };
}

async function validate(args: Args, io: Io): Promise<number> {
  const file = requireFile(args, '要校验的 .xlsx 文件');
  const { wb, rec } = await loadTables(file, '校验');
  if (args.flags.has('--layout')) {
    io.out(formatLayout(path.basename(file), rec.tables));
    return 0;
  }
  const checked = checkTables(new TableSet(rec.tables));
  const findings = [...rec.findings, ...checked.findings];
  const narrativeFile = args.flags.get('--narrative');
  let narrative: { note: string; stats: object } | undefined;
  if (typeof narrativeFile === 'string') {
    const { checkNarrativeFile, statsLine } = await import('./narrative');
    const r = await checkNarrativeFile(narrativeFile, rec.tables, wb, stringFlag(args, '--params'));
    findings.push(...r.findings);
    narrative = { note: statsLine(narrativeFile, r.stats), stats: r.stats };
  }
  const summary = summarize(findings);
  if (args.flags.has('--json')) {
    const json = {
      file: path.basename(file),
      tables: rec.tables.map((t) => ({ id: t.id, title: t.title, sheet: t.sheet, range: t.range })),
      findings,
      summary,
      conditions: checked.conditions,
      ...(narrative ? { narrative: narrative.stats } : {}),
    };
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.out(formatReport({ file: path.basename(file), tables: rec.tables, findings, conditions: checked.conditions }) + (narrative?.note ?? ''));
  }
  return summary.error > 0 ? 1 : 0;
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
