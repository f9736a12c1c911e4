/**
 * The spreadsheet host as the task pane sees it: read the workbook into the engine's grid, write
 * and clear the add-in's marks, write its result sheets, insert template tables, select cells,
 * keep settings and the 说明 parameters in the workbook. The pane's components receive this
 * interface only; `createExcelHost` (excel.ts) implements it with Office.js, and another host
 * (WPS 表格's JS add-ins) would be one more implementation.
 */
import { CellMark } from '../core/marks';
import { Finding } from '../core/findings';
import { Workbook } from '../core/grid';
import { NarrativeDoc } from '../core/narrative';
import { SheetDraft } from '../core/templates/render';

/** Why a host operation failed, for a clear Chinese message in the pane. */
export type HostErrorKind = 'tooLarge' | 'busy' | 'failed';

export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface ReadProgress {
  (step: { done: number; total: number; what: string }): void;
}

export interface MarkCounts {
  /** Cells coloured by the add-in's conditional formats. */
  cells: number;
  /** Conditional-format rules (one per severity per sheet). */
  rules: number;
  /** Notes written (0 when the host has no notes). */
  notes: number;
  /** Marked cells that kept the user's own note instead of ours. */
  skippedNotes: number;
}

/** What the result sheets hold. */
export interface ResultContent {
  /** The generated text; undefined when the tables' kind has none (then only 校验结果 is written). */
  narrative?: NarrativeDoc;
  findings: readonly Finding[];
  /** The workbook's file name or title, for the sheets' headings. */
  workbookName: string;
}

/** Small settings kept in the workbook (Excel: workbook.settings). */
export interface PaneSettings {
  /** Write a note on each marked cell where the host has notes. */
  notes: boolean;
  /** Write the 校验结果 sheet besides 情况说明. */
  resultSheet: boolean;
  /** Template kind last inserted (决算 …). */
  templateKind: string;
  /** Where tables are inserted: one new sheet each, or one below another from the selected cell. */
  insertAt: 'sheets' | 'selection';
}

export const DEFAULT_PANE_SETTINGS: PaneSettings = { notes: true, resultSheet: true, templateKind: '决算', insertAt: 'sheets' };

/** The names of the result sheets the add-in writes. */
export const NARRATIVE_SHEET = '情况说明';
export const RESULTS_SHEET = '校验结果';

export interface SpreadsheetHost {
  /** Whether cells can carry notes (Excel: ExcelApi 1.18). */
  supportsNotes(): boolean;
  /** Every sheet's used range as the engine's grid, with the custom XML part of the 说明 parameters. */
  readWorkbook(progress?: ReadProgress): Promise<Workbook>;
  /** Replaces the add-in's marks with these (never stacks, never touches the user's formats or notes). */
  writeMarks(marks: readonly CellMark[], withNotes: boolean): Promise<MarkCounts>;
  /** Removes exactly the add-in's conditional formats and notes. */
  clearMarks(): Promise<MarkCounts>;
  /** Writes (or rewrites) 情况说明 and, when asked, 校验结果; returns the sheet names. */
  writeResultSheets(content: ResultContent, withResults: boolean): Promise<string[]>;
  /** The add-in's result sheets present in the workbook. */
  resultSheets(): Promise<string[]>;
  /** Deletes the add-in's result sheets (only those it wrote); returns their names. */
  deleteResultSheets(): Promise<string[]>;
  /** Writes template drafts on new sheets or from the selected cell down; returns where. */
  insertTables(drafts: readonly SheetDraft[], at: PaneSettings['insertAt']): Promise<string[]>;
  /** Activates a sheet and selects cells on it (A1 addresses). */
  selectCells(sheet: string, cells: readonly string[]): Promise<void>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** The 说明 parameters part (core/params-store.ts), if the workbook has one. */
  loadParamsXml(): Promise<string | undefined>;
  /** Stores the parameters part (replacing the previous one); undefined removes it. */
  saveParamsXml(xml: string | undefined): Promise<void>;
}
