/** Shared test helpers: fixture paths, reading workbooks, running the CLI in-process. */
import * as path from 'path';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/cli/xlsx';
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
