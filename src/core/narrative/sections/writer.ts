/**
 * What every section of the generated 说明 shares: the tables' facts, the params and settings,
 * the year and unit, and the small sentences they are made of — an amount, a percentage, a
 * reason (or its placeholder), the change against last year, the completion rate.
 */
import Decimal from 'decimal.js';
import { subjectName } from '../../codes';
import { D, Figure, ZERO, formatAmount, roundHalfUp } from '../../money';
import { TableRow, TableSet } from '../../model';
import { describeChange, sharesOf } from '../../phrases';
import { Block, Inline, SlotValue, chineseNumber, fill, merge, ph } from '../doc';
import { FACT_CELLS, FactName, Facts, tableLabel } from '../facts';
import { NarrativeParams } from '../params';
import { CHANGE } from '../patterns';

/** Name as published: full-width parentheses, no stray spaces. */
export function publishName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^[一二三四五六七八九十]+、/, '');
}

export interface ChangeSpec {
  /** Subject as written in the sentence, e.g. 收、支总计. */
  subject: string;
  current: Figure | undefined;
  priorPath: string;
  noun: '收支' | '收入' | '支出';
  pair?: boolean;
  /** Reason parameters, first given wins; `false`: this sentence needs no reason clause. */
  reasons: string[] | false;
  reasonWhat?: string;
}

export type ChangeKind = 'increase' | 'decrease' | 'flat' | 'new' | 'unknown';

export class Writer {
  readonly f: Facts;
  readonly s: NarrativeParams['settings'];
  readonly year: SlotValue;
  readonly prior: SlotValue;
  readonly unit: SlotValue;

  constructor(
    tables: TableSet,
    readonly p: NarrativeParams,
  ) {
    this.f = new Facts(tables);
    this.s = p.settings;
    const y = p.num('年度') ?? tables.tables.find((t) => t.year !== undefined)?.year;
    this.year = y !== undefined ? String(y) : ph('决算年度（参数“年度”）');
    this.prior = y !== undefined ? String(y - 1) : ph('上一年度（参数“年度”）');
    this.unit = p.text('单位名称') ?? ph('单位名称（参数“单位名称”）');
  }

  amt(v: Figure | Decimal): string {
    return formatAmount(D.isDecimal(v) ? (v as Decimal) : (v as Figure).value, this.s.amountDecimals);
  }

  /** A percentage figure at the configured precision; a whole one is written without decimals (100%, not 100.0%). */
  pct(v: Decimal, decimals: number): string {
    const r = roundHalfUp(v, decimals);
    return r.isInteger() ? r.toFixed(0) : r.toFixed(decimals);
  }

  share(part: Figure, total: Figure, decimals: number): string {
    return this.pct(sharesOf([part.value], total.value, decimals)[0], decimals);
  }

  /** The figure of a fact as text, or a placeholder saying which table was not recognised. */
  factText(name: FactName): SlotValue {
    const v = this.f.get(name);
    if (v) return this.amt(v);
    const tables = [...new Set(FACT_CELLS[name].map((a) => tableLabel(a.table)))].join('或');
    return ph(`${name}（未识别到${tables}，请核对表格）`);
  }

  reason(paths: string[], what: string): SlotValue {
    for (const path of paths) {
      const t = this.p.text(path);
      if (t) return stripEndPunct(t);
    }
    return ph(`${what}（参数“${paths[0]}”）`);
  }

  /** 与上年相比… sentence; returns the inline parts and the kind of change. */
  change(c: ChangeSpec): { parts: Inline[]; kind: ChangeKind } {
    if (!c.current) return { parts: [], kind: 'unknown' };
    const prior = this.p.amount(c.priorPath);
    const base = { 上年: this.prior, 主语: c.subject, 各: c.pair ? '各' : '' };
    const reasonClause = (): Inline[] =>
      c.reasons === false ? fill(CHANGE.end, {}) : fill(CHANGE.reason, { 原因: this.reason(c.reasons, c.reasonWhat ?? `${c.subject}增减的主要原因`) });
    if (!prior) {
      const tail = fill(CHANGE.unknown, { 占位: ph(`上年${c.subject}决算数（参数“${c.priorPath}”），填写后自动计算增减额和增减率`) });
      return { parts: merge([...fill(CHANGE.sentence, { ...base, 变化: tail }), ...reasonClause()]), kind: 'unknown' };
    }
    const ch = describeChange(c.current.value, prior.value, { amountDecimals: this.s.amountDecimals, percentDecimals: this.s.changeDecimals });
    let tail: Inline[];
    switch (ch.kind) {
      case 'flat':
        tail = fill(CHANGE.flat, {});
        return { parts: merge([...fill(CHANGE.sentence, { ...base, 各: '', 变化: tail }), ...fill(CHANGE.end, {})]), kind: 'flat' };
      case 'new':
        tail = fill(c.current.value.isNeg() ? CHANGE.newDecrease : CHANGE.new, { 金额: this.amt(ch.amount), 上年: this.prior, 收支: c.noun });
        break;
      case 'increase':
        tail = fill(CHANGE.increase, { 金额: this.amt(ch.amount), 百分比: this.pct(ch.percent!, this.s.changeDecimals) });
        break;
      case 'decrease':
        tail = fill(CHANGE.decrease, { 金额: this.amt(ch.amount), 百分比: this.pct(ch.percent!, this.s.changeDecimals) });
        break;
    }
    return { parts: merge([...fill(CHANGE.sentence, { ...base, 变化: tail }), ...reasonClause()]), kind: ch.kind };
  }

  /** The `{完成}` clause: ，完成年初预算的x% / ，年初未安排预算 / nothing. */
  rateClause(actual: Figure | undefined, budget: Figure | undefined, W: { rate: string; rateNoBudget: string; rateNone: string }): Inline[] {
    if (!actual || !budget) return fill(W.rateNone, {});
    const b = roundHalfUp(budget.value, this.s.amountDecimals);
    if (b.isZero()) return actual.value.isZero() ? fill(W.rateNone, {}) : fill(W.rateNoBudget, {});
    return fill(W.rate, { 完成率: this.pct(actual.value.div(budget.value).mul(100), this.s.rateDecimals) });
  }

  /** Name of a code from the code tables (05, then 03, 02), or the official name, or a placeholder. */
  codeName(code: string): SlotValue {
    for (const t of ['决算05', '决算03', '决算02', '决算07', '决算08']) {
      const r = this.f.tables.row(t, code);
      if (r && r.name.trim()) return publishName(r.name);
    }
    const official = subjectName(code, 'functional');
    return official ? publishName(official) : ph(`科目${code}的名称`);
  }

  para(...parts: Inline[][]): Block {
    return { kind: 'para', parts: merge(parts.flat()) };
  }

  h2(n: number, text: string): Block {
    return { kind: 'heading', level: 2, number: `（${chineseNumber(n)}）`, text };
  }
}

/** A cell of a code row, or an exact zero. */
export function fig(r: TableRow, col: string): Figure {
  return r.cells[col]?.figure ?? { value: ZERO, decimals: 0, blank: true };
}

export function stripEndPunct(s: string): string {
  return s.trim().replace(/[。．.；;，,\s]+$/u, '');
}

export function paragraphs(s: string): string[] {
  return s
    .split(/\n+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
