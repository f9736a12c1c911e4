import {
  ECONOMIC_CLASSES,
  FUNCTIONAL_CLASSES,
  allSubjects,
  childSubjects,
  codeLevel,
  functionalClassByName,
  lookupSubject,
  normalizeName,
  parentCode,
  subjectByName,
  subjectName,
  type CodeScheme,
} from '../src/core/codes';

/**
 * Every code (with the name printed next to it) that appears in the table rows of the seed
 * reports /work/shared/seeds/000, 004 — copied here so the test does not depend on the seeds
 * being on disk. 002 (绩效自评) has no coded rows.
 */
const SEED_FUNCTIONAL: Array<[string, string]> = [
  ['201', '一般公共服务支出'],
  ['20103', '政府办公厅(室)及相关机构事务'],
  ['2010350', '事业运行'],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出'],
  ['20137', '网信事务'],
  ['2013750', '事业运行'],
  ['2013799', '其他网信事务支出'],
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['2101199', '其他行政事业单位医疗支出'],
  ['213', '农林水支出'],
  ['21301', '农业农村'],
  ['2130104', '事业运行'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
  ['2210202', '提租补贴'],
];

const SEED_ECONOMIC: Array<[string, string]> = [
  ['301', '工资福利支出'],
  ['30101', '基本工资'],
  ['30102', '津贴补贴'],
  ['30103', '奖金'],
  ['30107', '绩效工资'],
  ['30108', '机关事业单位基本养老保险缴费'],
  ['30110', '职工基本医疗保险缴费'],
  ['30111', '公务员医疗补助缴费'],
  ['30112', '其他社会保障缴费'],
  ['30113', '住房公积金'],
  ['302', '商品和服务支出'],
  ['30201', '办公费'],
  ['30299', '其他商品和服务支出'],
  ['303', '对个人和家庭的补助'],
  ['30307', '医疗费补助'],
  ['30399', '其他对个人和家庭的补助'],
  ['310', '资本性支出'],
];

/**
 * Seed 000 公开06: the codes are OCR-truncated to 4 digits, the names are intact (one is cut
 * short by its cell). [truncated code, name as printed, expected code].
 */
const SEED_000_TABLE_06: Array<[string, string, string]> = [
  ['3010', '基本工资', '30101'],
  ['3010', '津贴补贴', '30102'],
  ['3010', '奖金', '30103'],
  ['3010', '伙食补助费', '30106'],
  ['3010', '绩效工资', '30107'],
  ['3010', '机关事业单位基本养老保险缴', '30108'],
  ['3010', '职业年金缴费', '30109'],
  ['3011', '职工基本医疗保险缴费', '30110'],
  ['3011', '公务员医疗补助缴费', '30111'],
  ['3011', '其他社会保障缴费', '30112'],
  ['3011', '住房公积金', '30113'],
  ['3011', '医疗费', '30114'],
  ['3019', '其他工资福利支出', '30199'],
  ['3030', '离休费', '30301'],
  ['3030', '退休费', '30302'],
  ['3030', '退职(役)费', '30303'],
  ['3030', '抚恤金', '30304'],
  ['3030', '生活补助', '30305'],
  ['3030', '救济费', '30306'],
  ['3030', '医疗费补助', '30307'],
  ['3030', '助学金', '30308'],
  ['3030', '奖励金', '30309'],
  ['3031', '个人农业生产补贴', '30310'],
  ['3031', '代缴社会保险费', '30311'],
  ['3039', '其他对个人和家庭的补助', '30399'],
  ['3020', '办公费', '30201'],
  ['3020', '印刷费', '30202'],
  ['3020', '咨询费', '30203'],
  ['3020', '手续费', '30204'],
  ['3020', '水费', '30205'],
  ['3020', '电费', '30206'],
  ['3020', '邮电费', '30207'],
  ['3020', '取暖费', '30208'],
  ['3020', '物业管理费', '30209'],
  ['3021', '差旅费', '30211'],
  ['3021', '因公出国(境)费用', '30212'],
  ['3021', '维修 (护) 费', '30213'],
  ['3021', '租赁费', '30214'],
  ['3021', '会议费', '30215'],
  ['3021', '培训费', '30216'],
  ['3021', '公务接待费', '30217'],
  ['3021', '专用材料费', '30218'],
  ['3022', '被装购置费', '30224'],
  ['3022', '专用燃料费', '30225'],
  ['3022', '劳务费', '30226'],
  ['3022', '委托业务费', '30227'],
  ['3022', '工会经费', '30228'],
  ['3022', '福利费', '30229'],
  ['3023', '公务用车运行维护费', '30231'],
  ['3023', '其他交通费用', '30239'],
  ['3024', '税金及附加费用', '30240'],
  ['3029', '其他商品和服务支出', '30299'],
  ['3100', '办公设备购置', '31002'],
  ['3100', '专用设备购置', '31003'],
  ['3100', '信息网络及软件购置更新', '31007'],
  ['3101', '公务用车购置', '31013'],
  ['3102', '无形资产购置', '31022'],
  ['3109', '其他资本性支出', '31099'],
];

/** The 26 expense lines (31–56) of seed 000 公开01, in order. */
const SEED_000_TABLE_01_CLASSES = [
  '一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出',
  '六、科学技术支出', '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、卫生健康支出',
  '十、节能环保支出', '十一、城乡社区支出', '十二、农林水支出', '十三、交通运输支出',
  '十四、资源勘探工业信息等支出', '十五、商业服务业等支出', '十六、金融支出', '十七、援助其他地区支出',
  '十八、自然资源海洋气象等支出', '十九、住房保障支出', '二十、粮油物资储备支出',
  '二十一、国有资本经营预算支出', '二十二、灾害防治及应急管理支出', '二十三、其他支出',
  '二十四、债务还本支出', '二十五、债务付息支出', '二十六、抗疫特别国债安排的支出',
];

describe('codeLevel', () => {
  test('functional lengths 3/5/7', () => {
    expect(codeLevel('201')).toBe('类');
    expect(codeLevel('20103')).toBe('款');
    expect(codeLevel('2010350')).toBe('项');
    expect(codeLevel('2010350', 'functional')).toBe('项');
  });

  test('economic lengths 3/5 only', () => {
    expect(codeLevel('301')).toBe('类');
    expect(codeLevel('30101', 'economic')).toBe('款');
    expect(codeLevel('3010101')).toBeUndefined();
    expect(codeLevel('3010101', 'economic')).toBeUndefined();
  });

  test('bad lengths and non-digits (OCR-broken seed codes among them)', () => {
    for (const bad of ['201035', '213010', '221020', '201375', '201379', '3010', '3011', 'abc', '', '20a03', '2010 350', '20']) {
      expect(codeLevel(bad)).toBeUndefined();
    }
    expect(codeLevel('201035', 'functional')).toBeUndefined();
  });

  test('tolerates surrounding whitespace from a cell', () => {
    expect(codeLevel(' 20103 ')).toBe('款');
  });
});

describe('parentCode', () => {
  test('walks 项 → 款 → 类', () => {
    expect(parentCode('2010350')).toBe('20103');
    expect(parentCode('20103')).toBe('201');
    expect(parentCode('30101')).toBe('301');
    expect(parentCode('201')).toBeUndefined();
    expect(parentCode('201035')).toBeUndefined();
    expect(parentCode('abcde')).toBeUndefined();
  });
});

describe('bundled data', () => {
  test.each<CodeScheme>(['functional', 'economic'])('%s: unique, well-formed codes whose parents are bundled', (scheme) => {
    const all = allSubjects(scheme);
    const codes = new Set<string>();
    for (const s of all) {
      expect(codeLevel(s.code, scheme)).toBe(s.level);
      expect(s.scheme).toBe(scheme);
      expect(s.name.trim()).toBe(s.name);
      expect(s.name.length).toBeGreaterThan(0);
      expect(codes.has(s.code)).toBe(false);
      codes.add(s.code);
      const p = parentCode(s.code);
      if (p !== undefined) expect(codes.has(p)).toBe(true); // parent listed before its children
    }
    expect(all[0].code.startsWith(scheme === 'functional' ? '2' : '3')).toBe(true);
  });

  test('all 类 of the functional scheme, in order', () => {
    expect(FUNCTIONAL_CLASSES.map((s) => s.code)).toEqual([
      '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215',
      '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234',
    ]);
    expect(subjectName('222')).toBe('粮油物资储备支出');
    expect(subjectName('223')).toBe('国有资本经营预算支出');
    expect(subjectName('224')).toBe('灾害防治及应急管理支出');
    expect(subjectName('227')).toBe('预备费');
    expect(subjectName('229')).toBe('其他支出');
    expect(subjectName('230')).toBe('转移性支出');
    expect(subjectName('231')).toBe('债务还本支出');
    expect(subjectName('232')).toBe('债务付息支出');
    expect(subjectName('233')).toBe('债务发行费用支出');
    expect(subjectName('234')).toBe('抗疫特别国债安排的支出');
  });

  test('economic 类', () => {
    expect(ECONOMIC_CLASSES.map((s) => s.code)).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
  });

  test('childSubjects follows the hierarchy', () => {
    expect(childSubjects('21011').map((s) => s.code)).toEqual(['2101101', '2101102', '2101103', '2101199']);
    expect(childSubjects('22102').map((s) => s.name)).toEqual(['住房公积金', '提租补贴', '购房补贴']);
    expect(childSubjects('301').length).toBe(13);
    expect(childSubjects('2010350')).toEqual([]);
  });
});

describe('lookupSubject / subjectName', () => {
  test.each(SEED_FUNCTIONAL)('seed functional %s %s', (code, name) => {
    const s = lookupSubject(code);
    expect(s).toBeDefined();
    expect(s?.scheme).toBe('functional');
    expect(normalizeName(s!.name)).toBe(normalizeName(name));
  });

  test.each(SEED_ECONOMIC)('seed economic %s %s', (code, name) => {
    const s = lookupSubject(code);
    expect(s?.scheme).toBe('economic');
    expect(subjectName(code, 'economic')).toBe(name);
  });

  test('the 三公 items that 公开09 is checked against', () => {
    expect(subjectName('30231')).toBe('公务用车运行维护费');
    expect(subjectName('30217')).toBe('公务接待费');
    expect(subjectName('30212')).toBe('因公出国（境）费用');
  });

  test('common 项 of retirement, medical and housing', () => {
    expect(subjectName('2080501')).toBe('行政单位离退休');
    expect(subjectName('2080502')).toBe('事业单位离退休');
    expect(subjectName('2080506')).toBe('机关事业单位职业年金缴费支出');
    expect(subjectName('2101101')).toBe('行政单位医疗');
    expect(subjectName('2210203')).toBe('购房补贴');
    expect(subjectName('2130104')).toBe('事业运行');
    expect(subjectName('2010301')).toBe('行政运行');
    expect(subjectName('2010302')).toBe('一般行政管理事务');
  });

  test('scheme is respected and unknown codes give undefined', () => {
    expect(lookupSubject('301', 'functional')).toBeUndefined();
    expect(lookupSubject('201', 'economic')).toBeUndefined();
    expect(lookupSubject('201035')).toBeUndefined();
    expect(lookupSubject('2019876')).toBeUndefined();
    expect(lookupSubject('')).toBeUndefined();
  });
});

describe('normalizeName', () => {
  test('NFKC, whitespace, brackets and ordinals', () => {
    expect(normalizeName('一般公共 服务支出')).toBe('一般公共服务支出');
    expect(normalizeName('政府办公厅（室）及相关机构事务')).toBe('政府办公厅(室)及相关机构事务');
    expect(normalizeName('十二、农林水支出')).toBe('农林水支出');
    expect(normalizeName('（一）基本工资')).toBe('基本工资');
    expect(normalizeName('1.基本工资')).toBe('基本工资');
    expect(normalizeName('1、基本工资')).toBe('基本工资');
    expect(normalizeName('①基本工资')).toBe('基本工资');
    expect(normalizeName('　维修 (护) 费 ')).toBe('维修(护)费');
  });

  test('leaves names that merely start like an ordinal alone', () => {
    expect(normalizeName('一般公共服务支出')).toBe('一般公共服务支出');
    expect(normalizeName('1.5')).toBe('1.5');
  });
});

describe('functionalClassByName', () => {
  test('every 公开01 expense line of seed 000, in order', () => {
    const codes = SEED_000_TABLE_01_CLASSES.map((n) => functionalClassByName(n)?.code);
    expect(codes).toEqual(FUNCTIONAL_CLASSES.map((s) => s.code).filter((c) => !['209', '227', '230', '233'].includes(c)));
  });

  test('OCR spaces, markers and brackets', () => {
    expect(functionalClassByName('一般公共服务支出')?.code).toBe('201');
    expect(functionalClassByName('一般公共 服务支出')?.code).toBe('201');
    expect(functionalClassByName('一 般 公 共 服 务 支 出')?.code).toBe('201');
    expect(functionalClassByName('住房保障支出（类）')?.code).toBe('221');
    expect(functionalClassByName('住房保障支出(221类)')?.code).toBe('221');
  });

  test('renamed 类 match by their old names', () => {
    expect(functionalClassByName('卫生健康支出')?.code).toBe('210');
    expect(functionalClassByName('医疗卫生与计划生育支出')?.code).toBe('210');
    expect(functionalClassByName('文化体育与传媒支出')?.code).toBe('207');
    expect(functionalClassByName('国土海洋气象等支出')?.code).toBe('220');
  });

  test('款 names and nonsense are not 类', () => {
    expect(functionalClassByName('网信事务')).toBeUndefined();
    expect(functionalClassByName('')).toBeUndefined();
  });
});

describe('subjectByName', () => {
  test('unique economic names', () => {
    expect(subjectByName('基本工资', 'economic')?.code).toBe('30101');
    expect(subjectByName('公务用车运行维护费', 'economic')?.code).toBe('30231');
    expect(subjectByName('因公出国(境)费用', 'economic')?.code).toBe('30212');
    expect(subjectByName('因公出国（境）费', 'economic')?.code).toBe('30212');
  });

  test.each(SEED_000_TABLE_06)('seed 000 公开06 row %s %s → %s', (truncated, name, code) => {
    expect(subjectByName(name, 'economic', truncated)?.code).toBe(code);
  });

  test('names shared across 类 need the parent', () => {
    expect(subjectByName('办公设备购置', 'economic')).toBeUndefined();
    expect(subjectByName('办公设备购置', 'economic', '310')?.code).toBe('31002');
    expect(subjectByName('办公设备购置', 'economic', '309')?.code).toBe('30902');
    expect(subjectByName('资本金注入', 'economic', '312')?.code).toBe('31201');
  });

  test('functional 项 names repeat under many 款', () => {
    expect(subjectByName('事业运行', 'functional')).toBeUndefined();
    expect(subjectByName('事业运行', 'functional', '20137')?.code).toBe('2013750');
    expect(subjectByName('事业运行', 'functional', '21301')?.code).toBe('2130104');
    expect(subjectByName('住房公积金', 'functional', '221')?.code).toBe('2210201');
    expect(subjectByName('其他网信事务支出', 'functional')?.code).toBe('2013799');
  });

  test('a 类 wins over a deeper subject of the same name', () => {
    expect(subjectByName('其他支出', 'functional')?.code).toBe('229');
    expect(subjectByName('其他支出', 'economic')?.code).toBe('399');
    expect(subjectByName('其他支出', 'economic', '399')?.code).toBe('39999');
  });

  test('too short or unknown names give undefined', () => {
    expect(subjectByName('其他', 'economic')).toBeUndefined();
    expect(subjectByName('不存在的科目名称', 'economic')).toBeUndefined();
    expect(subjectByName('', 'functional')).toBeUndefined();
  });
});
