/**
 * Each indicator's score from its target and actual (the scoring code of BUDGET.INDICATORSCORE):
 * per indicator where the form prints a 分值 column; else per 一级指标, where some split of its
 * weight must give every printed score. Targets that cannot be read are 提示 with their cell.
 */
import Decimal from 'decimal.js';
import { FormTable, Indicator, TextCell, formTables } from '../form-model';
import { CellRef } from '../model';
import { D, Figure, ZERO, roundHalfUp } from '../money';
import { Verdict, intervalOf, judgeDerived } from '../reconcile';
import { RuleDef } from '../rules/types';
import { QUAL_BANDS, isInputProblem, parseTarget, scoreIndicator } from '../scoring';
import type { Context, Evaluator } from '../validate';
import { ONE, Rule, TAIL, bestVerdict, exact, formWhere, pushFinding, shown } from './common';


interface RatioRange {
  lo: Decimal;
  hi: Decimal;
  /** The target and actual as read, for messages. */
  what: string;
}

type IndicatorReading = RatioRange | { problem: string; cell: TextCell };

/** A target with a number and a comparison sign or % means a quantity: when it does not read as one it is unreadable, not qualitative. */
const LOOKS_QUANTITATIVE = /^(?=.*\d)(?=.*[≥≤><%％])/;

/** The fraction of its weight an indicator earns, under each target the form states (A, then C), or A alone. */
export function readIndicator(ind: Indicator, initialOnly = false): IndicatorReading {
  if (!ind.actual) return { problem: '实际完成值为空', cell: ind.name };
  // A text says met / not met against the 年初 target; a score may follow either target.
  const targets = (initialOnly && ind.target ? [ind.target] : [ind.target, ind.targetC]).filter((t): t is TextCell => !!t);
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

export interface Level {
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

export const evalFormIndicators: Evaluator<'formIndicators'> = (ctx, rule) => {
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

