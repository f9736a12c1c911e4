/**
 * Forms of labelled figures and small lists (预算 项目支出绩效目标表): the subject's name and code
 * and each amount beside its label, each list under its header row (资金来源 | 金额, 项目活动 …
 * 金额) down to its first row without an amount.
 */
import { FormTable, PerformanceForm } from '../form-model';
import { CellRef, TableRow } from '../model';
import { LabelledTemplate } from '../templates/types';
import { LabelledCells } from './labels';
import { Reader, Region, layoutOf, readFigure, structureFinding, tableOf, unitOf } from './region';
import { compact } from './text';

export function readLabelled(rd: Reader, region: Region): FormTable | undefined {
  const tpl = region.template as LabelledTemplate;
  const { sheet, width } = region;
  const lc = new LabelledCells(sheet, region.titleRow, region.end, width);
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  const form: PerformanceForm = { goals: [], indicators: [], amounts: {} };
  const rows: TableRow[] = [];
  let lastRow = region.titleRow;
  const beside = (labels: readonly string[]) => {
    const at = lc.find(labels, region.titleRow + 1);
    const v = at && lc.rightOf(at.r, at.c);
    if (v) lastRow = Math.max(lastRow, v.r);
    return v;
  };
  const name = beside(tpl.nameLabels);
  if (name) form.name = lc.textCell(name.r, name.c);
  const code = beside(tpl.codeLabels);
  if (code) form.code = lc.textCell(code.r, code.c);
  const add = (key: string, label: string, ref: CellRef) => {
    form.amounts[key] = ref;
    rows.push({ key, name: label, cells: { amount: ref } });
  };
  for (const f of tpl.fields) {
    const v = beside(f.labels);
    if (v) add(f.key, f.labels[0], readFigure(rd, region, unit, v.r, v.c));
  }
  for (const list of tpl.lists) {
    const head = listHeader(lc, list.first, list.amount);
    if (!head) continue;
    let n = 0;
    for (let r = head.r + 1; r <= region.end; r++) {
      const label = lc.text(r, head.first);
      if (lc.own(r, head.amount) === '' || !label) break;
      const ref = readFigure(rd, region, unit, r, head.amount);
      add(/^(合计|总计)$/.test(label) ? `${list.key}.合计` : `${list.key}.${++n}`, label, ref);
      lastRow = Math.max(lastRow, r);
    }
  }
  if (!rows.length) {
    structureFinding(rd, region, `未能识别${tpl.fields.map((f) => `“${f.labels[0]}”`).join('、')}等栏目`);
    return undefined;
  }
  // Forms are read by labels: the layout report names the title, the rest is in the form.
  const layout = layoutOf(region, undefined, { columns: [], codeColumns: [], nameColumns: [], unplaced: [] });
  return { ...tableOf(region, lastRow, unit, [], rows, layout), form };
}

/** The header row of a list: a cell with one of `first`, and right of it a cell with one of `amount`. */
function listHeader(lc: LabelledCells, first: readonly string[], amount: readonly string[]): { r: number; first: number; amount: number } | undefined {
  const words = (ws: readonly string[]) => ws.map(compact);
  for (let r = lc.from + 1; r <= lc.to; r++) {
    for (let c = 0; c < lc.width; c++) {
      if (!words(first).includes(lc.own(r, c))) continue;
      for (let a = c + 1; a < lc.width; a++) if (words(amount).includes(lc.own(r, a))) return { r, first: c, amount: a };
    }
  }
  return undefined;
}
