/**
 * Hostile and oversized files: every limit breached ends as exit 2 with one Chinese line naming
 * the file and the limit, in a process whose heap is capped and whose peak memory is measured
 * (the built CLI, as users run it). Files are built here from the sample workbook; the zip
 * bombs from one repeated compressed block, so nothing large is committed or held in memory.
 */
import { promises as fs, readFileSync } from 'fs';
import { randomBytes } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import { zipSync } from 'fflate';
import { readWorkbook } from '../src/cli/read-xlsx';
import { DEFAULT_LIMITS, ReadLimits } from '../src/cli/limits';
import { deflateBomb, patchXlsx, worksheetXml, xlsxBytes } from '../scripts/xlsx-parts';
import { runCli, runCliProcess } from './helpers';

const SAMPLE = path.join(__dirname, '..', 'examples', '决算-样例.xlsx');
const sample = readFileSync(SAMPLE);
const SHEET1 = 'xl/worksheets/sheet1.xml';
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
/** Hostile files stay far below this; the CLI's heap is capped at half of it. */
const MEMORY_MB = 512;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-hostile-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

/** The sample with its first sheet's XML edited. */
function sampleWith(edit: (xml: string) => string): Uint8Array {
  return patchXlsx(sample, { [SHEET1]: edit });
}

/** Runs `budget validate` on the file in its own capped process: exit 2, one line naming file and limit. */
async function expectRefused(name: string, bytes: Uint8Array, limit: RegExp): Promise<void> {
  const file = await write(name, bytes);
  const r = await runCliProcess(['validate', file], MEMORY_MB / 2);
  expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({ code: 2, stderr: expect.stringMatching(limit) });
  expect(r.stderr).toContain(`budget: ${name}：`);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
  expect(r.peakRssMb).toBeLessThan(MEMORY_MB);
}

describe('zip bombs', () => {
  test('a sheet of 1.5 GB that says so is refused before inflating', async () => {
    const bomb = deflateBomb(HEAD, '<row/>', 1500, '</sheetData></worksheet>');
    expect(bomb.deflated.length).toBeLessThan(3 * 1024 * 1024);
    await expectRefused('炸弹-如实.xlsx', patchXlsx(sample, { [SHEET1]: bomb }), /sheet1\.xml 解压后 1500 MB，超过 256 MB（单个部件上限）/);
  });

  test('a sheet of 1.5 GB that claims 1 KB is stopped by its compression ratio', async () => {
    const bomb = { ...deflateBomb(HEAD, '<row/>', 1500, '</sheetData></worksheet>'), declaredSize: 1024 };
    await expectRefused('炸弹-谎报.xlsx', patchXlsx(sample, { [SHEET1]: bomb }), /sheet1\.xml 的压缩比超过 100 倍（\d+ KB 解压出 \d+ MB），可能是“压缩炸弹”/);
  });

  const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });
  const spaces = (kb: number) => worksheetXml(' '.repeat(kb * 1024));

  test('a part over the per-part limit, whether its size is declared or not', async () => {
    const honest = await write('部件.xlsx', xlsxBytes({ sheets: [{ name: '表', xml: spaces(1500) }] }));
    await expect(readWorkbook(honest, limits({ partBytes: 1 << 20 }))).rejects.toThrow(/部件\.xlsx：超出读取限制：xl\/worksheets\/sheet1\.xml 解压后 1\.5 MB，超过 1 MB（单个部件上限）/);
    const lying = { ...deflateBomb(HEAD, ' ', 2), declaredSize: 100 };
    const file = await write('部件-谎报.xlsx', xlsxBytes({ sheets: [{ name: '表', xml: '' }], extra: { [SHEET1]: lying } }));
    await expect(readWorkbook(file, limits({ partBytes: 1 << 20 }))).rejects.toThrow(/部件-谎报\.xlsx：超出读取限制：xl\/worksheets\/sheet1\.xml 解压后超过 1 MB（单个部件上限）/);
  });

  test('parts each under the limit are stopped at the whole-file limit', async () => {
    const file = await write('总量.xlsx', xlsxBytes({ sheets: [1, 2, 3].map((i) => ({ name: `表${i}`, xml: spaces(1800) })) }));
    await expect(readWorkbook(file, limits({ partBytes: 2 << 20, totalBytes: 5 << 20 }))).rejects.toThrow(/总量\.xlsx：超出读取限制：解压后总量超过 5 MB（整个文件上限）/);
  });

  test('a Word 说明 whose document.xml is a bomb is refused the same way', async () => {
    const docx = zipSync({ '[Content_Types].xml': new Uint8Array(0) });
    const bomb = { ...deflateBomb('<w:document xmlns:w="urn:w"><w:body>', '<w:p/>', 600), declaredSize: 2048 };
    const file = await write('说明-炸弹.docx', patchXlsx(docx, { 'word/document.xml': bomb }));
    const r = await runCliProcess(['validate', SAMPLE, '--narrative', file], MEMORY_MB / 2);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget: 说明文件 说明-炸弹\.docx：超出读取限制：word\/document\.xml 的压缩比超过 100 倍/);
    expect(r.peakRssMb).toBeLessThan(MEMORY_MB);
  });
});

describe('merged ranges', () => {
  test('one merge over A1:XFD1048576 costs nothing: the tables are still checked', async () => {
    const file = await write('整表合并.xlsx', sampleWith((x) => x.replace('<mergeCells count="3">', '<mergeCells count="4"><mergeCell ref="A40:XFD1048576"/>')));
    const r = await runCliProcess(['validate', file, '--json'], MEMORY_MB / 2);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ error: 0, rounding: 8, warning: 0 });
  });

  test('100,000 overlapping merges over the header are refused', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="A${(i % 5) + 1}:XFD1048576"/>`).join('');
    await expectRefused('十万合并.xlsx', sampleWith((x) => x.replace('<mergeCells count="3">', `<mergeCells count="100003">${many}`)), /工作表“公开01表”的合并区域共覆盖超过 4,000,000 个单元格/);
  });

  test('100,000 merges that do not overlap (one per row) are read', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="C${i + 1}"><v>1</v></c></row>`).join('');
    const merges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
    const extra = worksheetXml(rows, `<mergeCells count="100000">${merges}</mergeCells>`);
    const wb = await readWorkbook(await write('逐行合并.xlsx', xlsxBytes({ sheets: [{ name: '明细', xml: extra }] })));
    expect(wb.sheets[0].merges).toHaveLength(100_000);
  });

  test('more merged ranges than the limit are refused', async () => {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, mergesPerSheet: 1000 };
    const merges = Array.from({ length: 1001 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
    const file = await write('合并过多.xlsx', xlsxBytes({ sheets: [{ name: '表', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${merges}</mergeCells>`) }] }));
    await expect(readWorkbook(file, limits)).rejects.toThrow(/合并过多\.xlsx：超出读取限制：工作表“表”的合并区域超过 1,000 个/);
  });
});

describe('addresses outside the sheet', () => {
  test('a cell at row 2,000,000,000', async () => {
    await expectRefused('二十亿行.xlsx', sampleWith((x) => x.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>')), /行号 2,000,000,000 超出 Excel 的上限 1,048,576/);
  });

  test('a cell address past the last row, and past the last column without an address', async () => {
    await expectRefused('地址.xlsx', sampleWith((x) => x.replace('</sheetData>', '<row><c r="B1048577"><v>1</v></c></row></sheetData>')), /单元格地址“B1048577”超出 Excel 的工作表范围/);
    const cells = '<c><v>1</v></c>'.repeat(16_385);
    await expect(readWorkbook(await write('列数.xlsx', xlsxBytes({ sheets: [{ name: '宽表', xml: worksheetXml(`<row r="3">${cells}</row>`) }] })))).rejects.toThrow(
      /列数\.xlsx：超出读取限制：工作表“宽表”第 3 行的单元格超过 Excel 的 16,384 列/,
    );
  });

  test('a row number far beyond the sheet, on the row alone', async () => {
    await expectRefused('行号.xlsx', sampleWith((x) => x.replace('</sheetData>', '<row r="99999999999"/></sheetData>')), /行号 99,999,999,999 超出 Excel 的上限 1,048,576/);
  });

  test('a column index near 10⁹', async () => {
    await expectRefused('十亿列.xlsx', sampleWith((x) => x.replace('</sheetData>', '<row r="40"><c r="CFDGSXM40"><v>1</v></c></row></sheetData>')), /工作表“公开01表”的单元格地址“CFDGSXM40”超出 Excel 的工作表范围（最多 1,048,576 行、16,384 列）/);
  });

  test('a <dimension> near 10⁹ is only a claim: the sheet is read as it is', async () => {
    const file = await write('尺寸.xlsx', sampleWith((x) => x.replace('<dimension ref="A1:F38"/>', '<dimension ref="A1:CFDGSXM1000000000"/>')));
    const r = await runCli('validate', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ error: 0, rounding: 8, warning: 0 });
  });
});

describe('XML', () => {
  test('nesting 200,000 levels deep', async () => {
    await expectRefused('深层嵌套.xlsx', sampleWith((x) => x.replace('</worksheet>', `${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}</worksheet>`)), /sheet1\.xml 的 XML 嵌套超过 128 层/);
  });

  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;

  test('entity declarations (billion laughs) in a sheet', async () => {
    await expectRefused('实体膨胀.xlsx', sampleWith((x) => x.replace(/^<\?xml[^>]*\?>/, laughs).replace('<v>174.25</v>', '<v>&lol9;</v>')), /sheet1\.xml 含有 DOCTYPE\/实体声明/);
  });

  test('entity declarations in the shared strings and in a custom XML part', async () => {
    await expectRefused('实体-共享字符串.xlsx', patchXlsx(sample, { 'xl/sharedStrings.xml': (x) => x.replace(/^<\?xml[^>]*\?>/, laughs) }), /sharedStrings\.xml 含有 DOCTYPE/);
    await expectRefused('实体-自定义.xlsx', patchXlsx(sample, { 'customXml/item1.xml': `${laughs}<a>&lol9;</a>` }), /customXml\/item1\.xml 含有 DOCTYPE/);
  });

  test('a DOCTYPE in a Word 说明', async () => {
    const file = await write('说明-实体.docx', zipSync({ 'word/document.xml': new TextEncoder().encode(`${laughs}<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`) }));
    const r = await runCli('validate', SAMPLE, '--narrative', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget: 说明文件 说明-实体\.docx：超出读取限制：word\/document\.xml 含有 DOCTYPE/);
  });

  test('a cell text over 32,767 characters (Excel’s own limit)', async () => {
    const long = '预'.repeat(40_000);
    const r = await runCli('validate', await write('长文本.xlsx', sampleWith((x) => x.replace('</sheetData>', `<row r="40"><c r="A40" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`))));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/长文本\.xlsx：超出读取限制：.*超过 32,767 个字符/);
  });

  test('one comment of 6 million characters', async () => {
    const r = await runCli('validate', await write('长注释.xlsx', sampleWith((x) => x.replace('</worksheet>', `<!--${'x<'.repeat(3_000_000)}--></worksheet>`))));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/长注释\.xlsx：超出读取限制：xl\/worksheets\/sheet1\.xml 中有一段文字、注释或属性超过 4,194,304 个字符/);
  });
});

describe('counts', () => {
  const small = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });

  test('cells in a sheet and in the workbook', async () => {
    await expect(readWorkbook(SAMPLE, small({ cellsPerSheet: 100 }))).rejects.toThrow(/决算-样例\.xlsx：超出读取限制：工作表“公开01表”的非空单元格超过 100 个/);
    await expect(readWorkbook(SAMPLE, small({ cells: 500 }))).rejects.toThrow(/决算-样例\.xlsx：超出读取限制：工作簿的非空单元格超过 500 个/);
  });

  test('shared strings and zip entries', async () => {
    await expect(readWorkbook(SAMPLE, small({ sharedStrings: 10 }))).rejects.toThrow(/共享字符串超过 10 个/);
    await expect(readWorkbook(SAMPLE, small({ entries: 5 }))).rejects.toThrow(/压缩包内有 24 个部件，超过 5 个的上限/);
  });

  test('the real limits leave the sample untouched', async () => {
    const wb = await readWorkbook(SAMPLE);
    expect(wb.sheets).toHaveLength(9);
  });
});

describe('size is no longer a limit in itself', () => {
  test('a 25 MB workbook (a large picture beside the tables) is read; the picture is never inflated', async () => {
    const picture = randomBytes(25 * 1024 * 1024); // incompressible, as a photo is
    const file = await write('含图片.xlsx', patchXlsx(sample, { 'xl/media/image1.png': picture }, 0));
    expect((await fs.stat(file)).size).toBeGreaterThan(25 * 1024 * 1024);
    const r = await runCli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结果：错误 0 条，尾差 8 条，提示 0 条');
  });

  test('a 21 MB file that is not a complete zip is damaged, not "too large"', async () => {
    const big = path.join(dir, '超大.xlsx');
    await fs.writeFile(big, 'PK\x03\x04');
    await fs.truncate(big, 21 * 1024 * 1024); // sparse: no disk or memory spent
    const r = await runCli('validate', big);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('budget: 超大.xlsx：文件已损坏，无法作为 .xlsx 读取（找不到压缩包目录（文件不完整或已截断））。');
  });
});

test('the README states the limits in force', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const L = DEFAULT_LIMITS;
  const MB = (n: number) => `${n / (1 << 20)} MB`;
  const wan = (n: number) => `${n / 10_000} 万`;
  for (const row of [
    `| 单个部件（如一个工作表的 XML）解压后 | ${MB(L.partBytes)} |`,
    `| 整个文件解压后 | ${MB(L.totalBytes)} |`,
    `| 压缩比（部件解压超过 ${MB(L.ratioFrom)} 后） | ${L.ratio} 倍`,
    `| 每个工作表的非空单元格 / 整个工作簿 | ${wan(L.cellsPerSheet)} / ${wan(L.cells)} |`,
    `| 每个工作表的合并区域 / 合并区域覆盖的单元格 | ${wan(L.mergesPerSheet)}个 / ${wan(L.mergedCells)}个 |`,
    `| 行号、列号 | Excel 本身的 ${L.rows.toLocaleString('en-US')} 行、${L.columns.toLocaleString('en-US')} 列 |`,
    `| 单元格文字 | Excel 本身的 ${L.stringLength.toLocaleString('en-US')} 个字符 |`,
    `| XML 嵌套层数 / 单段文字、注释或属性 | ${L.xmlDepth} 层 / 约 ${Math.round(L.xmlToken / 1e6) * 100} 万字符 |`,
  ]) {
    expect(readme).toContain(row);
  }
});
