/**
 * The BUILT dist-web/functions.json (webpack + CustomFunctionsMetadataPlugin, run by `npm test`
 * before jest): every function of the registry with its parameters, Chinese descriptions of the
 * function and of every parameter, and the associate calls in functions.js. A missing build is
 * a failure with a clear message, not a skip.
 */
import fs from 'fs';
import path from 'path';
import { BUDGET_FUNCTIONS } from '../src/core/functions/registry';

const DIST = path.join(__dirname, '..', 'dist-web');
const HAN = /[\u4e00-\u9fff]/;

interface MetaParam {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetaParam[];
  result: { type?: string; dimensionality?: string };
}

function built(file: string): string {
  const p = path.join(DIST, file);
  if (!fs.existsSync(p)) {
    throw new Error(`${path.relative(process.cwd(), p)} is missing: build the add-in first (\`npm run build\`, or \`npx webpack --mode production\`); \`npm test\` builds before jest.`);
  }
  return fs.readFileSync(p, 'utf8');
}

let functions: MetaFunction[] = [];

beforeAll(() => {
  functions = (JSON.parse(built('functions.json')) as { functions: MetaFunction[] }).functions;
});

test('functions.json lists exactly the registered functions', () => {
  expect(functions.map((f) => f.id).sort()).toEqual([...BUDGET_FUNCTIONS.keys()].sort());
});

describe.each([...BUDGET_FUNCTIONS.values()].map((s) => [s.name, s] as const))('%s', (name, spec) => {
  const meta = (): MetaFunction => {
    const f = functions.find((x) => x.id === name);
    if (!f) throw new Error(`functions.json has no function ${name}`);
    return f;
  };

  test('id, name and a Chinese description', () => {
    expect(meta().name).toBe(name);
    expect(meta().description).toMatch(HAN);
  });

  test('parameters: names, order, optional, ranges, each with a Chinese description', () => {
    const params = meta().parameters;
    expect(params.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    spec.params.forEach((p, i) => {
      const m = params[i];
      expect([p.name, Boolean(m.optional)]).toEqual([p.name, Boolean(p.optional)]);
      expect([p.name, m.dimensionality === 'matrix']).toEqual([p.name, Boolean(p.range)]);
      expect([p.name, m.type]).toEqual([p.name, 'any']);
      expect([p.name, HAN.test(m.description ?? '')]).toEqual([p.name, true]);
    });
  });

  test('a scalar result', () => {
    expect(['number', 'string']).toContain(meta().result.type);
    expect(meta().result.dimensionality ?? 'scalar').toBe('scalar');
  });
});

test('functions.js associates every function; taskpane.html loads both bundles in one page', () => {
  const js = built('functions.js');
  for (const name of BUDGET_FUNCTIONS.keys()) expect(js).toContain(`CustomFunctions.associate("${name}"`);
  const html = built('taskpane.html');
  expect(html).toMatch(/<script[^>]+src="?taskpane\.js/);
  expect(html).toMatch(/<script[^>]+src="?functions\.js/);
  expect(html).toContain('appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(html).not.toMatch(/\beval\(/);
  // No code built from strings at run time (the bundles are too large to print on failure).
  for (const [file, bundle] of [['functions.js', js], ['taskpane.js', built('taskpane.js')]]) {
    expect([file, /\beval\(|\bnew Function\(/.exec(bundle)?.[0] ?? null]).toEqual([file, null]);
  }
});
