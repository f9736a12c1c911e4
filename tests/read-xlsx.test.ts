/**
 * The streaming .xlsx reader: every kind of cell content SpreadsheetML stores, as small
 * packages written part by part, and the seed fixtures read exactly as ExcelJS (the previous
 * reader) read them.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Workbook, cellAddress } from '../src/core/grid';
import { readWorkbook } from '../src/cli/read-xlsx';
import { PackageSpec, worksheetXml, xlsxBytes } from '../scripts/xlsx-parts';
import { excelJsCell } from '../scripts/bench/reference';
import { fixture, loadFixture } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function read(spec: PackageSpec): Promise<Workbook> {
  const file = path.join(dir, `t${++n}.xlsx`);
  await fs.writeFile(file, xlsxBytes(spec));
  return readWorkbook(file);
}

async function readSheet(sheetData: string, rest: Omit<PackageSpec, 'sheets'> = {}, after = '') {
  const wb = await read({ ...rest, sheets: [{ name: '表1', xml: worksheetXml(sheetData, after) }] });
  return wb.sheets[0];
}

const STYLES = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts><numFmt numFmtId="164" formatCode="#,##0.00_ ;[Red]\\-#,##0.00\\ "/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>`;

describe('cell values', () => {
  test('shared strings: plain, rich-text runs, phonetic guide left out, spaces kept', async () => {
    const s = await readSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>', {
      extra: {
        'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>收入支出决算总表</t></si><si><r><rPr><b/></rPr><t>一般公共</t></r><r><t xml:space="preserve"> 服务</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`,
      },
    });
    expect(s.rows[0].map((c) => c?.value)).toEqual(['收入支出决算总表', '一般公共 服务', '東京']);
  });

  test('inline strings, booleans, errors, formula strings, ISO dates, numbers', async () => {
    const s = await readSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>单位：万元</t></is></c><c r="B1" t="inlineStr"><is><r><t>合</t></r><r><t>计</t></r></is></c>' +
        '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c>' +
        '<c r="F1" t="str"><f>A1&amp;"x"</f><v>单位：万元x</v></c><c r="G1" t="d"><v>2024-12-31T00:00:00Z</v></c>' +
        '<c r="H1"><v>1136.18</v></c><c r="I1"><v>-0.5</v></c><c r="J1"><v>1E-3</v></c></row>',
    );
    expect(s.rows[0].map((c) => c?.value)).toEqual(['单位：万元', '合计', true, false, { error: '#DIV/0!' }, '单位：万元x', '2024-12-31', 1136.18, -0.5, 0.001]);
    expect(s.rows[0][5]?.formula).toBe('A1&"x"');
  });

  test('cells with only a style, or an empty value, are empty', async () => {
    const s = await readSheet('<row r="1"><c r="A1" s="1"/><c r="B1"><v></v></c><c r="C1" t="s"/><c r="D1" t="s"><v></v></c><c r="E1"><v>7</v></c></row>', { styles: STYLES, sharedStrings: ['不该出现'] });
    expect(s.rows[0].slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(s.rows[0][4]).toEqual({ value: 7 });
  });

  test('entities and character references are decoded; CDATA is text', async () => {
    const s = await readSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>R&amp;D &lt;一&gt; &#20013;&#x6587;</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<b>不是标签</b>]]></t></is></c></row>');
    expect(s.rows[0].map((c) => c?.value)).toEqual(['R&D <一> 中文', '<b>不是标签</b>']);
  });
});

describe('number formats', () => {
  test('built-in and custom formats by style; General is absent', async () => {
    const s = await readSheet(
      '<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="2"><v>3</v></c><c r="D1" s="5"><v>0.351</v></c><c r="E1" s="99"><v>4</v></c></row>',
      { styles: STYLES },
    );
    expect(s.rows[0].map((c) => c?.numFmt)).toEqual([undefined, '#,##0.00', '#,##0.00_ ;[Red]\\-#,##0.00\\ ', '0.00%', undefined]);
  });

  test('numbers in a date format become ISO date text (1900 and 1904 systems)', async () => {
    const sheet = '<row r="1"><c r="A1" s="3"><v>45657</v></c><c r="B1" s="4"><v>45292.75</v></c></row>';
    const s = await readSheet(sheet, { styles: STYLES });
    expect(s.rows[0].map((c) => c?.value)).toEqual(['2024-12-31', '2024-01-01']);
    const wb = await read({
      styles: STYLES,
      sheets: [{ name: '表1', xml: worksheetXml(sheet) }],
      extra: {
        'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
    });
    expect(wb.sheets[0].rows[0][0]?.value).toBe('2029-01-01');
  });
});

describe('formulas', () => {
  test('cached values, a missing cache, and a cached zero', async () => {
    const s = await readSheet('<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1"><f>1+1</f></c><c r="C1"><f>0*1</f><v>0</v></c></row>');
    expect(s.rows[0]).toEqual([
      { value: 3, formula: 'SUM(B1:C1)' },
      { value: null, formula: '1+1' },
      { value: 0, formula: '0*1' },
    ]);
  });

  test('shared formulas: every cell has the master text and its own cached value', async () => {
    const s = await readSheet(
      '<row r="5"><c r="C5"><f t="shared" ref="C5:C7" si="0">SUM(D5:E5)</f><v>10</v></c></row>' +
        '<row r="6"><c r="C6"><f t="shared" si="0"/><v>20</v></c></row><row r="7"><c r="C7"><f t="shared" si="0"/></c></row>',
    );
    expect(s.rows.slice(4).map((r) => r[2])).toEqual([
      { value: 10, formula: 'SUM(D5:E5)' },
      { value: 20, formula: 'SUM(D5:E5)' },
      { value: null, formula: 'SUM(D5:E5)' },
    ]);
  });
});

describe('layout', () => {
  test('merged areas, cut to the cells the sheet holds', async () => {
    const s = await readSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="3"><c r="D3"><v>1</v></c></row>',
      {},
      '<mergeCells count="4"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A3"/><mergeCell ref="B1:XFD1048576"/><mergeCell ref="F9:G9"/></mergeCells>',
    );
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 0, left: 1, bottom: 2, right: 3 },
    ]);
  });

  test('rows and cells written without addresses follow the previous one', async () => {
    const s = await readSheet('<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c><v>3</v></c><c r="C4"><v>4</v></c><c><v>5</v></c></row>');
    expect(s.rows[0].map((c) => c?.value)).toEqual([1, 2]);
    expect(s.rows[3].map((c) => c?.value)).toEqual([3, undefined, 4, 5]);
  });

  test('namespace prefixes, absolute targets, sheet order, chart sheets skipped', async () => {
    const x = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheet = (v: string) => `<x:worksheet xmlns:x="${x}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>${v}</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = await read({
      sheets: [
        { name: 'a', xml: sheet('第一') },
        { name: 'b', xml: sheet('第二') },
      ],
      extra: {
        'xl/workbook.xml': `<x:workbook xmlns:x="${x}" xmlns:rel="${r}"><x:sheets><x:sheet name="公开02表" sheetId="2" rel:id="rId2"/><x:sheet name="图表" sheetId="3" rel:id="rId9"/><x:sheet name="公开01表" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${r}/worksheet" Target="./worksheets/sheet2.xml"/><Relationship Id="rId9" Type="${r}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      },
    });
    expect(wb.sheets.map((s) => [s.name, s.rows[0][0]?.value])).toEqual([
      ['公开02表', '第二'],
      ['公开01表', '第一'],
    ]);
  });

  test('custom XML parts are kept as text, in item order; their property parts are not', async () => {
    const item = (k: string) => `<?xml version="1.0" encoding="UTF-8"?><budget xmlns="urn:budget-addin:params"><unit>${k}</unit></budget>`;
    const wb = await read({
      sheets: [{ name: '表1', xml: worksheetXml('') }],
      extra: { 'customXml/item2.xml': item('乙'), 'customXml/item10.xml': item('丙'), 'customXml/item1.xml': item('甲'), 'customXml/itemProps1.xml': '<ds:datastoreItem xmlns:ds="urn:x"/>' },
    });
    expect(wb.customXml).toEqual([item('甲'), item('乙'), item('丙')]);
    const none = await read({ sheets: [{ name: '表1', xml: worksheetXml('') }] });
    expect(none.customXml).toBeUndefined();
  });
});

const SEED_FILES = ['决算-公开版.xlsx', '决算-清洁版.xlsx', '决算-移位-公开版.xlsx', '决算-单表-公开版.xlsx', '决算-拆分编码-公开版.xlsx', '决算-无栏次-公开版.xlsx', '决算-元-清洁版.xlsx', '决算-OCR文本.xlsx', 'bad/公式无缓存.xlsx', 'bad/错误值.xlsx'];

test.each(SEED_FILES)('%s: every cell, format, formula and merge as ExcelJS read it', async (name) => {
  const wb = await loadFixture(name);
  const ref = new ExcelJS.Workbook();
  await ref.xlsx.readFile(fixture(name));
  expect(wb.sheets.map((s) => s.name)).toEqual(ref.worksheets.map((w) => w.name));
  let cells = 0;
  for (const ws of ref.worksheets) {
    const sheet = wb.sheets.find((s) => s.name === ws.name)!;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const want = excelJsCell(cell);
        if (want) cells++;
        expect([cell.address, sheet.rows[r - 1]?.[c - 1]]).toEqual([cell.address, want]);
      }),
    );
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    expect(sheet.merges?.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort()).toEqual([...merges].sort());
  }
  const ours = wb.sheets.reduce((k, s) => k + s.rows.flat().filter(Boolean).length, 0);
  expect(ours).toBe(cells);
});

test('validate never loads ExcelJS (only `budget template` writes with it)', () => {
  const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
  const sample = path.join(__dirname, '..', 'examples', '决算-样例.xlsx');
  const script = `require(${JSON.stringify(main)}).main(['validate', ${JSON.stringify(sample)}], { out() {}, err() {} }).then((code) => {
    const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](exceljs|jszip)[\\\\/]/.test(k));
    process.stdout.write(JSON.stringify({ code, loaded: loaded.length }));
  });`;
  expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))).toEqual({ code: 0, loaded: 0 });
});
