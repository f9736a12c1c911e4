/**
 * `npm run pane:check -- FILE.xlsx`: runs the built task pane in headless Chromium against the
 * fake Excel loaded from FILE (through the CLI's reader), clicks 校验并生成说明, then 清除标记,
 * and prints JSON: { findings, marks, notes, sheets, 说明, syncs, firstRenderMs, validateMs,
 * restored }. The findings are those listed in the pane, in `budget validate --json`'s shape.
 * Exit 2 with one line when the file cannot be read (the CLI's message).
 */
import { UserError } from '../src/cli/errors';
import { readWorkbook } from '../src/cli/read-xlsx';
import { launchPane, paneCheck } from '../tests/e2e/runner';

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('用法：npm run pane:check -- 文件.xlsx\n');
    return 2;
  }
  let grid;
  try {
    grid = await readWorkbook(file);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`pane:check: ${e.userMessage}\n`);
      return 2;
    }
    throw e;
  }
  const browser = await launchPane();
  try {
    const { messages, ...result } = await paneCheck(browser, grid);
    process.stdout.write(JSON.stringify({ file: grid.name, ...result, messages }, null, 2) + '\n');
    return 0;
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`pane:check: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
