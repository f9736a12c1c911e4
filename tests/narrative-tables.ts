/**
 * Test helper: recognised tables built by hand (no workbook), in the shape recognize.ts gives.
 * `seedTables()` holds the figures of seed 000 (the published 2024 部门决算 of 武汉市蔡甸区城市
 * 运行管理中心), including its real 尾差 (公开01 一般公共服务支出 170.52 vs 170.51 elsewhere).
 */
import { CellRef, RecognizedTable, TableRow, TableSet } from '../src/core/model';
import { blankFigure, parseAmountText } from '../src/core/money';
import { FINAL_ACCOUNT } from '../src/core/templates/final-account';

export type RowSpec = { key: string; name: string; code?: string; line?: number; cells: Record<string, string | undefined> };

const COLS = 'CDEFGHIJKLMNOP';

/** Builds one table; each column key gets a sheet column, rows start at line 7. */
export function makeTable(id: string, sheet: string, colKeys: string[], rows: RowSpec[], year = 2024): RecognizedTable {
  const tableRows: TableRow[] = rows.map((r, i) => {
    const cells: Record<string, CellRef> = {};
    for (const k of colKeys) {
      const raw = r.cells[k];
      const address = `${COLS[colKeys.indexOf(k)]}${7 + i}`;
      const p = raw === undefined ? ({ kind: 'blank' } as const) : parseAmountText(raw);
      const figure = p.kind === 'amount' ? p.figure : p.kind === 'blank' ? blankFigure() : undefined;
      if (!figure) throw new Error(`bad amount ${raw}`);
      cells[k] = { sheet, address, figure };
    }
    return { key: r.key, code: r.code, name: r.name, line: r.line, cells };
  });
  return {
    id,
    title: `${year}年度${id}`,
    sheet,
    range: `A1:P${7 + rows.length}`,
    unit: '万元',
    year,
    columns: colKeys.map((k, i) => ({ key: k, header: k, column: COLS[i] })),
    rows: tableRows,
  };
}

const c = (...vals: (string | undefined)[]): Record<string, string | undefined> => {
  const o: Record<string, string | undefined> = {};
  vals.forEach((v, i) => (o[String(i + 1)] = v));
  return o;
};

/** 02/03/05 rows of seed 000 (codes as they should read; OCR truncated some in 02). */
const CODE_ROWS: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['20103', '政府办公厅(室)及相关机构事务'],
  ['2010350', '事业运行'],
  ['20137', '网信事务'],
  ['2013750', '事业运行'],
  ['2013799', '其他网信事务支出'],
  ['213', '农林水支出'],
  ['21301', '农业农村'],
  ['2130104', '事业运行'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
];

const EXPENSE_03: Record<string, (string | undefined)[]> = {
  合计: ['174.25', '61.11', '113.14'],
  '201': ['170.51', '57.37', '113.14'],
  '20103': ['1.11', '1.11'],
  '2010350': ['1.11', '1.11'],
  '20137': ['169.40', '56.26', '113.14'],
  '2013750': ['56.26', '56.26'],
  '2013799': ['113.14', undefined, '113.14'],
  '213': ['2.76', '2.76'],
  '21301': ['2.76', '2.76'],
  '2130104': ['2.76', '2.76'],
  '221': ['0.97', '0.97'],
  '22102': ['0.97', '0.97'],
  '2210201': ['0.97', '0.97'],
};

/** The 26 expense lines of 公开01/04 by 类 code (line 31/33 onward), from the table definition. */
export const CLASS_LINES: [string, string][] = (() => {
  const t01 = FINAL_ACCOUNT.tables.find((t) => t.id === '决算01');
  if (t01?.layout !== 'lines') throw new Error('公开01 is a lines table');
  return t01.sides[1].lines.filter((l) => l.code).map((l): [string, string] => [l.code!, l.name]);
})();

const ECON_06: [string, string, string | undefined][] = [
  ['301', '工资福利支出', '57.04'],
  ['30101', '基本工资', '13.84'],
  ['30102', '津贴补贴', undefined],
  ['30103', '奖金', undefined],
  ['30106', '伙食补助费', undefined],
  ['30107', '绩效工资', '22.46'],
  ['30108', '机关事业单位基本养老保险缴费', '6.40'],
  ['30109', '职业年金缴费', '3.20'],
  ['30110', '职工基本医疗保险缴费', '2.15'],
  ['30111', '公务员医疗补助缴费', undefined],
  ['30112', '其他社会保障缴费', '2.09'],
  ['30113', '住房公积金', '6.90'],
  ['30114', '医疗费', undefined],
  ['30199', '其他工资福利支出', undefined],
  ['303', '对个人和家庭的补助', undefined],
  ['30301', '离休费', undefined],
  ['30302', '退休费', undefined],
  ['302', '商品和服务支出', '4.07'],
  ['30201', '办公费', '0.98'],
  ['30202', '印刷费', undefined],
  ['30203', '咨询费', undefined],
  ['30206', '电费', undefined],
  ['30207', '邮电费', '0.03'],
  ['30211', '差旅费', undefined],
  ['30212', '因公出国（境）费用', undefined],
  ['30217', '公务接待费', undefined],
  ['30228', '工会经费', undefined],
  ['30229', '福利费', undefined],
  ['30231', '公务用车运行维护费', '2.76'],
  ['30299', '其他商品和服务支出', '0.30'],
  ['310', '资本性支出', undefined],
  ['31002', '办公设备购置', undefined],
];

export interface SeedOptions {
  /** Override figures: `决算05/201/1` → '170.52' etc. */
  overrides?: Record<string, string | undefined>;
}

export function seedTables(opts: SeedOptions = {}): TableSet {
  const ov = opts.overrides ?? {};
  const apply = (id: string, rows: RowSpec[]): RowSpec[] =>
    rows.map((r) => {
      const cells = { ...r.cells };
      for (const [k, v] of Object.entries(ov)) {
        const [t, row, col] = k.split('/');
        if (t === id && row === r.key) cells[col] = v;
      }
      return { ...r, cells };
    });

  // 公开01
  const t01rows: RowSpec[] = [
    { key: 'L1', line: 1, name: '一般公共预算财政拨款收入', cells: { '1': '174.25' } },
    ...['政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'].map((n, i) => ({
      key: `L${i + 2}`,
      line: i + 2,
      name: n,
      cells: {},
    })),
    { key: 'L27', line: 27, name: '本年收入合计', cells: { '1': '174.25' } },
    { key: 'L28', line: 28, name: '使用非财政拨款结余(含专用结余)', cells: {} },
    { key: 'L29', line: 29, name: '年初结转和结余', cells: {} },
    { key: 'L30', line: 30, name: '总计', cells: { '1': '174.25' } },
    ...CLASS_LINES.map(([code, name], i) => ({
      key: `L${31 + i}`,
      line: 31 + i,
      code,
      name,
      cells: { '2': code === '201' ? '170.52' : code === '213' ? '2.76' : code === '221' ? '0.97' : undefined },
    })),
    { key: 'L57', line: 57, name: '本年支出合计', cells: { '2': '174.25' } },
    { key: 'L58', line: 58, name: '结余分配', cells: {} },
    { key: 'L59', line: 59, name: '年末结转和结余', cells: {} },
    { key: 'L60', line: 60, name: '总计', cells: { '2': '174.25' } },
  ];
  const t01 = makeTable('决算01', '公开01', ['1', '2'], apply('决算01', t01rows));

  const t02 = makeTable(
    '决算02',
    '公开02',
    ['1', '2', '3', '4', '5', '6', '7'],
    apply('决算02', [
      { key: '合计', name: '合计', cells: c('174.25', '174.25') },
      ...CODE_ROWS.map(([code, name]) => ({ key: code, code, name, cells: c(EXPENSE_03[code][0], EXPENSE_03[code][0]) })),
    ]),
  );
  const t03 = makeTable(
    '决算03',
    '公开03',
    ['1', '2', '3', '4', '5', '6'],
    apply('决算03', [{ key: '合计', name: '合计', cells: c(...EXPENSE_03['合计']) }, ...CODE_ROWS.map(([code, name]) => ({ key: code, code, name, cells: c(...EXPENSE_03[code]) }))]),
  );
  const t04rows: RowSpec[] = [
    { key: 'L1', line: 1, name: '一般公共预算财政拨款', cells: { '1': '174.25' } },
    { key: 'L2', line: 2, name: '政府性基金预算财政拨款', cells: {} },
    { key: 'L3', line: 3, name: '国有资本经营预算财政拨款', cells: {} },
    { key: 'L27', line: 27, name: '本年收入合计', cells: { '1': '174.25' } },
    { key: 'L28', line: 28, name: '年初财政拨款结转和结余', cells: {} },
    { key: 'L32', line: 32, name: '总计', cells: { '1': '174.25' } },
    ...CLASS_LINES.map(([code, name], i) => {
      const v = code === '201' ? '170.52' : code === '213' ? '2.76' : code === '221' ? '0.97' : undefined;
      return { key: `L${33 + i}`, line: 33 + i, code, name, cells: { '2': v, '3': v } };
    }),
    { key: 'L59', line: 59, name: '本年支出合计', cells: { '2': '174.25', '3': '174.25' } },
    { key: 'L60', line: 60, name: '年末财政拨款结转和结余', cells: {} },
    { key: 'L64', line: 64, name: '总计', cells: { '2': '174.25', '3': '174.25' } },
  ];
  const t04 = makeTable('决算04', '公开04', ['1', '2', '3', '4', '5'], apply('决算04', t04rows));
  const t05 = makeTable(
    '决算05',
    '公开05',
    ['1', '2', '3'],
    apply('决算05', [{ key: '合计', name: '合计', cells: c(...EXPENSE_03['合计']) }, ...CODE_ROWS.map(([code, name]) => ({ key: code, code, name, cells: c(...EXPENSE_03[code]) }))]),
  );
  const t06 = makeTable(
    '决算06',
    '公开06',
    ['amount'],
    apply('决算06', [
      ...ECON_06.map(([code, name, v]) => ({ key: code, code, name, cells: { amount: v } })),
      { key: '人员经费合计', name: '人员经费合计', cells: { amount: '57.04' } },
      { key: '公用经费合计', name: '公用经费合计', cells: { amount: '4.07' } },
    ]),
  );
  const t07 = makeTable('决算07', '公开07', ['1', '2', '3', '4', '5', '6'], apply('决算07', [{ key: '合计', name: '合计', cells: {} }]));
  const t08 = makeTable('决算08', '公开08', ['1', '2', '3'], apply('决算08', [{ key: '合计', name: '合计', cells: {} }]));
  const t09 = makeTable(
    '决算09',
    '公开09',
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    apply('决算09', [{ key: '合计', name: '合计', cells: { '1': '2.76', '3': '2.76', '5': '2.76', '7': '2.76', '9': '2.76', '11': '2.76' } }]),
  );
  return new TableSet([t01, t02, t03, t04, t05, t06, t07, t08, t09]);
}

/**
 * The findings that say something is wrong: a generated 说明 may carry shares adjusted to add to
 * 100 (largest remainder, 尾差 said as such) and 提示 for figures inside the user's own free text
 * (用途, 自评综述), which no table holds.
 */
export function substantive<T extends { severity: string; rule: string; message: string }>(findings: readonly T[]): T[] {
  return findings.filter((f) => !(f.severity === 'rounding' && f.message.includes('最大余数法')) && !(f.severity === 'warning' && f.rule === '说明.未核对'));
}
