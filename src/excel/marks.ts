/**
 * The add-in's marks in Excel: one conditional format per severity per sheet over a multi-area
 * range (so the user's own fills, borders and values are never touched), and a note on each
 * marked cell where the host has notes (ExcelApi 1.18; never threaded comments, which notify
 * co-authors). Both are recognisable as ours — the rule's formula carries a tag, the note
 * begins with 【预算校验】 — so writing replaces exactly the previous marks (running twice never
 * stacks) and clearing removes exactly them. Round trips: 3 to take stock, 1 to write, whatever
 * the number of sheets, marks or notes.
 */
import { CellMark, MARK_COLORS, NOTE_PREFIX, SEVERITY_ORDER, cellAreas } from '../core/marks';
import { Severity } from '../core/findings';
import { MarkCounts } from './host';
import { ExcelApi, joinAreas, qualified, runBatch } from './office';

/** Tag in the formula of our rules: always TRUE, and says whose rule it is. */
export const MARK_TAG = 'budget-addin:mark';
export const markFormula = (s: Severity): string => `=N("${MARK_TAG}:${s}")=0`;
/** Excel keeps a note's text short; longer lists are cut with a pointer to the pane. */
const MAX_NOTE_LENGTH = 1500;

export function notesSupported(api: ExcelApi): boolean {
  return api.isSetSupported('ExcelApi', '1.18');
}

interface Stock {
  ourRules: Excel.ConditionalFormat[];
  ourNotes: Excel.Note[];
  /** `sheet!A1` of cells whose note is the user's. */
  userNoteCells: Set<string>;
}

/** Finds the add-in's rules and notes (3 syncs). */
async function takeStock(context: Excel.RequestContext, withNotes: boolean): Promise<Stock> {
  const sheets = context.workbook.worksheets.load('items/name');
  const notes = withNotes ? context.workbook.notes.load('items/content') : undefined;
  await context.sync();
  const rules = sheets.items.map((ws) => ws.getRange().conditionalFormats.load('items/type'));
  const locations = notes ? notes.items.map((n) => n.getLocation().load('address')) : [];
  await context.sync();
  const custom = rules.flatMap((c) => c.items.filter((cf) => cf.type === 'Custom').map((cf) => ({ cf, rule: cf.custom.rule.load('formula') })));
  await context.sync();
  const stock: Stock = { ourRules: [], ourNotes: [], userNoteCells: new Set() };
  for (const { cf, rule } of custom) if (rule.formula.includes(MARK_TAG)) stock.ourRules.push(cf);
  notes?.items.forEach((n, i) => {
    if (n.content.startsWith(NOTE_PREFIX)) stock.ourNotes.push(n);
    else stock.userNoteCells.add(normalizeAddress(locations[i].address));
  });
  return stock;
}

/** `'公开01表'!C7` and `公开01表!$C$7` → `公开01表!C7`. */
function normalizeAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return `${sheet}!${address.slice(bang + 1).replace(/\$/g, '').split(':')[0]}`;
}

function removeOurs(stock: Stock): { rules: number; notes: number } {
  for (const cf of stock.ourRules) cf.delete();
  for (const n of stock.ourNotes) n.delete();
  return { rules: stock.ourRules.length, notes: stock.ourNotes.length };
}

/** Replaces the add-in's marks with `marks`. */
export async function writeMarks(api: ExcelApi, marks: readonly CellMark[], withNotes: boolean): Promise<MarkCounts> {
  const notes = withNotes && notesSupported(api);
  return runBatch(api, '标记单元格', async (context) => {
    const stock = await takeStock(context, notesSupported(api));
    removeOurs(stock);
    const counts: MarkCounts = { cells: 0, rules: 0, notes: 0, skippedNotes: 0 };
    const bySheet = new Map<string, Map<Severity, string[]>>();
    for (const m of marks) {
      const sev = bySheet.get(m.sheet) ?? new Map<Severity, string[]>();
      sev.set(m.severity, [...(sev.get(m.severity) ?? []), m.cell]);
      bySheet.set(m.sheet, sev);
    }
    for (const [sheet, sev] of bySheet) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const s of SEVERITY_ORDER) {
        const cells = sev.get(s);
        if (!cells?.length) continue;
        for (const address of joinAreas(cellAreas(cells))) {
          const cf = ws.getRanges(address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = markFormula(s);
          cf.custom.format.fill.color = MARK_COLORS[s].fill;
          cf.custom.format.font.color = MARK_COLORS[s].font;
          counts.rules++;
        }
        counts.cells += cells.length;
      }
    }
    if (notes) {
      for (const m of marks) {
        if (stock.userNoteCells.has(`${m.sheet}!${m.cell}`)) {
          counts.skippedNotes++;
          continue;
        }
        context.workbook.notes.add(qualified(m.sheet, m.cell), noteText(m.note));
        counts.notes++;
      }
    }
    await context.sync();
    return counts;
  });
}

/** Removes exactly the add-in's conditional formats and notes. */
export async function clearMarks(api: ExcelApi): Promise<MarkCounts> {
  return runBatch(api, '清除标记', async (context) => {
    const stock = await takeStock(context, notesSupported(api));
    const removed = removeOurs(stock);
    await context.sync();
    return { cells: 0, rules: removed.rules, notes: removed.notes, skippedNotes: 0 };
  });
}

function noteText(note: string): string {
  return note.length <= MAX_NOTE_LENGTH ? note : `${note.slice(0, MAX_NOTE_LENGTH - 20)}…（其余见任务窗格）`;
}
