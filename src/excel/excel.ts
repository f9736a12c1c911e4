/**
 * The Excel implementation of the pane's host, over an injected Office.js slice (office.ts):
 * in Excel `officeExcelApi()`, in tests the in-memory fake.
 */
import { SpreadsheetHost } from './host';
import { clearMarks, notesSupported, writeMarks } from './marks';
import { ExcelApi, runBatch } from './office';
import { readWorkbook } from './read';
import { loadParamsXml, loadSettings, saveParamsXml, saveSettings } from './settings';
import { deleteResultSheets, listResultSheets, writeResultSheets } from './sheets';
import { insertTables } from './templates';

export function createExcelHost(api: ExcelApi, workbookName: () => string = () => '当前工作簿'): SpreadsheetHost {
  return {
    supportsNotes: () => notesSupported(api),
    readWorkbook: (progress) => readWorkbook(api, workbookName(), { progress }),
    writeMarks: (marks, withNotes) => writeMarks(api, marks, withNotes),
    clearMarks: () => clearMarks(api),
    writeResultSheets: (content, withResults) => writeResultSheets(api, content, withResults),
    resultSheets: () => listResultSheets(api),
    deleteResultSheets: () => deleteResultSheets(api),
    insertTables: (drafts, at) => insertTables(api, drafts, at),
    selectCells: (sheet, cells) =>
      runBatch(api, `选择 ${sheet} 的单元格`, async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (cells.length) ws.getRanges(cells.join(',')).select();
        await context.sync();
      }),
    loadSettings: () => loadSettings(api),
    saveSettings: (s) => saveSettings(api, s),
    loadParamsXml: () => loadParamsXml(api),
    saveParamsXml: (xml) => saveParamsXml(api, xml),
  };
}

/** Office.js in the running add-in. */
export function officeExcelApi(): ExcelApi {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** The workbook's file name as Office knows it (e.g. 决算.xlsx), or a neutral name. */
function officeWorkbookName(): string {
  const url = Office.context.document?.url ?? '';
  const base = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
  return base || '当前工作簿';
}

/**
 * Calls `start` with the Excel host once Office is ready. Outside Office (the page opened in a
 * plain browser) it calls `start` with undefined, so the pane can say it must run in Excel.
 */
export function whenOfficeReady(start: (host: SpreadsheetHost | undefined) => void): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') {
    start(undefined);
    return;
  }
  void office.onReady((info) => start(info.host === office.HostType.Excel ? createExcelHost(officeExcelApi(), officeWorkbookName) : undefined));
}
