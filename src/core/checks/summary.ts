/**
 * The 汇总表 against the project forms (rows matched by project name), its 预算执行 scores, and
 * 预算 表15 forms against 表10 (by project code): the same figure stated twice must agree.
 */
import { FormTable, ItemsTable, formTables, itemsTable } from '../form-model';
import { checkSum } from '../reconcile';
import type { Context, Evaluator } from '../validate';
import { TAIL, fieldRefs, formName, formWhere, pushFinding, shown, term } from './common';
import { ExecFigures, execFigures, judgeExecScore } from './execution';


/** A project name for matching: no spaces, no trailing 项目. */
function subjectKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/项目$/, '');
}

/**
 * The form of each item row, by name: the same name, else the one form whose name contains the
 * row's (汇总表 党建 ↔ 党建综合类项目) or is contained in it. Rows without one map to undefined.
 */
export function matchForms(items: ItemsTable, forms: readonly FormTable[]): (FormTable | undefined)[] {
  const keys = forms.map((f) => subjectKey(formName(f)));
  const taken = new Set<number>();
  const result: (FormTable | undefined)[] = items.rows.map(() => undefined);
  const pass = (fits: (row: string, form: string) => boolean) =>
    items.rows.forEach((row, i) => {
      if (result[i] || items.details[i].kind !== 'item') return;
      const k = subjectKey(row.name);
      const hits = keys.map((fk, j) => (!taken.has(j) && k && fits(k, fk) ? j : -1)).filter((j) => j >= 0);
      if (hits.length === 1) {
        result[i] = forms[hits[0]];
        taken.add(hits[0]);
      }
    });
  pass((a, b) => a === b);
  pass((a, b) => a.includes(b) || b.includes(a));
  return result;
}

/** Forms that hold something (a blank template's form is not a project). */
function filledForms(ctx: Context, id: string): FormTable[] {
  return formTables(ctx.tables, id).filter((f) => f.form.name?.text || f.form.indicators.length);
}

export const evalItemsMatchForms: Evaluator<'itemsMatchForms'> = (ctx, rule, out) => {
  const items = itemsTable(ctx.tables, rule.items);
  const forms = filledForms(ctx, rule.forms);
  if (!items || !forms.length) return;
  const matched = matchForms(items, forms);
  items.rows.forEach((row, i) => {
    if (items.details[i].kind !== 'item') return;
    const f = matched[i];
    const rowWhere = `${ctx.label(items.id)}“${row.name}”`;
    if (!f) {
      pushFinding(ctx, items, rule, 'warning', [items.details[i].texts[Object.keys(items.details[i].texts)[0]]], `${rowWhere}：工作簿中没有这个项目的${ctx.label(rule.forms)}，该行未与自评表核对。`);
      return;
    }
    for (const { item, form } of rule.fields) {
      const a = row.cells[item];
      const parts = fieldRefs(f, form);
      if (!a || a.invalid || !parts || parts.some((p) => p.invalid)) continue;
      const terms = parts.map((p) => term(f.id, p));
      if (a.figure.blank && terms.every((t) => t.figure.value.isZero())) continue;
      const t = term(items.id, a);
      const header = ctx.columnLabel(items.id, item);
      out.push({
        rule,
        table: items.id,
        where: () => `${rowWhere} ${header} 与 ${formWhere(ctx, f)}`,
        terms: [t, ...terms],
        check: checkSum(t.figure, terms),
        plausibility: false,
      });
    }
  });
  const listed = new Set(matched.filter(Boolean));
  for (const f of forms) {
    if (!listed.has(f)) pushFinding(ctx, f, rule, 'warning', [f.form.name], `${formWhere(ctx, f)} 未列入${ctx.label(items.id)}。`);
  }
};

/** 预算执行得分 of each 汇总表 row against its own figures, and those of its project's form. */
export const evalItemsExecution: Evaluator<'itemsExecution'> = (ctx, rule) => {
  const items = itemsTable(ctx.tables, rule.table);
  if (!items) return;
  const forms = filledForms(ctx, rule.forms);
  const matched = matchForms(items, forms);
  const weight = items.headerWeights[rule.score];
  items.rows.forEach((row, i) => {
    const s = row.cells[rule.score];
    if (items.details[i].kind !== 'item' || !s || s.invalid || s.figure.blank) return;
    const fig = (k: string) => (row.cells[k] && !row.cells[k].invalid ? row.cells[k].figure : undefined);
    // The weight from the header (预算执行(20分)) or the project's form; unknown, nothing to judge.
    const w = weight ?? matched[i]?.form.exec?.weight;
    if (!w) return;
    const own: ExecFigures = { A: fig('A'), B: fig('B'), C: fig('C'), D: fig('D'), weight: w };
    const readings = [own];
    const fe = matched[i]?.form.exec;
    // A score copied from its form is checked on the form (and against it by itemsMatchForms).
    if (fe?.score && !fe.score.invalid && checkSum(s.figure, [fe.score.figure]).verdict !== 'error') return;
    if (fe) readings.push(execFigures(fe));
    const j = judgeExecScore(readings, s.figure);
    if (j.verdict === 'ok') return;
    const expected = j.expected?.toFixed(s.figure.decimals) ?? '';
    pushFinding(ctx, items, rule, j.verdict === 'error' ? 'error' : 'rounding', [s, row.cells.D, row.cells.C],
      `${ctx.label(items.id)}“${row.name}”：预算执行得分 = ${shown(own.weight)}分 × 全年执行数 ÷ 小计。表中为 ${shown(s.figure)}，应为 ${expected}${TAIL[j.verdict]}。`,
      { expected, actual: shown(s.figure) });
  });
};

/** A figure of each form against the row of its subject in an items table, by code, else by name. */
export const evalFormMatchItems: Evaluator<'formMatchItems'> = (ctx, rule, out) => {
  const items = itemsTable(ctx.tables, rule.items);
  if (!items) return;
  for (const f of formTables(ctx.tables, rule.forms)) {
    const [ref] = fieldRefs(f, rule.field) ?? [];
    if (!ref || ref.invalid) continue;
    const code = f.form.code?.text.replace(/\s+/g, '');
    const name = subjectKey(formName(f));
    const i = items.rows.findIndex((r, j) => items.details[j].kind === 'item' && ((code && items.details[j].texts.code?.text.replace(/\s+/g, '') === code) || subjectKey(r.name) === name));
    const other = i >= 0 ? items.rows[i].cells[rule.col] : undefined;
    if (!other || other.invalid) continue;
    const t = term(f.id, ref);
    const parts = [term(items.id, other)];
    out.push({ rule, table: f.id, where: () => `${formWhere(ctx, f)} 与 ${ctx.label(items.id)}“${items.rows[i].name}”`, terms: [t, ...parts], check: checkSum(t.figure, parts), plausibility: false });
  }
};

