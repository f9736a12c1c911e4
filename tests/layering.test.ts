/**
 * ARCHITECTURE "one engine, three front doors": the CLI never reaches into the add-in's code
 * (functions/, taskpane/, src/excel/), and only src/excel/ touches Office.js (the pane gets the
 * host as an interface, so another spreadsheet host is one more adapter).
 */
import { promises as fs } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** The .ts/.tsx files under a folder. */
async function sources(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true, encoding: 'utf8' });
  return names.filter((n) => /\.tsx?$/.test(n)).map((n) => path.join(dir, n));
}

/** Every module a file imports, resolved to a path relative to the repo (packages as they are). */
async function importsOf(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((m) =>
    m[1].startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), m[1])) : m[1],
  );
}

test('src/cli imports nothing of functions/, taskpane/ or src/excel/', async () => {
  const offenders: string[] = [];
  for (const file of await sources(path.join(ROOT, 'src', 'cli'))) {
    for (const spec of await importsOf(file)) if (/^(functions|taskpane|src\/excel)(\/|$)/.test(spec)) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
  }
  expect(offenders).toEqual([]);
});

test('only src/excel/ and functions/ use the Office.js globals', async () => {
  const offenders: string[] = [];
  for (const dir of ['src', 'taskpane']) {
    for (const file of await sources(path.join(ROOT, dir))) {
      const rel = path.relative(ROOT, file);
      if (rel.startsWith('src/excel/')) continue;
      const code = (await fs.readFile(file, 'utf8')).replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      if (/\b(Excel|Office|OfficeExtension)\.\w/.test(code)) offenders.push(rel);
    }
  }
  expect(offenders).toEqual([]);
});
