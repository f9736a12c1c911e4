/**
 * What validation marks in the workbook, whatever the host: for each cell a finding points at,
 * the most severe finding's colour and one note listing every message about the cell. Only the
 * stated figure of a finding (its first cell) and its likely cause are marked; the other cells
 * of the relation are selected when the user clicks the finding. Pure data: the Excel adapter
 * (src/excel/marks.ts) writes it as conditional formats and notes; another host could too.
 */
import { Finding, SEVERITY_LABEL, Severity } from './findings';
import { cellAddress, parseAddress } from './grid';

/** Severity order, most severe first: a cell in several findings shows the first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'rounding', 'warning'];

/** Fill colours of the marks (DOMAIN: red for 错误, amber for 尾差, blue-grey for 提示) and their text colours. */
export const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  rounding: { fill: '#FFE699', font: '#7F6000' },
  warning: { fill: '#D6DCE4', font: '#333F4F' },
};

/** Every note the add-in writes begins with this, so clearing removes exactly its own notes. */
export const NOTE_PREFIX = '【预算校验】';

export interface CellMark {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  severity: Severity;
  /** The note's text: the prefix, then one line per finding about this cell. */
  note: string;
}

/** A cell reference of a finding (`C7`, or `公开03表!C8` on another sheet) as sheet and address. */
export function splitCellRef(ref: string, defaultSheet: string): { sheet: string; cell: string } | undefined {
  const bang = ref.lastIndexOf('!');
  let sheet = bang < 0 ? defaultSheet : ref.slice(0, bang);
  const cell = (bang < 0 ? ref : ref.slice(bang + 1)).replace(/\$/g, '').toUpperCase();
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!sheet || !parseAddress(cell)) return undefined;
  return { sheet, cell };
}

/** The cells a finding marks: its stated figure and its likely cause. */
export function markedCells(f: Finding): { sheet: string; cell: string }[] {
  const refs = [f.cells[0], f.cause].filter((r): r is string => !!r);
  const out: { sheet: string; cell: string }[] = [];
  for (const r of refs) {
    const c = splitCellRef(r, f.sheet);
    if (c && !out.some((o) => o.sheet === c.sheet && o.cell === c.cell)) out.push(c);
  }
  return out;
}

/** All marks for a list of findings: one per cell, the most severe colour, every message in the note. */
export function planMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; lines: string[] }>();
  for (const f of findings) {
    for (const c of markedCells(f)) {
      const key = `${c.sheet}\u0000${c.cell}`;
      const m = byCell.get(key) ?? { ...c, severity: f.severity, lines: [] };
      if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(m.severity)) m.severity = f.severity;
      const line = `[${SEVERITY_LABEL[f.severity]}] ${f.message}`;
      if (!m.lines.includes(line)) m.lines.push(line);
      byCell.set(key, m);
    }
  }
  return [...byCell.values()].map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity, note: `${NOTE_PREFIX}${m.lines.join('\n')}` }));
}

/**
 * Cells of one sheet as few rectangular areas as possible (runs down a column, then equal runs
 * side by side), so one conditional format covers them with a short address.
 */
export function cellAreas(cells: readonly string[]): string[] {
  const pts = cells.map((c) => parseAddress(c)).filter((p): p is { row: number; col: number } => !!p);
  const byCol = new Map<number, number[]>();
  for (const p of pts) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p.row]);
  const runs: { r0: number; r1: number; c0: number; c1: number }[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const r1 = sorted[i - 1];
      const left = runs.find((r) => r.r0 === start && r.r1 === r1 && r.c1 === col - 1);
      if (left) left.c1 = col;
      else runs.push({ r0: start, r1, c0: col, c1: col });
      start = sorted[i];
    }
  }
  return runs.map((r) => {
    const a = cellAddress(r.r0, r.c0);
    return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellAddress(r.r1, r.c1)}`;
  });
}
