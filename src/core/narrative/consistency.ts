/**
 * What a 说明 must hold with itself, whatever the tables say: the same quantity stated twice
 * with different values (错误, even when each alone is within rounding of the table); totals it
 * states against the parts it lists; the two 总计 that balance; and, when all spending is
 * 一般公共预算财政拨款, the 基本支出 / 项目支出 of section 三 against those of section 五.
 * With tables, a relation whose every figure has its own cell is left to the per-figure judge
 * (one cause, one finding).
 */
import { Finding } from '../findings';
import { Figure } from '../money';
import { checkEqual, checkSum, judgeCopy } from '../reconcile';
import { Claim } from './claims';
import { finding, show, textWhere } from './format';
import { Judge, Stated } from './judge';
import { Lexicon } from './subjects';
import { EQUAL_RELATIONS, SCOPE_EQUAL, SUM_RELATIONS } from './vocabulary';

type AmountClaim = Extract<Claim, { kind: 'amount' }>;

export function consistency(claims: readonly Claim[], judge: Judge, lex: Lexicon, reported: ReadonlySet<Claim>): Finding[] {
  const amounts = claims.filter((c): c is AmountClaim => c.kind === 'amount');
  return [...repeated(amounts, reported), ...relations(amounts, judge, lex, reported)];
}

/** The same quantity (subject, measure, budget kind) stated twice with values that disagree. */
function repeated(amounts: readonly AmountClaim[], reported: ReadonlySet<Claim>): Finding[] {
  const first = new Map<string, AmountClaim>();
  const out: Finding[] = [];
  for (const c of amounts) {
    const k = Stated.key(c.subject.id, c.measure, c.budget);
    const f = first.get(k);
    if (!f) {
      first.set(k, c);
      continue;
    }
    if (reported.has(c) || reported.has(f)) continue;
    // The less precise statement is judged as a copy of the more precise one.
    const [rough, fine] = c.stated.decimals <= f.stated.decimals ? [c.stated, f.stated] : [f.stated, c.stated];
    const j = judgeCopy(rough, fine);
    if (j.verdict === 'ok') continue;
    const what = c.measure === 'budget' ? '预算数' : c.measure === 'prior' ? '上年数' : '';
    out.push(finding(j.verdict, '说明.前后不一', c.s, textWhere(f.s), `${c.subject.name}${what}写为${show(c.stated)}，而说明第${f.s.line}行写为${show(f.stated)}：同一数字前后不一致`, f.stated, c.stated, j.by));
  }
  return out;
}

/** Sums, balancing totals and equal scopes among the figures the text states. */
function relations(amounts: readonly AmountClaim[], judge: Judge, lex: Lexicon, reported: ReadonlySet<Claim>): Finding[] {
  const stated = new Map<string, AmountClaim>();
  for (const c of amounts) if (c.measure === 'actual' && !stated.has(c.subject.id)) stated.set(c.subject.id, c);
  /** The figure of a member: stated by the text, else its table cell or parameter. */
  const value = (id: string): { fig: Figure; c?: AmountClaim } | undefined => {
    const c = stated.get(id);
    if (c) return { fig: c.stated, c };
    const s = lex.subject(id);
    const a = s ? judge.actuals(s)[0] : undefined;
    return a ? { fig: a.fig } : undefined;
  };
  /** With tables, a relation of figures that all have a cell is the per-figure judge's. */
  const allInTables = (ids: readonly string[]): boolean =>
    ids.every((id) => {
      const s = lex.subject(id);
      return !!s && judge.actuals(s).length > 0;
    });
  const out: Finding[] = [];
  /** Figures a failed sum already points at: not reported again by the scope rule. */
  const inFailedSum = new Set<string>();
  for (const rel of SUM_RELATIONS) {
    const ids = [rel.total, ...rel.parts];
    if (allInTables(ids)) continue;
    const total = value(rel.total);
    const parts = rel.parts.map(value);
    const statedHere = [total, ...parts].filter((x) => x?.c).map((x) => x!.c!);
    // A figure already reported against its table is the one cause: not reported again as a sum.
    if (!total || statedHere.length < 2 || statedHere.some((c) => reported.has(c))) continue;
    const known = parts.filter((x): x is { fig: Figure; c?: AmountClaim } => !!x);
    const r = checkSum(total.fig, known.map((x) => x.fig));
    const complete = known.length === parts.length;
    // With parts missing, only a sum beyond the total is wrong (parts are not negative).
    if (r.verdict === 'ok' || (!complete && r.diff.gte(0))) continue;
    if (!complete && r.verdict === 'rounding') continue;
    for (const id of ids) inFailedSum.add(id);
    const last = statedHere.reduce((a, b) => (b.s.line > a.s.line ? b : a));
    const names = rel.parts.map((id, i) => (parts[i] ? `${lex.subject(id)?.name ?? id}${show(parts[i]!.fig)}` : '')).filter((x) => x);
    const head = total.c ? `说明第${total.c.s.line}行` : '表格';
    out.push(
      finding(r.verdict, '说明.合计', last.s, textWhere(last.s), `${lex.subject(rel.total)?.name ?? rel.total}写为${show(total.fig)}万元（${head}），而${complete ? '' : '已写出的'}各项${names.join('、')}之和为${r.expected.toFixed(2)}万元，相差${r.diff.abs().toString()}万元`, { value: r.expected, decimals: 2 }, total.fig),
    );
  }
  for (const [a, b] of EQUAL_RELATIONS) {
    if (allInTables([a, b])) continue;
    const x = stated.get(a);
    const y = stated.get(b);
    if (!x || !y) continue;
    const v = checkEqual(x.stated, y.stated).verdict;
    if (v === 'ok') continue;
    out.push(finding(v, '说明.总计平衡', y.s, textWhere(x.s), `${y.subject.name}${show(y.stated)}万元与${x.subject.name}${show(x.stated)}万元（说明第${x.s.line}行）应相等`, x.stated, y.stated));
  }
  for (const rule of SCOPE_EQUAL) {
    const [w1, w2] = rule.when.map((id) => stated.get(id));
    if (!w1 || !w2 || judgeCopy(w1.stated, w2.stated).verdict !== 'ok') continue;
    for (const [a, b] of rule.same) {
      if (allInTables([a, b]) || inFailedSum.has(a) || inFailedSum.has(b)) continue;
      const x = stated.get(a);
      const y = stated.get(b);
      if (!x || !y) continue;
      const v = checkEqual(x.stated, y.stated).verdict;
      if (v === 'ok') continue;
      out.push(
        finding(v, '说明.口径一致', y.s, textWhere(x.s), `本年支出全部为一般公共预算财政拨款（说明第${w1.s.line}、${w2.s.line}行），${y.subject.name}${show(y.stated)}万元应等于第${x.s.line}行的${x.subject.name}${show(x.stated)}万元`, x.stated, y.stated),
      );
    }
  }
  return out;
}
