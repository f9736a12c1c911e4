/**
 * One workbook through the engine: read, recognise, validate (and check a 说明 when given).
 * `budget validate FILE` and every worker of `budget validate DIR` use this, so a file gets the
 * same findings and the same JSON either way.
 */
import * as path from 'path';
import { Finding, FindingSummary, summarize } from '../core/findings';
import { Workbook, isEmptyWorkbook } from '../core/grid';
import { RecognizedTable, TableSet } from '../core/model';
import type { NarrativeStats } from '../core/narrative';
import { Recognition, recognizeWorkbook } from '../core/recognize';
import { AppliedCondition, checkTables } from '../core/validate';
import { KINDS } from '../core/kinds';
import { UserError } from './errors';
import { readWorkbook } from './read-xlsx';

/** The `--json` contract of one workbook. */
export interface FileReport {
  file: string;
  tables: { id: string; title: string; sheet: string; range: string }[];
  findings: Finding[];
  summary: FindingSummary;
  /** Conditional rules that applied. */
  conditions: AppliedCondition[];
  /** With a 说明: what was read of it (sentences, figures, checked). */
  narrative?: NarrativeStats;
}

/** Reads a workbook and finds its tables; a workbook without any is unusable input (exit 2). */
export async function loadTables(file: string, purpose: string): Promise<{ wb: Workbook; rec: Recognition }> {
  const wb = await readWorkbook(file);
  const rec = recognizeWorkbook(wb);
  if (!rec.tables.length) {
    throw new UserError(
      isEmptyWorkbook(wb)
        ? `${path.basename(file)}：工作簿是空的（${wb.sheets.length} 个工作表都没有内容），无法${purpose}。`
        : `${path.basename(file)}：未找到任何${KINDS.map((k) => k.title).join('、')}的表格（按标题识别，如“2024年度收入支出决算总表”“2025年收支总表”“XX项目绩效自评表”），无法${purpose}。`,
    );
  }
  return { wb, rec };
}

export interface ValidateOptions {
  /** The name the report gives the file (default: its base name). */
  name?: string;
  /** A 说明 (.docx/.md/.txt) to check against the tables, and its parameters. */
  narrative?: string;
  params?: string;
}

/**
 * Validates one workbook; input that cannot be used throws a UserError (exit 2). `note` is the
 * line the text report adds about a 说明 that was checked.
 */
export async function validateFile(file: string, opts: ValidateOptions = {}): Promise<{ report: FileReport; tables: RecognizedTable[]; note?: string }> {
  const { wb, rec } = await loadTables(file, '校验');
  const checked = checkTables(new TableSet(rec.tables));
  const findings = [...rec.findings, ...checked.findings];
  let narrative: { stats: NarrativeStats; note: string } | undefined;
  if (opts.narrative) {
    const { checkNarrativeFile, statsLine } = await import('./narrative');
    const r = await checkNarrativeFile(opts.narrative, rec.tables, wb, opts.params);
    findings.push(...r.findings);
    narrative = { stats: r.stats, note: statsLine(opts.narrative, r.stats) };
  }
  const report: FileReport = {
    file: opts.name ?? path.basename(file),
    tables: rec.tables.map((t) => ({ id: t.id, title: t.title, sheet: t.sheet, range: t.range })),
    findings,
    summary: summarize(findings),
    conditions: checked.conditions,
    ...(narrative ? { narrative: narrative.stats } : {}),
  };
  return { report, tables: rec.tables, note: narrative?.note };
}

/** Exit code of a report: 1 when it has any 错误. */
export function exitCodeOf(report: FileReport): 0 | 1 {
  return report.summary.error > 0 ? 1 : 0;
}
