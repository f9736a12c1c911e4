/** src/core is the engine the add-in, the functions and the CLI share: no Node, DOM, Office or UI imports. */
import { promises as fs } from 'fs';
import * as path from 'path';

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sources(p)));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('src/core imports only decimal.js and itself', async () => {
  const core = path.join(__dirname, '..', 'src', 'core');
  const offenders: string[] = [];
  for (const file of await sources(core)) {
    const text = await fs.readFile(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (spec === 'decimal.js' || spec.startsWith('.')) continue;
      offenders.push(`${path.relative(core, file)}: ${spec}`);
    }
    if (/\b(document|window|Office|Excel)\./.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) offenders.push(`${path.relative(core, file)}: uses a host global`);
    if (/\beval\(|new Function\(/.test(text)) offenders.push(`${path.relative(core, file)}: eval`);
  }
  expect(offenders).toEqual([]);
});
