/**
 * How a template draft looks on a sheet: font, size, alignment, borders and number format of each
 * draft style, and the header rows that stay frozen. One table for both writers, so the CLI's
 * `budget template` (ExcelJS) and the task pane (Office.js) produce the same sheets.
 */
import { AMOUNT_FORMAT, DraftCell, DraftStyle, SheetDraft } from './templates/render';

export const DRAFT_FONT = '宋体';

export interface DraftCellLook {
  bold: boolean;
  size: number;
  horizontal: 'center' | 'left' | 'right';
  wrap: boolean;
  border: boolean;
  /** Absent: General. */
  numFmt?: string;
}

const LOOKS: Record<DraftStyle, Omit<DraftCellLook, 'wrap'>> = {
  title: { bold: true, size: 16, horizontal: 'center', border: false },
  subtitle: { bold: false, size: 10, horizontal: 'left', border: false },
  header: { bold: true, size: 10, horizontal: 'center', border: true },
  label: { bold: false, size: 10, horizontal: 'left', border: true },
  code: { bold: false, size: 10, horizontal: 'left', border: true, numFmt: '@' },
  amount: { bold: false, size: 10, horizontal: 'right', border: true, numFmt: AMOUNT_FORMAT },
  total: { bold: true, size: 10, horizontal: 'right', border: true, numFmt: AMOUNT_FORMAT },
  note: { bold: false, size: 9, horizontal: 'left', border: false },
};

/** The look of one draft cell (a 合计 label is centred; headers and notes wrap). */
export function draftCellLook(c: DraftCell): DraftCellLook {
  const look = LOOKS[c.style];
  const horizontal = c.style === 'label' && c.value === '合计' ? 'center' : look.horizontal;
  // A cell's own format (a rate in %) wins over its style's; codes are always text.
  const numFmt = c.style === 'code' ? look.numFmt : (c.numFmt ?? look.numFmt);
  return { ...look, horizontal, numFmt, wrap: c.style === 'header' || c.style === 'note' };
}

/** Rows to freeze: the title and every header row, so 栏次 stay in view while scrolling. */
export function frozenRows(draft: SheetDraft): number {
  let last = -1;
  for (const c of draft.cells) if (c.style === 'header' && c.row > last) last = c.row;
  return last + 1;
}
