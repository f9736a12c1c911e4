/**
 * BUDGET.ROLLUP's index: the subtotal of every code prefix over a (codes, amounts) pair of
 * ranges, built once per pair so that thousands of calls over one 10,000-row range cost one
 * pass. Only the most detailed rows (leaves) are added, so a range that holds 类, 款 and 项
 * rows together is not counted twice: 201 = Σ its 项 (or its 款 where a 款 has no 项 rows).
 *
 * Two caches: by identity (the same array objects: `budget eval`, tests, batch callers), and
 * by content for the few most recent ranges (Excel hands each call a fresh copy of the range;
 * comparing values is a cheap loop, parsing 10,000 amounts into decimals is not).
 */
import Decimal from 'decimal.js';
import { CellValue } from '../grid';
import { D, ZERO, parseAmount } from '../money';
import { invalid, quote } from '../scoring/problem';
import { cells } from './cells';

/** Amounts beyond Excel's 15 significant digits are not figures of a budget table. */
const MAX_AMOUNT = new D('1e15');

export interface RollupIndex {
  /** prefix → subtotal of the leaf rows under it. */
  sums: Map<string, Decimal>;
  /** prefix → why it cannot be totalled (a bad amount in one of its rows). */
  problems: Map<string, string>;
  rows: number;
}

/** The digits a code cell starts with (`2010350`, `201 一般公共服务支出` → `201`); '' for none. */
export function codeOf(v: CellValue): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'object') return '';
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v.toFixed(0) : '';
  const m = /^\d+/.exec(v.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, ''));
  return m ? m[0] : '';
}

/** Builds the index of flattened code and amount cells (same length). */
export function buildRollupIndex(codes: readonly CellValue[], amounts: readonly CellValue[]): RollupIndex {
  if (codes.length !== amounts.length) {
    throw invalid(`编码区域（${codes.length}个单元格）与金额区域（${amounts.length}个单元格）大小不一致`);
  }
  const keys = codes.map(codeOf);
  const hasChild = new Set<string>();
  for (const k of keys) for (let n = 1; n < k.length; n++) hasChild.add(k.slice(0, n));
  const sums = new Map<string, Decimal>();
  const problems = new Map<string, string>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === '' || hasChild.has(k)) continue;
    const parsed = parseAmount({ value: amounts[i] });
    if (parsed.kind === 'blank') continue;
    const bad = parsed.kind === 'invalid' || !parsed.figure.value.isFinite() || parsed.figure.value.abs().gte(MAX_AMOUNT);
    if (bad) {
      const msg = `第${i + 1}行（编码${k}）的金额${quote(String(amounts[i]))}${parsed.kind === 'invalid' ? '不是金额' : '超出范围'}`;
      for (let n = 1; n <= k.length; n++) if (!problems.has(k.slice(0, n))) problems.set(k.slice(0, n), msg);
      continue;
    }
    const v = (parsed as { figure: { value: Decimal } }).figure.value;
    for (let n = 1; n <= k.length; n++) {
      const p = k.slice(0, n);
      const s = sums.get(p);
      sums.set(p, s === undefined ? v : s.plus(v));
    }
  }
  return { sums, problems, rows: keys.length };
}

/** The subtotal of a prefix: 0 when no row carries it (as SUMIF), an error when a row under it is bad. */
export function rollupOf(index: RollupIndex, prefix: string): Decimal {
  const problem = index.problems.get(prefix);
  if (problem) throw invalid(problem);
  return index.sums.get(prefix) ?? ZERO;
}

// ---------------------------------------------------------------------------------------------
// Caches

const byIdentity = new WeakMap<object, WeakMap<object, RollupIndex>>();

interface ContentEntry {
  codes: CellValue[];
  amounts: CellValue[];
  index: RollupIndex;
}

/** Most recent ranges by content, newest first. */
const byContent: ContentEntry[] = [];
const CONTENT_SLOTS = 4;

/** Whether a range argument holds exactly these flattened values (no allocation). */
function sameCells(range: unknown, flat: readonly CellValue[]): boolean {
  if (!Array.isArray(range)) return flat.length === 1 && sameValue(range, flat[0]);
  let i = 0;
  const n = flat.length;
  for (let r = 0; r < range.length; r++) {
    const row: unknown = range[r];
    if (Array.isArray(row)) {
      if (i + row.length > n) return false;
      for (let c = 0; c < row.length; c++) {
        const v: unknown = row[c];
        if (v !== flat[i] && !sameValue(v, flat[i])) return false;
        i++;
      }
    } else {
      if (i >= n || !sameValue(row, flat[i])) return false;
      i++;
    }
  }
  return i === n;
}

function sameValue(a: unknown, b: CellValue): boolean {
  if (a === b) return true;
  // Blank cells may arrive as null or undefined; both are blank.
  return (a === null || a === undefined) && b === null;
}

/** The index for a pair of range arguments, from a cache when the ranges were seen before. */
export function rollupIndexFor(codesArg: unknown, amountsArg: unknown): RollupIndex {
  const idKeys = typeof codesArg === 'object' && codesArg !== null && typeof amountsArg === 'object' && amountsArg !== null;
  if (idKeys) {
    const hit = byIdentity.get(codesArg as object)?.get(amountsArg as object);
    if (hit) return hit;
  }
  let index: RollupIndex | undefined;
  for (let i = 0; i < byContent.length; i++) {
    const e = byContent[i];
    if (sameCells(codesArg, e.codes) && sameCells(amountsArg, e.amounts)) {
      index = e.index;
      if (i > 0) {
        byContent.splice(i, 1);
        byContent.unshift(e);
      }
      break;
    }
  }
  if (!index) {
    const codes = cells(codesArg, '编码区域');
    const amounts = cells(amountsArg, '金额区域');
    index = buildRollupIndex(codes, amounts);
    byContent.unshift({ codes, amounts, index });
    if (byContent.length > CONTENT_SLOTS) byContent.pop();
  }
  if (idKeys) {
    let inner = byIdentity.get(codesArg as object);
    if (!inner) {
      inner = new WeakMap();
      byIdentity.set(codesArg as object, inner);
    }
    inner.set(amountsArg as object, index);
  }
  return index;
}

/** Forgets the content cache (tests). */
export function clearRollupCache(): void {
  byContent.length = 0;
}

/** Normalizes the prefix argument's text: digits only. */
export function prefixOf(text: string): string {
  const p = text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (p === '') throw invalid('科目编码前缀为空');
  if (!/^\d+$/.test(p)) throw invalid(`科目编码前缀${quote(text)}应为数字，如201或20103`);
  return p;
}
