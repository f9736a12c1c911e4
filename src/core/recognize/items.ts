/**
 * Tables of named items under group rows (收入总表 by unit, 项目支出表, 政府采购预算表, the 绩效
 * 汇总表): key columns and amount columns by header words, a 合计 row, group rows by their code
 * (nesting by the order in which code lengths first appear: 143 → 143001 → 31), item rows by
 * the column only items fill.
 */
import { cellAddress, cellText, columnName } from '../grid';
import { ItemDetail, ItemsTable, TextCell } from '../form-model';
import { CellRef, TableRow } from '../model';
import { D, Figure, parsePercent } from '../money';
import { compact } from './text';
import { ItemsTemplate } from '../templates/types';
import { LabelledCells, matchColumns, splitPoints } from './labels';
import { HeaderBlock, Reader, Region, columnLayout, columnsInfo, inputFinding, isNoteRow, isNumberLike, layoutOf, mapColumns, readFigure, readHeader, structureFinding, tableOf } from './region';

const TOTAL = /^(合计|总计)$/;

export function readItemsTable(rd: Reader, region: Region): ItemsTable | undefined {
  const tpl = region.template as ItemsTemplate;
  const { sheet, width } = region;
  const raw = readHeader(region);
  const { unit, dataStart } = raw;
  // Score headers print their weight (产出指标(20分)): match without it, keep it.
  const headerWeights: Record<string, Figure> = {};
  const header: HeaderBlock = { ...raw, tokens: raw.tokens.map((ts) => ts.map((t) => splitPoints(t).label)) };
  const keyCols = matchColumns(tpl.keys, header.tokens.map((ts) => ts.join('')));
  // A table of named lines: its name column is the one that holds those names.
  const named = namedColumn(region, tpl, dataStart);
  if (named !== undefined) keyCols.set('name', named);
  const candidates: number[] = [];
  for (let c = 0; c < width; c++) if (![...keyCols.values()].includes(c)) candidates.push(c);
  const mapping = mapColumns(tpl.columns, header, candidates, rd.vocabulary(tpl));
  const colMap = mapping.columns;
  if (colMap.size < Math.min(2, tpl.columns.length)) {
    structureFinding(rd, region, '未能识别金额栏目（表头）');
    return undefined;
  }
  for (const [k, c] of colMap) {
    const p = splitPoints(raw.tokens[c][raw.tokens[c].length - 1] ?? '').points;
    if (p) headerWeights[k] = p;
  }
  const lc = new LabelledCells(sheet, region.titleRow, region.end, width);
  const rows: TableRow[] = [];
  const details: ItemDetail[] = [];
  const lengthRank: number[] = [];
  // Named lines are matched in order, so a second 合计 is the second 合计 line.
  let nextLine = 0;
  const knownLine = (name: string): string | undefined => {
    const n = compact(name);
    const lines = tpl.lines ?? [];
    for (let i = nextLine; i < lines.length; i++) {
      if ([lines[i].name, ...(lines[i].aliases ?? [])].some((x) => compact(x) === n)) {
        nextLine = i + 1;
        return lines[i].key;
      }
    }
    return undefined;
  };
  const keys = new Set<string>();
  let lastRow = dataStart;
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    const texts: Record<string, TextCell> = {};
    for (const [k, c] of keyCols) if (lc.own(r, c) !== '') texts[k] = lc.textCell(r, c);
    let hasAmount = false;
    for (const c of colMap.values()) if (lc.own(r, c) !== '') hasAmount = true;
    if (!Object.keys(texts).length) {
      // A row of figures without any name: the 合计 when it comes first (项目支出表), else a blank line.
      let nonZero = false;
      for (const c of colMap.values()) nonZero ||= isNumberLike(sheet.rows[r]?.[c]) && !/^0*(\.0*)?$/.test(lc.own(r, c));
      if (rows.length || !nonZero) continue;
    }
    const words = Object.values(texts).map((t) => t.text.replace(/\s+/g, ''));
    const code = texts.code && /^\d+$/.test(texts.code.text) ? texts.code.text : undefined;
    let kind: ItemDetail['kind'];
    if (words.some((w) => TOTAL.test(w)) || (!rows.length && !words.length)) kind = 'total';
    else if (tpl.itemWhen ? !!texts[tpl.itemWhen] : !code) kind = 'item';
    else kind = code ? 'group' : 'item';
    if (!hasAmount && kind === 'item') continue;
    let level = 0;
    if (kind === 'group' && code) {
      if (!lengthRank.includes(code.length)) lengthRank.push(code.length);
      level = lengthRank.indexOf(code.length);
    }
    const name = texts.name?.text ?? texts[tpl.itemWhen ?? 'name']?.text ?? code ?? '';
    let key = kind === 'total' ? '合计' : kind === 'group' ? code! : (tpl.itemWhen && texts[tpl.itemWhen]?.text) || code || name || cellAddress(r, 0);
    key = key.replace(/\s+/g, '');
    if (keys.has(key)) key = `${key}@${cellAddress(r, 0)}`;
    keys.add(key);
    const known = knownLine(name);
    if (known) key = known;
    const cells: Record<string, CellRef> = {};
    for (const [k, c] of colMap) {
      cells[k] = tpl.percents?.includes(k) ? readPercent(rd, region, r, c) : tpl.scores?.includes(k) ? readFigure(rd, region, '万元', r, c, 0) : readFigure(rd, region, unit, r, c);
    }
    rows.push({ key, code, name: name.replace(/\s+/g, ''), cells });
    details.push({ kind, level, texts });
    lastRow = r;
    if (kind === 'total' && tpl.stopAfterTotals && details.filter((d) => d.kind === 'total').length >= tpl.stopAfterTotals) break;
  }
  // Without an item column, the deepest rows are the items (收入总表: 143 → 143001).
  if (!tpl.itemWhen) {
    details.forEach((d, i) => {
      if (d.kind !== 'group') return;
      const next = details[i + 1];
      if (!next || next.kind !== 'group' || next.level <= d.level) d.kind = 'item';
    });
  }
  const layout = layoutOf(region, header, {
    columns: columnLayout(mapping, header, tpl.columns),
    codeColumns: keyCols.has('code') ? [columnName(keyCols.get('code')!)] : [],
    nameColumns: [...keyCols].filter(([k]) => k !== 'code').map(([, c]) => columnName(c)),
    firstDataRow: rows.length ? dataStart + 1 : undefined,
    lastDataRow: rows.length ? lastRow + 1 : undefined,
    unplaced: [],
  });
  return { ...tableOf(region, lastRow, unit, columnsInfo(mapping, header, tpl.columns), rows, layout), details, headerWeights };
}

/** A percentage cell (占比) as a figure in percent: `2.90%` and a %-formatted 0.029 are both 2.90. */
function readPercent(rd: Reader, region: Region, r: number, c: number): CellRef {
  const cell = region.sheet.rows[r]?.[c];
  const sheet = region.sheet.name;
  const address = cellAddress(r, c);
  const p = parsePercent(cell);
  if (p.kind === 'percent') return { sheet, address, figure: { value: p.value.mul(100), decimals: p.decimals } };
  if (p.kind === 'invalid') {
    inputFinding(rd, region, address, p.reason);
    return { sheet, address, figure: { value: new D(0), decimals: 0, blank: true }, invalid: p.reason };
  }
  return { sheet, address, figure: { value: new D(0), decimals: 0, blank: true } };
}

/** The column whose cells under the header hold most of the template's line names (绩效目标表). */
function namedColumn(region: Region, tpl: ItemsTemplate, from: number): number | undefined {
  if (!tpl.lines?.length) return undefined;
  const names = new Set(tpl.lines.flatMap((l) => [l.name, ...(l.aliases ?? [])].map(compact)));
  let best: number | undefined;
  let most = 1;
  for (let c = 0; c < region.width; c++) {
    let n = 0;
    for (let r = from; r <= Math.min(region.end, from + 40); r++) if (names.has(compact(cellText(region.sheet.rows[r]?.[c])))) n++;
    if (n > most) {
      best = c;
      most = n;
    }
  }
  return best;
}
