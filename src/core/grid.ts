/**
 * The engine's only input: sheets as plain grids of cell values with their addresses.
 * The Excel adapter (Office.js) and the CLI (ExcelJS) both produce this shape, so the
 * engine never knows where a workbook came from.
 */

/** An Excel error value such as `#DIV/0!` or `#REF!`, kept as data rather than thrown. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface GridCell {
  /** The cell's value (for a formula, its cached result; `null` when none was stored). */
  value: CellValue;
  /** The number format, e.g. `#,##0.00`; absent means General. */
  numFmt?: string;
  /** The formula text without `=`, when the cell holds one. */
  formula?: string;
}

/** A merged block, 0-based inclusive; its value sits in the top-left cell. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c], 0-based; missing entries are empty cells. */
  rows: (GridCell | undefined)[][];
  merges?: MergeRange[];
}

export interface Workbook {
  /** A display name (file name) used in messages. */
  name: string;
  sheets: Sheet[];
  /**
   * The workbook's custom XML parts (customXml/item*.xml in the file, `workbook.customXmlParts`
   * in Office.js) as raw XML text. The task pane stores the 说明 parameters in one of them, so
   * whoever opens the file next (pane or CLI) gets them. Absent when the reader has none.
   */
  customXml?: string[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style address of a 0-based (row, col). */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses `C30` into 0-based coordinates; undefined for anything else. */
export function parseAddress(addr: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(addr.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeAddress(r0: number, c0: number, r1: number, c1: number): string {
  return `${cellAddress(r0, c0)}:${cellAddress(r1, c1)}`;
}

export function cellAt(sheet: Sheet, row: number, col: number): GridCell | undefined {
  return sheet.rows[row]?.[col];
}

/** The text a person reads in the cell, for matching titles and headers. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}

/** Width of the widest row, for scanning. */
export function sheetWidth(sheet: Sheet): number {
  let w = 0;
  for (const row of sheet.rows) if (row && row.length > w) w = row.length;
  return w;
}

/** True when no sheet holds any value (a new or cleared workbook, not one without known tables). */
export function isEmptyWorkbook(wb: Workbook): boolean {
  return wb.sheets.every((s) => s.rows.every((r) => !r || r.every((c) => !c || c.value === null || c.value === '')));
}
