/**
 * 经济分类 rows in side-by-side blocks (公开06): each block a code column (or 类 | 款 split
 * codes), a name column and an amount column; 人员经费合计 / 公用经费合计 anywhere on their line.
 */
import { codeLevel, subjectByName } from '../codes';
import { MergeRange, cellAddress, cellText, columnName } from '../grid';
import { RecognizedTable, TableRow } from '../model';
import { EconomicTemplate } from '../templates/types';
import { Reader, Region, headerText, isEmptyTableRow, isNoteRow, label, layoutOf, mergesIn, readFigure, readHeader, structureFinding, tableOf } from './region';
import { compact } from './text';

interface Block {
  /** One code column, or 类 then 款. */
  codeCols: number[];
  nameCol: number;
  amountCol: number;
}

const AMOUNT_WORDS = /决算数|金额|本年数/;

export function readEconomicTable(rd: Reader, region: Region): RecognizedTable | undefined {
  const tpl = region.template as EconomicTemplate;
  const { sheet, width } = region;
  const header = readHeader(region, (t) => /^3\d{2}(\d{2})?$/.test(t) || tpl.totals.some((x) => compact(x.label) === t));
  const { unit, dataStart } = header;
  const last = (c: number) => header.tokens[c]?.[header.tokens[c].length - 1] ?? '';
  const amountCols: number[] = [];
  for (let c = 0; c < width; c++) if (AMOUNT_WORDS.test(last(c)) && !/编码|名称/.test(last(c))) amountCols.push(c);
  const blocks: Block[] = [];
  amountCols.forEach((a, i) => {
    const lowest = i > 0 ? amountCols[i - 1] + 1 : 0;
    let codeCols: number[] = [];
    for (let c = lowest; c + 1 < a; c++) {
      if (/类$/.test(last(c)) && /款$/.test(last(c + 1))) {
        codeCols = [c, c + 1];
        break;
      }
    }
    if (!codeCols.length) {
      let codeCol = -1;
      for (let c = a - 1; c >= lowest; c--) if (header.tokens[c]?.some((t) => /编码|经济分类|科目代码/.test(t)) && !/名称/.test(last(c))) codeCol = c;
      codeCols = [codeCol < 0 ? lowest : codeCol];
    }
    let nameCol = codeCols[codeCols.length - 1] + 1;
    for (let c = nameCol; c < a; c++) if (/名称/.test(last(c))) nameCol = c;
    if (codeCols[0] < a) blocks.push({ codeCols, nameCol, amountCol: a });
  });
  if (!blocks.length) {
    structureFinding(rd, region, `未能识别“决算数”栏（表头为：${header.tokens.map((_, c) => headerText(header, c)).filter(Boolean).slice(0, 6).join('、') || '无'}）`);
    return undefined;
  }
  const merges = mergesIn(sheet, dataStart, region.end);
  const mergeAt = (r: number, c: number): MergeRange | undefined => merges.find((m) => m.top <= r && m.bottom >= r && m.left <= c && m.right >= c);

  const rows: TableRow[] = [];
  const seen = new Set<string>();
  const parents = blocks.map(() => '');
  let firstRow: number | undefined;
  let lastRow = dataStart - 1;
  for (let r = dataStart; r <= region.end; r++) {
    if (isNoteRow(sheet, r, width) || isEmptyTableRow(sheet, r, width)) break;
    const line = sheet.rows[r];
    if (!line) continue;
    // Totals may sit anywhere on their line; their amount is the first amount column after the
    // label (past its merge: the seed merges 公用经费合计 across a block), even when blank.
    for (let c = 0; c < Math.min(width, line.length); c++) {
      const t = compact(cellText(line[c]));
      const total = t ? tpl.totals.find((x) => compact(x.label) === t) : undefined;
      if (!total || seen.has(total.key)) continue;
      const labelEnd = mergeAt(r, c)?.right ?? c;
      const amountCol = blocks.find((b) => b.amountCol > labelEnd)?.amountCol;
      if (amountCol === undefined) continue;
      rows.push({ key: total.key, name: total.label, cells: { amount: readFigure(rd, region, unit, r, amountCol) } });
      seen.add(total.key);
      firstRow ??= r;
      lastRow = r;
    }
    blocks.forEach((b, bi) => {
      const parts = b.codeCols.map((c) => compact(cellText(line[c])));
      const name = compact(cellText(line[b.nameCol]));
      let raw = parts[0];
      if (b.codeCols.length === 2) {
        // Split 类 | 款: the 款 part is two digits under the 类 of its row or the row above.
        const [cls, kuan] = parts;
        if (/^3\d{2}$/.test(cls)) parents[bi] = cls;
        raw = /^\d{2}$/.test(kuan) ? (cls || parents[bi]) + kuan : kuan || cls;
      }
      if (!raw && !name) return;
      if (tpl.totals.some((x) => compact(x.label) === name || compact(x.label) === raw)) return;
      let code: string | undefined;
      if (/^\d+$/.test(raw) && codeLevel(raw, 'economic')) code = raw;
      else {
        const byName = name ? subjectByName(name, 'economic') : undefined;
        if (/^\d+$/.test(raw) || byName) {
          const at = cellAddress(r, b.codeCols[0]);
          rd.findings.push({
            severity: 'error',
            rule: '编码.位数',
            table: tpl.id,
            sheet: sheet.name,
            cells: [at],
            message: `${label(rd, tpl)} ${at}：经济分类编码“${raw}”有误（应为3位类或5位款）${byName ? `，已按名称“${byName.name}”识别为 ${byName.code}` : ''}。`,
          });
        }
        code = byName?.code;
      }
      if (!code || seen.has(code)) return;
      seen.add(code);
      rows.push({ key: code, code, name: name || code, cells: { amount: readFigure(rd, region, unit, r, b.amountCol) } });
      firstRow ??= r;
      lastRow = Math.max(lastRow, r);
    });
  }
  const layout = layoutOf(region, header, {
    columns: blocks.map((b) => ({ column: columnName(b.amountCol), key: 'amount', meaning: '决算数', header: headerText(header, b.amountCol), via: 'header' as const })),
    codeColumns: blocks.flatMap((b) => b.codeCols.map(columnName)),
    nameColumns: blocks.map((b) => columnName(b.nameCol)),
    firstDataRow: firstRow !== undefined ? firstRow + 1 : undefined,
    lastDataRow: firstRow !== undefined ? lastRow + 1 : undefined,
    unplaced: [],
  });
  const columns = [{ key: 'amount', header: '决算数', column: columnName(blocks[0].amountCol) }];
  return tableOf(region, Math.max(lastRow, header.to), unit, columns, rows, layout);
}
