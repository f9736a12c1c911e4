/**
 * Whole-process figures for the benchmarks: wall time and peak resident memory of a command,
 * the way a user meets them (start-up included). Two commands are run in turn, A B A B …, so
 * that their ratio holds when the machine's speed drifts; medians are reported.
 */
import { spawnSync } from 'child_process';
import { readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..', '..');
const PEAK_RSS = path.join(ROOT, 'scripts', 'peak-rss.js');

export interface ProcessFigures {
  /** Median wall time, ms. */
  ms: number;
  /** Median CPU time (user + system), ms: steadier than wall time on a busy machine. */
  cpu: number;
  /** Median peak resident memory, MB. */
  mb: number;
}

/** One run of `node ARGS…` with the peak-memory preload; an exit code not in `codes` stops the bench. */
function once(args: string[], codes: readonly number[]): ProcessFigures {
  const rss = path.join(os.tmpdir(), `budget-bench-rss-${process.pid}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', PEAK_RSS, ...args], { env: { ...process.env, PEAK_RSS_FILE: rss }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!codes.includes(r.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const { rssKb, cpuMs } = JSON.parse(readFileSync(rss, 'utf8')) as { rssKb: number; cpuMs: number };
  rmSync(rss, { force: true });
  return { ms, cpu: cpuMs, mb: rssKb / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Commands run in turn `runs` times (after one unmeasured warm-up each, if asked); medians of each. */
export function measureInTurn(commands: string[][], runs: number, warmUp = true, codes: readonly number[] = [0, 1]): ProcessFigures[] {
  if (warmUp) for (const c of commands) once(c, codes);
  const samples = commands.map(() => [] as ProcessFigures[]);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => samples[k].push(once(c, codes)));
  return samples.map((s) => ({ ms: median(s.map((x) => x.ms)), cpu: median(s.map((x) => x.cpu)), mb: median(s.map((x) => x.mb)) }));
}

export const BUDGET = path.join(ROOT, 'bin', 'budget.js');
export const REFERENCE = path.join(ROOT, 'dist', 'scripts', 'bench', 'reference.js');
