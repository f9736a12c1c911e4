/**
 * 绩效自评表 (项目支出 and 部门整体), read by labels and header words wherever they sit: the
 * 预算执行 line under its header (年初预算数 … 执行率 得分), the indicator block under 一级指标 …
 * 得分, 年度绩效目标N lines, and 总分, 偏差原因, 评价等级 beside their labels. Merged 得分 cells
 * (one score for several indicators) are kept as groups.
 */
import { FormExecution, FormTable, Goal, Indicator, PerformanceForm, PercentCell } from '../form-model';
import { CellRef, TableRow } from '../model';
import { D, parsePercent } from '../money';
import { FormTemplate } from '../templates/types';
import { LabelledCells, matchColumns, pointsIn, splitPoints } from './labels';
import { Reader, Region, layoutOf, readFigure, structureFinding, tableOf, unitOf } from './region';
import { compact } from './text';

/** A 部门整体 goal line: 年度绩效目标1：(24分) or 年度绩效目标1(24分). */
const GOAL = /^年度绩效目标(\d+)[:：]?/;

export function readForm(rd: Reader, region: Region): FormTable | undefined {
  const tpl = region.template as FormTemplate;
  const { sheet, width } = region;
  const lc = new LabelledCells(sheet, region.titleRow, region.end, width);
  const unit = unitOf(sheet, region.titleRow, Math.min(region.titleRow + 4, region.end), width);
  const score = (r: number, c: number): CellRef => readFigure(rd, region, '万元', r, c, 0);
  const amount = (r: number, c: number): CellRef => readFigure(rd, region, unit, r, c);

  const headerRow = (need: (cols: Map<string, number>) => boolean, defs: FormTemplate['execColumns'], from: number) => {
    for (let r = from; r <= region.end; r++) {
      const texts = Array.from({ length: width }, (_, c) => (lc.continuesFromAbove(r, c) && !lc.own(r, c) ? '' : lc.text(r, c)));
      const cols = matchColumns(defs, texts);
      if (need(cols)) return { r, cols, texts };
    }
    return undefined;
  };
  const execHeader = headerRow((m) => m.has('rate') && (m.has('D') || m.has('C')), tpl.execColumns, region.titleRow + 1);
  const indHeader = headerRow((m) => m.has('level1') && m.has('score') && (m.has('name') || m.has('target')), tpl.indicatorColumns, execHeader ? execHeader.r + 1 : region.titleRow + 1);
  if (!execHeader && !indHeader) {
    structureFinding(rd, region, '未能识别“预算执行情况”和“绩效指标”两部分（如“年初预算数…执行率”“一级指标…得分”表头）');
    return undefined;
  }
  const form: PerformanceForm = { goals: [], indicators: [], amounts: {} };
  const rows: TableRow[] = [];
  let lastRow = region.titleRow;

  const name = lc.find(tpl.nameLabels, region.titleRow + 1, execHeader?.r ?? indHeader?.r ?? region.end);
  if (name) {
    const at = name.rest ? { r: name.r, c: name.c } : lc.rightOf(name.r, name.c);
    if (at) form.name = name.rest ? { ...lc.textCell(at.r, at.c), text: name.rest } : lc.textCell(at.r, at.c);
  }
  form.titleName = titleSubject(region.title, tpl);

  if (execHeader) {
    const exec = readExecution(rd, lc, execHeader, tpl, region, amount, score, form.amounts);
    form.exec = exec.exec;
    const cells: Record<string, CellRef> = {};
    for (const k of ['A', 'B', 'C', 'D', 'score'] as const) if (exec.exec[k]) cells[k] = exec.exec[k]!;
    rows.push({ key: '预算执行', name: tpl.execLabel, cells });
    lastRow = Math.max(lastRow, exec.row);
  }

  const footerLabels = [...tpl.labels.total, ...tpl.labels.reason, ...tpl.labels.grade, ...tpl.labels.improve];
  const footer = lc.find(footerLabels, (indHeader?.r ?? execHeader?.r ?? region.titleRow) + 1);
  if (indHeader) {
    const end = footer ? footer.r - 1 : region.end;
    readIndicators(lc, indHeader, end, form, score, execHeader ? execHeader.r + 2 : region.titleRow + 1);
    form.indicators.forEach((ind, i) => {
      const cells: Record<string, CellRef> = {};
      if (ind.score && ind.group === i) cells.score = ind.score;
      if (ind.weight) cells.weight = ind.weight;
      rows.push({ key: `指标${i + 1}`, name: compact(ind.name.text), cells });
    });
    lastRow = Math.max(lastRow, end);
  }

  const beside = (labels: readonly string[]) => {
    const at = lc.find(labels, footer?.r ?? region.titleRow + 1);
    if (!at) return undefined;
    if (at.rest) return { at, value: at };
    const v = lc.rightOf(at.r, at.c);
    lastRow = Math.max(lastRow, at.r);
    return { at, value: v };
  };
  const total = beside(tpl.labels.total);
  if (total?.value && !total.at.rest) {
    // The 得分 column of the indicator block when the 总分 line fills it (a 分值 total may stand before it).
    const sc = indHeader?.cols.get('score');
    const at = sc !== undefined && sc > total.at.c && lc.text(total.at.r, sc) !== '' ? { r: total.at.r, c: sc } : total.value;
    form.total = score(at.r, at.c);
    rows.push({ key: '总分', name: '总分', cells: { score: form.total } });
  }
  const reason = beside(tpl.labels.reason);
  if (reason) form.reason = reason.value ? lc.textCell(reason.value.r, reason.value.c) : { ...lc.textCell(reason.at.r, reason.at.c), value: null, text: '' };
  const improve = beside(tpl.labels.improve);
  if (improve?.value) form.improve = lc.textCell(improve.value.r, improve.value.c);
  const grade = beside(tpl.labels.grade);
  if (grade?.value) form.grade = lc.textCell(grade.value.r, grade.value.c);
  for (const a of tpl.amounts ?? []) {
    const at = lc.find([a.label], region.titleRow + 1, region.end);
    const v = at && lc.rightOf(at.r, at.c);
    if (!v) continue;
    form.amounts[a.key] = amount(v.r, v.c);
    rows.push({ key: a.label, name: a.label, cells: { amount: form.amounts[a.key] } });
  }
  // Forms are read by labels: the layout report names the title, the rest is in the form.
  const layout = layoutOf(region, undefined, { columns: [], codeColumns: [], nameColumns: [], unplaced: [] });
  return { ...tableOf(region, lastRow, unit, [], rows, layout), form };
}

/** The project a title names: 2025年度党建综合类项目绩效自评表 → 党建综合类. */
function titleSubject(title: string, tpl: FormTemplate): string | undefined {
  let t = compact(title).replace(/\d{4}年度?/, '').replace(/\(\)/g, '');
  for (const n of [tpl.name, ...(tpl.aliases ?? [])].map(compact).sort((a, b) => b.length - a.length)) {
    if (t.endsWith(n)) {
      t = t.slice(0, -n.length);
      break;
    }
  }
  t = t.replace(/项目$/, '');
  return t || undefined;
}

function readExecution(
  rd: Reader,
  lc: LabelledCells,
  header: { r: number; cols: Map<string, number>; texts: string[] },
  tpl: FormTemplate,
  region: Region,
  amount: (r: number, c: number) => CellRef,
  score: (r: number, c: number) => CellRef,
  parts: Record<string, CellRef>,
): { exec: FormExecution; row: number } {
  const { cols } = header;
  // The figures: the first row below the header that fills C or D.
  let r = header.r + 1;
  for (let rr = header.r + 1; rr <= Math.min(header.r + 3, region.end); rr++) {
    if ([cols.get('C'), cols.get('D')].some((c) => c !== undefined && lc.own(rr, c) !== '')) {
      r = rr;
      break;
    }
  }
  const exec: FormExecution = { weight: { value: new D(tpl.execWeight), decimals: 0 } };
  for (const k of ['A', 'B', 'C', 'D'] as const) {
    const c = cols.get(k);
    if (c !== undefined) exec[k] = amount(r, c);
  }
  const sc = cols.get('score');
  if (sc !== undefined) exec.score = score(r, sc);
  // 其中：本年财政拨款 / 上年结转资金 / 其他资金 under the total line: its parts.
  const firstAmount = Math.min(...(['A', 'B', 'C', 'D'] as const).map((k) => cols.get(k) ?? Infinity));
  for (let rr = r + 1, n = 0; rr <= Math.min(r + 5, region.end); rr++) {
    let label = '';
    for (let c = 0; c < firstAmount && !label; c++) label = lc.own(rr, c);
    if (!/^其中|资金|拨款|结转/.test(label)) break;
    n++;
    for (const k of ['A', 'B', 'C', 'D'] as const) {
      const c = cols.get(k);
      if (c !== undefined) parts[`part${k}.${n}`] = amount(rr, c);
    }
  }
  const rc = cols.get('rate');
  if (rc !== undefined) {
    const cell: PercentCell = lc.textCell(r, rc);
    const p = parsePercent(lc.sheet.rows[r]?.[rc]);
    if (p.kind === 'percent') cell.percent = { value: p.value.mul(100), decimals: p.decimals };
    exec.rate = cell;
  }
  // The weight: a 分值 cell of its own, the score header (得分(20分*执行率)) or the block label (预算执行情况(20分)).
  const wc = cols.get('weight');
  const w = wc !== undefined ? readFigure(rd, region, '万元', r, wc, 0) : undefined;
  if (w && !w.invalid && !w.figure.blank) {
    exec.weight = w.figure;
    exec.weightCell = lc.textCell(r, wc!);
    return { exec, row: r };
  }
  const firstCol = Math.min(...cols.values());
  const places: [number, number][] = [];
  if (sc !== undefined) places.push([header.r, sc]);
  for (const rr of [header.r, r, header.r - 1]) for (let c = 0; c < firstCol; c++) places.push([rr, c]);
  for (const [rr, c] of places) {
    if (rr < region.titleRow) continue;
    const t = lc.text(rr, c);
    const p = c === sc || /预算执行|执行情况/.test(t) ? pointsIn(t) : undefined;
    if (p) {
      exec.weight = p;
      exec.weightCell = lc.textCell(rr, c);
      break;
    }
  }
  return { exec, row: r };
}

function readIndicators(
  lc: LabelledCells,
  header: { r: number; cols: Map<string, number> },
  end: number,
  form: PerformanceForm,
  score: (r: number, c: number) => CellRef,
  /** Where to look for a 年度绩效目标 line above the header (部门整体 goal 1). */
  from: number,
): void {
  const { cols } = header;
  const col = (k: string) => cols.get(k);
  const firstCol = Math.min(...cols.values());
  let goal: Goal | undefined;
  let level1 = '';
  let level1Weight: Indicator['level1Weight'];
  let level2 = '';
  const groupAt = new Map<string, number>();
  const text = (r: number, k: string) => (col(k) === undefined ? '' : lc.own(r, col(k)!));
  for (let r = Math.min(from, header.r + 1); r <= end; r++) {
    if (r === header.r) continue;
    const hasName = col('name') !== undefined && text(r, 'name') !== '';
    const filled = hasName || ['target', 'targetC', 'actual'].some((k) => text(r, k) !== '');
    // 年度绩效目标N opens a goal (部门整体 form): on a line of its own, or as the label of its block.
    const lead = firstNonEmpty(lc, r, firstCol);
    const gm = lead && !lc.continuesFromAbove(r, lead.c) ? GOAL.exec(lead.text) : null;
    if (gm && lead && Number(gm[1]) !== goal?.n) {
      goal = { n: Number(gm[1]), weight: pointsIn(lead.text.slice(gm[0].length)) ?? scanPoints(lc, r, lead.c + 1), cell: lc.textCell(r, lead.c) };
      form.goals.push(goal);
      level1 = '';
      level2 = '';
      level1Weight = undefined;
    }
    if (r < header.r || (gm && !filled)) continue;
    if (/^一级指标/.test(text(r, 'level1'))) continue; // the header repeated under a goal
    const l1 = col('level1') !== undefined && !lc.continuesFromAbove(r, col('level1')!) ? text(r, 'level1') : '';
    if (l1) {
      const sp = splitPoints(l1);
      level1 = sp.label;
      level1Weight = sp.points;
      level2 = '';
    }
    const l2 = col('level2') !== undefined && !lc.continuesFromAbove(r, col('level2')!) ? text(r, 'level2') : '';
    if (l2) level2 = l2;
    if (!filled) continue;
    const nameCol = col('name');
    const nonEmpty = (k: string) => (text(r, k) !== '' ? lc.textCell(r, col(k)!) : undefined);
    const ind: Indicator = {
      goal: goal?.n,
      level1,
      level1Weight,
      level2,
      name: hasName ? lc.textCell(r, nameCol!) : { ...lc.textCell(r, col('level2') ?? nameCol ?? firstCol), text: level2 },
      target: nonEmpty('target'),
      adjust: nonEmpty('adjust'),
      targetC: nonEmpty('targetC'),
      actual: nonEmpty('actual'),
      group: form.indicators.length,
    };
    if (text(r, 'weight') !== '') ind.weight = score(r, col('weight')!);
    if (col('reason') !== undefined) ind.reason = lc.textCell(r, col('reason')!);
    const sc = col('score');
    if (sc !== undefined) {
      const m = lc.merge(r, sc);
      const key = m ? `${m.top},${m.left}` : `${r},${sc}`;
      const first = groupAt.get(key);
      const prev = form.indicators[form.indicators.length - 1];
      if (first !== undefined) {
        ind.group = first;
        ind.score = form.indicators[first].score;
      } else if (lc.own(r, sc) === '' && !m && prev && prev.level1 === level1 && prev.goal === goal?.n && prev.score) {
        // A blank score under a scored indicator of the same level: a merge lost on export.
        ind.group = prev.group;
        ind.score = prev.score;
      } else {
        groupAt.set(key, form.indicators.length);
        ind.score = m ? score(m.top, m.left) : score(r, sc);
      }
    }
    form.indicators.push(ind);
  }
}

function firstNonEmpty(lc: LabelledCells, r: number, upTo: number): { c: number; text: string } | undefined {
  for (let c = 0; c <= Math.min(upTo, lc.width - 1); c++) {
    const t = lc.text(r, c);
    if (t) return { c, text: t };
  }
  return undefined;
}

/** A goal's weight printed in a cell of its own on the goal line. */
function scanPoints(lc: LabelledCells, r: number, from: number) {
  for (let c = from; c < lc.width; c++) {
    const p = /^\(?\d+(\.\d+)?分\)?$/.test(lc.own(r, c)) ? pointsIn(lc.own(r, c)) : undefined;
    if (p) return p;
  }
  return undefined;
}
