/**
 * Reading a region by its labels rather than by fixed cells: merged cells, the value that
 * stands beside a label, header words matched anywhere in a header cell, and the weights
 * printed in labels (`产出指标(20分)`). Used by the form and items readers.
 */
import { CellValue, MergeRange, Sheet, cellAddress, cellText } from '../grid';
import { TextCell } from '../form-model';
import { D, Figure } from '../money';
import { ColumnDef } from '../templates/types';
import { compact } from './text';

/** The label without a printed weight, and the weight: `产出指标(20分)` (or cut off: `产出指标(20`) → 产出指标, 20. */
export function splitPoints(text: string): { label: string; points?: Figure } {
  const t = compact(text);
  const m = /\((\d+(?:\.\d+)?)分?\)?$/.exec(t) ?? /(\d+(?:\.\d+)?)分$/.exec(t);
  if (!m || m.index === 0) return { label: t };
  return { label: t.slice(0, m.index), points: points(m[1]) };
}

function points(n: string): Figure {
  return { value: new D(n), decimals: n.includes('.') ? n.length - n.indexOf('.') - 1 : 0 };
}

/** The first weight printed anywhere in a text: `得分(20分*执行率)`, `预算执行情况(万元)(20分)` → 20. */
export function pointsIn(text: string): Figure | undefined {
  const m = /(\d+(?:\.\d+)?)分/.exec(compact(text));
  return m ? points(m[1]) : undefined;
}

/** Cells of one region with their merges, for reading by label. */
export class LabelledCells {
  private readonly cover = new Map<number, MergeRange>();

  constructor(
    readonly sheet: Sheet,
    readonly from: number,
    readonly to: number,
    readonly width: number,
  ) {
    for (const m of sheet.merges ?? []) {
      if (m.bottom < from || m.top > to) continue;
      for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, to); r++) for (let c = m.left; c <= m.right; c++) this.cover.set(r * 16384 + c, m);
    }
  }

  /** The merge covering (r, c), if any. */
  merge(r: number, c: number): MergeRange | undefined {
    return this.cover.get(r * 16384 + c);
  }

  value(r: number, c: number): CellValue {
    return this.sheet.rows[r]?.[c]?.value ?? null;
  }

  /** Compact text of the cell itself (not of a merge covering it). */
  own(r: number, c: number): string {
    return compact(cellText(this.sheet.rows[r]?.[c]));
  }

  /** Compact text of the cell, or of the merge covering it. */
  text(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.own(m.top, m.left) : this.own(r, c);
  }

  /** Whether (r, c) is covered by a merge that starts on an earlier row. */
  continuesFromAbove(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !!m && m.top < r;
  }

  textCell(r: number, c: number): TextCell {
    const m = this.merge(r, c);
    const [rr, cc] = m ? [m.top, m.left] : [r, c];
    const cell = this.sheet.rows[rr]?.[cc];
    return { sheet: this.sheet.name, address: cellAddress(rr, cc), value: cell?.value ?? null, text: cellText(cell).trim() };
  }

  /** The first cell right of the label at (r, c) (past its merge) that holds something. */
  rightOf(r: number, c: number): { r: number; c: number } | undefined {
    const m = this.merge(r, c);
    for (let cc = (m ? m.right : c) + 1; cc < this.width; cc++) {
      const mm = this.merge(r, cc);
      const [tr, tc] = mm ? [mm.top, mm.left] : [r, cc];
      if (this.own(tr, tc) !== '') return { r: tr, c: tc };
      if (mm) cc = mm.right;
    }
    return undefined;
  }

  /**
   * The first cell (top to bottom) whose text is one of `labels`, or starts with one followed
   * by a colon (`总分：98`). Longer labels are tried first at each cell.
   */
  find(labels: readonly string[], from = this.from, to = this.to): { r: number; c: number; rest: string } | undefined {
    const ls = labels.map(compact).sort((a, b) => b.length - a.length);
    for (let r = from; r <= to; r++) {
      for (let c = 0; c < this.width; c++) {
        const t = this.own(r, c);
        if (!t) continue;
        for (const l of ls) {
          if (t === l) return { r, c, rest: '' };
          if (t.startsWith(l) && /^[:：]/.test(t.slice(l.length))) return { r, c, rest: t.slice(l.length + 1) };
        }
      }
    }
    return undefined;
  }
}

/**
 * Maps columns to definitions by header words found anywhere in the header text, taking the
 * definitions in order (a definition listed first wins a column both would match).
 */
export function matchColumns(defs: readonly ColumnDef[], headers: readonly string[], candidates?: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  const cols = candidates ?? headers.map((_, c) => c);
  for (const d of defs) {
    const names = [d.header, ...(d.aliases ?? [])].map(compact);
    const c = cols.find((cc) => !used.has(cc) && headers[cc] !== '' && names.some((n) => headers[cc].includes(n)) && (d.groups ?? []).every((g) => g.split('|').some((a) => headers[cc].includes(compact(a)))));
    if (c !== undefined) {
      out.set(d.key, c);
      used.add(c);
    }
  }
  return out;
}
