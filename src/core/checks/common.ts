/**
 * What the checks of forms and item tables share: naming a form and its cells in messages,
 * pushing a finding that is not a relation of figures, the cells a form field stands for, and
 * the most lenient of several readings.
 */
import Decimal from 'decimal.js';
import { Finding, Severity } from '../findings';
import { FormTable } from '../form-model';
import { CellRef } from '../model';
import { D, Figure, blankFigure } from '../money';
import { Verdict } from '../reconcile';
import { RuleDef } from '../rules/types';
import type { Context, Term } from '../validate';

export type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

export const ONE = new D(1);
const RANK: Record<Verdict, number> = { ok: 0, rounding: 1, error: 2 };

/** The most lenient verdict of several readings: a figure is wrong only when no reading explains it. */
export function bestVerdict(vs: Verdict[]): Verdict {
  return vs.reduce<Verdict>((a, b) => (RANK[b] < RANK[a] ? b : a), 'error');
}

/** A figure with no rounding of its own (a weight, a computed value). */
export function exact(v: Decimal.Value): Figure {
  return { value: new D(v), decimals: 12 };
}

/** A figure as it reads: 16.8, 20, 98.78. */
export function shown(f: Figure): string {
  return f.value.toFixed(Math.min(f.decimals, 4));
}

export function formName(f: FormTable): string {
  return f.form.name?.text.replace(/\s+/g, '') || f.form.titleName || f.title;
}

export function formWhere(ctx: Context, f: FormTable): string {
  return `${ctx.label(f.id)}“${formName(f)}”`;
}

/** `B7` on the form's own sheet, `'其他表'!B7` elsewhere. */
function cellName(sheet: string, c: { sheet: string; address: string }): string {
  return c.sheet === sheet ? c.address : `${/^[\p{L}\p{N}_]+$/u.test(c.sheet) ? c.sheet : `'${c.sheet.replace(/'/g, "''")}'`}!${c.address}`;
}

export function pushFinding(
  ctx: Context,
  f: { id: string; sheet: string },
  rule: RuleDef,
  severity: Severity,
  cells: ({ sheet: string; address: string } | undefined)[],
  message: string,
  figures?: { expected: string; actual: string },
): void {
  const out: Finding = {
    severity,
    rule: rule.id,
    table: f.id,
    sheet: f.sheet,
    cells: cells.filter((c): c is { sheet: string; address: string } => !!c).map((c) => cellName(f.sheet, c)),
    message,
  };
  if (figures) Object.assign(out, figures);
  ctx.structural.push(out);
}

export const TAIL: Record<Verdict, string> = { ok: '', rounding: '，在舍入允许范围内，属尾差', error: '' };

export function term(table: string, ref: CellRef | undefined): Term {
  return { table, ref, figure: ref?.figure ?? blankFigure() };
}

/** The cells a field of a form stands for (see FormField). */
export function fieldRefs(f: FormTable, field: string): CellRef[] | undefined {
  const { form } = f;
  if (field === 'A' || field === 'B' || field === 'C' || field === 'D' || field === 'score') {
    const r = form.exec?.[field];
    return r ? [r] : undefined;
  }
  if (field === 'total') return form.total ? [form.total] : undefined;
  if (field === 'indicators' || field.startsWith('level:')) {
    const level = field.startsWith('level:') ? field.slice(6) : '';
    const refs: CellRef[] = [];
    form.indicators.forEach((ind, i) => {
      if (ind.group === i && ind.score && ind.level1.startsWith(level)) refs.push(ind.score);
    });
    return refs.length || !level ? refs : undefined;
  }
  if (field.endsWith('.*')) {
    // Every row of a list but its 合计: `source.*` → source.1, source.2 …
    const prefix = field.slice(0, -1);
    return Object.entries(form.amounts).filter(([k]) => k.startsWith(prefix) && k !== `${prefix}合计`).map(([, r]) => r);
  }
  const a = form.amounts[field];
  return a ? [a] : undefined;
}
