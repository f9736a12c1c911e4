/**
 * src/core is the engine the add-in, the functions and the CLI share: it imports only
 * decimal.js and its own files (relative imports are resolved, so `../cli/main` is caught), uses
 * no host globals (DOM, Office) and no eval. The checker is itself tested on planted files.
 */
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const ALLOWED_PACKAGES = new Set(['decimal.js']);

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Comments removed, strings kept (import specifiers are strings). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The file a relative specifier names, as TypeScript would find it; undefined when none exists. */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => existsSync(c) && !c.endsWith(path.sep) && path.extname(c) !== '');
}

/** Every import of a file under `core` that leaves it or reaches a host, as `file: what`. */
async function coreProblems(core: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await sources(core)) {
    const rel = path.relative(core, file);
    const text = code(await fs.readFile(file, 'utf8'));
    const specs = text.matchAll(/(?:\bfrom\s+|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm);
    for (const [, spec] of specs) {
      if (!spec.startsWith('.')) {
        if (!ALLOWED_PACKAGES.has(spec)) problems.push(`${rel}: imports ${spec}`);
        continue;
      }
      const target = resolveRelative(file, spec);
      if (!target) problems.push(`${rel}: imports ${spec}, which does not exist`);
      else if (path.relative(core, target).startsWith('..')) problems.push(`${rel}: imports ${spec}, outside src/core`);
    }
    if (/\b(document|window|Office|Excel)\./.test(text)) problems.push(`${rel}: uses a host global`);
    if (/\beval\s*\(|new\s+Function\s*\(/.test(text)) problems.push(`${rel}: eval`);
  }
  return problems;
}

test('src/core imports only decimal.js and itself', async () => {
  expect(await coreProblems(path.join(__dirname, '..', 'src', 'core'))).toEqual([]);
});

describe('the checker catches what it must', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-purity-'));
    const put = async (rel: string, text: string) => {
      await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await fs.writeFile(path.join(root, rel), text);
    };
    await put('src/cli/main.ts', 'export function main() {}\n');
    await put('src/core/money.ts', "import Decimal from 'decimal.js';\nexport const D = Decimal;\n");
    await put('src/core/codes/index.ts', 'export const codes = [];\n');
    await put(
      'src/core/clean.ts',
      "import { D } from './money';\nimport { codes } from './codes';\nexport * from './codes/index';\n// import { main } from '../cli/main';\n/* require('fs') */\nexport const x = [D, codes];\n",
    );
    await put('src/core/bad-relative.ts', "import { main } from '../cli/main';\nexport const y = main;\n");
    await put('src/core/rules/bad-deep.ts', "export { main } from '../../cli/main';\n");
    await put('src/core/bad-type.ts', "import type { main } from '../cli/main';\nexport type M = typeof main;\n");
    await put('src/core/bad-dynamic.ts', "export const z = () => import('../cli/main');\nexport const w = () => require('./../../src/cli/main');\n");
    await put('src/core/bad-node.ts', "import { readFileSync } from 'fs';\nimport * as os from 'node:os';\nexport const r = [readFileSync, os];\n");
    await put('src/core/bad-missing.ts', "import { q } from './nowhere';\nexport const m = q;\n");
    await put('src/core/bad-host.ts', 'export const h = () => Office.context;\nexport const e = (s: string) => eval(s);\n');
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  test('each planted violation is reported, the clean file is not', async () => {
    expect((await coreProblems(path.join(root, 'src', 'core'))).sort()).toEqual(
      [
        'bad-dynamic.ts: imports ../cli/main, outside src/core',
        'bad-dynamic.ts: imports ./../../src/cli/main, outside src/core',
        'bad-host.ts: eval',
        'bad-host.ts: uses a host global',
        'bad-missing.ts: imports ./nowhere, which does not exist',
        'bad-node.ts: imports fs',
        'bad-node.ts: imports node:os',
        'bad-relative.ts: imports ../cli/main, outside src/core',
        'bad-type.ts: imports ../cli/main, outside src/core',
        `${path.join('rules', 'bad-deep.ts')}: imports ../../cli/main, outside src/core`,
      ].sort(),
    );
  });
});
