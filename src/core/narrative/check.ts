/**
 * Checks a 决算情况说明: against its tables (`budget validate --narrative`), or on its own when
 * the tables exist only as pictures (`budget check-text`). Findings have table “说明”.
 *
 * text.ts reads the layout into sentences with their section; claims.ts reads each sentence into
 * claims; judge.ts judges every claim against its table cell, parameter or the text's own
 * figures through reconcile.ts; consistency.ts checks the text against itself. What could not
 * be placed is listed (提示) with its line, and the analysis counts what was read. disclosure.ts
 * lists what a 三公 section leaves out (提示).
 */
import { subjectName } from '../codes';
import { Finding } from '../findings';
import { RecognizedTable, TableSet } from '../model';
import { Claim, NarrativeClaim, extractClaims } from './claims';
import { consistency } from './consistency';
import { disclosureCheck } from './disclosure';
import { quote } from './format';
import { Judge, Stated } from './judge';
import { NarrativeParams } from './params';
import { Lexicon } from './subjects';
import { Heading, Sentence, normalizeText, readText } from './text';

export interface NarrativeStats {
  /** Sentences read in the 说明 part of the text. */
  sentences: number;
  /** Figures (amounts and percentages) in them. */
  figures: number;
  /** Figures read into a claim (checked against a table, a parameter or the text itself). */
  checked: number;
  /** Sentences with figures none of which could be placed (listed as 提示). */
  unplaced: number;
}

export interface NarrativeAnalysis {
  sentences: Sentence[];
  claims: NarrativeClaim[];
  findings: Finding[];
  stats: NarrativeStats;
}

/** Checks a 说明 text against the tables; findings have table “说明”. */
export function checkNarrative(text: string, tables: TableSet | readonly RecognizedTable[], params?: NarrativeParams): Finding[] {
  return analyzeNarrative(text, tables, params).findings;
}

/**
 * Like checkNarrative, also returning what was read. Without tables (undefined) the text is
 * checked on its own: sums, shares, changes and rates against the figures it states.
 */
export function analyzeNarrative(text: string, tables: TableSet | readonly RecognizedTable[] | undefined, params: NarrativeParams = new NarrativeParams()): NarrativeAnalysis {
  const set = tables === undefined ? undefined : tables instanceof TableSet ? tables : new TableSet(tables);
  const read = readText(text);
  const lex = new Lexicon(set, params);
  const given = params.num('年度') ?? set?.tables.find((t) => t.year !== undefined)?.year;
  const year = given ?? textYear(read.headings, read.sentences);
  const ex = extractClaims(read.sentences, lex, year);
  const judge = new Judge(lex, params, new Stated(ex.claims));
  const findings: Finding[] = [];
  const reported = new Set<Claim>();
  for (const c of ex.claims) {
    const fs = judge.judge(c);
    if (fs.some((f) => f.severity === 'error')) reported.add(c);
    findings.push(...fs);
  }
  findings.push(...consistency(ex.claims, judge, lex, reported));
  if (set) findings.push(...zeroNamesCheck(read.sentences, set));
  findings.push(...disclosureCheck(read.sentences, read.headings));
  if (given !== undefined) findings.push(...headingYears(read.headings, given));
  const unplaced = ex.figures.filter((x) => x.figures > 0 && x.used === 0);
  for (const u of unplaced) {
    findings.push({
      severity: 'warning',
      rule: '说明.未核对',
      table: '说明',
      sheet: '',
      cells: [],
      message: `${quote(u.s)}：其中${u.figures}个数字未能对应到表格、参数或说明中可核对的项目，未核对（${u.s.section === 'other' ? '所在章节不在核对范围' : '如为某类支出内部的明细、项目或数量，请人工核对'}）。`,
    });
  }
  const figures = ex.figures.reduce((n, x) => n + x.figures, 0);
  const checked = ex.figures.reduce((n, x) => n + Math.min(x.used, x.figures), 0);
  return {
    sentences: read.sentences,
    claims: ex.claims,
    findings: dedupe(findings),
    stats: { sentences: read.sentences.filter((s) => s.section !== '名词解释').length, figures, checked, unplaced: unplaced.length },
  };
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

/** The report year the text gives itself: its 说明 headings, else the year most sentences open with. */
function textYear(headings: readonly Heading[], sentences: readonly Sentence[]): number | undefined {
  for (const h of headings) {
    const m = /(\d{4})\s*年度?/.exec(h.text);
    if (m && /决算|说明/.test(h.text)) return Number(m[1]);
  }
  const counts = new Map<number, number>();
  for (const s of sentences) {
    const m = /^(\d{4})年度?(?![\d月])/.exec(s.norm);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** A 说明 heading naming another year than the tables' (or the 年度 parameter's). */
function headingYears(headings: readonly Heading[], year: number): Finding[] {
  const out: Finding[] = [];
  for (const h of headings) {
    const m = /(\d{4})\s*年度?(?!\s*\d{1,2}\s*月)/.exec(h.text);
    if (!m || Number(m[1]) === year || !/决算|说明|情况/.test(h.text)) continue;
    out.push({ severity: 'error', rule: '说明.年度', table: '说明', sheet: '', cells: [], message: `说明第${h.line}行标题“${h.text}”的年度${m[1]}年与表格（或参数“年度”）的${year}年不一致。`, expected: String(year), actual: m[1] });
  }
  return out;
}

/** 六: names listed as 主要包括 that are zero in 公开06 (a 提示: the list should name what was spent). */
function zeroNamesCheck(sentences: readonly Sentence[], tables: TableSet): Finding[] {
  const t = tables.get('决算06');
  if (!t) return [];
  const byName = new Map<string, { zero: boolean; address?: string }>();
  for (const r of t.rows) {
    if (!/^\d{3}(\d{2})?$/.test(r.key)) continue;
    const zero = !r.cells.amount || r.cells.amount.figure.value.isZero();
    for (const n of [r.name, subjectName(r.key, 'economic')]) if (n) byName.set(normalizeText(n), { zero, address: r.cells.amount?.address });
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
