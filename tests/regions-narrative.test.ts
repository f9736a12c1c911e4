/**
 * The 说明 of a corpus report (tests/fixtures/regions/<id>-说明.txt, the published text as
 * extracted) checked against its transcribed tables and on its own: what the narrative check
 * finds is pinned against the human truth labels of the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/read-xlsx';
import { Finding } from '../src/core/findings';
import { analyzeNarrative } from '../src/core/narrative';
import { validateWorkbook } from '../src/core/validate';

const FIXTURES = path.join(__dirname, 'fixtures/regions');
const brief = (f: Finding) => `${f.severity} ${f.rule}: ${f.message}`;

describe('sh-putuo-eco-2025 说明 (上海市普陀区生态环境局 2025)', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'sh-putuo-eco-2025-说明.txt'), 'utf8');
  const tables = readWorkbook(path.join(FIXTURES, 'sh-putuo-eco-2025.xlsx')).then((wb) => validateWorkbook(wb).tables);

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
      expect(findings.filter((f) => /项目支出写为|项目支出预算数写为/.test(f.message)).map(brief)).toEqual([]);
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
    expect(a.findings.filter((f) => f.severity === 'warning' && /财政拨款收入支出总计/.test(f.message)).map(brief)).toEqual([]);
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
    expect(a.findings.filter((f) => f.severity === 'error').map(brief)).toEqual([]);
    const project = a.claims.flatMap((c) => (c.kind === 'amount' && /项目支出/.test(c.subject.id) ? [c.stated.value.toFixed(2)] : []));
    expect(project).toEqual(['400.00']);
  });

  test('the 项 stays the subject of its figures, in the same sentence and the next', () => {
    const a = analyzeNarrative(text, undefined);
    const items = a.claims.flatMap((c) => (c.kind === 'amount' && c.subject.id.startsWith('项:') ? [`${c.measure} ${c.stated.value.toFixed(2)}`] : []));
    expect(items).toEqual(['budget 420.80', 'actual 379.96', 'budget 215.00', 'actual 20.04']);
  });
});
