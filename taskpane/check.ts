/**
 * What 校验并生成说明 does, apart from drawing it: read the workbook through the host, run the
 * engine exactly as `budget validate` does (recognizeWorkbook + validateTables over every kind),
 * generate the text of the tables' kind with the parameters the workbook carries (as
 * `budget narrative` picks and reads them), then write marks and result sheets. Each step reports progress and yields, so the
 * pane redraws and Office never sees the add-in busy for long.
 */
import { Finding, FindingSummary, summarize } from '../src/core/findings';
import { Workbook, isEmptyWorkbook } from '../src/core/grid';
import { planMarks } from '../src/core/marks';
import { RecognizedTable, TableSet } from '../src/core/model';
import { narrativeKindOf } from '../src/core/kinds';
import { NarrativeDoc, NarrativeParams } from '../src/core/narrative';
import { paramsFromWorkbook } from '../src/core/params-store';
import { recognizeWorkbook } from '../src/core/recognize';
import { validateTables } from '../src/core/validate';
import { MarkCounts, PaneSettings, SpreadsheetHost } from '../src/excel/host';

export interface CheckStep {
  /** 0–1 */
  progress: number;
  label: string;
}

export interface CheckResult {
  tables: RecognizedTable[];
  findings: Finding[];
  summary: FindingSummary;
  /** Undefined when the tables' kind has no text to generate. */
  narrative?: NarrativeDoc;
  marks: MarkCounts;
  sheets: string[];
  /** Problems of the stored 说明 parameters (the 说明 was generated without them). */
  paramsProblem?: string;
  /** Cells that could not be read as amounts (they took no part in the checks). */
  unreadable: Finding[];
  /** Engine time on the grid (recognition + validation), ms. */
  validateMs: number;
  /** Whole run, ms. */
  totalMs: number;
}

/** Nothing to check: no table was recognised. */
export class NoTablesError extends Error {}

const yieldToUi = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The message when a workbook has no recognisable table (the CLI's, for the pane). */
export function noTablesMessage(wb: Workbook): string {
  return isEmptyWorkbook(wb)
    ? `工作簿是空的（${wb.sheets.length} 个工作表都没有内容）。可以在“插入表格”中插入空白标准表。`
    : '未识别到任何公开表。表格按标题识别，如“2024年度收入支出决算总表”“公开01表”；请检查标题是否在表格上方的单元格中。';
}

export async function runCheck(host: SpreadsheetHost, settings: PaneSettings, onStep: (s: CheckStep) => void): Promise<CheckResult> {
  const t0 = performance.now();
  onStep({ progress: 0.05, label: '读取工作簿…' });
  const wb = await host.readWorkbook(({ done, total }) => onStep({ progress: 0.05 + 0.35 * (total ? done / total : 1), label: `读取单元格 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}…` }));
  onStep({ progress: 0.45, label: '识别并校验表格…' });
  await yieldToUi();
  const v0 = performance.now();
  const rec = recognizeWorkbook(wb);
  if (!rec.tables.length) throw new NoTablesError(noTablesMessage(wb));
  const tables = new TableSet(rec.tables);
  const findings = [...rec.findings, ...validateTables(tables)];
  const validateMs = performance.now() - v0;

  onStep({ progress: 0.6, label: '生成情况说明…' });
  await yieldToUi();
  const stored = paramsFromWorkbook(wb);
  let params = stored?.params ?? new NarrativeParams();
  let paramsProblem: string | undefined;
  if (stored?.problems.length) {
    params = new NarrativeParams();
    paramsProblem = `${stored.source}有 ${stored.problems.length} 处问题，本次生成说明未使用这些参数：${stored.problems
      .slice(0, 3)
      .map((p) => (p.where ? `${p.where}：${p.message}` : p.message))
      .join('；')}`;
  }
  // The text of the kind the tables belong to (决算/预算情况说明, 绩效自评结果), as `budget narrative` picks it.
  const textKind = narrativeKindOf(tables)?.narrative;
  const narrative = textKind ? (await textKind.loadGenerator())(tables, params) : undefined;

  onStep({ progress: 0.7, label: '标记单元格…' });
  const marks = await host.writeMarks(planMarks(findings), settings.notes);
  onStep({ progress: 0.85, label: '写入情况说明工作表…' });
  const sheets = await host.writeResultSheets({ narrative, findings, workbookName: wb.name }, settings.resultSheet);
  onStep({ progress: 1, label: '完成' });
  return {
    tables: rec.tables,
    findings,
    summary: summarize(findings),
    narrative,
    marks,
    sheets,
    paramsProblem,
    unreadable: findings.filter((f) => f.rule.startsWith('输入.')),
    validateMs,
    totalMs: performance.now() - t0,
  };
}
