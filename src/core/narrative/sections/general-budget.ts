/**
 * 五 一般公共预算财政拨款支出 (总体 / 结构 by 类 with shares / 具体: each 类 and 项 against its
 * 年初预算) · 六 基本支出 (人员经费 / 公用经费 with the names of the 款 used), from 公开05/06.
 */
import { subjectName } from '../../codes';
import { Figure, ZERO, roundHalfUp } from '../../money';
import { TableRow } from '../../model';
import { sharesOf } from '../../phrases';
import { Block, Inline, SlotValue, fill, joinInline, merge, ph } from '../doc';
import { FactName } from '../facts';
import { HEADINGS, S5, S6 } from '../patterns';
import { Writer, fig, publishName, stripEndPunct } from './writer';

export function generalBudget(w: Writer): Block[] {
  const blocks: Block[] = [];
  const total = w.f.get('一般公共预算财政拨款支出');
  const yearTotal = w.f.get('本年支出合计');
  const totalText = total ? w.amt(total) : w.factText('一般公共预算财政拨款支出');
  // (一) 总体
  blocks.push(w.h2(1, HEADINGS.五一));
  const first =
    total && yearTotal && !yearTotal.value.isZero()
      ? fill(S5.overall, { 年度: w.year, 金额: totalText, 占比: w.share(total, yearTotal, w.s.shareDecimals) })
      : fill(S5.overallNoShare, { 年度: w.year, 金额: totalText });
  blocks.push(w.para(first, w.change({ subject: S5.subject, current: total, priorPath: '上年.一般公共预算财政拨款支出', noun: '支出', reasons: ['原因.一般公共预算财政拨款支出'] }).parts));
  // (二) 结构
  blocks.push(w.h2(2, HEADINGS.五二));
  blocks.push(...structure(w, total, totalText));
  // (三) 具体
  blocks.push(w.h2(3, HEADINGS.五三));
  const budget = w.p.amount('年初预算.一般公共预算财政拨款支出');
  blocks.push(
    w.para(
      fill(S5.detailTotal, {
        年度: w.year,
        预算: budget ? w.amt(budget) : ph('一般公共预算财政拨款支出年初预算（参数“年初预算.一般公共预算财政拨款支出”）'),
        决算: totalText,
        完成: w.rateClause(total, budget, S5),
      }),
      fill(S5.detailSplit, { 基本: w.factText('一般公共预算基本支出'), 项目: w.factText('一般公共预算项目支出') }),
      projects(w),
    ),
  );
  blocks.push(...items(w));
  return blocks;
}

function structure(w: Writer, total: Figure | undefined, totalText: SlotValue): Block[] {
  const allClasses = w.f.codedRows('决算05', 3);
  const classes = allClasses.filter((r) => !fig(r, '1').value.isZero());
  if (!total) return [w.para([ph('一般公共预算财政拨款支出结构（未识别到公开05表）')])];
  if (classes.length === 0) return [w.para(fill(S5.structureNone, { 年度: w.year }))];
  const shares = sharesOf(allClasses.map((r) => fig(r, '1').value), total.value, w.s.classShareDecimals);
  return [
    w.para(fill(S5.structureIntro, { 年度: w.year, 金额: totalText })),
    ...classes.map((r, i) => {
      const name = publishName(r.name);
      return w.para(
        fill(S5.structureItem, {
          序号: String(i + 1),
          类名: name,
          金额: w.amt(fig(r, '1')),
          占比: w.pct(shares[allClasses.indexOf(r)], w.s.classShareDecimals),
          用途: w.reason([`用途.类.${r.key}`], `${name}主要用于哪些方面`),
        }),
      );
    }),
  ];
}

function projects(w: Writer): Inline[] {
  const idx = w.p.indices('重点项目');
  if (idx.length === 0) return [];
  const list = idx.map((n) => {
    const name = w.p.text(`重点项目.${n}.名称`) ?? ph(`第${n}个重点项目名称（参数“重点项目.${n}.名称”）`);
    const a = w.p.amount(`重点项目.${n}.金额`);
    const eff = w.p.text(`重点项目.${n}.成效`);
    return fill(S5.project, { 名称: name, 金额: a ? w.amt(a) : ph(`重点项目.${n}.金额`), 成效: eff ? fill(S5.projectEffect, { 成效: stripEndPunct(eff) }) : '' });
  });
  return merge([{ text: S5.projectsIntro }, ...joinInline(list, S5.projectSep), { text: S5.projectsEnd }]);
}

/** The 年初预算 of a code: its parameter, else the sum of its 项' parameters when every one is given. */
function budgetOf(w: Writer, code: string, itemCodes: readonly string[]): Figure | undefined {
  const own = w.p.amount(`年初预算.科目.${code}`);
  if (own || code.length === 7) return own;
  const parts = itemCodes.filter((c) => c.startsWith(code)).map((c) => w.p.amount(`年初预算.科目.${c}`));
  if (parts.length === 0 || parts.some((x) => !x)) return undefined;
  return { value: parts.reduce((s, x) => s.plus(x!.value), ZERO), decimals: Math.max(...parts.map((x) => x!.decimals)) };
}

/** The comparison sentence after a 类 or 项 line: larger, smaller, equal, or a placeholder. */
function comparison(w: Writer, actual: Figure | undefined, budget: Figure | undefined, code: string, label: string): Inline[] {
  if (!actual) return [];
  if (!budget) return fill(S5.unknown, { 原因: w.reason([`原因.科目.${code}`], `${label}决算数与年初预算数差异的原因`) });
  const cmp = roundHalfUp(actual.value, w.s.amountDecimals).comparedTo(roundHalfUp(budget.value, w.s.amountDecimals));
  if (cmp === 0) return fill(S5.equal, {});
  return fill(cmp > 0 ? S5.more : S5.less, { 原因: w.reason([`原因.科目.${code}`], `${label}决算数${cmp > 0 ? '大于' : '小于'}年初预算数的主要原因`) });
}

/** 五（三）: for each 类 its 决算数, 年初预算 and 完成率, then one paragraph per 项. */
function items(w: Writer): Block[] {
  const rows = w.f.codedRows('决算05', 7);
  const codes = new Set<string>(rows.filter((r) => !fig(r, '1').value.isZero()).map((r) => r.key));
  for (const c of w.p.codes('年初预算.科目')) if (c.length === 7) codes.add(c);
  const order = [...codes].sort((a, b) => orderOf(rows, a) - orderOf(rows, b) || a.localeCompare(b));
  const byClass = new Map<string, string[]>();
  for (const c of order) byClass.set(c.slice(0, 3), [...(byClass.get(c.slice(0, 3)) ?? []), c]);
  const has05 = w.f.tables.has('决算05');
  const blocks: Block[] = [];
  let ci = 0;
  for (const [cls, list] of byClass) {
    ci++;
    const clsName = w.codeName(cls);
    const clsActual = has05 ? w.f.tables.figure('决算05', cls, '1') : undefined;
    const clsBudget = budgetOf(w, cls, list);
    blocks.push(
      w.para(
        clsActual
          ? fill(S5.classLine, { 序号: String(ci), 类名: clsName, 预算: clsBudget ? w.amt(clsBudget) : ph(`${plain(clsName, cls)}年初预算（参数“年初预算.科目.${cls}”）`), 决算: w.amt(clsActual), 完成: w.rateClause(clsActual, clsBudget, S5) })
          : fill(S5.classHeading, { 序号: String(ci), 类名: clsName }),
      ),
    );
    list.forEach((code, i) => {
      const actual = has05 ? w.f.tables.figure('决算05', code, '1') : undefined;
      const budget = w.p.amount(`年初预算.科目.${code}`);
      const itemName = w.codeName(code);
      const label = plain(itemName, code);
      const names = { 序号: String(i + 1), 类名: clsName, 款名: w.codeName(code.slice(0, 5)), 项名: itemName };
      // Nothing budgeted and nothing spent: one short sentence.
      const zero = actual && budget && roundHalfUp(actual.value, w.s.amountDecimals).isZero() && roundHalfUp(budget.value, w.s.amountDecimals).isZero();
      blocks.push(
        w.para(
          zero
            ? fill(S5.itemZero, names)
            : fill(S5.item, {
                ...names,
                预算: budget ? w.amt(budget) : ph(`${label}年初预算（参数“年初预算.科目.${code}”）`),
                决算: actual ? w.amt(actual) : ph('未识别到公开05表'),
                完成: w.rateClause(actual, budget, S5),
                比较: comparison(w, actual, budget, code, label),
              }),
        ),
      );
    });
  }
  return blocks;
}

function plain(name: SlotValue, code: string): string {
  return typeof name === 'string' ? name : code;
}

function orderOf(rows: TableRow[], code: string): number {
  const i = rows.findIndex((r) => r.key === code);
  return i < 0 ? rows.length : i;
}

/** 六: 基本支出, 人员经费 and 公用经费 with the 款 used. */
export function basicSpending(w: Writer): Block[] {
  const basic = w.f.get('一般公共预算基本支出');
  if (basic && basic.value.isZero() && w.f.allZero('决算06')) return [w.para(fill(S6.none, { 年度: w.year }))];
  const names = economicNames(w);
  const part = (name: FactName, list: string[], W: string, Wz: string): Inline[] => {
    const fg = w.f.get(name);
    if (!fg) return fill(Wz, { 金额: w.factText(name) });
    if (fg.value.isZero()) return fill(Wz, { 金额: w.amt(fg) });
    return fill(W, { 金额: w.amt(fg), 名目: list.length ? list.join(S6.nameSep) : ph(`${name}的主要款级科目`) });
  };
  return [
    w.para(
      fill(S6.total, { 年度: w.year, 金额: basic ? w.amt(basic) : w.factText('一般公共预算基本支出') }),
      part('人员经费', names.personnel, S6.personnel, S6.zeroPersonnel),
      part('公用经费', names.public, S6.public, S6.zeroPublic),
    ),
  ];
}

/** Names of the 经济分类 款 used (non-zero) in 公开06, split into 人员经费 and 公用经费. */
function economicNames(w: Writer): { personnel: string[]; public: string[] } {
  const t = w.f.tables.get('决算06');
  const personnel: string[] = [];
  const pub: string[] = [];
  if (!t) return { personnel, public: pub };
  const rows = t.rows.filter((r) => /^\d{3}(\d{2})?$/.test(r.key) && r.cells.amount && !r.cells.amount.figure.value.isZero());
  const classesWithItems = new Set(rows.filter((r) => r.key.length === 5).map((r) => r.key.slice(0, 3)));
  for (const r of rows) {
    if (r.key.length === 3 && classesWithItems.has(r.key)) continue;
    // A name cut short by its cell (机关事业单位基本养老保险缴) is completed from the official list.
    const official = subjectName(r.key, 'economic');
    const own = publishName(r.name);
    const name = official && publishName(official).startsWith(own) ? publishName(official) : own || (official ? publishName(official) : '');
    const list = r.key.startsWith('301') || r.key.startsWith('303') ? personnel : pub;
    if (name && !list.includes(name)) list.push(name);
  }
  return { personnel, public: pub };
}
