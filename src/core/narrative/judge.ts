/**
 * Judges each claim of a 说明 against the figure it should match, through reconcile.ts (DOMAIN
 * §3 as issue 11 sharpens it):
 * - an amount the text copies from a table or parameter must equal it at the written precision
 *   (judgeCopy: truncation is 尾差 said as such);
 * - shares, rates and changes are derived: judged on the inputs' intervals (checkShare with the
 *   largest-remainder adjustment, checkRatio, checkChangeRate, checkSum);
 * - a prior-year figure is judged against the prior-year parameter, or the prior the text states
 *   (较上年2.08…), or the one its stated change implies — never against this year's cell;
 * - 年初预算 and 全年预算 are different figures; a 完成率 without a budget parameter is judged
 *   against the budget stated in the same paragraph.
 * Where the tables hold nothing (check-text, or a figure no table has), the figures the text
 * itself states stand in (Stated).
 */
import Decimal from 'decimal.js';
import { Finding } from '../findings';
import { Figure, ZERO, roundHalfUp } from '../money';
import { Explanation, Judgement, Verdict, absInterval, checkChangeRate, checkEqual, checkRatio, checkShare, checkSum, intervalOf, judgeCopy, ratioOfIntervals, subtractIntervals } from '../reconcile';
import { Basis, Claim, signed } from './claims';
import { FactSpec, isSum } from './facts';
import { Where, finding, fmt, mergeWhere, paramWhere, quote, ref, show, textWhere } from './format';
import { NarrativeParams } from './params';
import { Lexicon, Subject } from './subjects';
import { BudgetKind } from './vocabulary';

/** A reference figure and where it lives; `copy` when the text should copy it exactly. */
export interface Located {
  fig: Figure;
  where: Where;
  copy: boolean;
  /** From the 说明 itself, not from a table or parameter. */
  stated?: boolean;
}

/** The first figure the text states for each subject and measure (the 说明's own facts). */
export class Stated {
  private map = new Map<string, { fig: Figure; c: Claim }>();

  constructor(claims: readonly Claim[]) {
    for (const c of claims) {
      if (c.kind !== 'amount') continue;
      const k = Stated.key(c.subject.id, c.measure, c.budget);
      if (!this.map.has(k)) this.map.set(k, { fig: c.stated, c });
    }
  }

  static key(id: string, measure: string, budget?: BudgetKind): string {
    return `${id}|${measure}|${measure === 'budget' ? budget ?? 'any' : ''}`;
  }

  get(id: string, measure: 'actual' | 'prior' | 'budget', budget?: BudgetKind): Located | undefined {
    const hit = this.map.get(Stated.key(id, measure, budget));
    return hit ? { fig: hit.fig, where: textWhere(hit.c.s), copy: true, stated: true } : undefined;
  }
}

/** Claims against tables, params and the text's own figures. */
export class Judge {
  /** Subjects whose stated figure turned out to be another line (收入总计 written for 本年收入合计). */
  private looseFigures = new Map<string, Located>();

  constructor(
    readonly lex: Lexicon,
    readonly p: NarrativeParams,
    readonly stated: Stated,
  ) {}

  private at(spec: FactSpec): Located | undefined {
    const f = this.lex.f;
    const fig = f?.at(spec);
    if (!f || !fig) return undefined;
    const loc = f.locate(spec);
    return { fig, where: { label: spec.label, sheet: loc.sheet, cells: loc.cells }, copy: !isSum(spec) };
  }

  private param(path: string | undefined): Located | undefined {
    const fig = path ? this.p.amount(path) ?? countFigure(this.p.num(path)) : undefined;
    return fig && path ? { fig, where: paramWhere(path), copy: true } : undefined;
  }

  /** The figures an amount of the subject must match: table cells, else its parameter. */
  actuals(subject: Subject): Located[] {
    const cells = subject.specs.map((s) => this.at(s)).filter((x): x is Located => !!x);
    if (cells.length) return cells;
    const p = this.param(subject.param);
    return p ? [p] : [];
  }

  /** This year's figure of a subject: the table or parameter, else what the text states. */
  actual(subject: Subject): Located | undefined {
    return this.actuals(subject)[0] ?? this.stated.get(subject.id, 'actual');
  }

  /** The budget of a kind: 全年 from 公开09 for 三公, else the parameters; never the other kind. */
  budget(subject: Subject, kind: BudgetKind): Located | undefined {
    const b = subject.budget;
    if (!b) return undefined;
    if (b.table && (kind === 'full' || kind === 'any')) {
      const t = this.at(b.table);
      if (t) return t;
    }
    if (kind === 'full') return this.param(b.full);
    if (kind === 'initial') return this.param(b.initial) ?? this.classBudget(subject);
    return this.param(b.initial) ?? this.classBudget(subject) ?? this.param(b.full);
  }

  /**
   * A 类 of 公开05 without its own 年初预算 parameter: the sum of its 项' parameters when every
   * 项 it lists (in the table or the params) has one — the figure the generator writes.
   */
  private classBudget(subject: Subject): Located | undefined {
    const m = /^类:决算05:(\d{3})$/.exec(subject.id);
    if (!m || !this.lex.f) return undefined;
    const code = m[1];
    const items = new Set(this.lex.f.codedRows('决算05', 7).filter((r) => r.key.startsWith(code) && !r.cells['1']?.figure.value.isZero()).map((r) => r.key));
    for (const c of this.p.codes('年初预算.科目')) if (c.length === 7 && c.startsWith(code)) items.add(c);
    const figs = [...items].map((c) => this.p.amount(`年初预算.科目.${c}`));
    if (figs.length === 0 || figs.some((x) => !x)) return undefined;
    const fig = { value: figs.reduce((s, x) => s.plus(x!.value), ZERO), decimals: Math.max(...figs.map((x) => x!.decimals)) };
    return { fig, where: { label: `参数“年初预算.科目.${code}”（各项级科目年初预算之和）`, sheet: '', cells: [] }, copy: true };
  }

  prior(subject: Subject): Located | undefined {
    return this.param(subject.prior);
  }

  private base(subject: Subject, basis: Basis, statedPrior?: Figure, s?: Claim['s']): Located | undefined {
    if (basis === 'prior') {
      return this.prior(subject) ?? (statedPrior && s ? { fig: statedPrior, where: textWhere(s), copy: true, stated: true } : undefined) ?? this.stated.get(subject.id, 'prior');
    }
    return this.budget(subject, basis) ?? this.stated.get(subject.id, 'budget', basis) ?? (basis === 'any' ? this.stated.get(subject.id, 'budget', 'initial') ?? this.stated.get(subject.id, 'budget', 'full') : undefined);
  }

  judge(c: Claim): Finding[] {
    switch (c.kind) {
      case 'amount':
        return this.amount(c);
      case 'share':
        return opt(this.share(c));
      case 'rate':
        return opt(this.rate(c));
      case 'change':
        return opt(this.change(c));
      case 'changePct':
        return opt(this.changePct(c));
      case 'flat':
        return opt(this.flat(c));
      case 'new':
        return opt(this.newItem(c));
      case 'compare':
        return opt(this.compare(c));
      case 'none':
        return opt(this.none(c));
      case 'notice':
        return [{ severity: c.severity, rule: c.rule, table: '说明', sheet: '', cells: [], message: `${quote(c.s)}：${c.message}。` }];
      case 'item':
        return [];
    }
  }

  private amount(c: Extract<Claim, { kind: 'amount' }>): Finding[] {
    const name = c.subject.name;
    if (c.measure === 'budget') {
      const b = this.budget(c.subject, c.budget ?? 'any');
      if (!b) return [];
      const j = judgeCopy(c.stated, b.fig);
      if (j.verdict === 'ok') return [];
      return [finding(j.verdict, '说明.预算数', c.s, b.where, `${name}的${budgetWord(c.budget)}写为${show(c.stated)}万元，${ref(b.where)}为${show(b.fig)}万元，相差${diff(c.stated, b.fig)}万元`, b.fig, c.stated, j.by)];
    }
    if (c.measure === 'prior') {
      const p = this.prior(c.subject);
      if (!p) return [];
      const j = judgeCopy(c.stated, p.fig);
      if (j.verdict === 'ok') return [];
      return [finding(j.verdict, '说明.上年数', c.s, p.where, `${name}的上年数写为${show(c.stated)}万元，${ref(p.where)}为${show(p.fig)}万元`, p.fig, c.stated, j.by)];
    }
    const refs = this.actuals(c.subject);
    if (refs.length === 0) return [...this.unmatched(c), ...this.belowBasicItem(c)];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const r of refs) {
      const j: Judgement = c.subject.count ? countJudgement(c.stated, r.fig) : r.copy ? judgeCopy(c.stated, r.fig) : fromSum(checkEqual(c.stated, r.fig).verdict);
      if (j.verdict === 'ok' || seen.has(r.fig.value.toString())) continue;
      seen.add(r.fig.value.toString());
      const loose = j.verdict === 'error' ? this.looseMatch(c) : undefined;
      if (loose) {
        // Its changes and rates follow the figure the text meant, not the name it used.
        this.looseFigures.set(c.subject.id, loose);
        out.push(finding('warning', '说明.口径', c.s, r.where, `写为${name}${show(c.stated)}万元，这是${ref(loose.where)}的数字；${name}应为${show(r.fig)}万元（${ref(r.where)}），请核对用词`, r.fig, c.stated));
        continue;
      }
      const unit = c.subject.count ? '' : '万元';
      out.push(finding(j.verdict, c.subject.count ? '说明.数量' : '说明.金额', c.s, r.where, `${name}写为${show(c.stated)}${unit}，${ref(r.where)}为${show(r.fig)}${unit}，相差${diff(c.stated, r.fig)}${unit}`, r.fig, c.stated, j.by));
    }
    return out;
  }

  /** The other line a stated 总计 really is (本年收入合计 under the name 收入总计), if any. */
  private looseMatch(c: Extract<Claim, { kind: 'amount' }>): Located | undefined {
    for (const spec of c.subject.loose ?? []) {
      const l = this.at(spec);
      if (l && judgeCopy(c.stated, l.fig).verdict === 'ok') return l;
    }
    return undefined;
  }

  /**
   * A 三公 figure below the matching basic-expenditure item of 公开06 (30212, 30231, 30217) is an
   * error: 公开09 covers basic and project spending of the same funds. Judged here only when there
   * is no 公开09 (with it, the validator reports the tables themselves).
   */
  private belowBasicItem(c: Extract<Claim, { kind: 'amount' }>): Finding[] {
    const code = c.subject.economic;
    const t06 = this.lex.tables?.get('决算06');
    const cell = code && t06 ? this.lex.tables!.cell('决算06', code, 'amount') : undefined;
    if (!cell) return [];
    const r = checkSum(c.stated, [cell.figure]);
    if (r.verdict !== 'error' || r.diff.gte(0)) return [];
    const w: Where = { label: `公开06表 ${code} ${c.subject.name}（基本支出）`, sheet: cell.sheet, cells: [cell.address] };
    return [finding('error', '说明.三公', c.s, w, `${c.subject.name}写为${show(c.stated)}万元，低于${ref(w)}的${show(cell.figure)}万元；“三公”经费包括基本支出和项目支出，不应小于基本支出中的同一科目`, cell.figure, c.stated)];
  }

  /** An amount no table or parameter holds: a 项 that is not in 公开05 is a 提示. */
  private unmatched(c: Extract<Claim, { kind: 'amount' }>): Finding[] {
    const t05 = this.lex.tables?.get('决算05');
    if (!c.subject.id.startsWith('项:?') || !t05 || c.stated.value.isZero()) return [];
    return [
      {
        severity: 'warning',
        rule: '说明.科目',
        table: '说明',
        sheet: t05.sheet,
        cells: [],
        message: `${quote(c.s)}：科目“${c.subject.name}”在公开05表中没有找到，无法核对其支出决算${show(c.stated)}万元（请核对科目名称）。`,
        actual: c.stated.value.toString(),
      },
    ];
  }

  private share(c: Extract<Claim, { kind: 'share' }>): Finding | undefined {
    const def = c.subject.shares?.find((d) => d.re.test(c.phrase));
    const denSubject = def ? this.lex.subject(def.den) : undefined;
    if (!def || !denSubject) return undefined;
    const den = this.actual(denSubject);
    const num = c.subject.id === '自评项目资金' ? undefined : this.actuals(c.subject)[0];
    const numFig = num?.fig ?? c.numerator;
    if (!den || den.fig.value.isZero() || !numFig) return undefined;
    // The parts of the whole, when every one is known: the largest-remainder shares apply. Parts
    // the text does not name are zero when those it names already make up the whole.
    const known = def.group?.map((id) => {
      const s = this.lex.subject(id);
      return s ? this.actual(s)?.fig : undefined;
    });
    const idx = def.group?.indexOf(c.subject.id) ?? -1;
    const sumKnown = (known ?? []).reduce((t, x) => (x ? t.plus(x.value) : t), ZERO);
    const parts = known && (known.every((x) => x) || sumKnown.eq(den.fig.value)) ? known.map((x) => x ?? { value: ZERO, decimals: 0, blank: true }) : undefined;
    // No table holds this part: its share is of the amount this sentence states, not of the first
    // figure the text gave it (a conflict between the two is the consistency check's to report).
    if (parts && idx >= 0 && !num && c.numerator) parts[idx] = c.numerator;
    let r = parts && idx >= 0 && (num || this.stated.get(c.subject.id, 'actual')) ? checkShare(parts, idx, den.fig, c.stated) : checkRatio(numFig, den.fig, c.stated);
    if (r.verdict !== 'ok' && c.numerator && num) r = best(r, checkRatio(c.numerator, den.fig, c.stated));
    if (r.verdict === 'ok') return undefined;
    const d = c.stated.decimals;
    const numLabel = num ? `${ref(num.where)} ${show(num.fig)}万元` : `所写金额${show(numFig)}万元`;
    return finding(r.verdict, '说明.占比', c.s, num ? mergeWhere(num.where, den.where) : den.where, `${c.subject.name}占比写为${c.stated.value.toFixed(d)}%，按${numLabel} ÷ ${ref(den.where)} ${show(den.fig)}万元 应为${r.expected.toFixed(d)}%`, { value: r.expected, decimals: d }, c.stated, r.by);
  }

  private rate(c: Extract<Claim, { kind: 'rate' }>): Finding | undefined {
    const a = this.actuals(c.subject)[0] ?? (c.statedActual ? { fig: c.statedActual, where: textWhere(c.s), copy: true, stated: true } : this.stated.get(c.subject.id, 'actual'));
    const b = this.budget(c.subject, c.budget) ?? (c.statedBudget ? { fig: c.statedBudget, where: textWhere(c.s), copy: true, stated: true } : undefined);
    if (!a || !b) return undefined;
    const d = c.stated.decimals;
    const w = mergeWhere(a.where, b.where);
    if (roundHalfUp(b.fig.value, 2).isZero()) {
      if (a.fig.value.isZero()) return undefined; // 0 of 0: nothing was budgeted or spent
      return finding('error', '说明.完成率', c.s, w, `${c.subject.name}预算数为0（${ref(b.where)}），完成预算的百分比无从计算，不应写“完成预算的${c.stated.value.toFixed(d)}%”（决算数${show(a.fig)}万元，${ref(a.where)}）`, undefined, c.stated);
    }
    let r = checkRatio(a.fig, b.fig, c.stated);
    if (r.verdict !== 'ok' && c.statedActual && c.statedBudget && !c.statedBudget.value.isZero()) r = best(r, checkRatio(c.statedActual, c.statedBudget, c.stated));
    // No table holds the 决算数 and the text states it twice, differently: a rate that agrees with
    // the other statement is not itself wrong (the consistency check reports the two figures).
    const first = a.stated ? this.stated.get(c.subject.id, 'actual') : undefined;
    if (r.verdict !== 'ok' && first && !first.fig.value.eq(a.fig.value)) r = best(r, checkRatio(first.fig, b.fig, c.stated));
    if (r.verdict === 'ok') return undefined;
    return finding(r.verdict, '说明.完成率', c.s, w, `${c.subject.name}完成预算写为${c.stated.value.toFixed(d)}%，按决算数${show(a.fig)}万元（${ref(a.where)}）÷ 预算数${show(b.fig)}万元（${ref(b.where)}）应为${r.expected.toFixed(d)}%`, { value: r.expected, decimals: d }, c.stated, r.by);
  }

  private current(subject: Subject, statedCurrent: Figure | undefined, s: Claim['s']): Located | undefined {
    return this.looseFigures.get(subject.id) ?? this.actuals(subject)[0] ?? (statedCurrent ? { fig: statedCurrent, where: textWhere(s), copy: true, stated: true } : this.stated.get(subject.id, 'actual'));
  }

  private change(c: Extract<Claim, { kind: 'change' }>): Finding | undefined {
    const a = this.current(c.subject, c.statedCurrent, c.s);
    const base = this.base(c.subject, c.basis, c.statedPrior, c.s);
    if (!a || !base) return undefined;
    const delta = a.fig.value.minus(base.fig.value);
    const stated = c.sign === 0 ? { ...c.stated, value: delta.isNeg() ? c.stated.value.neg() : c.stated.value } : signed(c.stated, c.sign);
    const r = checkSum(stated, [{ figure: a.fig }, { figure: base.fig, sign: -1 }]);
    if (r.verdict === 'ok') return undefined;
    const word = delta.gte(0) ? '增加' : '减少';
    const against = c.basis === 'prior' ? '上年' : budgetWord(c.basis);
    return finding(r.verdict, '说明.增减额', c.s, a.where, `${c.subject.name}较${against}${c.sign > 0 ? '增加' : c.sign < 0 ? '减少' : '相差'}写为${show(c.stated)}万元，按本年${show(a.fig)}万元（${ref(a.where)}）、${against}${show(base.fig)}万元（${ref(base.where)}）应为${word}${fmt(delta.abs(), 2)}万元`, { value: delta, decimals: 2 }, stated);
  }

  private changePct(c: Extract<Claim, { kind: 'changePct' }>): Finding | undefined {
    const a = this.current(c.subject, c.statedCurrent, c.s);
    if (!a) return undefined;
    const d = c.stated.decimals;
    const pctText = `${c.sign > 0 ? '增长' : '下降'}${c.stated.value.toFixed(d)}%`;
    const against = c.basis === 'prior' ? '上年' : budgetWord(c.basis);
    const base = this.base(c.subject, c.basis, c.statedPrior, c.s);
    if (base) {
      if (roundHalfUp(base.fig.value, 2).isZero()) {
        if (c.stated.value.isZero()) return undefined;
        const fix = c.basis === 'prior' ? `上年为0时应写“上年无此项${nounOf(c.subject.name)}”，只说明增加额` : '预算为0时只说明增加额';
        return finding('error', '说明.增减率', c.s, a.where, `${c.subject.name}本年${show(a.fig)}万元（${ref(a.where)}），${against}数为0（${ref(base.where)}），“${pctText}”不是有效的增长率：${fix}`, undefined, c.stated);
      }
      const delta = a.fig.value.minus(base.fig.value);
      const r = checkChangeRate(a.fig, base.fig, c.stated, c.change);
      let verdict = r.verdict;
      const h = intervalOf(a.fig)[1].minus(a.fig.value).plus(intervalOf(base.fig)[1].minus(base.fig.value));
      if (!delta.isZero() && Math.sign(delta.toNumber()) !== c.sign && delta.abs().gt(h)) verdict = 'error';
      if (verdict === 'ok') return undefined;
      return finding(verdict, '说明.增减率', c.s, a.where, `${c.subject.name}写为“${pctText}”，按本年${show(a.fig)}万元（${ref(a.where)}）、${against}${show(base.fig)}万元（${ref(base.where)}）应为${delta.gte(0) ? '增长' : '下降'}${r.expected.toFixed(d)}%`, { value: r.expected, decimals: d }, c.stated, r.by);
    }
    // No base given: the base is what the stated change implies.
    if (!c.change) return undefined;
    const signedChange = c.change.value.mul(c.sign);
    const implied = a.fig.value.minus(signedChange);
    if (implied.isZero()) {
      if (c.stated.value.isZero()) return undefined;
      const fix = c.basis === 'prior' ? `上年为0时应写“上年无此项${nounOf(c.subject.name)}”，只说明增加额` : '预算为0时只说明增加额';
      return finding('error', '说明.增减率', c.s, a.where, `${c.subject.name}增加额${show(c.change)}万元等于本年数${show(a.fig)}万元（${ref(a.where)}），即${against}为0，“${pctText}”不是有效的增长率：${fix}`, undefined, c.stated);
    }
    if (implied.isNeg()) return undefined;
    const impliedRange = subtractIntervals(intervalOf(a.fig), intervalOf({ ...c.change, value: signedChange }));
    if (impliedRange[0].lte(0)) return undefined;
    const r = ratioOfIntervals(c.change.value.abs(), absInterval(intervalOf(c.change)), implied, impliedRange, c.stated);
    if (r.verdict === 'ok') return undefined;
    return finding(r.verdict, '说明.增减率', c.s, a.where, `${c.subject.name}写为“${pctText}”，按本年${show(a.fig)}万元（${ref(a.where)}）与所写增减额${show(c.change)}万元（${against}应为${fmt(implied, 2)}万元）应为${r.expected.toFixed(d)}%`, { value: r.expected, decimals: d }, c.stated, r.by);
  }

  private flat(c: Extract<Claim, { kind: 'flat' }>): Finding | undefined {
    const a = this.current(c.subject, c.statedCurrent, c.s);
    const base = this.base(c.subject, c.basis, c.statedPrior, c.s);
    if (!a || !base) return undefined;
    const v = checkEqual(a.fig, base.fig).verdict;
    if (v === 'ok') return undefined;
    const delta = a.fig.value.minus(base.fig.value);
    const against = c.basis === 'prior' ? '上年' : budgetWord(c.basis);
    return finding(v, '说明.增减额', c.s, mergeWhere(a.where, base.where), `${c.subject.name}写为与${against}持平（无变化），但本年${show(a.fig)}万元（${ref(a.where)}）、${against}${show(base.fig)}万元（${ref(base.where)}），${delta.gte(0) ? '增加' : '减少'}${fmt(delta.abs(), 2)}万元`, base.fig, a.fig);
  }

  private newItem(c: Extract<Claim, { kind: 'new' }>): Finding | undefined {
    const a = this.actual(c.subject);
    if (!a) return undefined;
    const prior = this.prior(c.subject);
    if (prior) {
      if (roundHalfUp(prior.fig.value, 2).isZero()) return undefined;
      return finding('error', '说明.增减额', c.s, a.where, `${c.subject.name}写为上年无此项，但上年为${show(prior.fig)}万元（${ref(prior.where)}）`, prior.fig, { value: ZERO, decimals: 2 });
    }
    if (!c.change) return undefined;
    const j = judgeCopy(c.change, { ...a.fig, value: a.fig.value.abs() });
    if (j.verdict === 'ok') return undefined;
    return finding(j.verdict === 'rounding' ? 'rounding' : 'error', '说明.增减额', c.s, a.where, `${c.subject.name}写为上年无此项，增加额应等于本年数${show(a.fig)}万元（${ref(a.where)}），所写为${show(c.change)}万元`, a.fig, c.change, j.by);
  }

  private compare(c: Extract<Claim, { kind: 'compare' }>): Finding | undefined {
    const a = this.actual(c.subject);
    const b = this.budget(c.subject, c.budget) ?? this.stated.get(c.subject.id, 'budget', c.budget);
    if (!a || !b) return undefined;
    const cmp = a.fig.value.comparedTo(b.fig.value);
    const eq = checkEqual(a.fig, b.fig).verdict;
    let verdict: Verdict;
    if (cmp === 0) verdict = c.orEqual ? 'ok' : 'error';
    else if ((cmp > 0) === (c.rel === 'gt')) verdict = 'ok';
    else verdict = eq === 'error' ? 'error' : 'rounding';
    if (verdict === 'ok') return undefined;
    const relText = cmp === 0 ? '等于' : cmp > 0 ? '大于' : '小于';
    return finding(verdict, '说明.预算比较', c.s, mergeWhere(a.where, b.where), `${c.subject.name}写为“${c.word}”，但决算数${show(a.fig)}万元（${ref(a.where)}）${relText}预算数${show(b.fig)}万元（${ref(b.where)}）`, b.fig, a.fig);
  }

  private none(c: Extract<Claim, { kind: 'none' }>): Finding | undefined {
    const f = this.lex.f;
    if (!f || !f.has(c.table) || f.allZero(c.table)) return undefined;
    const total = f.spec(c.table === '决算07' ? '政府性基金本年支出' : '国有资本经营支出');
    const at = total ? this.at(total) : undefined;
    const w = at?.where ?? { label: c.table, sheet: this.lex.tables?.get(c.table)?.sheet ?? '', cells: [] };
    return finding('error', '说明.无此项', c.s, w, `写为“${c.word}”，但${ref(w)}有数${at ? `（${show(at.fig)}万元）` : ''}`, at?.fig, { value: ZERO, decimals: 2 });
  }
}

function opt(f: Finding | undefined): Finding[] {
  return f ? [f] : [];
}

function best<T extends { verdict: Verdict }>(a: T, b: T): T {
  const rank: Record<Verdict, number> = { ok: 0, rounding: 1, error: 2 };
  return rank[b.verdict] < rank[a.verdict] ? b : a;
}

function fromSum(v: Verdict): Judgement {
  return { verdict: v, by: v === 'ok' ? 'exact' : v === 'rounding' ? 'interval' : 'none', expected: ZERO };
}

function countFigure(n: number | undefined): Figure | undefined {
  return n === undefined ? undefined : { value: new Decimal(n), decimals: 0 };
}

function countJudgement(stated: Figure, ref: Figure): Judgement {
  const ok = stated.value.eq(ref.value);
  return { verdict: ok ? 'ok' : 'error', by: (ok ? 'exact' : 'none') as Explanation, expected: ref.value };
}

function diff(a: Figure, b: Figure): string {
  return a.value.minus(b.value).abs().toString();
}

function budgetWord(kind: BudgetKind | undefined): string {
  return kind === 'initial' ? '年初预算' : kind === 'full' ? '全年预算' : '预算数';
}

/** 收入 / 支出 / 收支: the noun of “上年无此项…” for a subject. */
function nounOf(name: string): string {
  if (/收、?支|收入支出/.test(name)) return '收支';
  return /收入/.test(name) ? '收入' : '支出';
}
