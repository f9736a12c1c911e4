/**
 * The generated 说明 as a small document model (headings, paragraphs, one table), so the
 * markdown renderer and the .docx writer render the same content. Placeholders stay marked
 * so a renderer can highlight them.
 */
import { PLACEHOLDER } from './patterns';

export type Inline = { text: string } | { placeholder: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2; number?: string; text: string }
  | { kind: 'para'; parts: Inline[] }
  | { kind: 'table'; caption: string; header: readonly string[]; rows: string[][] };

export interface NarrativeDoc {
  title: string;
  blocks: Block[];
}

export type SlotValue = string | Inline | Inline[];

/** A visible placeholder for a missing input. */
export function ph(what: string): Inline {
  return { placeholder: what };
}

export function isPlaceholder(i: Inline): i is { placeholder: string } {
  return 'placeholder' in i;
}

/** The text of a placeholder as printed: 【请填写：…】. */
export function placeholderText(what: string): string {
  return PLACEHOLDER.replace('{what}', what);
}

/**
 * Fills `{名字}` slots of a pattern. A slot without a value is a programming error (every
 * pattern's slots are filled by its generator), so it throws rather than print `{名字}`.
 */
export function fill(pattern: string, slots: Record<string, SlotValue>): Inline[] {
  const out: Inline[] = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pattern))) {
    if (m.index > last) out.push({ text: pattern.slice(last, m.index) });
    const v = slots[m[1]];
    if (v === undefined) throw new Error(`说明模板缺少“${m[1]}”：${pattern}`);
    if (typeof v === 'string') out.push({ text: v });
    else if (Array.isArray(v)) out.push(...v);
    else out.push(v);
    last = re.lastIndex;
  }
  if (last < pattern.length) out.push({ text: pattern.slice(last) });
  return merge(dedupeSeams(out));
}

/**
 * A word that ends a filled slot and starts the text after it is written once: a project
 * named “民呼我应项目” in “{名称}项目绩效自评综述” gives “民呼我应项目绩效自评综述”, not “项目项目”.
 */
function dedupeSeams(parts: Inline[]): Inline[] {
  const out = parts.slice();
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1];
    const b = out[i];
    if (isPlaceholder(a) || isPlaceholder(b)) continue;
    for (let n = Math.min(4, a.text.length, b.text.length); n >= 2; n--) {
      const word = b.text.slice(0, n);
      if (/^\p{Script=Han}+$/u.test(word) && a.text.endsWith(word)) {
        out[i] = { text: b.text.slice(n) };
        break;
      }
    }
  }
  return out;
}

/** Joins adjacent text runs. */
export function merge(parts: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const p of parts) {
    if (!isPlaceholder(p) && p.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && !isPlaceholder(prev) && !isPlaceholder(p)) out[out.length - 1] = { text: prev.text + p.text };
    else out.push(p);
  }
  return out;
}

/** Plain text of inline parts, placeholders printed. */
export function inlineText(parts: readonly Inline[]): string {
  return parts.map((p) => (isPlaceholder(p) ? placeholderText(p.placeholder) : p.text)).join('');
}

/** Joins lists of inline parts with a separator. */
export function joinInline(items: Inline[][], sep: string): Inline[] {
  const out: Inline[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push({ text: sep });
    out.push(...it);
  });
  return merge(out);
}

/** Chinese numerals for section numbers 1 … 99. */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '');
  return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '');
}
