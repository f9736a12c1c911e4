/**
 * Checks an existing 决算情况说明 against the tables (DOMAIN §8, judged by the §3 rules).
 *
 * The text is cut into sentences that know their section (text.ts). In each sentence a
 * scanner finds events — a subject the section talks about (收、支总计, 基本支出, a 类 of
 * 公开05, a 项 written as …（类）…（款）…（项）, a 三公 item …), an amount `X万元`, a percentage,
 * and the words that give them meaning (占, 完成…预算的, 年初预算为, 支出决算为, 增加/减少,
 * 增长/下降, 持平, 上年无此项, 高于/低于预算数, 无…). A small interpreter turns the events into
 * claims, and each claim is judged against the cell it should match:
 * - an amount: the two statements overlap (checkEqual), or the text rounds the table figure;
 * - a share / completion rate: checkRatio on the inputs' intervals, also accepting the figure
 *   derived from the amount stated in the same sentence, and the largest-remainder share the
 *   generator writes so that shares add to 100;
 * - a change against last year: the prior-year figure from the params, or, without it, the
 *   prior implied by the stated change (a growth rate over a zero base is an error).
 * Subjects the tables do not determine (economic items inside one 类, procurement, counts,
 * projects) are not in any vocabulary, so nothing is said about them.
 */
import Decimal from 'decimal.js';
import { subjectName } from '../codes';
import { Finding, Severity } from '../findings';
import { TableSet, RecognizedTable } from '../model';
import { D, Figure, ZERO, halfUnit, parseAmountText, roundHalfUp } from '../money';
import { sharesOf } from '../phrases';
import { Verdict, checkEqual, checkRatio, checkSum, judgeDerived } from '../reconcile';
import { Facts, FactName, FactSpec, SANGONG_ITEMS, isSum, sangongCell, tableLabel } from './facts';
import { NarrativeParams } from './params';
import { SectionId, Sentence, normalizeText, segment } from './text';

// ---------------------------------------------------------------------------------------------
// Vocabulary: what each section talks about, and where its figures live.

interface ShareDef {
  /** Matches the words between 占 and the figure (`本年支出合计的`, or nothing). */
  re: RegExp;
  den: FactSpec | undefined;
  /** The parts of the whole, for the largest-remainder shares; includes the subject itself. */
  group?: (FactSpec | undefined)[];
}

export interface Subject {
  id: string;
  name: string;
  terms: string[];
  /** The figure(s) an amount of this subject must match (收、支总计: both 总计). */
  actual: (FactSpec | undefined)[];
  budget?: { spec: FactSpec } | { param: string };
  prior?: string;
  shares?: ShareDef[];
}

interface StaticSubject {
  id: string;
  terms: string[];
  sections: SectionId[];
  fact?: FactName;
  also?: FactName[];
  prior?: string;
  budgetParam?: string;
  shares?: { re: RegExp; den: FactName; group?: FactName[] }[];
}

const INCOME_GROUP: FactName[] = ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
const EXPENSE_GROUP: FactName[] = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
const INCOME_DEN = /^(本年)?(收入)?(合计|总额|总计)?的?$/;
const EXPENSE_DEN = /^(本年)?(支出)?(合计|总额|总计)?的?$/;
const GENERAL_DEN = /^(一般公共预算财政拨款支出)?(合计|总额|总计)?的?$/;

const income = (id: FactName): StaticSubject => ({ id, terms: [id], sections: ['二'], fact: id, shares: [{ re: INCOME_DEN, den: '本年收入合计', group: INCOME_GROUP }] });
const expense = (id: FactName): StaticSubject => ({ id, terms: [id], sections: ['三'], fact: id, shares: [{ re: EXPENSE_DEN, den: '本年支出合计', group: EXPENSE_GROUP }] });

/** The sections' vocabulary (three-公 items and table rows are added from the tables). */
export const STATIC_SUBJECTS: readonly StaticSubject[] = [
  { id: '收支总计', terms: ['收、支总计', '收支总计', '收入支出总计', '收、支决算总计', '收支决算总计'], sections: ['一', 'none'], fact: '收入总计', also: ['支出总计'], prior: '上年.收支总计' },
  { id: '收入总计', terms: ['收入总计'], sections: ['一'], fact: '收入总计' },
  { id: '支出总计', terms: ['支出总计'], sections: ['一'], fact: '支出总计' },
  { id: '本年收入合计', terms: ['本年收入合计', '收入合计'], sections: ['一', '二', 'none'], fact: '本年收入合计', prior: '上年.本年收入合计' },
  { id: '本年支出合计', terms: ['本年支出合计', '支出合计'], sections: ['一', '三', 'none'], fact: '本年支出合计', prior: '上年.本年支出合计' },
  { id: '使用非财政拨款结余', terms: ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余'], sections: ['一'], fact: '使用非财政拨款结余' },
  { id: '年初结转和结余', terms: ['年初结转和结余'], sections: ['一'], fact: '年初结转和结余' },
  { id: '结余分配', terms: ['结余分配'], sections: ['一'], fact: '结余分配' },
  { id: '年末结转和结余', terms: ['年末结转和结余'], sections: ['一'], fact: '年末结转和结余' },
  ...INCOME_GROUP.map(income),
  {
    id: '一般公共预算财政拨款收入',
    terms: ['一般公共预算财政拨款收入'],
    sections: ['二'],
    fact: '一般公共预算财政拨款收入',
    shares: [{ re: INCOME_DEN, den: '本年收入合计' }],
  },
  ...EXPENSE_GROUP.map(expense),
  { id: '财政拨款收支总计', terms: ['财政拨款收、支总计', '财政拨款收支总计'], sections: ['四', 'none'], fact: '财政拨款收入总计', also: ['财政拨款支出总计'], prior: '上年.财政拨款收支总计' },
  { id: '财政拨款收入总计', terms: ['财政拨款收入总计'], sections: ['四'], fact: '财政拨款收入总计' },
  { id: '财政拨款支出总计', terms: ['财政拨款支出总计'], sections: ['四'], fact: '财政拨款支出总计' },
  { id: '一般公共预算财政拨款收入', terms: ['一般公共预算财政拨款收入'], sections: ['四'], fact: '一般公共预算财政拨款收入', prior: '上年.一般公共预算财政拨款收入' },
  { id: '政府性基金预算财政拨款收入', terms: ['政府性基金预算财政拨款收入'], sections: ['四'], fact: '政府性基金预算财政拨款收入', prior: '上年.政府性基金预算财政拨款收入' },
  { id: '国有资本经营预算财政拨款收入', terms: ['国有资本经营预算财政拨款收入'], sections: ['四'], fact: '国有资本经营预算财政拨款收入', prior: '上年.国有资本经营预算财政拨款收入' },
  { id: '一般公共预算财政拨款支出', terms: ['一般公共预算财政拨款支出'], sections: ['四'], fact: '一般公共预算财政拨款支出', prior: '上年.一般公共预算财政拨款支出' },
  { id: '政府性基金预算财政拨款支出', terms: ['政府性基金预算财政拨款支出'], sections: ['四', '七'], fact: '政府性基金本年支出', prior: '上年.政府性基金预算财政拨款支出' },
  { id: '国有资本经营预算财政拨款支出', terms: ['国有资本经营预算财政拨款支出'], sections: ['四', '八'], fact: '国有资本经营支出', prior: '上年.国有资本经营预算财政拨款支出' },
  { id: '年初财政拨款结转和结余', terms: ['年初财政拨款结转和结余'], sections: ['四'], fact: '年初财政拨款结转和结余' },
  { id: '年末财政拨款结转和结余', terms: ['年末财政拨款结转和结余'], sections: ['四'], fact: '年末财政拨款结转和结余' },
  {
    id: '一般公共预算财政拨款支出',
    terms: ['一般公共预算财政拨款支出'],
    sections: ['五', 'none'],
    fact: '一般公共预算财政拨款支出',
    prior: '上年.一般公共预算财政拨款支出',
    budgetParam: '年初预算.一般公共预算财政拨款支出',
    shares: [{ re: /^本年支出(合计|总额)?的?$/, den: '本年支出合计' }],
  },
  {
    id: '一般公共预算基本支出',
    terms: ['基本支出'],
    sections: ['五'],
    fact: '一般公共预算基本支出',
    shares: [{ re: GENERAL_DEN, den: '一般公共预算财政拨款支出', group: ['一般公共预算基本支出', '一般公共预算项目支出'] }],
  },
  {
    id: '一般公共预算项目支出',
    terms: ['项目支出'],
    sections: ['五'],
    fact: '一般公共预算项目支出',
    shares: [{ re: GENERAL_DEN, den: '一般公共预算财政拨款支出', group: ['一般公共预算基本支出', '一般公共预算项目支出'] }],
  },
  { id: '一般公共预算基本支出', terms: ['一般公共预算财政拨款基本支出', '基本支出'], sections: ['六'], fact: '一般公共预算基本支出' },
  {
    id: '人员经费',
    terms: ['人员经费'],
    sections: ['六', 'none'],
    fact: '人员经费',
    shares: [{ re: /^(一般公共预算财政拨款)?基本支出(合计|总额)?的?$/, den: '一般公共预算基本支出', group: ['人员经费', '公用经费'] }],
  },
  {
    id: '公用经费',
    terms: ['公用经费'],
    sections: ['六', 'none'],
    fact: '公用经费',
    shares: [{ re: /^(一般公共预算财政拨款)?基本支出(合计|总额)?的?$/, den: '一般公共预算基本支出', group: ['人员经费', '公用经费'] }],
  },
  { id: '政府性基金本年收入', terms: ['政府性基金预算财政拨款收入', '本年收入'], sections: ['七'], fact: '政府性基金本年收入' },
  { id: '政府性基金年初结转和结余', terms: ['年初结转和结余'], sections: ['七'], fact: '政府性基金年初结转和结余' },
  { id: '政府性基金本年支出', terms: ['本年支出'], sections: ['七'], fact: '政府性基金本年支出' },
  { id: '政府性基金基本支出', terms: ['基本支出'], sections: ['七'], fact: '政府性基金基本支出' },
  { id: '政府性基金项目支出', terms: ['项目支出'], sections: ['七'], fact: '政府性基金项目支出' },
  { id: '政府性基金年末结转和结余', terms: ['年末结转和结余'], sections: ['七'], fact: '政府性基金年末结转和结余' },
  { id: '国有资本经营基本支出', terms: ['基本支出'], sections: ['八'], fact: '国有资本经营基本支出' },
  { id: '国有资本经营项目支出', terms: ['项目支出'], sections: ['八'], fact: '国有资本经营项目支出' },
];

/** How 说明 texts name the 三公 items (normalised: ASCII brackets, no quotes). */
const SANGONG_TERMS: Record<string, string[]> = {
  合计: ['三公经费财政拨款支出', '三公经费支出', '三公经费'],
  因公出国境费: ['因公出国(境)费用', '因公出国(境)费', '因公出国(境)经费', '出国(境)费'],
  公务用车购置及运行维护费: ['公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置和运行维护费', '公务用车购置及运维费', '公务用车费'],
  公务用车购置费: ['公务用车购置费', '车辆购置费'],
  公务用车运行维护费: ['公务用车运行维护费', '公务用车运行费', '公务用车运维费', '车辆运行维护费'],
  公务接待费: ['公务接待费用', '公务接待费'],
};

// ---------------------------------------------------------------------------------------------
// Events

type EventType = 'item' | 'share' | 'rate' | 'compare' | 'none' | 'ctx' | 'new' | 'budget' | 'actual' | 'chgAmt' | 'chgPct' | 'flat' | 'subject' | 'amount' | 'percent';

interface Ev {
  type: EventType;
  start: number;
  end: number;
  m: RegExpExecArray;
  pri: number;
}

const NUM = '(?:--?0--?|[-−]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[-−]?\\d+(?:\\.\\d+)?)';

const EVENT_RES: [EventType, RegExp][] = [
  ['item', /([^,;:。]{1,30}?)\(类\)(.{1,40}?)\(款\)(.{1,40}?)\(项\)/g],
  ['share', new RegExp(`占([^\\d,;:。%]{0,30}?)(?=_?${NUM}%)`, 'g')],
  ['rate', new RegExp(`完成(?:了)?(?:年初|全年|年度)?预算(?:数)?的?(?=_?${NUM}%)`, 'g')],
  ['compare', /(大于|高于|超过|多于|超出|小于|低于|少于|等于)(?:年初|全年)?预算数?|(?:与|和|比|较)(?:年初|全年)?预算数?(持平|一致|相等|相同)/g],
  ['none', /无(政府性基金|国有资本经营)预算财政拨款(?:收入支出|收支|收入|支出)/g],
  ['ctx', /与(?:上年|上年度|去年|\d{4}年度?)(?:决算数?)?(?:相比|比较)?|较(?:上年|上年度|去年|\d{4}年度?)(?:决算数?)?|比(?:上年|上年度|去年|\d{4}年度?)(?:决算数?)?|同比|本年度?(?=增加|减少|增长|下降)/g],
  ['new', /(?:上年|上年度|去年|\d{4}年度?)无此项/g],
  ['budget', new RegExp(`(?:年初预算数?|全年预算数?|预算数)(?:为|是)?(?=${NUM}万元)`, 'g')],
  ['actual', new RegExp(`(?:支出决算数?|决算数|决算支出数?|实际支出)(?:为|是)?(?=${NUM}万元)`, 'g')],
  ['chgAmt', new RegExp(`(增加|减少|增长|下降)了?(?=${NUM}万元)`, 'g')],
  ['chgPct', new RegExp(`(增长|下降|增加|减少)了?(?=_?${NUM}%)`, 'g')],
  ['flat', /持平|没有变化|无变化|保持不变/g],
  // 'subject' is built per section from the vocabulary
  ['amount', new RegExp(`(?<![\\d.])(${NUM})万元`, 'g')],
  ['percent', new RegExp(`(?<![\\d.])_?(${NUM})%`, 'g')],
];

/** Words allowed between a subject and its amount: 一般公共服务支出类支出 170.51万元, 收、支总计均为… */
const AMOUNT_GAP = /^(?:\((?:类|款|项)\)|类)?(?:支出)?(?:决算数?)?(?:合计|总额|共计|总计)?(?:均|各|共)?(?:为|是|达|:)?$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Claims

type Claim =
  | { kind: 'amount'; s: Sentence; subject: Subject; stated: Figure; measure: 'actual' | 'budget' }
  | { kind: 'share'; s: Sentence; subject: Subject; stated: Figure; phrase: string; numerator?: Figure }
  | { kind: 'rate'; s: Sentence; subject: Subject; stated: Figure; statedBudget?: Figure; statedActual?: Figure }
  | { kind: 'change'; s: Sentence; subject: Subject; stated: Figure; sign: 1 | -1 }
  | { kind: 'changePct'; s: Sentence; subject: Subject; stated: Figure; sign: 1 | -1; change?: Figure; changeSign?: 1 | -1 }
  | { kind: 'flat'; s: Sentence; subject: Subject }
  | { kind: 'new'; s: Sentence; subject: Subject; change?: Figure }
  | { kind: 'compare'; s: Sentence; subject: Subject; rel: 'gt' | 'lt' | 'eq'; word: string }
  | { kind: 'none'; s: Sentence; table: string; word: string }
  | { kind: 'item'; s: Sentence; text: string; resolved: boolean };

export type NarrativeClaim = Claim;

/** A subject whose share is of a stated amount, not a table row (十三 自评项目资金 占 项目支出总额). */
const STATED_NUMERATOR = '__stated__';

// ---------------------------------------------------------------------------------------------

export interface NarrativeAnalysis {
  sentences: Sentence[];
  claims: NarrativeClaim[];
  findings: Finding[];
}

/** Checks a 说明 text against the tables; findings have table “说明”. */
export function checkNarrative(text: string, tables: TableSet | readonly RecognizedTable[], params?: NarrativeParams): Finding[] {
  return analyzeNarrative(text, tables, params).findings;
}

/** Like checkNarrative, also returning the sentences and the claims recognised (for tests and reports). */
export function analyzeNarrative(text: string, tables: TableSet | readonly RecognizedTable[], params: NarrativeParams = new NarrativeParams()): NarrativeAnalysis {
  const set = tables instanceof TableSet ? tables : new TableSet(tables);
  const checker = new Checker(set, params);
  const sentences = segment(text);
  const claims = checker.extract(sentences);
  const findings = checker.judgeAll(claims);
  findings.push(...checker.namesCheck(sentences));
  return { sentences, claims, findings: dedupe(findings) };
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.rule}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

class Checker {
  readonly f: Facts;
  private vocabCache = new Map<SectionId, { subjects: Subject[]; re?: RegExp; byTerm: Map<string, Subject> }>();

  constructor(
    readonly tables: TableSet,
    readonly p: NarrativeParams,
  ) {
    this.f = new Facts(tables);
  }

  spec(name: FactName): FactSpec | undefined {
    return this.f.spec(name);
  }

  private fromStatic(s: StaticSubject): Subject {
    return {
      id: s.id,
      name: s.terms[0],
      terms: s.terms,
      actual: s.fact ? [this.spec(s.fact), ...(s.also ?? []).map((a) => this.spec(a))] : [],
      prior: s.prior,
      budget: s.budgetParam ? { param: s.budgetParam } : undefined,
      shares: s.shares?.map((d) => ({ re: d.re, den: this.spec(d.den), group: d.group?.map((g) => this.spec(g)) })),
    };
  }

  private codeSubjects(table: string, col: string, section: SectionId): Subject[] {
    const rows = this.f.codedRows(table, 3);
    const group = rows.map((r) => cellSpec(table, r.key, col, r.name));
    const den = table === '决算05' ? this.spec('一般公共预算财政拨款支出') : undefined;
    return rows.map((r, i) => {
      const names = new Set<string>();
      for (const n of [r.name, subjectName(r.key, 'functional')]) {
        if (!n) continue;
        const k = normalizeText(n).replace(/^[一二三四五六七八九十]+、/, '');
        if (k.length < 2) continue;
        names.add(k);
        const base = k.replace(/支出$/, '');
        names.add(`${base}(类)`);
        if (base !== k) names.add(`${base}类`);
      }
      return {
        id: `类:${table}:${r.key}`,
        name: normalizeText(r.name),
        terms: [...names],
        actual: [group[i]],
        budget: section === '五' ? { param: `年初预算.科目.${r.key}` } : undefined,
        shares: den ? [{ re: GENERAL_DEN, den, group }] : undefined,
      };
    });
  }

  private economicSubjects(): Subject[] {
    const t = this.tables.get('决算06');
    if (!t) return [];
    const out: Subject[] = [];
    for (const r of t.rows) {
      if (!/^\d{3}(\d{2})?$/.test(r.key) || !r.cells.amount) continue;
      const names = new Set<string>();
      for (const n of [r.name, subjectName(r.key, 'economic')]) {
        const k = n ? normalizeText(n) : '';
        if (k.length >= 2) names.add(k);
      }
      out.push({ id: `经济:${r.key}`, name: normalizeText(r.name), terms: [...names], actual: [cellSpec('决算06', r.key, 'amount', r.name)] });
    }
    return out;
  }

  private sangongSubjects(): Subject[] {
    if (!this.tables.has('决算09')) return [];
    return SANGONG_ITEMS.map((item) => ({
      id: `三公:${item.key}`,
      name: item.name,
      terms: SANGONG_TERMS[item.key],
      actual: [sangongCell(item, 'actual')],
      budget: { spec: sangongCell(item, 'budget') },
      prior: `上年.三公经费.${item.key}`,
    }));
  }

  vocab(section: SectionId): { subjects: Subject[]; re?: RegExp; byTerm: Map<string, Subject> } {
    const hit = this.vocabCache.get(section);
    if (hit) return hit;
    const subjects: Subject[] = STATIC_SUBJECTS.filter((s) => s.sections.includes(section)).map((s) => this.fromStatic(s));
    if (section === '五') subjects.push(...this.codeSubjects('决算05', '1', section));
    if (section === '六') subjects.push(...this.economicSubjects());
    if (section === '七') subjects.push(...this.codeSubjects('决算07', '3', section));
    if (section === '八') subjects.push(...this.codeSubjects('决算08', '1', section));
    if (section === '九' || section === 'none') subjects.push(...this.sangongSubjects());
    const byTerm = new Map<string, Subject>();
    for (const s of subjects) for (const t of s.terms) if (!byTerm.has(t)) byTerm.set(t, s);
    const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length);
    const v = { subjects, byTerm, re: terms.length ? new RegExp(terms.map(escapeRe).join('|'), 'g') : undefined };
    this.vocabCache.set(section, v);
    return v;
  }

  /** Finds the events of one sentence, leftmost first, overlaps resolved by priority. */
  events(norm: string, section: SectionId): Ev[] {
    const v = this.vocab(section);
    const all: Ev[] = [];
    const res: [EventType, RegExp][] = [...EVENT_RES.slice(0, 12), ...(v.re ? ([['subject', v.re]] as [EventType, RegExp][]) : []), ...EVENT_RES.slice(12)];
    res.forEach(([type, re], pri) => {
      if (type === 'item' && section !== '五') return;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(norm))) {
        if (m[0].length === 0) {
          // zero-width matches (rate/share lookaheads never are, but be safe)
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

  extract(sentences: Sentence[]): Claim[] {
    const claims: Claim[] = [];
    let block = -1;
    let subject: Subject | undefined;
    let stated: Map<string, { budget?: Figure; actual?: Figure }> = new Map();
    for (const s of sentences) {
      if (s.block !== block) {
        block = s.block;
        subject = undefined;
        stated = new Map();
      }
      const section = s.section;
      if (section === 'other' || section === '名词解释' || section === '十' || section === '十一' || section === '十二') continue;
      const norm = s.norm.replace(/^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]{1,2}\))/, '');
      const evs = this.events(norm, section);
      let ctx = false;
      let lastAmount: { subject: Subject; stated: Figure } | undefined;
      let lastAny: Figure | undefined;
      let lastChange: { subject: Subject; stated: Figure; sign: 1 | -1 } | undefined;
      let prev: Ev | undefined;
      const v = this.vocab(section);
      const st = (subj: Subject): { budget?: Figure; actual?: Figure } => {
        if (!stated.has(subj.id)) stated.set(subj.id, {});
        return stated.get(subj.id)!;
      };
      for (const e of evs) {
        const gap = prev ? norm.slice(prev.end, e.start) : norm.slice(0, e.start);
        switch (e.type) {
          case 'subject':
            subject = v.byTerm.get(e.m[0]);
            break;
          case 'item': {
            const it = this.resolveItem(e.m[1], e.m[2], e.m[3]);
            subject = it;
            claims.push({ kind: 'item', s, text: e.m[0], resolved: !!it && it.actual.length > 0 && !!it.actual[0] });
            break;
          }
          case 'ctx':
            ctx = true;
            break;
          case 'amount': {
            const fig = parseNum(e.m[1]);
            if (!fig) break;
            lastAny = fig;
            if (!prev) break;
            if (prev.type === 'subject' && AMOUNT_GAP.test(gap)) {
              const subj = v.byTerm.get(prev.m[0]);
              if (subj) {
                claims.push({ kind: 'amount', s, subject: subj, stated: fig, measure: 'actual' });
                lastAmount = { subject: subj, stated: fig };
                st(subj).actual = fig;
              }
            } else if (gap === '' && subject) {
              if (prev.type === 'budget') {
                claims.push({ kind: 'amount', s, subject, stated: fig, measure: 'budget' });
                st(subject).budget = fig;
              } else if (prev.type === 'actual') {
                claims.push({ kind: 'amount', s, subject, stated: fig, measure: 'actual' });
                lastAmount = { subject, stated: fig };
                st(subject).actual = fig;
              } else if (prev.type === 'chgAmt' && ctx) {
                const sign = /减少|下降/.test(prev.m[1]) ? -1 : 1;
                claims.push({ kind: 'change', s, subject, stated: fig, sign });
                lastChange = { subject, stated: fig, sign };
              }
            }
            break;
          }
          case 'percent': {
            const fig = parseNum(e.m[1]);
            if (!fig || !prev || gap !== '') break;
            if (prev.type === 'share') {
              if (section === '十三' && lastAny) {
                claims.push({ kind: 'share', s, subject: this.statedShareSubject(), stated: fig, phrase: prev.m[1], numerator: lastAny });
              } else if (lastAmount) {
                claims.push({ kind: 'share', s, subject: lastAmount.subject, stated: fig, phrase: prev.m[1], numerator: lastAmount.stated });
              }
            } else if (prev.type === 'rate' && subject) {
              claims.push({ kind: 'rate', s, subject, stated: fig, statedBudget: st(subject).budget, statedActual: st(subject).actual });
            } else if (prev.type === 'chgPct' && ctx && subject) {
              const sign = /减少|下降/.test(prev.m[1]) ? -1 : 1;
              const ch = lastChange && lastChange.subject.id === subject.id ? lastChange : undefined;
              claims.push({ kind: 'changePct', s, subject, stated: fig, sign, change: ch?.stated, changeSign: ch?.sign });
            }
            break;
          }
          case 'flat':
            if (ctx && subject) claims.push({ kind: 'flat', s, subject });
            break;
          case 'new':
            if (subject) claims.push({ kind: 'new', s, subject, change: lastChange?.subject.id === subject.id ? lastChange.stated : undefined });
            break;
          case 'compare':
            if (subject) {
              const w = e.m[1] ?? e.m[2] ?? '';
              const rel = /大于|高于|超过|多于|超出/.test(w) ? 'gt' : /小于|低于|少于/.test(w) ? 'lt' : 'eq';
              claims.push({ kind: 'compare', s, subject, rel, word: e.m[0] });
            }
            break;
          case 'none':
            claims.push({ kind: 'none', s, table: e.m[1] === '政府性基金' ? '决算07' : '决算08', word: e.m[0] });
            break;
          default:
            break;
        }
        prev = e;
      }
    }
    return claims;
  }

  private statedShareSubject(): Subject {
    return {
      id: STATED_NUMERATOR,
      name: '自评项目资金',
      terms: [],
      actual: [],
      shares: [{ re: /^一般公共预算项目支出(总额|合计)?的?$/, den: this.spec('一般公共预算项目支出') }],
    };
  }

  /** …（类）…（款）…（项） → the 05 row of that 项, matched by names along the code hierarchy. */
  resolveItem(cls: string, kuan: string, xiang: string): Subject | undefined {
    const rows = this.f.codedRows('决算05');
    if (rows.length === 0) return undefined;
    const key = (s: string): string => normalizeText(s).replace(/支出$/, '');
    const clsKey = key(cls);
    const classes = rows.filter((r) => r.key.length === 3 && (clsKey.endsWith(key(r.name)) || clsKey.endsWith(key(subjectName(r.key, 'functional') ?? '\u0000'))));
    for (const c of classes) {
      const kuans = rows.filter((r) => r.key.length === 5 && r.key.startsWith(c.key) && nameEq(r.name, kuan, r.key));
      for (const k of kuans) {
        const item = rows.find((r) => r.key.length === 7 && r.key.startsWith(k.key) && nameEq(r.name, xiang, r.key));
        if (item) {
          return {
            id: `项:${item.key}`,
            name: `${normalizeText(c.name)}(类)${normalizeText(k.name)}(款)${normalizeText(item.name)}(项)`,
            terms: [],
            actual: [cellSpec('决算05', item.key, '1', item.name)],
            budget: { param: `年初预算.科目.${item.key}` },
          };
        }
      }
    }
    return {
      id: `项:?${normalizeText(cls + kuan + xiang)}`,
      name: `${normalizeText(cls)}(类)${normalizeText(kuan)}(款)${normalizeText(xiang)}(项)`,
      terms: [],
      actual: [],
    };
  }

  // -------------------------------------------------------------------------------------------
  // Judging

  judgeAll(claims: Claim[]): Finding[] {
    const out: Finding[] = [];
    for (const c of claims) {
      const f = this.judge(c);
      if (f) out.push(...(Array.isArray(f) ? f : [f]));
    }
    return out;
  }

  private budgetOf(subject: Subject): { fig: Figure; where: Where } | undefined {
    const b = subject.budget;
    if (!b) return undefined;
    if ('spec' in b) {
      const fig = this.f.at(b.spec);
      return fig ? { fig, where: this.where(b.spec) } : undefined;
    }
    const fig = this.p.amount(b.param);
    return fig ? { fig, where: { label: `参数“${b.param}”`, sheet: '', cells: [] } } : undefined;
  }

  private actualOf(subject: Subject): { fig: Figure; where: Where; spec: FactSpec } | undefined {
    const spec = subject.actual[0];
    if (!spec) return undefined;
    const fig = this.f.at(spec);
    return fig ? { fig, where: this.where(spec), spec } : undefined;
  }

  private where(spec: FactSpec): Where {
    const loc = this.f.locate(spec);
    return { label: spec.label, sheet: loc.sheet, cells: loc.cells };
  }

  judge(c: Claim): Finding | Finding[] | undefined {
    switch (c.kind) {
      case 'amount':
        return this.judgeAmountClaim(c);
      case 'share':
        return this.judgeShare(c);
      case 'rate':
        return this.judgeRate(c);
      case 'change':
        return this.judgeChange(c);
      case 'changePct':
        return this.judgeChangePct(c);
      case 'flat':
        return this.judgeFlat(c);
      case 'new':
        return this.judgeNew(c);
      case 'compare':
        return this.judgeCompare(c);
      case 'none':
        return this.judgeNone(c);
      case 'item':
        return undefined;
    }
  }

  private judgeAmountClaim(c: Extract<Claim, { kind: 'amount' }>): Finding[] | Finding | undefined {
    if (c.measure === 'budget') {
      const b = this.budgetOf(c.subject);
      if (!b) return undefined;
      const v = judgeAmount(c.stated, b.fig);
      if (v === 'ok') return undefined;
      return this.finding(v, '说明.预算数', c.s, b.where, `${c.subject.name}的预算数写为${show(c.stated)}万元，${ref(b.where)}为${show(b.fig)}万元，相差${diffText(c.stated.value, b.fig.value)}万元`, b.fig, c.stated);
    }
    if (c.subject.actual.length === 0) {
      if (c.subject.id.startsWith('项:?') && this.f.has('决算05') && !c.stated.value.isZero()) {
        return {
          severity: 'warning',
          rule: '说明.科目',
          table: '说明',
          sheet: this.tables.get('决算05')?.sheet ?? '',
          cells: [],
          message: `${quote(c.s)}：科目“${c.subject.name}”在公开05表中没有找到，无法核对其支出决算${show(c.stated)}万元（请核对科目名称）。`,
          actual: c.stated.value.toString(),
        };
      }
      return undefined;
    }
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const spec of c.subject.actual) {
      if (!spec) continue;
      const fig = this.f.at(spec);
      if (!fig) continue;
      const key = fig.value.toString();
      const v = judgeAmount(c.stated, fig);
      if (v === 'ok' || seen.has(key)) continue;
      seen.add(key);
      const w = this.where(spec);
      out.push(this.finding(v, '说明.金额', c.s, w, `${c.subject.name}写为${show(c.stated)}万元，${ref(w)}为${show(fig)}万元，相差${diffText(c.stated.value, fig.value)}万元`, fig, c.stated));
    }
    return out;
  }

  private judgeShare(c: Extract<Claim, { kind: 'share' }>): Finding | undefined {
    const def = c.subject.shares?.find((d) => d.re.test(c.phrase));
    if (!def || !def.den) return undefined;
    const den = this.f.at(def.den);
    if (!den || den.value.isZero()) return undefined;
    const num = c.subject.id === STATED_NUMERATOR ? c.numerator : this.actualOf(c.subject)?.fig;
    if (!num) return undefined;
    const d = c.stated.decimals;
    // The generator's largest-remainder share of the same whole.
    if (def.group && c.subject.actual[0]) {
      const idx = def.group.findIndex((g) => g && sameSpec(g, c.subject.actual[0]!));
      const parts = def.group.map((g) => (g ? this.f.at(g) : undefined));
      if (idx >= 0 && parts.every((x) => x)) {
        const shares = sharesOf(parts.map((x) => x!.value), den.value, d);
        if (shares[idx].eq(c.stated.value)) return undefined;
      }
    }
    const r1 = checkRatio(num, den, c.stated);
    let verdict = r1.verdict;
    if (verdict !== 'ok' && c.numerator && c.subject.id !== STATED_NUMERATOR) verdict = best(verdict, checkRatio(c.numerator, den, c.stated).verdict);
    if (verdict === 'ok') return undefined;
    const wd = this.where(def.den);
    const numLabel = c.subject.id === STATED_NUMERATOR ? `所写金额${show(num)}万元` : `${ref(this.where(c.subject.actual[0]!))} ${show(num)}万元`;
    return this.finding(
      verdict,
      '说明.占比',
      c.s,
      c.subject.id === STATED_NUMERATOR ? wd : this.mergeWhere(this.where(c.subject.actual[0]!), wd),
      `${c.subject.name}占比写为${c.stated.value.toFixed(d)}%，按${numLabel} ÷ ${ref(wd)} ${show(den)}万元 应为${r1.expected.toFixed(d)}%`,
      { value: r1.expected, decimals: d },
      c.stated,
    );
  }

  private judgeRate(c: Extract<Claim, { kind: 'rate' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    const b = this.budgetOf(c.subject);
    if (!a || !b) return undefined;
    const d = c.stated.decimals;
    const w = this.mergeWhere(a.where, b.where);
    if (b.fig.value.isZero()) {
      if (a.fig.value.isZero()) return undefined; // 0 of 0: nothing was budgeted or spent
      return this.finding('error', '说明.完成率', c.s, w, `${c.subject.name}预算数为0（${ref(b.where)}），完成预算的百分比无从计算，不应写“完成预算的${c.stated.value.toFixed(d)}%”（决算数${show(a.fig)}万元，${ref(a.where)}）`, undefined, c.stated);
    }
    const r = checkRatio(a.fig, b.fig, c.stated);
    let verdict = r.verdict;
    if (verdict !== 'ok' && c.statedActual && c.statedBudget && !c.statedBudget.value.isZero()) {
      verdict = best(verdict, checkRatio(c.statedActual, c.statedBudget, c.stated).verdict);
    }
    if (verdict === 'ok') return undefined;
    return this.finding(
      verdict,
      '说明.完成率',
      c.s,
      w,
      `${c.subject.name}完成预算写为${c.stated.value.toFixed(d)}%，按决算数${show(a.fig)}万元（${ref(a.where)}）÷ 预算数${show(b.fig)}万元（${ref(b.where)}）应为${r.expected.toFixed(d)}%`,
      { value: r.expected, decimals: d },
      c.stated,
    );
  }

  private priorOf(subject: Subject): Figure | undefined {
    return subject.prior ? this.p.amount(subject.prior) : undefined;
  }

  private judgeChange(c: Extract<Claim, { kind: 'change' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    const prior = this.priorOf(c.subject);
    if (!a || !prior) return undefined;
    const signed: Figure = { value: c.stated.value.mul(c.sign), decimals: c.stated.decimals, blank: c.stated.blank };
    const r = checkSum(signed, [{ figure: a.fig }, { figure: prior, sign: -1 }]);
    if (r.verdict === 'ok') return undefined;
    const delta = r.expected;
    const word = delta.gte(0) ? '增加' : '减少';
    return this.finding(
      r.verdict,
      '说明.增减额',
      c.s,
      a.where,
      `${c.subject.name}较上年${c.sign > 0 ? '增加' : '减少'}写为${show(c.stated)}万元，按本年${show(a.fig)}万元（${ref(a.where)}）、上年${show(prior)}万元（参数“${c.subject.prior}”）应为${word}${fmt(delta.abs(), 2)}万元`,
      { value: delta, decimals: 2 },
      signed,
    );
  }

  private judgeChangePct(c: Extract<Claim, { kind: 'changePct' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    if (!a) return undefined;
    const prior = this.priorOf(c.subject);
    const d = c.stated.decimals;
    const pctText = `${c.sign > 0 ? '增长' : '下降'}${c.stated.value.toFixed(d)}%`;
    if (prior) {
      if (roundHalfUp(prior.value, 2).isZero()) {
        return this.finding('error', '说明.增减率', c.s, a.where, `${c.subject.name}本年${show(a.fig)}万元（${ref(a.where)}），上年数为0（参数“${c.subject.prior}”），“${pctText}”不是有效的增长率：上年为0时应写“上年无此项${nounOf(c.subject.name)}”，只说明增加额`, undefined, c.stated);
      }
      const delta = a.fig.value.minus(prior.value);
      const h = halfUnit(a.fig).plus(halfUnit(prior));
      const exact = delta.abs().div(prior.value.abs()).mul(100);
      const [lo, hi] = ratioRange(delta.abs().minus(h), delta.abs().plus(h), prior.value.abs().minus(halfUnit(prior)), prior.value.abs().plus(halfUnit(prior)));
      let verdict = judgeDerived(c.stated, exact, lo, hi);
      if (verdict !== 'ok' && c.change) {
        const e2 = c.change.value.div(prior.value.abs()).mul(100);
        const [l2, h2] = ratioRange(c.change.value.minus(halfUnit(c.change)), c.change.value.plus(halfUnit(c.change)), prior.value.abs().minus(halfUnit(prior)), prior.value.abs().plus(halfUnit(prior)));
        verdict = best(verdict, judgeDerived(c.stated, e2, l2, h2));
      }
      const dirWrong = !delta.isZero() && Math.sign(delta.toNumber()) !== c.sign && delta.abs().gt(h);
      if (dirWrong) verdict = 'error';
      if (verdict === 'ok') return undefined;
      const expected = roundHalfUp(exact, d);
      return this.finding(
        verdict,
        '说明.增减率',
        c.s,
        a.where,
        `${c.subject.name}写为“${pctText}”，按本年${show(a.fig)}万元（${ref(a.where)}）、上年${show(prior)}万元（参数“${c.subject.prior}”）应为${delta.gte(0) ? '增长' : '下降'}${expected.toFixed(d)}%`,
        { value: expected, decimals: d },
        c.stated,
      );
    }
    // No prior-year figure given: the prior is what the stated change implies.
    if (!c.change) return undefined;
    const signed = c.change.value.mul(c.changeSign ?? c.sign);
    const implied = a.fig.value.minus(signed);
    if (implied.isZero()) {
      return this.finding(
        'error',
        '说明.增减率',
        c.s,
        a.where,
        `${c.subject.name}增加额${show(c.change)}万元等于本年数${show(a.fig)}万元（${ref(a.where)}），即上年为0，“${pctText}”不是有效的增长率：上年为0时应写“上年无此项${nounOf(c.subject.name)}”，只说明增加额`,
        undefined,
        c.stated,
      );
    }
    if (implied.isNeg()) return undefined;
    const hc = halfUnit(c.change);
    const hp = halfUnit(a.fig).plus(hc);
    const exact = c.change.value.div(implied).mul(100);
    const [lo, hi] = ratioRange(c.change.value.minus(hc), c.change.value.plus(hc), implied.minus(hp), implied.plus(hp));
    const verdict = implied.minus(hp).lte(0) ? 'ok' : judgeDerived(c.stated, exact, lo, hi);
    if (verdict === 'ok') return undefined;
    const expected = roundHalfUp(exact, d);
    return this.finding(
      verdict,
      '说明.增减率',
      c.s,
      a.where,
      `${c.subject.name}写为“${pctText}”，按本年${show(a.fig)}万元（${ref(a.where)}）与所写增减额${show(c.change)}万元（上年应为${fmt(implied, 2)}万元）应为${expected.toFixed(d)}%`,
      { value: expected, decimals: d },
      c.stated,
    );
  }

  private judgeFlat(c: Extract<Claim, { kind: 'flat' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    const prior = this.priorOf(c.subject);
    if (!a || !prior) return undefined;
    const v = judgeAmount(prior, a.fig);
    if (v === 'ok') return undefined;
    const delta = a.fig.value.minus(prior.value);
    return this.finding(v === 'rounding' ? 'rounding' : 'error', '说明.增减额', c.s, a.where, `${c.subject.name}写为与上年持平，但本年${show(a.fig)}万元（${ref(a.where)}）、上年${show(prior)}万元（参数“${c.subject.prior}”），${delta.gte(0) ? '增加' : '减少'}${fmt(delta.abs(), 2)}万元`, prior, a.fig);
  }

  private judgeNew(c: Extract<Claim, { kind: 'new' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    if (!a) return undefined;
    const prior = this.priorOf(c.subject);
    if (prior) {
      if (roundHalfUp(prior.value, 2).isZero()) return undefined;
      return this.finding('error', '说明.增减额', c.s, a.where, `${c.subject.name}写为上年无此项，但上年为${show(prior)}万元（参数“${c.subject.prior}”）`, prior, { value: ZERO, decimals: 2 });
    }
    if (!c.change) return undefined;
    const v = judgeAmount(c.change, { ...a.fig, value: a.fig.value.abs() });
    if (v === 'ok') return undefined;
    return this.finding(v, '说明.增减额', c.s, a.where, `${c.subject.name}写为上年无此项，增加额应等于本年数${show(a.fig)}万元（${ref(a.where)}），所写为${show(c.change)}万元`, a.fig, c.change);
  }

  private judgeCompare(c: Extract<Claim, { kind: 'compare' }>): Finding | undefined {
    const a = this.actualOf(c.subject);
    const b = this.budgetOf(c.subject);
    if (!a || !b) return undefined;
    const cmp = a.fig.value.comparedTo(b.fig.value);
    const eqVerdict = checkEqual(a.fig, b.fig).verdict;
    let verdict: Verdict;
    if (c.rel === 'eq') verdict = eqVerdict === 'error' ? 'error' : eqVerdict;
    else if (cmp === 0) verdict = 'error';
    else if ((cmp > 0) === (c.rel === 'gt')) verdict = 'ok';
    else verdict = eqVerdict === 'error' ? 'error' : 'rounding';
    if (verdict === 'ok') return undefined;
    const relText = cmp === 0 ? '等于' : cmp > 0 ? '大于' : '小于';
    return this.finding(verdict, '说明.预算比较', c.s, this.mergeWhere(a.where, b.where), `${c.subject.name}写为“${c.word}”，但决算数${show(a.fig)}万元（${ref(a.where)}）${relText}预算数${show(b.fig)}万元（${ref(b.where)}）`, b.fig, a.fig);
  }

  private judgeNone(c: Extract<Claim, { kind: 'none' }>): Finding | undefined {
    if (!this.f.has(c.table) || this.f.allZero(c.table)) return undefined;
    const total = c.table === '决算07' ? this.spec('政府性基金本年支出') : this.spec('国有资本经营支出');
    const fig = total ? this.f.at(total) : undefined;
    const w = total ? this.where(total) : { label: c.table, sheet: this.tables.get(c.table)?.sheet ?? '', cells: [] };
    return this.finding('error', '说明.无此项', c.s, w, `写为“${c.word}”，但${ref(w)}有数${fig ? `（${show(fig)}万元）` : ''}`, fig, { value: ZERO, decimals: 2 });
  }

  /** 六: names listed as 主要包括 that are zero in 公开06 (a 提示: the list should name what was spent). */
  namesCheck(sentences: Sentence[]): Finding[] {
    const t = this.tables.get('决算06');
    if (!t) return [];
    const byName = new Map<string, { key: string; zero: boolean; address?: string }>();
    for (const r of t.rows) {
      if (!/^\d{3}(\d{2})?$/.test(r.key)) continue;
      const zero = !r.cells.amount || r.cells.amount.figure.value.isZero();
      for (const n of [r.name, subjectName(r.key, 'economic')]) {
        if (n) byName.set(normalizeText(n), { key: r.key, zero, address: r.cells.amount?.address });
      }
    }
    const out: Finding[] = [];
    for (const s of sentences) {
      if (s.section !== '六') continue;
      const m = /(人员经费|公用经费)[^。;]*?主要包括:?([^。;]+)/.exec(s.norm);
      if (!m) continue;
      const zeros: { name: string; address?: string }[] = [];
      for (const raw of m[2].split(/[、,]/)) {
        const n = raw.replace(/^(等|和|及)/, '').replace(/(等|等支出)$/, '');
        const hit = byName.get(n);
        if (hit && hit.zero) zeros.push({ name: n, address: hit.address });
      }
      if (zeros.length) {
        out.push({
          severity: 'warning',
          rule: '说明.经济科目',
          table: '说明',
          sheet: t.sheet,
          cells: zeros.map((z) => z.address).filter((a): a is string => !!a),
          message: `${quote(s)}：${m[1]}列出的${zeros.map((z) => `“${z.name}”`).join('、')}在公开06表中为0，说明应只列本年实际发生的款级科目。`,
        });
      }
    }
    return out;
  }

  private mergeWhere(a: Where, b: Where): Where {
    const same = a.sheet === b.sheet || !a.sheet;
    return { label: a.label, sheet: a.sheet || b.sheet, cells: same ? [...a.cells, ...b.cells.filter((x) => !a.cells.includes(x))] : a.cells };
  }

  private finding(verdict: Verdict | Severity, rule: string, s: Sentence, w: Where, what: string, expected: Figure | undefined, actual: Figure | undefined): Finding {
    const severity: Severity = verdict === 'ok' ? 'rounding' : verdict;
    const tail = severity === 'rounding' ? '（在尾差范围内）' : '';
    return {
      severity,
      rule,
      table: '说明',
      sheet: w.sheet,
      cells: w.cells,
      message: `${quote(s)}：${what}${tail}。`,
      expected: expected?.value.toString(),
      actual: actual?.value.toString(),
    };
  }
}

interface Where {
  label: string;
  sheet: string;
  cells: string[];
}

function cellSpec(table: string, row: string, col: string, name: string): FactSpec {
  return { table, row, col, label: `${tableLabel(table)} ${row} ${normalizeText(name)}` };
}

function sameSpec(a: FactSpec, b: FactSpec): boolean {
  if (isSum(a) || isSum(b)) return a.label === b.label && a.table === b.table;
  return a.table === b.table && a.row === b.row && a.col === b.col;
}

function nameEq(rowName: string, text: string, code: string): boolean {
  const k = (s: string): string => normalizeText(s).replace(/支出$/, '');
  const t = k(text);
  if (t === k(rowName)) return true;
  const official = subjectName(code, 'functional');
  return !!official && t === k(official);
}

function parseNum(s: string): Figure | undefined {
  const p = parseAmountText(s.replace(/^_/, '').replace('−', '-'));
  if (p.kind === 'amount') return p.figure;
  if (p.kind === 'blank') return { value: ZERO, decimals: 0, blank: true };
  return undefined;
}

/** A stated amount against a table figure: equal, or the table figure rounded to the stated places, is fine. */
export function judgeAmount(stated: Figure, ref: Figure): Verdict {
  if (stated.value.eq(ref.value)) return 'ok';
  if (!ref.blank && stated.decimals < ref.decimals && roundHalfUp(ref.value, stated.decimals).eq(stated.value)) return 'ok';
  return checkEqual(stated, ref).verdict;
}

function best(a: Verdict, b: Verdict): Verdict {
  const order: Verdict[] = ['ok', 'rounding', 'error'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

function ratioRange(n0: Decimal, n1: Decimal, d0: Decimal, d1: Decimal): [Decimal, Decimal] {
  const nl = Decimal.max(n0, ZERO);
  if (d0.lte(0)) return [new D(0), new D(Infinity)];
  const c = [nl.div(d0), nl.div(d1), n1.div(d0), n1.div(d1)].map((x) => x.mul(100));
  return [Decimal.min(...c), Decimal.max(...c)];
}

/** A figure as a reader wants to see it: its own decimals, but a 元-converted 170.520000 shows as 170.52. */
function show(f: Figure): string {
  if (f.blank) return '0';
  if (f.decimals <= 2) return f.value.toFixed(f.decimals);
  const t = f.value.toFixed(f.decimals).replace(/0+$/, '');
  const dp = t.includes('.') ? t.length - t.indexOf('.') - 1 : 0;
  return f.value.toFixed(Math.max(2, dp));
}

/** 收入 / 支出 / 收支: the noun of “上年无此项…” for a subject. */
function nounOf(name: string): string {
  if (/收、?支|收入支出/.test(name)) return '收支';
  return /收入/.test(name) ? '收入' : '支出';
}

function fmt(v: Decimal, d: number): string {
  return roundHalfUp(v, d).toFixed(d);
}

function diffText(a: Decimal, b: Decimal): string {
  return a.minus(b).abs().toString();
}

/** A cell by name and place: 公开01表 第30行 收入总计 公开01表!C36. */
function ref(w: Where): string {
  return w.sheet && w.cells.length ? `${w.label} ${w.sheet}!${w.cells.join('、')}` : w.label;
}

/** The sentence quoted in a finding: line number and text, cut to a readable length. */
function quote(s: Sentence): string {
  const t = s.text.length > 90 ? s.text.slice(0, 88) + '…' : s.text;
  return `说明第${s.line}行“${t}”`;
}
