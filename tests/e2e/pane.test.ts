/**
 * The task pane as a user meets it: the BUILT pane (dist-web/) in headless Debian Chromium, with
 * office.js answered by the stub that installs the fake Excel over a fixture (tests/e2e/runner.ts).
 * On the published seed-000 workbook: 校验并生成说明 lists the CLI's findings, marks the cells,
 * writes 情况说明; a click selects cells; the .docx code loads only on its click; 清除标记 gives
 * back every cell as it was. Also: markup in cells stays text, no table / too large are said
 * clearly, tables and parameters go into the workbook, and `pane:check`'s findings equal
 * `budget validate --json` on every fixture. Takes the README screenshots: into docs/img/ with
 * UPDATE_SCREENSHOTS=1 (`npm run screenshots`), else into a temporary folder, so a test run never
 * changes tracked files.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { Finding } from '../../src/core/findings';
import { Workbook } from '../../src/core/grid';
import { MARK_COLORS } from '../../src/core/marks';
import { UserError } from '../../src/cli/errors';
import { readWorkbook } from '../../src/cli/read-xlsx';
import { FIXTURES, cloneWorkbook, fixture, loadFixture, runCli } from '../helpers';
import type { PaneReport } from './report';
import { PaneBrowser, checkInPane, launchPane, paneCheck } from './runner';

jest.setTimeout(240000);
const IMG = process.env.UPDATE_SCREENSHOTS ? path.join(__dirname, '..', '..', 'docs', 'img') : mkdtempSync(path.join(tmpdir(), 'pane-img-'));
const SEED = '决算-公开版.xlsx';

let browser: PaneBrowser;
beforeAll(async () => {
  browser = await launchPane();
});
afterAll(async () => {
  await browser?.close();
});

const paneReport = (page: Page) => page.evaluate(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport());
const sorted = (fs: readonly Finding[]) => fs.map((f) => JSON.stringify(f)).sort();

async function cliFindings(file: string): Promise<{ code: number; findings: Finding[] }> {
  const r = await runCli('validate', file, '--json');
  return { code: r.code, findings: r.code === 2 ? [] : (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

test('seed 000: findings as the CLI, marked cells, 情况说明, selection, .docx on demand, 清除标记 restores', async () => {
  const grid = await loadFixture(SEED);
  const { page, requests } = await browser.open(grid);
  const snapshot = () => page.evaluate((names) => (window as unknown as { __paneSnapshot(n: string[]): string }).__paneSnapshot(names), grid.sheets.map((s) => s.name));
  const original = await snapshot();
  await page.screenshot({ path: path.join(IMG, 'pane-start.png') });

  const run = await checkInPane(page);
  const cli = await cliFindings(fixture(SEED));
  expect(cli.findings).toHaveLength(8);
  expect(sorted(run.findings)).toEqual(sorted(cli.findings));
  expect(await page.getByTestId('count-rounding').textContent()).toBe('8');
  expect(await page.getByTestId('count-error').textContent()).toBe('0');

  // Marked cells: the stated figure of each finding and the likely cause, in the severity's colour.
  const marked = new Map(run.report.marks.map((m) => [`${m.sheet}!${m.cell}`, m]));
  for (const f of cli.findings) expect(marked.get(`${f.sheet}!${f.cells[0]}`)?.severity).toBe(f.severity);
  expect(marked.get('公开03表!C8')).toMatchObject({ severity: 'rounding', fill: MARK_COLORS.rounding.fill });
  expect(run.notes).toBe(run.marks.length);
  expect(run.sheets).toEqual(['情况说明', '校验结果']);
  expect(run.说明).toContain('2024年度收、支总计均为174.25万元。');
  expect(run.syncs).toBeLessThanOrEqual(12);
  await page.screenshot({ path: path.join(IMG, 'pane-results.png'), fullPage: true });

  // A click on a finding selects its cells; on its cause, the cause cell.
  const first = page.getByTestId('finding').filter({ hasText: '公开02表 合计行 栏1' });
  await first.click();
  await page.waitForFunction(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport().selection?.sheet === '公开02表');
  expect((await paneReport(page)).selection).toEqual({ sheet: '公开02表', cells: ['C7', 'C8', 'C14', 'C17'] });
  await page.getByRole('button', { name: '可能的原因：公开03表!C8', exact: true }).first().click();
  await page.waitForFunction(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport().selection?.sheet === '公开03表');
  expect((await paneReport(page)).selection).toEqual({ sheet: '公开03表', cells: ['C8'] });

  // Filter by severity.
  await page.getByTestId('filter-rounding').click();
  expect(await page.getByTestId('finding').count()).toBe(0);
  await page.getByTestId('filter-rounding').click();
  expect(await page.getByTestId('finding').count()).toBe(8);

  // The docx code is fetched on the download click only.
  const scripts = () => requests.filter((u) => u.endsWith('.js') && u.startsWith('https://localhost:3000/')).map((u) => u.split('/').pop());
  const initial = scripts();
  expect(initial).toEqual(expect.arrayContaining(['runtime.js', 'engine.js', 'taskpane.js', 'functions.js']));
  expect(initial).not.toContain('docx.js');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toMatch(/决算情况说明\.docx$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(scripts()).toContain('docx.js');

  await page.waitForFunction(() => !document.querySelector('[data-testid="check"]')?.hasAttribute('disabled'));
  await page.getByTestId('clear').click();
  await page.getByTestId('clear-confirm').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(IMG, 'pane-clear.png') });
  await page.getByTestId('clear-with-sheets').click();
  await page.getByTestId('notice-success').waitFor();
  expect(await snapshot()).toBe(original);
  expect((await paneReport(page)).sheets).toEqual(grid.sheets.map((s) => s.name));
  await page.close();
});

test('markup in a cell is shown as text, in the pane and in the sheets; nothing runs', async () => {
  const grid = cloneWorkbook(await loadFixture(SEED));
  const evil = '<img src=x onerror=alert(1)>';
  const s3 = grid.sheets.find((s) => s.name === '公开03表')!;
  s3.rows[7]![2] = { value: evil };
  const { page } = await browser.open(grid);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const run = await checkInPane(page);
  const bad = run.findings.find((f) => f.message.includes(evil));
  expect(bad).toBeDefined();
  expect(await page.locator('[data-testid="finding"]', { hasText: evil }).count()).toBeGreaterThan(0);
  expect(await page.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(run.messages.join('')).toMatch(/无法读取为金额/);
  await page.close();
});

test('no table recognised, and a workbook too large for one pass: a clear message, nothing written', async () => {
  const empty: Workbook = { name: '随便.xlsx', sheets: [{ name: 'Sheet1', rows: [[{ value: '会议纪要' }], [{ value: '今天讨论了预算' }]] }] };
  let { page } = await browser.open(empty);
  let run = await checkInPane(page);
  expect(run.findings).toEqual([]);
  expect(run.messages.join('')).toMatch(/未识别到任何公开表/);
  expect(run.sheets).toEqual([]);
  await page.close();

  const huge: Workbook = { name: '巨大.xlsx', sheets: [{ name: '数据', rows: [[{ value: 1 }]] }] };
  huge.sheets[0].rows[1999] = [];
  huge.sheets[0].rows[1999][1999] = { value: 2 };
  ({ page } = await browser.open(huge));
  run = await checkInPane(page);
  expect(run.messages.join('')).toMatch(/工作簿过大.*4,000,000 个单元格/);
  expect(run.marks).toEqual([]);
  await page.close();
});

test('insert tables, and 说明 parameters saved in the workbook and used by the next check', async () => {
  const { page } = await browser.open({ name: '新建.xlsx', sheets: [{ name: 'Sheet1', rows: [] }] });
  await page.getByRole('tab', { name: '插入表格' }).click();
  await page.screenshot({ path: path.join(IMG, 'pane-insert.png') });
  await page.getByTestId('insert').click();
  await page.getByTestId('notice-success').waitFor();
  const sheets = (await paneReport(page)).sheets;
  expect(sheets).toEqual(['Sheet1', '公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);

  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByRole('textbox', { name: '单位名称' }).fill('某市某区财政局');
  await page.getByTestId('save-params').click();
  await page.getByTestId('notice-success').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(IMG, 'pane-settings.png') });
  const parts = await page.evaluate(() => (window as unknown as { __fakeExcel: { wb: { parts: { xml: string }[] } } }).__fakeExcel.wb.parts.map((p) => p.xml));
  expect(parts).toHaveLength(1);
  expect(parts[0]).toContain('urn:budget-addin:params:1');
  await page.getByRole('tab', { name: '校验' }).click();
  const run = await checkInPane(page);
  expect(run.说明.split('\n')[0]).toContain('某市某区财政局');
  expect(run.findings.filter((f) => f.severity === 'error')).toEqual([]);
  await page.close();
});

test('pane:check findings equal `budget validate --json` on every fixture', async () => {
  // Every .xlsx under tests/fixtures, whatever folder it is in.
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx'));
  expect(files.length).toBeGreaterThan(15);
  for (const file of files) {
    const cli = await cliFindings(fixture(file));
    let grid: Workbook;
    try {
      grid = await readWorkbook(fixture(file));
    } catch (e) {
      // Files the reader refuses (encrypted, corrupt, not a workbook) never reach the pane.
      expect([file, e instanceof UserError, cli.code]).toEqual([file, true, 2]);
      continue;
    }
    const pane = await paneCheck(browser, grid);
    expect([file, sorted(pane.findings)]).toEqual([file, sorted(cli.findings)]);
    expect([file, pane.restored]).toEqual([file, true]);
  }
});

test('`node dist/scripts/pane-check.js FILE` prints the JSON of the issue', () => {
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'scripts', 'pane-check.js'), fixture('决算-单表-公开版.xlsx')], { encoding: 'utf8', timeout: 180000 });
  const json = JSON.parse(out) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['findings', 'marks', 'notes', 'sheets', '说明', 'syncs', 'firstRenderMs', 'validateMs', 'restored']));
  expect(json.restored).toBe(true);
});
