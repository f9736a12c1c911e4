/**
 * Reading 绩效 targets and actuals as the forms write them (DOMAIN §7): `≥95%`, `≤15分钟`,
 * `12次`, `≥8000人次`, `好评率≥95%` are quantitative (direction, number, unit); `不超预算`,
 * `不超过合同金额`, `提升`, `有保障` are qualitative. An actual is read against its target:
 * a number in the target's unit, a bound (`≤120分钟`), a percentage of completion, or a
 * level of achievement (`达成`, `基本达成`, `未达成`, or a restatement of the target).
 */
import Decimal from 'decimal.js';
import { CellValue, isCellError } from '../grid';
import { D } from '../money';
import { invalid, missing, outOfRange, quote } from './problem';
import {
  CEILING_WORDS,
  Direction,
  KNOWN_UNITS,
  LEVEL_WORDS,
  Level,
  MAX_UNIT_LENGTH,
  NEGATION,
  NOT_A_UNIT,
  POLARITY,
  PREFIX_DIRECTIONS,
  SUFFIX_DIRECTIONS,
  UNIT_FAMILIES,
} from './tables';

export interface QuantitativeTarget {
  kind: 'quantitative';
  /** The target as written. */
  text: string;
  /** Words in front of the number (`好评率` in `好评率≥95%`), usually empty. */
  label: string;
  direction: Direction;
  polarity: 'positive' | 'negative';
  /** The number as written: 95 for `≥95%`. */
  value: Decimal;
  /** `%`, `次`, `分钟`, `元/人`…; empty when the target has none. */
  unit: string;
  /** The target came from a number cell: a %-formatted cell holds the fraction (100 % → 1). */
  numeric?: boolean;
}

export interface QualitativeTarget {
  kind: 'qualitative';
  text: string;
}

export type Target = QuantitativeTarget | QualitativeTarget;

/** A number with its direction and unit, as read from a target or an actual. */
export interface Quantity {
  label: string;
  direction?: Direction;
  value: Decimal;
  unit: string;
}

/** What an actual says, in terms of its target. */
export type ActualReading =
  | { kind: 'quantity'; /** in the target's unit */ value: Decimal; direction?: Direction }
  | { kind: 'completion'; /** degree of completion as a fraction: 100 % → 1 */ ratio: Decimal }
  | { kind: 'level'; level: Level; /** a level word, or text restating the target */ source: 'word' | 'restates' };

const PREFIXES = [...PREFIX_DIRECTIONS].sort((a, b) => b[0].length - a[0].length);
const SUFFIXES = [...SUFFIX_DIRECTIONS].sort((a, b) => b[0].length - a[0].length);
const LEVELS = new Map<string, Level>(LEVEL_WORDS.map(([w, l]) => [w, l]));

/** Full-width to half-width, OCR spaces out, the comparison signs spelled one way. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/\$/g, '')
    .replace(/\\geq?|≧|⩾/g, '≥')
    .replace(/\\leq?|≦|⩽/g, '≤')
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
}

function isUnit(unit: string): boolean {
  if (unit === '' || unit === '%') return true;
  if (KNOWN_UNITS.includes(unit)) return true;
  if (/[%≥≤<>=]/.test(unit)) return false;
  return unit.length <= MAX_UNIT_LENGTH && !NOT_A_UNIT.test(unit);
}

/**
 * Reads `label direction number unit suffix` from normalized text; undefined when the text is
 * not one quantity (no number, several numbers, a phrase after the number).
 */
export function parseQuantity(text: string): Quantity | undefined {
  const s = normalizeText(text);
  const m = /(\d+(?:\.\d+)?|\.\d+)/.exec(s);
  if (!m) return undefined;
  let before = s.slice(0, m.index);
  let after = s.slice(m.index + m[0].length);
  if (/\d/.test(after)) return undefined;
  let value = new D(m[0]);
  if (/[-−]$/.test(before)) {
    value = value.neg();
    before = before.slice(0, -1);
  }
  let direction: Direction | undefined;
  for (const [word, dir] of PREFIXES) {
    if (before.endsWith(word)) {
      direction = dir;
      before = before.slice(0, -word.length);
      break;
    }
  }
  if (/[≥≤<>=]/.test(before)) return undefined;
  for (const [word, dir] of SUFFIXES) {
    if (after.endsWith(word)) {
      if (direction !== undefined && direction !== '=' && POLARITY[direction] !== POLARITY[dir]) return undefined;
      if (direction === undefined || direction === '=') direction = dir;
      after = after.slice(0, -word.length);
      break;
    }
  }
  const unit = after === '％' ? '%' : after;
  if (!isUnit(unit)) return undefined;
  return { label: before, direction, value, unit };
}

/** Reads a target cell. A blank target is missing data; text without one clean number is qualitative. */
export function parseTarget(cell: CellValue | undefined): Target {
  if (cell === null || cell === undefined || cell === '') throw missing('年初目标值为空');
  if (isCellError(cell)) throw invalid(`年初目标值为错误值 ${cell.error}`);
  if (typeof cell === 'boolean') throw invalid('年初目标值不能是逻辑值');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw invalid('年初目标值不是有效数值');
    if (cell < 0) throw invalid('年初目标值不能为负数');
    return { kind: 'quantitative', text: String(cell), label: '', direction: '=', polarity: 'positive', value: numberValue(cell), unit: '', numeric: true };
  }
  const text = cell.trim();
  if (normalizeText(text) === '') throw missing('年初目标值为空');
  const q = parseQuantity(text);
  if (!q) return { kind: 'qualitative', text };
  if (q.value.isNeg()) throw invalid(`年初目标值${quote(text)}为负数，无法计分`);
  const direction = q.direction ?? '=';
  return { kind: 'quantitative', text, label: q.label, direction, polarity: POLARITY[direction], value: q.value, unit: q.unit };
}

/** A number cell without binary noise (Excel keeps 15 significant digits). */
export function numberValue(n: number): Decimal {
  const v = new D(Number(n.toPrecision(15)).toString());
  if (!v.isFinite()) throw outOfRange('数值超出Excel可表示的范围');
  return v;
}

/** The level a word states (`达成`, `基本达成`, `部分达成`, `未达成`…), or undefined. */
export function levelOfWord(text: string): Level | undefined {
  return LEVELS.get(normalizeText(text));
}

/** Text with quotes and punctuation removed, for comparing an actual with its target. */
function comparable(text: string): string {
  return normalizeText(text).replace(/[“”"'‘’「」『』《》()（）。，,.、:：;；!！]/g, '');
}

/**
 * Whether an actual restates its target (`提升` for `提升`, `已提交系统演示原型` for
 * `提交系统演示原型`, `提升` for `有所提升`): equal, or one contains the other and what is
 * added holds no negation (`未提升` does not restate `提升`).
 */
export function restates(target: string, actual: string): boolean {
  const t = comparable(target);
  const a = comparable(actual);
  if (t === '' || a === '') return false;
  if (t === a) return true;
  if (CEILING_WORDS.some((w) => t.startsWith(w)) && CEILING_WORDS.some((w) => a.startsWith(w))) return true;
  const [longer, shorter] = a.length > t.length ? [a, t] : [t, a];
  if (shorter.length < 2 || !longer.includes(shorter)) return false;
  return !NEGATION.test(longer.replace(shorter, ''));
}

/** Factor that converts `from` into `to` when both belong to one unit family. */
function unitFactor(from: string, to: string): Decimal | undefined {
  for (const family of UNIT_FAMILIES) {
    if (family[from] !== undefined && family[to] !== undefined) return new D(family[from]).div(family[to]);
  }
  return undefined;
}

/** Largest fraction a plain number against a % target may be: 98.5 meant as 98.5 % would read as 9850 %. */
const MAX_FRACTION = 10;

/** A plain number against a percentage target: Excel holds 96.7 % as 0.967. */
function fractionAsPercent(n: Decimal, shown: string): Decimal {
  if (n.abs().gt(MAX_FRACTION)) {
    throw invalid(`实际完成值${shown}按Excel百分比读作${n.mul(100).toString()}%；若指${shown}%，请写成${shown}%或${n.div(100).toString()}`);
  }
  return n.mul(100);
}

const LEVEL_HINT = '请写明“达成”“基本达成”或“未达成”，或填写完成程度（如100%）';

/** Reads an actual cell against its target (see the module comment for what it may say). */
export function readActual(cell: CellValue | undefined, target: Target): ActualReading {
  if (cell === null || cell === undefined || cell === '') throw missing('实际完成值为空');
  if (isCellError(cell)) throw invalid(`实际完成值为错误值 ${cell.error}`);
  if (typeof cell === 'boolean') throw invalid(`实际完成值不能是逻辑值；${LEVEL_HINT}`);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw invalid('实际完成值不是有效数值');
    const n = numberValue(cell);
    if (target.kind === 'qualitative') {
      // A number can only be a %-formatted cell of completion (100 % arrives as 1).
      if (n.gt(MAX_FRACTION)) throw invalid(`定性指标${quote(target.text)}的实际完成值不能是数值${cell}；${LEVEL_HINT}`);
      return { kind: 'completion', ratio: n };
    }
    if (target.unit === '%') return { kind: 'quantity', value: fractionAsPercent(n, String(cell)) };
    return { kind: 'quantity', value: n };
  }
  const text = cell.trim();
  const norm = normalizeText(text);
  if (norm === '' || /^[-－—–~～]+$/.test(norm)) throw missing('实际完成值为空');
  const level = levelOfWord(norm);
  if (level) return { kind: 'level', level, source: 'word' };
  const q = parseQuantity(norm);
  if (target.kind === 'qualitative') {
    if (restates(target.text, text)) return { kind: 'level', level: 'achieved', source: 'restates' };
    if (q && q.unit === '%') return { kind: 'completion', ratio: q.value.div(100) };
    throw invalid(`无法判断实际完成值${quote(text)}是否达成目标${quote(target.text)}：${LEVEL_HINT}`);
  }
  if (!q) {
    if (restates(target.text, text)) return { kind: 'level', level: 'achieved', source: 'restates' };
    throw invalid(`无法从实际完成值${quote(text)}读出数值（目标为${quote(target.text)}）`);
  }
  if (q.value.isNeg()) return { kind: 'quantity', value: q.value, direction: q.direction };
  if (q.unit === target.unit) return { kind: 'quantity', value: q.value, direction: q.direction };
  if (q.unit === '%') {
    // A percentage against a number cell target compares fractions; against a unit, it is completion.
    if (target.numeric) return { kind: 'quantity', value: q.value.div(100), direction: q.direction };
    return { kind: 'completion', ratio: q.value.div(100) };
  }
  if (q.unit === '') {
    if (target.unit === '%') return { kind: 'quantity', value: fractionAsPercent(q.value, norm), direction: q.direction };
    return { kind: 'quantity', value: q.value, direction: q.direction };
  }
  if (target.unit === '') {
    return { kind: 'quantity', value: q.value, direction: q.direction };
  }
  const factor = unitFactor(q.unit, target.unit);
  if (factor) return { kind: 'quantity', value: q.value.mul(factor), direction: q.direction };
  throw invalid(`单位不一致：目标${quote(target.text)}以“${target.unit}”计，实际完成值${quote(text)}以“${q.unit}”计`);
}
