/**
 * The 说明 on disk: .docx / .md / .txt writing, reading back, params files and sheets, and bad
 * input (empty, binary, huge, corrupt, wrong format) giving one clear message, never a hang.
 */
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, openSync, ftruncateSync, closeSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { UserError } from '../src/cli/errors';
import { main } from '../src/cli/main';
import { checkNarrativeFile, decodeText, loadParams, readNarrativeText, wordXmlToText, writeNarrative } from '../src/cli/narrative';
import { Workbook } from '../src/core/grid';
import { analyzeNarrative } from '../src/core/narrative';
import { seedTables, substantive } from './narrative-tables';

const dir = mkdtempSync(path.join(tmpdir(), 'narrative-'));
const file = (name: string, data: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
const EXAMPLE = 'examples/说明参数-样例.json';
const SEED = readFileSync('tests/fixtures/narrative/seed000-说明.txt', 'utf8');

async function userMessage(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).userMessage;
  }
  throw new Error('expected a UserError');
}

describe('writing the 说明', () => {
  const tables = seedTables();
  const params = loadParams(EXAMPLE);

  test('.docx: 黑体 headings, 仿宋 body, numbered sections, a table for 三公, placeholders highlighted', async () => {
    const out = path.join(dir, '说明.docx');
    await writeNarrative(tables, params, out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="Heading1".*?w:eastAsia="黑体"/s);
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toContain('一、收入支出决算总体情况说明');
    expect(xml).toContain('十三、预算绩效情况说明');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('公务用车购置及运行维护费');
    expect(xml).toMatch(/<w:highlight w:val="yellow"\/>.*?【请填写：/s);
    // read back and checked: clean
    expect(substantive((await checkNarrativeFile(out, tables, undefined, EXAMPLE)).findings)).toEqual([]);
  });

  test('.md and .txt, chosen by extension; both read back and check clean', async () => {
    for (const ext of ['.md', '.txt']) {
      const out = path.join(dir, `说明${ext}`);
      await writeNarrative(tables, params, out);
      const text = await readNarrativeText(out);
      expect(text).toContain('2024年度收、支总计均为174.25万元。');
      expect(substantive((await checkNarrativeFile(out, tables, undefined, EXAMPLE)).findings)).toEqual([]);
    }
  });

  test('other extensions and unwritable places are clear errors', async () => {
    expect(await userMessage(writeNarrative(tables, params, path.join(dir, 'x.pdf')))).toContain('.docx 或 .md');
    expect(await userMessage(writeNarrative(tables, params, path.join(dir, 'no', 'such', 'x.md')))).toContain('所在文件夹不存在');
  });
});

describe('reading a 说明', () => {
  test('the published seed text, as .txt in UTF-8, GBK and UTF-16', async () => {
    const utf8 = await readNarrativeText(file('seed.txt', SEED));
    expect(utf8).toBe(SEED);
    // GBK bytes of a short sentence (Notepad's ANSI on a Chinese Windows)
    const gbkBytes = Buffer.from('c8fdb9abbeadb7d1', 'hex'); // 三公经费
    expect(await readNarrativeText(file('gbk.txt', gbkBytes))).toBe('三公经费');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('收、支总计均为174.25万元。', 'utf16le')]);
    expect(await readNarrativeText(file('u16.txt', utf16))).toBe('收、支总计均为174.25万元。');
  });

  test('a .docx written by Word: paragraphs, tabs, breaks, tables, entities', () => {
    const xml =
      '<w:document><w:body><w:p><w:r><w:t>一、收入支出决算总体情况说明</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">2024年度收、支总计均为</w:t></w:r><w:r><w:t>174.25</w:t></w:r><w:r><w:t>万元&amp;。</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>下一行</w:t></w:r></w:p>' +
      '<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2.76</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:tab/><w:t>&#20013;</w:t></w:r></w:p></w:body></w:document>';
    expect(wordXmlToText(xml).split('\n')).toEqual(['一、收入支出决算总体情况说明', '2024年度收、支总计均为174.25万元&。', '下一行', '合计\t2.76', '', '\t中']);
  });

  test('empty, blank, binary, PDF, old .doc, zip-as-txt, corrupt .docx: one clear message each', async () => {
    expect(await userMessage(readNarrativeText(file('empty.txt', '')))).toMatch(/是空的/);
    expect(await userMessage(readNarrativeText(file('blank.md', ' \n\n\u3000\n')))).toMatch(/没有文字内容/);
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
    expect(await userMessage(readNarrativeText(file('bin.txt', bin)))).toMatch(/不是文本文件/);
    expect(await userMessage(readNarrativeText(file('a.pdf', '%PDF-1.7 …')))).toMatch(/PDF/);
    expect(await userMessage(readNarrativeText(file('a.txt', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('x')]))))).toMatch(/PDF/);
    expect(await userMessage(readNarrativeText(file('old.doc', 'x')))).toMatch(/另存为 \.docx/);
    expect(await userMessage(readNarrativeText(file('ole.docx', Buffer.from('d0cf11e0a1b11ae1000000', 'hex'))))).toMatch(/旧版 Word/);
    expect(await userMessage(readNarrativeText(file('zip.txt', Buffer.from('504b0304140000000800', 'hex'))))).toMatch(/压缩格式/);
    expect(await userMessage(readNarrativeText(file('bad.docx', Buffer.from('504b0304deadbeef', 'hex'))))).toMatch(/不是有效的 \.docx/);
    expect(await userMessage(readNarrativeText(file('text.docx', '一、收入支出决算总体情况说明')))).toMatch(/不是有效的 \.docx/);
    const notWord = new JSZip();
    notWord.file('hello.txt', 'x');
    expect(await userMessage(readNarrativeText(file('notword.docx', await notWord.generateAsync({ type: 'nodebuffer' }))))).toMatch(/不是 Word 文档/);
    expect(await userMessage(readNarrativeText(path.join(dir, 'missing.txt')))).toMatch(/找不到说明文件/);
    mkdirSync(path.join(dir, 'folder.txt'));
    expect(await userMessage(readNarrativeText(path.join(dir, 'folder.txt')))).toMatch(/是一个文件夹/);
  });

  test('a huge file (over 10 MB) is refused at once, without reading it', async () => {
    const p = path.join(dir, 'huge.txt');
    const fd = openSync(p, 'w');
    ftruncateSync(fd, 10 * 1024 * 1024 + 1);
    closeSync(fd);
    const t0 = Date.now();
    expect(await userMessage(readNarrativeText(p))).toMatch(/过大（10\.0 MB，上限 10\.0 MB）/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('a text just under 10 MB is read and checked in seconds, not hung', async () => {
    const big = SEED.repeat(Math.floor((9.5 * 1024 * 1024) / Buffer.byteLength(SEED)));
    const p = file('big.txt', big);
    const t0 = Date.now();
    const { findings } = await checkNarrativeFile(p, seedTables());
    expect(findings.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  test('pathological text (no punctuation, endless digits) stays linear', () => {
    const t0 = Date.now();
    analyzeNarrative('收支总计'.repeat(1_000_000), seedTables());
    analyzeNarrative('1'.repeat(4_000_000) + '万元', seedTables());
    analyzeNarrative('占'.repeat(1_000_000) + '1%', seedTables());
    analyzeNarrative('(类)'.repeat(300_000), seedTables());
    expect(Date.now() - t0).toBeLessThan(10000);
  });

  test('a file with no checkable sentence gives a 提示 rather than silence', async () => {
    const f = (await checkNarrativeFile(file('other.txt', '这是一份工作总结，没有任何数字。'), seedTables())).findings;
    expect(f.map((x) => x.rule)).toEqual(['说明.无可核对内容']);
  });

  test('decodeText refuses NUL bytes and control characters', () => {
    expect(() => decodeText(Buffer.from([0x41, 0, 0x42]), 'x.txt', '说明文件')).toThrow(UserError);
    expect(() => decodeText(Buffer.from('\u0001\u0002\u0003\u0004abc'.repeat(10)), 'x.txt', '说明文件')).toThrow(UserError);
  });
});

describe('params from a file or a 参数 sheet', () => {
  test('JSON errors name the file and the line', async () => {
    expect(await userMessage(() => loadParams(file('bad.json', '{\n "单位名称": "x",\n "年度": 2024,,\n}')))).toMatch(/bad\.json 不是有效的 JSON（第 3 行附近/);
    expect(await userMessage(() => loadParams(file('unknown.json', '{"上年": {"收支总记": "1"}}')))).toMatch(/unknown\.json 有 1 处问题：未知参数“上年\.收支总记”/);
    expect(await userMessage(() => loadParams(file('empty.json', '')))).toMatch(/是空的/);
    expect(await userMessage(() => loadParams(file('arr.json', '[1,2]')))).toMatch(/最外层应为一个对象/);
    expect(await userMessage(() => loadParams(path.join(dir, 'nope.json')))).toMatch(/找不到参数文件/);
  });

  test('a GBK-encoded JSON file is read', () => {
    // {"单位名称":"测试"} in GBK
    const gbk = Buffer.concat([Buffer.from('{"'), Buffer.from('b5a5cebbc3fbb3c6', 'hex'), Buffer.from('":"'), Buffer.from('b2e2cad4', 'hex'), Buffer.from('"}')]);
    expect(loadParams(file('gbk.json', gbk)).text('单位名称')).toBe('测试');
  });

  test('the workbook’s 参数 sheet when no file is given; its problems name the cell', async () => {
    const wb: Workbook = {
      name: '决算.xlsx',
      sheets: [
        { name: '公开01表', rows: [] },
        { name: '参数', rows: [[{ value: '单位名称' }, { value: '某局' }], [{ value: '上年.收支总计' }, { value: 'abc' }]] },
      ],
    };
    expect(await userMessage(() => loadParams(undefined, wb))).toMatch(/决算\.xlsx 的“参数”工作表 有 1 处问题：参数!B2：/);
    wb.sheets[1].rows.pop();
    expect(loadParams(undefined, wb).text('单位名称')).toBe('某局');
    expect(loadParams(undefined, { name: 'x', sheets: [] }).values.size).toBe(0);
  });
});

describe('through the budget command', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
  };

  test('budget narrative → .docx, then budget validate --narrative on it: no 说明 findings', async () => {
    const docx = path.join(dir, 'cli.docx');
    const a = io();
    expect(await main(['narrative', 'tests/fixtures/决算-公开版.xlsx', '--params', EXAMPLE, '--out', docx], a.io)).toBe(0);
    const b = io();
    await main(['validate', 'tests/fixtures/决算-公开版.xlsx', '--json', '--params', EXAMPLE, '--narrative', docx], b.io);
    const json = JSON.parse(b.out.join(''));
    expect(substantive(json.findings.filter((f: { table: string }) => f.table === '说明'))).toEqual([]);
  });

  test('budget validate --narrative on the published seed text reports its inconsistencies', async () => {
    const c = io();
    const code = await main(['validate', 'tests/fixtures/决算-公开版.xlsx', '--json', '--narrative', 'tests/fixtures/narrative/seed000-说明.txt'], c.io);
    expect(code).toBe(1);
    const json = JSON.parse(c.out.join(''));
    const n = json.findings.filter((f: { table: string }) => f.table === '说明');
    expect(n.filter((f: { severity: string }) => f.severity === 'error')).toHaveLength(10);
  });

  test('validate --narrative says what it read: a line in the report, `narrative` in the JSON', async () => {
    const t = io();
    await main(['validate', 'tests/fixtures/决算-公开版.xlsx', '--narrative', 'tests/fixtures/narrative/seed000-说明.txt'], t.io);
    expect(t.out.join('')).toMatch(/说明 seed000-说明\.txt：读取 \d+ 句，含数字 \d+ 个（金额、百分比），已核对 \d+ 个；\d+ 句中的数字未能核对（见提示）。\n$/);
    const j = io();
    await main(['validate', 'tests/fixtures/决算-公开版.xlsx', '--json', '--narrative', 'tests/fixtures/narrative/seed000-说明.txt'], j.io);
    const stats = JSON.parse(j.out.join('')).narrative;
    expect(stats.sentences).toBeGreaterThan(80);
    expect(stats.checked).toBeGreaterThan(80);
    expect(stats.checked).toBeLessThanOrEqual(stats.figures);
  });

  test('check-text: a 说明 on its own, the same findings contract (table “说明”), exit 1 on an error', async () => {
    const a = io();
    const code = await main(['check-text', 'tests/fixtures/narrative/seed000-说明.txt', '--json'], a.io);
    expect(code).toBe(1);
    const json = JSON.parse(a.out.join(''));
    expect(Object.keys(json)).toEqual(['file', 'tables', 'findings', 'summary', 'narrative']);
    expect(json.file).toBe('seed000-说明.txt');
    expect(json.tables).toEqual([]);
    for (const f of json.findings) {
      expect(f.table).toBe('说明');
      expect(['error', 'rounding', 'warning']).toContain(f.severity);
      expect(f.message).toMatch(/^说明第\d+行“/);
    }
    // the zero-base growth rates, and a 100% rate over the budget of 0 the text itself states
    expect(json.findings.filter((f: { rule: string }) => f.rule === '说明.增减率')).toHaveLength(7);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('说明.完成率');
    expect(json.summary.error).toBe(json.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    const t = io();
    await main(['check-text', 'tests/fixtures/narrative/seed000-说明.txt'], t.io);
    expect(t.out.join('')).toMatch(/^校验 seed000-说明\.txt：仅核对文字（无表格）\n/);
    expect(t.out.join('')).toMatch(/说明 seed000-说明\.txt：读取 \d+ 句/);
    // a correct passage: exit 0
    const ok = io();
    expect(await main(['check-text', file('ok.txt', '三、支出决算情况说明\n2024年度支出合计174.25万元，其中：基本支出61.11万元，占35.1%；项目支出113.14万元，占64.9%。')], ok.io)).toBe(0);
    const none = io();
    expect(await main(['check-text'], none.io)).toBe(2);
    expect(none.err.join('')).toContain('缺少要核对的说明文件');
  });

  test('a bad 说明 file: exit 2 and one line saying why', async () => {
    const d = io();
    expect(await main(['validate', 'tests/fixtures/决算-公开版.xlsx', '--narrative', file('e.txt', '')], d.io)).toBe(2);
    expect(d.err.join('')).toMatch(/^budget: 说明文件 e\.txt 是空的（0 字节）。\n$/);
  });
});
