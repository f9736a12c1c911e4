/** `budget eval`: the one-call formula reader and how results are printed. */
import { runEval } from '../src/cli/eval';

const out = (f: string): [number, string] => {
  const r = runEval(f);
  return [r.exitCode, r.output];
};

describe('values', () => {
  test('the contract example', () => {
    expect(out('=BUDGET.EXECRATE(2964.05,3001.01)')).toEqual([0, '0.9877']);
  });
  test('the leading = and the namespace case are optional / free', () => {
    expect(out('BUDGET.EXECRATE(2964.05,3001.01)')).toEqual([0, '0.9877']);
    expect(out('=budget.execrate(2964.05, 3001.01)')).toEqual([0, '0.9877']);
    expect(out('  =BUDGET.EXECRATE( 2964.05 , 3001.01 )  ')).toEqual([0, '0.9877']);
  });
  test('numbers: signs, exponents, percent', () => {
    expect(out('=BUDGET.AMOUNT(-12.5)')).toEqual([0, '-12.5']);
    expect(out('=BUDGET.AMOUNT(+12.5)')).toEqual([0, '12.5']);
    expect(out('=BUDGET.AMOUNT(--3)')).toEqual([0, '3']);
    expect(out('=BUDGET.AMOUNT(1.5E3)')).toEqual([0, '1500']);
    expect(out('=BUDGET.AMOUNT(.5)')).toEqual([0, '0.5']);
    expect(out('=BUDGET.QUALSCORE("达成",10,95%)')).toEqual([0, '9.5']);
    expect(out('=BUDGET.AMOUNT(123456789012)')).toEqual([0, '123456789012']);
  });
  test('strings with doubled quotes', () => {
    expect(out('=BUDGET.INDICATORSCORE("保障""民呼我应""中心正常运行","保障“民呼我应”中心正常运行",5,1)')).toEqual([0, '5']);
    expect(out('=BUDGET.AMOUNT("")')).toEqual([0, '0']);
  });
  test('booleans are values (and not amounts)', () => {
    expect(out('=BUDGET.AMOUNT(TRUE)')).toEqual([1, '#VALUE! 金额：逻辑值 TRUE 不是金额']);
  });
  test('empty arguments: optional left out, required blank', () => {
    expect(out('=BUDGET.EXECRATE(1,3,)')).toEqual([0, '0.3333']);
    expect(out('=BUDGET.EXECSCORE(2964.05,3001.01,,2)')).toEqual([0, '9.88']);
    expect(out('=BUDGET.EXECRATE(,3)')).toEqual([0, '0']);
    expect(out('=BUDGET.GRADE()')).toEqual([2, '公式无法解析：BUDGET.GRADE 至少需要1个参数（score）']);
    expect(out('=BUDGET.INDICATORSCORE("≥95%",,10)')).toEqual([1, '#N/A 实际完成值为空']);
  });
  test('array constants: columns by comma, rows by semicolon', () => {
    expect(out('=BUDGET.CHECK(10,{1,2,3;4,0,0})')).toEqual([0, '一致']);
    expect(out('=BUDGET.ROLLUP({"201";"20101"},{1;2},"201")')).toEqual([0, '2']);
    expect(out('=BUDGET.ROLLUP({201,20101},{1,2},201)')).toEqual([0, '2']);
    expect(out('=BUDGET.CHECK(0,{-1;1})')).toEqual([0, '一致']);
    expect(out('=BUDGET.CHECK(2,{TRUE})')).toEqual([1, '#VALUE! 第1个分项：逻辑值 TRUE 不是金额']);
  });
  test('a single value for a range parameter is a 1×1 range', () => {
    expect(out('=BUDGET.CHECK(10,10)')).toEqual([0, '一致']);
  });
  test('an array where one value is expected', () => {
    expect(out('=BUDGET.EXECRATE({1,2},3)')).toEqual([1, '#VALUE! 实际执行数应为单个单元格或数值，不能是区域']);
  });
  test('text results are printed as they are', () => {
    expect(out('=BUDGET.CHANGE(174.25,0)')).toEqual([0, '增加174.25万元，上年无此项支出']);
  });
});

describe('errors', () => {
  test('Excel errors: value and message, exit 1', () => {
    expect(out('=BUDGET.EXECRATE(2964.05,0)')).toEqual([1, '#DIV/0! 除数为零：预算数为0']);
  });
  test('unknown functions are #NAME?', () => {
    const [code, text] = out('=BUDGET.NOPE(1)');
    expect(code).toBe(1);
    expect(text).toMatch(/^#NAME\? 未知函数 BUDGET\.NOPE；可用的函数：BUDGET\.EXECRATE、/);
    expect(out('=SUM(1,2)')[1]).toMatch(/^#NAME\? 未知函数 SUM/);
    expect(out('=BUDGET.EXECRATE.X(1,2)')[1]).toMatch(/^#NAME\?/);
  });
  test.each([
    ['', '公式应以函数名开头'],
    ['=', '公式应以函数名开头'],
    ['=BUDGET.EXECRATE', '应为“(”'],
    ['=BUDGET.EXECRATE(1,2', '应为“)”'],
    ['=BUDGET.EXECRATE(1,2))', '多余内容'],
    ['=BUDGET.EXECRATE(1,2) + 1', '多余内容'],
    ['=BUDGET.AMOUNT("abc)', '缺少结尾的引号'],
    ['=BUDGET.EXECRATE(A1,B1)', '不支持引用或嵌套函数“A1”'],
    ['=BUDGET.EXECRATE(SUM(1),2)', '不支持引用或嵌套函数“SUM”'],
    ['=BUDGET.EXECRATE(1,2,3,4)', '最多有3个参数'],
    ['=BUDGET.EXECRATE(1)', '至少需要2个参数（actual, budget, [digits]）'],
    ['=BUDGET.CHECK(1,{1,2;3})', '各行的列数应相同'],
    ['=BUDGET.CHECK(1,{})', '缺少参数值'],
    ['=BUDGET.AMOUNT(-"x")', '正负号后应为数字'],
    ['=BUDGET.AMOUNT(1#)', '无法识别'],
  ])('%s cannot be read: exit 2', (formula, message) => {
    const [code, text] = out(formula);
    expect(code).toBe(2);
    expect(text).toMatch(/^公式无法解析：/);
    expect(text).toContain(message);
  });
  test('never evaluates JavaScript', () => {
    const [code] = out('=BUDGET.AMOUNT(process.exit(3))');
    expect(code).toBe(2);
  });
});
