/**
 * Reads the sentences of a 说明 into claims: “this subject is X万元”, “its share is x%”, “it
 * completed y% of its budget”, “it changed by z against last year (or against its budget)”,
 * “it was flat”, “there was none”. A scanner finds events in a sentence — a subject, a figure and
 * the words that give it meaning (占, 完成…预算的, 年初/全年预算为, 上年, 增加/减少, 持平, a year) —
 * and a small interpreter turns them into claims. Shapes that are wrong whatever the tables say
 * (a percentage without %, 增加 … 下降, a wrong year) become notices.
 *
 * Figures in 元 are read in 万元 (the tables' unit) with their precision.
 */
import { Severity } from '../findings';
import { Figure, ZERO, parseAmountText, yuanToWan } from '../money';
import { show } from './format';
import { Lexicon, Subject } from './subjects';
import { Sentence } from './text';
import { BudgetKind, CHECKED_SECTIONS, ITEM_TABLES, NUM, WORDS, budgetKindOf, directionOf } from './vocabulary';

/** What a change or a flat statement compares with: last year, or a budget. */
export type Basis = 'prior' | BudgetKind;
export type Measure = 'actual' | 'prior' | 'budget';

export type Claim =
  | { kind: 'amount'; s: Sentence; subject: Subject; stated: Figure; measure: Measure; budget?: BudgetKind }
  | { kind: 'share'; s: Sentence; subject: Subject; stated: Figure; phrase: string; numerator?: Figure }
  | { kind: 'rate'; s: Sentence; subject: Subject; stated: Figure; budget: BudgetKind; statedBudget?: Figure; statedActual?: Figure }
  | { kind: 'change'; s: Sentence; subject: Subject; stated: Figure; sign: 1 | -1 | 0; basis: Basis; statedPrior?: Figure; statedCurrent?: Figure }
  | { kind: 'changePct'; s: Sentence; subject: Subject; stated: Figure; sign: 1 | -1; basis: Basis; change?: Figure; statedPrior?: Figure; statedCurrent?: Figure }
  | { kind: 'flat'; s: Sentence; subject: Subject; basis: Basis; statedPrior?: Figure; statedCurrent?: Figure }
  | { kind: 'new'; s: Sentence; subject: Subject; change?: Figure }
  | { kind: 'compare'; s: Sentence; subject: Subject; rel: 'gt' | 'lt'; orEqual: boolean; word: string; budget: BudgetKind }
  | { kind: 'none'; s: Sentence; table: string; word: string }
  | { kind: 'item'; s: Sentence; text: string; resolved: boolean }
  | { kind: 'notice'; s: Sentence; severity: Severity; rule: string; message: string };

export type NarrativeClaim = Claim;

/** Figures found in one sentence and how many of them a claim used. */
export interface SentenceFigures {
  s: Sentence;
  figures: number;
  used: number;
}

export interface Extraction {
  claims: Claim[];
  figures: SentenceFigures[];
}

type EventType =
  | 'item'
  | 'none'
  | 'pctEmpty'
  | 'share'
  | 'rate'
  | 'compare'
  | 'ctxBudget'
  | 'priorFig'
  | 'ctx'
  | 'new'
  | 'noBudget'
  | 'budget'
  | 'actual'
  | 'priorAmt'
  | 'chgTo'
  | 'chgAmt'
  | 'diff'
  | 'chgPct'
  | 'flat'
  | 'year'
  | 'subject'
  | 'pair'
  | 'pctPair'
  | 'amount'
  | 'count'
  | 'percent'
  | 'bare'
  | 'open'
  | 'close';

interface Ev {
  type: EventType;
  start: number;
  end: number;
  m: RegExpExecArray;
  pri: number;
}

const INC = WORDS.increase;
const DEC = WORDS.decrease;
const CHG = `${INC}|${DEC}`;
const UNIT = '(万元|元)';
const YEAR = '\\d{4}年度?';

/** Event patterns in priority order ('subject' is inserted per section before 'pair'). */
const EVENT_RES: [EventType, RegExp][] = [
  ['item', /([^,;:。]{1,30}?)\(类\)(.{1,40}?)\(款\)(.{1,40}?)\(项\)/g],
  ['none', /(?:无|没有)(政府性基金|国有资本经营)预算(?:财政)?拨款(?:安排的)?(?:收入支出|收支|收入|支出)|(?:本|此|该)表(?:无数据|为空表?|数据为空)|故本表为空|(?:为|是)空表/g],
  ['pctEmpty', /占[^。;,\d%【】]{1,20}?%/g],
  ['share', new RegExp(`(?:占比|占|比重)([^\\d,;:。%]{0,30}?)(?:比重|比例)?(?:为|是|达)?(?=_?${NUM})`, 'g')],
  ['rate', new RegExp(`完成(?:了)?(年初|全年|调整后?)?预算(?:数)?(?:(${NUM})${UNIT})?的?(?=_?${NUM})|(?:预算)?执行率(?:为|达|是)?(?=_?${NUM})`, 'g')],
  // A template left as written, 小于预算数（或与预算数持平）, allows equality.
  ['compare', /(大于|高于|超过|多于|超出|小于|低于|少于)(年初|全年|调整后?)?预算数?(\(?或(?:与|等于)?(?:年初|全年)?(?:预算数?)?(?:持平|相等)\)?)?/g],
  ['ctxBudget', new RegExp(`(?:与|和|比|较|同)(?:${YEAR})?(?:的)?(年初|全年|调整后?)?预算(?:数)?(?:相比|比较)?`, 'g')],
  ['priorFig', new RegExp(`(?:较|比|与)(?:${WORDS.prior}|${YEAR})(?:决算数?)?(?:的)?(${NUM})${UNIT}?(?=[,]?(?:${CHG}|${WORDS.flat}))`, 'g')],
  ['ctx', new RegExp(`(?:与|较|比|同)(?:${WORDS.prior}|${YEAR})(?:同期)?(?:决算数?)?(?:相比|比较)?|同比|本年度?(?=${CHG})`, 'g')],
  ['new', new RegExp(`(?:${WORDS.prior}|${YEAR})(?:无此项|无该项|无此类|没有此项|未发生此项)|无可比性`, 'g')],
  // 年初未安排预算: a budget of zero, stated in words.
  ['noBudget', /(年初|全年)?未安排(?:预算)?(?!.{0,4}(?:出国|团组))/g],
  ['budget', new RegExp(`(年初|全年|调整后?)?预算(?:数)?(?:为|是|安排)?(?=_?${NUM}${UNIT})`, 'g')],
  ['actual', new RegExp(`(?:支出决算数?|决算数|决算支出数?|实际支出|执行数|决算)(?:为|是|达)?(?=${NUM}${UNIT})`, 'g')],
  ['priorAmt', new RegExp(`(?:${WORDS.prior})(?:决算数?|支出|同期)?(?:为|是)?(?=${NUM}${UNIT})`, 'g')],
  ['chgTo', new RegExp(`(${CHG})(?:至|到|为)(?=${NUM}${UNIT}?)`, 'g')],
  ['chgAmt', new RegExp(`(${CHG})了?(?=${NUM}${UNIT})`, 'g')],
  ['diff', new RegExp(`差(?:值|额)(?:为|是)?(?=${NUM}${UNIT})`, 'g')],
  ['chgPct', new RegExp(`(${CHG})(?:了|率为|幅度为)?(?=_?${NUM})`, 'g')],
  ['flat', new RegExp(WORDS.flat, 'g')],
  ['year', /(\d{4})年(?:度)?(?![\d月])/g],
  // 各是 X、Y万元 / 各减少 X、Y万元 / 各下降 x%、y%: one figure for each of a pair (收、支总计).
  ['pair', new RegExp(`(?<=(?:各|均)(?:是|为|${CHG})?了?)(${NUM})[,、](${NUM})${UNIT}`, 'g')],
  ['pctPair', new RegExp(`(?<=(?:各|均)(?:${CHG})了?)_?(${NUM})%?[,、]_?(${NUM})%`, 'g')],
  ['amount', new RegExp(`(?<![\\d.])(${NUM})${UNIT}(?!以上|以下)`, 'g')],
  ['count', new RegExp(`(?<![\\d.])(${NUM})(?:个|辆|人次|台\\(套\\)|台套|台|套|批次|批|次|人)`, 'g')],
  ['percent', new RegExp(`(?<![\\d.])_?(${NUM})%`, 'g')],
  ['open', /\((?!类\)|款\)|项\)|境\)|含专用结余\))/g],
  ['close', /(?<!\((?:类|款|项|境|含专用结余))\)/g],
  ['bare', new RegExp(`(?<![\\d.])_?(${NUM})(?![\\d.%万元年月日个辆人次台套项批号部期])`, 'g')],
];
const SUBJECT_PRI = EVENT_RES.findIndex(([t]) => t === 'pair');

/** Words allowed between a subject and its amount: 一般公共服务支出类支出 170.51万元, 收、支总计均为… */
const AMOUNT_GAP = /^(?:\((?:类|款|项)\)|类)?(?:支出)?(?:决算数?)?(?:合计|总额|共计|总计)?(?:均|各|共)?(?:为|是|达|:)?$/;
/** A leading ordinal: 1. / (1) / (一). */
const LEAD = /^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\))/;

function parseFigure(num: string, unit?: string): Figure | undefined {
  const p = parseAmountText(num.replace(/^_/, '').replace('−', '-'));
  const f = p.kind === 'amount' ? p.figure : p.kind === 'blank' ? { value: ZERO, decimals: 0, blank: true } : undefined;
  if (!f) return undefined;
  return unit === '元' ? yuanToWan(f) : f;
}

/** The events of one sentence, leftmost first, overlaps resolved by priority then length. */
function events(norm: string, subjectRe: RegExp | undefined, itemsHere: boolean): Ev[] {
  const res: [EventType, RegExp][] = [...EVENT_RES.slice(0, SUBJECT_PRI), ...(subjectRe ? ([['subject', subjectRe]] as [EventType, RegExp][]) : []), ...EVENT_RES.slice(SUBJECT_PRI)];
  const all: Ev[] = [];
  res.forEach(([type, re], pri) => {
    // A 项 written …（类）…（款）…（项） is read only where 项 are listed (五, and 七 / 八 for the funds' tables).
    if (type === 'item' && !itemsHere) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(norm))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ type, start: m.index, end: m.index + m[0].length, m, pri });
    }
  });
  all.sort((a, b) => a.start - b.start || a.pri - b.pri || b.end - a.end);
  const kept: Ev[] = [];
  let until = -1;
  for (const e of all) {
    if (e.start < until) continue;
    kept.push(e);
    until = e.end;
  }
  return kept;
}

const FIGURE_RE = new RegExp(`(?<![\\d.])_?${NUM}(?:万元|元|%)`, 'g');

/** What a paragraph has stated of each subject: budgets by kind and the actual (for 完成率). */
type Stated = Map<string, { budget: Partial<Record<BudgetKind, Figure>>; actual?: Figure; prior?: Figure }>;

/** Reads the claims of every sentence of the checked sections. */
export function extractClaims(sentences: readonly Sentence[], lex: Lexicon, reportYear?: number): Extraction {
  const claims: Claim[] = [];
  const figures: SentenceFigures[] = [];
  let block = -1;
  let paragraph = -1;
  let subject: Subject | undefined;
  let stated: Stated = new Map();
  let ctx: Basis | undefined;
  let main: Subject | undefined;
  for (const s of sentences) {
    if (s.block !== block) {
      block = s.block;
      subject = undefined;
      main = undefined;
    }
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      stated = new Map();
      ctx = undefined;
    }
    if (!CHECKED_SECTIONS.includes(s.section)) {
      // A section this checker does not read: its figures are listed, not silently dropped.
      const n = s.section === '名词解释' || s.row ? 0 : (s.norm.match(FIGURE_RE) ?? []).length;
      if (n) figures.push({ s, figures: n, used: 0 });
      continue;
    }
    // “其中：…减少0.29万元” continues the comparison of the sentence before it.
    const r = new SentenceReader(s, lex, subject, stated, reportYear, /^其中/.test(s.norm) ? ctx : undefined, main);
    r.read();
    ctx = r.context;
    main = r.mainSubject;
    claims.push(...r.claims);
    // A table row in the text (the 三公 table of a generated 说明) is not a sentence to place.
    if (!s.row) figures.push({ s, figures: r.figureCount, used: r.used.size });
    subject = r.subject;
  }
  return { claims, figures };
}

class SentenceReader {
  readonly claims: Claim[] = [];
  figureCount = 0;
  /** Start offsets of the figure events a claim used. */
  readonly used = new Set<number>();
  private yearQual: 'current' | 'prior' | { wrong: number } | undefined;
  private lastAmount: { subject: Subject; stated: Figure } | undefined;
  private lastAny: Figure | undefined;
  private lastChange: { subject: Subject; stated: Figure; sign: 1 | -1 | 0; basis: Basis; to?: boolean } | undefined;
  private priorInline: Figure | undefined;
  /** The changes of a pair (各减少 X、Y万元), for the rates that follow (各下降 x%、y%). */
  private pairChanges: (Figure | undefined)[] = [];
  /** 决算数大于预算数55.93万元: the amount after a comparison is a change against the budget. */
  private compareRel: { sign: 1 | -1; budget: BudgetKind } | undefined;
  /** The last subject that is not an economic class (what an economic class is part of). */
  private main: Subject | undefined;
  /** Subject before a parenthesis: “公务用车费500万元（购置费100万元，运行费400万元），比上年…” */
  private beforeParen: Subject | undefined;
  /**
   * A 项 whose use is being described (…（项），主要用于扬尘污染防治监管等项目支出，年初预算为…):
   * subject words after 用于 name what the money was spent on, not a new subject; the 项 is the
   * subject again from the next clause (and in the next sentence).
   */
  private describedItem: Subject | undefined;

  constructor(
    readonly s: Sentence,
    readonly lex: Lexicon,
    public subject: Subject | undefined,
    readonly stated: Stated,
    readonly reportYear: number | undefined,
    private ctx: Basis | undefined,
    main: Subject | undefined,
  ) {
    this.main = main;
  }

  get mainSubject(): Subject | undefined {
    return this.main;
  }

  /** The comparison in force at the end of the sentence. */
  get context(): Basis | undefined {
    return this.ctx;
  }

  private st(subj: Subject): { budget: Partial<Record<BudgetKind, Figure>>; actual?: Figure; prior?: Figure } {
    let v = this.stated.get(subj.id);
    if (!v) this.stated.set(subj.id, (v = { budget: {} }));
    return v;
  }

  private push(c: Claim, ...figureStarts: number[]): void {
    this.claims.push(c);
    for (const f of figureStarts) this.used.add(f);
  }

  private notice(severity: Severity, rule: string, message: string): void {
    this.claims.push({ kind: 'notice', s: this.s, severity, rule, message });
  }

  private member(i: 0 | 1): Subject | undefined {
    const pair = this.subject?.pair;
    return pair ? this.lex.subject(pair[i]) : undefined;
  }

  private norm = '';

  read(): void {
    const norm = (this.norm = this.s.norm.replace(LEAD, ''));
    const lex = this.lex.section(this.s.section);
    // 七 / 八 only with tables: without them a 项 there resolves to nothing and would only take
    // the figures that follow away from the section's own subjects.
    const items = this.s.section === '五' || (!!this.lex.f && this.s.section in ITEM_TABLES);
    const evs = events(norm, lex.re, items);
    let prev: Ev | undefined;
    for (const e of evs) {
      const gap = prev ? norm.slice(prev.end, e.start) : norm.slice(0, e.start);
      if (this.describedItem && /[,;]/.test(gap)) {
        this.subject = this.describedItem;
        this.describedItem = undefined;
      }
      if (e.type === 'amount' || e.type === 'percent' || e.type === 'pair' || e.type === 'pctPair') this.figureCount += e.type === 'pair' || e.type === 'pctPair' ? 2 : 1;
      this.event(e, prev, gap, lex.byTerm);
      prev = e;
    }
    if (this.describedItem) this.subject = this.describedItem;
    this.finish();
  }

  private event(e: Ev, prev: Ev | undefined, gap: string, byTerm: Map<string, Subject>): void {
    const s = this.s;
    switch (e.type) {
      case 'subject': {
        const item = this.describedItem ?? (this.subject?.id.startsWith('项:') ? this.subject : undefined);
        if (item && this.norm.lastIndexOf('用于', e.start) >= 0) {
          // What the 项 was used for (…等项目支出, 基本工资、津贴补贴…): a detail no table splits.
          this.describedItem = item;
          this.subject = undefined;
          return;
        }
        // “其他商品和服务支出” is not “商品和服务支出”.
        if (e.start >= 2 && this.norm.slice(e.start - 2, e.start) === '其他') {
          this.subject = undefined;
          return;
        }
        const subj = byTerm.get(e.m[0]);
        const main = this.subject?.id.includes('@') ? this.main : this.subject;
        if (!subj?.within) {
          this.subject = this.main = subj;
          return;
        }
        // An economic class is a part of the 基本支出 or 项目支出 the text was about; inside a 类's
        // description (主要用于基本工资…) it is a detail no table splits, and ends the subject.
        this.main = main;
        this.subject = main?.id === '一般公共预算项目支出' ? subj.within.一般公共预算项目支出 : main?.id === '一般公共预算基本支出' ? subj.within.一般公共预算基本支出 : undefined;
        return;
      }
      case 'item': {
        const it = this.lex.item(e.m[1], e.m[2], e.m[3], this.s.section);
        this.subject = it;
        this.describedItem = undefined;
        this.push({ kind: 'item', s, text: e.m[0], resolved: it.specs.length > 0 || !it.id.startsWith('项:?') });
        return;
      }
      case 'ctx':
        this.ctx = 'prior';
        return;
      case 'ctxBudget':
        this.ctx = budgetKindOf(e.m[1]);
        return;
      case 'priorFig': {
        this.ctx = 'prior';
        this.priorInline = parseFigure(e.m[1], e.m[2]);
        if (this.priorInline && this.subject) {
          this.push({ kind: 'amount', s, subject: this.subject, stated: this.priorInline, measure: 'prior' });
          this.st(this.subject).prior = this.priorInline;
        }
        return;
      }
      case 'year':
        this.year(Number(e.m[1]));
        return;
      case 'open':
        this.beforeParen = this.subject;
        return;
      case 'close':
        // What a parenthesis names (its 其中 parts) does not become the sentence's subject.
        if (this.beforeParen) this.subject = this.beforeParen;
        this.beforeParen = undefined;
        return;
      case 'pctEmpty':
        this.notice('warning', '说明.缺少数字', `“${e.m[0]}”：百分号前没有数字，占比漏填`);
        return;
      case 'amount':
      case 'count':
        return this.amount(e, prev, gap);
      case 'pair':
        return this.pair(e, prev, gap);
      case 'bare':
        // 减少为0，与上年持平: a figure without its unit after 增加至 / 减少为.
        if (prev?.type === 'chgTo' && gap === '') return this.amount(e, prev, gap);
        return this.percent(e, prev, gap);
      case 'percent':
      case 'pctPair':
        return this.percent(e, prev, gap);
      case 'flat':
        if (this.ctx && this.subject) this.flatAfterChange(this.subject, this.ctx);
        if (this.ctx && this.subject) this.push({ kind: 'flat', s, subject: this.subject, basis: this.ctx, statedPrior: this.priorInline, statedCurrent: this.st(this.subject).actual });
        return;
      case 'new':
        if (this.subject) this.push({ kind: 'new', s, subject: this.subject, change: this.lastChange?.subject.id === this.subject.id ? this.lastChange.stated : undefined });
        return;
      case 'compare':
        if (this.subject) {
          const rel = /大于|高于|超过|多于|超出/.test(e.m[1]) ? 'gt' : 'lt';
          this.push({ kind: 'compare', s, subject: this.subject, rel, orEqual: !!e.m[3], word: e.m[0], budget: budgetKindOf(e.m[2]) });
          this.compareRel = { sign: rel === 'gt' ? 1 : -1, budget: budgetKindOf(e.m[2]) };
        }
        return;
      case 'none':
        return this.none(e);
      case 'noBudget':
        if (this.subject && e.m[1]) {
          const kind = budgetKindOf(e.m[1]);
          const zero = { value: ZERO, decimals: 2 };
          this.push({ kind: 'amount', s, subject: this.subject, stated: zero, measure: 'budget', budget: kind });
          this.st(this.subject).budget[kind] = zero;
        }
        return;
      default:
        return;
    }
  }

  private year(y: number): void {
    const r = this.reportYear;
    if (r === undefined) return;
    this.yearQual = y === r ? 'current' : y === r - 1 ? 'prior' : { wrong: y };
  }

  private amount(e: Ev, prev: Ev | undefined, gap: string): void {
    const s = this.s;
    const fig = parseFigure(e.m[1], e.type === 'amount' ? e.m[2] : undefined);
    if (e.type === 'bare') this.figureCount++;
    if (!fig || !prev) return;
    if (e.type === 'amount') this.lastAny = fig;
    const subj = this.subject;
    if ((prev.type === 'subject' || prev.type === 'item') && AMOUNT_GAP.test(gap)) {
      if (!subj || !!subj.count !== (e.type === 'count')) return;
      const measure: Measure = this.yearQual === 'prior' ? 'prior' : 'actual';
      this.push({ kind: 'amount', s, subject: subj, stated: fig, measure }, e.start);
      if (measure === 'actual') {
        this.lastAmount = { subject: subj, stated: fig };
        this.st(subj).actual ??= fig;
      } else this.st(subj).prior ??= fig;
      return;
    }
    if (gap !== '' || !subj || e.type === 'count' || (e.type === 'bare' && prev.type !== 'chgTo')) return;
    switch (prev.type) {
      case 'budget': {
        const kind = budgetKindOf(prev.m[1]);
        this.push({ kind: 'amount', s, subject: subj, stated: fig, measure: 'budget', budget: kind }, e.start);
        this.st(subj).budget[kind] = fig;
        return;
      }
      case 'actual':
      case 'chgTo':
        this.push({ kind: 'amount', s, subject: subj, stated: fig, measure: 'actual' }, e.start);
        this.lastAmount = { subject: subj, stated: fig };
        this.st(subj).actual = fig;
        if (prev.type === 'chgTo') this.lastChange = { subject: subj, stated: fig, sign: directionOf(prev.m[1]), basis: this.ctx ?? 'prior', to: true };
        return;
      case 'compare': {
        const rel = this.compareRel;
        if (!rel) return;
        this.push({ kind: 'change', s, subject: subj, stated: fig, sign: rel.sign, basis: rel.budget, statedCurrent: this.st(subj).actual }, e.start);
        return;
      }
      case 'priorAmt':
        this.push({ kind: 'amount', s, subject: subj, stated: fig, measure: 'prior' }, e.start);
        this.st(subj).prior = fig;
        this.priorInline = fig;
        return;
      case 'chgAmt':
      case 'diff': {
        if (!this.ctx && prev.type === 'chgAmt') return;
        const sign = prev.type === 'diff' ? 0 : directionOf(prev.m[1]);
        const basis: Basis = prev.type === 'diff' ? this.ctx ?? 'any' : this.ctx!;
        this.push({ kind: 'change', s, subject: subj, stated: fig, sign, basis, statedPrior: basis === 'prior' ? this.priorInline ?? this.st(subj).prior : undefined, statedCurrent: this.st(subj).actual }, e.start);
        this.lastChange = { subject: subj, stated: fig, sign, basis };
        return;
      }
      default:
        return;
    }
  }

  /** 收、支总计各是 X、Y万元 / 各减少 X、Y万元: one figure for each of a pair. */
  private pair(e: Ev, prev: Ev | undefined, gap: string): void {
    const a = this.member(0);
    const b = this.member(1);
    if (!a || !b || !prev) return;
    const figs = [parseFigure(e.m[1], e.m[3]), parseFigure(e.m[2], e.m[3])];
    const subjects = [a, b];
    const pairSubject = this.subject!;
    subjects.forEach((subj, i) => {
      const fig = figs[i];
      if (!fig) return;
      if (prev.type === 'subject' && AMOUNT_GAP.test(gap)) {
        this.push({ kind: 'amount', s: this.s, subject: subj, stated: fig, measure: 'actual' }, e.start);
        this.st(subj).actual ??= fig;
      } else if ((prev.type === 'chgAmt' || prev.type === 'chgPct') && gap === '' && this.ctx) {
        const sign = directionOf(prev.m[1]);
        this.push({ kind: 'change', s: this.s, subject: subj, stated: fig, sign, basis: this.ctx, statedCurrent: this.st(subj).actual }, e.start);
        this.pairChanges[i] = fig;
      }
    });
    this.subject = pairSubject;
  }

  private percent(e: Ev, prev: Ev | undefined, gap: string): void {
    if (!prev) return;
    const s = this.s;
    const withSign = e.type !== 'bare';
    // A bare number only counts right after the words of a percentage (a percentage without %).
    if (!withSign && !(gap === '' && (prev.type === 'share' || prev.type === 'rate' || prev.type === 'chgPct'))) return;
    if (e.type === 'pctPair') return this.percentPair(e, prev, gap);
    const fig = parseFigure(e.m[1]);
    if (!fig) return;
    if (!withSign) {
      this.figureCount++;
      this.notice('warning', '说明.百分号', `“${prev.m[0]}${e.m[1]}”缺少百分号“%”，按${e.m[1]}%核对`);
    }
    const subj = this.subject;
    if (gap !== '') return;
    if (prev.type === 'share') {
      if (subj?.id === '自评项目资金' && this.lastAny) {
        this.push({ kind: 'share', s, subject: subj, stated: fig, phrase: phraseOf(prev.m[1]), numerator: this.lastAny }, e.start);
      } else if (this.lastAmount) {
        this.push({ kind: 'share', s, subject: this.lastAmount.subject, stated: fig, phrase: phraseOf(prev.m[1]), numerator: this.lastAmount.stated }, e.start);
      }
    } else if (prev.type === 'rate' && subj) {
      const kind = budgetKindOf(prev.m[1]);
      const inline = prev.m[2] ? parseFigure(prev.m[2], prev.m[3]) : undefined;
      const b = this.st(subj).budget;
      // A 年初 rate is not judged against a 全年 budget, nor the reverse (different figures).
      const statedBudget = inline ?? (kind === 'any' ? b.any ?? b.full ?? b.initial : b[kind] ?? b.any);
      this.push({ kind: 'rate', s, subject: subj, stated: fig, budget: kind, statedBudget, statedActual: this.st(subj).actual }, e.start);
    } else if (prev.type === 'chgPct' && this.ctx && subj) {
      const sign = directionOf(prev.m[1]);
      const ch = this.lastChange && this.lastChange.subject.id === subj.id ? this.lastChange : undefined;
      this.push({ kind: 'changePct', s, subject: subj, stated: fig, sign, basis: this.ctx, change: ch?.stated, statedPrior: this.priorInline ?? this.st(subj).prior, statedCurrent: this.st(subj).actual }, e.start);
      if (ch && ch.sign !== 0 && ch.sign !== sign && ch.basis === this.ctx) {
        this.notice('error', '说明.增减方向', `增减方向前后矛盾：先写“${ch.sign > 0 ? '增加' : '减少'}${show(ch.stated)}”，又写“${prev.m[1]}${e.m[1]}%”`);
      }
    }
  }

  private percentPair(e: Ev, prev: Ev, gap: string): void {
    if (gap !== '' || prev.type !== 'chgPct' || !this.ctx || !this.subject?.pair) return;
    const sign = directionOf(prev.m[1]);
    [0, 1].forEach((i) => {
      const subj = this.member(i as 0 | 1);
      const fig = parseFigure(e.m[i + 1]);
      if (subj && fig) this.push({ kind: 'changePct', s: this.s, subject: subj, stated: fig, sign, basis: this.ctx!, change: this.pairChanges[i], statedCurrent: this.st(subj).actual }, e.start);
    });
  }

  private none(e: Ev): void {
    const which = e.m[1] ?? (this.s.section === '七' ? '政府性基金' : this.s.section === '八' ? '国有资本经营' : undefined);
    if (!which) return;
    this.push({ kind: 'none', s: this.s, table: which === '政府性基金' ? '决算07' : '决算08', word: e.m[0] });
  }

  /** 增加0万元…与上年持平 (提示), 减少14.6万元…持平 or 减少为0…持平 (错误) for one subject. */
  private flatAfterChange(subject: Subject, basis: Basis): void {
    const ch = this.lastChange;
    if (!ch || ch.subject.id !== subject.id || ch.basis !== basis) return;
    const word = `${ch.sign > 0 ? '增加' : ch.sign < 0 ? '减少' : '相差'}${ch.to ? '至' : ''}${show(ch.stated)}`;
    if (ch.stated.value.isZero() && !ch.to) this.notice('warning', '说明.增减方向', `${subject.name}写“${word}”又写“持平”：增减额为0时只写“持平”`);
    else this.notice('error', '说明.增减方向', `${subject.name}增减说法前后矛盾：写“${word}”又写“持平”`);
  }

  /** Checks that need the whole sentence: implied budgets for rates, the year. */
  private finish(): void {
    const mine = this.claims;
    // 完成预算100%，决算数大于预算数55.93万元: the budget the text implies, for a rate stated without one.
    for (let i = 0; i < mine.length; i++) {
      const c = mine[i];
      if (c.kind !== 'rate' || c.statedBudget) continue;
      const ch = mine.find((x): x is Extract<Claim, { kind: 'change' }> => x.kind === 'change' && x.subject.id === c.subject.id && x.basis !== 'prior' && x.sign !== 0);
      const current = c.statedActual ?? ch?.statedCurrent;
      if (ch && current) mine[i] = { ...c, statedBudget: { value: current.value.minus(signed(ch.stated, ch.sign).value), decimals: Math.max(current.decimals, ch.stated.decimals) } };
    }
    const q = this.yearQual;
    if (!q || q === 'current' || this.reportYear === undefined) return;
    if (!mine.some((c) => c.kind !== 'notice')) return;
    const current = mine.some((c) => c.kind === 'rate' || c.kind === 'change' || c.kind === 'changePct');
    if (typeof q !== 'object' && !current) return; // a prior-year figure, judged as one
    const wrong = typeof q === 'object' ? q.wrong : this.reportYear - 1;
    this.notice('error', '说明.年度', `句中年度${wrong}年与报告年度${this.reportYear}年不一致（本句写的是本年决算数${current ? '及其增减、完成情况' : ''}）`);
    // What the sentence states is this year's figure under a wrong year: judge it as such.
    const moved = new Set<Figure>();
    for (let i = 0; i < mine.length; i++) {
      const c = mine[i];
      if (c.kind === 'amount' && c.measure === 'prior') {
        mine[i] = { ...c, measure: 'actual' };
        moved.add(c.stated);
        const st = this.st(c.subject);
        if (st.prior === c.stated) st.prior = undefined;
        st.actual ??= c.stated;
      }
    }
    for (let i = 0; i < mine.length; i++) {
      const c = mine[i];
      if ((c.kind === 'change' || c.kind === 'changePct' || c.kind === 'flat') && c.statedPrior && moved.has(c.statedPrior)) {
        mine[i] = { ...c, statedPrior: undefined, statedCurrent: c.statedPrior };
      }
    }
  }
}

/** The words between 占 and the figure without their frame: 本年支出合计的比重为 → 本年支出合计. */
function phraseOf(raw: string): string {
  return raw.replace(/^(?:比为?|比重为?)/, '').replace(/(?:的)?(?:比重|比例)?(?:为|是|达)?$/, '').replace(/的$/, '');
}

/** A stated figure with the sign its words give it. */
export function signed(f: Figure, sign: 1 | -1 | 0): Figure {
  return { ...f, value: sign === -1 ? f.value.neg() : f.value };
}
