/**
 * Blank 绩效自评表 and items tables (项目支出表, 政府采购预算表, 汇总表 …) as sheet drafts, with
 * live formulas where the figures follow from others: 小计 = 年初 + 追加, 执行率, 预算执行得分,
 * 总分, 评价等级, row sums and 数量 × 单价.
 */
import { cellAddress, columnName } from '../grid';
import { RuleDef } from '../rules/types';
import { Draft, PERCENT_FORMAT, RenderOptions, SheetDraft, columnHeaders, headerDepth, heading, note } from './render';
import { FormTemplate, ItemsTemplate, LabelledTemplate, TemplateSet } from './types';

export function renderItems(set: TemplateSet, t: ItemsTemplate, rules: readonly RuleDef[], opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = t.keys.length + t.columns.length;
  let row = heading(d, set, t, width, opts);
  const depth = headerDepth(t.columns);
  t.keys.forEach((k, i) => {
    d.put(row, i, 'header', k.header);
    d.merge(row, i, row + depth - 1, i);
    d.width(i, k.key === 'name' || k.key === 'reason' ? 28 : 12);
  });
  const points = t.headerPoints ?? {};
  columnHeaders(d, t.columns.map((c) => (points[c.key] ? { ...c, header: `${c.header}(${points[c.key]}分)` } : c)), t.keys.length, row, depth);
  row += depth;
  const first = row;
  const last = row + (t.blankRows ?? 20) - 1;
  const rowSums = rules.filter((r): r is Extract<RuleDef, { kind: 'rowSum' }> => r.kind === 'rowSum' && r.table === t.id);
  const products = rules.filter((r): r is Extract<RuleDef, { kind: 'rowProduct' }> => r.kind === 'rowProduct' && r.table === t.id);
  const col = (key: string) => t.keys.length + t.columns.findIndex((c) => c.key === key);
  const hasTotal = rules.some((r) => r.kind === 'itemsSum' && r.table === t.id);
  let dataFirst = first;
  if (hasTotal) {
    // 合计 = Σ item rows: those that fill the item column (or every row when the table has none).
    d.put(first, Math.max(0, t.keys.findIndex((k) => k.key === 'name')), 'label', '合计');
    const itemCol = t.itemWhen ? columnName(t.keys.findIndex((k) => k.key === t.itemWhen)) : undefined;
    const summed = rules.find((r): r is Extract<RuleDef, { kind: 'itemsSum' }> => r.kind === 'itemsSum' && r.table === t.id)!.columns;
    t.columns.forEach((c) => {
      const L = columnName(col(c.key));
      const range = `${L}${first + 2}:${L}${last + 2}`;
      if (summed.includes(c.key)) d.put(first, col(c.key), 'total', undefined, itemCol ? `SUMIF(${itemCol}${first + 2}:${itemCol}${last + 2},"<>",${range})` : `SUM(${range})`);
      else d.put(first, col(c.key), 'total');
    });
    dataFirst = first + 1;
  }
  for (let r = dataFirst; r <= last + (hasTotal ? 1 : 0); r++) {
    t.keys.forEach((k, i) => d.put(r, i, k.key === 'code' ? 'code' : 'label', ''));
    t.columns.forEach((c) => d.amount(`R${r}`, c.key, r, col(c.key)));
    for (const rs of rowSums) d.sumInto(`R${r}|${rs.total}`, rs.parts.map((p) => ({ key: `R${r}|${p.col}`, sign: p.sign })));
    for (const p of products) {
      const cell = d.named.get(`R${r}|${p.total}`);
      const [a, b] = p.factors.map((f) => d.address(`R${r}|${f}`));
      if (cell && a && b) cell.formula = `${a}*${b}`;
    }
  }
  note(d, t, last + (hasTotal ? 2 : 1), width);
  return d.toSheet(set.label(t), t.id);
}

/**
 * A 绩效自评表 in the 财政部 layout, with a 分值 column so each indicator's weight is written
 * down: header lines, the 预算执行 block, one block of indicator lines per 一级指标, 总分,
 * 评价等级, 偏差原因 and 改进措施.
 */
export function renderForm(set: TemplateSet, t: FormTemplate, opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = 10;
  let row = heading(d, set, t, width, opts);
  const wide = (r: number, c0: number, label: string, style: 'label' | 'header' = 'label') => {
    d.put(r, 0, 'header', label);
    d.merge(r, 0, r, c0 - 1);
    d.put(r, c0, style, '');
    d.merge(r, c0, r, width - 1);
  };
  wide(row++, 2, t.nameLabels[0]);
  for (const a of t.amounts ?? []) {
    d.put(row, 0, 'header', a.label);
    d.merge(row, 0, row, 1);
    d.amount(a.key, 'amount', row, 2);
    d.merge(row, 2, row, 3);
    row++;
  }
  // 预算执行: header line, then the figures with their formulas.
  const w = t.execWeight;
  d.put(row, 0, 'header', `预算执行情况（万元）(${w}分)`);
  d.merge(row, 0, row + 1, 0);
  const heads = ['', '年初预算数(A)', '年中追加数+/调减数-(B)', '小计(C)', '实际执行数(D)', '执行率(D/C)', `得分(${w}分*执行率)`];
  heads.forEach((h, i) => d.put(row, 1 + i, 'header', h));
  row++;
  d.put(row, 1, 'label', t.execLabel);
  const [A, B, C, D, , S] = [2, 3, 4, 5, 6, 7].map((c) => cellAddress(row, c));
  d.put(row, 2, 'amount');
  d.put(row, 3, 'amount');
  d.put(row, 4, 'total', undefined, `${A}+${B}`);
  const basic = d.address('basic|amount');
  const project = d.address('project|amount');
  if (basic && project) d.put(row, 5, 'total', undefined, `${basic}+${project}`);
  else d.put(row, 5, 'amount');
  // Zero, not "", before anything is filled: a formula showing "" is stored without a value.
  d.put(row, 6, 'total', undefined, `IF(${C}=0,0,${D}/${C})`);
  d.cells.get(`${row},6`)!.numFmt = PERCENT_FORMAT;
  d.put(row, 7, 'total', undefined, `IF(${C}=0,0,ROUND(MIN(1,${D}/${C})*${w},2))`);
  row++;
  // Indicators.
  const indicatorWeight = t.blankLevels.reduce((s, l) => s + l.weight, 0);
  const hdr = ['一级指标', '二级指标', '三级指标', '年初目标值(A)', '年中追加数+/调减数-(B)', '小计(C)', '实际完成值(D)', '分值', '得分'];
  const blockTop = row;
  d.put(row, 0, 'header', `年度绩效目标(${indicatorWeight}分)`);
  hdr.forEach((h, i) => d.put(row, 1 + i, 'header', h));
  row++;
  const firstLine = row;
  for (const level of t.blankLevels) {
    const top = row;
    for (const sub of level.subLevels) {
      d.put(row, 2, 'label', sub);
      d.merge(row, 2, row + 1, 2);
      for (let k = 0; k < 2; k++) {
        [3, 4, 5, 6, 7].forEach((c) => d.put(row + k, c, 'label', ''));
        d.put(row + k, 8, 'amount');
        d.put(row + k, 9, 'amount');
      }
      row += 2;
    }
    d.put(top, 1, 'label', `${level.level}(${level.weight}分)`);
    d.merge(top, 1, row - 1, 1);
  }
  d.merge(blockTop, 0, row - 1, 0);
  const scores = `SUM(${cellAddress(firstLine, 9)}:${cellAddress(row - 1, 9)})`;
  d.put(row, 0, 'header', '总分');
  d.merge(row, 0, row, 7);
  d.put(row, 8, 'total', undefined, `${w}+SUM(${cellAddress(firstLine, 8)}:${cellAddress(row - 1, 8)})`);
  d.cells.get(`${row},8`)!.cached = w;
  const total = cellAddress(row, 9);
  d.put(row, 9, 'total', undefined, `${S}+${scores}`);
  row++;
  d.put(row, 0, 'header', t.labels.grade[0]);
  d.merge(row, 0, row, 7);
  d.put(row, 8, 'total', undefined, `IF(${total}=0,"—",IF(${total}>=90,"优",IF(${total}>=80,"良",IF(${total}>=60,"中","差"))))`);
  d.merge(row, 8, row, 9);
  d.cells.get(`${row},8`)!.cached = '—';
  row++;
  wide(row++, 2, t.labels.reason[0]);
  wide(row++, 2, '改进措施及结果应用方案');
  d.width(0, 16);
  [1, 2, 3].forEach((c) => d.width(c, 18));
  [4, 5, 6, 7].forEach((c) => d.width(c, 14));
  note(d, t, row, width);
  return d.toSheet(set.label(t), t.id);
}

/** A blank 项目支出绩效目标表: name, code and amounts beside their labels, each list with a 合计 formula. */
export function renderLabelled(set: TemplateSet, t: LabelledTemplate, opts: RenderOptions): SheetDraft {
  const d = new Draft();
  const width = 4;
  let row = heading(d, set, t, width, opts);
  for (const label of [t.nameLabels[0], t.codeLabels[0]]) {
    d.put(row, 0, 'header', label);
    d.put(row, 1, 'label', '');
    d.merge(row, 1, row, width - 1);
    row++;
  }
  for (const f of t.fields) {
    d.put(row, 0, 'header', f.labels[0]);
    d.put(row, 1, 'amount');
    row++;
  }
  for (const list of t.lists) {
    row++;
    d.put(row, 0, 'header', list.first[0]);
    d.put(row, 1, 'header', list.amount[0]);
    d.put(row + 1, 0, 'label', '合计');
    const first = row + 2;
    const last = row + 1 + list.blankRows;
    d.put(row + 1, 1, 'total', undefined, `SUM(${cellAddress(first, 1)}:${cellAddress(last, 1)})`);
    for (let r = first; r <= last; r++) {
      d.put(r, 0, 'label', '');
      d.put(r, 1, 'amount');
    }
    row = last + 1;
  }
  d.width(0, 24);
  d.width(1, 16);
  note(d, t, row + 1, width);
  return d.toSheet(set.label(t), t.id);
}
