/**
 * Reads a whole workbook into the engine's grid in a fixed number of round trips:
 *   1. the sheets' names, and the ids of the 说明 parameters parts;
 *   2. each sheet's used range (address only), and the parameters' XML;
 *   3. the cells — values, value types, formulas, number formats — and merged areas.
 * Step 3 is planned from the counts of step 2: every range read stays under Excel's 5 M cells,
 * and each request under its 5 MB, by reading row bands and putting as many bands in one
 * request as the budget allows. A workbook of the usual size (a few thousand cells) is 3 syncs
 * whatever its number of sheets or tables; only a very large one takes more, one per budget.
 */
import { GridCell, MergeRange, Sheet, Workbook } from '../core/grid';
import { PARAMS_NAMESPACE } from '../core/params-store';
import { HostError, ReadProgress } from './host';
import { ExcelApi, MAX_CELLS_PER_READ, MAX_REQUEST_BYTES, officeErrorCode, runBatch } from './office';

/** Beyond this the pane says the workbook is too large for one pass (a 决算 workbook has a few thousand). */
export const MAX_WORKBOOK_CELLS = 3_000_000;
/**
 * Planning estimate of the bytes one cell costs in a response (value, type, formula, number
 * format as JSON). Generous: a request that still comes back too large is split further.
 */
export const BYTES_PER_CELL = 64;

export interface ReadOptions {
  /** Cells per request; tests lower it to see the chunking. */
  cellsPerRequest?: number;
  progress?: ReadProgress;
}

interface UsedRange {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface Band {
  used: UsedRange;
  /** First row of the band, relative to the used range, and its row count. */
  from: number;
  rows: number;
}

export async function readWorkbook(api: ExcelApi, name: string, opts: ReadOptions = {}): Promise<Workbook> {
  return runBatch(api, '读取工作簿', async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load('items/name');
    const parts = wb.customXmlParts.getByNamespace(PARAMS_NAMESPACE).load('items/id');
    await context.sync();

    const usedProxies = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load('isNullObject,rowIndex,columnIndex,rowCount,columnCount'));
    const xml = parts.items.map((p) => p.getXml());
    await context.sync();

    const used: UsedRange[] = [];
    sheets.items.forEach((ws, i) => {
      const u = usedProxies[i];
      if (!u.isNullObject) used.push({ sheet: ws.name, row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
    });
    const total = used.reduce((n, u) => n + u.rows * u.cols, 0);
    if (total > MAX_WORKBOOK_CELLS) {
      const big = [...used].sort((a, b) => b.rows * b.cols - a.rows * a.cols)[0];
      throw new HostError(
        'tooLarge',
        `工作簿过大：已用区域共 ${total.toLocaleString('zh-CN')} 个单元格，超过一次校验的上限 ${MAX_WORKBOOK_CELLS.toLocaleString('zh-CN')}（最大的是工作表“${big.sheet}”，${big.rows} 行 × ${big.cols} 列）。请删除与公开表无关的工作表或空行空列后再试。`,
      );
    }

    const grid = new Map<string, Sheet>(sheets.items.map((ws) => [ws.name, { name: ws.name, rows: [], merges: [] }]));
    const merges = used.map((u) => ({ u, areas: wb.worksheets.getItem(u.sheet).getRangeByIndexes(u.row, u.col, u.rows, u.cols).getMergedAreasOrNullObject() }));
    let budget = Math.max(1, Math.floor(opts.cellsPerRequest ?? MAX_REQUEST_BYTES / BYTES_PER_CELL));
    let pending = bandsOf(used, budget);
    let first = true;
    let done = 0;
    while (pending.length || first) {
      const batch = takeBatch(pending, budget);
      const reads = batch.map((b) => ({ b, range: wb.worksheets.getItem(b.used.sheet).getRangeByIndexes(b.used.row + b.from, b.used.col, b.rows, b.used.cols).load('values,valueTypes,formulas,numberFormat') }));
      if (first) for (const m of merges) m.areas.load('isNullObject,areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      try {
        await context.sync();
      } catch (e) {
        // A request that came back too large (long texts) is split further and read again.
        if (officeErrorCode(e) === 'ResponsePayloadSizeLimitExceeded' && budget > 1) {
          budget = Math.max(1, Math.floor(budget / 4));
          pending = [...batch, ...pending].flatMap((b) => split(b, budget));
          continue;
        }
        throw e;
      }
      first = false;
      pending = pending.slice(batch.length);
      for (const { b, range } of reads) {
        const sheet = grid.get(b.used.sheet)!;
        fillRows(sheet, b.used.row + b.from, b.used.col, range.values, range.valueTypes, range.formulas, range.numberFormat);
        done += b.rows * b.used.cols;
      }
      opts.progress?.({ done, total, what: '读取单元格' });
    }
    for (const m of merges) {
      if (m.areas.isNullObject) continue;
      grid.get(m.u.sheet)!.merges = m.areas.areas.items.map((a): MergeRange => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
    }
    return { name, sheets: [...grid.values()], customXml: xml.map((x) => x.value) };
  });
}

/** Row bands of at most `budget` cells (and Excel's 5 M per read), whole used width each. */
function bandsOf(used: readonly UsedRange[], budget: number): Band[] {
  return used.flatMap((u) => split({ used: u, from: 0, rows: u.rows }, budget));
}

function split(b: Band, budget: number): Band[] {
  const per = Math.max(1, Math.min(Math.floor(Math.min(budget, MAX_CELLS_PER_READ) / b.used.cols), b.rows));
  const out: Band[] = [];
  for (let r = 0; r < b.rows; r += per) out.push({ used: b.used, from: b.from + r, rows: Math.min(per, b.rows - r) });
  return out;
}

/** As many bands from the front as fit in one request (at least one). */
function takeBatch(bands: readonly Band[], budget: number): Band[] {
  const out: Band[] = [];
  let cells = 0;
  for (const b of bands) {
    const n = b.rows * b.used.cols;
    if (out.length && cells + n > budget) break;
    out.push(b);
    cells += n;
  }
  return out;
}

function fillRows(sheet: Sheet, row0: number, col0: number, values: unknown[][], types: string[][], formulas: unknown[][], formats: unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    let row: (GridCell | undefined)[] | undefined;
    for (let c = 0; c < values[r].length; c++) {
      const cell = gridCell(values[r][c], types[r][c], formulas[r][c], formats[r][c]);
      if (!cell) continue;
      row ??= sheet.rows[row0 + r] ??= [];
      row[col0 + c] = cell;
    }
  }
}

/** One cell as the CLI's reader gives it: empty → none; error → {error}; date → ISO date text. */
export function gridCell(value: unknown, type: string, formula: unknown, format: unknown): GridCell | undefined {
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  const numFmt = typeof format === 'string' && format !== 'General' && format !== '' ? format : undefined;
  let v: GridCell['value'];
  switch (type) {
    case 'Empty':
      if (f === undefined) return undefined;
      v = null;
      break;
    case 'Error':
      v = { error: String(value) };
      break;
    case 'Double':
    case 'Integer':
      v = typeof value === 'number' && numFmt && isDateFormat(numFmt) ? serialToIsoDate(value) : (value as number);
      break;
    case 'Boolean':
      v = Boolean(value);
      break;
    default:
      if (value === '' && f === undefined) return undefined;
      v = typeof value === 'number' || typeof value === 'boolean' ? value : String(value ?? '');
  }
  const cell: GridCell = { value: v };
  if (numFmt) cell.numFmt = numFmt;
  if (f !== undefined) cell.formula = f;
  return cell;
}

/** Whether a number format shows a date or time (letters outside quotes, brackets and escapes). */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's 1900 date serial → `2024-01-31` (what the CLI's reader writes for a date cell). */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}
