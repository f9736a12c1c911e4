/**
 * The 绩效自评 rules of DOMAIN §7 over every recognised form (one per project): sums of the form
 * (C = A + B, 总分 = Σ 得分, 执行数 = 基本 + 项目) as relations, so one wrong cell is named as the
 * cause; 执行率 and its score, each indicator's score (with the scoring code of
 * BUDGET.INDICATORSCORE), weights and grade as derived figures judged by §3 — a published figure
 * is a finding only when no reading of the form (the stated rate, the adjusted budget or target,
 * weights the form does not print) explains it.
 */
import Decimal from 'decimal.js';
import { D, ZERO } from '../money';
import { FormTable, Indicator, TextCell, formTables } from '../form-model';
import { checkSum } from '../reconcile';
import { grade } from '../scoring';
import type { Evaluator, Relation, Term } from '../validate';
import { fieldRefs, formName, formWhere, pushFinding, shown, term } from './common';
import { evalFormExecution } from './execution';
import { Level, evalFormIndicators, formLevels, readIndicator } from './indicators';
import { evalFormMatchItems, evalItemsExecution, evalItemsMatchForms } from './summary';

const evalFormSum: Evaluator<'formSum'> = (ctx, rule, out) => {
  for (const f of formTables(ctx.tables, rule.table)) {
    const total = fieldRefs(f, rule.total);
    if (!total || total.length !== 1 || total[0].invalid) continue;
    const parts: Term[] = [];
    let bad = false;
    for (const p of rule.parts) {
      const refs = fieldRefs(f, p);
      // A column or list the form does not print (年初预算数, 其中 lines) is not a zero.
      if (!refs || (p.endsWith('.*') && !refs.length)) bad = true;
      for (const ref of refs ?? []) {
        if (ref.invalid) bad = true;
        parts.push(term(f.id, ref));
      }
    }
    if (bad || (total[0].figure.blank && parts.every((p) => p.figure.blank))) continue;
    const t = term(f.id, total[0]);
    const rel: Relation = { rule, table: f.id, where: () => formWhere(ctx, f), terms: [t, ...parts], check: checkSum(t.figure, parts), plausibility: false };
    out.push(rel);
  }
};


// ---------------------------------------------------------------------------------------
// Weights, grade, reasons

const evalFormWeights: Evaluator<'formWeights'> = (ctx, rule) => {
  for (const f of formTables(ctx.tables, rule.table)) {
    const e = f.form.exec;
    if (!e) continue;
    const levels = formLevels(f);
    const printed = (l: Level) => l.indicators[0].level1Weight;
    const check = (what: string, total: Decimal, parts: { value: Decimal; cell?: { sheet: string; address: string } }[]) => {
      const sum = parts.reduce((s, p) => s.plus(p.value), ZERO);
      if (sum.eq(total)) return;
      pushFinding(ctx, f, rule, 'error', parts.map((p) => p.cell), `${formWhere(ctx, f)}：${what}之和为 ${sum.toString()}，应为 ${total.toString()} 分。`, { expected: total.toString(), actual: sum.toString() });
    };
    const execPart = { value: e.weight.value, cell: e.weightCell };
    const weighted = f.form.indicators.filter((i) => i.weight && !i.weight.invalid);
    if (weighted.length) {
      check('预算执行与各指标的分值', new D(rule.total), [execPart, ...weighted.map((i) => ({ value: i.weight!.figure.value, cell: i.weight }))]);
    } else if (f.form.goals.length) {
      if (f.form.goals.every((g) => g.weight)) check('预算执行与各年度绩效目标的分值', new D(rule.total), [execPart, ...f.form.goals.map((g) => ({ value: g.weight!.value, cell: g.cell }))]);
      for (const g of f.form.goals) {
        const ls = levels.filter((l) => l.goal === g.n);
        if (g.weight && ls.length && ls.every(printed)) check(`目标${g.n}各一级指标的分值`, g.weight.value, ls.map((l) => ({ value: printed(l)!.value, cell: l.cell })));
      }
    } else if (levels.length && levels.every(printed)) {
      check('预算执行与各一级指标的分值', new D(rule.total), [execPart, ...levels.map((l) => ({ value: printed(l)!.value, cell: l.cell }))]);
    }
  }
};

const evalFormGrade: Evaluator<'formGrade'> = (ctx, rule) => {
  for (const f of formTables(ctx.tables, rule.table)) {
    const { total, grade: g } = f.form;
    if (!total || total.invalid || !g || !g.text) continue;
    let expected: string;
    try {
      expected = grade(total.figure.value);
    } catch {
      continue;
    }
    const written = g.text.replace(/\s+/g, '');
    if (/^[-—－/／]*$/.test(written)) continue; // not graded yet
    if (!written.startsWith(expected)) {
      pushFinding(ctx, f, rule, 'error', [g, total], `${formWhere(ctx, f)}：总分 ${shown(total.figure)} 对应的评价等级为“${expected}”，表中为“${written}”。`, { expected, actual: written });
    }
  }
};

/** What an office writes when it gives no reason. */
const NO_REASON = /^(无|无。|\/|／|-+|—+|－+|暂无|无偏差)?$/;

export function isEmptyReason(t: TextCell | undefined): boolean {
  return !t || NO_REASON.test(t.text.replace(/\s+/g, ''));
}

/** Indicators whose actual falls short of the target under every reading. */
export function unmetIndicators(f: FormTable): Indicator[] {
  return f.form.indicators.filter((ind) => {
    const r = readIndicator(ind);
    return !('problem' in r) && r.hi.lt(1);
  });
}

/** A title naming another project than 项目名称 (a form copied without changing its title). */
function sameSubject(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, '').replace(/(项目|工作)$/, '');
  const x = n(a);
  const y = n(b);
  return x.includes(y) || y.includes(x);
}

const evalFormReason: Evaluator<'formReason'> = (ctx, rule) => {
  for (const f of formTables(ctx.tables, rule.table)) {
    const { form } = f;
    if (form.titleName && form.name?.text && !sameSubject(form.titleName, form.name.text)) {
      pushFinding(ctx, f, rule, 'warning', [form.name], `${formWhere(ctx, f)}：标题中的项目为“${form.titleName}”，与项目名称“${formName(f)}”不一致（可能复制其他项目的表后未改标题），请核实。`);
    }
    if (!form.indicators.length && !form.exec?.D?.figure.value.gt(0)) continue; // a blank form
    const unmet = unmetIndicators(f);
    const own = unmet.filter((i) => i.reason);
    for (const ind of own) {
      if (isEmptyReason(ind.reason)) {
        pushFinding(ctx, f, rule, 'warning', [ind.reason, ind.actual], `${formWhere(ctx, f)} 指标“${ind.name.text.replace(/\s+/g, '')}”未达成目标（目标${ind.target?.text ?? ind.targetC?.text}，实际${ind.actual?.text}），偏差原因为空，请填写。`);
      }
    }
    const rest = unmet.filter((i) => !i.reason);
    const below = form.total && !form.total.invalid && form.total.figure.value.lt(100);
    if ((rest.length || (below && !own.length)) && form.reason !== undefined && isEmptyReason(form.reason)) {
      const what = rest.length
        ? `指标${rest.map((i) => `“${i.name.text.replace(/\s+/g, '')}”（目标${(i.target ?? i.targetC)?.text.replace(/\s+/g, '')}，实际${i.actual?.text.replace(/\s+/g, '')}）`).join('、')}未达成目标`
        : `总分 ${shown(form.total!.figure)} 未满 100 分`;
      pushFinding(ctx, f, rule, 'warning', [form.reason, ...rest.map((i) => i.actual)], `${formWhere(ctx, f)}：${what}，但“偏差大或目标未完成原因分析”${form.reason.text ? `只写了“${form.reason.text}”` : '为空'}，请说明原因。`);
    }
  }
};


export const FORM_EVALUATORS = {
  formMatchItems: evalFormMatchItems,
  itemsMatchForms: evalItemsMatchForms,
  itemsExecution: evalItemsExecution,
  formSum: evalFormSum,
  formExecution: evalFormExecution,
  formIndicators: evalFormIndicators,
  formWeights: evalFormWeights,
  formGrade: evalFormGrade,
  formReason: evalFormReason,
};
