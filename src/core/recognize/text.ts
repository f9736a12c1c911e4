/** Text normalisation shared by title, header and row matching. */

/** Text for matching: full-width folded, no spaces (OCR splits words), one kind of brackets, no quotes. */
export function compact(text: string): string {
  // Codes, numbers and plain names (CJK ideographs have no NFKC form) are compact already:
  // skip the five replacements for them, since this runs on every row.
  if (/^[\u4e00-\u9fff0-9A-Za-z.\-()、]*$/.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** Numbering and lead-in words before a line name: 一、 (一) 1. 其中： 加： 减：. */
const NUMBERING = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.．]|\(\d{1,2}\)|\d{1,2}[.、．](?!\d)|其中[:：]?|加[:：]|减[:：])+/;

/** A line or row name without its numbering: “一、一般公共预算财政拨款收入” → 一般公共预算财政拨款收入. */
export function stripNumbering(text: string): string {
  const t = text.replace(NUMBERING, '');
  return t || text;
}
