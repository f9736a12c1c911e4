/**
 * Builds in-memory workbooks from printed grids for recognition tests: rows of cell values as a
 * report prints them (numbers get the two-decimal format offices use), merges in A1 notation.
 */
import { GridCell, MergeRange, Sheet, Workbook, parseAddress } from '../src/core/grid';

export type Printed = string | number | null | undefined;

export function sheet(name: string, rows: readonly (readonly Printed[])[], merges: readonly string[] = []): Sheet {
  return {
    name,
    rows: rows.map((row) => row.map((v): GridCell | undefined => (v === null || v === undefined || v === '' ? undefined : typeof v === 'number' ? { value: v, numFmt: '#,##0.00' } : { value: v }))),
    merges: merges.map((m): MergeRange => {
      const [a, b] = m.split(':');
      const p = parseAddress(a)!;
      const q = parseAddress(b ?? a)!;
      return { top: p.row, left: p.col, bottom: q.row, right: q.col };
    }),
  };
}

export function workbook(...sheets: Sheet[]): Workbook {
  return { name: 'test.xlsx', sheets };
}

/** Rows of one sheet placed under each other with a blank row between (several tables on one sheet). */
export function stack(...blocks: (readonly (readonly Printed[])[])[]): Printed[][] {
  const out: Printed[][] = [];
  for (const b of blocks) {
    if (out.length) out.push([]);
    out.push(...b.map((r) => [...r]));
  }
  return out;
}
