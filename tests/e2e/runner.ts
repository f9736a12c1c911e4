/**
 * Runs the BUILT task pane (dist-web/) in headless Debian Chromium against the fake Excel:
 * every request of the page is answered here — the add-in's files from dist-web/ under its
 * manifest origin, office.js by the stub that installs the fake over a workbook grid — and
 * anything else is refused, so nothing leaves the machine. Used by the e2e test, by
 * `npm run pane:check` and by the bench.
 */
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { Finding } from '../../src/core/findings';
import { Workbook } from '../../src/core/grid';
import type { PaneReport } from './report';

const ROOT = path.join(__dirname, '..', '..');
/** Where the sources live when this runs compiled from dist/tests/e2e. */
const SRC_ROOT = existsSync(path.join(ROOT, 'package.json')) ? ROOT : path.join(ROOT, '..');
export const DIST_WEB = path.join(SRC_ROOT, 'dist-web');
export const ORIGIN = 'https://localhost:3000';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.txt': 'text/plain' };

let stubCode: Promise<string> | undefined;

/** The office.js stub: office-stub.ts and the fake bundled for the browser (built once per process). */
export function officeStubBundle(): Promise<string> {
  return (stubCode ??= (async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'office-stub-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require('webpack') as typeof import('webpack');
    const compiler = webpack({
      mode: 'production',
      target: 'web',
      context: SRC_ROOT,
      entry: path.join(SRC_ROOT, 'tests', 'e2e', 'office-stub.ts'),
      output: { path: out, filename: 'office-stub.js', library: { name: 'FakeOffice', type: 'window' } },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: require.resolve('ts-loader'), options: { transpileOnly: true, compilerOptions: { module: 'es2020' } } } }] },
      optimization: { minimize: false },
      infrastructureLogging: { level: 'error' },
    });
    await new Promise<void>((resolve, reject) =>
      compiler.run((err, stats) => {
        if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
        else compiler.close(() => resolve());
      }),
    );
    const code = await fs.readFile(path.join(out, 'office-stub.js'), 'utf8');
    rmSync(out, { recursive: true, force: true });
    return code;
  })());
}

export interface PaneBrowser {
  context: BrowserContext;
  /** Opens the pane on a workbook grid; `requests` lists the URLs the page asked for. */
  open(grid: Workbook, opts?: { apiVersion?: number; viewport?: { width: number; height: number }; root?: string; waitFor?: string }): Promise<{ page: Page; requests: string[] }>;
  close(): Promise<void>;
}

export async function launchPane(): Promise<PaneBrowser> {
  if (!existsSync(path.join(DIST_WEB, 'taskpane.html'))) throw new Error(`${DIST_WEB}/taskpane.html 不存在：请先运行 npm run build。`);
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先安装 apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei。`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'pane-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 420, height: 900 },
    locale: 'zh-CN',
    // Steady screenshots: no enter animations.
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const stub = await officeStubBundle();
  return {
    context,
    async open(grid, opts = {}) {
      const page = await context.newPage();
      if (opts.viewport) await page.setViewportSize(opts.viewport);
      const requests: string[] = [];
      const state = JSON.stringify(grid).replace(/</g, '\\u003c');
      await page.route('**/*', async (route: Route) => {
        const url = route.request().url();
        requests.push(url);
        if (url.split('?')[0] === OFFICE_JS) {
          return route.fulfill({ status: 200, contentType: TYPES['.js'], body: `${stub}\nFakeOffice.install(${state}, ${opts.apiVersion ?? 1.18});` });
        }
        if (url.startsWith(`${ORIGIN}/`)) {
          const root = opts.root ?? DIST_WEB;
          const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
          const file = path.join(root, rel);
          if (!file.startsWith(root + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
          return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: await fs.readFile(file) });
        }
        return route.abort('blockedbyclient');
      });
      await page.goto(`${ORIGIN}/taskpane.html`);
      if (opts.waitFor) await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, opts.waitFor, { timeout: 30000 });
      else await page.getByTestId('check').waitFor({ timeout: 30000 });
      return { page, requests };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PaneCheck {
  findings: Finding[];
  marks: { sheet: string; cell: string; severity: string }[];
  notes: number;
  sheets: string[];
  说明: string;
  syncs: number;
  firstRenderMs: number;
  validateMs: number;
  restored: boolean;
  /** Notices the pane showed (no table, unreadable cells, …). */
  messages: string[];
}

/** Clicks 校验并生成说明, reads what the pane listed and what it did to the workbook. */
export async function checkInPane(page: Page): Promise<Omit<PaneCheck, 'restored'> & { report: PaneReport }> {
  const before = await page.evaluate(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport());
  await page.getByTestId('check').click();
  await page.waitForFunction(() => !!document.querySelector('[data-testid="summary"], [data-testid^="notice-"]') && !document.querySelector('[data-testid="progress"]'), undefined, { timeout: 120000 });
  const findings = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => JSON.parse(e.getAttribute('data-finding') ?? '{}') as Finding));
  const messages = await page.$$eval('[data-testid^="notice-"]', (els) => els.map((e) => e.textContent ?? ''));
  const validateMs = Number(await page.evaluate(() => document.querySelector('[data-testid="summary"]')?.getAttribute('data-validate-ms') ?? 'NaN'));
  const firstRenderMs = await page.evaluate(() => performance.getEntriesByName('pane-first-render')[0]?.startTime ?? NaN);
  const report = await page.evaluate(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport());
  const added = report.sheets.filter((s) => !before.sheets.includes(s));
  return {
    findings,
    marks: report.marks.map(({ sheet, cell, severity }) => ({ sheet, cell, severity })),
    notes: report.notes,
    sheets: added,
    说明: report.narrativeText,
    syncs: report.syncs - before.syncs,
    firstRenderMs,
    validateMs,
    messages,
    report,
  };
}

/** Clicks 清除标记 (and, when asked, confirms deleting the result sheets). */
export async function clearInPane(page: Page): Promise<void> {
  await page.getByTestId('clear').click();
  const confirm = page.getByTestId('clear-with-sheets');
  await Promise.race([confirm.waitFor({ timeout: 30000 }), page.getByTestId('notice-success').waitFor({ timeout: 30000 })]);
  if (await confirm.isVisible()) await confirm.click();
  await page.getByTestId('notice-success').waitFor({ timeout: 30000 });
}

/** The whole `pane:check` on one grid: check, then clear, and whether every cell is as in the file. */
export async function paneCheck(browser: PaneBrowser, grid: Workbook): Promise<PaneCheck> {
  const { page } = await browser.open(grid);
  try {
    const snapshot = () => page.evaluate((names) => (window as unknown as { __paneSnapshot(n: string[]): string }).__paneSnapshot(names), grid.sheets.map((s) => s.name));
    const sheetsNow = () => page.evaluate(() => (window as unknown as { __paneReport(): PaneReport }).__paneReport().sheets);
    const original = await snapshot();
    const originalSheets = await sheetsNow();
    const { report: _report, ...result } = await checkInPane(page);
    await clearInPane(page);
    const restored = (await snapshot()) === original && JSON.stringify(await sheetsNow()) === JSON.stringify(originalSheets);
    return { ...result, restored };
  } finally {
    await page.close();
  }
}
