/**
 * The 说明 (第三部分) of a corpus report, checked against its transcribed tables and on its own:
 * 上海市普陀区人民政府宜川路街道办事处 2025 (tests/fixtures/regions/sh-putuo-yichuan-2025-说明.txt,
 * as extracted from the PDF). Pins what the narrative check finds: the human truth labels of
 * that report it finds, every other finding worked out by hand, and no 错误 on a sentence that
 * agrees with the tables.
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
