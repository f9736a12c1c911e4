/** 经济分类 rows in side-by-side blocks (公开06). */
import { codeLevel, subjectByName } from '../codes';
import { cellAddress, cellText } from '../grid';
import { RecognizedTable, TableRow } from '../model';
import { EconomicTemplate } from '../templates/types';
import { Reader, Region, headerTexts, isNoteRow, label, readFigure, structureFinding, tableOf, unitOf } from './region';
import { compact } from './text';

export function readEconomicTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as EconomicTemplate;
  const { sheet, width } = region;
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  let dataStart = region.end + 1;
  for (let r = region.titleRow + 1; r <= region.end && dataStart > region.end; r++) {
    for (let c = 0; c < width; c++) {
      if (/^3\d{2,4}$/.test(compact(cellText(sheet.rows[r]?.[c])))) {
        dataStart = r;
        break;
      }
    }
  }
  const headers = headerTexts(sheet, region.titleRow + 1, dataStart - 1, width);
  const amountCols = headers.map((h, c) => (/决算数|金额/.test(h) ? c : -1)).filter((c) => c >= 0);
  const blocks = amountCols
    .map((a, i) => {
      const lowest = i > 0 ? amountCols[i - 1] + 1 : 0;
      let codeCol = -1;
      for (let c = a - 1; c >= lowest; c--) if (/编码|经济分类/.test(headers[c])) codeCol = c;
      if (codeCol < 0) codeCol = lowest;
      let nameCol = codeCol + 1;
      for (let c = codeCol + 1; c < a; c++) if (/名称/.test(headers[c])) nameCol = c;
      return { codeCol, nameCol, amountCol: a };
    })
    .filter((b) => b.codeCol < b.amountCol);
  if (!blocks.length) {
    structureFinding(rd, region, '未能识别“决算数”栏');
    return undefined;
  }
  const rows: TableRow[] = [];
  const seen = new Set<string>();
  let lastRow = dataStart;
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width)) break;
    // Totals may sit anywhere on their line (the seed merges the label across a block).
    for (let c = 0; c < width; c++) {
      const t = compact(cellText(sheet.rows[r]?.[c]));
      const total = tpl.totals.find((x) => compact(x.label) === t);
      if (!total || seen.has(total.key)) continue;
      let amountCol = -1;
      for (let cc = c + 1; cc < width; cc++) {
        const v = sheet.rows[r]?.[cc];
        if (v && v.value !== null && v.value !== '' && compact(cellText(v)) !== '') {
          amountCol = cc;
          break;
        }
      }
      if (amountCol < 0) amountCol = blocks.find((b) => b.amountCol > c)?.amountCol ?? blocks[blocks.length - 1].amountCol;
      rows.push({ key: total.key, name: total.label, cells: { amount: readFigure(rd, region, unit, r, amountCol) } });
      seen.add(total.key);
      lastRow = r;
    }
    for (const b of blocks) {
      const raw = compact(cellText(sheet.rows[r]?.[b.codeCol]));
      const name = compact(cellText(sheet.rows[r]?.[b.nameCol]));
      if (!raw && !name) continue;
      if (tpl.totals.some((x) => compact(x.label) === name || compact(x.label) === raw)) continue;
      let code: string | undefined;
      if (/^\d+$/.test(raw) && codeLevel(raw, 'economic')) code = raw;
      else if (raw || name) {
        const byName = name ? subjectByName(name, 'economic') : undefined;
        if (/^\d+$/.test(raw) || byName) {
          rd.findings.push({
            severity: 'error',
            rule: '编码.位数',
            table: tpl.id,
            sheet: sheet.name,
            cells: [cellAddress(r, b.codeCol)],
            message: `${label(rd, tpl)} ${cellAddress(r, b.codeCol)}：经济分类编码“${raw}”有误（应为3位类或5位款）${byName ? `，已按名称“${byName.name}”识别为 ${byName.code}` : ''}。`,
          });
        }
        code = byName?.code;
      }
      if (!code || seen.has(code)) continue;
      seen.add(code);
      rows.push({ key: code, code, name: name || code, cells: { amount: readFigure(rd, region, unit, r, b.amountCol) } });
      lastRow = r;
    }
  }
  return tableOf(region, lastRow, unit, [{ key: 'amount', header: '决算数', column: cellAddress(0, blocks[0].amountCol).replace(/\d+$/, '') }], rows);
}
