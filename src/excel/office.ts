/**
 * The slice of Office.js the adapter uses, injected so tests can run it against the in-memory
 * fake (tests/e2e/fake-excel.ts) and count its round trips. In Excel it is `Excel.run` and
 * `Office.context.requirements.isSetSupported`.
 */
import { HostError } from './host';

export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** Excel's limits on one request (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization). */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;

/** A sheet-qualified address: `'公开01表'!C7` (quotes doubled inside the name). */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A name not yet taken among `taken`: `情况说明`, else `情况说明（2）` …; at most 31 characters (Excel's limit). */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || '表';
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = `（${i}）`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Keeps a multi-area address well under Excel's limit for one range. */
const MAX_ADDRESS_LENGTH = 2000;

/** Areas (`C7`, `C8:C17`) joined into comma-separated addresses of bounded length: usually one. */
export function joinAreas(areas: readonly string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > MAX_ADDRESS_LENGTH) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** The Office.js error code of a failed sync, if it has one. */
export function officeErrorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/** Turns a failed Office.js call into a HostError with a Chinese message (a HostError passes through). */
export function hostError(e: unknown, doing: string): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new HostError('tooLarge', `${doing}失败：数据量超过 Excel 单次请求的上限（5 MB）。`);
    case 'InvalidOperationInCellEditMode':
      return new HostError('busy', `${doing}失败：Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后再试。`);
    case 'AccessDenied':
    case 'InsertDeleteConflict':
      return new HostError('failed', `${doing}失败：工作簿或工作表受保护，或正被他人编辑（${detail}）。`);
    default:
      return new HostError('failed', `${doing}失败：${detail}`);
  }
}

/** Runs a batch, mapping every failure to a HostError that says what was being done. */
export async function runBatch<T>(api: ExcelApi, doing: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await api.run(batch);
  } catch (e) {
    throw hostError(e, doing);
  }
}
