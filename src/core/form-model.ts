/**
 * What the readers of forms and item tables find beyond rows of figures: the text cells
 * (targets, actuals, names, reasons) and the structure (indicator levels, goals, groups of
 * items). Both are RecognizedTables, so recognition, the JSON contract and the report treat
 * them like any table; the checks and the texts of 预算 and 绩效 read the extra fields.
 */
import { CellValue } from './grid';
import { CellRef, RecognizedTable, TableSet } from './model';
import { Figure } from './money';

/** A cell read as text (target, actual, name, reason), with where it is. */
export interface TextCell {
  sheet: string;
  address: string;
  value: CellValue;
  /** The text as written, trimmed (a number cell as its shortest text). */
  text: string;
}

/** A percentage cell as written: `84%` is 84 with 0 decimals. */
export interface PercentCell extends TextCell {
  /** In percent (84 for 84 %), with the decimals of the percent figure; undefined when unreadable. */
  percent?: Figure;
}

/** One 三级指标 of a 绩效自评表. */
export interface Indicator {
  /** 年度绩效目标 number on a 部门整体 form. */
  goal?: number;
  /** 一级指标 without its weight: 产出指标. */
  level1: string;
  /** The weight printed with the 一级指标 (`产出指标(20分)`). */
  level1Weight?: Figure;
  level2: string;
  name: TextCell;
  /** 年初目标值 (A), 年中调整 (B), 调整后目标 小计 (C). */
  target?: TextCell;
  adjust?: TextCell;
  targetC?: TextCell;
  actual?: TextCell;
  /** 分值 when the form has the column. */
  weight?: CellRef;
  /** The 得分 cell; indicators that share one merged 得分 cell share this reference. */
  score?: CellRef;
  /** Index (in `indicators`) of the first indicator sharing this one's 得分 cell. */
  group: number;
  /** A 偏差原因 column of its own, on forms that have one. */
  reason?: TextCell;
}

/** 年度绩效目标N (部门整体 form) with its weight. */
export interface Goal {
  n: number;
  weight?: Figure;
  /** Where the weight is written. */
  cell: TextCell;
}

/** The 预算执行 line: A + B = C, D / C = 执行率, 得分 = weight × 执行率. */
export interface FormExecution {
  A?: CellRef;
  B?: CellRef;
  C?: CellRef;
  D?: CellRef;
  rate?: PercentCell;
  score?: CellRef;
  /** The weight of 预算执行 (printed, e.g. `(20分)`, or the template's default). */
  weight: Figure;
  /** Where the weight is printed; undefined when the default applies. */
  weightCell?: TextCell;
}

export interface PerformanceForm {
  /** The project (or unit) the form is about, from its 项目名称 cell. */
  name?: TextCell;
  /** The name the title gives (…年度XX项目绩效自评表), to compare with `name`. */
  titleName?: string;
  /** The subject's code where the form prints one (项目编码). */
  code?: TextCell;
  exec?: FormExecution;
  goals: Goal[];
  indicators: Indicator[];
  total?: CellRef;
  grade?: TextCell;
  reason?: TextCell;
  /** 改进措施及结果应用方案. */
  improve?: TextCell;
  /** Further amounts by template key (基本支出总额 → basic). */
  amounts: Record<string, CellRef>;
}

export interface FormTable extends RecognizedTable {
  form: PerformanceForm;
}

export type ItemKind = 'total' | 'group' | 'item';

/** What an items table row is, beside its figures (aligned with `rows` by index). */
export interface ItemDetail {
  kind: ItemKind;
  /** Nesting depth of a group row (0 = outermost); items sit below every group. */
  level: number;
  /** Text cells by template key (code, name, 项目单位, 品目 …). */
  texts: Record<string, TextCell>;
}

export interface ItemsTable extends RecognizedTable {
  details: ItemDetail[];
  /** Weights printed in score headers (`产出指标(20分)`), by column key. */
  headerWeights: Record<string, Figure>;
}

export function isFormTable(t: RecognizedTable | undefined): t is FormTable {
  return !!t && 'form' in t;
}

export function isItemsTable(t: RecognizedTable | undefined): t is ItemsTable {
  return !!t && 'details' in t;
}

/** Every recognised form with this table id (one per project), in workbook order. */
export function formTables(tables: TableSet, id: string): FormTable[] {
  return tables.tables.filter((t): t is FormTable => t.id === id && isFormTable(t));
}

/** The one items table with this id. */
export function itemsTable(tables: TableSet, id: string): ItemsTable | undefined {
  const t = tables.get(id);
  return isItemsTable(t) ? t : undefined;
}
