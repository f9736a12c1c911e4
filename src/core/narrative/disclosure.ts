/**
 * 九 “三公”经费: does the section state each item (DOMAIN §8: 三公 at zero must still be described)?
 * The figures are judged elsewhere; this finds what is left out — an item never named with its
 * amount (or 0 / 无 / 未发生), or the counts of an item that was spent: 团组 and 人次 of 因公出国（境）,
 * the 保有量 of 公务用车, the 国内 批次 and 人次 of 公务接待. What each item needs and the words that
 * state it are data (vocabulary.ts DISCLOSURE_*).
 *
 * Read only when the text has a 三公 section (a heading read as 九), so a passage without one is not
 * told what a whole 说明 lacks. Nothing spent needs no detail: an item stated at zero needs no
 * counts (unless its counts are begun: 外宾 counts without the 国内 ones), and a total stated at
 * zero (本单位无“三公”经费支出) covers its parts. One 提示 per item, at the section's heading.
 */
import { Finding } from '../findings';
import { SangongKey } from '../codes/disclosure';
import { Heading, Sentence, normalizeText } from './text';
import {
  DISCLOSURE_BUDGET_HEADING,
  DISCLOSURE_ITEMS,
  DISCLOSURE_NAMES,
  DISCLOSURE_NONE_AFTER,
  DISCLOSURE_NONE_BEFORE,
  DISCLOSURE_NOT_SPENDING,
  DisclosureDetail,
  NUM,
} from './vocabulary';

/** One naming of an item in the section's text, with the text up to the next naming. */
interface Span {
  key: SangongKey;
  foreign: boolean;
  start: number;
  /** Where the name ends and the span's own text starts. */
  body: number;
  end: number;
  /** The item's spending as stated here: zero, not zero, or not stated. */
  amount?: 'zero' | 'spent';
}

const FIGURE = new RegExp(`(${NUM}|【】)(万元|万|元)`, 'g');
const AND = /^(?:费|支出|经费)?[、和及与]$/;

/** The 三公 section's 提示: one per item it leaves out. */
export function disclosureCheck(sentences: readonly Sentence[], headings: readonly Heading[]): Finding[] {
  const heading = headings.find((h) => h.section === '九');
  // A 预算 说明's 三公 section (…“三公”经费支出安排情况) states budgets, not what was spent and counted.
  if (!heading || DISCLOSURE_BUDGET_HEADING.test(normalizeText(heading.text))) return [];
  const own = sentences.filter((s) => s.section === '九');
  const where = `说明第${heading.line}行“${heading.text.replace(/\s+/g, ' ')}”`;
  if (own.length === 0) {
    return [finding(`${where}：这一节没有内容，“三公”经费即使为零也应写明（${DISCLOSURE_ITEMS.map((i) => i.name).join('、')}各支出多少或未发生）。`)];
  }
  const text = own.map((s) => s.norm.replace(/[。]?$/, '。')).join('');
  const spans = spansOf(text);
  const zero = new Set<SangongKey>();
  const stated = new Set<SangongKey>();
  for (const s of spans) {
    if (s.foreign || !s.amount) continue;
    stated.add(s.key);
    if (s.amount === 'zero') zero.add(s.key);
  }
  const out: Finding[] = [];
  for (const item of DISCLOSURE_ITEMS) {
    const covered = item.within.some((k) => zero.has(k));
    const isZero = covered || zero.has(item.key);
    const mine = spans.filter((s) => s.key === item.key);
    const partText = (which: DisclosureDetail['where']) =>
      which === 'section' ? text : mine.filter((s) => which !== 'domestic' || !s.foreign).map((s) => text.slice(s.start, s.end)).join('。');
    const begun = !!item.begun && item.begun.test(partText('item'));
    const missing: string[] = [];
    if (!stated.has(item.key) && !covered) missing.push('金额');
    if (!isZero || begun) for (const d of item.details) if (!d.re.test(partText(d.where ?? 'item'))) missing.push(d.what);
    if (missing.length === 0) continue;
    const foreignCounts = !!item.begun && item.begun.test(mine.filter((s) => s.foreign).map((s) => text.slice(s.start, s.end)).join('。'));
    out.push(finding(`${where}：未写明${describe(item.name, missing, foreignCounts)}。`));
  }
  return out;
}

function describe(name: string, missing: string[], foreignOnly: boolean): string {
  const details = missing.filter((m) => m !== '金额');
  const amount = missing.includes('金额') ? `${name}的支出金额（未发生的也应写明“0万元”或“未发生”）` : '';
  if (!details.length) return amount;
  const counts = `${amount ? '及' : `${name}的`}${details.join('、').replace(/、国内公务接待/g, '、')}${foreignOnly ? '（只写了接待外宾的批次、人次）' : ''}`;
  return amount + counts;
}

function finding(message: string): Finding {
  return { severity: 'warning', rule: '说明.三公缺项', table: '说明', sheet: '', cells: [], message };
}

/** The namings of items in the text, each with its span up to the next naming and its stated amount. */
function spansOf(text: string): Span[] {
  const hits: Span[] = [];
  for (const n of DISCLOSURE_NAMES) {
    for (const m of text.matchAll(n.re)) hits.push({ key: n.key, foreign: !!n.foreign, start: m.index!, body: m.index! + m[0].length, end: 0 });
  }
  hits.sort((a, b) => a.start - b.start || b.body - a.body);
  const spans: Span[] = [];
  for (const h of hits) if (!spans.length || h.start >= spans[spans.length - 1].body) spans.push(h);
  spans.forEach((s, i) => (s.end = i + 1 < spans.length ? spans[i + 1].start : text.length));
  for (const s of spans) s.amount = amountOf(text, s);
  // “因公出国（境）费、公务接待费均为0”: a name joined to the next by 、/和 shares its statement.
  for (let i = spans.length - 2; i >= 0; i--) {
    const s = spans[i];
    if (!s.amount && AND.test(text.slice(s.body, s.end))) s.amount = spans[i + 1].amount;
  }
  return spans;
}

/** The spending stated right at a naming: none-words before or after it, or the first figure of its clause that is not a budget or a change. */
function amountOf(text: string, s: Span): Span['amount'] {
  const before = text.slice(Math.max(0, s.start - 6), s.start);
  const after = text.slice(s.body, s.end);
  const clauseEnd = after.search(/[。;]/);
  const clause = clauseEnd < 0 ? after : after.slice(0, clauseEnd);
  if (DISCLOSURE_NONE_BEFORE.test(before) && !/^(?:财政拨款)?预算/.test(after)) return 'zero';
  let last = 0;
  for (const m of clause.matchAll(FIGURE)) {
    const lead = clause.slice(last, m.index!);
    last = m.index! + m[0].length;
    const words = lead.slice(lead.search(/[,:][^,:]*$/) + 1);
    if (DISCLOSURE_NOT_SPENDING.test(words) && !/决算(?:数)?(?:为|是)?$/.test(words)) continue;
    if (m[1] === '【】') return 'spent';
    return Number(m[1].replace(/,/g, '').replace(/−/g, '-').replace(/^-+0-*$/, '0')) === 0 ? 'zero' : 'spent';
  }
  if (DISCLOSURE_NONE_AFTER.test(clause)) return 'zero';
  return undefined;
}
