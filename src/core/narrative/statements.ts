/**
 * Checking the figures of a 预算情况说明 or a 绩效自评结果 text against their tables (DOMAIN §3,
 * §8): each kind lists, as data, the statements its text makes — a pattern with `{n}` where the
 * number stands, and the table figure it copies or derives. A copied figure must equal its cell
 * at the precision the text writes (truncation is 尾差); a derived one (share, rate) is judged
 * on the interval its inputs allow. Sentences the patterns do not describe are not judged.
 */
import { Finding, Severity } from '../findings';
import type { NarrativeStats } from './check';
import { D, Figure, yuanToWan } from '../money';
import { Explanation, Verdict, checkRatio, checkShare, judgeCopy } from '../reconcile';

/** A number as a 说明 writes it: 1,654.997 or 806.77 or 100. */
export const NUMBER = '([0-9][0-9,，]*(?:\\.[0-9]+)?)';

export interface CellPlace {
  sheet: string;
  address: string;
}

export interface Statement {
  /** Regex source; `{n}` is the stated number. */
  pattern: string;
  /** What is stated, in the words of a message: 基本支出, 执行率. */
  what: string;
  /** The figure it copies, or the parts it derives a percentage from (n ÷ d × 100). */
  copies?: Figure;
  derives?: { n: Figure; d: Figure };
  /** Shares of one breakdown (the 类 of 支出总预算): stated shares may be adjusted to add up to 100 %. */
  group?: string;
  cell?: CellPlace;
}

/** A part of a text: the sentences under one heading, with the statements they may make. */
export interface TextPart {
  sentences: string[];
  statements: Statement[];
}

export interface StatementCheck {
  findings: Finding[];
  /** What was read: sentences, figures in them, figures judged (no unplaced list: 0). */
  stats: NarrativeStats;
}

/** Splits text into sentences at 。；; and line ends, spaces around numbers removed. */
export function sentencesOf(text: string): string[] {
  return text
    .normalize('NFKC')
    // OCR and typesetting put spaces around numbers (2025 年 806.77 万元): none counts.
    .replace(/[ \t\u00a0\u3000]+(?=[0-9])|(?<=[0-9%])[ \t\u00a0\u3000]+/g, '')
    .replace(/(\d)\.[ \t]*(?=\d)/g, '$1.')
    .split(/[。；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The stated number as a figure with the decimals it is written with. */
function stated(text: string): Figure {
  const t = text.replace(/[,，]/g, '');
  return { value: new D(t), decimals: t.includes('.') ? t.length - t.indexOf('.') - 1 : 0 };
}

const SEVERITY: Record<Exclude<Verdict, 'ok'>, Severity> = { error: 'error', rounding: 'rounding' };
const WHY: Partial<Record<Explanation, string>> = { truncation: '差异为截尾所致', 'largest-remainder': '该占比为凑足100%而调整（最大余数法）', interval: '在舍入允许范围内' };

/** Judges every statement the parts' sentences make; `rule` names the kind of text. */
export function checkStatements(parts: readonly TextPart[], rule: string, sheetOf: (c?: CellPlace) => string = (c) => c?.sheet ?? ''): StatementCheck {
  const findings: Finding[] = [];
  // The same wrong figure stated again (缩略版 and 摘要版 of one text) is one finding.
  const seen = new Map<string, { finding: Finding; times: number }>();
  let claims = 0;
  let sentences = 0;
  let figures = 0;
  for (const part of parts) {
    // Longer patterns first, so 一般公共预算支出预算 is not read as 支出预算.
    const specs = [...part.statements].sort((a, b) => b.pattern.length - a.pattern.length);
    const compiled = specs.map((s) => ({ s, re: new RegExp(s.pattern.replace('{n}', NUMBER), 'g') }));
    for (const sentence of part.sentences) {
      sentences++;
      figures += (sentence.match(/[0-9][0-9,，]*(?:\.[0-9]+)?(?:万元|元|%|分)/g) ?? []).length;
      const taken = new Set<number>();
      for (const { s, re } of compiled) {
        re.lastIndex = 0;
        for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
          const at = m.index + m[0].lastIndexOf(m[1]);
          if (taken.has(at)) continue;
          taken.add(at);
          claims++;
          // An amount written in 元 (some offices' texts) compares with the table in 万元.
          const inYuan = /(?<!万)元$/.test(m[0]) && !/%$/.test(m[0]);
          const figure = inYuan ? yuanToWan(stated(m[1])) : stated(m[1]);
          let verdict: Verdict;
          let expected: string;
          let by: Explanation = 'none';
          if (s.derives) {
            // Shares of one breakdown may be adjusted to add up to 100 % (checkShare says so).
            const group = s.group ? part.statements.filter((x) => x.group === s.group && x.derives) : [];
            const r = group.length > 1 ? checkShare(group.map((x) => x.derives!.n), group.indexOf(s), s.derives.d, figure) : checkRatio(s.derives.n, s.derives.d, figure, 100);
            ({ verdict, by } = r);
            expected = r.expected.toFixed(figure.decimals);
          } else if (s.copies) {
            const j = judgeCopy(figure, s.copies);
            ({ verdict, by } = j);
            expected = j.expected.toFixed(figure.decimals);
          } else continue;
          if (verdict === 'ok') continue;
          const again = `${s.what}|${m[1]}|${s.cell?.sheet}!${s.cell?.address}`;
          const prior = seen.get(again);
          if (prior) {
            prior.times++;
            prior.finding.message = prior.finding.message.replace(/(（全文共出现 \d+ 次）)?。$/, `（全文共出现 ${prior.times} 次）。`);
            continue;
          }
          const excerpt = sentence.length > 60 ? `${sentence.slice(0, 58)}…` : sentence;
          const table = s.copies ? s.copies.value.toFixed(Math.max(2, s.copies.decimals > 6 ? 2 : s.copies.decimals)) : expected;
          const finding: Finding = {
            severity: SEVERITY[verdict],
            rule,
            table: '说明',
            sheet: sheetOf(s.cell),
            cells: s.cell ? [s.cell.address] : [],
            message: `说明“${excerpt}”：${s.what}写为 ${m[1]}${inYuan ? '元' : ''}，${s.derives ? `按表中数字计算应为 ${expected}` : `表中为 ${table}`}${verdict === 'rounding' ? `，${WHY[by] ?? '在舍入允许范围内'}，属尾差` : ''}。`,
            expected,
            actual: figure.value.toFixed(figure.decimals),
          };
          seen.set(again, { finding, times: 1 });
          findings.push(finding);
        }
      }
    }
  }
  return { findings, stats: { sentences, figures, checked: claims, unplaced: 0 } };
}

/** Escapes a name for use inside a statement pattern. */
export function literal(name: string): string {
  return name.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name … {n}万元` (or 元): a name, a few words that are not numbers, the amount. */
export function amountAfter(name: string): string {
  return `${literal(name)}[^0-9。；，,、]{0,8}?{n}(?:万元|元)`;
}

/** `name … X万元，占(支出总预算){n}%`: the share written right after a part's amount. */
export function shareAfter(name: string): string {
  return `${literal(name)}[^0-9。；，,、]{0,8}?[0-9][0-9,.]*(?:万元|元)[，,]?占[^0-9。；，,]{0,8}?{n}%`;
}
