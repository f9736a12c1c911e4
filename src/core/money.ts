/**
 * Money and percentages: every amount is a decimal.js value with the number of decimals it
 * was written with, because the rounding allowance of a check depends on that precision.
 */
import Decimal from 'decimal.js';
import { CellValue, GridCell, isCellError } from './grid';

/** One Decimal constructor for the whole engine: half-up, wide precision. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new D(0);

/** A figure as written: its value and the decimals it was shown with. */
export interface Figure {
  value: Decimal;
  /** Decimals as displayed; the figure stands for value ± ½·10⁻ᵈ. */
  decimals: number;
  /** True when the cell was blank or a dash: an exact zero with no rounding. */
  blank?: boolean;
  /**
   * The exact value in millionths when that is a safe integer (every amount read from a number
   * cell in 万元, or in 元 with cents): relations that hold exactly are then checked with integer
   * additions, and the Decimal is built only when one does not (see `sumsExactly`).
   */
  micros?: number;
}

/** Millionths: a 万元 amount with up to six decimals (a 元 amount with cents) is an integer count. */
const MICRO = 1e6;
/** Below this, doubles lie less than 10⁻⁶ apart, so a six-decimal reading of a cell is exact. */
const MAX_MICRO_AMOUNT = 1e9;

/** A figure held as an integer count of millionths; its Decimal is built on first use. */
class MicroFigure implements Figure {
  private dec?: Decimal;
  constructor(
    readonly micros: number,
    readonly decimals: number,
  ) {}
  get value(): Decimal {
    return (this.dec ??= microsToDecimal(this.micros));
  }
  toJSON(): Figure {
    return { value: this.value, decimals: this.decimals };
  }
}

/** The millionths of a cell's number when its shortest decimal text has at most six decimals. */
function microsOf(v: number): number | undefined {
  if (!(Math.abs(v) < MAX_MICRO_AMOUNT)) return undefined;
  const m = Math.round(v * MICRO);
  return m / MICRO === v ? m : undefined;
}

/** Decimals of m·10⁻⁶ written without trailing zeros. */
function microDecimals(m: number): number {
  let d = 6;
  while (d > 0 && m % 10 === 0) {
    m /= 10;
    d--;
  }
  return d;
}

/** m·10⁻⁶ rounded half-up (away from zero, as ROUND_HALF_UP) to `decimals` places, in millionths. */
function roundMicros(m: number, decimals: number): number {
  const unit = 10 ** (6 - decimals);
  const a = Math.abs(m);
  let q = Math.floor(a / unit);
  if (2 * (a - q * unit) >= unit) q++;
  return Math.sign(m) * q * unit;
}

/**
 * The figure of a number cell on the fast path (exact millionths; the same figure parseAmount
 * gives), or undefined when the number needs the Decimal path. Hot: one call per amount cell.
 */
export function numberFigure(v: number, fmtDec: number | undefined, defaultDecimals = 2): Figure | undefined {
  const m = exactMicros(v);
  return m === undefined ? undefined : new MicroFigure(shownMicros(m, fmtDec), shownDecimals(m, fmtDec, defaultDecimals));
}

/**
 * numberFigure in numbers, for readers that keep them in their own objects: the exact millionths
 * of a cell's number (undefined when it has none), then as the format shows them, and the decimals.
 */
export function exactMicros(v: number): number | undefined {
  return microsOf(v);
}

/** Exact millionths rounded as the format shows them. */
export function shownMicros(m: number, fmtDec: number | undefined): number {
  return fmtDec !== undefined && microDecimals(m) > fmtDec ? roundMicros(m, fmtDec) : m;
}

/** The decimals a number with these exact millionths is shown with. */
export function shownDecimals(m: number, fmtDec: number | undefined, defaultDecimals = 2): number {
  return fmtDec ?? Math.max(microDecimals(m), defaultDecimals);
}

/** The Decimal of a count of millionths. */
export function microsToDecimal(m: number): Decimal {
  return new D(m).div(MICRO);
}

/**
 * True when `total = Σ sign·part` holds exactly, computed on millionths without building a
 * Decimal; undefined when some figure has no exact millionths (then ask checkSum).
 */
export function sumsExactly(total: Figure, parts: readonly (Figure | { figure: Figure; sign?: 1 | -1 })[]): boolean | undefined {
  if (total.micros === undefined) return undefined;
  let sum = 0;
  for (const p of parts) {
    const f = 'figure' in p ? p.figure : p;
    if (f.micros === undefined) return undefined;
    sum = 'sign' in p && p.sign === -1 ? sum - f.micros : sum + f.micros;
  }
  return Number.isSafeInteger(sum) ? sum === total.micros : undefined;
}

export type ParsedAmount =
  | { kind: 'amount'; figure: Figure; unit?: '万元' | '元' }
  | { kind: 'blank' }
  | { kind: 'invalid'; reason: string };

/** Dash forms of an empty amount: `—`, `－`, `-0-`, `--0--`, or a bare `0`; `0.00` is a written zero. */
const DASH = '[-－—–‐‑‒―─━~～_]';
const DASHES = new RegExp(`^(?:${DASH}+|${DASH}+0(?:\\.0+)?${DASH}*|${DASH}*0(?:\\.0+)?${DASH}+|0)$`);
/** No real amount or percentage is longer: refuse longer text before any regex sees it. */
const MAX_NUMBER_TEXT = 64;

/** Rounds half-up to `decimals` places. */
export function roundHalfUp(v: Decimal.Value, decimals: number): Decimal {
  return new D(v).toDecimalPlaces(decimals, D.ROUND_HALF_UP);
}

/** Truncates toward zero to `decimals` places (some source systems do this). */
export function truncate(v: Decimal.Value, decimals: number): Decimal {
  return new D(v).toDecimalPlaces(decimals, D.ROUND_DOWN);
}

/** Half of one unit in the last place: the rounding allowance of one figure. */
const HALF_UNITS: Decimal[] = [];
export function halfUnit(f: Figure): Decimal {
  if (f.blank) return ZERO;
  // Cached per precision: this runs for every figure of every checked relation.
  return (HALF_UNITS[f.decimals] ??= new D(10).pow(-f.decimals).div(2));
}

/** Decimals a number format shows (`#,##0.00` → 2, `0.0%` → 3 of the fraction); undefined for General. */
const FORMAT_DECIMALS = new Map<string, number | undefined>();
export function decimalsFromFormat(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  if (FORMAT_DECIMALS.has(numFmt)) return FORMAT_DECIMALS.get(numFmt);
  const d = formatDecimals(numFmt);
  FORMAT_DECIMALS.set(numFmt, d);
  return d;
}

function formatDecimals(numFmt: string): number | undefined {
  const fmt = numFmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (/^\s*general\s*$/i.test(fmt) || fmt.trim() === '@') return undefined;
  const m = /[0#?]\.([0#?]+)/.exec(fmt);
  let d = m ? m[1].length : /[0#?]/.test(fmt) ? 0 : undefined;
  if (d !== undefined && fmt.includes('%')) d += 2;
  return d;
}

/** Decimals in the shortest text of a number, after removing binary floating-point noise. */
function numberToDecimal(n: number): Decimal {
  // Excel keeps 15 significant digits; more is binary noise (61.110000000000007).
  const s = String(n);
  return new D(s.length <= 15 ? s : Number(n.toPrecision(15)).toString());
}

/** Turns what cells really hold into a plain number string: full-width digits, OCR spaces, grouping. */
export function normalizeNumberText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[，,](?=\d{3}(\D|$))/g, '')
    .replace(/。/g, '.');
}

/**
 * Parses one cell as an amount. A blank or a dash (`-0-`, `—`, `－`) is an exact zero; text
 * that is not an amount is `invalid` with a reason, never silently zero.
 * `defaultDecimals` applies to a General-format number that shows fewer decimals than the
 * table's convention (an integer 3 in a 万元 table stands for 3.00).
 */
export function parseAmount(cell: GridCell | undefined, defaultDecimals = 2): ParsedAmount {
  const v: CellValue | undefined = cell?.value;
  if (v === null || v === undefined || v === '') return { kind: 'blank' };
  if (isCellError(v)) return { kind: 'invalid', reason: `单元格为错误值 ${v.error}` };
  if (typeof v === 'boolean') return { kind: 'invalid', reason: `逻辑值 ${v ? 'TRUE' : 'FALSE'} 不是金额` };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', reason: '数值无效' };
    // Beyond 15 digits Excel itself cannot hold the figure exactly: no budget amount is that large.
    if (Math.abs(v) >= 1e15) return { kind: 'invalid', reason: `数值 ${v} 过大，不是金额` };
    const fmtDec = decimalsFromFormat(cell?.numFmt);
    const fast = numberFigure(v, fmtDec, defaultDecimals);
    if (fast) return { kind: 'amount', figure: fast };
    const value = numberToDecimal(v);
    const decimals = fmtDec ?? Math.max(value.decimalPlaces(), defaultDecimals);
    // A format that shows fewer decimals than the value holds: the reader sees the rounded figure.
    const shown = fmtDec !== undefined && value.decimalPlaces() > fmtDec ? roundHalfUp(value, fmtDec) : value;
    return { kind: 'amount', figure: { value: shown, decimals } };
  }
  return parseAmountText(v);
}

/** Parses amount text such as `1,136.18`, `174. 25`, `(12.50)`, `１２３`, `12.5万元`. */
export function parseAmountText(raw: string): ParsedAmount {
  if (raw.length > MAX_NUMBER_TEXT * 4) return { kind: 'invalid', reason: `“${raw.slice(0, 30)}…”不是金额` };
  let s = normalizeNumberText(raw);
  if (s.length > MAX_NUMBER_TEXT) return { kind: 'invalid', reason: `“${raw.slice(0, 30)}…”不是金额` };
  if (s === '' || DASHES.test(s)) return { kind: 'blank' };
  let unit: '万元' | '元' | undefined;
  const u = /(万元|元)$/.exec(s);
  if (u) {
    unit = u[1] as '万元' | '元';
    s = s.slice(0, -u[1].length);
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) {
    return { kind: 'invalid', reason: `“${raw.length > 30 ? raw.slice(0, 30) + '…' : raw}”不是金额` };
  }
  const decimals = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  let value = new D(s);
  if (negative) value = value.neg();
  return { kind: 'amount', figure: { value, decimals }, unit };
}

export type ParsedPercent =
  | { kind: 'percent'; /** as a fraction: 35.1% → 0.351 */ value: Decimal; /** decimals of the percent figure */ decimals: number }
  | { kind: 'blank' }
  | { kind: 'invalid'; reason: string };

/**
 * Parses a percentage as written: `35.1%` (1 decimal of percent), `0.967` (a fraction:
 * 96.7 % with 1 decimal), a number cell formatted as %. A target like `≥95%` is not a
 * percentage value; see the scoring module for targets.
 */
export function parsePercent(cell: GridCell | CellValue | undefined): ParsedPercent {
  const c: GridCell | undefined =
    cell !== null && typeof cell === 'object' && 'value' in cell ? (cell as GridCell) : { value: (cell ?? null) as CellValue };
  const v = c?.value;
  if (v === null || v === undefined || v === '') return { kind: 'blank' };
  if (isCellError(v)) return { kind: 'invalid', reason: `单元格为错误值 ${v.error}` };
  if (typeof v === 'boolean') return { kind: 'invalid', reason: '逻辑值不是百分比' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', reason: '数值无效' };
    const raw = numberToDecimal(v);
    const fmtDec = decimalsFromFormat(c.numFmt);
    const decimals = fmtDec !== undefined ? Math.max(fmtDec - 2, 0) : Math.max(raw.decimalPlaces() - 2, 0);
    // The reader sees the percentage the format shows: judge that figure, not the hidden digits.
    const value = fmtDec !== undefined && c.numFmt?.includes('%') ? roundHalfUp(raw, decimals + 2) : raw;
    return { kind: 'percent', value, decimals };
  }
  if (v.length > MAX_NUMBER_TEXT * 4) return { kind: 'invalid', reason: `“${v.slice(0, 30)}…”不是百分比` };
  const s = normalizeNumberText(v);
  if (s === '' || DASHES.test(s)) return { kind: 'blank' };
  const m = s.length > MAX_NUMBER_TEXT ? null : /^([-−+]?)(\d+(?:\.\d*)?|\.\d+)(%|％)?$/.exec(s);
  if (!m) return { kind: 'invalid', reason: `“${v.length > 30 ? v.slice(0, 30) + '…' : v}”不是百分比` };
  const num = new D(m[2]).mul(m[1] === '-' || m[1] === '−' ? -1 : 1);
  const dec = m[2].includes('.') ? m[2].length - m[2].indexOf('.') - 1 : 0;
  if (m[3]) return { kind: 'percent', value: num.div(100), decimals: dec };
  return { kind: 'percent', value: num, decimals: Math.max(dec - 2, 0) };
}

/** Formats an amount with fixed decimals, e.g. `174.25`; never `NaN`, never exponent form. */
export function formatAmount(v: Decimal.Value, decimals = 2): string {
  return roundHalfUp(v, decimals).toFixed(decimals);
}

/** Formats a fraction as a percent figure without the sign, e.g. 0.351 → `35.1`. */
export function formatPercent(fraction: Decimal.Value, decimals = 1): string {
  return roundHalfUp(new D(fraction).mul(100), decimals).toFixed(decimals);
}

/** 元 → 万元 conversion of a figure: the value is divided, the precision moves by four places. */
export function yuanToWan(f: Figure): Figure {
  if (f.micros !== undefined && f.micros % 10000 === 0 && !f.blank) return new MicroFigure(f.micros / 10000, f.decimals + 4);
  return { value: f.value.div(10000), decimals: f.decimals + 4, blank: f.blank };
}

/** An exact zero figure (blank cell). */
export function blankFigure(): Figure {
  return { value: ZERO, decimals: 0, blank: true, micros: 0 };
}
