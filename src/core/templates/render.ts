/**
 * Lays out a blank standard table as a plain sheet draft: titles, headers, 栏次, number
 * formats and total formulas. The CLI writes drafts with ExcelJS, the task pane with Office.js,
 * so both produce the same tables. Total formulas come from the rules, not from a second list.
 */
import { childSubjects, subjectName } from '../codes';
import { cellAddress, columnName, MergeRange } from '../grid';
import { RuleDef } from '../rules/types';
import { renderForm, renderItems, renderLabelled } from './render-forms';
import { ColumnDef, CodesTemplate, EconomicTemplate, LinesTemplate, SingleRowTemplate, TableTemplate, TemplateSet } from './types';

export type DraftStyle = 'title' | 'subtitle' | 'header' | 'label' | 'amount' | 'total' | 'note' | 'code';

export interface DraftCell {
  row: number;
  col: number;
  value?: string | number;
  /** Formula without the leading `=`. */
  formula?: string;
  /** The value a formula shows before Excel recalculates (0 when unset). */
  cached?: string | number;
  /** A number format of its own (a rate in %), instead of the style's. */
  numFmt?: string;
  style: DraftStyle;
}

export interface SheetDraft {
  /** Sheet name: 公开01表 … */
  name: string;
  tableId: string;
  cells: DraftCell[];
  merges: MergeRange[];
  columnWidths: number[];
}

export interface RenderOptions {
  year?: number;
  unitName?: string;
  /** Blank data rows in code tables. */
  blankRows?: number;
}

/** Number format of amount cells: two decimals, thousands separators, zero shown blank. */
export const AMOUNT_FORMAT = '#,##0.00;-#,##0.00;""';
/** Rates and shares: a percentage with two decimals, zero shown blank. */
export const PERCENT_FORMAT = '0.00%;-0.00%;""';

export class Draft {
  cells = new Map<string, DraftCell>();
  merges: MergeRange[] = [];
  widths: number[] = [];
  /** The amount cell of each `rowKey|colKey`, for formulas. */
  named = new Map<string, DraftCell>();

  put(row: number, col: number, style: DraftStyle, value?: string | number, formula?: string): void {
    this.cells.set(`${row},${col}`, { row, col, style, value, formula });
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
  width(col: number, w: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 8, w);
  }
  /** Puts an amount cell and names it `rowKey|colKey`. */
  amount(rowKey: string, colKey: string, row: number, col: number): void {
    this.put(row, col, 'amount');
    this.named.set(`${rowKey}|${colKey}`, this.cells.get(`${row},${col}`)!);
  }
  address(key: string): string | undefined {
    const c = this.named.get(key);
    return c && cellAddress(c.row, c.col);
  }
  /** Makes the named total cell a formula over the named parts; false when a cell is missing. */
  sumInto(total: string, parts: { key: string; sign?: 1 | -1 }[]): boolean {
    const cell = this.named.get(total);
    const addrs = parts.map((p) => ({ a: this.address(p.key), sign: p.sign ?? 1 }));
    if (!cell || addrs.some((x) => !x.a)) return false;
    cell.formula =
      addrs.every((x) => x.sign === 1) && addrs.length > 3
        ? `SUM(${addrs.map((x) => x.a).join(',')})`
        : addrs.map((x, i) => `${x.sign === -1 ? '-' : i ? '+' : ''}${x.a}`).join('');
    return true;
  }
  toSheet(name: string, tableId: string): SheetDraft {
    return { name, tableId, cells: [...this.cells.values()], merges: this.merges, columnWidths: this.widths.map((w) => w ?? 8) };
  }
}

export function heading(d: Draft, set: TemplateSet, t: TableTemplate, width: number, opts: RenderOptions): number {
  const year = opts.year ?? new Date().getFullYear() - 1;
  d.put(0, 0, 'title', `${year}年度${t.name}`);
  d.merge(0, 0, 0, width - 1);
  d.put(1, width - 1, 'subtitle', set.label(t));
  d.put(2, 0, 'subtitle', `部门：${opts.unitName ?? ''}`);
  d.put(2, width - 1, 'subtitle', '单位：万元');
  return 3;
}

export function note(d: Draft, t: TableTemplate, row: number, width: number): void {
  d.put(row, 0, 'note', t.note);
  d.merge(row, 0, row, width - 1);
}

/** A group header as printed: the first of its spellings (`a|b`). */
const printed = (group: string): string => group.split('|')[0];

/** Header rows a set of columns needs: its deepest group path plus the column's own header. */
export function headerDepth(defs: readonly ColumnDef[]): number {
  return 1 + Math.max(0, ...defs.map((c) => c.groups?.length ?? 0));
}

/** Writes header rows for amount columns, each group merged over the neighbours that share it. */
export function columnHeaders(d: Draft, defs: readonly ColumnDef[], firstCol: number, row: number, depth: number): void {
  const pathOf = (k: number, level: number) => (defs[k].groups ?? []).slice(0, level + 1).map(printed).join('›');
  defs.forEach((def, i) => {
    const c = firstCol + i;
    d.width(c, Math.max(12, def.header.length * 2 + 2));
    const groups = (def.groups ?? []).map(printed);
    groups.forEach((g, level) => {
      const path = pathOf(i, level);
      if (i > 0 && pathOf(i - 1, level) === path) return;
      let span = 1;
      while (i + span < defs.length && pathOf(i + span, level) === path) span++;
      d.put(row + level, c, 'header', g);
      d.merge(row + level, c, row + level, c + span - 1);
    });
    d.put(row + groups.length, c, 'header', def.header);
    d.merge(row + groups.length, c, row + depth - 1, c);
  });
}

/** Puts the first sum rule of each total cell of this table into the draft as a formula. */
function sumFormulas(d: Draft, t: TableTemplate, rules: readonly RuleDef[]): void {
  const done = new Set<string>();
  for (const r of rules) {
    if (r.kind !== 'sum' || r.total.table !== t.id || r.parts.some((p) => p.table !== t.id)) continue;
    const key = `${r.total.row}|${r.total.col}`;
    if (done.has(key) || r.parts.some((p) => p.row === r.total.row && p.col === r.total.col)) continue;
    if (d.sumInto(key, r.parts.map((p) => ({ key: `${p.row}|${p.col}`, sign: p.sign })))) {
      d.named.get(key)!.style = 'total';
      done.add(key);
    }
  }
}

function renderLines(set: TemplateSet, tpl: LinesTemplate, rules: readonly RuleDef[], opts: RenderOptions): SheetDraft {
  // Lines and columns only some regions print are not part of the standard table.
  const t: LinesTemplate = { ...tpl, sides: tpl.sides.map((s) => ({ ...s, lines: s.lines.filter((l) => !l.regional), columns: s.columns.filter((c) => !c.regional) })) };
  const d = new Draft();
  // Columns before the amounts: 项目 and 行次, or 项目 alone where the table numbers no lines.
  const lead = t.unnumbered ? 1 : 2;
  const widths = t.sides.map((s) => lead + s.columns.length);
  const width = widths.reduce((a, b) => a + b, 0);
  let row = heading(d, set, t, width, opts);
  const depth = Math.max(...t.sides.map((s) => headerDepth(s.columns)));
  let col = 0;
  for (const side of t.sides) {
    d.put(row, col, 'header', side.caption);
    d.merge(row, col, row, col + lead - 1 + side.columns.length);
    d.put(row + 1, col, 'header', '项目');
    d.merge(row + 1, col, row + depth, col);
    if (!t.unnumbered) {
      d.put(row + 1, col + 1, 'header', '行次');
      d.merge(row + 1, col + 1, row + depth, col + 1);
      d.width(col + 1, 6);
    }
    columnHeaders(d, side.columns, col + lead, row + 1, depth);
    d.width(col, 34);
    col += lead + side.columns.length;
  }
  row += 1 + depth;
  if (!t.unnumbered) {
    col = 0;
    for (const side of t.sides) {
      d.put(row, col, 'label', '栏次');
      side.columns.forEach((c, i) => d.put(row, col + 2 + i, 'header', Number(c.key)));
      col += 2 + side.columns.length;
    }
    row++;
  }
  const height = Math.max(...t.sides.map((s) => s.lines.length));
  col = 0;
  for (const side of t.sides) {
    side.lines.forEach((l, i) => {
      d.put(row + i, col, 'label', l.name ? `${l.indent ? '  ' : ''}${l.name}` : '');
      if (!t.unnumbered) d.put(row + i, col + 1, 'code', l.line);
      side.columns.forEach((c, ci) => {
        d.amount(`L${l.line}`, c.key, row + i, col + lead + ci);
      });
    });
    col += lead + side.columns.length;
  }
  for (const r of rules) {
    if (r.kind !== 'rowSum' || r.table !== t.id) continue;
    for (const key of r.rows ?? []) d.sumInto(`${key}|${r.total}`, r.parts.map((p) => ({ key: `${key}|${p.col}`, sign: p.sign })));
  }
  sumFormulas(d, t, rules);
  note(d, t, row + height + 1, width);
  return d.toSheet(set.label(t), t.id);
}

function renderCodes(set: TemplateSet, t: CodesTemplate, rules: readonly RuleDef[], opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = 2 + t.columns.length;
  let row = heading(d, set, t, width, opts);
  const depth = headerDepth(t.columns);
  d.put(row, 0, 'header', '项目');
  d.merge(row, 0, row, 1);
  d.put(row + 1, 0, 'header', '功能分类科目编码');
  d.put(row + 1, 1, 'header', '科目名称');
  d.merge(row + 1, 0, row + depth, 0);
  d.merge(row + 1, 1, row + depth, 1);
  d.width(0, 14);
  d.width(1, 34);
  columnHeaders(d, t.columns, 2, row + 1, depth);
  row += 1 + depth;
  d.put(row, 0, 'label', '类款项');
  d.put(row, 1, 'label', '栏次');
  t.columns.forEach((c, i) => d.put(row, 2 + i, 'header', Number(c.key)));
  row++;
  const totalRow = row;
  const first = row + 1;
  const last = row + (opts.blankRows ?? 30);
  d.put(totalRow, 0, 'label', '');
  d.put(totalRow, 1, 'label', '合计');
  const rowSums = rules.filter((r): r is Extract<RuleDef, { kind: 'rowSum' }> => r.kind === 'rowSum' && r.table === t.id);
  t.columns.forEach((_, i) => {
    const colL = columnName(2 + i);
    // 合计 = Σ 类 rows: the rows whose code has three digits, however many rows the user fills.
    // The two-argument SUMPRODUCT counts blank or text cells as zero instead of failing.
    d.put(totalRow, 2 + i, 'total', undefined, `SUMPRODUCT(--(LEN($A$${first + 1}:$A$${last + 1})=3),${colL}${first + 1}:${colL}${last + 1})`);
  });
  for (let r = first; r <= last; r++) {
    d.put(r, 0, 'code', '');
    d.put(r, 1, 'label', '');
    t.columns.forEach((c, i) => d.amount(`R${r}`, c.key, r, 2 + i));
    for (const rs of rowSums) d.sumInto(`R${r}|${rs.total}`, rs.parts.map((p) => ({ key: `R${r}|${p.col}`, sign: p.sign })));
  }
  note(d, t, last + 1, width);
  return d.toSheet(set.label(t), t.id);
}

function renderEconomic(set: TemplateSet, t: EconomicTemplate, opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = 3 * t.blocks.length;
  let row = heading(d, set, t, width, opts);
  t.blocks.forEach((b, i) => {
    d.put(row, 3 * i, 'header', b);
    d.merge(row, 3 * i, row, 3 * i + 2);
    d.put(row + 1, 3 * i, 'header', '经济分类科目编码');
    d.put(row + 1, 3 * i + 1, 'header', '科目名称');
    d.put(row + 1, 3 * i + 2, 'header', '决算数');
    d.width(3 * i, 10);
    d.width(3 * i + 1, 28);
    d.width(3 * i + 2, 12);
  });
  row += 2;
  const classAt = new Map<string, string>();
  let height = 0;
  t.blockClasses.forEach((classes, bi) => {
    let r = row;
    for (const cls of classes) {
      const kids = childSubjects(cls, 'economic');
      const clsRow = r;
      d.put(r, 3 * bi, 'code', cls);
      d.put(r, 3 * bi + 1, 'label', subjectName(cls, 'economic') ?? '');
      r++;
      for (const k of kids) {
        d.put(r, 3 * bi, 'code', k.code);
        d.put(r, 3 * bi + 1, 'label', k.name);
        d.put(r, 3 * bi + 2, 'amount');
        r++;
      }
      const colL = columnName(3 * bi + 2);
      d.put(clsRow, 3 * bi + 2, 'total', undefined, kids.length ? `SUM(${colL}${clsRow + 2}:${colL}${r})` : undefined);
      classAt.set(cls, `${colL}${clsRow + 1}`);
    }
    height = Math.max(height, r - row);
  });
  const totalRow = row + height;
  t.totals.forEach((tot, i) => {
    const col = i === 0 ? 0 : 3;
    const amountCol = i === 0 ? 2 : width - 1;
    d.put(totalRow, col, 'total', tot.label);
    d.merge(totalRow, col, totalRow, amountCol - 1);
    const parts = tot.classes.map((c) => classAt.get(c)).filter((a): a is string => !!a);
    d.put(totalRow, amountCol, 'total', undefined, parts.join('+') || undefined);
  });
  note(d, t, totalRow + 1, width);
  return d.toSheet(set.label(t), t.id);
}

function renderSingle(set: TemplateSet, t: SingleRowTemplate, rules: readonly RuleDef[], opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = t.columns.length;
  let row = heading(d, set, t, width, opts);
  const depth = headerDepth(t.columns);
  columnHeaders(d, t.columns, 0, row, depth);
  row += depth;
  t.columns.forEach((c, i) => d.put(row, i, 'header', Number(c.key)));
  row++;
  t.columns.forEach((c, i) => d.amount('合计', c.key, row, i));
  sumFormulas(d, t, rules);
  note(d, t, row + 1, width);
  return d.toSheet(set.label(t), t.id);
}

/** Drafts every table of a set, one sheet each (a table's by-code layout is not another table). */
export function renderTemplateSet(set: TemplateSet, rules: readonly RuleDef[], opts: RenderOptions = {}): SheetDraft[] {
  const alternates = new Set(set.tables.map((t) => t.byCode));
  return set.tables.filter((t) => !alternates.has(t.id)).map((t) => {
    switch (t.layout) {
      case 'lines':
        return renderLines(set, t, rules, opts);
      case 'codes':
        return renderCodes(set, t, rules, opts);
      case 'economic':
        return renderEconomic(set, t, opts);
      case 'single':
        return renderSingle(set, t, rules, opts);
      case 'items':
        return renderItems(set, t, rules, opts);
      case 'form':
        return renderForm(set, t, opts);
      case 'labelled':
        return renderLabelled(set, t, opts);
    }
  });
}
