/**
 * Seed 000 (2024 部门决算, 武汉市蔡甸区城市运行管理中心), end to end on the real fixture:
 * - fidelity: the 说明 generated from the published tables and the params built from the
 *   published text (examples/说明参数-样例.json) states every figure the published 说明 states in
 *   sections 一–九, at the same value — except where the published text is itself wrong;
 * - check: the published 说明 against the published tables reports exactly its real
 *   inconsistencies and nothing about its consistent figures;
 * - the generated 说明 checks clean against the same tables.
 */
import { readFileSync } from 'fs';
import { readWorkbook } from '../src/cli/read-xlsx';
import { TableSet } from '../src/core/model';
import { D } from '../src/core/money';
import { recognizeWorkbook } from '../src/core/recognize';
import { NarrativeParams, analyzeNarrative, generateNarrative, paramsFromJson, renderText } from '../src/core/narrative';
import { substantive } from './narrative-tables';

const SEED_TEXT = readFileSync('tests/fixtures/narrative/seed000-说明.txt', 'utf8');
let tables: TableSet;
let params: NarrativeParams;
let generated: string;

beforeAll(async () => {
  const wb = await readWorkbook('tests/fixtures/决算-公开版.xlsx');
  tables = new TableSet(recognizeWorkbook(wb).tables);
  const r = paramsFromJson(JSON.parse(readFileSync('examples/说明参数-样例.json', 'utf8')));
  expect(r.problems).toEqual([]);
  params = r.params;
  generated = renderText(generateNarrative(tables, params));
});

/** The text of one section 一 … 十三 of the generated 说明. */
function section(n: string): string {
  const lines = generated.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${n}、`));
  const end = lines.findIndex((l, i) => i > start && (/^[一二三四五六七八九十]{1,3}、/.test(l) || l === '名词解释'));
  return lines.slice(start + 1, end).join('\n');
}

/**
 * Every figure of the published 说明 (sections 一–十三), and what the generated one says of it:
 * - `same`: the pattern captures the same value (from the tables or the params of examples/);
 * - `words`: a zero the generated text says in words (本年度未安排预算，也未发生支出);
 * - `corrected`: the published figure is wrong; the pattern captures what the tables give;
 * - `no-input`: no table or parameter gives it (the text repeats itself, or a figure no input holds).
 */
type Fidelity = 'same' | 'words' | 'corrected' | 'no-input';
const FIGURES: [string, string, Fidelity, RegExp | null, string][] = [
  // 一 收入支出决算总体情况
  ['一', '收、支总计均为174.25万元', 'same', /收、支总计均为([\d.]+)万元/, '174.25'],
  ['一', '收、支总计增加174.25万元', 'same', /收、支总计各增加([\d.]+)万元/, '174.25'],
  ['一', '增长100.00%（上年为0，不是增长率）', 'corrected', /各增加[\d.]+万元（(2023)年度无此项收支）/, '2023'],
  // 二 收入决算
  ['二', '收入合计174.25万元', 'same', /收入合计([\d.]+)万元/, '174.25'],
  ['二', '收入合计增加174.25万元', 'same', /收入合计增加([\d.]+)万元/, '174.25'],
  ['二', '增长100%（上年为0）', 'corrected', /收入合计增加[\d.]+万元（(2023)年度无此项收入）/, '2023'],
  ['二', '财政拨款收入174.25万元', 'same', /财政拨款收入([\d.]+)万元/, '174.25'],
  ['二', '占本年收入100.0%', 'same', /财政拨款收入[\d.]+万元，占本年收入的([\d.]+)%/, '100.0'],
  // 三 支出决算
  ['三', '支出合计174.25万元', 'same', /支出合计([\d.]+)万元/, '174.25'],
  ['三', '支出合计增加174.25万元', 'same', /支出合计增加([\d.]+)万元/, '174.25'],
  ['三', '增长100%（上年为0）', 'corrected', /支出合计增加[\d.]+万元（(2023)年度无此项支出）/, '2023'],
  ['三', '基本支出61.11万元', 'same', /基本支出([\d.]+)万元/, '61.11'],
  ['三', '基本支出占本年支出35.1%', 'same', /基本支出[\d.]+万元，占本年支出的([\d.]+)%/, '35.1'],
  ['三', '项目支出113.14万元', 'same', /项目支出([\d.]+)万元/, '113.14'],
  ['三', '项目支出占本年支出64.9%', 'same', /项目支出[\d.]+万元，占本年支出的([\d.]+)%/, '64.9'],
  // 四 财政拨款收入支出决算总体情况
  ['四', '财政拨款收、支总计均为174.25万元', 'same', /财政拨款收、支总计均为([\d.]+)万元/, '174.25'],
  ['四', '财政拨款收、支总计各增加174.25万元', 'same', /财政拨款收、支总计各增加([\d.]+)万元/, '174.25'],
  ['四', '增长100%（上年为0）', 'corrected', /收、支总计各增加[\d.]+万元（(2023)年度无此项收支）/, '2023'],
  ['四', '一般公共预算财政拨款收入174.25万元', 'same', /一般公共预算财政拨款收入([\d.]+)万元/, '174.25'],
  ['四', '一般公共预算财政拨款收入增加174.25万元', 'same', /一般公共预算财政拨款收入增加([\d.]+)万元/, '174.25'],
  // 五（一）
  ['五', '一般公共预算财政拨款支出174.25万元', 'same', /一般公共预算财政拨款支出([\d.]+)万元，占本年支出合计/, '174.25'],
  ['五', '占本年支出合计的100.0%', 'same', /占本年支出合计的([\d.]+)%/, '100.0'],
  ['五', '一般公共预算财政拨款支出增加174.25万元', 'same', /一般公共预算财政拨款支出增加([\d.]+)万元/, '174.25'],
  ['五', '增长100%（上年为0）', 'corrected', /一般公共预算财政拨款支出增加[\d.]+万元（(2023)年度无此项支出）/, '2023'],
  // 五（二）
  ['五', '主要用于以下方面：174.25万元', 'same', /一般公共预算财政拨款支出([\d.]+)万元，主要用于以下方面/, '174.25'],
  ['五', '一般公共服务支出类支出170.51万元', 'same', /一般公共服务支出（类）([\d.]+)万元/, '170.51'],
  // 170.51 / 174.25 = 97.854 %: 97.86 is 170.52 (the 公开01 line) over 174.25, within 尾差 only
  ['五', '占97.86%（应为97.85%）', 'corrected', /一般公共服务支出（类）[\d.]+万元，占([\d.]+)%/, '97.85'],
  ...(
    [
      ['基本工资', '13.84'], ['绩效工资', '22.45'], ['基本养老保险缴费', '6.4'], ['职业年金缴费', '3.2'], ['基本医疗保险缴费', '2.15'],
      ['其他社会保障缴费', '2.1'], ['住房公积金', '5.9'], ['办公费', '1.85'], ['电费', '2'], ['邮电费', '0.2'], ['劳务费', '83.83'],
      ['委托业务费', '18'], ['福利费', '5.18'], ['其他商品和服务支出', '2.21'], ['办公设备购置', '1.2'],
    ] as const
  ).map(([n, v]): [string, string, Fidelity, RegExp, string] => ['五', `（201类主要用于）${n}${v}万元`, 'same', new RegExp(`、?${n}([\\d.]+)万元`), v]),
  ['五', '农林水支出类支出2.76万元', 'same', /农林水支出（类）([\d.]+)万元/, '2.76'],
  ['五', '农林水占1.58%', 'same', /农林水支出（类）[\d.]+万元，占([\d.]+)%/, '1.58'],
  ['五', '公务用车运行维护费用2.76万元', 'same', /公务用车运行维护费用([\d.]+)万元/, '2.76'],
  ['五', '住房保障支出类支出0.97万元', 'same', /住房保障支出（类）([\d.]+)万元/, '0.97'],
  ['五', '住房保障占0.56%', 'same', /住房保障支出（类）[\d.]+万元，占([\d.]+)%/, '0.56'],
  // 五（三）
  ['五', '年初预算为0.00万元', 'same', /一般公共预算财政拨款支出年初预算为([\d.]+)万元/, '0.00'],
  ['五', '支出决算为174.25万元', 'same', /一般公共预算财政拨款支出年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '174.25'],
  ['五', '其中：基本支出61.11万元', 'same', /其中：基本支出([\d.]+)万元，项目支出/, '61.11'],
  ['五', '项目支出113.14万元', 'same', /其中：基本支出[\d.]+万元，项目支出([\d.]+)万元/, '113.14'],
  ['五', '市民热线维护费用19.97万元', 'same', /市民热线维护费用([\d.]+)万元/, '19.97'],
  ['五', '“民呼我应”项目经费83.83万元', 'same', /“民呼我应”项目经费([\d.]+)万元/, '83.83'],
  ['五', '城运中心开办经费9.34万元', 'same', /城运中心开办经费([\d.]+)万元/, '9.34'],
  ['五', '(1) 政府办公厅(室)…事业运行 年初预算-0-', 'same', /相关机构事务（款）事业运行（项）：年初预算为([\d.]+)万元/, '0'],
  ['五', '(1) 政府办公厅(室)…事业运行 支出决算1.11', 'same', /相关机构事务（款）事业运行（项）：年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '1.11'],
  ['五', '(2) 网信事务 事业运行 年初预算-0-', 'same', /网信事务（款）事业运行（项）：年初预算为([\d.]+)万元/, '0'],
  ['五', '(2) 网信事务 事业运行 支出决算56.26', 'same', /网信事务（款）事业运行（项）：年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '56.26'],
  ['五', '(3) 其他网信事务支出 年初预算-0-', 'same', /其他网信事务支出（项）：年初预算为([\d.]+)万元/, '0'],
  ['五', '(3) 其他网信事务支出 支出决算113.14', 'same', /其他网信事务支出（项）：年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '113.14'],
  ['五', '农业农村 事业运行 年初预算-0-', 'same', /农业农村（款）事业运行（项）：年初预算为([\d.]+)万元/, '0'],
  ['五', '农业农村 事业运行 支出决算2.76', 'same', /农业农村（款）事业运行（项）：年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '2.76'],
  ['五', '住房公积金 年初预算--0--', 'same', /住房公积金（项）：年初预算为([\d.]+)万元/, '0'],
  ['五', '住房公积金 支出决算0.97', 'same', /住房公积金（项）：年初预算为[\d.]+万元，支出决算为([\d.]+)万元/, '0.97'],
  // 六
  ['六', '基本支出61.11万元', 'same', /基本支出([\d.]+)万元，其中/, '61.11'],
  ['六', '人员经费57.04万元', 'same', /人员经费([\d.]+)万元/, '57.04'],
  ['六', '公用经费4.07万元', 'same', /公用经费([\d.]+)万元/, '4.07'],
  // 九（一）
  ['九', '全年预算为0万元（公开09栏1为2.76）', 'corrected', /“三公”经费财政拨款支出全年预算为([\d.]+)万元/, '2.76'],
  ['九', '支出决算为2.76万元', 'same', /“三公”经费财政拨款支出全年预算为[\d.]+万元，支出决算为([\d.]+)万元/, '2.76'],
  ['九', '本年度增加2.76万元', 'same', /“三公”经费财政拨款支出增加([\d.]+)万元/, '2.76'],
  ['九', '增长100%（上年为0）', 'corrected', /“三公”经费财政拨款支出增加[\d.]+万元（(2023)年度无此项支出）/, '2023'],
  // 九（二）1 因公出国（境）费: nothing budgeted or spent, said in one sentence
  ...['全年预算为0.00万元', '支出决算为0.00万元', '出国(境)团组0个', '累计0人次'].map(
    (x): [string, string, Fidelity, RegExp, string] => ['九', `因公出国(境)费${x}`, 'words', /1\. 因公出国（境）费：本年度未安排预算，也未发生支出/, ''],
  ),
  ['九', '因公出国(境)费完成全年预算的0.00%（0 of 0，不是完成率）', 'corrected', /1\. 因公出国（境）费：本年度(未安排预算)/, '未安排预算'],
  // 九（二）2 公务用车购置及运行维护费
  ['九', '公务用车全年预算为0万元（公开09栏3为2.76）', 'corrected', /公务用车购置及运行维护费全年预算为([\d.]+)万元/, '2.76'],
  ['九', '公务用车支出决算为2.76万元', 'same', /公务用车购置及运行维护费全年预算为[\d.]+万元，支出决算为([\d.]+)万元/, '2.76'],
  ['九', '完成全年预算的100.0%', 'same', /公务用车购置及运行维护费全年预算为[\d.]+万元，支出决算为[\d.]+万元，完成全年预算的([\d.]+)%/, '100.0'],
  ['九', '较上年增加2.76万元', 'same', /公务用车购置及运行维护费增加([\d.]+)万元/, '2.76'],
  ['九', '增长100%（上年为0）', 'corrected', /公务用车购置及运行维护费增加[\d.]+万元（(2023)年度无此项支出）/, '2023'],
  ['九', '公务用车购置费支出0.00万元', 'same', /公务用车购置费支出([\d.]+)万元/, '0.00'],
  ['九', '购置(更新)公务用车0辆', 'same', /购置（更新）公务用车(\d+)辆/, '0'],
  ['九', '公务用车运行费支出2.76万元', 'same', /公务用车运行维护费支出([\d.]+)万元/, '2.76'],
  ['九', '公务用车保有量为1辆', 'same', /保有量为(\d+)辆/, '1'],
  // 九（二）3 公务接待费: nothing budgeted or spent
  ...['全年预算为0.00万元', '支出决算为0.00万元', '外宾接待支出0.00万元', '接待来访团组0个', '0人次', '国内公务接待支出0.00万元', '接待国内来访团组0个', '国内0人次'].map(
    (x): [string, string, Fidelity, RegExp, string] => ['九', `公务接待费${x}`, 'words', /3\. 公务接待费：本年度未安排预算，也未发生支出/, ''],
  ),
  ['九', '公务接待费完成全年预算的0.00%（0 of 0，不是完成率）', 'corrected', /3\. 公务接待费：本年度(未安排预算)/, '未安排预算'],
  // 十 机关运行经费
  ['十', '机关运行经费支出0.00万元', 'same', /机关运行经费支出([\d.]+)万元/, '0.00'],
  // 十一 政府采购
  ['十一', '政府采购支出总额45.14万元', 'same', /政府采购支出总额([\d.]+)万元/, '45.14'],
  ['十一', '政府采购货物支出0.00万元', 'same', /政府采购货物支出([\d.]+)万元/, '0.00'],
  ['十一', '政府采购工程支出0.00万元', 'same', /政府采购工程支出([\d.]+)万元/, '0.00'],
  ['十一', '政府采购服务支出45.14万元', 'same', /政府采购服务支出([\d.]+)万元/, '45.14'],
  ['十一', '授予中小企业合同金额45.14万元', 'same', /授予中小企业合同金额([\d.]+)万元/, '45.14'],
  ['十一', '占政府采购支出总额的100.0%', 'same', /占政府采购支出总额的([\d.]+)%/, '100.0'],
  ['十一', '授予小微企业合同金额44.78万元', 'same', /授予小微企业合同金额([\d.]+)万元/, '44.78'],
  ['十一', '占授予中小企业合同金额的99.2%', 'same', /占授予中小企业合同金额的([\d.]+)%/, '99.2'],
  ['十一', '货物采购授予中小企业合同金额占货物支出金额的_0%（以“_”留空的模板位）', 'no-input', null, ''],
  ['十一', '工程采购授予中小企业合同金额占工程支出金额的_0%', 'no-input', null, ''],
  ['十一', '服务采购授予中小企业合同金额占服务支出金额的_0%', 'no-input', null, ''],
  // 十二 国有资产
  ['十二', '共有车辆1辆', 'same', /共有车辆(\d+)辆/, '1'],
  ...['主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车'].map(
    (k): [string, string, Fidelity, RegExp, string] => ['十二', `${k}0辆`, 'same', new RegExp(`${k}(\\d+)辆`), '0'],
  ),
  ['十二', '副省级及以上领导干部用车0辆', 'same', /副部（省）级及以上领导用车(\d+)辆/, '0'],
  ['十二', '其他用车1辆', 'same', /其他用车(\d+)辆/, '1'],
  ['十二', '单位价值100万元以上设备0台(套)', 'same', /单位价值100万元以上设备(\d+)台/, '0'],
  // 十三 预算绩效
  ['十三', '共涉及项目2个', 'same', /共涉及项目(\d+)个/, '2'],
  ['十三', '资金103.80万元', 'same', /共涉及项目\d+个，资金([\d.]+)万元/, '103.80'],
  ['十三', '占一般公共预算项目支出总额的91.7%', 'same', /占一般公共预算项目支出总额的([\d.]+)%/, '91.7'],
  ['十三', '（重复一遍）共涉及项目2个', 'no-input', null, ''],
  ['十三', '（重复一遍）资金103.80万元', 'no-input', null, ''],
  ['十三', '部门整体自评：资金103.80万元', 'same', /开展整体支出绩效自评，资金([\d.]+)万元/, '103.80'],
  ['十三', '共涉及_2_个一级项目（模板位）', 'no-input', null, ''],
  ['十三', '“民呼我应”项目全年预算数为_0万元', 'same', /“民呼我应”项目绩效自评综述：项目全年预算数为([\d.]+)万元/, '0'],
  ['十三', '“民呼我应”执行数为83.83万元', 'same', /“民呼我应”项目绩效自评综述：项目全年预算数为[\d.]+万元，执行数为([\d.]+)万元/, '83.83'],
  ['十三', '“民呼我应”划转经费84万元', 'same', /划转经费金额为(\d+)万元/, '84'],
  ['十三', '市民热线维护项目全年预算数为_0万元', 'same', /市民热线维护项目绩效自评综述：项目全年预算数为([\d.]+)万元/, '0'],
  ['十三', '市民热线维护执行数为19.97万元', 'same', /市民热线维护项目绩效自评综述：项目全年预算数为[\d.]+万元，执行数为([\d.]+)万元/, '19.97'],
  ['十三', '市民热线维护划转经费20万元', 'same', /项目从大数据中心划转过来，划转经费金额为(\d+)万元/, '20'],
];

describe('seed 000: fidelity of the generated 说明 (sections 一–十三)', () => {
  test('lists every figure of the published 说明 and prints the share reproduced', () => {
    expect(FIGURES.length).toBeGreaterThanOrEqual(120);
    const count = (f: Fidelity) => FIGURES.filter((x) => x[2] === f).length;
    const reproduced = count('same') + count('words');
    const rest = FIGURES.filter((x) => x[2] === 'corrected' || x[2] === 'no-input').map((x) => `  ${x[0]} ${x[1]}：${x[2] === 'corrected' ? '原文错误，生成文字按表格更正' : '没有表格或参数给出'}`);
    console.log(
      `seed 000 说明数字复现：共 ${FIGURES.length} 个，复现 ${reproduced} 个（${((100 * reproduced) / FIGURES.length).toFixed(1)}%；其中 ${count('words')} 个零值以文字写出），` +
        `其余 ${rest.length} 个：\n${rest.join('\n')}`,
    );
    // every figure the tables and params determine is reproduced: the rest are published errors or no input's
    expect(reproduced + count('corrected') + count('no-input')).toBe(FIGURES.length);
  });

  test.each(FIGURES.filter((x) => x[3]))('%s %s (%s)', (n, _published, _kind, re, value) => {
    const m = re!.exec(section(n));
    expect(m).not.toBeNull();
    if (value && /^[\d.]+$/.test(value)) expect(new D(m![1]).eq(new D(value))).toBe(true);
    else if (value) expect(m![1]).toBe(value);
  });

  test('where the published text is wrong, the generated one is right', () => {
    // no growth rate over a zero base, anywhere
    expect(generated).not.toMatch(/增长100(\.0+)?%/);
    // 三公: budget from 公开09, equal to the actual, so no “高于预算数”
    expect(section('九')).not.toContain('高于预算数');
    // a 0-of-0 completion rate is not stated
    expect(section('九')).not.toMatch(/完成全年预算的0(\.0+)?%/);
    // whole percentages without decimals, no dangling 其中 after a reason, no repeated words
    expect(generated).not.toMatch(/\d\.0+%/);
    expect(generated).not.toMatch(/原因是[^。]*。其中/);
    expect(generated).not.toMatch(/(项目){2}|(支出){2}|(经费){2}|(费用){2}/);
  });
});

describe('seed 000: 名词解释', () => {
  test('every standard term of the published 名词解释 is explained, and the 项 used are listed', () => {
    const published = readFileSync('tests/fixtures/narrative/seed000-名词解释.txt', 'utf8');
    const terms = [...published.matchAll(/[(（][一二三四五六七八九十]+[)）]\s*([^:：\n]+?)\s*[:：]/g)]
      .map((m) => m[1].replace(/\s+/g, '').replace(/"/g, '”').replace(/^”/, '“').replace(/\(/g, '（').replace(/\)/g, '）'));
    expect(terms.length).toBeGreaterThanOrEqual(15);
    const glossary = generated.slice(generated.indexOf('\n名词解释\n'));
    for (const term of terms) expect(glossary).toContain(term);
    expect(glossary).toContain('（十一）本部门使用的支出功能分类科目（到项级）：');
    expect(glossary).toContain('1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）：反映事业单位的基本支出');
    expect(glossary).toContain('指区级财政一般公共预算当年拨付的资金。');
  });
});

describe('seed 000: the published 说明 against the published tables', () => {
  /** The real inconsistencies of the published text, by line of tests/fixtures/narrative/seed000-说明.txt. */
  const EXPECTED = [
    'error 说明.增减率 5', // 一 增长100.00% over a zero 2023 base
    'error 说明.增减率 14', // 二 增长100%
    'error 说明.增减率 23', // 三 增长100%
    'error 说明.增减率 32', // 四 增长100%
    'error 说明.增减率 44', // 五（一） 增长100%
    'rounding 说明.占比 50', // 五（二） 97.86% for 170.51/174.25 = 97.85% (within 尾差)
    'warning 说明.经济科目 80', // 六 人员经费 lists 津贴补贴, 0 in 公开06 (its own paragraph after “其中：”)
    'warning 说明.经济科目 82', // 六 公用经费 lists 咨询费, 电费, 差旅费, 公务接待费, 工会经费, 福利费, 办公设备购置: 0 in 公开06
    'error 说明.预算数 98', // 九（一） 全年预算为0万元, 公开09 栏1 = 2.76
    'error 说明.增减率 98', // 九（一） 增长100%
    'error 说明.预算比较 98', // 九（一） 决算数高于预算数, but 2.76 = 2.76
    'error 说明.预算数 104', // 九（二）2 公务用车 全年预算为0万元, 公开09 栏3 = 2.76
    'error 说明.增减率 104', // 九（二）2 增长100%
    'warning 说明.未核对 50', // 五（二） economic items inside the 201 class (基本工资…): no table splits a 类 by them
    'warning 说明.未核对 54', // 五（二） 公务用车运行维护费用 inside the 213 class: likewise
  ];
  /** Without params nothing names the projects of 五（三） and 十三（三）: their figures are listed, not checked. */
  const UNPLACED_WITHOUT_PARAMS = ['warning 说明.未核对 61', 'warning 说明.未核对 147', 'warning 说明.未核对 155'];

  const summary = (p?: NarrativeParams) =>
    analyzeNarrative(SEED_TEXT, tables, p)
      .findings.map((f) => `${f.severity} ${f.rule} ${/说明第(\d+)行/.exec(f.message)?.[1]}`)
      .sort();

  test('with the params built from the text: exactly its real inconsistencies', () => {
    expect(summary(params)).toEqual([...EXPECTED].sort());
  });

  test('without params: the same (a zero base is implied by 增加额 = 本年数), the unnamed projects listed', () => {
    expect(summary()).toEqual([...EXPECTED, ...UNPLACED_WITHOUT_PARAMS].sort());
  });

  test('no false alarm: the stated table figures were recognised and agree', () => {
    const a = analyzeNarrative(SEED_TEXT, tables, params);
    const actuals = a.claims.filter((c) => c.kind === 'amount' && c.measure === 'actual');
    const shares = a.claims.filter((c) => c.kind === 'share');
    const rates = a.claims.filter((c) => c.kind === 'rate');
    const budgets = a.claims.filter((c) => c.kind === 'amount' && c.measure === 'budget');
    expect(actuals.length).toBeGreaterThanOrEqual(30);
    expect(budgets.length).toBeGreaterThanOrEqual(8);
    expect(shares.length).toBe(13); // 二 100.0; 三 35.1, 64.9; 五（一）100.0; 五（二）97.86, 1.58, 0.56; 十一 100.0, 99.2, _0 ×3; 十三 91.7
    expect(rates.length).toBeGreaterThanOrEqual(3);
    // none of the 38 stated amounts disagrees with its cell, and only one share is off (by 尾差)
    expect(a.findings.filter((f) => f.rule === '说明.金额')).toEqual([]);
    expect(a.findings.filter((f) => f.rule === '说明.占比' || f.rule === '说明.完成率').map((f) => f.severity)).toEqual(['rounding']);
  });

  test('the findings name the cells of the tables', () => {
    const a = analyzeNarrative(SEED_TEXT, tables, params);
    const budget = a.findings.find((f) => f.rule === '说明.预算数')!;
    expect(budget.sheet).toBe('公开09表');
    expect(budget.cells.length).toBe(1);
    expect(budget.message).toContain('全年预算为 0 万元');
    expect(budget.message).toContain('公开09表 合计 预算数');
    expect(budget.expected).toBe('2.76');
    expect(budget.actual).toBe('0');
  });
});

describe('seed 000: the generated 说明 against its own tables', () => {
  test('checks clean, although the published tables carry 尾差 (only the figures of the user’s own free text are listed)', () => {
    const f = analyzeNarrative(generated, tables, params).findings;
    expect(substantive(f)).toEqual([]);
    for (const x of f) expect(x.message).toMatch(/主要用于基本工资|主要用于公务用车运行维护费用|划转经费金额/);
  });

  test('also against the clean and the 元 versions of the tables', async () => {
    for (const f of ['决算-清洁版.xlsx', '决算-元-清洁版.xlsx']) {
      const t = new TableSet(recognizeWorkbook(await readWorkbook(`tests/fixtures/${f}`)).tables);
      const text = renderText(generateNarrative(t, params));
      expect(substantive(analyzeNarrative(text, t, params).findings)).toEqual([]);
    }
  });
});
