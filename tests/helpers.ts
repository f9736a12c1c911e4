/** Shared test helpers: fixture paths, reading workbooks, running the CLI in-process. */
import { execFile } from 'child_process';
import { readFileSync, unlinkSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/cli/read-xlsx';
import { Workbook } from '../src/core/grid';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

const cache = new Map<string, Promise<Workbook>>();

/** Reads a fixture once per test file; callers must not mutate the result (use cloneWorkbook). */
export function loadFixture(name: string): Promise<Workbook> {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = readWorkbook(fixture(name))));
  return p;
}

export function cloneWorkbook(wb: Workbook): Workbook {
  return JSON.parse(JSON.stringify(wb)) as Workbook;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export interface ProcessRun extends CliRun {
  peakRssMb: number;
  ms: number;
}

/**
 * Runs the built CLI (dist/, as `npm test` builds it) in its own process, with a heap cap, and
 * reports its peak memory: how a hostile file is shown to stay bounded.
 */
export function runCliProcess(argv: string[], heapMb = 512): Promise<ProcessRun> {
  const root = path.join(__dirname, '..');
  const rssFile = path.join(os.tmpdir(), `budget-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${heapMb}`, '-r', path.join(root, 'scripts', 'peak-rss.js'), path.join(root, 'bin', 'budget.js'), ...argv],
      { env: { ...process.env, PEAK_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? -1 : 0;
        let peakRssMb = NaN;
        try {
          peakRssMb = (JSON.parse(readFileSync(rssFile, 'utf8')) as { rssKb: number }).rssKb / 1024;
          unlinkSync(rssFile);
        } catch (e) {
          if (!err) return reject(e);
        }
        resolve({ code, stdout, stderr, peakRssMb, ms: Date.now() - t0 });
      },
    );
  });
}
