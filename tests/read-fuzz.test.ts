/**
 * Fuzzing the reader through the CLI (fast-check, a bounded number of runs): the seed fixtures
 * with random bytes changed, cut short, or with their sheet XML changed before zipping, and
 * random XML as a sheet. Whatever comes in, `budget validate` ends with 0, 1 or 2 and one clear
 * line for 2 — never an internal error, a hang (each run is bounded by the test's timeout) or
 * a stack trace. FUZZ_RUNS=1500 npx jest tests/read-fuzz.test.ts runs a longer search.
 */
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { patchXlsx, worksheetXml, xlsxBytes } from '../scripts/xlsx-parts';
import { fixture, runCli } from './helpers';

const SEEDS = ['决算-公开版.xlsx', 'bad/错误值.xlsx', '决算-拆分编码-公开版.xlsx'].map((f) => readFileSync(fixture(f)));
const SHEET1 = 'xl/worksheets/sheet1.xml';
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-fuzz-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The CLI on these bytes: 0/1 with a report, or 2 with one line naming the file. */
async function expectHandled(bytes: Uint8Array): Promise<void> {
  const name = `f${++n}.xlsx`;
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const r = await runCli('validate', file, '--json');
  expect([0, 1, 2]).toContain(r.code);
  if (r.code === 2) {
    expect(r.stderr).toMatch(new RegExp(`^budget: ${name}：[^\\n]+\\n$`));
    expect(r.stderr).not.toContain('内部错误');
  } else {
    expect(JSON.parse(r.stdout).file).toBe(name);
  }
  await fs.rm(file);
}

const seed = fc.integer({ min: 0, max: SEEDS.length - 1 });

test('random bytes changed anywhere in the file', async () => {
  const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
  await fc.assert(
    fc.asyncProperty(seed, flips, async (s, changes) => {
      const bytes = Uint8Array.from(SEEDS[s]);
      for (const [at, v] of changes) bytes[at % bytes.length] = v;
      await expectHandled(bytes);
    }),
    { numRuns: RUNS },
  );
});

test('the file cut short anywhere', async () => {
  await fc.assert(
    fc.asyncProperty(seed, fc.double({ min: 0, max: 1, noNaN: true }), async (s, frac) => {
      await expectHandled(SEEDS[s].subarray(0, Math.floor(SEEDS[s].length * frac)));
    }),
    { numRuns: RUNS },
  );
});

test('characters of the sheet XML changed, inserted or deleted before zipping', async () => {
  const xml = strFromU8(unzipSync(SEEDS[0])[SHEET1]);
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', '<', '>', '"', '&', '/', '1', '-', 'A', '<v>', '</c>', '<row r="9">', '&#0;', '\uFFFF', '<!--', ']]>'));
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
      let x = xml;
      for (const [at, del, ins] of edits) {
        const i = at % (x.length + 1);
        x = x.slice(0, i) + ins + x.slice(i + del);
      }
      await expectHandled(patchXlsx(SEEDS[0], { [SHEET1]: x }));
    }),
    { numRuns: RUNS },
  );
});

test('random XML as a sheet', async () => {
  const word = fc.constantFrom(
    '<row>', '<row r="1">', '<row r="1048577">', '</row>', '<c>', '<c r="A1">', '<c r="XFD3" t="s">', '<c t="inlineStr">', '<c t="e">', '<c t="b">', '<c t="d">',
    '</c>', '<v>', '</v>', '<v>0</v>', '<v>1.5E308</v>', '<v>-0</v>', '<v>99999999</v>', '<is><t>', '</t></is>', '<f>SUM(A1)</f>', '<f t="shared" si="0"/>',
    '<f t="shared" si="0" ref="A1:A9">A1</f>', '<mergeCell ref="A1:B2"/>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="A0:"/>', '<mergeCells>', '</mergeCells>',
    '2024年度收入支出决算总表', '合计', '&amp;', '&lt;', '&bogus;', '<![CDATA[x]]>', '<?pi x?>', '<!-- c -->', ' ', '公开01表', '<x:c r="C3">', '</x:c>',
  );
  await fc.assert(
    fc.asyncProperty(fc.array(word, { maxLength: 60 }), async (words) => {
      await expectHandled(xlsxBytes({ sheets: [{ name: '公开01表', xml: worksheetXml(words.join('')) }] }));
    }),
    { numRuns: RUNS * 2 },
  );
});
