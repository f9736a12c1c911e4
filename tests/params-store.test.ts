/**
 * The 说明 parameters saved in a workbook's custom XML part (src/core/params-store.ts): written
 * by the pane, read by the pane and the CLI. Round trip, what Excel may do to a part on saving,
 * hostile and broken parts, and the CLI's order: --params, then the part, then the 参数 sheet.
 */
import { readFileSync } from 'fs';
import { UserError } from '../src/cli/errors';
import { loadParams } from '../src/cli/narrative';
import { Workbook } from '../src/core/grid';
import { PARAMS_NAMESPACE, findParamsXml, flatParams, isParamsXml, nestParams, paramsFromWorkbook, paramsToXml, readParamsXml } from '../src/core/params-store';

const EXAMPLE = JSON.parse(readFileSync('examples/说明参数-样例.json', 'utf8')) as Record<string, unknown>;

function json(xml: string): unknown {
  const r = readParamsXml(xml);
  if ('problem' in r) throw new Error(r.problem);
  return r.json;
}

function problem(xml: string): string {
  const r = readParamsXml(xml);
  if (!('problem' in r)) throw new Error('expected a problem');
  return r.problem;
}

const wrap = (inner: string, attrs = `xmlns="${PARAMS_NAMESPACE}"`) => `<budgetParams ${attrs}>${inner}</budgetParams>`;

describe('round trip', () => {
  test('the example parameters survive paramsToXml → readParamsXml', () => {
    const xml = paramsToXml(EXAMPLE);
    expect(isParamsXml(xml)).toBe(true);
    expect(json(xml)).toEqual(EXAMPLE);
  });

  test('text that looks like markup, quotes, ampersands, ]]> and control characters is escaped', () => {
    const nasty = { 单位名称: '<img src=x onerror=alert(1)> & "A"\'B\' ]]> </budgetParams>', 原因: { 收入: 'a\u0001b\u0000c\ud800' } };
    const xml = paramsToXml(nasty);
    expect(xml).not.toContain('<img');
    expect(xml.match(/<\/budgetParams>/g)).toHaveLength(1);
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(json(xml)).toEqual(nasty);
  });

  test('flat ↔ nested: list indices become arrays, codes stay keys, blanks are dropped', () => {
    const flat = { 单位名称: '某中心', '上年.收支总计': '0', '年初预算.科目.2010350': '12.5', '重点项目.1.名称': '甲', '重点项目.2.名称': '乙', '原因.收入': ' ' };
    const nested = nestParams(flat);
    expect(nested).toEqual({ 单位名称: '某中心', 上年: { 收支总计: '0' }, 年初预算: { 科目: { '2010350': '12.5' } }, 重点项目: [{ 名称: '甲' }, { 名称: '乙' }] });
    const { '原因.收入': _blank, ...kept } = flat;
    expect(flatParams(nested)).toEqual(kept);
    expect(flatParams(EXAMPLE)['年度']).toBe('2024');
  });
});

describe('what Excel may do to a saved part', () => {
  test('a declaration, a prefix, CDATA, entity and character references, comments', () => {
    expect(json(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${wrap('{&quot;单位名称&quot;:&#x4e2d;&#24515;"}'.replace('&#x4e2d;', '"&#x4e2d;'))}`)).toEqual({ 单位名称: '中心' });
    expect(json(`<p:budgetParams xmlns:p="${PARAMS_NAMESPACE}"><![CDATA[{"年度": 2024}]]><!-- saved --></p:budgetParams>`)).toEqual({ 年度: 2024 });
    expect(json(`<budgetParams xmlns='${PARAMS_NAMESPACE}'/>`)).toEqual({});
    expect(json(wrap('  \n '))).toEqual({});
  });

  test('found among other parts; parts of other add-ins or another version are not ours', () => {
    const other = '<?xml version="1.0"?><ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>';
    const v2 = wrap('{}', 'xmlns="urn:budget-addin:params:2"');
    const ours = paramsToXml({ 年度: 2023 });
    expect(findParamsXml([other, v2, ours])).toBe(ours);
    expect(findParamsXml([other, v2])).toBeUndefined();
    expect(findParamsXml(undefined)).toBeUndefined();
    expect(isParamsXml('<budgetParams>{}</budgetParams>')).toBe(false);
  });
});

describe('broken or hostile parts give a clear reason, never an exception', () => {
  test.each([
    [wrap('{"年度": 2024'), /JSON 无法解析/],
    [`<!DOCTYPE x [<!ENTITY a "b">]>${wrap('{}')}`, /DOCTYPE/],
    [wrap('&foo;'), /字符引用/],
    [wrap('{"a": "x & y"}'), /字符引用/],
    [wrap('&#x110000;'), /字符引用/],
    [wrap('<x/>'), /子元素/],
    [`<budgetParams xmlns="${PARAMS_NAMESPACE}">{}`, /结束标记/],
    [`${wrap('{}')}<more/>`, /之后还有内容/],
    ['<other/>', /不是说明参数/],
    [wrap('{}'.padEnd(3 * 1024 * 1024, ' ')), /过大/],
  ])('%#', (xml, why) => {
    expect(problem(xml)).toMatch(why);
  });
});

describe('the workbook carries the parameters (pane → CLI)', () => {
  const sheet = { name: '参数', rows: [[{ value: '年度' }, { value: 2022 }]] };
  const wb = (customXml?: string[], sheets = [sheet]): Workbook => ({ name: '决算.xlsx', sheets, customXml });

  test('the part wins over the 参数 sheet; the sheet is used without it; neither gives none', () => {
    expect(paramsFromWorkbook(wb([paramsToXml({ 年度: 2024 })]))?.params.num('年度')).toBe(2024);
    expect(paramsFromWorkbook(wb([]))?.params.num('年度')).toBe(2022);
    expect(paramsFromWorkbook(wb(undefined, []))).toBeUndefined();
  });

  test('CLI loadParams: --params first, then the part, then the sheet', () => {
    expect(loadParams('examples/说明参数-样例.json', wb([paramsToXml({ 年度: 2021 })])).num('年度')).toBe(2024);
    expect(loadParams(undefined, wb([paramsToXml(EXAMPLE)])).text('单位名称')).toBe('武汉市蔡甸区城市运行管理中心');
    expect(loadParams(undefined, wb([])).num('年度')).toBe(2022);
  });

  test('CLI: a broken or wrong part is one clear UserError naming the workbook', () => {
    const bad = (xml: string): string => {
      try {
        loadParams(undefined, wb([xml]));
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as UserError).userMessage;
      }
      throw new Error('expected a UserError');
    };
    expect(bad(wrap('{"年度": '))).toMatch(/^工作簿 决算\.xlsx 中保存的说明参数 有 1 处问题：无法读取：其中的 JSON 无法解析/);
    expect(bad(paramsToXml({ 收支总记: '1' }))).toMatch(/未知参数“收支总记”/);
  });
});
