/**
 * Runs the declarative rules over recognised tables with the interval rule of reconcile.ts,
 * and groups findings that one wrong cell explains under that cell (DOMAIN §10).
 */
import Decimal from 'decimal.js';
import { codeLevel, parentCode } from './codes';
import { Finding, FindingSummary, Severity, summarize } from './findings';
import { Workbook } from './grid';
import { CellRef, RecognizedTable, TableRow, TableSet, UnplacedPart } from './model';
import { Figure, blankFigure, sumsExactly } from './money';
import { SumCheck, Term as SumTerm, checkSum } from './reconcile';
import { DocumentKind, KINDS, tableLabel, templateIndex } from './kinds';
import { recognizeWorkbook } from './recognize';
import { CellSel, RuleDef } from './rules/types';
import { FORM_EVALUATORS } from './checks/forms';
import { ITEMS_EVALUATORS } from './checks/items';

/** One figure of a checked relation `total = Σ sign·part`; the total is the relation's first term. */
export interface Term {
  table: string;
  ref?: CellRef;
  figure: Figure;
  /** −1 for a subtracted part (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

/** A relation that was checked: the data the finding and the cause search need. */
export interface Relation {
  rule: RuleDef;
  table: string;
  /** Where, in words; built only when the relation becomes a finding. */
  where: () => string;
  terms: Term[];
  check: SumCheck;
  /** The relation in words when it is not the rule's label (hierarchy rows). */
  label?: () => string;
  /** 提示 rules judge an inequality: their findings are warnings and take no part in causes. */
  plausibility: boolean;
  /** An inequality that must hold (09 ≥ 06): breached beyond rounding it is 错误, within it 尾差. */
  bound?: boolean;
  finding?: Finding;
}

/** A conditional rule that applied to this workbook, and why (the report says so). */
export interface AppliedCondition {
  rule: string;
  label: string;
  because: string;
}

export interface ValidationResult {
  tables: RecognizedTable[];
  findings: Finding[];
  summary: FindingSummary;
  conditions: AppliedCondition[];
}

/** Recognises the tables of a workbook and checks every rule. */
export function validateWorkbook(wb: Workbook, kinds: readonly DocumentKind[] = KINDS): ValidationResult {
  const rec = recognizeWorkbook(wb, kinds);
  const checked = checkTables(new TableSet(rec.tables), kinds);
  const findings = [...rec.findings, ...checked.findings];
  return { tables: rec.tables, findings, summary: summarize(findings), conditions: checked.conditions };
}

/** The findings of checkTables alone. */
export function validateTables(tables: TableSet, kinds: readonly DocumentKind[] = KINDS): Finding[] {
  return checkTables(tables, kinds).findings;
}

/**
 * Checks the rules of every kind that has at least one recognised table (a 决算 workbook is not
 * told that its 预算 tables are missing). Conditional rules apply when their condition holds;
 * rules that a row or column the reader could not place may belong to are skipped, with one
 * 提示 per table saying which.
 */
export function checkTables(tables: TableSet, kinds: readonly DocumentKind[] = KINDS): { findings: Finding[]; conditions: AppliedCondition[] } {
  const present = kinds.filter((k) => k.templates.tables.some((t) => tables.has(t.id)));
  const ctx = new Context(tables, kinds);
  const conditions: AppliedCondition[] = [];
  const rules = present.flatMap((k) => k.rules).filter((rule) => {
    if (rule.when) {
      if (!conditionHolds(tables, rule.when)) return false;
      // One line per condition and check, however many columns it runs on.
      if (!conditions.some((c) => c.label === rule.label && c.because === rule.when!.because)) conditions.push({ rule: rule.id, label: rule.label, because: rule.when.because });
    }
    return !ctx.skipForUnplaced(rule);
  });
  const findings: Finding[] = [];
  for (const k of present) {
    for (const t of k.templates.tables) {
      // A table printed in its by-code layout (上海's 收入预算总表) is there.
      if (!t.optional && !tables.has(t.id) && !(t.byCode && tables.has(t.byCode))) {
        findings.push({ severity: 'warning', rule: '识别.缺表', table: t.id, sheet: '', cells: [], message: `未找到${k.templates.label(t)}（${t.name}），与该表有关的校验未进行。` });
      }
    }
  }
  // Pass 1 keeps only broken relations: holding every relation of a 20,000-row table costs
  // more than checking it. Causes need the relations that hold, too, but only around cells
  // that take part in a finding, so pass 2 runs when there is something to explain.
  let relations = evaluate(ctx, rules, (r) => !r.plausibility && r.check.verdict === 'ok', false);
  findings.push(...ctx.structural);
  if (relations.filter((r) => !r.plausibility).length >= 2) {
    const suspects = new Set<CellRef>();
    for (const r of relations) if (!r.plausibility) for (const t of r.terms) if (t.ref) suspects.add(t.ref);
    const holdsAway = (r: Relation) => !r.plausibility && r.check.verdict === 'ok' && r.terms.every((t) => !t.ref || !suspects.has(t.ref));
    relations = evaluate(new Context(tables, kinds), rules, holdsAway, true);
  }
  for (const r of relations) {
    const f = toFinding(ctx, r);
    if (f) {
      r.finding = f;
      findings.push(f);
    }
  }
  assignCauses(relations);
  findings.push(...ctx.unplacedFindings());
  return { findings, conditions };
}

function conditionHolds(tables: TableSet, when: NonNullable<RuleDef['when']>): boolean {
  const present = (sel: CellSel) => tables.has(sel.table);
  for (const z of when.zero ?? []) {
    if (!present(z)) return false;
    const ref = tables.cell(z.table, z.row, z.col);
    if (ref?.invalid || (ref && !ref.figure.value.isZero())) return false;
  }
  for (const a of when.absent ?? []) if (!present(a) || tables.row(a.table, a.row)) return false;
  for (const [a, b] of when.equal ?? []) {
    if (!present(a) || !present(b)) return false;
    const ra = tables.cell(a.table, a.row, a.col);
    const rb = tables.cell(b.table, b.row, b.col);
    if (ra?.invalid || rb?.invalid || !(ra?.figure.value ?? new Decimal(0)).eq(rb?.figure.value ?? 0)) return false;
  }
  return true;
}

/** Runs every rule; `drop` says which relations need not be kept. */
function evaluate(ctx: Context, rules: readonly RuleDef[], drop: (r: Relation) => boolean, keepOk: boolean): Relation[] {
  const kept: Relation[] = [];
  const sink: Sink = { push: (r) => void (drop(r) || kept.push(r)), keepOk };
  for (const rule of rules) EVALUATORS[rule.kind](ctx, rule as never, sink);
  return kept;
}

export interface Sink {
  push(r: Relation): void;
  /** False when relations that hold are dropped: evaluators may then skip building them. */
  keepOk: boolean;
}

export class Context {
  /** Findings that are not a relation of figures (bad codes, unreadable targets, 提示 on texts). */
  readonly structural: Finding[] = [];
  /** Rules skipped per table because of rows or columns the reader could not place. */
  private readonly skipped = new Map<string, string[]>();
  constructor(
    readonly tables: TableSet,
    readonly kinds: readonly DocumentKind[],
  ) {}

  /** Whether a table prints a column (a layout without it — 表5 with no 人员经费 — has nothing to check there). */
  prints(tableId: string, col: string): boolean {
    const t = this.tables.get(tableId);
    return !!t && (t.columns.some((c) => c.key === col) || t.rows.some((r) => col in r.cells));
  }

  unplaced(tableId: string): UnplacedPart[] {
    return this.tables.get(tableId)?.layout?.unplaced ?? [];
  }

  /**
   * True when a row or column the reader left out may be a term of this rule: a line-table sum
   * whose lines span the unplaced row, or a row sum over a table with an unplaced column.
   * A rule that cannot be checked honestly is not checked (never a false 错误).
   */
  skipForUnplaced(rule: RuleDef): boolean {
    const hit = (tableId: string): boolean => {
      const parts = this.unplaced(tableId);
      if (!parts.length) return false;
      if (rule.kind === 'rowSum') return parts.some((p) => p.kind === 'column');
      if (rule.kind !== 'sum') return false;
      const lines = [rule.total, ...rule.parts].filter((c) => c.table === tableId).map((c) => this.tables.row(tableId, c.row)?.line).filter((n): n is number => n !== undefined);
      if (!lines.length) return false;
      const lo = Math.min(...lines);
      const hi = Math.max(...lines);
      return parts.some((p) => p.kind === 'row' && (p.beforeLine ?? Infinity) > lo && (p.afterLine ?? 0) < hi);
    };
    const tables = rule.kind === 'sum' ? [...new Set([rule.total.table, ...rule.parts.map((p) => p.table)])] : rule.kind === 'rowSum' ? [rule.table] : [];
    const blocked = tables.filter(hit);
    for (const t of blocked) this.skipped.set(t, [...(this.skipped.get(t) ?? []), rule.label]);
    return blocked.length > 0;
  }

  /** One 提示 per table with unplaced parts: what was left out and which rules were skipped. */
  unplacedFindings(): Finding[] {
    const out: Finding[] = [];
    for (const t of this.tables.tables) {
      const parts = t.layout?.unplaced ?? [];
      if (!parts.length) continue;
      const what = parts.map((p) => `${p.cell}“${p.text}”`).join('、');
      const skipped = this.skipped.get(t.id) ?? [];
      out.push({
        severity: 'warning',
        rule: '识别.未能归类',
        table: t.id,
        sheet: t.sheet,
        cells: parts.map((p) => p.cell),
        message: `${this.label(t.id)}（工作表“${t.sheet}”）：${what} 未能识别为本表的标准${parts[0].kind === 'row' ? '行' : '栏目'}，其数字未参与校验${skipped.length ? `；因此未进行：${[...new Set(skipped)].join('；')}` : ''}。如是本地区的版式，请反馈以便加入识别。`,
      });
    }
    return out;
  }

  label(tableId: string): string {
    return tableLabel(tableId, this.kinds);
  }

  term(sel: CellSel): Term | undefined {
    const ref = this.tables.cell(sel.table, sel.row, sel.col);
    if (ref?.invalid) return undefined;
    return { table: sel.table, ref, figure: ref?.figure ?? blankFigure(), sign: sel.sign };
  }

  rowLabel(row: TableRow | undefined, key: string, tableId?: string): string {
    if (!row) return key;
    const tpl = tableId ? templateIndex(this.kinds).get(tableId)?.template : undefined;
    // Lines of a table that has no 行次 of its own (预算 收支总表) are named, not numbered.
    if (row.line !== undefined && !(tpl?.layout === 'lines' && tpl.unnumbered)) return `第${row.line}行“${row.name}”`;
    if (row.line !== undefined) return `“${row.name}”`;
    if (row.key === '合计') return '合计行';
    return row.code ? `${row.code} ${row.name}` : row.name;
  }

  columnLabel(tableId: string, col: string): string {
    if (col === 'amount') return '';
    const t = templateIndex(this.kinds).get(tableId)?.template;
    const defs =
      t?.layout === 'codes'
        ? [...t.columns, ...(t.variants ?? []).flatMap((v) => v.columns)]
        : t?.layout === 'single' || t?.layout === 'items'
          ? t.columns
          : t?.layout === 'lines'
            ? t.sides.flatMap((s) => s.columns)
            : [];
    const h = defs.find((c) => c.key === col)?.header;
    // Named columns (items tables, forms) have no 栏次: their header is their name.
    if (!/^\d+$/.test(col)) return h ?? col;
    return `栏${col}${h ? ` ${h}` : ''}`;
  }
}

export type Evaluator<K extends RuleDef['kind']> = (ctx: Context, rule: Extract<RuleDef, { kind: K }>, out: Sink) => void;

/** A relation holds exactly: integer millionths when every figure has them, else the interval check. */
function holds(total: Figure, parts: readonly (Figure | SumTerm)[]): boolean {
  return sumsExactly(total, parts) ?? checkSum(total, parts).verdict === 'ok';
}

const BLANK: Figure = Object.freeze(blankFigure());

/** f = 0, on millionths when it has them (no Decimal built on a per-row path). */
function isZero(f: Figure): boolean {
  return f.micros !== undefined ? f.micros === 0 : f.value.isZero();
}

/** a > b, on millionths when both have them. */
function exceeds(a: Figure, b: Figure): boolean {
  return a.micros !== undefined && b.micros !== undefined ? a.micros > b.micros : a.value.gt(b.value);
}

function relate(rule: RuleDef, table: string, where: () => string, total: Term, parts: Term[], plausibility = false): Relation {
  const check = checkSum(total.figure, parts);
  return { rule, table, where, terms: [total, ...parts], check, plausibility };
}

const evalSum: Evaluator<'sum'> = (ctx, rule, out) => {
  const tablesUsed = [rule.total, ...rule.parts].map((s) => s.table);
  if (tablesUsed.some((t) => !ctx.tables.has(t))) return;
  if (!ctx.tables.row(rule.total.table, rule.total.row)) return;
  // A column the layout does not print (表5 without 人员经费): nothing to check.
  if (!ctx.prints(rule.total.table, rule.total.col) || rule.parts.every((p) => !ctx.prints(p.table, p.col))) return;
  // Parts none of which the tables print (04 without its 年末 sub-lines): nothing to check against.
  if (rule.parts.every((p) => !ctx.tables.row(p.table, p.row))) return;
  const total = ctx.term(rule.total);
  const parts = rule.parts.map((p) => ctx.term(p));
  if (!total || parts.some((p) => !p)) return;
  const row = ctx.tables.row(rule.total.table, rule.total.row);
  const where = () => `${ctx.label(rule.total.table)} ${ctx.rowLabel(row, rule.total.row, rule.total.table)}`;
  out.push(relate(rule, rule.total.table, where, total, parts as Term[]));
};

const evalRowSum: Evaluator<'rowSum'> = (ctx, rule, out) => {
  const table = ctx.tables.get(rule.table);
  if (!table) return;
  // Parts none of which the table prints (表5 without 人员经费 | 公用经费): nothing to check against.
  if (!rule.parts.some((p) => ctx.prints(rule.table, p.col))) return;
  const keys = rule.rows ? new Set(rule.rows) : undefined;
  const scratch: SumTerm[] = rule.parts.map((p) => ({ figure: BLANK, sign: p.sign }));
  for (const row of table.rows) {
    if (keys && !keys.has(row.key)) continue;
    const total = row.cells[rule.total];
    if (!total || total.invalid) continue;
    // Most rows hold exactly: check them on one reused array before building any term (this runs per row).
    let bad = false;
    let allBlank = total.figure.blank === true;
    rule.parts.forEach((p, i) => {
      const ref = row.cells[p.col];
      if (ref?.invalid) bad = true;
      scratch[i].figure = ref?.figure ?? BLANK;
      if (!scratch[i].figure.blank) allBlank = false;
    });
    if (bad || allBlank || (!out.keepOk && holds(total.figure, scratch))) continue;
    const parts: Term[] = rule.parts.map((p, i) => ({ table: rule.table, ref: row.cells[p.col], figure: scratch[i].figure, sign: p.sign }));
    const where = () => `${ctx.label(rule.table)} ${ctx.rowLabel(row, row.key)}`;
    out.push(relate(rule, rule.table, where, { table: rule.table, ref: total, figure: total.figure }, parts));
  }
};

const evalHierarchy: Evaluator<'hierarchy'> = (ctx, rule, out) => {
  const table = ctx.tables.get(rule.table);
  if (!table) return;
  const children = new Map<string, TableRow[]>();
  const byCode = new Map<string, TableRow>();
  for (const row of table.rows) if (row.code) byCode.set(row.code, row);
  const classes: TableRow[] = [];
  for (const row of table.rows) {
    if (!row.code) continue;
    const level = codeLevel(row.code, rule.scheme);
    if (level === '类') {
      classes.push(row);
      continue;
    }
    const parent = parentCode(row.code);
    if (!parent) continue;
    if (!byCode.has(parent)) {
      const addr = Object.values(row.cells)[0]?.address;
      ctx.structural.push({
        severity: 'error',
        rule: '编码.缺少上级',
        table: rule.table,
        sheet: table.sheet,
        cells: addr ? [addr] : [],
        message: `${ctx.label(rule.table)} 科目 ${row.code} ${row.name}：上级科目 ${parent} 不在表中（编码可能有误），未参与汇总校验。`,
      });
      continue;
    }
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const groups: [TableRow, TableRow[]][] = [];
  for (const [code, kids] of children) groups.push([byCode.get(code)!, kids]);
  const totalRow = table.rows.find((r) => r.key === '合计');
  if (totalRow && classes.length) groups.push([totalRow, classes]);
  for (const [parent, kids] of groups) {
    for (const col of rule.columns) {
      const total = parent.cells[col];
      if (!total || total.invalid) continue;
      const figures: Figure[] = [];
      let invalid = false;
      for (const k of kids) {
        const ref = k.cells[col];
        if (ref?.invalid) invalid = true;
        figures.push(ref?.figure ?? BLANK);
      }
      if (invalid || (!out.keepOk && holds(total.figure, figures))) continue;
      const parts: Term[] = kids.map((k, i) => ({ table: rule.table, ref: k.cells[col], figure: figures[i] }));
      const what = () => parent.key === '合计' ? '合计 = 各类科目之和' : `${codeLevel(parent.code!, rule.scheme)}级科目 = 所属${codeLevel(parent.code!, rule.scheme) === '类' ? '款' : '项'}之和`;
      const colLabel = ctx.columnLabel(rule.table, col);
      const where = () => `${ctx.label(rule.table)} ${parent.key === '合计' ? '合计行' : `${parent.code} ${parent.name}`}${colLabel ? ` ${colLabel}` : ''}`;
      const rel = relate(rule, rule.table, where, { table: rule.table, ref: total, figure: total.figure }, parts);
      rel.label = what;
      out.push(rel);
    }
  }
};

function classRows(table: RecognizedTable | undefined): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const r of table?.rows ?? []) if (r.code && r.code.length === 3 && !m.has(r.code)) m.set(r.code, r);
  return m;
}

const evalMatchClasses: Evaluator<'matchClasses'> = (ctx, rule, out) => {
  const ta = ctx.tables.get(rule.a.table);
  const tb = ctx.tables.get(rule.b.table);
  if (!ta || !tb || !ctx.prints(rule.a.table, rule.a.col) || !ctx.prints(rule.b.table, rule.b.col)) return;
  const a = classRows(ta);
  const b = classRows(tb);
  const looseA = ctx.unplaced(rule.a.table).some((p) => p.kind === 'row');
  const looseB = ctx.unplaced(rule.b.table).some((p) => p.kind === 'row');
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    // A class one table lacks may be the row its reader could not place: not a finding.
    if ((looseA && !a.has(code)) || (looseB && !b.has(code))) continue;
    const ra = a.get(code)?.cells[rule.a.col];
    const rb = b.get(code)?.cells[rule.b.col];
    if (ra?.invalid || rb?.invalid) continue;
    const fa = ra?.figure ?? blankFigure();
    const fb = rb?.figure ?? blankFigure();
    if (fa.value.isZero() && fb.value.isZero()) continue;
    const row = a.get(code) ?? b.get(code)!;
    const where = () =>
      `${ctx.label(rule.a.table)} ${ctx.rowLabel(a.get(code), code, rule.a.table)}${a.get(code) ? '' : `（${row.name}，该表无此类）`} 与 ${ctx.label(rule.b.table)} ${code} ${b.get(code)?.name ?? '（该表无此科目）'}`;
    out.push(relate(rule, ra ? rule.a.table : rule.b.table, where, { table: rule.a.table, ref: ra, figure: fa }, [{ table: rule.b.table, ref: rb, figure: fb }]));
  }
};

const evalNotExceed: Evaluator<'notExceedByCode'> = (ctx, rule, out) => {
  const part = ctx.tables.get(rule.part.table);
  const whole = ctx.tables.get(rule.whole.table);
  if (!part || !whole) return;
  for (const row of part.rows) {
    if (!row.code) continue;
    const p = row.cells[rule.part.col];
    const w = ctx.tables.cell(rule.whole.table, row.code, rule.whole.col);
    if (!p || p.invalid || w?.invalid || !exceeds(p.figure, w?.figure ?? BLANK)) continue;
    const r = relate(rule, rule.part.table, () => `${ctx.label(rule.part.table)} ${row.code} ${row.name}`, { table: rule.part.table, ref: p, figure: p.figure }, [
      { table: rule.whole.table, ref: w, figure: w?.figure ?? blankFigure() },
    ], true);
    if (r.check.diff.gt(r.check.allowance)) out.push(r);
  }
};

const evalAtLeast: Evaluator<'atLeast'> = (ctx, rule, out) => {
  if (!ctx.tables.has(rule.big.table) || !ctx.tables.has(rule.small.table)) return;
  const big = ctx.term(rule.big);
  const small = ctx.term(rule.small);
  if (!big || !small) return;
  const r = relate(rule, rule.big.table, () => `${ctx.label(rule.big.table)} ${ctx.columnLabel(rule.big.table, rule.big.col)}`, big, [small], true);
  r.bound = true;
  if (r.check.diff.isNeg()) out.push(r);
};

const evalMatchRows: Evaluator<'matchRows'> = (ctx, rule, out) => {
  const ta = ctx.tables.get(rule.a.table);
  const tb = ctx.tables.get(rule.b.table);
  if (!ta || !tb) return;
  const keyed = (t: RecognizedTable) => new Map(t.rows.filter((r) => r.code || r.key === '合计').map((r) => [r.key, r] as const));
  const a = keyed(ta);
  const b = keyed(tb);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const row = a.get(key) ?? b.get(key)!;
    rule.a.cols.forEach((colA, i) => {
      const colB = rule.b.cols[i];
      const ra = a.get(key)?.cells[colA];
      const rb = b.get(key)?.cells[colB];
      if (ra?.invalid || rb?.invalid) return;
      const fa = ra?.figure ?? BLANK;
      const fb = rb?.figure ?? BLANK;
      if (isZero(fa) && isZero(fb)) return;
      if (!out.keepOk && holds(fa, [fb])) return;
      const where = () =>
        `${ctx.label(rule.a.table)} ${ctx.rowLabel(a.get(key), key)}${a.get(key) ? '' : `（${row.name}，该表无此科目）`} 与 ${ctx.label(rule.b.table)} ${ctx.rowLabel(b.get(key), key)}${b.get(key) ? '' : '（该表无此科目）'} ${ctx.columnLabel(rule.a.table, colA)}`;
      const rel = relate(rule, ra ? rule.a.table : rule.b.table, where, { table: rule.a.table, ref: ra, figure: fa }, [{ table: rule.b.table, ref: rb, figure: fb }]);
      if (rule.when) rel.label = () => `${rule.label}（${rule.when!.because}）`;
      out.push(rel);
    });
  }
};

const EVALUATORS: { [K in RuleDef['kind']]: Evaluator<K> } = {
  matchRows: evalMatchRows,
  sum: evalSum,
  rowSum: evalRowSum,
  hierarchy: evalHierarchy,
  matchClasses: evalMatchClasses,
  notExceedByCode: evalNotExceed,
  atLeast: evalAtLeast,
  ...FORM_EVALUATORS,
  ...ITEMS_EVALUATORS,
};

/** A decimal string at the precision the figures carry (at least 2 places). */
export function decimalString(v: Decimal): string {
  return v.toFixed(Math.max(2, v.decimalPlaces()));
}

function cellName(primarySheet: string, term: Term): string | undefined {
  if (!term.ref) return undefined;
  return term.ref.sheet === primarySheet ? term.ref.address : `${quoteSheet(term.ref.sheet)}!${term.ref.address}`;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function toFinding(ctx: Context, r: Relation): Finding | undefined {
  const { check } = r;
  let severity: Severity;
  if (r.plausibility && !r.bound) severity = 'warning';
  else if (check.verdict === 'ok') return undefined;
  else severity = check.verdict === 'error' ? 'error' : 'rounding';
  const primary = r.terms[0].ref?.sheet ?? r.terms.find((t) => t.ref)?.ref?.sheet ?? ctx.tables.get(r.table)?.sheet ?? '';
  const cells = r.terms.map((t) => cellName(primary, t)).filter((c): c is string => !!c);
  const diff = check.diff;
  const tail =
    severity === 'rounding'
      ? `，在舍入允许范围 ±${decimalString(check.allowance)} 内，属尾差`
      : severity === 'warning'
        ? '，请核实或填写出错说明'
        : '';
  const message = `${r.where()}：${r.label ? r.label() : r.rule.label}。表中为 ${decimalString(check.actual)}，按规则应为 ${decimalString(check.expected)}，相差 ${decimalString(diff)}${tail}。`;
  return {
    severity,
    rule: r.rule.id,
    table: r.table,
    sheet: primary,
    cells,
    message,
    expected: decimalString(check.expected),
    actual: decimalString(check.actual),
  };
}

/**
 * A cell is the likely cause of several findings when one change to it (the same δ for each)
 * brings every one of them back within the rounding allowance, and leaves every relation it
 * takes part in that holds now still holding.
 */
function assignCauses(relations: Relation[]): void {
  const open = new Set(relations.filter((r) => r.finding && !r.plausibility));
  if (open.size < 2) return;
  const uses = new Map<CellRef, { rel: Relation; coef: 1 | -1 }[]>();
  for (const rel of relations) {
    if (rel.plausibility) continue;
    rel.terms.forEach((t, i) => {
      if (!t.ref) return;
      // Coefficient of the cell in `total − Σ sign·part`.
      const coef: 1 | -1 = i === 0 ? 1 : t.sign === -1 ? 1 : -1;
      const list = uses.get(t.ref);
      if (list) list.push({ rel, coef });
      else uses.set(t.ref, [{ rel, coef }]);
    });
  }
  const byCell = new Map<string, { rel: Relation; coef: 1 | -1 }[]>();
  for (const [ref, list] of uses) byCell.set(`${quoteSheet(ref.sheet)}!${ref.address}`, list);

  // Each round names one cause; a sheet full of unrelated mistakes need not be searched forever.
  for (let round = 0; round < 500; round++) {
    let best: { cell: string; explained: Relation[]; hasError: boolean } | undefined;
    for (const [cell, uses] of byCell) {
      const broken = uses.filter((u) => open.has(u.rel));
      if (broken.length < 2) continue;
      for (const cand of broken) {
        const delta = cand.rel.check.diff.neg().div(cand.coef);
        if (delta.isZero()) continue;
        const explained: Relation[] = [];
        let ok = true;
        for (const u of uses) {
          const after = u.rel.check.diff.plus(delta.mul(u.coef));
          const fixed = after.abs().lte(u.rel.check.allowance);
          if (u.rel.finding) {
            if (fixed && after.abs().lt(u.rel.check.diff.abs())) {
              if (open.has(u.rel)) explained.push(u.rel);
            } else if (!fixed && u.rel.finding.severity !== 'error') {
              ok = false;
            }
          } else if (!fixed) {
            ok = false;
          }
          if (!ok) break;
        }
        if (!ok || explained.length < 2) continue;
        const hasError = explained.some((e) => e.finding!.severity === 'error');
        if (!best || explained.length > best.explained.length || (explained.length === best.explained.length && hasError && !best.hasError)) {
          best = { cell, explained, hasError };
        }
      }
    }
    if (!best) return;
    for (const rel of best.explained) {
      rel.finding!.cause = best.cell;
      open.delete(rel);
    }
  }
}

