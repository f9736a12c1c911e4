/**
 * The fixtures built by scripts/build-fixtures.ts from seed 000: they exist, their data says
 * what their names claim (clean = every DOMAIN §5 rule exact; published = only the documented
 * 尾差, and differs from clean only at CLEAN_PATCHES), the manifest addresses are right, and
 * regenerating gives the same bytes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { CLEAN, CLEAN_PATCHES, PUBLISHED, PUBLISHED_TAILS, allCells, figure } from '../scripts/fixtures/seed000';
import { checks, violations } from '../scripts/fixtures/selfcheck';
import { buildFixtures } from '../scripts/fixtures/build';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');

interface Placement {
  table: string;
  sheet: string;
  range: string;
  cells: Record<string, string>;
}
interface Entry {
  file: string;
  data?: 'published' | 'clean';
  variant?: string;
  unit?: '万元' | '元';
  changed?: string[];
  differsFromClean?: string[];
  tables?: Placement[];
}
const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as { fixtures: Entry[] };

const EXPECTED_FILES = [
  '决算-公开版.xlsx',
  '决算-清洁版.xlsx',
  ...['移位', '单表', '拆分编码', '无栏次'].flatMap((v) => [`决算-${v}-清洁版.xlsx`, `决算-${v}-公开版.xlsx`]),
  '决算-元-清洁版.xlsx',
  '决算-OCR文本.xlsx',
  'bad/不是表格.xlsx',
  'bad/损坏.xlsx',
  'bad/加密.xlsx',
  'bad/空工作簿.xlsx',
  'bad/无表格.xlsx',
  'bad/乱码5万行.xlsx',
  'bad/金额为文本.xlsx',
  'bad/公式无缓存.xlsx',
  'bad/错误值.xlsx',
];

describe('fixture files', () => {
  test.each(EXPECTED_FILES)('%s exists and is listed in the manifest', (file) => {
    expect(fs.statSync(path.join(FIXTURES, file)).size).toBeGreaterThan(0);
    expect(manifest.fixtures.map((f) => f.file)).toContain(file);
  });

  test('the README sample is the published workbook', () => {
    const sample = fs.readFileSync(path.join(ROOT, 'examples/决算-样例.xlsx'));
    expect(sample.equals(fs.readFileSync(path.join(FIXTURES, '决算-公开版.xlsx')))).toBe(true);
  });

  test('bad files look like what they claim', () => {
    const bytes = (f: string) => fs.readFileSync(path.join(FIXTURES, 'bad', f));
    expect(bytes('不是表格.xlsx').subarray(0, 2).toString('latin1')).not.toBe('PK');
    expect(bytes('损坏.xlsx').subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const enc = bytes('加密.xlsx');
    expect(enc.subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1');
    expect(enc.includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
  });
});

describe('fixture data self-check (decimal.js, DOMAIN §5)', () => {
  test('the clean data satisfies every intra- and cross-table rule exactly', () => {
    expect(checks(CLEAN).length).toBeGreaterThan(300);
    expect(violations(CLEAN).map((v) => v.message)).toEqual([]);
  });

  test('the published data breaks only its documented rounding tails, each within the allowance', () => {
    const v = violations(PUBLISHED);
    expect(v.map((x) => x.message)).toEqual(PUBLISHED_TAILS);
    for (const x of v) {
      expect(x.rounding).toBe(true);
      expect(x.diff.toFixed(2)).toBe('0.01');
    }
  });

  test('published differs from clean exactly at CLEAN_PATCHES', () => {
    const clean = allCells(CLEAN);
    const diffs = allCells(PUBLISHED)
      .map((c, i) => ({ c, k: clean[i] }))
      .filter(({ c, k }) => figure(c.printed) !== figure(k.printed))
      .map(({ c, k }) => ({ table: c.table, key: c.key, col: c.col, published: figure(c.printed), clean: figure(k.printed) }));
    expect(diffs).toEqual(CLEAN_PATCHES);
  });
});

/** The value a fixture should hold at (table, key:col). */
function expected(entry: Entry, table: string, anchor: string): ExcelJS.CellValue {
  const [key, col] = anchor.split(':');
  const data = entry.data === 'clean' ? CLEAN : PUBLISHED;
  const cell = allCells(data).find((c) => c.table === table && c.key === key && c.col === Number(col));
  if (!cell) throw new Error(`no data for ${table} ${anchor}`);
  if (cell.printed === null) return null;
  if (entry.variant === 'OCR文本') return cell.printed;
  const f = new Decimal(figure(cell.printed) as string);
  return (entry.unit === '元' ? f.times(10000) : f).toNumber();
}

describe('manifest addresses', () => {
  const withTables = manifest.fixtures.filter((f) => f.tables);

  test.each(withTables.map((f) => [f.file, f] as [string, Entry]))('%s: every amount cell holds its figure', async (_file, entry) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, entry.file));
    const changed = new Set(entry.changed ?? []);
    let n = 0;
    for (const t of entry.tables ?? []) {
      const ws = wb.getWorksheet(t.sheet);
      expect(ws).toBeDefined();
      for (const [anchor, addr] of Object.entries(t.cells)) {
        if (anchor === 'title' || changed.has(`${t.sheet}!${addr}`)) continue;
        const v = ws?.getCell(addr).value ?? null;
        expect([t.table, anchor, v]).toEqual([t.table, anchor, expected(entry, t.table, anchor)]);
        n++;
      }
      expect(String(ws?.getCell(t.cells.title).value)).toMatch(/表/);
    }
    expect(n).toBeGreaterThan(400);
  });

  test('published fixtures list the cells that differ from clean', () => {
    for (const f of manifest.fixtures.filter((x) => x.data === 'published' && x.tables))
      expect(f.differsFromClean).toHaveLength(CLEAN_PATCHES.length);
  });
});

describe('regeneration', () => {
  test('rebuilding gives byte-identical fixtures', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fixtures-'));
    try {
      await buildFixtures(tmp);
      const files = [...EXPECTED_FILES.filter((f) => f !== 'bad/乱码5万行.xlsx'), 'manifest.json'];
      for (const f of files) {
        const same = fs.readFileSync(path.join(tmp, 'tests/fixtures', f)).equals(fs.readFileSync(path.join(FIXTURES, f)));
        expect([f, same]).toEqual([f, true]);
      }
      // the streamed 50,000-row sheet goes through Node's zlib: only check it was written
      expect(fs.statSync(path.join(tmp, 'tests/fixtures/bad/乱码5万行.xlsx')).size).toBeGreaterThan(100000);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
