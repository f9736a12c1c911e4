/**
 * Test helper: the corpus of 说明 passages modelled on published 部门决算 reports of other
 * departments, years and regions (tests/fixtures/narrative/corpus/<case>/). Each case holds its
 * passage (说明.txt, our own words in the shape of the published one), the figures of its tables
 * (case.json `tables`, a compact spec built here into recognised tables), its params, and the
 * findings worked out by hand for the check with tables (`expected`) and without (`expectedText`).
 * The source of each case (address, region, year, what was taken) is in case.json and in
 * docs/narrative-corpus.md.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { subjectName } from '../src/core/codes';
import { DISCLOSED_CLASSES } from '../src/core/codes/disclosure';
import { RecognizedTable, TableSet } from '../src/core/model';
import { RowSpec, makeTable } from './narrative-tables';

/** A finding worked out by hand: anchored on a unique piece of its sentence rather than a line number. */
export interface ExpectedFinding {
  severity: 'error' | 'rounding' | 'warning';
  rule: string;
  /** Text of the sentence the finding quotes (unique in the passage). */
  at: string;
  why: string;
}

type Cols = (string | null)[];

/** The tables of a case: only what the passage needs; values as published (万元). */
export interface TablesSpec {
  /** 公开01: income lines (col 1) and expense totals (col 2) by line, expense 类 lines by code. */
  '01'?: { lines?: Record<string, string>; classes?: Record<string, string> };
  /** 公开02 / 03 / 05 / 07 / 08: rows by code (or 合计), columns 1…n in order. */
  '02'?: Record<string, Cols>;
  '03'?: Record<string, Cols>;
  /** 公开04: lines; L59/L60/L64 and classes give columns 2–5. */
  '04'?: { lines?: Record<string, string | Cols>; classes?: Record<string, Cols> };
  '05'?: Record<string, Cols>;
  /** 公开06: amount by economic code or 人员经费合计 / 公用经费合计. */
  '06'?: Record<string, string>;
  '07'?: Record<string, Cols>;
  '08'?: Record<string, Cols>;
  /** 公开09: 预算数 栏1–6 and 决算数 栏7–12. */
  '09'?: { 预算: Cols; 决算: Cols };
}

export interface CorpusCase {
  id: string;
  title: string;
  source: { url: string; region: string; year: number; took: string };
  year: number;
  tables?: TablesSpec;
  params?: Record<string, unknown>;
  /** Findings of `validate` on the tables themselves (the published tables' own 尾差), by rule. */
  tableFindings?: string[];
  expected: ExpectedFinding[];
  expectedText: ExpectedFinding[];
  text: string;
}

const DIR = 'tests/fixtures/narrative/corpus';

export function loadCorpus(): CorpusCase[] {
  return readdirSync(DIR)
    .filter((d) => !d.startsWith('.'))
    .sort()
    .map((id) => {
      const json = JSON.parse(readFileSync(path.join(DIR, id, 'case.json'), 'utf8')) as Omit<CorpusCase, 'id' | 'text'>;
      return { ...json, id, text: readFileSync(path.join(DIR, id, '说明.txt'), 'utf8') };
    });
}

const cols = (vals: Cols): Record<string, string | undefined> => Object.fromEntries(vals.map((v, i) => [String(i + 1), v ?? undefined]));

const nameOf = (key: string): string => (key === '合计' ? '合计' : subjectName(key, key.startsWith('3') && key.length <= 5 ? 'economic' : 'functional') ?? key);

function codeTable(id: string, n: number, rows: Record<string, Cols> | undefined, year: number): RecognizedTable | undefined {
  if (!rows) return undefined;
  const specs: RowSpec[] = Object.entries(rows).map(([key, v]) => ({ key, code: key === '合计' ? undefined : key, name: nameOf(key), cells: cols(v) }));
  return makeTable(id, `公开0${id.slice(-1)}表`, Array.from({ length: n }, (_, i) => String(i + 1)), specs, year);
}

/** Builds the recognised tables of a case from its spec. */
export function corpusTables(spec: TablesSpec, year: number): TableSet {
  const out: RecognizedTable[] = [];
  const t01 = spec['01'];
  if (t01) {
    const rows: RowSpec[] = [];
    for (const [key, v] of Object.entries(t01.lines ?? {})) {
      const line = Number(key.slice(1));
      rows.push({ key, line, name: key, cells: line <= 30 ? { '1': v } : { '2': v } });
    }
    DISCLOSED_CLASSES.forEach((c, i) => rows.push({ key: `L${31 + i}`, line: 31 + i, code: c.code, name: c.name, cells: { '2': t01.classes?.[c.code] } }));
    out.push(makeTable('决算01', '公开01表', ['1', '2'], rows, year));
  }
  const t04 = spec['04'];
  if (t04) {
    const rows: RowSpec[] = [];
    for (const [key, v] of Object.entries(t04.lines ?? {})) {
      const line = Number(key.slice(1));
      rows.push({ key, line, name: key, cells: Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i + 2), x ?? undefined])) : { '1': v } });
    }
    DISCLOSED_CLASSES.forEach((c, i) => {
      const v = t04.classes?.[c.code];
      rows.push({ key: `L${33 + i}`, line: 33 + i, code: c.code, name: c.name, cells: v ? Object.fromEntries(v.map((x, j) => [String(j + 2), x ?? undefined])) : {} });
    });
    out.push(makeTable('决算04', '公开04表', ['1', '2', '3', '4', '5'], rows, year));
  }
  for (const [id, n, key] of [['决算02', 7, '02'], ['决算03', 6, '03'], ['决算05', 3, '05'], ['决算07', 6, '07'], ['决算08', 3, '08']] as const) {
    const t = codeTable(id, n, spec[key], year);
    if (t) out.push(t);
  }
  if (spec['06']) {
    const rows: RowSpec[] = Object.entries(spec['06']).map(([key, v]) => ({ key, code: /^\d+$/.test(key) ? key : undefined, name: nameOf(key), cells: { amount: v } }));
    out.push(makeTable('决算06', '公开06表', ['amount'], rows, year));
  }
  if (spec['09']) {
    const v = [...spec['09'].预算, ...spec['09'].决算];
    out.push(makeTable('决算09', '公开09表', Array.from({ length: 12 }, (_, i) => String(i + 1)), [{ key: '合计', name: '合计', cells: cols(v) }], year));
  }
  return new TableSet(out);
}

/** The line of the passage where an anchor text starts (whitespace ignored). */
export function lineOf(text: string, at: string): number {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const lines = text.split(/\r\n|\r|\n/);
  const key = squash(at);
  // An anchor may span a soft line break: match on the text joined from each line onward.
  for (let i = 0; i < lines.length; i++) {
    const rest = squash(lines.slice(i, i + 4).join(''));
    if (rest.startsWith(key) || squash(lines[i]).includes(key)) return i + 1;
  }
  throw new Error(`anchor not found: ${at}`);
}
