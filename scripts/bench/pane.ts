/**
 * Task pane figures (issue 8), measured in one run in headless Debian Chromium:
 * - the pane's own JavaScript, gzipped (office.js excluded; the engine chunk shared with
 *   functions.js counted once; the docx chunks loaded on demand shown apart);
 * - first render (the shell with the primary button) and ready (the whole pane) times;
 * - first render of the pane against a bare React + FluentProvider page built and served the
 *   same way (both wait for Office.onReady over the same office.js stub);
 * - validating the seed-000 workbook in the pane (recognise + validate, as the pane times it)
 *   against the engine under Node on the same grid, both as the median of warm runs.
 * Builds dist-web/ (production) and the bare page first, so the figures are of the current code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { readWorkbook } from '../../src/cli/read-xlsx';
import { validateWorkbook } from '../../src/core/validate';
import { DIST_WEB, checkInPane, launchPane } from '../../tests/e2e/runner';
import { BenchRow, medianMs } from './types';

const ROOT = path.join(__dirname, '..', '..', '..');
const RUNS = 7;

async function build(config: object): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(path.join(ROOT, 'node_modules', 'webpack')) as typeof import('webpack');
  await new Promise<void>((resolve, reject) =>
    webpack(config as import('webpack').Configuration, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString('errors-only'))) : resolve())),
  );
}

function projectConfig(): Record<string, unknown> & { plugins: unknown[]; output: Record<string, unknown> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
}

/** The bare page: same loader, minifier and HTML template as the pane, one tiny entry. */
async function buildBare(out: string): Promise<void> {
  const base = projectConfig();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HtmlWebpackPlugin = require(path.join(ROOT, 'node_modules', 'html-webpack-plugin'));
  await build({
    ...base,
    context: ROOT,
    entry: { bare: path.join(ROOT, 'tests', 'e2e', 'bare-pane.tsx') },
    output: { ...base.output, path: out },
    plugins: [new HtmlWebpackPlugin({ filename: 'taskpane.html', template: path.join(ROOT, 'taskpane', 'taskpane.html'), chunks: ['bare'] })],
  });
}

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<BenchRow[]> {
  await build({ ...projectConfig(), context: ROOT });
  const bareDir = mkdtempSync(path.join(tmpdir(), 'bare-pane-'));
  await buildBare(bareDir);

  const js = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.js'));
  // The pane: its first render (runtime, engine, taskpane) and the rest fetched at once (pane,
  // pane-vendor); the custom functions and the docx chunks apart. The 说明 checkers (text-check*)
  // are chunks the engine loads on demand for the CLI; the pane never checks a text or fetches them.
  const onDemand = (f: string) => f.startsWith('docx');
  const neverFetched = (f: string) => f.startsWith('text-check');
  const paneFiles = js(DIST_WEB).filter((f) => f !== 'functions.js' && !onDemand(f) && !neverFetched(f));
  const paneKb = paneFiles.reduce((n, f) => n + gz(path.join(DIST_WEB, f)), 0);
  const firstKb = ['runtime.js', 'engine.js', 'taskpane.js'].reduce((n, f) => n + gz(path.join(DIST_WEB, f)), 0);
  const functionsKb = gz(path.join(DIST_WEB, 'functions.js'));
  const onDemandKb = js(DIST_WEB)
    .filter(onDemand)
    .reduce((n, f) => n + gz(path.join(DIST_WEB, f)), 0);
  const bareKb = js(bareDir).reduce((n, f) => n + gz(path.join(bareDir, f)), 0);

  const grid = await readWorkbook(path.join(ROOT, 'tests', 'fixtures', '决算-公开版.xlsx'));
  const browser = await launchPane();
  const paneRender: number[] = [];
  const paneReady: number[] = [];
  const bareRender: number[] = [];
  const paneValidate: number[] = [];
  let syncs = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so both pages meet the same machine load.
      const bare = await browser.open(grid, { root: bareDir, waitFor: 'pane-first-render' });
      bareRender.push(await bare.page.evaluate(() => performance.getEntriesByName('pane-first-render')[0].startTime));
      await bare.page.close();
      const pane = await browser.open(grid);
      await pane.page.waitForFunction(() => performance.getEntriesByName('pane-first-render').length > 0);
      paneRender.push(await pane.page.evaluate(() => performance.getEntriesByName('pane-first-render')[0].startTime));
      paneReady.push(await pane.page.evaluate(() => performance.getEntriesByName('pane-ready')[0].startTime));
      await pane.page.close();
    }
    const { page } = await browser.open(grid);
    // One click not counted, as medianMs warms the Node side up with one call: the same method on both.
    await checkInPane(page);
    for (let i = 0; i < RUNS; i++) {
      const r = await checkInPane(page);
      paneValidate.push(r.validateMs);
      syncs = r.syncs;
    }
    await page.close();
  } finally {
    await browser.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
  const cliValidate = await medianMs(RUNS, () => validateWorkbook(grid));
  const [pr, br, pv] = [median(paneRender), median(bareRender), median(paneValidate)];
  return [
    { name: `pane JS, gzipped (${paneFiles.join(' ')}; office.js excluded)`, value: paneKb, unit: 'KB', target: '≤ 250 KB' },
    { name: '  of which needed for the first render (runtime engine taskpane)', value: firstKb, unit: 'KB' },
    { name: '  functions.js on the same page (engine chunk shared)', value: functionsKb, unit: 'KB' },
    { name: '  docx chunks, loaded on the download click only', value: onDemandKb, unit: 'KB' },
    { name: '  说明 checker chunks in dist-web, never fetched by the pane', value: js(DIST_WEB).filter(neverFetched).reduce((n, f) => n + gz(path.join(DIST_WEB, f)), 0), unit: 'KB' },
    { name: '  bare React + FluentProvider page, for scale', value: bareKb, unit: 'KB' },
    { name: `first render: pane (median of ${RUNS})`, value: pr, unit: 'ms' },
    { name: `  pane ready: App rendered, button enabled (median of ${RUNS})`, value: median(paneReady), unit: 'ms' },
    { name: `first render: bare React + FluentProvider (median of ${RUNS})`, value: br, unit: 'ms' },
    { name: 'first render ratio pane / bare', value: pr / br, unit: '×', target: '≤ 1.5×' },
    { name: `validate seed 000 in the pane (median of ${RUNS} clicks)`, value: pv, unit: 'ms' },
    { name: `validate seed 000, engine under Node (median of ${RUNS})`, value: cliValidate, unit: 'ms' },
    { name: 'validate ratio pane / Node', value: pv / cliValidate, unit: '×', target: '≤ 2×' },
    { name: '校验并生成说明 on seed 000: context.sync() calls', value: syncs, unit: 'syncs', target: 'constant' },
  ];
}
