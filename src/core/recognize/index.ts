/**
 * Finds the standard tables in a workbook by their titles, wherever they sit, and reads
 * their rows and columns by code, name, header text and 栏次 — never by fixed position.
 */
import { cellAddress, Sheet, Workbook, sheetWidth } from '../grid';
import { DocumentKind, KINDS, templateIndex } from '../kinds';
import { RecognizedTable } from '../model';
import { Finding } from '../findings';
import { TableTemplate } from '../templates/types';
import { readCodesTable } from './codes';
import { readEconomicTable } from './economic';
import { readForm } from './form';
import { readItemsTable } from './items';
import { readLabelled } from './labelled';
import { readLinesTable } from './lines';
import { Reader, Region, label } from './region';
import { readSingleRowTable } from './single';
import { compact } from './text';
import { TitleMatch, matchTitle } from './title';

export { compact } from './text';
export { matchTitle } from './title';

export interface Recognition {
  tables: RecognizedTable[];
  /** Bad input met while reading: cells that are not amounts, bad codes, unreadable headers. */
  findings: Finding[];
}

const READERS: Record<TableTemplate['layout'], (rd: Reader, region: Region) => RecognizedTable | undefined> = {
  codes: readCodesTable,
  lines: readLinesTable,
  economic: readEconomicTable,
  single: readSingleRowTable,
  items: readItemsTable,
  form: readForm,
  labelled: readLabelled,
};

interface TitleCell {
  row: number;
  col: number;
  text: string;
  match: TitleMatch;
}

/** Title cells of one sheet, top to bottom (the first title-like cell of a row). */
function findTitles(sheet: Sheet, kinds: readonly DocumentKind[]): TitleCell[] {
  const out: TitleCell[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (typeof v !== 'string') continue;
      const match = matchTitle(v, kinds);
      if (match) {
        out.push({ row: r, col: c, text: v.trim(), match });
        break;
      }
    }
  });
  // A list of titles on consecutive rows is a table of contents (目录), not tables; two lines
  // naming the same table are one title printed on two lines (see mergeTitleLines).
  const listed = (a: TitleCell | undefined, b: TitleCell | undefined) => !!a && !!b && b.row === a.row + 1 && a.match.template !== b.match.template;
  return out.filter((t, i) => !(listed(out[i - 1], t) || listed(t, out[i + 1])));
}

/** A year printed on the lines just above a title without one (单位：XX局  2024年度). */
function yearAbove(sheet: Sheet, row: number): number | undefined {
  for (let r = row - 1; r >= Math.max(0, row - 2); r--) {
    for (const cell of sheet.rows[r] ?? []) {
      const m = typeof cell?.value === 'string' ? /(20\d{2})年/.exec(cell.value) : null;
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * A title printed on two lines (表1. XX单位2025年收支总表 over 收支总体情况表) is one title: the
 * table starts under the second line, keeps the first line's text and year.
 */
function mergeTitleLines(titles: TitleCell[]): TitleCell[] {
  const out: TitleCell[] = [];
  for (const t of titles) {
    const prev = out[out.length - 1];
    if (prev && prev.match.template === t.match.template && t.row - prev.row <= 3) {
      out[out.length - 1] = { ...t, text: prev.text, match: { ...t.match, year: prev.match.year ?? t.match.year } };
    } else out.push(t);
  }
  return out;
}

/** A header under the title that names 科目编码 (功能分类科目编码, 科目编码 / 类 款 项): a table by code. */
function headerNamesCodes(sheet: Sheet, titleRow: number, end: number): boolean {
  for (let r = titleRow + 1; r <= Math.min(end, titleRow + 6); r++)
    for (const cell of sheet.rows[r] ?? []) if (typeof cell?.value === 'string' && /科目编码|功能分类科目/.test(compact(cell.value))) return true;
  return false;
}

/** The template read under a title: the one it names, or its by-code sibling when the header names 科目编码. */
function templateUnder(t: TitleCell, sheet: Sheet, end: number, kinds: readonly DocumentKind[]): TableTemplate {
  const { template } = t.match;
  const alt = template.byCode ? templateIndex(kinds).get(template.byCode)?.template : undefined;
  return alt && headerNamesCodes(sheet, t.row, end) ? alt : template;
}

/** Finds and reads every table of the known kinds in the workbook. */
export function recognizeWorkbook(wb: Workbook, kinds: readonly DocumentKind[] = KINDS): Recognition {
  const rd: Reader = { kinds, findings: [], vocabulary: (t) => templateIndex(kinds).get(t.id)?.kind.templates.vocabulary ?? { subHeaders: [] } };
  const tables: RecognizedTable[] = [];
  for (const sheet of wb.sheets) {
    const titles = mergeTitleLines(findTitles(sheet, kinds));
    const width = sheetWidth(sheet);
    titles.forEach((t, i) => {
      const end = (i + 1 < titles.length ? titles[i + 1].row : sheet.rows.length) - 1;
      const { variant } = t.match;
      const template = templateUnder(t, sheet, end, kinds);
      const year = t.match.year ?? yearAbove(sheet, t.row);
      const region: Region = { sheet, template, variant, title: t.text, titleRow: t.row, titleCol: t.col, year, end, width };
      if (!template.repeatable && tables.some((x) => x.id === template.id)) {
        rd.findings.push({
          severity: 'warning',
          rule: '识别.重复',
          table: template.id,
          sheet: sheet.name,
          cells: [cellAddress(t.row, t.col)],
          message: `${label(rd, template)}出现多次（工作表“${sheet.name}”${cellAddress(t.row, t.col)}），只校验第一张。`,
        });
        return;
      }
      const table = READERS[template.layout](rd, region);
      if (table) tables.push(table);
    });
  }
  return { tables, findings: rd.findings };
}
