/**
 * The 说明 (第三部分) of corpus reports (tests/fixtures/regions/<id>-说明.txt, the published text
 * as extracted from the PDF), checked against their transcribed tables and on their own. Pins what
 * the narrative check finds: the human truth labels of each report it finds, every other finding
 * worked out by hand, and no 错误 on a sentence that agrees with the tables.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Finding } from '../src/core/findings';
import { analyzeNarrative } from '../src/core/narrative/check';
import { readWorkbook } from '../src/cli/read-xlsx';
import { validateWorkbook } from '../src/core/validate';
import { segment } from '../src/core/narrative';

const DIR = path.join(__dirname, 'fixtures/regions');
const TEXT = fs.readFileSync(path.join(DIR, 'sh-putuo-yichuan-2025-说明.txt'), 'utf8');

const line = (f: Finding) => /说明第(\d+)行/.exec(f.message)?.[1] ?? '?';
const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.cells.join(' ')} 第${line(f)}行`.replace('  ', ' ');

describe('sh-putuo-yichuan-2025 说明', () => {
  let withTables: Finding[];
  beforeAll(async () => {
    const r = validateWorkbook(await readWorkbook(path.join(DIR, 'sh-putuo-yichuan-2025.xlsx')));
    withTables = analyzeNarrative(TEXT, r.tables).findings;
  });

  test('against the tables: exactly the 错误 the figures show', () => {
    expect(withTables.filter((f) => f.severity === 'error').map(brief)).toEqual([
      // 减少 929.49 from 20218.21 + 929.49 = 21147.70 is 4.40 %, not 4.35 %.
      'error 说明.增减率 C75 第21行',
      // 职业年金缴费支出（项）269.85 vs 05 2080506 269.86 (the same paragraph then says 269.86).
      'error 说明.金额 C37 第96行',
      // 公务用车 减少 3.59 from 19.56 + 3.59 = 23.15 is 15.51 %, not 15.31 %.
      'error 说明.增减率 F8 第201行',
      // 公务接待费 增加 0.3 = this year's 0.30: no prior figure, so “增长100%” is no rate.
      'error 说明.增减率 L8 第201行',
      // Truth Y03 (TXT-FUND-DETAIL): 其他住房保障支出（项）135.00 vs 07 2219899 本年支出 105.00, stated twice.
      'error 说明.金额 E8 第223行',
      'error 说明.金额 E8 第225行',
    ]);
  });

  test('against the tables: truth F01 (占76.23 without %) and the other notes', () => {
    expect(withTables.filter((f) => f.severity !== 'error' && f.rule !== '说明.未核对').map(brief)).toEqual([
      'warning 说明.百分号 第24行',
      // 公务用车 完成预算 63.76 %: 19.56 / 30.67 = 63.78 %, within what the rounding of both allows.
      'rounding 说明.完成率 F8 E8 第194行',
      // 人员经费 lists 其他对个人和家庭的补助, blank (30399) in 06.
      'warning 说明.经济科目 C30 第184行',
      // Truth SGC-01: the 三公 section (七, 第192行) never states 公务用车购置费 (no amount, no 未发生).
      'warning 说明.三公缺项 第192行',
    ]);
    expect(withTables.find((f) => f.rule === '说明.百分号')!.message).toContain('占76.23');
  });

  test('truth SGC-01: the 三公 section leaves out 公务用车购置费, and nothing else (with the tables and on its own)', () => {
    const alone = analyzeNarrative(TEXT, undefined).findings;
    for (const fs of [withTables, alone]) {
      expect(fs.filter((f) => f.rule === '说明.三公缺项').map((f) => f.message)).toEqual([
        '说明第192行“七、财政拨款“三公”经费支出决算情况说明”：未写明公务用车购置费的支出金额（未发生的也应写明“0万元”或“未发生”）。',
      ]);
    }
  });

  test('the text on its own (check-text)', () => {
    const alone = analyzeNarrative(TEXT, undefined).findings;
    expect(alone.filter((f) => f.severity !== 'warning').map(brief)).toEqual([
      'error 说明.增减率 第21行',
      'error 说明.增减率 第201行',
      'error 说明.增减率 第201行',
      'error 说明.前后不一 第98行',
      // 135.00 vs the 105.00 of the section's first sentence (its subject is misnamed 收入 there).
      'error 说明.前后不一 第225行',
      // 人员经费 12192.15 + 公用经费 1915.3 = 14107.45 vs 基本支出 14107.46.
      'rounding 说明.合计 第184行',
    ]);
  });
});

const withMessage = (f: Finding) => `${f.severity} ${f.rule}: ${f.message}`;

describe('sh-putuo-eco-2025 说明 (上海市普陀区生态环境局 2025)', () => {
  const text = fs.readFileSync(path.join(DIR, 'sh-putuo-eco-2025-说明.txt'), 'utf8');
  const tables = readWorkbook(path.join(DIR, 'sh-putuo-eco-2025.xlsx')).then((wb) => validateWorkbook(wb).tables);

  const errorsOf = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

  for (const mode of ['with tables', 'text only'] as const) {
    test(`${mode}: exactly the two real 错误 (T2 and the 机关运行经费 rate), none on the 项 that 用于…项目支出`, async () => {
      const findings = analyzeNarrative(text, mode === 'with tables' ? await tables : undefined).findings;
      const errors = errorsOf(findings);
      // T2: 公务接待费支出决算减少为0.00万元，与2024年持平 contradicts itself.
      expect(errors.some((f) => /公务接待费/.test(f.message) && /持平/.test(f.message))).toBe(true);
      // Not in the human labels but real: 4.68 / (185.41 − 4.68) = 2.59%, printed 2.60% (no rounding of 185.41 and 4.68 gives 2.595% or more).
      expect(errors.some((f) => /机关运行经费/.test(f.message) && /2\.59%/.test(f.message))).toBe(true);
      expect(errors).toHaveLength(2);
      // The false 错误 before the fix: 五（三）14.–18. describe their use as “…等项目支出”, which is not a new subject.
      expect(findings.filter((f) => /项目支出写为|项目支出预算数写为/.test(f.message)).map(withMessage)).toEqual([]);
    });
  }

  test('with tables: the 项 of 五（三） are checked against 公开05 (a changed 决算数 of 14. 大气 is an error at its cell)', async () => {
    const changed = text.replace('支出决算为 379.96 万元', '支出决算为 379.69 万元');
    expect(changed).not.toBe(text);
    const errors = errorsOf(analyzeNarrative(changed, await tables).findings);
    expect(errors.filter((f) => f.sheet === '一般公共预算财政拨款支出决算表' && f.cells[0] === 'E27').map((f) => f.rule)).toEqual(['说明.金额']);
  });

  test('truth T3: the 公务接待费 part states only the 外宾 批次/人次, not the 国内 ones (with the tables and on its own)', async () => {
    for (const t of [await tables, undefined]) {
      expect(analyzeNarrative(text, t).findings.filter((f) => f.rule === '说明.三公缺项').map(withMessage)).toEqual([
        'warning 说明.三公缺项: 说明第135行“七、财政拨款“三公”经费支出决算情况说明”：未写明公务接待费的国内公务接待批次、人次（只写了接待外宾的批次、人次）。',
      ]);
    }
    // Stated, the 国内 counts end the 提示.
    const fixed = text.replace('接待外宾 0 批次、0 人次。', '国内公务接待 0 批次、0 人次，接待外宾 0 批次、0 人次。');
    expect(fixed).not.toBe(text);
    expect(analyzeNarrative(fixed, undefined).findings.filter((f) => f.rule === '说明.三公缺项')).toEqual([]);
  });

  test('财政拨款收入支出总计 is read as the 财政拨款收支总计 of section 四 (no 提示 for it)', async () => {
    const a = analyzeNarrative(text, await tables);
    expect(a.findings.filter((f) => f.severity === 'warning' && /财政拨款收入支出总计/.test(f.message)).map(withMessage)).toEqual([]);
  });
});

describe('a 项 described as “…等项目支出” keeps its subject', () => {
  const text = [
    '三、支出决算情况说明',
    '本年支出合计 500.00 万元，其中：基本支出 100.00 万元，占 20.00%；项目支出 400.00 万元，占 80.00%。',
    '五、一般公共预算财政拨款支出决算情况说明',
    '（三）一般公共预算财政拨款支出决算具体情况',
    '1.节能环保支出（类）污染防治（款）大气（项），主要用于扬尘污染防治监管等项目支出，年初预算为 420.80 万元，支出决算为 379.96 万元，决算数小于预算数的主要原因：年中项目经费调减。',
    '2.节能环保支出（类）污染防治（款）水体（项），主要用于入河排污口长效管理等项目支出。年初预算为 215.00 万元，当年支出决算为 20.04 万元，决算数小于预算数的主要原因：费用节省。',
  ].join('\n');

  test('no figure of the 项 is read as 项目支出', () => {
    const a = analyzeNarrative(text, undefined);
    expect(a.findings.filter((f) => f.severity === 'error').map(withMessage)).toEqual([]);
    const project = a.claims.flatMap((c) => (c.kind === 'amount' && /项目支出/.test(c.subject.id) ? [c.stated.value.toFixed(2)] : []));
    expect(project).toEqual(['400.00']);
  });

  test('the 项 stays the subject of its figures, in the same sentence and the next', () => {
    const a = analyzeNarrative(text, undefined);
    const items = a.claims.flatMap((c) => (c.kind === 'amount' && c.subject.id.startsWith('项:') ? [`${c.measure} ${c.stated.value.toFixed(2)}`] : []));
    expect(items).toEqual(['budget 420.80', 'actual 379.96', 'budget 215.00', 'actual 20.04']);
  });
});

/**
 * The 说明 (第三部分) of sh-putuo-wenlv-2025 (上海市普陀区文化和旅游局 2025 年度部门决算), as
 * extracted, against its tables and on its own.
 *
 * Human truth labels (zxj6827111-blip/GovBudgetChecker, tests on the "wenlv narrative truth"
 * fixture): exactly one defect — 七（一）, 公务接待费 决算 0.40 万元, “增加 0.40 万元，增长 100%”:
 * the increase equals this year's figure, so last year was 0 and no growth rate exists. Marked
 * consistent there (must not be reported): 88.32% (24535.67 / 27780.16), 下降 86.61% (19.66 of
 * 22.70), 下降 88.37% (20.06 of 22.70), and the 三公 disclosure with 公务用车购置 0.
 *
 * With the tables (公开05 as printed: the 一般公共预算 lines only, rebuilt from a misaligned extraction —
 * see the report's notes), that truth is the only 错误: every other sentence agrees with the tables.
 * Besides it: two 尾差 (社会保障和就业支出 占 6.08% for 6.086 %, truncated so that the five shares add
 * up to 100.00; 公务用车购置及运行维护费 完成预算 28.15% for 2.64 / 9.38 = 28.145 %) and a 提示 (人员经费
 * lists 奖金, which 公开06 shows as 0).
 */
const WENLV_XLSX = path.join(DIR, 'sh-putuo-wenlv-2025.xlsx');
const WENLV_TXT = path.join(DIR, 'sh-putuo-wenlv-2025-说明.txt');
const sheetCells = (f: Finding) => f.cells.map((c) => (c.includes('!') ? c : `${f.sheet}!${c}`));
const pin = (list: Finding[], severity: Finding['severity']) =>
  list.filter((f) => f.table === '说明' && f.severity === severity).map((f) => `${f.rule} 第${line(f)}行 ${sheetCells(f).join(' ')}`.trim());

describe('sh-putuo-wenlv-2025: the 说明', () => {
  test('check-text (no tables): the zero-base 增长 100% and the truncated 6.08% share, nothing else', async () => {
    const { checkNarrativeFile } = await import('../src/cli/narrative');
    const { findings } = await checkNarrativeFile(WENLV_TXT, undefined);
    // The truth: 公务接待费 增加 0.40 = 本年 0.40, so 上年 0 and “增长 100%” is no rate.
    expect(pin(findings, 'error')).toEqual(['说明.增减率 第165行']);
    // 社会保障和就业支出 1,493.32 / 24,535.67 = 6.086 %: 6.08 is truncated (the five shares then add up to 100.00).
    expect(pin(findings, 'rounding')).toEqual(['说明.占比 第24行']);
  });

  test('with the tables: the truth is the only 错误; the two 尾差 and the 奖金 listed at 0', async () => {
    const { validateFile } = await import('../src/cli/validate-file');
    const { report } = await validateFile(WENLV_XLSX, { narrative: WENLV_TXT });
    const t05 = '一般公共预算财政拨款支出决算表';
    const t09 = '财政拨款“三公”经费支出决算表';
    // the truth: 公务接待费 增加 0.40 = 本年 0.40, so 上年 0 and “增长 100%” is no rate
    expect(pin(report.findings, 'error')).toEqual([`说明.增减率 第165行 ${t09}!L8`]);
    expect(pin(report.findings, 'rounding')).toEqual([
      // 社会保障和就业支出 1,493.32 / 24,535.67 = 6.086 % written 6.08 % (the five shares then add up to 100.00)
      `说明.占比 第24行 ${t05}!C22 ${t05}!C42`,
      // 公务用车购置及运行维护费 完成预算 28.15 %: 2.64 / 9.38 = 28.145 % (28.14)
      `说明.完成率 第158行 ${t09}!F8 ${t09}!E8`,
    ]);
    // 人员经费 “主要包括：…奖金…” while 公开06 30103 奖金 is empty; the rest are figures with nothing to check them against
    expect(pin(report.findings, 'warning').filter((p) => !p.startsWith('说明.未核对'))).toEqual([
      '说明.经济科目 第146行 一般公共预算财政拨款基本支出决算表!C7',
    ]);
    expect(report.narrative).toEqual({ sentences: 156, figures: 133, checked: 118, unplaced: 6 });
  });

  test('the 三公 section states every item and its counts: no 说明.三公缺项', async () => {
    const { checkNarrativeFile } = await import('../src/cli/narrative');
    const { findings } = await checkNarrativeFile(WENLV_TXT, undefined);
    expect(findings.filter((f) => f.rule === '说明.三公缺项').map((f) => f.message)).toEqual([]);
  });
});

describe('说明 text: a use written over a line break', () => {
  test('“…（项）。主要用于：” at a line end runs on into the next line (not a sentence of its own)', () => {
    const s = segment('五、一般公共预算财政拨款支出决算情况说明\n1、文化旅游体育与传媒支出（类）文化和旅游（款）旅游宣传（项）。主要用于：\n所属事业单位项目支出。年初预算为 15.00 万元。\n具体情况如下：\n1、因公出国（境）费支出 0 万元。');
    expect(s.map((x) => x.text)).toEqual([
      '1、文化旅游体育与传媒支出（类）文化和旅游（款）旅游宣传（项）。',
      '主要用于：所属事业单位项目支出。',
      '年初预算为 15.00 万元。',
      '具体情况如下：',
      '1、因公出国（境）费支出 0 万元。',
    ]);
  });
});
