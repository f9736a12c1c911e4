/**
 * 政府收支分类科目: code levels, parents, names, and name → code matching.
 *
 * Pure data + functions (no Node/DOM), shared by the Excel functions, the task pane and the
 * CLI. Every lookup goes through Maps built once at module load, because the checks call these
 * for every row of tables that can run to 20,000 rows.
 */
import { FUNCTIONAL_ROWS } from './functional-data';
import { ECONOMIC_ROWS } from './economic-data';

export type CodeScheme = 'functional' | 'economic';
export type CodeLevel = '类' | '款' | '项';

export interface Subject {
  code: string;
  name: string;
  level: CodeLevel;
  scheme: CodeScheme;
  /** Older or variant names of the same subject (renamed 类, OCR-free spellings). */
  aliases?: readonly string[];
}

/** One line of the bundled data files; level and scheme follow from the code and the file. */
export interface SubjectRow {
  code: string;
  name: string;
  aliases?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Names

/** A leading list ordinal: 一、 十二、 (一) (1) 1. 1、 1) — but not a number such as 1.5. */
const LEADING_ORDINAL =
  /^(?:[一二三四五六七八九十百零〇]+[、.,]|\([一二三四五六七八九十百零〇\d]+\)[、.]?|\d+(?:[、,]|[.)](?!\d)))/;
/** Circled digits ① … ⑳; NFKC would turn them into bare digits that glue onto the name. */
const LEADING_CIRCLED = /^[\u2460-\u2473]/;
/** A trailing level marker as written in 说明 text or headers: (类) (款) (项) (201类). */
const TRAILING_LEVEL = /\(\d*[类款项]\)$/;

/**
 * The normalisation used for matching names: NFKC (full-width letters, digits and （）become
 * ASCII), all whitespace removed (OCR puts spaces inside words: "一般公共 服务支出"), and a
 * leading ordinal such as 一、 (一) 1. stripped. Other modules reuse it to compare labels.
 */
export function normalizeName(name: string): string {
  const s = name.trim().replace(LEADING_CIRCLED, '');
  return s.normalize('NFKC').replace(/\s+/g, '').replace(LEADING_ORDINAL, '');
}

/** normalizeName plus the trailing (类)/(款)/(项) marker, which is not part of a subject name. */
function matchKey(name: string): string {
  return normalizeName(name).replace(TRAILING_LEVEL, '');
}

// ---------------------------------------------------------------------------------------------
// Codes

const DIGITS = /^\d+$/;

/**
 * The level a code's length says: functional 3/5/7 digits, economic 3/5. Undefined for anything
 * else (non-digits, or lengths like 201035 that OCR produces from 2010350). Without a scheme,
 * codes starting with 3 are taken as economic, all others as functional.
 */
export function codeLevel(code: string, scheme?: CodeScheme): CodeLevel | undefined {
  const c = code.trim();
  if (!DIGITS.test(c)) return undefined;
  const s = scheme ?? schemeOf(c);
  if (c.length === 3) return '类';
  if (c.length === 5) return '款';
  if (c.length === 7 && s === 'functional') return '项';
  return undefined;
}

/** 2010350 → 20103, 20103 → 201, 30101 → 301; a 类 (or a malformed code) has none. */
export function parentCode(code: string): string | undefined {
  const c = code.trim();
  if (!DIGITS.test(c)) return undefined;
  if (c.length === 7) return c.slice(0, 5);
  if (c.length === 5) return c.slice(0, 3);
  return undefined;
}

/** Functional codes start with 2, economic ones with 3; the schemes never share a code. */
function schemeOf(code: string): CodeScheme {
  return code.startsWith('3') ? 'economic' : 'functional';
}

// ---------------------------------------------------------------------------------------------
// Indexes, built once

const LEVEL_BY_LENGTH: Record<number, CodeLevel> = { 3: '类', 5: '款', 7: '项' };

function buildSubjects(rows: readonly SubjectRow[], scheme: CodeScheme): readonly Subject[] {
  return rows.map((r) => {
    const s: Subject = { code: r.code, name: r.name, level: LEVEL_BY_LENGTH[r.code.length], scheme };
    if (r.aliases && r.aliases.length > 0) s.aliases = Object.freeze([...r.aliases]);
    return Object.freeze(s);
  });
}

interface SchemeIndex {
  all: readonly Subject[];
  byCode: Map<string, Subject>;
  /** matchKey(name or alias) → subjects carrying it, in data order. */
  byKey: Map<string, Subject[]>;
  children: Map<string, Subject[]>;
}

function buildIndex(all: readonly Subject[]): SchemeIndex {
  const byCode = new Map<string, Subject>();
  const byKey = new Map<string, Subject[]>();
  const children = new Map<string, Subject[]>();
  for (const s of all) {
    byCode.set(s.code, s);
    const keys = new Set([s.name, ...(s.aliases ?? [])].map(matchKey));
    for (const k of keys) {
      const list = byKey.get(k);
      if (list) list.push(s);
      else byKey.set(k, [s]);
    }
    const p = parentCode(s.code);
    if (p !== undefined) {
      const list = children.get(p);
      if (list) list.push(s);
      else children.set(p, [s]);
    }
  }
  return { all, byCode, byKey, children };
}

const FUNCTIONAL = buildIndex(buildSubjects(FUNCTIONAL_ROWS, 'functional'));
const ECONOMIC = buildIndex(buildSubjects(ECONOMIC_ROWS, 'economic'));
const INDEX: Record<CodeScheme, SchemeIndex> = { functional: FUNCTIONAL, economic: ECONOMIC };

/** The 支出功能分类 类 in official order (201 … 234). */
export const FUNCTIONAL_CLASSES: readonly Subject[] = Object.freeze(FUNCTIONAL.all.filter((s) => s.level === '类'));
/** The 部门支出经济分类 类 in official order (301 … 399). */
export const ECONOMIC_CLASSES: readonly Subject[] = Object.freeze(ECONOMIC.all.filter((s) => s.level === '类'));

const CLASS_BY_KEY = new Map<string, Subject>();
for (const s of FUNCTIONAL_CLASSES) {
  for (const n of [s.name, ...(s.aliases ?? [])]) CLASS_BY_KEY.set(matchKey(n), s);
}

// ---------------------------------------------------------------------------------------------
// Lookups

/** The bundled subject for a code, or undefined when the code is unknown (a 提示, not an error). */
export function lookupSubject(code: string, scheme?: CodeScheme): Subject | undefined {
  const c = code.trim();
  return INDEX[scheme ?? schemeOf(c)].byCode.get(c);
}

export function subjectName(code: string, scheme?: CodeScheme): string | undefined {
  return lookupSubject(code, scheme)?.name;
}

/** Every bundled subject of a scheme, 类 then its 款 then their 项, in official order. */
export function allSubjects(scheme: CodeScheme): readonly Subject[] {
  return INDEX[scheme].all;
}

/** The bundled direct children of a code (款 of a 类, 项 of a 款), in official order. */
export function childSubjects(code: string, scheme?: CodeScheme): readonly Subject[] {
  const c = code.trim();
  return INDEX[scheme ?? schemeOf(c)].children.get(c) ?? [];
}

/**
 * The functional 类 a label names: '一般公共服务支出', '十二、农林水支出', '一般公共 服务支出',
 * '卫生健康支出(类)', and older names such as '医疗卫生与计划生育支出' (→ 210).
 */
export function functionalClassByName(name: string): Subject | undefined {
  return CLASS_BY_KEY.get(matchKey(name));
}

/** Below this length a truncated name is too generic to complete ('其他', '事业运行'…). */
const MIN_PREFIX_LENGTH = 4;

/**
 * The subject a name denotes, for rows whose code OCR mangled (economic '基本工资' → 30101).
 *
 * `parent` narrows the search to codes below it; any code prefix works, including the
 * 4-digit remains of an OCR-truncated code ('3010' + '基本工资' → 30101).
 * Names shared by several subjects (行政运行, 309xx/310xx 办公设备购置) resolve only when the
 * candidates differ in level (the 类/款 wins over a 项 of the same name) or the parent narrows
 * them to one; otherwise the result is undefined rather than a guess.
 * A name cut short by the table cell ('机关事业单位基本养老保险缴') is completed when at least
 * four characters remain and exactly one subject starts with them.
 */
export function subjectByName(name: string, scheme: CodeScheme, parent?: string): Subject | undefined {
  const key = matchKey(name);
  if (key === '') return undefined;
  const index = INDEX[scheme];
  const p = parent?.trim();
  const under = (s: Subject): boolean => p === undefined || p === '' || (s.code.startsWith(p) && s.code !== p);

  const exact = (index.byKey.get(key) ?? []).filter(under);
  if (exact.length > 0) return pickUnambiguous(exact);

  if (key.length < MIN_PREFIX_LENGTH) return undefined;
  const completed = new Set<Subject>();
  for (const [k, list] of index.byKey) {
    if (k.startsWith(key)) for (const s of list) if (under(s)) completed.add(s);
  }
  return completed.size === 1 ? [...completed][0] : undefined;
}

const LEVEL_DEPTH: Record<CodeLevel, number> = { 类: 0, 款: 1, 项: 2 };

/** The single shallowest candidate, or undefined when several share the shallowest level. */
function pickUnambiguous(candidates: readonly Subject[]): Subject | undefined {
  const top = Math.min(...candidates.map((s) => LEVEL_DEPTH[s.level]));
  const best = candidates.filter((s) => LEVEL_DEPTH[s.level] === top);
  return best.length === 1 ? best[0] : undefined;
}
