/**
 * Reads a 说明 (plain text, converted markdown or docx text, a PDF's extracted text, OCR
 * included) into sentences that know their section (一 … 十三), block and line.
 *
 * What real reports do, and how it is read:
 * - the 说明 is one part of a whole report (第三部分 …决算情况说明, 其他重要事项的情况说明, 决算公开说明):
 *   only those parts are read; without part headings the whole text is;
 * - sections are found by the words of their heading, not by their number, because offices
 *   number and order them differently (一、/（一）/(一)/1./一. , 13 or 15 sections, 三公 as 四 or 七);
 * - OCR loses brackets and numerals ("(一收入决算说明", "、财政拨款…") and puts spaces inside
 *   numbers (`170. 51`); PDF text breaks lines inside sentences and carries page numbers:
 *   lines of a paragraph are joined, sentences cut at 。！？ only, page-number lines dropped.
 */
import { HEADING_NOT_SECTION, REGION_PART, SECTION_HEADINGS, SectionId } from './vocabulary';

export type { SectionId } from './vocabulary';

export interface Sentence {
  /** As written, whitespace runs collapsed to one space (for quoting). */
  text: string;
  /** Normalised for matching: NFKC, no whitespace, no quotes, placeholders emptied. */
  norm: string;
  section: SectionId;
  /** Blocks are paragraphs or enumerated items; a subject named in a block carries over its sentences. */
  block: number;
  /** Paragraph number: a 完成率 is judged against a budget stated in the same paragraph. */
  paragraph: number;
  /** 1-based line where the sentence starts. */
  line: number;
  /** A table row (tab-separated or markdown |…|), not prose. */
  row?: boolean;
}

/** A heading line as read: where it is, what it says, the section it opens (if any). */
export interface Heading {
  line: number;
  text: string;
  section: SectionId;
}

export interface ReadText {
  sentences: Sentence[];
  headings: Heading[];
}

/** NFKC, no whitespace, no quotes, one kind of brackets: the form all matching uses. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2460-\u2473]/g, '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/【[^】]{0,400}】/g, '【】');
}

/** Numbering at the start of a heading or item, OCR-damaged forms included. */
const PART_HEADING = /^第[一二三四五六七八九十\d]+部[分份]?/;
const TOP_NUMBER = /^(?:[一二三四五六七八九十]{1,3}[、.,:]|、)(?=\S)/;
const SUB_NUMBER = /^[(][一二三四五六七八九十]{1,3}[)]?/;
const ITEM_NUMBER = /^(?:\d{1,2}[.、](?!\d)|[(]\d{1,2}[)]|[\u2460-\u2473])/;
const BULLET = /^(?:[-*•·]\s+|>\s*|#{1,6}\s+)/;
/** Lines that are not text: page numbers (12, —5—, - 1 -, 第3页), TOC leaders, Word field codes. */
const NOISE_LINE = /^(?:[-—–－\s]*\d{1,3}[-—–－\s]*|第\d+页(?:共\d+页)?|.*PAGEREF.*|.*[.…·]{6,}\s*\(?\d*\)?)$/;
const MAX_SENTENCE = 3000;
const MAX_HEADING = 40;
/** How a section title ends (a short content sentence such as “本单位无政府性基金…支出。” does not). */
const HEADING_END = /(?:说明|情况|结果|概况)[。.:]?$/;

/** The section a heading's words name, or undefined. */
export function sectionOfHeading(k: string): SectionId | undefined {
  if (HEADING_NOT_SECTION.test(k)) return undefined;
  for (const [id, re] of SECTION_HEADINGS) if (re.test(k)) return id;
  return undefined;
}

function stripNumber(k: string): { rest: string; kind: 'top' | 'sub' | 'item' | 'none' } {
  let m = TOP_NUMBER.exec(k);
  if (m) return { rest: k.slice(m[0].length), kind: 'top' };
  m = SUB_NUMBER.exec(k);
  if (m) return { rest: k.slice(m[0].length), kind: 'sub' };
  m = ITEM_NUMBER.exec(k);
  if (m) return { rest: k.slice(m[0].length), kind: 'item' };
  return { rest: k, kind: 'none' };
}

/** A short line without figures that reads as a title (ends like one or is numbered). */
function headingLike(rest: string): boolean {
  if (rest.length === 0 || rest.length > MAX_HEADING) return false;
  if (/万元|元[,，;；。]|\d%|%/.test(rest)) return false;
  // Years in titles are fine (2024年度…); other digits are content.
  return !/\d/.test(rest.replace(/\d{4}年度?/g, ''));
}

/** Splits a 说明 into sentences with their place. Linear in the length of the text. */
export function readText(text: string): ReadText {
  const lines = text.split(/\r\n|\r|\n|\f/);
  const keys = lines.map((l) => normalizeText(l.trim().replace(BULLET, '')));
  const hasRegionParts = keys.some((k) => PART_HEADING.test(k) && REGION_PART.test(k));
  let inRegion = !hasRegionParts;
  let section: SectionId = 'none';
  let block = 0;
  let paragraph = 0;
  const out: Sentence[] = [];
  const headings: Heading[] = [];
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

  let rowBuf = false;
  const flush = (): void => {
    if (buf.trim() !== '') {
      // Cut at sentence ends, keeping the mark; very long runs are cut hard so no step is quadratic.
      const parts = buf.match(/[^。！？!?]*[。！？!?]?/g) ?? [buf];
      let offset = 0;
      for (let p of parts) {
        while (p.length > 0) {
          const chunk = p.slice(0, MAX_SENTENCE);
          p = p.slice(MAX_SENTENCE);
          const lead = chunk.length - chunk.trimStart().length;
          const t = chunk.replace(/\s+/g, ' ').trim();
          if (t) out.push({ text: t, norm: normalizeText(t), section, block, paragraph, line: lineAt(offset + lead), ...(rowBuf ? { row: true } : {}) });
          offset += chunk.length;
        }
      }
    }
    buf = '';
    bufLines = [];
    rowBuf = false;
  };
  const newBlock = (): void => {
    flush();
    block++;
    paragraph++;
  };
  const heading = (i: number, raw: string, s: SectionId): void => {
    newBlock();
    section = s;
    headings.push({ line: i + 1, text: raw.trim(), section: s });
  };

  lines.forEach((rawLine, i) => {
    const line = rawLine.trim().replace(BULLET, '').trim();
    const k = keys[i];
    if (k === '') {
      // A blank line ends a paragraph only when the text before it ended a sentence (PDF text
      // breaks lines, and sometimes leaves blank lines, inside sentences).
      if (/[。！？!?；;：:]\s*$/.test(buf)) {
        flush();
        paragraph++;
      }
      return;
    }
    if (NOISE_LINE.test(k)) return;
    if (PART_HEADING.test(k)) {
      const glossary = /名词解释/.test(k);
      inRegion = !hasRegionParts || REGION_PART.test(k) || glossary;
      heading(i, line, glossary ? '名词解释' : inRegion ? 'none' : 'other');
      return;
    }
    if (!inRegion) return;
    const { rest, kind } = stripNumber(k);
    if (headingLike(rest) || k === '名词解释') {
      const named = /^名词解释/.test(rest) ? '名词解释' : HEADING_END.test(rest) ? sectionOfHeading(rest) : undefined;
      if (named) return heading(i, line, named);
      // A numbered 决算情况说明 / 其他重要事项 heading opens the 说明 without naming a section.
      if (kind !== 'item' && REGION_PART.test(rest)) return heading(i, line, 'none');
      // Another top-level heading (一、概况, 十、一般性支出情况): a section this checker does not read.
      if (kind === 'top') return heading(i, line, 'other');
    }
    // A table row (markdown | or tab-separated) is a sentence of its own.
    const isRow = /\t/.test(rawLine) || /^\|/.test(line);
    if (kind !== 'none' || isRow) newBlock();
    bufLines.push([buf.length, i + 1]);
    buf += line;
    if (isRow) {
      rowBuf = true;
      newBlock();
    } else if (/[：:]$/.test(line) && !/用于[：:]$/.test(line)) {
      // “…基本支出911.7万元，其中：” ends its line: what follows is a sentence of its own line.
      // Not “…（项）。主要用于：”, whose use runs on in the next line (所属事业单位项目支出。).
      flush();
    }
  });
  flush();
  return { sentences: out, headings };
}

/** The sentences of a 说明 (see readText). */
export function segment(text: string): Sentence[] {
  return readText(text).sentences;
}
