/**
 * Test helper: random but consistent 决算 tables (every table rule of DOMAIN §5 holds exactly)
 * and random params, for the property “a generated 说明 checks clean against its own tables”.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { allSubjects, subjectName } from '../src/core/codes';
import { D } from '../src/core/money';
import { TableSet } from '../src/core/model';
import { NarrativeParams, paramsFromJson } from '../src/core/narrative';
import { CLASS_LINES, RowSpec, makeTable } from './narrative-tables';

const ITEM_CODES: string[] = allSubjects('functional')
  .filter((s) => s.level === '项' && subjectName(s.code.slice(0, 5)) && subjectName(s.code.slice(0, 3)) && CLASS_LINES.some(([c]) => c === s.code.slice(0, 3)))
  .map((s) => s.code);

const cents = (max: number): fc.Arbitrary<number> => fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max }) });

const money = (n: number | Decimal): string => new D(n).div(100).toFixed(2);

export interface RandomCase {
  items: { code: string; basic: number; project: number; extra: number }[];
  fund?: { code: string; carry: number; basic: number; project: number; surplus: number };
  soe?: { code: string; basic: number; project: number };
  carry: number;
  personnelPct: number;
  sangong: { b2: number; b4: number; b5: number; b6: number; a8: number; a10: number; a11: number; a12: number };
  priorModes: ('absent' | 'zero' | 'same' | 'random')[];
  priorRandom: number[];
  budgetModes: ('absent' | 'zero' | 'same' | 'random')[];
  budgetRandom: number[];
  decimals: { share: number; cls: number; change: number; rate: number };
  year: number;
  funds: number;
  projectFunds: number;
}

const mode = fc.constantFrom('absent' as const, 'zero' as const, 'same' as const, 'random' as const);

export const caseArb: fc.Arbitrary<RandomCase> = fc.record({
  items: fc.uniqueArray(
    fc.record({ code: fc.constantFrom(...ITEM_CODES), basic: cents(9_000_000), project: cents(9_000_000), extra: cents(500_000) }),
    { minLength: 0, maxLength: 6, selector: (x) => x.code },
  ),
  fund: fc.option(
    fc.record({ code: fc.constantFrom(...ITEM_CODES.filter((c) => c.startsWith('212') || c.startsWith('229'))), carry: cents(300_000), basic: cents(300_000), project: cents(3_000_000), surplus: cents(100_000) }),
    { nil: undefined },
  ),
  soe: fc.option(fc.record({ code: fc.constantFrom(...ITEM_CODES.filter((c) => c.startsWith('223') || c.startsWith('208'))), basic: cents(300_000), project: cents(300_000) }), { nil: undefined }),
  carry: cents(1_000_000),
  personnelPct: fc.integer({ min: 0, max: 100 }),
  sangong: fc.record({ b2: cents(50_000), b4: cents(500_000), b5: cents(100_000), b6: cents(50_000), a8: cents(50_000), a10: cents(500_000), a11: cents(100_000), a12: cents(50_000) }),
  priorModes: fc.array(mode, { minLength: 20, maxLength: 20 }),
  priorRandom: fc.array(fc.integer({ min: 1, max: 9_000_000 }), { minLength: 20, maxLength: 20 }),
  budgetModes: fc.array(mode, { minLength: 8, maxLength: 8 }),
  budgetRandom: fc.array(fc.integer({ min: 1, max: 9_000_000 }), { minLength: 8, maxLength: 8 }),
  decimals: fc.record({ share: fc.constantFrom(1, 2), cls: fc.constantFrom(1, 2), change: fc.constantFrom(0, 1, 2), rate: fc.constantFrom(1, 2) }),
  year: fc.integer({ min: 2015, max: 2030 }),
  funds: fc.integer({ min: 0, max: 9_000_000 }),
  projectFunds: fc.integer({ min: 0, max: 9_000_000 }),
});

type Sums = Map<string, [Decimal, Decimal, Decimal]>; // code → [basic, project, extra]

function addTo(m: Sums, code: string, b: number, p: number, e = 0): void {
  for (const k of [code.slice(0, 3), code.slice(0, 5), code]) {
    const v = m.get(k) ?? [new D(0), new D(0), new D(0)];
    m.set(k, [v[0].plus(b), v[1].plus(p), v[2].plus(e)]);
  }
}

const total = (m: Sums, i: 0 | 1 | 2): Decimal => [...m.entries()].filter(([k]) => k.length === 3).reduce((s, [, v]) => s.plus(v[i]), new D(0));
const nz = (d: Decimal): string | undefined => (d.isZero() ? undefined : money(d));

/** Builds the nine tables of a random case; every sum and cross-table rule holds exactly. */
export function buildTables(rc: RandomCase): { tables: TableSet; values: Record<string, Decimal> } {
  const gen: Sums = new Map();
  for (const it of rc.items) addTo(gen, it.code, it.basic, it.project);
  const fund: Sums = new Map();
  if (rc.fund) addTo(fund, rc.fund.code, rc.fund.basic, rc.fund.project);
  const soe: Sums = new Map();
  if (rc.soe) addTo(soe, rc.soe.code, rc.soe.basic, rc.soe.project);
  // 03: all funds plus 事业收入-funded basic spending (extra)
  const all: Sums = new Map();
  for (const it of rc.items) addTo(all, it.code, it.basic + it.extra, it.project);
  if (rc.fund) addTo(all, rc.fund.code, rc.fund.basic, rc.fund.project);
  if (rc.soe) addTo(all, rc.soe.code, rc.soe.basic, rc.soe.project);
  const extra = rc.items.reduce((s, it) => s + it.extra, 0);

  const genB = total(gen, 0);
  const genP = total(gen, 1);
  const genT = genB.plus(genP);
  const fundSpend = total(fund, 0).plus(total(fund, 1));
  const fundIncome = fundSpend.plus(rc.fund?.surplus ?? 0);
  const fundCarry = new D(rc.fund?.carry ?? 0);
  const fundEnd = fundCarry.plus(fundIncome).minus(fundSpend);
  const soeT = total(soe, 0).plus(total(soe, 1));
  const income = genT.plus(fundIncome).plus(soeT).plus(extra);
  const spend = total(all, 0).plus(total(all, 1));
  const carryAll = fundCarry.plus(rc.carry);
  const end = income.plus(carryAll).minus(spend);

  const codes = (m: Sums): string[] => [...m.keys()].sort();
  const nameOf = (code: string): string => subjectName(code, 'functional') ?? code;
  const classTotal = (m: Sums, code: string): Decimal => {
    const v = m.get(code);
    return v ? v[0].plus(v[1]) : new D(0);
  };

  const t01rows: RowSpec[] = [
    { key: 'L1', line: 1, name: '一般公共预算财政拨款收入', cells: { '1': nz(genT) } },
    { key: 'L2', line: 2, name: '政府性基金预算财政拨款收入', cells: { '1': nz(fundIncome) } },
    { key: 'L3', line: 3, name: '国有资本经营预算财政拨款收入', cells: { '1': nz(soeT) } },
    { key: 'L4', line: 4, name: '上级补助收入', cells: {} },
    { key: 'L5', line: 5, name: '事业收入', cells: { '1': nz(new D(extra)) } },
    { key: 'L27', line: 27, name: '本年收入合计', cells: { '1': nz(income) } },
    { key: 'L28', line: 28, name: '使用非财政拨款结余(含专用结余)', cells: {} },
    { key: 'L29', line: 29, name: '年初结转和结余', cells: { '1': nz(carryAll) } },
    { key: 'L30', line: 30, name: '总计', cells: { '1': nz(income.plus(carryAll)) } },
    ...CLASS_LINES.map(([code, name], i) => ({ key: `L${31 + i}`, line: 31 + i, code, name, cells: { '2': nz(classTotal(all, code)) } })),
    { key: 'L57', line: 57, name: '本年支出合计', cells: { '2': nz(spend) } },
    { key: 'L58', line: 58, name: '结余分配', cells: {} },
    { key: 'L59', line: 59, name: '年末结转和结余', cells: { '2': nz(end) } },
    { key: 'L60', line: 60, name: '总计', cells: { '2': nz(spend.plus(end)) } },
  ];
  const codeRows = (m: Sums, cols: (v: [Decimal, Decimal, Decimal]) => (string | undefined)[]): RowSpec[] => {
    const tot: [Decimal, Decimal, Decimal] = [total(m, 0), total(m, 1), total(m, 2)];
    const cells = (vals: (string | undefined)[]) => Object.fromEntries(vals.map((v, i) => [String(i + 1), v]));
    return [{ key: '合计', name: '合计', cells: cells(cols(tot)) }, ...codes(m).map((k) => ({ key: k, code: k, name: nameOf(k), cells: cells(cols(m.get(k)!)) }))];
  };
  const t02 = makeTable('决算02', '公开02表', ['1', '2', '3', '4', '5', '6', '7'], [
    { key: '合计', name: '合计', cells: { '1': nz(income), '2': nz(genT.plus(fundIncome).plus(soeT)), '4': nz(new D(extra)) } },
  ], rc.year);
  const t03 = makeTable('决算03', '公开03表', ['1', '2', '3', '4', '5', '6'], codeRows(all, (v) => [nz(v[0].plus(v[1])), nz(v[0]), nz(v[1])]), rc.year);
  const t04rows: RowSpec[] = [
    { key: 'L1', line: 1, name: '一般公共预算财政拨款', cells: { '1': nz(genT) } },
    { key: 'L2', line: 2, name: '政府性基金预算财政拨款', cells: { '1': nz(fundIncome) } },
    { key: 'L3', line: 3, name: '国有资本经营预算财政拨款', cells: { '1': nz(soeT) } },
    { key: 'L27', line: 27, name: '本年收入合计', cells: { '1': nz(genT.plus(fundIncome).plus(soeT)) } },
    { key: 'L28', line: 28, name: '年初财政拨款结转和结余', cells: { '1': nz(fundCarry) } },
    { key: 'L30', line: 30, name: '政府性基金预算财政拨款', cells: { '1': nz(fundCarry) } },
    { key: 'L32', line: 32, name: '总计', cells: { '1': nz(genT.plus(fundIncome).plus(soeT).plus(fundCarry)) } },
    ...CLASS_LINES.map(([code, name], i) => {
      const g = classTotal(gen, code);
      const f = classTotal(fund, code);
      const s = classTotal(soe, code);
      return { key: `L${33 + i}`, line: 33 + i, code, name, cells: { '2': nz(g.plus(f).plus(s)), '3': nz(g), '4': nz(f), '5': nz(s) } };
    }),
    { key: 'L59', line: 59, name: '本年支出合计', cells: { '2': nz(genT.plus(fundSpend).plus(soeT)), '3': nz(genT), '4': nz(fundSpend), '5': nz(soeT) } },
    { key: 'L60', line: 60, name: '年末财政拨款结转和结余', cells: { '2': nz(fundEnd) } },
    { key: 'L62', line: 62, name: '政府性基金预算财政拨款', cells: { '2': nz(fundEnd) } },
    { key: 'L64', line: 64, name: '总计', cells: { '2': nz(genT.plus(fundSpend).plus(soeT).plus(fundEnd)) } },
  ];
  const t05 = makeTable('决算05', '公开05表', ['1', '2', '3'], codeRows(gen, (v) => [nz(v[0].plus(v[1])), nz(v[0]), nz(v[1])]), rc.year);
  const personnel = genB.mul(rc.personnelPct).div(100).floor();
  const pub = genB.minus(personnel);
  const t06 = makeTable('决算06', '公开06表', ['amount'], [
    { key: '301', code: '301', name: '工资福利支出', cells: { amount: nz(personnel) } },
    { key: '30101', code: '30101', name: '基本工资', cells: { amount: nz(personnel) } },
    { key: '30102', code: '30102', name: '津贴补贴', cells: {} },
    { key: '302', code: '302', name: '商品和服务支出', cells: { amount: nz(pub) } },
    { key: '30201', code: '30201', name: '办公费', cells: { amount: nz(pub) } },
    { key: '人员经费合计', name: '人员经费合计', cells: { amount: nz(personnel) } },
    { key: '公用经费合计', name: '公用经费合计', cells: { amount: nz(pub) } },
  ], rc.year);
  const fundRows: RowSpec[] = rc.fund
    ? codeRows(fund, (v) => [undefined, undefined, nz(v[0].plus(v[1])), nz(v[0]), nz(v[1]), undefined]).map((r) =>
        r.key === '合计' ? { ...r, cells: { ...r.cells, '1': nz(fundCarry), '2': nz(fundIncome), '6': nz(fundEnd) } } : r,
      )
    : [{ key: '合计', name: '合计', cells: {} }];
  const t07 = makeTable('决算07', '公开07表', ['1', '2', '3', '4', '5', '6'], fundRows, rc.year);
  const soeRows: RowSpec[] = rc.soe ? codeRows(soe, (v) => [nz(v[0].plus(v[1])), nz(v[0]), nz(v[1])]).filter((r) => r.key === '合计' || r.key.length === 3) : [{ key: '合计', name: '合计', cells: {} }];
  const t08 = makeTable('决算08', '公开08表', ['1', '2', '3'], soeRows, rc.year);
  const s = rc.sangong;
  const b3 = s.b4 + s.b5;
  const a9 = s.a10 + s.a11;
  const sg = (n: number): string | undefined => (n === 0 ? undefined : money(n));
  const t09 = makeTable('决算09', '公开09表', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], [
    {
      key: '合计',
      name: '合计',
      cells: {
        '1': sg(s.b2 + b3 + s.b6),
        '2': sg(s.b2),
        '3': sg(b3),
        '4': sg(s.b4),
        '5': sg(s.b5),
        '6': sg(s.b6),
        '7': sg(s.a8 + a9 + s.a12),
        '8': sg(s.a8),
        '9': sg(a9),
        '10': sg(s.a10),
        '11': sg(s.a11),
        '12': sg(s.a12),
      },
    },
  ], rc.year);
  const tables = new TableSet([
    makeTable('决算01', '公开01表', ['1', '2'], t01rows, rc.year),
    t02,
    t03,
    makeTable('决算04', '公开04表', ['1', '2', '3', '4', '5'], t04rows, rc.year),
    t05,
    t06,
    t07,
    t08,
    t09,
  ]);
  const values: Record<string, Decimal> = {
    收支总计: income.plus(carryAll).div(100),
    本年收入合计: income.div(100),
    本年支出合计: spend.div(100),
    财政拨款收支总计: genT.plus(fundIncome).plus(soeT).plus(fundCarry).div(100),
    一般公共预算财政拨款收入: genT.div(100),
    政府性基金预算财政拨款收入: fundIncome.div(100),
    国有资本经营预算财政拨款收入: soeT.div(100),
    一般公共预算财政拨款支出: genT.div(100),
    政府性基金预算财政拨款支出: fundSpend.div(100),
    国有资本经营预算财政拨款支出: soeT.div(100),
    '三公经费.合计': new D(s.a8 + a9 + s.a12).div(100),
    '三公经费.因公出国境费': new D(s.a8).div(100),
    '三公经费.公务用车购置及运行维护费': new D(a9).div(100),
    '三公经费.公务用车购置费': new D(s.a10).div(100),
    '三公经费.公务用车运行维护费': new D(s.a11).div(100),
    '三公经费.公务接待费': new D(s.a12).div(100),
  };
  return { tables, values };
}

/** Random params: prior-year figures absent / zero / equal to this year / random, budgets likewise. */
export function buildParams(rc: RandomCase, values: Record<string, Decimal>): NarrativeParams {
  const prior: Record<string, unknown> = {};
  const sangong: Record<string, string> = {};
  Object.keys(values).forEach((k, i) => {
    const m = rc.priorModes[i % rc.priorModes.length];
    if (m === 'absent') return;
    const v = m === 'zero' ? '0' : m === 'same' ? values[k].toFixed(2) : money(rc.priorRandom[i % rc.priorRandom.length]);
    if (k.startsWith('三公经费.')) sangong[k.slice(5)] = v;
    else prior[k] = v;
  });
  if (Object.keys(sangong).length) prior['三公经费'] = sangong;
  const budgets: Record<string, string> = {};
  rc.items.forEach((it, i) => {
    const m = rc.budgetModes[i % rc.budgetModes.length];
    if (m === 'absent') return;
    budgets[it.code] = m === 'zero' ? '0' : m === 'same' ? money(it.basic + it.project) : money(rc.budgetRandom[i % rc.budgetRandom.length]);
  });
  const totalMode = rc.budgetModes[7];
  const json: Record<string, unknown> = {
    单位名称: '测试单位',
    年度: rc.year,
    设置: { 结构占比小数位: rc.decimals.share, 类占比小数位: rc.decimals.cls, 增减率小数位: rc.decimals.change, 完成率小数位: rc.decimals.rate },
    上年: prior,
    年初预算: {
      科目: budgets,
      ...(totalMode === 'absent' ? {} : { 一般公共预算财政拨款支出: totalMode === 'zero' ? '0' : totalMode === 'same' ? values['一般公共预算财政拨款支出'].toFixed(2) : money(rc.budgetRandom[7]) }),
    },
    绩效: { 自评项目数: 2, 自评项目资金: money(rc.projectFunds) },
  };
  const { params, problems } = paramsFromJson(json);
  if (problems.length) throw new Error(JSON.stringify(problems));
  return params;
}
