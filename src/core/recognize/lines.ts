/**
 * Two-sided tables of lines (公开01, 04): 收入 | 支出 side by side, each a name column, an
 * optional 行次 column and amount columns. Lines are placed by their NAME (numbering stripped,
 * aliases and 类 names accepted), the 行次 number only settling names a table repeats
 * (一般公共预算财政拨款 at lines 1, 29 and 61 of 04) — many regions print no 行次, and others
 * number their lines differently.
 */
import { functionalClassByName } from '../codes';
import { Sheet, cellAddress, cellText, columnName } from '../grid';
import { CellRef, RecognizedTable, TableRow, UnplacedPart } from '../model';
import { LineDef, LinesTemplate } from '../templates/types';
import {
  ColumnMapping,
  HeaderBlock,
  Reader,
  Region,
  columnLayout,
  columnsInfo,
  intOf,
  isEmptyTableRow,
  isNoteRow,
  layoutOf,
  mapColumns,
  readFigure,
  readHeader,
  structureFinding,
  tableOf,
} from './region';
import { compact, stripNumbering } from './text';

/** Lines of a template by the names they may be printed with. */
class LineIndex {
  private readonly byName = new Map<string, { def: LineDef; side: number }[]>();
  constructor(readonly tpl: LinesTemplate) {
    tpl.sides.forEach((s, side) => {
      for (const def of s.lines) {
        for (const n of [def.name, ...(def.aliases ?? [])]) {
          if (!n) continue;
          const key = lineKey(n);
          const list = this.byName.get(key) ?? [];
          list.push({ def, side });
          this.byName.set(key, list);
        }
      }
    });
  }

  /** Candidate lines for a printed name, on one side or both. */
  find(text: string, side?: number): { def: LineDef; side: number }[] {
    const key = lineKey(text);
    let hits = this.byName.get(key) ?? [];
    if (!hits.length) {
      // A 功能分类 类 printed under another year's name: place it by its code.
      const cls = functionalClassByName(key);
      if (cls) for (const [i, s] of this.tpl.sides.entries()) for (const def of s.lines) if (def.code === cls.code) hits = [...hits, { def, side: i }];
    }
    return side === undefined ? hits : hits.filter((h) => h.side === side);
  }

  knows(text: string): boolean {
    return this.find(text).length > 0;
  }
}

function lineKey(text: string): string {
  return stripNumbering(compact(text)).replace(/[(（][类款项][)）]$/, '');
}

interface SideLayout {
  nameCol: number;
  lineCol?: number;
  /** Template side (0 收入, 1 支出). */
  side: number;
  mapping: ColumnMapping;
}

/** Columns whose cells below the header hold names of the table's lines, left to right. */
function nameColumns(sheet: Sheet, header: HeaderBlock, region: Region, index: LineIndex): number[] {
  const counts = new Map<number, number>();
  const stop = Math.min(region.end, header.dataStart + 80);
  for (let r = header.dataStart; r <= stop; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(region.width, row.length); c++) {
      const t = cellText(row[c]);
      if (t && typeof row[c]?.value === 'string' && index.knows(t)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const best = Math.max(0, ...counts.values());
  return [...counts.entries()].filter(([, n]) => n >= Math.max(2, best / 4)).map(([c]) => c).sort((a, b) => a - b);
}

/** The 行次 column of a side: headed 行次, or holding small line numbers. */
function lineColumn(sheet: Sheet, header: HeaderBlock, from: number, to: number, region: Region): number | undefined {
  for (let c = from; c < to; c++) if (header.tokens[c]?.some((t) => /^行次?$/.test(t))) return c;
  for (let c = from; c < to; c++) {
    let ints = 0;
    let other = 0;
    for (let r = header.dataStart; r <= Math.min(region.end, header.dataStart + 12); r++) {
      const cell = sheet.rows[r]?.[c];
      if (!cell || cell.value === null || cell.value === '') continue;
      if (Number.isInteger(cell.value) && intOf(cell) !== undefined && cell.numFmt === undefined) ints++;
      else other++;
    }
    if (ints >= 3 && other === 0 && /行/.test((header.tokens[c] ?? []).join(''))) return c;
  }
  return undefined;
}

export function readLinesTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as LinesTemplate;
  const { sheet, width } = region;
  const index = new LineIndex(tpl);
  // Line names that are also column captions (04's 一般公共预算财政拨款) do not mark a data row.
  const captions = new Set(tpl.sides.flatMap((s) => s.columns.flatMap((c) => [c.header, ...(c.aliases ?? []), ...(c.groups ?? [])].map(lineKey))));
  const header = readHeader(region, (t) => !captions.has(lineKey(t)) && index.knows(t));
  const { unit, dataStart } = header;
  const names = nameColumns(sheet, header, region, index);
  if (!names.length) {
    structureFinding(rd, region, '未能识别任何一行的项目名称');
    return undefined;
  }
  // Which template side each printed side is: the one its names belong to.
  const sides: SideLayout[] = [];
  names.forEach((nameCol, i) => {
    const next = i + 1 < names.length ? names[i + 1] : width;
    const votes = tpl.sides.map(() => 0);
    for (let r = dataStart; r <= region.end; r++) {
      const t = cellText(sheet.rows[r]?.[nameCol]);
      const hits = t ? index.find(t) : [];
      if (hits.length) for (const s of new Set(hits.map((h) => h.side))) votes[s]++;
    }
    const side = votes.indexOf(Math.max(...votes));
    const lineCol = lineColumn(sheet, header, nameCol + 1, next, region);
    const candidates: number[] = [];
    for (let c = nameCol + 1; c < next; c++) if (c !== lineCol) candidates.push(c);
    const defs = tpl.sides[side].columns;
    let mapping = mapColumns(defs, header, candidates, rd.vocabulary(tpl));
    if (!mapping.columns.size && defs.length === 1 && candidates.length) {
      // One amount column under a caption the vocabulary does not know: it is the amount.
      mapping = { columns: new Map([[defs[0].key, candidates[0]]]), via: new Map([[defs[0].key, 'header']]) };
    }
    sides.push({ nameCol, lineCol, side, mapping });
  });

  const rows: TableRow[] = [];
  const unplaced: UnplacedPart[] = [];
  const placed = new Set<string>();
  let firstRow: number | undefined;
  let lastRow = dataStart - 1;
  for (const s of sides) {
    let lastLine = 0;
    const pending: UnplacedPart[] = [];
    const place = (r: number, def: LineDef, name: string) => {
      const code = def.code ? functionalClassByName(name)?.code ?? def.code : undefined;
      const cells: Record<string, CellRef> = {};
      for (const [k, c] of s.mapping.columns) cells[k] = readFigure(rd, region, unit, r, c);
      rows.push({ key: `L${def.line}`, line: def.line, code, name, cells });
      placed.add(`L${def.line}`);
      lastLine = def.line;
      firstRow = firstRow === undefined ? r : Math.min(firstRow, r);
      if (r > lastRow) lastRow = r;
    };
    for (let r = dataStart; r <= region.end; r++) {
      if (isNoteRow(sheet, r, width) || isEmptyTableRow(sheet, r, width)) break;
      const written = compact(cellText(sheet.rows[r]?.[s.nameCol]));
      const no = s.lineCol !== undefined ? intOf(sheet.rows[r]?.[s.lineCol]) : undefined;
      if (!written) {
        // A line printed without its name (the seed leaves 61–63 blank on the 支出 side): its 行次 says which.
        const def = no !== undefined && !placed.has(`L${no}`) ? tpl.sides[s.side].lines.find((l) => l.line === no) : undefined;
        if (def) place(r, def, def.name);
        continue;
      }
      const hits = index.find(written, s.side).filter((h) => !placed.has(`L${h.def.line}`));
      let hit = (no !== undefined && hits.find((h) => h.def.line === no)) || hits.find((h) => h.def.line > lastLine) || hits[0];
      if (!hit && no !== undefined && no > lastLine && !placed.has(`L${no}`)) {
        // A name OCR or a typo damaged, under a 行次 that fits the order: trust the number.
        const def = tpl.sides[s.side].lines.find((l) => l.line === no && l.name);
        if (def) hit = { def, side: s.side };
      }
      if (!hit) {
        // A line the template does not know: left out, with the rules it may belong to.
        const hasFigure = [...s.mapping.columns.values()].some((c) => {
          const v = sheet.rows[r]?.[c]?.value;
          return v !== null && v !== undefined && v !== '' && v !== 0;
        });
        if (hasFigure) {
          const part: UnplacedPart = { kind: 'row', cell: cellAddress(r, s.nameCol), text: written, side: s.side, afterLine: lastLine || undefined };
          pending.push(part);
          unplaced.push(part);
        }
        continue;
      }
      for (const p of pending.splice(0)) p.beforeLine = hit.def.line;
      place(r, hit.def, stripNumbering(written) || hit.def.name);
    }
  }
  if (!rows.length) {
    structureFinding(rd, region, '未能识别任何一行');
    return undefined;
  }
  rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const allDefs = tpl.sides.flatMap((s) => s.columns);
  const merged: ColumnMapping = { columns: new Map(), via: new Map() };
  for (const s of sides) for (const [k, c] of s.mapping.columns) if (!merged.columns.has(k)) {
    merged.columns.set(k, c);
    merged.via.set(k, s.mapping.via.get(k)!);
  }
  const layout = layoutOf(region, header, {
    columns: columnLayout(merged, header, allDefs),
    codeColumns: [],
    nameColumns: sides.map((s) => columnName(s.nameCol)),
    lineColumns: sides.flatMap((s) => (s.lineCol !== undefined ? [columnName(s.lineCol)] : [])),
    firstDataRow: firstRow !== undefined ? firstRow + 1 : undefined,
    lastDataRow: firstRow !== undefined ? lastRow + 1 : undefined,
    unplaced,
  });
  return tableOf(region, Math.max(lastRow, header.to), unit, columnsInfo(merged, header, allDefs), rows, layout);
}
