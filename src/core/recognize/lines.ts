/** Two-sided tables of numbered lines (公开01, 04). */
import { functionalClassByName } from '../codes';
import { cellText } from '../grid';
import { CellRef, RecognizedTable, TableRow } from '../model';
import { LinesTemplate } from '../templates/types';
import { Reader, Region, columnsInfo, headerLayout, intOf, isNoteRow, mapColumns, readFigure, structureFinding, tableOf } from './region';
import { compact } from './text';

export function readLinesTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as LinesTemplate;
  const { sheet, width } = region;
  const { unit, dataStart, headers, colNos } = headerLayout(region);
  const lineCols: number[] = [];
  headers.forEach((h, c) => {
    if (/行次?$|^行次/.test(h) && !/项目/.test(h)) lineCols.push(c);
  });
  if (!lineCols.length) {
    structureFinding(rd, region, '未能识别“行次”栏');
    return undefined;
  }
  const allDefs = tpl.sides.flatMap((s) => s.columns);
  const lineDefs = new Map(tpl.sides.flatMap((s, si) => s.lines.map((l) => [l.line, { def: l, side: si }] as const)));
  const rows: TableRow[] = [];
  const colMapAll = new Map<string, number>();
  let lastRow = dataStart;
  lineCols.forEach((lc, i) => {
    const nameCol = lc - 1;
    const next = i + 1 < lineCols.length ? lineCols[i + 1] - 1 : width;
    const candidates: number[] = [];
    for (let c = lc + 1; c < next; c++) candidates.push(c);
    // Which template side this physical side is: the one its line numbers belong to.
    const votes = [0, 0];
    for (let r = dataStart; r <= region.end; r++) {
      const n = intOf(sheet.rows[r]?.[lc]);
      const hit = n !== undefined ? lineDefs.get(n) : undefined;
      if (hit) votes[hit.side]++;
    }
    const side = votes[1] > votes[0] ? 1 : votes[0] > 0 ? 0 : Math.min(i, tpl.sides.length - 1);
    const defs = tpl.sides[side].columns;
    let colMap = mapColumns(defs, headers, colNos, candidates);
    if (!colMap.size && defs.length === 1 && candidates.length) colMap = new Map([[defs[0].key, candidates[0]]]);
    for (const [k, c] of colMap) colMapAll.set(k, c);
    for (let r = dataStart; r <= region.end; r++) {
      if (isNoteRow(sheet, r, width)) break;
      const n = intOf(sheet.rows[r]?.[lc]);
      const written = compact(cellText(sheet.rows[r]?.[nameCol]));
      let hit = n !== undefined ? lineDefs.get(n) : undefined;
      if (!hit && written) {
        const byName = tpl.sides[side].lines.find((l) => l.name && compact(l.name) === written.replace(/^[一二三四五六七八九十]+、/, ''));
        if (byName) hit = { def: byName, side };
      }
      if (!hit) continue;
      const name = written.replace(/^[一二三四五六七八九十]+、/, '') || hit.def.name;
      const code = hit.def.code ? functionalClassByName(name)?.code ?? hit.def.code : undefined;
      const cells: Record<string, CellRef> = {};
      for (const [k, c] of colMap) cells[k] = readFigure(rd, region, unit, r, c);
      rows.push({ key: `L${hit.def.line}`, line: hit.def.line, code, name, cells });
      if (r > lastRow) lastRow = r;
    }
  });
  if (!rows.length) {
    structureFinding(rd, region, '未能识别任何行次');
    return undefined;
  }
  rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return tableOf(region, lastRow, unit, columnsInfo(colMapAll, headers, allDefs), rows);
}
