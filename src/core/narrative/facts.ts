/**
 * Where each figure of the 说明 lives in the tables. The generator reads its figures through
 * these references and the checker judges a stated figure against the same cell, so text and
 * tables can only agree or be reported.
 */
import Decimal from 'decimal.js';
import { Figure, ZERO } from '../money';
import { TableSet, TableRow } from '../model';
import { SangongItem, sangongColumn } from '../codes/disclosure';

/** One table cell, by table id, row key and column key, with the name a finding uses. */
export interface CellSpec {
  table: string;
  row: string;
  col: string;
  /** e.g. 公开01表 第30行 总计 */
  label: string;
  /** Used only when the scopes agree: all of 本年支出合计 is 一般公共预算财政拨款支出. */
  when?: 'generalOnly';
}

/** Table number as published (决算01 → 公开01表). */
export function tableLabel(id: string): string {
  const m = /^决算(\d\d)$/.exec(id);
  return m ? `公开${m[1]}表` : id;
}

const c = (table: string, row: string, col: string, label: string): CellSpec => ({ table, row, col, label: `${tableLabel(table)} ${label}` });

/** A fact that is the sum of several cells of one table (used when the preferred table is absent). */
export interface SumSpec {
  table: string;
  sum: CellSpec[];
  label: string;
}
export type FactSpec = CellSpec | SumSpec;

const sum = (table: string, rows: string[], col: string, label: string): SumSpec => ({
  table,
  sum: rows.map((r) => c(table, r, col, r)),
  label: `${tableLabel(table)} ${label}`,
});

export function isSum(s: FactSpec): s is SumSpec {
  return 'sum' in s;
}

/** Named facts; alternatives in order, the first whose table is present wins. */
export const FACT_CELLS = {
  收入总计: [c('决算01', 'L30', '1', '第30行 收入总计')],
  支出总计: [c('决算01', 'L60', '2', '第60行 支出总计')],
  本年收入合计: [c('决算01', 'L27', '1', '第27行 本年收入合计'), c('决算02', '合计', '1', '合计 本年收入合计')],
  本年支出合计: [c('决算01', 'L57', '2', '第57行 本年支出合计'), c('决算03', '合计', '1', '合计 本年支出合计')],
  财政拨款收入: [c('决算02', '合计', '2', '合计 财政拨款收入'), sum('决算01', ['L1', 'L2', 'L3'], '1', '第1–3行 财政拨款收入之和')],
  上级补助收入: [c('决算02', '合计', '3', '合计 上级补助收入'), c('决算01', 'L4', '1', '第4行 上级补助收入')],
  事业收入: [c('决算02', '合计', '4', '合计 事业收入'), c('决算01', 'L5', '1', '第5行 事业收入')],
  经营收入: [c('决算02', '合计', '5', '合计 经营收入'), c('决算01', 'L6', '1', '第6行 经营收入')],
  附属单位上缴收入: [c('决算02', '合计', '6', '合计 附属单位上缴收入'), c('决算01', 'L7', '1', '第7行 附属单位上缴收入')],
  其他收入: [c('决算02', '合计', '7', '合计 其他收入'), c('决算01', 'L8', '1', '第8行 其他收入')],
  使用非财政拨款结余: [c('决算01', 'L28', '1', '第28行 使用非财政拨款结余')],
  年初结转和结余: [c('决算01', 'L29', '1', '第29行 年初结转和结余')],
  结余分配: [c('决算01', 'L58', '2', '第58行 结余分配')],
  年末结转和结余: [c('决算01', 'L59', '2', '第59行 年末结转和结余')],
  // Without 公开03, 公开05 gives them when all spending is 一般公共预算财政拨款 (equal scopes).
  基本支出: [c('决算03', '合计', '2', '合计 基本支出'), { ...c('决算05', '合计', '2', '合计 基本支出'), when: 'generalOnly' }],
  项目支出: [c('决算03', '合计', '3', '合计 项目支出'), { ...c('决算05', '合计', '3', '合计 项目支出'), when: 'generalOnly' }],
  上缴上级支出: [c('决算03', '合计', '4', '合计 上缴上级支出')],
  经营支出: [c('决算03', '合计', '5', '合计 经营支出')],
  对附属单位补助支出: [c('决算03', '合计', '6', '合计 对附属单位补助支出')],
  财政拨款收入总计: [c('决算04', 'L32', '1', '第32行 收入总计')],
  财政拨款支出总计: [c('决算04', 'L64', '2', '第64行 支出总计')],
  一般公共预算财政拨款收入: [c('决算04', 'L1', '1', '第1行 一般公共预算财政拨款'), c('决算01', 'L1', '1', '第1行 一般公共预算财政拨款收入')],
  政府性基金预算财政拨款收入: [c('决算04', 'L2', '1', '第2行 政府性基金预算财政拨款'), c('决算01', 'L2', '1', '第2行 政府性基金预算财政拨款收入')],
  国有资本经营预算财政拨款收入: [c('决算04', 'L3', '1', '第3行 国有资本经营预算财政拨款'), c('决算01', 'L3', '1', '第3行 国有资本经营预算财政拨款收入')],
  财政拨款本年收入合计: [c('决算04', 'L27', '1', '第27行 本年收入合计')],
  年初财政拨款结转和结余: [c('决算04', 'L28', '1', '第28行 年初财政拨款结转和结余')],
  年末财政拨款结转和结余: [c('决算04', 'L60', '2', '第60行 年末财政拨款结转和结余')],
  财政拨款本年支出合计: [c('决算04', 'L59', '2', '第59行 本年支出合计 小计')],
  一般公共预算财政拨款支出: [c('决算05', '合计', '1', '合计 小计'), c('决算04', 'L59', '3', '第59行 本年支出合计 一般公共预算财政拨款')],
  一般公共预算基本支出: [c('决算05', '合计', '2', '合计 基本支出'), sum('决算06', ['人员经费合计', '公用经费合计'], 'amount', '人员经费合计与公用经费合计之和')],
  一般公共预算项目支出: [c('决算05', '合计', '3', '合计 项目支出')],
  人员经费: [c('决算06', '人员经费合计', 'amount', '人员经费合计')],
  公用经费: [c('决算06', '公用经费合计', 'amount', '公用经费合计')],
  政府性基金年初结转和结余: [c('决算07', '合计', '1', '合计 年初结转和结余')],
  政府性基金本年收入: [c('决算07', '合计', '2', '合计 本年收入')],
  政府性基金本年支出: [c('决算07', '合计', '3', '合计 本年支出小计'), c('决算04', 'L59', '4', '第59行 政府性基金预算财政拨款')],
  政府性基金基本支出: [c('决算07', '合计', '4', '合计 基本支出')],
  政府性基金项目支出: [c('决算07', '合计', '5', '合计 项目支出')],
  政府性基金年末结转和结余: [c('决算07', '合计', '6', '合计 年末结转和结余')],
  国有资本经营支出: [c('决算08', '合计', '1', '合计 本年支出合计'), c('决算04', 'L59', '5', '第59行 国有资本经营预算财政拨款')],
  国有资本经营基本支出: [c('决算08', '合计', '2', '合计 基本支出')],
  国有资本经营项目支出: [c('决算08', '合计', '3', '合计 项目支出')],
} satisfies Record<string, FactSpec[]>;

export type FactName = keyof typeof FACT_CELLS;

/** The 公开09 cell of a 三公 item: 预算数 (全年预算) or 决算数. */
export function sangongCell(item: SangongItem, which: 'budget' | 'actual'): CellSpec {
  const col = sangongColumn(item, which);
  return c('决算09', '合计', col, `合计 ${which === 'budget' ? '预算数' : '决算数'} ${item.name}（栏${col}）`);
}

/** Looks up facts in one TableSet. */
export class Facts {
  constructor(readonly tables: TableSet) {}

  /** The spec actually used for a fact: the first alternative whose table is present. */
  spec(name: FactName): FactSpec | undefined {
    const alts: FactSpec[] = FACT_CELLS[name];
    return alts.find((a) => this.tables.has(a.table) && (!('when' in a) || !a.when || this.generalOnly()));
  }

  /** Whether all spending is 一般公共预算财政拨款 (公开01 本年支出合计 = 公开05 合计). */
  private generalOnly(): boolean {
    const all = this.tables.has('决算01') ? this.tables.figure('决算01', 'L57', '2') : undefined;
    const general = this.tables.has('决算05') ? this.tables.figure('决算05', '合计', '1') : undefined;
    return !!all && !!general && all.value.eq(general.value);
  }

  /** The figure of a fact; undefined when none of its tables was recognised. */
  get(name: FactName): Figure | undefined {
    const s = this.spec(name);
    return s ? this.at(s) : undefined;
  }

  at(spec: FactSpec): Figure | undefined {
    if (!this.tables.has(spec.table)) return undefined;
    if (isSum(spec)) {
      const figs = spec.sum.map((p) => this.tables.figure(p.table, p.row, p.col));
      const blank = figs.every((f) => f.blank);
      return { value: sumFigures(figs), decimals: Math.max(0, ...figs.filter((f) => !f.blank).map((f) => f.decimals)), blank };
    }
    return this.tables.figure(spec.table, spec.row, spec.col);
  }

  /** Where a spec points in the workbook: sheet and A1 addresses (none if the cells are absent). */
  locate(spec: FactSpec): { sheet: string; cells: string[] } {
    const parts = isSum(spec) ? spec.sum : [spec];
    const cells: string[] = [];
    let sheet = this.tables.get(spec.table)?.sheet ?? '';
    for (const p of parts) {
      const cell = this.tables.cell(p.table, p.row, p.col);
      if (cell) {
        sheet = cell.sheet;
        cells.push(cell.address);
      }
    }
    return { sheet, cells };
  }

  has(table: string): boolean {
    return this.tables.has(table);
  }

  /** Coded rows of a table (02/03/05/07/08), in table order, with their code. */
  codedRows(table: string, level?: 3 | 5 | 7): TableRow[] {
    const t = this.tables.get(table);
    if (!t) return [];
    return t.rows.filter((r) => /^\d{3}(\d{2}){0,2}$/.test(r.key) && (level === undefined || r.key.length === level));
  }

  /** Whether every figure of a table is zero (an empty 07/08 is valid: the unit has none). */
  allZero(table: string): boolean {
    const t = this.tables.get(table);
    if (!t) return true;
    return t.rows.every((r) => Object.values(r.cells).every((cell) => cell.figure.value.isZero()));
  }
}

function sumFigures(figs: Figure[]): Decimal {
  return figs.reduce<Decimal>((s, f) => s.plus(f.value), ZERO);
}

