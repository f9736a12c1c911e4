/**
 * The 绩效自评 rules of DOMAIN §7 over every recognised form (one per project): sums of the form
 * (C = A + B, 总分 = Σ 得分, 执行数 = 基本 + 项目) as relations, so one wrong cell is named as the
 * cause; 执行率 and its score, each indicator's score (with the scoring code of
 * BUDGET.INDICATORSCORE), weights and grade as derived figures judged by §3 — a published figure
 * is a finding only when no reading of the form (the stated rate, the adjusted budget or target,
 * weights the form does not print) explains it.
 */
import Decimal from 'decimal.js';
import { Finding, Severity } from '../findings';
import { FormExecution, FormTable, Indicator, ItemsTable, TextCell, formTables, itemsTable } from '../form-model';
import { CellRef } from '../model';
import { D, Figure, ZERO, blankFigure, roundHalfUp } from '../money';
import { Verdict, checkRatio, checkSum, intervalOf, judgeDerived } from '../reconcile';
import { RuleDef } from '../rules/types';
import { QUAL_BANDS, grade, isInputProblem, parseTarget, scoreIndicator } from '../scoring';
import type { Context, Evaluator, Relation, Term } from '../validate';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

const ONE = new D(1);
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

function formWhere(ctx: Context, f: FormTable): string {
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

const TAIL: Record<Verdict, string> = { ok: '', rounding: '，在舍入允许范围内，属尾差', error: '' };

function term(table: string, ref: CellRef | undefined): Term {
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

/** What a 预算执行 line states, as figures (a form's, or a 汇总表 row's). */
export interface ExecFigures {
  A?: Figure;
  B?: Figure;
  C?: Figure;
  D?: Figure;
  /** 执行率 in percent. */
  rate?: Figure;
  weight: Figure;
}

export function execFigures(e: FormExecution): ExecFigures {
  const fig = (r?: CellRef) => (r && !r.invalid ? r.figure : undefined);
  return { A: fig(e.A), B: fig(e.B), C: fig(e.C), D: fig(e.D), rate: e.rate?.percent, weight: e.weight };
}

/** The budgets a line can mean: 小计 (C) as stated, and A + B when they are given. */
function budgets(e: ExecFigures): Figure[] {
  const out: Figure[] = [];
  if (e.C && !e.C.value.isZero()) out.push(e.C);
  if (e.A || e.B) {
    const a = e.A ?? blankFigure();
    const b = e.B ?? blankFigure();
    const sum: Figure = { value: a.value.plus(b.value), decimals: Math.min(a.blank ? 12 : a.decimals, b.blank ? 12 : b.decimals) };
    if (!sum.value.isZero() && !out.some((c) => c.value.eq(sum.value))) out.push(sum);
  }
  return out;
}

/** 执行率 against D / C (and D / (A + B)). */
export function judgeRate(e: ExecFigures, rate: Figure): { verdict: Verdict; expected: Decimal } | undefined {
  if (!e.D) return undefined;
  const cs = budgets(e);
  if (!cs.length) return undefined;
  const checks = cs.map((c) => checkRatio(e.D!, c, rate, 100));
  return { verdict: bestVerdict(checks.map((c) => c.verdict)), expected: checks[0].expected };
}

/** weight × min(n / d, 1) with the range the inputs' intervals allow. */
function cappedProduct(weight: Decimal, n: Figure, d: Figure, scale: Decimal.Value, stated: Figure): Verdict {
  const [n0, n1] = intervalOf(n);
  const [d0, d1] = intervalOf(d);
  if (d0.lte(0)) return 'error';
  const w = weight.div(scale);
  const cap = (x: Decimal) => Decimal.min(x, weight);
  const exactV = cap(w.mul(n.value).div(d.value));
  return judgeDerived(stated, exactV, cap(w.mul(Decimal.max(n0, ZERO)).div(d1)), cap(w.mul(n1).div(d0)));
}

/**
 * 预算执行得分 against 分值 × D / C, capped at 分值, under every reading: the stated 小计, A + B,
 * and the stated 执行率 (a form that prints 84% and 16.8 multiplied the printed rate, §3).
 */
export function judgeExecScore(readings: ExecFigures[], stated: Figure): { verdict: Verdict; expected?: Decimal } {
  const vs: Verdict[] = [];
  let expected: Decimal | undefined;
  for (const e of readings) {
    if (e.D) {
      for (const c of budgets(e)) {
        vs.push(cappedProduct(e.weight.value, e.D, c, 1, stated));
        expected ??= roundHalfUp(Decimal.min(e.weight.value.mul(e.D.value).div(c.value), e.weight.value), Math.max(stated.decimals, 2));
      }
    }
    if (e.rate) vs.push(cappedProduct(e.weight.value, e.rate, exact(100), 1, stated));
  }
  return { verdict: vs.length ? bestVerdict(vs) : 'ok', expected };
}

const evalFormExecution: Evaluator<'formExecution'> = (ctx, rule, out) => {
  void out;
  for (const f of formTables(ctx.tables, rule.table)) {
    const e = f.form.exec;
    if (!e) continue;
    const figs = execFigures(e);
    if (e.rate && e.rate.text && !e.rate.percent) {
      pushFinding(ctx, f, rule, 'warning', [e.rate], `${formWhere(ctx, f)}：执行率“${e.rate.text}”不是百分比，未核对。`);
    }
    if (e.rate?.percent) {
      const j = judgeRate(figs, e.rate.percent);
      if (j && j.verdict !== 'ok') {
        const cells = [e.rate, e.D, e.C];
        const expected = j.expected.toFixed(e.rate.percent.decimals);
        pushFinding(ctx, f, rule, j.verdict === 'error' ? 'error' : 'rounding', cells,
          `${formWhere(ctx, f)}：执行率 = 实际执行数 ÷ 小计。表中为 ${shown(e.rate.percent)}%，按 ${shown(figs.D!)} ÷ ${shown(figs.C ?? figs.A!)} 应为 ${expected}%${TAIL[j.verdict]}。`,
          { expected, actual: shown(e.rate.percent) });
      }
    }
    if (e.score && !e.score.invalid && !e.score.figure.blank) {
      const j = judgeExecScore([figs], e.score.figure);
      if (j.verdict !== 'ok') {
        const expected = j.expected?.toFixed(e.score.figure.decimals) ?? '';
        pushFinding(ctx, f, rule, j.verdict === 'error' ? 'error' : 'rounding', [e.score, e.D, e.C],
          `${formWhere(ctx, f)}：预算执行得分 = ${shown(e.weight)}分 × 执行率（不超过${shown(e.weight)}分）。表中为 ${shown(e.score.figure)}，按实际执行数 ÷ 小计应为 ${expected}${j.verdict === 'rounding' ? '，差异可由截尾或舍入解释，属尾差' : ''}。`,
          { expected, actual: shown(e.score.figure) });
      }
    }
  }
};

// ---------------------------------------------------------------------------------------
// Indicators

interface RatioRange {
  lo: Decimal;
  hi: Decimal;
  /** The target and actual as read, for messages. */
  what: string;
}

type IndicatorReading = RatioRange | { problem: string; cell: TextCell };

/** A target with a number and a comparison sign or % means a quantity: when it does not read as one it is unreadable, not qualitative. */
const LOOKS_QUANTITATIVE = /^(?=.*\d)(?=.*[≥≤><%％])/;

/** The fraction of its weight an indicator earns, under each target the form states (A, then C). */
export function readIndicator(ind: Indicator): IndicatorReading {
  if (!ind.actual) return { problem: '实际完成值为空', cell: ind.name };
  const targets = [ind.target, ind.targetC].filter((t): t is TextCell => !!t);
  if (!targets.length) return { problem: '年初目标值为空', cell: ind.name };
  let lo: Decimal | undefined;
  let hi: Decimal | undefined;
  let problem: { problem: string; cell: TextCell } | undefined;
  for (const t of targets) {
    try {
      const s = scoreIndicator(t.value, ind.actual.value, ONE);
      const [a, b] = s.method === 'qualitative' && s.level ? [new D(QUAL_BANDS[s.level].low), new D(QUAL_BANDS[s.level].high)] : [s.ratio, s.ratio];
      lo = lo ? Decimal.min(lo, a) : a;
      hi = hi ? Decimal.max(hi, b) : b;
    } catch (e) {
      if (!isInputProblem(e)) throw e;
      problem ??= { problem: e.message, cell: /实际/.test(e.message) ? ind.actual : t };
    }
  }
  if (lo === undefined || hi === undefined) return problem!;
  const vague = targets.find((t) => typeof t.value === 'string' && LOOKS_QUANTITATIVE.test(t.text) && parseTarget(t.value).kind === 'qualitative');
  if (vague) return { problem: `目标值“${vague.text}”带有比较符号或百分号，但读不出方向、数值和单位`, cell: vague };
  return { lo, hi, what: `目标${targets[0].text.replace(/\s+/g, '')}，实际${ind.actual.text.replace(/\s+/g, '')}` };
}

interface ScoreGroup {
  first: Indicator;
  members: Indicator[];
  score?: CellRef;
  range?: RatioRange;
}

interface Level {
  goal?: number;
  name: string;
  weight?: Figure;
  /** Where the weight is printed (the 一级指标 cell). */
  cell: TextCell;
  groups: ScoreGroup[];
  indicators: Indicator[];
}

/** Indicators by 一级指标 (within each goal), with weights printed or inferred from the goal's. */
export function formLevels(f: FormTable): Level[] {
  const levels: Level[] = [];
  const byGroup = new Map<number, ScoreGroup>();
  f.form.indicators.forEach((ind) => {
    let level = levels.find((l) => l.goal === ind.goal && l.name === ind.level1);
    if (!level) {
      level = { goal: ind.goal, name: ind.level1, weight: ind.level1Weight, cell: ind.name, groups: [], indicators: [] };
      levels.push(level);
    }
    level.indicators.push(ind);
    let g = byGroup.get(ind.group);
    if (!g) {
      g = { first: ind, members: [], score: ind.score };
      byGroup.set(ind.group, g);
      level.groups.push(g);
    }
    g.members.push(ind);
  });
  // One 一级指标 without a printed weight takes what its goal (or the form) leaves over.
  const scopes = new Map<number | undefined, Level[]>();
  for (const l of levels) scopes.set(l.goal, [...(scopes.get(l.goal) ?? []), l]);
  for (const [goal, ls] of scopes) {
    const missing = ls.filter((l) => !l.weight);
    if (missing.length !== 1) continue;
    const scopeWeight = goal !== undefined ? f.form.goals.find((g) => g.n === goal)?.weight?.value : f.form.exec ? new D(100).minus(f.form.exec.weight.value) : undefined;
    if (!scopeWeight) continue;
    const rest = scopeWeight.minus(ls.filter((l) => l.weight).reduce((s, l) => s.plus(l.weight!.value), ZERO));
    if (rest.gte(0)) missing[0].weight = exact(rest);
  }
  return levels;
}

function levelWhere(ctx: Context, f: FormTable, l: Level): string {
  return `${formWhere(ctx, f)} ${l.goal !== undefined ? `目标${l.goal} ` : ''}${l.name}${l.weight ? `（${shown(l.weight)}分）` : ''}`;
}

/** A score against weight × [lo, hi]: ok inside the range, else as §3 judges a derived figure. */
function judgeScore(stated: Figure, weight: Decimal, r: RatioRange): { verdict: Verdict; expected: Decimal } {
  const lo = weight.mul(r.lo);
  const hi = weight.mul(r.hi);
  const v = stated.value;
  if (v.gte(roundHalfUp(lo, stated.decimals)) && v.lte(roundHalfUp(hi, stated.decimals))) return { verdict: 'ok', expected: v };
  const nearest = v.lt(lo) ? lo : hi;
  return { verdict: judgeDerived(stated, nearest, nearest, nearest), expected: nearest };
}

const evalFormIndicators: Evaluator<'formIndicators'> = (ctx, rule) => {
  for (const f of formTables(ctx.tables, rule.table)) {
    for (const l of formLevels(f)) {
      for (const g of l.groups) {
        const ranges: RatioRange[] = [];
        for (const ind of g.members) {
          const r = readIndicator(ind);
          if ('problem' in r) {
            pushFinding(ctx, f, rule, 'warning', [r.cell], `${levelWhere(ctx, f, l)} 指标“${ind.name.text.replace(/\s+/g, '')}”：${r.problem}，该指标得分未核对。`);
            ranges.push({ lo: ZERO, hi: ONE, what: '' });
          } else ranges.push(r);
        }
        g.range = { lo: Decimal.min(...ranges.map((r) => r.lo)), hi: Decimal.max(...ranges.map((r) => r.hi)), what: ranges.map((r) => r.what).filter(Boolean).join('；') };
      }
      const weighted = l.indicators.some((i) => i.weight);
      if (weighted) judgeWithWeights(ctx, f, rule, l);
      else judgeLevel(ctx, f, rule, l);
    }
  }
};

function scored(g: ScoreGroup): g is ScoreGroup & { score: CellRef } {
  return !!g.score && !g.score.invalid && !g.score.figure.blank;
}

/** Forms with a 分值 column: each score from its own weight. */
function judgeWithWeights(ctx: Context, f: FormTable, rule: Rule<'formIndicators'>, l: Level): void {
  for (const g of l.groups) {
    if (!scored(g) || !g.range) continue;
    const w = g.members.reduce((s, i) => s.plus(i.weight?.figure.value ?? 0), ZERO);
    let expected: Decimal;
    let verdict: Verdict;
    if (g.members.length === 1 && g.range.lo.eq(g.range.hi)) {
      // The very computation of BUDGET.INDICATORSCORE for this weight.
      const ind = g.members[0];
      const target = ind.target ?? ind.targetC;
      expected = target ? scoreIndicator(target.value, ind.actual!.value, w).score : w.mul(g.range.lo);
      verdict = judgeDerived(g.score.figure, expected, expected, expected);
      if (verdict !== 'ok' && ind.targetC && ind.target) verdict = bestVerdict([verdict, judgeScore(g.score.figure, w, g.range).verdict]);
    } else ({ verdict, expected } = judgeScore(g.score.figure, w, g.range));
    if (verdict !== 'ok') scoreFinding(ctx, f, rule, l, g, verdict, expected);
  }
  if (l.weight) {
    const parts = l.indicators.filter((i) => i.weight).map((i) => i.weight!.figure);
    const sum = parts.reduce((s, p) => s.plus(p.value), ZERO);
    if (!sum.eq(l.weight.value)) {
      pushFinding(ctx, f, rule, 'error', l.indicators.map((i) => i.weight), `${levelWhere(ctx, f, l)}：各指标分值之和为 ${sum.toString()}，应等于该一级指标的 ${shown(l.weight)} 分。`, {
        expected: shown(l.weight),
        actual: sum.toString(),
      });
    }
  }
}

function groupName(g: ScoreGroup): string {
  return g.members.map((i) => `“${i.name.text.replace(/\s+/g, '')}”`).join('、');
}

function scoreFinding(ctx: Context, f: FormTable, rule: RuleDef, l: Level, g: ScoreGroup & { score: CellRef }, verdict: Verdict, expected: Decimal): void {
  const e = expected.toFixed(Math.max(g.score.figure.decimals, expected.decimalPlaces() > 0 ? 2 : 0));
  const band = g.range && !g.range.lo.eq(g.range.hi) ? `（按完成情况应在分值的 ${g.range.lo.mul(100).toString()}%–${g.range.hi.mul(100).toString()}% 之间）` : '';
  pushFinding(
    ctx,
    f,
    rule,
    verdict === 'error' ? 'error' : 'rounding',
    [g.score, ...g.members.map((i) => i.actual)],
    `${levelWhere(ctx, f, l)} 指标${groupName(g)}（${g.range?.what}）：表中得分 ${shown(g.score.figure)}，按目标值与实际完成值应为 ${e}${band}${TAIL[verdict]}。`,
    { expected: e, actual: shown(g.score.figure) },
  );
}

/**
 * Forms without a 分值 column print only the 一级指标's weight. One scored group: its weight is
 * the level's. Several: some split of the level's weight must give every printed score, each
 * within the interval its precision stands for (§3).
 */
function judgeLevel(ctx: Context, f: FormTable, rule: Rule<'formIndicators'>, l: Level): void {
  const groups = l.groups.filter(scored);
  if (!l.weight || !groups.length || groups.length !== l.groups.length) {
    for (const g of l.groups) {
      if (!scored(g) && g.score && !g.score.invalid) pushFinding(ctx, f, rule, 'warning', [g.score], `${levelWhere(ctx, f, l)} 指标${groupName(g)}：得分为空。`);
    }
    return;
  }
  const W = l.weight.value;
  if (groups.length === 1) {
    const g = groups[0];
    const { verdict, expected } = judgeScore(g.score.figure, W, g.range!);
    if (verdict !== 'ok') scoreFinding(ctx, f, rule, l, g, verdict, expected);
    return;
  }
  let min = ZERO;
  let max: Decimal | undefined = ZERO;
  for (const g of groups) {
    const [s0, s1] = intervalOf(g.score.figure);
    const { lo, hi } = g.range!;
    if (hi.isZero()) {
      if (s0.gt(0)) max = ZERO.minus(1); // a score where nothing was achieved: no weight gives it
      continue; // any weight gives 0
    }
    min = min.plus(Decimal.max(s0, ZERO).div(hi));
    if (max !== undefined) max = lo.isZero() ? undefined : max.plus(s1.div(lo));
  }
  if (W.gte(min) && (max === undefined || W.lte(max))) return;
  const printed = groups.map((g) => shown(g.score.figure));
  const sum = groups.reduce((s, g) => s.plus(g.score.figure.value), ZERO);
  const allMet = groups.every((g) => g.range!.lo.eq(1));
  const range = max === undefined ? `至少 ${roundHalfUp(min, 2).toString()}` : max.lt(0) ? '无法得出' : `在 ${roundHalfUp(min, 2).toString()}–${roundHalfUp(max, 2).toString()} 之间`;
  const message = allMet
    ? `${levelWhere(ctx, f, l)}：各指标均已完成（${groups.map((g) => g.range!.what).join('；')}），得分合计应为 ${shown(l.weight)}，表中为 ${sum.toString()}（${printed.join(' + ')}）。`
    : `${levelWhere(ctx, f, l)}：按各指标的目标值与实际完成值，表中得分（${printed.join('、')}）所对应的分值合计${range}，与该一级指标的 ${shown(l.weight)} 分不符，无论分值如何分配都得不出这些得分。`;
  pushFinding(ctx, f, rule, 'error', groups.map((g) => g.score), message, allMet ? { expected: shown(l.weight), actual: sum.toString() } : undefined);
}

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

// ---------------------------------------------------------------------------------------
// 汇总表 rows against the forms

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

const evalItemsMatchForms: Evaluator<'itemsMatchForms'> = (ctx, rule, out) => {
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
const evalItemsExecution: Evaluator<'itemsExecution'> = (ctx, rule) => {
  const items = itemsTable(ctx.tables, rule.table);
  if (!items) return;
  const forms = filledForms(ctx, rule.forms);
  const matched = matchForms(items, forms);
  const weight = items.headerWeights[rule.score];
  items.rows.forEach((row, i) => {
    const s = row.cells[rule.score];
    if (items.details[i].kind !== 'item' || !s || s.invalid || s.figure.blank) return;
    const fig = (k: string) => (row.cells[k] && !row.cells[k].invalid ? row.cells[k].figure : undefined);
    const own: ExecFigures = { A: fig('A'), B: fig('B'), C: fig('C'), D: fig('D'), weight: weight ?? matched[i]?.form.exec?.weight ?? exact(20) };
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
const evalFormMatchItems: Evaluator<'formMatchItems'> = (ctx, rule, out) => {
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
