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
  /**
   * Printed by some regions only (上海's 财政拨款收支预算总表 splits its 支出 by fund): recognised
   * where printed, left out of the blank standard table.
   */
  regional?: boolean;
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
  /**
   * Printed by some regions only (上海's 一、财政拨款收入 over its three funds): recognised where
   * printed, left out of the blank standard table.
   */
  regional?: boolean;
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
  /** How the table's number is printed when it is not a plain number (表5-1). */
  numberLabel?: string;
  /** How messages name a table that has no number (项目自评表). */
  shortName?: string;
  /** A workbook may hold several (one 项目支出绩效自评表 per project). */
  repeatable?: boolean;
  /** Offices often leave it out: its absence is not reported. */
  optional?: boolean;
  /** Longest text accepted before the title name (a project or unit name); 20 when unset. */
  titlePrefixMax?: number;
  /**
   * The id of the table read under this title when its header names 科目编码 (上海 prints its
   * 收入预算总表 by 功能分类 code, seed 004 by unit): same title, another layout.
   */
  byCode?: string;
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
  /** Its lines have no 行次 of their own (预算 收支总表): messages name them, the blank table numbers none. */
  unnumbered?: boolean;
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

/**
 * Rows of named items under group rows (units, departments, categories) with amount columns:
 * 收入总表 by unit, 项目支出表, 政府采购预算表, the 绩效 汇总表. A row is an item when it fills
 * the `itemWhen` text column (or, without one, when it is not a group row).
 */
export interface ItemsTemplate extends TemplateBase {
  layout: 'items';
  /** Text columns that name a row: code, name, project, 品目 … (key `code` is the group code). */
  keys: readonly ColumnDef[];
  columns: readonly ColumnDef[];
  /** Key of the text column only item rows fill; group rows (单位, 部门) leave it empty. */
  itemWhen?: string;
  /** Amount columns that are not added up over items (单价). */
  notSummed?: readonly string[];
  /** Columns of scores (points, not 万元), read at the precision they show. */
  scores?: readonly string[];
  /** Weights the blank template prints in score headers: 预算执行(20分). */
  headerPoints?: Readonly<Record<string, number>>;
  /** Columns of percentages (占比), read as percent figures: 2.90% → 2.90. */
  percents?: readonly string[];
  /** Items the table always names, in order, with the keys rules address them by (人员类 …). */
  lines?: readonly { key: string; name: string; aliases?: readonly string[] }[];
  /** The table ends after this many 合计 rows (a block inside a larger form). */
  stopAfterTotals?: number;
  /** Data rows of the blank template. */
  blankRows?: number;
}

/**
 * A form read by its labels, not by fixed cells (DOMAIN §7): the 项目支出 and 部门整体支出
 * 绩效自评表. The words it is read by are data here; src/core/recognize/form.ts reads them.
 */
export interface FormTemplate extends TemplateBase {
  layout: 'form';
  /** Label of the cell that names the form's subject: 项目名称, 单位名称. */
  nameLabels: readonly string[];
  /** Row label of the 预算执行 figures (年度资金总额, 部门整体支出总额). */
  execLabel: string;
  /** Columns of the 预算执行 block, found by header text: A B C D rate score. */
  execColumns: readonly ColumnDef[];
  /** Columns of the indicator block: level1 level2 name target adjust targetC actual weight score reason. */
  indicatorColumns: readonly ColumnDef[];
  /** Labels of single cells, read by the value beside them. */
  labels: { total: readonly string[]; reason: readonly string[]; grade: readonly string[]; improve: readonly string[] };
  /** Weight of 预算执行 when the form does not print it. */
  execWeight: number;
  /** Extra amounts by label (部门整体: 基本支出总额, 项目支出总额). */
  amounts?: readonly { key: string; label: string }[];
  /** Whether indicators are grouped under 年度绩效目标1, 2 … with weights of their own. */
  goals?: boolean;
  /** The indicator lines of the blank template: 一级指标 (weight) → 二级指标. */
  blankLevels: readonly { level: string; weight: number; subLevels: readonly string[] }[];
}

/**
 * A form of labelled figures and small lists (预算 项目支出绩效目标表): fields beside their labels,
 * lists under a header row (资金来源: 来源项目 | 金额; 明细测算: 项目活动 … 金额) whose amounts the
 * rules address as `list.合计` and `list.*`.
 */
export interface LabelledTemplate extends TemplateBase {
  layout: 'labelled';
  /** The label of the text that names the form's subject (项目名称) and of its code (项目编码). */
  nameLabels: readonly string[];
  codeLabels: readonly string[];
  /** Amounts beside their labels. */
  fields: readonly { key: string; labels: readonly string[] }[];
  /** Lists: the header words that open one (its first column's and its amount column's). */
  lists: readonly { key: string; first: readonly string[]; amount: readonly string[]; blankRows: number }[];
}

export type TableTemplate = LinesTemplate | CodesTemplate | EconomicTemplate | SingleRowTemplate | ItemsTemplate | FormTemplate | LabelledTemplate;

/** A document kind and its tables, in publishing order. */
export interface TemplateSet {
  kind: '决算' | '预算' | '绩效';
  /** How a table is named in messages: 公开01表. */
  label(t: TableTemplate): string;
  tables: readonly TableTemplate[];
  /** Header words recognition skips (see HeaderVocabulary). */
  vocabulary: HeaderVocabulary;
}
