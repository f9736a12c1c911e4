/**
 * Every example of the README's BUDGET section runs through `budget eval` (runEval, the same
 * code the CLI calls) and must print exactly what the README says — the docs cannot drift.
 */
import fs from 'fs';
import path from 'path';
import { runEval } from '../src/cli/eval';
import { BUDGET_FUNCTIONS } from '../src/core/functions/registry';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const start = readme.indexOf('<!-- functions:start -->');
const end = readme.indexOf('<!-- functions:end -->');
const section = start >= 0 && end > start ? readme.slice(start, end) : '';

/** `| \`=BUDGET.X(…)\` | \`result\` |` rows of the example tables. */
const examples = [...section.matchAll(/^\|\s*`(=BUDGET\.[^`]+)`\s*\|\s*`([^`]*)`\s*\|\s*$/gm)].map((m) => ({ formula: m[1], expected: m[2] }));

test('the README has a BUDGET section with examples', () => {
  expect(section).not.toBe('');
  expect(examples.length).toBeGreaterThan(40);
});

test('every function is documented with a heading, its syntax and at least two examples', () => {
  for (const spec of BUDGET_FUNCTIONS.values()) {
    expect(section).toContain(`### BUDGET.${spec.name} `);
    const syntax = `=BUDGET.${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
    expect(section).toContain(syntax);
    expect(examples.filter((e) => e.formula.startsWith(`=BUDGET.${spec.name}(`)).length).toBeGreaterThanOrEqual(2);
  }
});

test.each(examples)('$formula', ({ formula, expected }) => {
  const r = runEval(formula);
  expect(r.output).toBe(expected);
  expect(r.exitCode).toBe(expected.startsWith('#') ? 1 : 0);
});
