/**
 * Table definitions as data. One definition serves three purposes: recognising the table in a
 * user's workbook, writing the blank standard table, and naming cells in rules and messages.
 */

/** A column of amounts, keyed by its 栏次 number (or a fixed key where the table has none). */
export interface ColumnDef {
  /** How rules address the column: its 栏次 number in the standard layout (`1`, `2` …) or a name. */
  key: string;
  /** The 栏次 number printed over the column when it is not `key` (variants number their own way). */
  no?: number;
  /** The header text of the column (the lowest header cell). */
  header: string;
  /** Other spellings seen in published tables. */
  aliases?: readonly string[];
  /**
   * The merged headers above it, outermost first (本年支出; 决算数 › 公务用车购置及运行维护费).
   * Recognition accepts them in any order and position (some regions print 预算数/决算数 under
   * each item instead of over a block); `a|b` lists other spellings, the first is printed.
   */
  groups?: readonly string[];
}

/**
 * Words printed under or beside column headers that are not part of a column's name
 * (本年收入合计 over 决算数 is still 本年收入合计), per document kind.
 */
export interface HeaderVocabulary {
  subHeaders: readonly string[];
}

/** A numbered line (行次) of a two-sided table such as 公开01. */
export interface LineDef {
  line: number;
  name: string;
  aliases?: readonly string[];
  /** The 功能分类 类 code this line stands for (expense lines of 01/04). */
  code?: string;
  /** A sub-line shown indented (年初财政拨款结转和结余 → 一般公共预算财政拨款 …). */
  indent?: boolean;
}

/** One side of a two-sided table: 收入 (left) or 支出 (right). */
export interface SideDef {
  caption: string;
  lines: readonly LineDef[];
  columns: readonly ColumnDef[];
}

interface TemplateBase {
  /** Stable id used in JSON output and rules: 决算01 … */
  id: string;
  /** 公开NN表 number. */
  number: number;
  /** The title without year, e.g. 收入支出决算总表. */
  name: string;
  /** Other title spellings (older years, other quote marks, other regions). */
  aliases?: readonly string[];

  /** The 注 line printed under the table. */
  note: string;
  /** The sentence the 说明 uses when the table is empty (政府性基金, 国有资本经营). */
  emptyText?: string;
}

export interface TableVariant {
  name: string;
  aliases?: readonly string[];
  columns: readonly ColumnDef[];
}

/** Lines with 行次 on one or two sides (公开01, 公开04); also read by line names where no 行次 is printed. */
export interface LinesTemplate extends TemplateBase {
  layout: 'lines';
  sides: readonly SideDef[];
}

/** Rows by 功能分类 code with amount columns (公开02, 03, 05, 07, 08). */
export interface CodesTemplate extends TemplateBase {
  layout: 'codes';
  columns: readonly ColumnDef[];
  /**
   * The same table printed with other columns under another title (a 收入支出 version of
   * 公开08 with 公开07's columns): its titles select it, and its columns replace `columns`.
   */
  variants?: readonly TableVariant[];
}

/** 经济分类 rows in side-by-side blocks (公开06). */
export interface EconomicTemplate extends TemplateBase {
  layout: 'economic';
  /** Block captions (人员经费 | 公用经费 | 公用经费). */
  blocks: readonly string[];
  /** The 类 codes each block lists, in order, for the blank table. */
  blockClasses: readonly (readonly string[])[];
  /** Total rows: key and label. */
  totals: readonly { key: string; label: string; classes: readonly string[] }[];
}

/** A single row of numbered columns (公开09 三公). */
export interface SingleRowTemplate extends TemplateBase {
  layout: 'single';
  columns: readonly ColumnDef[];
}

export type TableTemplate = LinesTemplate | CodesTemplate | EconomicTemplate | SingleRowTemplate;

/** A document kind and its tables, in publishing order. */
export interface TemplateSet {
  kind: '决算' | '预算' | '绩效';
  /** How a table is named in messages: 公开01表. */
  label(t: TableTemplate): string;
  tables: readonly TableTemplate[];
  /** Header words recognition skips (see HeaderVocabulary). */
  vocabulary: HeaderVocabulary;
}
