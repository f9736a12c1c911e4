/**
 * Turns a 说明 (plain text, converted markdown or docx text, OCR included) into sentences that
 * know their section (一 … 十三), subsection and block. OCR breaks lines inside sentences and
 * puts spaces inside numbers (`170. 51`), so lines of one paragraph are joined and sentences
 * are cut at 。！？ only; headings and enumerated items (1. （1）) start new blocks.
 */

export type SectionId = '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '十一' | '十二' | '十三' | '名词解释' | 'other' | 'none';

export interface Sentence {
  /** As written, whitespace runs collapsed to one space (for quoting). */
  text: string;
  /** Normalised for matching: NFKC, no whitespace, no quotes, placeholders emptied. */
  norm: string;
  section: SectionId;
  /** Subsection number within the section (0 before the first （一）). */
  sub: number;
  /** Blocks are paragraphs or enumerated items; a subject named in a block carries over its sentences. */
  block: number;
  /** 1-based line where the sentence starts. */
  line: number;
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 十三: 13 };
const SECTION_BY_NUMBER: SectionId[] = ['none', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

/** Heading keywords, most specific first. */
const SECTION_KEYS: [SectionId, RegExp][] = [
  ['名词解释', /名词解释/],
  ['九', /三公/],
  ['十', /机关运行经费/],
  ['十一', /政府采购/],
  ['十二', /国有资产/],
  ['十三', /绩效/],
  ['七', /政府性基金/],
  ['八', /国有资本经营/],
  ['六', /基本支出/],
  ['五', /一般公共预算财政拨款支出/],
  ['四', /财政拨款收入支出|财政拨款收支/],
  ['一', /收入支出决算总体|收支决算总体|收入支出总体|收支总体/],
  ['二', /收入决算/],
  ['三', /支出决算/],
];

/** NFKC, no whitespace, no quotes, one kind of brackets: the form all matching uses. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2460-\u2473]/g, '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/【[^】]{0,400}】/g, '【】');
}

const TOP_HEADING = /^([一二三四五六七八九十]{1,3})[、.．]/;
const SUB_HEADING = /^[(（]([一二三四五六七八九十]{1,2})[)）]/;
const ITEM_START = /^(?:\d{1,2}[.、．](?!\d)|[(（]\d{1,2}[)）]|[\u2460-\u2473])/;
const PART_HEADING = /^第[一二三四五六七八九十\d]+部分/;
const BULLET = /^(?:[-*•·]\s+|>\s*|#{1,6}\s+)/;
const MAX_SENTENCE = 3000;

function identifySection(k: string, numeral: string | undefined): SectionId {
  for (const [id, re] of SECTION_KEYS) if (re.test(k)) return id;
  const n = numeral ? NUMERALS[numeral] : undefined;
  return n ? SECTION_BY_NUMBER[n] : 'other';
}

function isHeadingLike(k: string): boolean {
  return k.length <= 60 && !/万元|\d%/.test(k);
}

/** Splits a 说明 into sentences with their place. Linear in the length of the text. */
export function segment(text: string): Sentence[] {
  const lines = text.split(/\r\n|\r|\n/);
  const hasParts = lines.some((l) => PART_HEADING.test(normalizeText(l.trim().replace(BULLET, ''))));
  let inRegion = !hasParts;
  let section: SectionId = 'none';
  let sub = 0;
  let block = 0;
  const out: Sentence[] = [];
  let buf = '';
  /** Where each joined line starts in buf, so a sentence knows its own line. */
  let bufLines: [number, number][] = [];
  const lineAt = (offset: number): number => {
    let line = bufLines.length ? bufLines[0][1] : 0;
    for (const [o, l] of bufLines) {
      if (o > offset) break;
      line = l;
    }
    return line;
  };

  const flush = (): void => {
    if (buf.trim() === '') {
      buf = '';
      return;
    }
    // Cut at sentence ends, keeping the mark; very long runs are cut hard so no step is quadratic.
    const parts = buf.match(/[^。！？!?]*[。！？!?]?/g) ?? [buf];
    let offset = 0;
    for (let p of parts) {
      while (p.length > 0) {
        const chunk = p.slice(0, MAX_SENTENCE);
        p = p.slice(MAX_SENTENCE);
        const lead = chunk.length - chunk.trimStart().length;
        const t = chunk.replace(/\s+/g, ' ').trim();
        if (t) out.push({ text: t, norm: normalizeText(t), section, sub, block, line: lineAt(offset + lead) });
        offset += chunk.length;
      }
    }
    buf = '';
    bufLines = [];
  };

  lines.forEach((rawLine, i) => {
    const line = rawLine.trim().replace(BULLET, '').trim();
    const k = normalizeText(line);
    if (k === '') {
      // A blank line ends a sentence only when the text before it ended one (OCR breaks mid-sentence).
      if (/[。！？!?；;]\s*$/.test(buf)) flush();
      return;
    }
    if (PART_HEADING.test(k)) {
      flush();
      inRegion = /决算/.test(k) && /情况说明/.test(k);
      section = 'none';
      sub = 0;
      block++;
      return;
    }
    if (!inRegion) return;
    const top = TOP_HEADING.exec(k);
    if ((top && isHeadingLike(k)) || k === '名词解释') {
      flush();
      section = identifySection(k, top?.[1]);
      sub = 0;
      block++;
      return;
    }
    const sh = SUB_HEADING.exec(k);
    if (sh && isHeadingLike(k) && section !== '名词解释') {
      flush();
      sub = NUMERALS[sh[1]] ?? sub + 1;
      block++;
      return;
    }
    // A table row (markdown | or tab-separated) is a sentence of its own.
    const isRow = /\t/.test(rawLine) || /^\|/.test(line);
    if (ITEM_START.test(k) || isRow) {
      flush();
      block++;
    }
    bufLines.push([buf.length, i + 1]);
    buf += line;
    if (isRow) {
      flush();
      block++;
    }
  });
  flush();
  return out;
}
