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
    ]);
    expect(withTables.find((f) => f.rule === '说明.百分号')!.message).toContain('占76.23');
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
