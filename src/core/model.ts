/**
 * Recognised tables: what the engine found in a workbook, independent of where it sat.
 * Rules, the narrative generator and the add-in all read figures through this model.
 */
import { Figure, blankFigure } from './money';

/** Stable table ids: 决算01 … 决算09, 预算01 …, 绩效项目, 绩效整体, 绩效汇总. */
export type TableId = string;

export type Unit = '万元' | '元';

/** Where a figure came from, so a finding can point at it. */
export interface CellRef {
  sheet: string;
  /** A1 address, e.g. `C30`. */
  address: string;
  /**
   * The figure in 万元 whatever the sheet's unit: a table in 元 is converted on reading
   * (value ÷ 10000, four more decimals), so rules and text never mix units.
   */
  figure: Figure;
  /** Set when the cell holds something that is not an amount; the figure is then a blank zero and rules skip it. */
  invalid?: string;
}

export interface TableRow {
  /**
   * How rules address the row: `L27` for a numbered line (行次 27), the subject code for a
   * coded row (`2010350`, `30101`), or a fixed name (`合计`, `人员经费合计`).
   */
  key: string;
  /** Subject code when the row has one (a 01/04 expense line knows its 类 code by name). */
  code?: string;
  /** The row's name as written (OCR spacing removed). */
  name: string;
  /** 行次 when the table numbers its lines. */
  line?: number;
  /** Figures by column key (栏次 number as a string: `1`, `2`, …, or a named key such as `amount`). */
  cells: Record<string, CellRef>;
}

export interface RecognizedTable {
  id: TableId;
  /** The title as written, e.g. 2024年度收入支出决算总表. */
  title: string;
  sheet: string;
  /** A1 range the table occupies, e.g. `A1:H40`. */
  range: string;
  /** The unit line of the sheet (单位：万元 / 元); figures in the model are always 万元. */
  unit: Unit;
  /** Year from the title, when it has one. */
  year?: number;
  /** Column keys found, in sheet order, with their header text. */
  columns: { key: string; header: string; column: string }[];
  rows: TableRow[];
  /** How the reader understood the table (`budget validate --layout`); absent for tables built in code. */
  layout?: TableLayout;
}

/** Where the reader found a table's parts, so a user whose layout is not understood sees why. */
export interface TableLayout {
  /** A1 address of the title cell. */
  titleCell: string;
  /** 1-based header rows, e.g. `4–6`. */
  headerRows?: string;
  /** 1-based 栏次 row. */
  colNoRow?: number;
  /** The title's variant when it is not the standard table (公开08 printed as 收入支出决算表). */
  variant?: string;
  /** Each amount column: its letter, rule key, meaning, the words over it and how it was matched. */
  columns: { column: string; key: string; meaning: string; header: string; via: 'header' | '栏次' }[];
  codeColumns: string[];
  nameColumns: string[];
  lineColumns?: string[];
  /** 1-based first and last data rows. */
  firstDataRow?: number;
  lastDataRow?: number;
  /** Rows and columns found but not placed; rules they may belong to are skipped. */
  unplaced: UnplacedPart[];
}

export interface UnplacedPart {
  kind: 'row' | 'column';
  /** The cell holding the text that could not be placed. */
  cell: string;
  text: string;
  /** For a row of a line table: the side (0 收入, 1 支出) and the placed lines around it. */
  side?: number;
  afterLine?: number;
  beforeLine?: number;
}

/** All tables of one workbook, by id, with lookups that never throw. */
export class TableSet {
  readonly byId = new Map<TableId, RecognizedTable>();

  constructor(readonly tables: readonly RecognizedTable[]) {
    for (const t of tables) if (!this.byId.has(t.id)) this.byId.set(t.id, t);
  }

  get(id: TableId): RecognizedTable | undefined {
    return this.byId.get(id);
  }

  has(id: TableId): boolean {
    return this.byId.has(id);
  }

  row(id: TableId, key: string): TableRow | undefined {
    return findRow(this.byId.get(id), key);
  }

  /** The cell of (table, row key, column key), if the table has it. */
  cell(id: TableId, rowKey: string, colKey: string): CellRef | undefined {
    return this.row(id, rowKey)?.cells[colKey];
  }

  /** The figure at (table, row, column) in 万元; a missing row or cell is an exact zero. */
  figure(id: TableId, rowKey: string, colKey: string): Figure {
    return this.cell(id, rowKey, colKey)?.figure ?? blankFigure();
  }
}

const rowIndexCache = new WeakMap<RecognizedTable, Map<string, TableRow>>();

export function findRow(table: RecognizedTable | undefined, key: string): TableRow | undefined {
  if (!table) return undefined;
  let idx = rowIndexCache.get(table);
  if (!idx) {
    idx = new Map();
    for (const r of table.rows) if (!idx.has(r.key)) idx.set(r.key, r);
    rowIndexCache.set(table, idx);
  }
  return idx.get(key);
}
