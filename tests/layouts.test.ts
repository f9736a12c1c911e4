/**
 * Layouts of other regions (issue 12): one correct report of a district department funded only
 * by 一般公共预算, printed with every layout feature the seeds do not have — no 行次, sub-header
 * rows, no 栏次, titles without year/number, 三公 alternating 预算数/决算数, 08 as a 收入支出
 * table, split 类|款|项 and 类|款 codes, empty tables. It must give no finding at all; then one
 * test per feature and per rule that depends on it.
 */
import { FINAL_ACCOUNT_KIND } from '../src/core/kinds';
import { Finding } from '../src/core/findings';
import { Workbook } from '../src/core/grid';
import { TableSet } from '../src/core/model';
import { recognizeWorkbook, matchTitle } from '../src/core/recognize';
import { composeSplitCode } from '../src/core/recognize/codes';
import { checkTables, validateWorkbook } from '../src/core/validate';
import { Printed, sheet, stack, workbook } from './layout-grid';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cells[0]}`;

// 01 收入支出决算总表: no 行次, 项目 | 决算数 pairs, department and year above an unnumbered title.
const T01: Printed[][] = [
  ['XX区农业农村局', null, '2024年度'],
  ['收入支出决算总表'],
  [null, null, null, '单位：万元'],
  ['收入', null, '支出'],
  ['项目', '决算数', '项目', '决算数'],
  ['一、一般公共预算财政拨款收入', 1236.48, '一、一般公共服务支出', 1010.3],
  ['二、政府性基金预算财政拨款收入', null, '二、社会保障和就业支出', 120.55],
  ['三、国有资本经营预算财政拨款收入', null, '三、卫生健康支出', 45.21],
  ['四、上级补助收入', null, '四、住房保障支出', 60.42],
  ['五、事业收入'],
  ['六、经营收入'],
  ['七、附属单位上缴收入'],
  ['八、其他收入'],
  ['本年收入合计', 1236.48, '本年支出合计', 1236.48],
  ['使用非财政拨款结余', null, '结余分配'],
  ['年初结转和结余', null, '年末结转和结余'],
  ['总计', 1236.48, '总计', 1236.48],
  ['注：本表反映部门本年度的总收支和年末结转结余情况。'],
];
const M01 = ['A4:B4', 'C4:D4'];

const FUNCTIONAL: [string, string, string, string, number, number | null, number | null][] = [
  // 类, 款, 项, 名称, 合计, 基本, 项目
  ['201', '', '', '一般公共服务支出', 1010.3, 710.3, 300],
  ['201', '03', '', '政府办公厅（室）及相关机构事务', 1010.3, 710.3, 300],
  ['201', '03', '01', '行政运行', 710.3, 710.3, null],
  ['201', '03', '02', '一般行政管理事务', 300, null, 300],
  ['208', '', '', '社会保障和就业支出', 120.55, 120.55, null],
  ['208', '05', '', '行政事业单位养老支出', 120.55, 120.55, null],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 80.37, 80.37, null],
  ['208', '05', '06', '机关事业单位职业年金缴费支出', 40.18, 40.18, null],
  ['210', '', '', '卫生健康支出', 45.21, 45.21, null],
  ['210', '11', '', '行政事业单位医疗', 45.21, 45.21, null],
  ['210', '11', '01', '行政单位医疗', 45.21, 45.21, null],
  ['221', '', '', '住房保障支出', 60.42, 60.42, null],
  ['221', '02', '', '住房改革支出', 60.42, 60.42, null],
  ['221', '02', '01', '住房公积金', 60.42, 60.42, null],
];

// 02 收入决算表: a 决算数 sub-header under every amount column, no 栏次.
const T02: Printed[][] = [
  ['收入决算表'],
  ['部门：XX区农业农村局', null, null, null, null, null, null, null, '单位：万元'],
  ['项目', null, '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
  ['科目编码', '科目名称', '决算数', '决算数', '决算数', '决算数', '决算数', '决算数', '决算数'],
  [null, '合计', 1236.48, 1236.48],
  ...FUNCTIONAL.map(([c, k, x, n, total]) => [c + k + x, n, total, total]),
];

// 03 支出决算表: split 类 | 款 | 项 with the parents repeated on every row, 类款项 captions in the 栏次 row.
const T03: Printed[][] = [
  ['2024年度支出决算表'],
  [null, null, null, null, null, null, null, null, null, '单位：万元'],
  ['项目', null, null, null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
  ['科目编码', null, null, '科目名称'],
  ['类', '款', '项', '栏次', 1, 2, 3, 4, 5, 6],
  [null, null, null, '合计', 1236.48, 936.48, 300],
  ...FUNCTIONAL.map(([c, k, x, n, t, b, p]) => [c, k || null, x || null, n, t, b, p]),
];
const M03 = ['A3:D3', 'A4:C4'];

// 04: no 行次, 决算数 over 小计 and the three funds, title with the department and year inside.
const T04: Printed[][] = [
  ['XX区农业农村局2024年度财政拨款收入支出决算总表'],
  [null, null, null, null, null, null, '单位：万元'],
  ['收入', null, '支出'],
  ['项目', '决算数', '项目', '决算数'],
  [null, null, null, '小计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
  ['一、一般公共预算财政拨款', 1236.48, '一、一般公共服务支出', 1010.3, 1010.3],
  ['二、政府性基金预算财政拨款', null, '二、社会保障和就业支出', 120.55, 120.55],
  ['三、国有资本经营预算财政拨款', null, '三、卫生健康支出', 45.21, 45.21],
  [null, null, '四、住房保障支出', 60.42, 60.42],
  ['本年收入合计', 1236.48, '本年支出合计', 1236.48, 1236.48],
  ['年初财政拨款结转和结余', null, '年末财政拨款结转和结余'],
  ['一般公共预算财政拨款', null, '一般公共预算财政拨款'],
  ['政府性基金预算财政拨款', null, '政府性基金预算财政拨款'],
  ['国有资本经营预算财政拨款', null, '国有资本经营预算财政拨款'],
  ['总计', 1236.48, '总计', 1236.48, 1236.48],
];
const M04 = ['A3:B3', 'C3:G3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:G4'];

// 05: one code column, 本年支出 over 小计 | 基本支出 | 项目支出, no 栏次.
const T05: Printed[][] = [
  ['一般公共预算财政拨款支出决算表'],
  [null, null, null, null, '单位：万元'],
  ['科目编码', '科目名称', '本年支出'],
  [null, null, '小计', '基本支出', '项目支出'],
  [null, '合计', 1236.48, 936.48, 300],
  ...FUNCTIONAL.map(([c, k, x, n, t, b, p]) => [c + k + x, n, t, b, p]),
];
const M05 = ['A3:A4', 'B3:B4', 'C3:E3'];

// 06: split 类 | 款 per block, 类 blank on child rows; totals with their labels merged across blocks.
const T06: Printed[][] = [
  ['一般公共预算财政拨款基本支出决算明细表'],
  [null, null, null, null, null, null, null, null, null, null, null, '单位：万元'],
  ['人员经费', null, null, null, '公用经费'],
  ['科目编码', null, '科目名称', '决算数', '科目编码', null, '科目名称', '决算数', '科目编码', null, '科目名称', '决算数'],
  ['类', '款', null, null, '类', '款', null, null, '类', '款'],
  ['301', null, '工资福利支出', 820.16, '302', null, '商品和服务支出', 100.02, '310', null, '资本性支出', 4],
  [null, '01', '基本工资', 300, null, '01', '办公费', 30, null, '02', '办公设备购置', 4],
  [null, '02', '津贴补贴', 200, null, '11', '差旅费', 20],
  [null, '03', '奖金', 50, null, '17', '公务接待费', 5.02],
  [null, '08', '机关事业单位基本养老保险缴费', 80.37, null, '28', '工会经费', 10],
  [null, '09', '职业年金缴费', 40.18, null, '31', '公务用车运行维护费', 15],
  [null, '10', '职工基本医疗保险缴费', 45.21, null, '99', '其他商品和服务支出', 20],
  [null, '13', '住房公积金', 60.42],
  [null, '99', '其他工资福利支出', 43.98],
  ['303', null, '对个人和家庭的补助', 12.3],
  [null, '02', '退休费', 12.3],
  ['人员经费合计', null, null, 832.46, '公用经费合计', null, null, null, null, null, null, 104.02],
];
const M06 = ['A3:D3', 'E3:L3', 'A4:B4', 'E4:F4', 'I4:J4', 'A17:C17', 'E17:K17'];

// 07: empty; its last header row is 合计 | 基本支出 | 项目支出, then a note.
const T07: Printed[][] = [
  ['政府性基金预算财政拨款收入支出决算表'],
  [null, null, null, null, null, null, null, '单位：万元'],
  ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
  ['科目编码', '科目名称', null, null, '合计', '基本支出', '项目支出'],
  ['注：本单位无政府性基金预算财政拨款收入支出，故本表为空表。'],
];

// 08 as a 收入支出 table with 公开07's columns, empty.
const T08: Printed[][] = [
  ['国有资本经营预算财政拨款收入支出决算表'],
  [null, null, null, null, null, null, null, '单位：万元'],
  ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
  ['科目编码', '科目名称', null, null, '小计', '基本支出', '项目支出'],
  ['本表无数据'],
];

// 09: 预算数 / 决算数 alternating under each item.
const T09: Printed[][] = [
  ['财政拨款“三公”经费支出决算表'],
  [null, null, null, null, null, null, null, null, null, null, null, '单位：万元'],
  ['合计', null, '因公出国（境）费', null, '公务用车购置及运行维护费', null, null, null, null, null, '公务接待费'],
  [null, null, null, null, '小计', null, '公务用车购置费', null, '公务用车运行费'],
  ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
  [25, 20.02, 0, 0, 18, 15, 0, 0, 18, 15, 7, 5.02],
];
const M09 = ['A3:B4', 'C3:D4', 'E3:J3', 'K3:L4', 'E4:F4', 'G4:H4', 'I4:J4'];

function district(patch?: (t: Record<string, Printed[][]>) => void): Workbook {
  const t: Record<string, Printed[][]> = { T01, T02, T03, T04, T05, T06, T07, T08, T09 };
  const copy: Record<string, Printed[][]> = {};
  for (const [k, v] of Object.entries(t)) copy[k] = v.map((r) => [...r]);
  patch?.(copy);
  return workbook(
    sheet('表1', copy.T01, M01),
    sheet('表2', copy.T02),
    sheet('表3', copy.T03, M03),
    sheet('表4', copy.T04, M04),
    sheet('表5', copy.T05, M05),
    sheet('表6', copy.T06, M06),
    // Empty tables printed one under the other on one sheet.
    sheet('表7-8', stack(copy.T07, copy.T08)),
    sheet('表9', copy.T09, M09),
  );
}

describe('a correct report in another region\'s layout', () => {
  const r = validateWorkbook(district());

  test('all nine tables are recognised, and nothing is reported', () => {
    expect(r.tables.map((t) => t.id)).toEqual(['决算01', '决算02', '决算03', '决算04', '决算05', '决算06', '决算07', '决算08', '决算09']);
    expect(r.findings.map(brief)).toEqual([]);
  });

  test('the year comes from the line above a title without one', () => {
    expect(r.tables.find((t) => t.id === '决算01')!.year).toBe(2024);
    expect(r.tables.find((t) => t.id === '决算04')!.year).toBe(2024);
  });

  test('total tables without 行次 are read by line names on both sides', () => {
    const t = new TableSet(r.tables);
    expect(t.figure('决算01', 'L1', '1').value.toFixed(2)).toBe('1236.48');
    expect(t.figure('决算01', 'L30', '1').value.toFixed(2)).toBe('1236.48');
    expect(t.row('决算01', 'L38')).toMatchObject({ code: '208', name: '社会保障和就业支出' });
    expect(t.figure('决算01', 'L60', '2').value.toFixed(2)).toBe('1236.48');
    // 04 repeats 一般公共预算财政拨款 on the income side (lines 1 and 29) and the expense side (61).
    expect(t.row('决算04', 'L29')).toBeDefined();
    expect(t.row('决算04', 'L61')).toBeDefined();
    expect(t.figure('决算04', 'L59', '3').value.toFixed(2)).toBe('1236.48');
    expect(r.tables.find((x) => x.id === '决算01')!.layout!.lineColumns).toEqual([]);
  });

  test('a 决算数 sub-header under every amount column is not part of the column name', () => {
    const t02 = r.tables.find((x) => x.id === '决算02')!;
    expect(t02.layout!.columns.map((c) => `${c.column}=${c.key}`)).toEqual(['C=1', 'D=2', 'E=3', 'F=4', 'G=5', 'H=6', 'I=7']);
  });

  test('split 类 | 款 | 项 with the parents repeated on every row gives every code once', () => {
    const t03 = r.tables.find((x) => x.id === '决算03')!;
    expect(t03.rows.filter((x) => x.code).map((x) => x.code)).toEqual(FUNCTIONAL.map(([c, k, x]) => c + k + x));
    expect(t03.layout!.codeColumns).toEqual(['A', 'B', 'C']);
  });

  test('三公 with 预算数 / 决算数 alternating under each item', () => {
    const t = new TableSet(r.tables);
    const fig = (col: string) => t.figure('决算09', '合计', col).value.toFixed(2);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => fig(String(c)))).toEqual(['25.00', '0.00', '18.00', '0.00', '18.00', '7.00', '20.02', '0.00', '15.00', '0.00', '15.00', '5.02']);
  });

  test('06 with split 类 | 款 per block and totals read in their own column', () => {
    const t = new TableSet(r.tables);
    expect(t.figure('决算06', '30231', 'amount').value.toFixed(2)).toBe('15.00');
    expect(t.figure('决算06', '31002', 'amount').value.toFixed(2)).toBe('4.00');
    expect(t.figure('决算06', '人员经费合计', 'amount').value.toFixed(2)).toBe('832.46');
    expect(t.figure('决算06', '公用经费合计', 'amount').value.toFixed(2)).toBe('104.02');
  });

  test('08 printed as 国有资本经营预算财政拨款收入支出决算表 is 公开08 in its variant, not 公开03', () => {
    const t08 = r.tables.find((x) => x.id === '决算08')!;
    expect(t08.layout!.variant).toBe('国有资本经营预算财政拨款收入支出决算表');
    expect(t08.layout!.columns.map((c) => c.key)).toEqual(['年初', '收入', '1', '2', '3', '年末']);
    expect(t08.rows).toEqual([]);
  });

  test('an empty table whose last header row is 合计 | 基本支出 | 项目支出 has no data row', () => {
    const t07 = r.tables.find((x) => x.id === '决算07')!;
    expect(t07.rows).toEqual([]);
    expect(t07.layout!.headerRows).toBe('3–4');
  });

  test('funded only by 一般公共预算: 03 and 05 are checked row by row, and the report says why', () => {
    expect(r.conditions.map((c) => c.rule)).toEqual(['表间.03-05.逐行一致']);
    expect(r.conditions[0].because).toContain('一般公共预算财政拨款');
  });
});

describe('rules that depend on the layout', () => {
  const row05 = (t: Record<string, Printed[][]>, code: string) => t.T05.find((r) => r[0] === code)!;

  test('05 one cent off 03 in a 项 row is 尾差; one yuan off is 错误', () => {
    const cent = validateWorkbook(district((t) => {
      row05(t, '2010301')[2] = 710.31;
      row05(t, '2010301')[3] = 710.31;
    }));
    const match = cent.findings.filter((f) => f.rule === '表间.03-05.逐行一致');
    expect(match.map((f) => f.severity)).toEqual(['rounding', 'rounding']);
    expect(match[0].message).toContain('一般公共预算财政拨款');

    const yuan = validateWorkbook(district((t) => {
      row05(t, '2010302')[2] = 301;
      row05(t, '2010302')[4] = 301;
    }));
    expect(yuan.findings.filter((f) => f.rule === '表间.03-05.逐行一致').map(brief)).toEqual(['error 表间.03-05.逐行一致 表3!E10', 'error 表间.03-05.逐行一致 表3!G10']);
  });

  test('the 03 = 05 rule does not apply when the department has other income', () => {
    const r = validateWorkbook(district((t) => {
      t.T01[9][1] = 10; // 五、事业收入 (the workbook is then inconsistent elsewhere; only the condition matters here)
    }));
    expect(r.conditions).toEqual([]);
    expect(r.findings.some((f) => f.rule === '表间.03-05.逐行一致')).toBe(false);
  });

  test('a line the template does not know is a 提示, and the sums it may belong to are skipped', () => {
    const r = validateWorkbook(district((t) => {
      // An older 01 prints 用事业基金弥补收支差额 under 本年收入合计; 总计 includes it.
      t.T01.splice(14, 0, ['用事业基金弥补收支差额', 5]);
      t.T01[16][3] = 5; // 年末结转和结余
      t.T01[17][1] = 1241.48;
      t.T01[17][3] = 1241.48;
    }));
    expect(r.summary.error).toBe(0);
    const w = r.findings.filter((f) => f.severity === 'warning');
    expect(w.map(brief)).toEqual(['warning 识别.未能归类 表1!A15']);
    expect(w[0].message).toContain('用事业基金弥补收支差额');
    expect(w[0].message).toContain('收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余');
  });

  test('a 公开06 block left blank, and a blank 人员经费合计, read as blanks, not as the next label', () => {
    const r = validateWorkbook(district((t) => {
      const last = t.T06[16];
      last[3] = null; // 人员经费合计 blank
    }));
    const t06 = new TableSet(r.tables);
    expect(t06.cell('决算06', '人员经费合计', 'amount')!.address).toBe('D17');
    expect(r.findings.filter((f) => f.rule === '输入.金额无效')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('决算06.人员经费合计');
  });

  test('split codes with blank parents, or merged down a block, read the same', () => {
    const blank = district((t) => {
      for (const row of t.T03.slice(6)) {
        if (row[1]) row[0] = null;
        if (row[2]) row[1] = null;
      }
    });
    const codes = (wb: Workbook) => recognizeWorkbook(wb).tables.find((x) => x.id === '决算03')!.rows.filter((x) => x.code).map((x) => x.code);
    expect(codes(blank)).toEqual(FUNCTIONAL.map(([c, k, x]) => c + k + x));
    expect(validateWorkbook(blank).findings).toEqual([]);
    // Numbers instead of text lose the leading zero of 款 and 项.
    const numeric = district((t) => {
      for (const row of t.T03.slice(6)) {
        if (row[1]) row[1] = Number(row[1]);
        if (row[2]) row[2] = Number(row[2]);
      }
    });
    expect(codes(numeric)).toEqual(FUNCTIONAL.map(([c, k, x]) => c + k + x));
  });

  test('07 with figures, 合计 printed on the last header row beside 合计 | 基本支出 | 项目支出 (上海市普陀区 2025)', () => {
    // The 合计 row prints 年初, 本年收入 and 年末 only; its 本年支出 cells hold the sub-header words.
    const fund = (spent: number): Printed[][] => [
      ['政府性基金预算财政拨款收入支出决算表'],
      [null, null, null, null, null, null, null, '单位：万元'],
      ['项目', null, '年初结转和\n结余', '本年收入', '本年支出', null, null, '年末结转和\n结余'],
      ['功能分类\n科目编码', '科目名称'],
      ['合计', null, null, 105, '合计', '基本支出', '项目支出', null],
      ['221', '住房保障支出', null, 105, 105, null, 105, null],
      ['22198', '超长期特别国债安排的支出', null, 105, 105, null, 105, null],
      ['2219899', '其他住房保障支出', null, 105, spent, null, 105, null],
    ];
    const merges = ['A3:B3', 'C3:C4', 'D3:D4', 'E3:G4', 'H3:H4', 'A5:B5'];
    const wb = (spent: number) => workbook(sheet('表7b', fund(spent), merges));
    const ok = validateWorkbook(wb(105));
    const t07 = ok.tables.find((x) => x.id === '决算07')!;
    expect(t07.layout!.columns.map((c) => `${c.column}=${c.key}`)).toEqual(['C=1', 'D=2', 'E=3', 'F=4', 'G=5', 'H=6']);
    expect(t07.rows.map((x) => x.key)).toEqual(['合计', '221', '22198', '2219899']);
    const total = t07.rows[0];
    expect(total.cells['2'].figure.value.toFixed(2)).toBe('105.00');
    // No figure where the header words are: rules needing them are skipped, never read as 0.
    expect(['3', '4', '5'].map((k) => total.cells[k].invalid !== undefined)).toEqual([true, true, true]);
    expect(ok.findings.filter((f) => f.rule !== '识别.缺表').map(brief)).toEqual([]);
    // A body row that does not add up is still found.
    const bad = validateWorkbook(wb(100));
    expect(bad.findings.filter((f) => f.severity === 'error').map(brief)).toEqual(
      expect.arrayContaining(['error 决算07.栏3 表7b!E8', 'error 决算07.栏6 表7b!H8']),
    );
  });

  test('whole codes in one cell merged over 类 | 款 | 项, 决算数 under the headers, 合计 on the 类 款 项 row (上海 2025)', () => {
    const rows: Printed[][] = [
      ['支出决算表'],
      [null, null, null, null, null, null, null, null, null, '单位：万元'],
      ['项目', null, null, null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助\n支出'],
      ['功能分类\n科目编码', null, null, '科目名称'],
      [null, null, null, null, '决算数', '决算数', '决算数', '决算数', '决算数', '决算数'],
      ['类', '款', '项', '合计', 1236.48, 936.48, 300, 0, 0, 0],
      ...FUNCTIONAL.map(([c, k, x, n, t, b, p]) => [c + k + x, null, null, n, t, b ?? 0, p ?? 0, 0, 0, 0]),
    ];
    const merges = ['A3:D3', 'A4:C5', 'D4:D5', ...['E', 'F', 'G', 'H', 'I', 'J'].map((c) => `${c}3:${c}4`), ...FUNCTIONAL.map((_, i) => `A${7 + i}:C${7 + i}`)];
    const r = validateWorkbook(workbook(sheet('支出决算表', rows, merges)));
    const t03 = r.tables.find((x) => x.id === '决算03')!;
    expect(t03.rows.filter((x) => x.code).map((x) => x.code)).toEqual(FUNCTIONAL.map(([c, k, x]) => c + k + x));
    expect(t03.layout!.columns.map((c) => `${c.column}=${c.key}`)).toEqual(['E=1', 'F=2', 'G=3', 'H=4', 'I=5', 'J=6']);
    expect(new TableSet(r.tables).cell('决算03', '合计', '1')!.address).toBe('E6');
    // Only the other eight tables are missing; the table itself checks clean.
    expect(r.findings.filter((f) => f.rule !== '识别.缺表').map(brief)).toEqual([]);
  });

  test('a table with an unreadable header is a 提示 and leaves the exit code alone', () => {
    const r = validateWorkbook(district((t) => {
      t.T02[2] = ['项目', null, '甲', '乙', '丙'];
      t.T02[3] = ['科目编码', '科目名称'];
    }));
    const w = r.findings.filter((f) => f.rule === '识别.表头');
    expect(w.map((f) => f.severity)).toEqual(['warning']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('titles', () => {
  test.each([
    ['国有资本经营预算财政拨款收入支出决算表', '决算08'],
    ['2024年度国有资本经营预算财政拨款收入支出决算表（公开08表）', '决算08'],
    ['XX区教育局2024年度支出决算表', '决算03'],
    ['表3 支出决算表', '决算03'],
    ['收入支出决算总表（汇总）', '决算01'],
    ['2024年度财政拨款"三公"经费支出决算表', '决算09'],
    ['一般公共预算财政拨款"三公"经费支出决算表', '决算09'],
    ['上海市普陀区财政局收入支出决算总表', '决算01'],
    ['XX区重大项目建设服务中心支出决算表', '决算03'],
    ['财政拨款收支决算总表', '决算04'],
  ])('%s → %s', (title, id) => {
    expect(matchTitle(title)?.template.id).toBe(id);
  });

  test.each(['一般公共预算财政拨款收入支出决算表', '政府性基金预算财政拨款支出决算表（附）说明表', '部门收支总表', '支出决算表的说明', '项目支出决算表', '基本支出决算明细表说明'])('%s names no 决算 table', (title) => {
    expect(matchTitle(title, [FINAL_ACCOUNT_KIND])).toBeUndefined();
  });

  test('a table of contents (titles on consecutive rows) is not a set of tables', () => {
    const wb = district();
    wb.sheets.unshift(sheet('目录', [['目录'], ['收入支出决算总表'], ['收入决算表'], ['支出决算表'], ['财政拨款收入支出决算总表']]));
    const r = validateWorkbook(wb);
    expect(r.findings.map(brief)).toEqual([]);
    expect(r.tables.every((t) => t.sheet !== '目录')).toBe(true);
  });
});

describe('composeSplitCode', () => {
  test.each([
    [['201', '03', '50'], [], '2010350'],
    [['201', '03', ''], [], '20103'],
    [['201', '', ''], [], '201'],
    [['', '03', '50'], ['201', '03', '01'], '2010350'],
    [['', '', '50'], ['201', '03', '01'], '2010350'],
    [['201', '20103', '2010350'], [], '2010350'],
    [['201', '3', '1'], [], '2010301'],
  ])('%j under %j → %s', (parts, above, code) => {
    expect(composeSplitCode(parts, above).code).toBe(code);
  });
});

test('checkTables on tables built in code has no layout to skip by', () => {
  const tables = new TableSet(recognizeWorkbook(district()).tables.map((t) => ({ ...t, layout: undefined })));
  expect(checkTables(tables).findings).toEqual([]);
});
