/**
 * Markdown and plain-text renderings of the generated 说明 (for review and diffing), and the
 * reverse: markdown back to plain text for the checker.
 */
import { Block, Inline, NarrativeDoc, inlineText, isPlaceholder, placeholderText } from './doc';

/** Escapes what markdown would read as markup; cell text is data, never markup. */
function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

function inlineMd(parts: readonly Inline[]): string {
  return parts.map((p) => (isPlaceholder(p) ? `**${esc(placeholderText(p.placeholder))}**` : esc(p.text))).join('');
}

function headingText(b: Extract<Block, { kind: 'heading' }>): string {
  return `${b.number ?? ''}${b.text}`;
}

export function renderMarkdown(doc: NarrativeDoc): string {
  const out: string[] = [`# ${esc(doc.title)}`, ''];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${b.level === 1 ? '##' : '###'} ${esc(headingText(b))}`, '');
        break;
      case 'para':
        out.push(inlineMd(b.parts), '');
        break;
      case 'table':
        out.push(`**${esc(b.caption)}**`, '');
        out.push(`| ${b.header.map(esc).join(' | ')} |`);
        out.push(`| ${b.header.map((_, i) => (i === 0 ? ':---' : '---:')).join(' | ')} |`);
        for (const r of b.rows) out.push(`| ${r.map(esc).join(' | ')} |`);
        out.push('');
        break;
    }
  }
  return out.join('\n');
}

/** Plain text, one paragraph per line; table rows tab-separated. */
export function renderText(doc: NarrativeDoc): string {
  const out: string[] = [doc.title, ''];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(headingText(b), '');
        break;
      case 'para':
        out.push(inlineText(b.parts), '');
        break;
      case 'table':
        out.push(b.caption, b.header.join('\t'), ...b.rows.map((r) => r.join('\t')), '');
        break;
    }
  }
  return out.join('\n');
}

/** Markdown → the text a reader sees: markers and escapes removed, table rows tab-separated. */
export function markdownToText(md: string): string {
  const lines = md.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw;
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    if (/^\s*\|/.test(line)) {
      const cells = splitRow(line.trim());
      out.push(cells.map(unescape).join('\t'));
      continue;
    }
    line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s{0,3}>\s?/, '');
    line = line.replace(/(\*\*|__)(.+?)\1/g, '$2');
    out.push(unescape(line));
  }
  return out.join('\n');
}

function splitRow(line: string): string[] {
  const body = line.replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      cur += ch + body[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function unescape(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()<>#+\-.!|~])/g, '$1');
}
