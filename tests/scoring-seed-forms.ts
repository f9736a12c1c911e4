/**
 * The 绩效自评 forms of the seeds, transcribed for table-driven tests of the BUDGET functions
 * (tests/scoring-seeds.test.ts). Every row points at its line in the seed:
 *   002 = /work/shared/seeds/002_eaf4141dbdc6d1af.txt (2025 区城运中心: 8 project forms, the
 *         汇总表, the 部门整体 form)
 *   000 = /work/shared/seeds/000_07751d8f3a00d93a.txt (its 附件: 2024 部门整体 form and the
 *         市民热线维护费用 project form; the 民呼我应 result text)
 *
 * What the forms do not print, and how it is filled in here:
 * - Per-indicator weights. Only the 一级 weights are printed (成本 20, 产出 20…). Where every
 *   indicator of a level is met, its printed score is its weight; elsewhere the weights are
 *   split evenly (noted per row). The test checks that the weights add up to the level's.
 * - Where a level prints one merged score for several indicators (党建 产出 "20"), the rows
 *   have `published: null` and the level's `published` carries the figure.
 * - Qualitative indicators: the office chooses a point inside the band (§7). `fraction` is
 *   that choice (published ÷ weight) when it is not the middle of the band.
 *
 * Published figures are kept as the text printed, so their precision is known (`16.8` has one
 * decimal and stands for [16.75, 16.85]).
 *
 * Verdicts of a published figure against what the rules give:
 *   ok       — the same figure;
 *   rounding — differs by what rounding explains (尾差: whole-point scores, truncation);
 *   error    — cannot be explained by rounding (错误). Each has a `note` saying why.
 */

export type Verdict = 'ok' | 'rounding' | 'error';

export interface ExecRow {
  /** Seed and line. */
  ref: string;
  /** 年初预算数 A and 年中追加/调减 B as printed ('' when blank). */
  a: string;
  b: string;
  /** 小计 C, 实际执行数 D. */
  c: string;
  d: string;
  weight: number;
  /** 执行率 as printed (`84%`, `99. 86` in 000 without the % sign). */
  printedRate: string;
  /** Verdict of the printed rate against D / C (§3 ratio rule). */
  rateVerdict: Verdict;
  /** Published 得分. */
  published: string;
  /** What BUDGET.EXECSCORE(D, C, weight) gives. */
  expected: number;
  /** Verdict of the published score against weight × D / C (§3 ratio rule). */
  verdict: Verdict;
  /**
   * When the form multiplied the printed (rounded) rate: the decimals of percent it was rounded
   * to; BUDGET.EXECSCORE(D, C, weight, rateDigits) then gives the published score exactly.
   */
  rateDigits?: number;
  note?: string;
}

export interface IndicatorRow {
  ref: string;
  /** 一级指标 (for 部门整体 forms prefixed with the 目标). */
  level: string;
  name: string;
  /** 年初目标值 as printed (the 小计(C) column where the (A) column was cut by OCR). */
  target: string | number;
  /** 实际完成值 as printed. */
  actual: string | number;
  weight: number;
  /** The office's point in a qualitative band (see the header). */
  fraction?: number;
  /** Printed score, or null when the level prints one merged score. */
  published: string | null;
  /** BUDGET.INDICATORSCORE(target, actual, weight, fraction): a score or an Excel error value. */
  expected: number | string;
  /** When `expected` is an error: the nearest score the rules allow, used in the sums. */
  reference?: number;
  verdict: Verdict | 'merged';
  note?: string;
}

export interface LevelRow {
  level: string;
  weight: number;
  /** Printed subtotal (sum of the printed indicator scores, or the merged cell, or the 汇总表). */
  published: string;
  ref: string;
  /** Σ of the rule scores of the level's indicators. */
  expected: number;
  /** BUDGET.CHECK(published, rule scores): 一致 / 尾差 / 差. */
  verdict: Verdict;
  note?: string;
}

export interface Form {
  id: string;
  seed: '000' | '002';
  title: string;
  exec: ExecRow;
  indicators: IndicatorRow[];
  levels: LevelRow[];
  total: {
    ref: string;
    published: string;
    /** BUDGET.CHECK(总分, printed parts): does the form add up? */
    arithmetic: Verdict;
    /** BUDGET.EXECSCORE + Σ rule scores. */
    expected: number;
    /** The published 总分 against the rules' total. */
    verdict: Verdict;
    grade: string;
    note?: string;
  };
}

const Q = '成本';
const P = '产出';
const E = '效益';
const S = '满意度';

export const FORMS: Form[] = [
  {
    id: '党建',
    seed: '002',
    title: '2025年度党建综合类项目绩效自评表 (002:L26)',
    exec: { ref: '002:L38', a: '0.3', b: '', c: '0.3', d: '0.3', weight: 20, printedRate: '100%', rateVerdict: 'ok', published: '20', expected: 20, verdict: 'ok' },
    indicators: [
      { ref: '002:L40', level: Q, name: '党员人均成本', target: '≤200元/人', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok', note: '实际完成值为完成程度100%' },
      { ref: '002:L41', level: P, name: '党建教育现场学习次数', target: '≥1次', actual: 1, weight: 4, published: null, expected: 4, verdict: 'merged', note: '产出 5 项合计印 20，权重按 4 分均分' },
      { ref: '002:L42', level: P, name: '购买书籍数量', target: '≥15套', actual: '≥15套', weight: 4, published: null, expected: 4, verdict: 'merged' },
      { ref: '002:L43', level: P, name: '开展党组织活动次数', target: '12次', actual: '12次', weight: 4, published: null, expected: 4, verdict: 'merged' },
      { ref: '002:L44', level: P, name: '党建工作考评合格率', target: '100%', actual: '100%', weight: 4, published: null, expected: 4, verdict: 'merged' },
      { ref: '002:L45', level: P, name: '按规定及时开展党建活动', target: '按规定时间完成', actual: '按规定时间完成', weight: 4, fraction: 1, published: null, expected: 4, verdict: 'merged', note: '(A) 栏 OCR 截作“按规定时间完”，取小计(C)栏' },
      { ref: '002:L46', level: E, name: '党建引领作用', target: '提升', actual: '提升', weight: 30, fraction: 28 / 30, published: '28', expected: 28, verdict: 'ok' },
      { ref: '002:L47', level: S, name: '党员对党建工作满意度', target: '≥95%', actual: '≥95%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L40', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '20', ref: '002:L41', expected: 20, verdict: 'ok' },
      { level: E, weight: 30, published: '28', ref: '002:L46', expected: 28, verdict: 'ok' },
      { level: S, weight: 10, published: '10', ref: '002:L47', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L48', published: '98', arithmetic: 'ok', expected: 98, verdict: 'ok', grade: '优' },
  },
  {
    id: '履职工作经费',
    seed: '002',
    title: '2025年度履职工作经费项目绩效自评表 (002:L62)',
    exec: {
      ref: '002:L74',
      a: '19.7',
      b: '',
      c: '19.7',
      d: '16.62',
      weight: 20,
      printedRate: '84%',
      rateVerdict: 'ok',
      published: '16.8',
      expected: 16.87,
      verdict: 'rounding',
      rateDigits: 0,
      note: '得分按印出的执行率84%计算（20×84%=16.8），DOMAIN §3 认为一致；按精确执行率为16.87',
    },
    indicators: [
      { ref: '002:L76', level: Q, name: '法律咨询服务费用', target: '≤3万', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok' },
      { ref: '002:L77', level: P, name: '提供法律服务次数', target: '≥5次', actual: 16, weight: 8, published: '8', expected: 8, verdict: 'ok' },
      { ref: '002:L78', level: P, name: '印刷服务质量达标率', target: '≥90%', actual: '≥90%', weight: 6, published: '6', expected: 6, verdict: 'ok' },
      {
        ref: '002:L79',
        level: P,
        name: '设备维修及时性',
        target: '≤24 小时',
        actual: '≤24小 时',
        weight: 6,
        published: '4',
        expected: 6,
        verdict: 'error',
        note: '三项目标均印为已完成，产出却只得18/20：任何合计为20的权重分配都给满分；权重未印出，扣分记在本行',
      },
      { ref: '002:L80', level: E, name: '保障办公设备正常运转率', target: '100%', actual: '100%', weight: 30, published: '30', expected: 30, verdict: 'ok' },
      { ref: '002:L81', level: S, name: '单位工作人员满意度', target: '≥90%', actual: '≥90%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L76', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '18', ref: '002:L77-79', expected: 20, verdict: 'error', note: '目标均完成，按规则应为20' },
      { level: E, weight: 30, published: '30', ref: '002:L80', expected: 30, verdict: 'ok' },
      { level: S, weight: 10, published: '10', ref: '002:L81', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L82', published: '94.8', arithmetic: 'ok', expected: 96.87, verdict: 'error', grade: '优', note: '差在产出（2分）与执行率取整（0.07）' },
  },
  {
    id: '编外辅助用工',
    seed: '002',
    title: '2025年度编外辅助用工项目绩效自评表 (002:L97)',
    exec: { ref: '002:L109', a: '115', b: '', c: '115', d: '103.68', weight: 20, printedRate: '90%', rateVerdict: 'ok', published: '18.03', expected: 18.03, verdict: 'ok' },
    indicators: [
      { ref: '002:L111', level: Q, name: '辅助岗位人员工资费用', target: '不超过标准', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok', note: '定性目标，实际完成值为完成程度100%' },
      { ref: '002:L112', level: P, name: '辅助岗位人员数量', target: '11人', actual: '11人', weight: 5, published: null, expected: 5, verdict: 'merged', note: '产出 4 项合计印 20，权重按 5 分均分' },
      { ref: '002:L113', level: P, name: '工资发放完成率', target: '100%', actual: '100%', weight: 5, published: null, expected: 5, verdict: 'merged' },
      { ref: '002:L114', level: P, name: '人员考核合格率', target: '≥90%', actual: '≥90%', weight: 5, published: null, expected: 5, verdict: 'merged' },
      { ref: '002:L115', level: P, name: '工资发放及时性', target: '按月发放', actual: '按月发放', weight: 5, fraction: 1, published: null, expected: 5, verdict: 'merged' },
      { ref: '002:L116', level: E, name: '保障工作正常运转', target: '有所保障', actual: '有所保障', weight: 30, fraction: 1, published: '30', expected: 30, verdict: 'ok' },
      {
        ref: '002:L117',
        level: S,
        name: '单位对用工人员满意度',
        target: '≥95%',
        actual: '≥95%',
        weight: 10,
        published: '8',
        expected: 10,
        verdict: 'error',
        note: '实际完成≥95%，已达目标，正向指标应得满分10；表上印8',
      },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L111', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '20', ref: '002:L112', expected: 20, verdict: 'ok' },
      { level: E, weight: 30, published: '30', ref: '002:L116', expected: 30, verdict: 'ok' },
      { level: S, weight: 10, published: '8', ref: '002:L117', expected: 10, verdict: 'error' },
    ],
    total: { ref: '002:L118', published: '96.03', arithmetic: 'ok', expected: 98.03, verdict: 'error', grade: '优' },
  },
  {
    id: '网上群众投诉平台',
    seed: '002',
    title: '2025年度城运中心网上群众投诉平台项目绩效自评表 (002:L133)',
    exec: {
      ref: '002:L145',
      a: '135',
      b: '',
      c: '135',
      d: '133.84',
      weight: 20,
      printedRate: '99%',
      rateVerdict: 'ok',
      published: '19.82',
      expected: 19.83,
      verdict: 'rounding',
      note: '20×133.84/135=19.828…，四舍五入为19.83；表上19.82为截尾（DOMAIN §3：尾差）',
    },
    indicators: [
      { ref: '002:L147', level: Q, name: '平台坐席服务成本', target: '不超过合同金额', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok', note: '(A) 栏 OCR 作“不超 过合 同金”，取小计(C)栏' },
      { ref: '002:L148', level: P, name: '坐席人员培训次数', target: '≥12次', actual: '49次', weight: 7, published: null, expected: 7, verdict: 'merged', note: '产出 3 项合计印 20，权重按 7/7/6' },
      { ref: '002:L149', level: P, name: '投诉案件按期办结率', target: '100%', actual: '100%', weight: 7, published: null, expected: 7, verdict: 'merged' },
      { ref: '002:L150', level: P, name: '突发事件响应时长', target: '≤15分 钟', actual: '≤15分 钟', weight: 6, published: null, expected: 6, verdict: 'merged' },
      { ref: '002:L151', level: E, name: '保障群众投诉渠道畅通', target: '有保障', actual: '有保障', weight: 30, published: '27', expected: 27, verdict: 'ok', note: '达成档中值90%（默认）' },
      { ref: '002:L152', level: S, name: '工作满意度', target: '≥90%', actual: '95.93%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L147', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '20', ref: '002:L148', expected: 20, verdict: 'ok' },
      { level: E, weight: 30, published: '27', ref: '002:L151', expected: 27, verdict: 'ok' },
      { level: S, weight: 10, published: '10', ref: '002:L152', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L153', published: '96.82', arithmetic: 'ok', expected: 96.83, verdict: 'rounding', grade: '优', note: '只差执行得分的截尾' },
  },
  {
    id: '协同办公',
    seed: '002',
    title: '2025年度协同办公系统工作项目绩效自评表 (002:L168)',
    exec: {
      ref: '002:L180',
      a: '200',
      b: '',
      c: '200',
      d: '184.37',
      weight: 20,
      printedRate: '92%',
      rateVerdict: 'ok',
      published: '18.4',
      expected: 18.44,
      verdict: 'ok',
      rateDigits: 0,
      note: '18.4 既是18.437保留1位小数，也是20×92%；汇总表印18.44',
    },
    indicators: [
      { ref: '002:L182', level: Q, name: 'OA软件及相关设备维护费用成本', target: '不超过合同金额', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok' },
      { ref: '002:L183', level: P, name: '协同办公辅助软件', target: '1套', actual: '1套', weight: 4, published: '4', expected: 4, verdict: 'ok', note: '产出 5 项各 4 分' },
      { ref: '002:L184', level: P, name: '系统验收合格率', target: '100%', actual: '100%', weight: 4, published: null, expected: 4, verdict: 'merged', note: '得分栏 OCR 丢失；汇总表产出18 推出为4' },
      { ref: '002:L185', level: P, name: '系统故障率', target: '≤5%', actual: '≤5%', weight: 4, published: '4', expected: 4, verdict: 'ok' },
      { ref: '002:L186', level: P, name: '系统故障修复处理时', target: '≤30分钟', actual: '≤60分钟', weight: 4, published: '2', expected: 2, verdict: 'ok', note: '反向指标 4×30/60' },
      { ref: '002:L187', level: P, name: '系统运行维护响应时间', target: '≤30分钟', actual: '≤30分钟', weight: 4, published: '4', expected: 4, verdict: 'ok' },
      { ref: '002:L188', level: E, name: '提升公文办理效率', target: '有所提升', actual: '提升', weight: 30, fraction: 1, published: '30', expected: 30, verdict: 'ok', note: '(A) 栏“有所提升”，小计(C)与实际为“提升”' },
      { ref: '002:L189', level: S, name: '区内部部门及区政府领导对系统使用的满意度', target: '≥95%', actual: '100%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L182', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '18', ref: '002:L21 汇总表', expected: 18, verdict: 'ok' },
      { level: E, weight: 30, published: '30', ref: '002:L188', expected: 30, verdict: 'ok' },
      { level: S, weight: 10, published: '10', ref: '002:L189', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L190', published: '96.4', arithmetic: 'ok', expected: 96.44, verdict: 'rounding', grade: '优', note: '96.4 为 96.44 保留1位；汇总表印96.44' },
  },
  {
    id: '信息化建设',
    seed: '002',
    title: '2025年度信息化建设项目绩效自评表 (002:L204)',
    exec: { ref: '002:L216', a: '376.6', b: '', c: '376.6', d: '375.33', weight: 20, printedRate: '100%', rateVerdict: 'ok', published: '19.93', expected: 19.93, verdict: 'ok', note: '执行率99.66%印作100%（取整）' },
    indicators: [
      { ref: '002:L218', level: Q, name: '采购项目', target: '不超过合同金额', actual: '不超 过合 同金 额', weight: 20, fraction: 1, published: '20', expected: 20, verdict: 'ok' },
      { ref: '002:L219', level: P, name: '等保及密评数量', target: '12项', actual: '12项', weight: 4, published: '4', expected: 4, verdict: 'ok', note: '产出权重 4/4/3/3/3/3' },
      { ref: '002:L220', level: P, name: '地图更新面积', target: '≥49.7 平方公 里', actual: '49.7平 方公里', weight: 4, published: '4', expected: 4, verdict: 'ok' },
      { ref: '002:L221', level: P, name: '等保及密评评估', target: '安全', actual: '安全', weight: 3, fraction: 1, published: '3', expected: 3, verdict: 'ok' },
      { ref: '002:L222', level: P, name: '设备故障率', target: '≤5%', actual: '≤5%', weight: 3, published: '3', expected: 3, verdict: 'ok' },
      {
        ref: '002:L223',
        level: P,
        name: '故障修复处理时间',
        target: '≤30分 钟',
        actual: '≤120分 钟',
        weight: 3,
        published: '1',
        expected: 0.75,
        verdict: 'rounding',
        note: '反向指标 3×30/120=0.75，表上取整为1（部门整体表同一指标 0.25 取整为0）',
      },
      { ref: '002:L224', level: P, name: '运行维护响应时间', target: '≤30分钟', actual: '≤30分钟', weight: 3, published: '3', expected: 3, verdict: 'ok' },
      { ref: '002:L225', level: E, name: '无重大安全事故', target: '无重大安全事故', actual: '无重大 安全事 故', weight: 15, fraction: 1, published: '15', expected: 15, verdict: 'ok' },
      { ref: '002:L226', level: E, name: '提升办理效率', target: '有所提升', actual: '有所提 升', weight: 15, fraction: 13 / 15, published: '13', expected: 13, verdict: 'ok' },
      { ref: '002:L228', level: S, name: '区内相关部门对系统平台的满意度', target: '≥95%', actual: '≥95%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L218', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '18', ref: '002:L219-224', expected: 17.75, verdict: 'rounding' },
      { level: E, weight: 30, published: '28', ref: '002:L225-226', expected: 28, verdict: 'ok' },
      { level: S, weight: 10, published: '10', ref: '002:L228', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L229', published: '95.93', arithmetic: 'ok', expected: 95.68, verdict: 'error', grade: '优', note: '差0.25，来自整分取整的指标（单项为尾差，合计超出95.93的两位小数精度）' },
  },
  {
    id: '城市运行管理平台建设',
    seed: '002',
    title: '2025年度城市运行管理平台建设项目绩效自评表 (002:L395)',
    exec: {
      ref: '002:L407',
      a: '0',
      b: '1655',
      c: '1654.997',
      d: '1654.997',
      weight: 20,
      printedRate: '100%',
      rateVerdict: 'ok',
      published: '20',
      expected: 20,
      verdict: 'ok',
      note: 'B 印作1655（1654.997取整），C=A+B 为尾差',
    },
    indicators: [
      { ref: '002:L409', level: Q, name: '预算控制率', target: '≤100%', actual: '100%', weight: 20, published: '20', expected: 20, verdict: 'ok' },
      { ref: '002:L410', level: P, name: '批复设计的工程内容', target: '提交系统演示原型', actual: '已提交系统演示原型', weight: 8, fraction: 1, published: '8', expected: 8, verdict: 'ok' },
      { ref: '002:L411', level: P, name: '合格', target: '合格', actual: '合格', weight: 6, fraction: 1, published: '6', expected: 6, verdict: 'ok' },
      { ref: '002:L412', level: P, name: '合同工期', target: '初验按期完工', actual: '初验按期完工', weight: 6, fraction: 1, published: '6', expected: 6, verdict: 'ok' },
      { ref: '002:L413', level: E, name: '治理效率提升', target: '提升', actual: '提升', weight: 30, fraction: 28 / 30, published: '28', expected: 28, verdict: 'ok' },
      { ref: '002:L414', level: S, name: '区内相关部门对系统平台的满意度', target: '初步验收合格', actual: '初步验收合格', weight: 10, fraction: 0.8, published: '8', expected: 8, verdict: 'ok', note: '达成档下限80%' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L409', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '20', ref: '002:L410-412', expected: 20, verdict: 'ok' },
      { level: E, weight: 30, published: '28', ref: '002:L413', expected: 28, verdict: 'ok' },
      { level: S, weight: 10, published: '8', ref: '002:L414', expected: 8, verdict: 'ok' },
    ],
    total: { ref: '002:L415', published: '96', arithmetic: 'ok', expected: 96, verdict: 'ok', grade: '优' },
  },
  {
    id: '往来资金',
    seed: '002',
    title: '“2025年度城市运行管理平台建设项目绩效自评表”，项目名称 往来资金 (002:L429)',
    exec: { ref: '002:L441', a: '0', b: '4.36', c: '4.36', d: '4.36', weight: 20, printedRate: '100%', rateVerdict: 'ok', published: '20', expected: 20, verdict: 'ok' },
    indicators: [
      { ref: '002:L443', level: Q, name: '预算控制率', target: '≤100%', actual: '≤100%', weight: 20, published: '20', expected: 20, verdict: 'ok' },
      { ref: '002:L444', level: P, name: '往来结算金额', target: '100%', actual: '100%', weight: 10, published: '10', expected: 10, verdict: 'ok', note: '产出权重按 10/10' },
      {
        ref: '002:L445',
        level: P,
        name: '往来结算时效',
        target: '及时',
        actual: '及时',
        weight: 10,
        fraction: 0.6,
        published: '6',
        expected: '#NUM!',
        reference: 8,
        verdict: 'error',
        note: '实际与目标同为“及时”（达成），6/10=60%却落在“部分达成”档；达成档最低为8',
      },
      {
        ref: '002:L446',
        level: E,
        name: '保障单位经济正常往来',
        target: '保障',
        actual: '保障',
        weight: 30,
        fraction: 1,
        published: '20',
        expected: 30,
        verdict: 'error',
        note: '表上印20，但总分96与汇总表（L24）均按30计：各项相加为86≠96',
      },
      { ref: '002:L447', level: S, name: '往来对象满意度', target: '≥90%', actual: '≥90%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
    ],
    levels: [
      { level: Q, weight: 20, published: '20', ref: '002:L443', expected: 20, verdict: 'ok' },
      { level: P, weight: 20, published: '16', ref: '002:L444-445', expected: 18, verdict: 'error', note: '两项目标均完成：定量项满分，定性项至少8' },
      { level: E, weight: 30, published: '20', ref: '002:L446', expected: 30, verdict: 'error' },
      { level: S, weight: 10, published: '10', ref: '002:L447', expected: 10, verdict: 'ok' },
    ],
    total: { ref: '002:L448', published: '96', arithmetic: 'error', expected: 98, verdict: 'error', grade: '优', note: '表内各项相加为86，总分印96（DOMAIN §9）' },
  },
  {
    id: '部门整体2025',
    seed: '002',
    title: '2025年度区城市运行管理中心部门整体绩效自评表 (002:L642)',
    exec: {
      ref: '002:L651',
      a: '1331.5',
      b: '1669.51',
      c: '3001.01',
      d: '2964.05',
      weight: 20,
      printedRate: '98.78%',
      rateVerdict: 'error',
      published: '19.76',
      expected: 19.75,
      verdict: 'error',
      note: '2964.05/3001.01=98.768%，任何舍入都得98.77%；19.76 是按错误的98.78%算的（20×98.78%=19.756），应为19.75',
    },
    indicators: [
      { ref: '002:L654', level: '目标1 成本', name: '党员人均成本', target: '≤200元/人', actual: '≤200元/人', weight: 6, published: '6', expected: 6, verdict: 'ok' },
      { ref: '002:L655', level: '目标1 产出', name: '购买书籍数量', target: '≥15套', actual: '≥15套', weight: 1.2, published: null, expected: 1.2, verdict: 'merged', note: '产出 5 项合计印 6，权重按 1.2 均分' },
      { ref: '002:L656', level: '目标1 产出', name: '党建教育现场学习次数', target: '≥1次', actual: '≥1次', weight: 1.2, published: null, expected: 1.2, verdict: 'merged' },
      { ref: '002:L657', level: '目标1 产出', name: '开展党组织活动次数', target: '12次', actual: '12次', weight: 1.2, published: null, expected: 1.2, verdict: 'merged' },
      { ref: '002:L658', level: '目标1 产出', name: '党建工作考评合格率', target: '100%', actual: '100%', weight: 1.2, published: null, expected: 1.2, verdict: 'merged' },
      { ref: '002:L659', level: '目标1 产出', name: '开展活动时间', target: '规定时间', actual: '规定时间', weight: 1.2, fraction: 1, published: null, expected: 1.2, verdict: 'merged' },
      { ref: '002:L660', level: '目标1 效益', name: '党建引领作用', target: '提升', actual: '提升', weight: 10, published: '9', expected: 9, verdict: 'ok', note: '达成档中值（默认）' },
      { ref: '002:L661', level: '目标1 满意度', name: '党员群众对党建工作满意度', target: '≥95%', actual: '≥95%', weight: 2, published: '2', expected: 2, verdict: 'ok' },
      { ref: '002:L663', level: '目标2 成本', name: '平台坐席服务成本', target: '不超过合同金额', actual: '不超过合同金额', weight: 7, fraction: 1, published: '7', expected: 7, verdict: 'ok' },
      {
        ref: '002:L664',
        level: '目标2 产出',
        name: '维保次数',
        target: '≥12次',
        actual: 0,
        weight: 1,
        published: '0',
        expected: 0,
        verdict: 'ok',
        note: '年中调减为0（小计C=0）并建议删除；按年初目标≥12次、实际0计0分。权重1=7−2−2−2',
      },
      { ref: '002:L665', level: '目标2 产出', name: '坐席人员培训', target: '≥12次', actual: 49, weight: 2, published: '2', expected: 2, verdict: 'ok' },
      { ref: '002:L666', level: '目标2 产出', name: '按期办结率', target: '100%', actual: '100%', weight: 2, published: '2', expected: 2, verdict: 'ok' },
      { ref: '002:L668', level: '目标2 产出', name: '突发事件响应时长', target: '≤15分钟', actual: '15分钟', weight: 2, published: '2', expected: 2, verdict: 'ok' },
      { ref: '002:L669', level: '目标2 效益', name: '保障群众投诉渠道畅通', target: '有保障', actual: '有保障', weight: 5, published: null, expected: 4.5, verdict: 'merged', note: '效益 2 项合计印 9 = 两项达成档中值 4.5+4.5' },
      { ref: '002:L670', level: '目标2 效益', name: '提升政务服务和诉求响应办理效率', target: '有所提升', actual: '有所提升', weight: 5, published: null, expected: 4.5, verdict: 'merged' },
      { ref: '002:L671', level: '目标2 满意度', name: '工作满意度', target: '≥80%', actual: 0.967, weight: 4, published: '4', expected: 4, verdict: 'ok', note: '实际完成值为小数0.967（96.7%）' },
      { ref: '002:L673', level: '目标3 成本', name: '采购项目', target: '不超过预算金额', actual: '不超过合同金额', weight: 7, fraction: 1, published: '7', expected: 7, verdict: 'ok', note: '实际写“不超过合同金额”，同为“不超过…”的上限表述，视为达成' },
      { ref: '002:L674', level: '目标3 产出', name: '地图更新面积', target: '≥49.7平方公里', actual: '49.77平方公里', weight: 3, published: '3', expected: 3, verdict: 'ok' },
      { ref: '002:L675', level: '目标3 产出', name: '设备故障率', target: '≤5%', actual: '≤5%', weight: 3, published: '3', expected: 3, verdict: 'ok' },
      {
        ref: '002:L676',
        level: '目标3 产出',
        name: '故障修复处理时',
        target: '≤30分钟',
        actual: '≤120分钟',
        weight: 1,
        published: '0',
        expected: 0.25,
        verdict: 'rounding',
        note: '反向指标 1×30/120=0.25，表上取整为0',
      },
      { ref: '002:L677', level: '目标3 效益', name: '无重大安全事故', target: '无重大安全事故', actual: '无重大安全事故', weight: 5, fraction: 1, published: '5', expected: 5, verdict: 'ok' },
      { ref: '002:L678', level: '目标3 效益', name: '提升办理效率', target: '有所提升', actual: '有所提升', weight: 5, fraction: 0.8, published: '4', expected: 4, verdict: 'ok' },
      { ref: '002:L679', level: '目标3 满意度', name: '区内相关部门对系统平台的满意度', target: '≥95%', actual: '≥95%', weight: 4, published: '4', expected: 4, verdict: 'ok' },
    ],
    levels: [
      { level: '目标1 成本', weight: 6, published: '6', ref: '002:L654', expected: 6, verdict: 'ok' },
      { level: '目标1 产出', weight: 6, published: '6', ref: '002:L655', expected: 6, verdict: 'ok' },
      { level: '目标1 效益', weight: 10, published: '9', ref: '002:L660', expected: 9, verdict: 'ok' },
      { level: '目标1 满意度', weight: 2, published: '2', ref: '002:L661', expected: 2, verdict: 'ok' },
      { level: '目标2 成本', weight: 7, published: '7', ref: '002:L663', expected: 7, verdict: 'ok' },
      { level: '目标2 产出', weight: 7, published: '6', ref: '002:L664-668', expected: 6, verdict: 'ok' },
      { level: '目标2 效益', weight: 10, published: '9', ref: '002:L669', expected: 9, verdict: 'ok' },
      { level: '目标2 满意度', weight: 4, published: '4', ref: '002:L671', expected: 4, verdict: 'ok' },
      { level: '目标3 成本', weight: 7, published: '7', ref: '002:L673', expected: 7, verdict: 'ok' },
      { level: '目标3 产出', weight: 7, published: '6', ref: '002:L674-676', expected: 6.25, verdict: 'rounding' },
      { level: '目标3 效益', weight: 10, published: '9', ref: '002:L677-678', expected: 9, verdict: 'ok' },
      { level: '目标3 满意度', weight: 4, published: '4', ref: '002:L679', expected: 4, verdict: 'ok' },
    ],
    total: {
      ref: '002:L680',
      published: '94.76',
      arithmetic: 'ok',
      expected: 95,
      verdict: 'error',
      grade: '优',
      note: '执行得分19.76应为19.75（错误的执行率），故障修复0.25取整为0；文字部分（L473、L549、L609）同印98.78%与19.76分',
    },
  },
  {
    id: '部门整体2024',
    seed: '000',
    title: '2024年度区城运中心整体绩效自评表 (000:L867)',
    exec: { ref: '000:L873', a: '158', b: '', c: '158', d: '157. 78', weight: 20, printedRate: '99. 86', rateVerdict: 'ok', published: '19. 97', expected: 19.97, verdict: 'ok', note: '执行率印作“99. 86”（无%号，OCR 空格）' },
    indicators: [
      { ref: '000:L876', level: '目标1 产出', name: '服务外包人员费用结算率', target: '服务外包人员费用结算率 100%', actual: '服务外包人 员费用结算 率 100%', weight: 7, published: '7', expected: 7, verdict: 'ok', note: '目标值带指标名，读作100%' },
      { ref: '000:L877', level: '目标1 产出', name: '经费支付率', target: '经费支付率 100%', actual: '经费支付率 100%', weight: 7, published: '7', expected: 7, verdict: 'ok' },
      { ref: '000:L878', level: '目标1 产出', name: '经费拨付及时率', target: '经费拨付及 时率 100%', actual: '经费拨付及 时率 100%', weight: 7, published: '7', expected: 7, verdict: 'ok' },
      { ref: '000:L879', level: '目标1 产出', name: '资金控制率', target: '不超预算', actual: '不超预算', weight: 7, fraction: 1, published: '7', expected: 7, verdict: 'ok' },
      { ref: '000:L880', level: '目标1 效益', name: '内部机构、人员、制度满足项目需要', target: '满足', actual: '满足', weight: 7, fraction: 1, published: '7', expected: 7, verdict: 'ok' },
      { ref: '000:L881', level: '目标1 效益', name: '保障"民呼我应"中心正常运行', target: '保障"民呼 我应"中心 正常运行', actual: '保障"民呼 我应"中心 正常运行', weight: 5, fraction: 1, published: '5', expected: 5, verdict: 'ok' },
      { ref: '000:L883', level: '目标2 产出', name: '受理群众投诉案件', target: '58000 件', actual: '69941 件', weight: 6, published: '6', expected: 6, verdict: 'ok' },
      { ref: '000:L884', level: '目标2 产出', name: '受理群众投诉案件办结率', target: '100%', actual: '100%', weight: 6, published: '6', expected: 6, verdict: 'ok' },
      { ref: '000:L885', level: '目标2 产出', name: '完成及时率', target: '工作目标完 成率 100%', actual: '工作目标完 成率 100%', weight: 6, published: '6', expected: 6, verdict: 'ok' },
      { ref: '000:L886', level: '目标2 产出', name: '资金控制率', target: '不超预算', actual: '不超预算', weight: 6, fraction: 1, published: '6', expected: 6, verdict: 'ok' },
      { ref: '000:L887', level: '目标2 效益', name: '推进市民热线工作', target: '整合资源与 平台 推进市 民热线工作', actual: '整合资源与 平台 推进市 民热线工作', weight: 6, fraction: 1, published: '6', expected: 6, verdict: 'ok' },
      { ref: '000:L889', level: '目标2 效益', name: '项目运行有保障', target: '项目运行有 保障', actual: '项目运行有 保障', weight: 4, fraction: 1, published: '4', expected: 4, verdict: 'ok' },
      {
        ref: '000:L890',
        level: '目标2 满意度',
        name: '市民热线办理群众满意度',
        target: '95%',
        actual: '96. 23%',
        weight: 6,
        published: '6',
        expected: 6,
        verdict: 'ok',
        note: '表上目标95%；文字部分 L711 写“好评率≥95%”、L858 写“好评率≥90%”，前后不一',
      },
    ],
    levels: [
      { level: '目标1 产出', weight: 28, published: '28', ref: '000:L876-879', expected: 28, verdict: 'ok' },
      { level: '目标1 效益', weight: 12, published: '12', ref: '000:L880-881', expected: 12, verdict: 'ok' },
      { level: '目标2 产出', weight: 24, published: '24', ref: '000:L883-886', expected: 24, verdict: 'ok' },
      { level: '目标2 效益', weight: 10, published: '10', ref: '000:L887-889', expected: 10, verdict: 'ok' },
      { level: '目标2 满意度', weight: 6, published: '6', ref: '000:L890', expected: 6, verdict: 'ok' },
    ],
    total: { ref: '000:L891', published: '99.97', arithmetic: 'ok', expected: 99.97, verdict: 'ok', grade: '优', note: '文字（L731）评为“优”' },
  },
  {
    id: '市民热线维护费用2024',
    seed: '000',
    title: '2024年度市民热线维护费用自评表 (000:L1056)',
    exec: { ref: '000:L1068', a: '20', b: '', c: '20', d: '19. 98', weight: 20, printedRate: '99. 90%', rateVerdict: 'ok', published: '19. 98', expected: 19.98, verdict: 'ok' },
    indicators: [
      { ref: '000:L1070', level: P, name: '受理群众诉求件', target: 58000, actual: 69941, weight: 10, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1071', level: P, name: '受理群众诉求办结率', target: '100%', actual: '100%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1072', level: P, name: '完成及时率', target: '工作目标完 成率达 100%', actual: '工作目标完 成率达 100%', weight: 10, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1073', level: P, name: '资金控制率', target: '不超预算', actual: '不超预算', weight: 10, fraction: 1, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1074', level: E, name: '推进市民热线工作', target: '推进市民热 线工作', actual: '推进市民热 线工作', weight: 10, fraction: 1, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1075', level: E, name: '项目运行有保障', target: '项目运行有 保障', actual: '项目运行有 保障', weight: 10, fraction: 1, published: '10', expected: 10, verdict: 'ok' },
      { ref: '000:L1076', level: S, name: '市民热线办理群众满意度', target: '95%', actual: '96. 23%', weight: 20, published: '20', expected: 20, verdict: 'ok' },
    ],
    levels: [
      { level: P, weight: 40, published: '40', ref: '000:L1070-1073', expected: 40, verdict: 'ok' },
      { level: E, weight: 20, published: '20', ref: '000:L1074-1075', expected: 20, verdict: 'ok' },
      { level: S, weight: 20, published: '20', ref: '000:L1076', expected: 20, verdict: 'ok' },
    ],
    total: { ref: '000:L1077', published: '99. 98', arithmetic: 'ok', expected: 99.98, verdict: 'ok', grade: '优' },
  },
];

/** 2025年度区城运中心部门项目绩效自评情况汇总表 (002:L15–24): one row per project form. */
export interface SummaryRow {
  ref: string;
  /** Form id in FORMS. */
  form: string;
  a: string;
  b: string;
  c: string;
  d: string;
  exec: string;
  /** 成本, 产出, 效益, 满意度. */
  levels: [string, string, string, string];
  total: string;
  /** BUDGET.CHECK(C, {A; B}). */
  cVerdict: Verdict;
  /** §3 ratio rule: the printed 预算执行 score against 20 × D / C of this row. */
  execVerdict: Verdict;
  /** BUDGET.CHECK(total, parts). */
  totalArithmetic: Verdict;
  /** The row against its detail form (total score), BUDGET.CHECK. */
  vsForm: Verdict;
  note?: string;
}

export const SUMMARY: SummaryRow[] = [
  { ref: '002:L17', form: '党建', a: '0.3', b: '', c: '0.3', d: '0.3', exec: '20', levels: ['20', '20', '28', '10'], total: '98', cVerdict: 'ok', execVerdict: 'ok', totalArithmetic: 'ok', vsForm: 'ok' },
  {
    ref: '002:L18',
    form: '履职工作经费',
    a: '19.7',
    b: '',
    c: '19.2',
    d: '16.62',
    exec: '16.8',
    levels: ['20', '18', '30', '10'],
    total: '94.8',
    cVerdict: 'error',
    execVerdict: 'error',
    totalArithmetic: 'ok',
    vsForm: 'ok',
    note: '小计19.2，但年初19.7且无追加/调减（DOMAIN §9）；按19.2算执行得分为17.31',
  },
  { ref: '002:L19', form: '编外辅助用工', a: '115', b: '', c: '115', d: '103.68', exec: '18.03', levels: ['20', '20', '30', '8'], total: '96.03', cVerdict: 'ok', execVerdict: 'ok', totalArithmetic: 'ok', vsForm: 'ok' },
  { ref: '002:L20', form: '网上群众投诉平台', a: '135', b: '', c: '135', d: '133.84', exec: '19.82', levels: ['20', '20', '27', '10'], total: '96.82', cVerdict: 'ok', execVerdict: 'rounding', totalArithmetic: 'ok', vsForm: 'ok' },
  {
    ref: '002:L21',
    form: '协同办公',
    a: '200',
    b: '',
    c: '200',
    d: '184.37',
    exec: '18.44',
    levels: ['20', '18', '30', '10'],
    total: '96.44',
    cVerdict: 'ok',
    execVerdict: 'ok',
    totalArithmetic: 'ok',
    vsForm: 'rounding',
    note: '表内18.4/96.4，汇总表18.44/96.44：尾差',
  },
  {
    ref: '002:L22',
    form: '信息化建设',
    a: '376.55',
    b: '',
    c: '376.55',
    d: '376.33',
    exec: '19.93',
    levels: ['20', '18', '28', '10'],
    total: '95.93',
    cVerdict: 'ok',
    execVerdict: 'error',
    totalArithmetic: 'ok',
    vsForm: 'ok',
    note: '执行数376.33，本表为375.33（DOMAIN §9）：按376.33得分应为19.99',
  },
  {
    ref: '002:L23',
    form: '城市运行管理平台建设',
    a: '',
    b: '1654.997',
    c: '1654.997',
    d: '1654.997',
    exec: '20',
    levels: ['20', '20', '28', '8'],
    total: '96',
    cVerdict: 'ok',
    execVerdict: 'ok',
    totalArithmetic: 'ok',
    vsForm: 'ok',
  },
  {
    ref: '002:L24',
    form: '往来资金',
    a: '',
    b: '4.36',
    c: '4.36',
    d: '4.36',
    exec: '20',
    levels: ['20', '16', '30', '10'],
    total: '96',
    cVerdict: 'ok',
    execVerdict: 'ok',
    totalArithmetic: 'ok',
    vsForm: 'ok',
    note: '效益30；本表印20（各项相加86）',
  },
];

/** Other figures of the same forms that the functions check (BUDGET.CHECK / EXECRATE). */
export interface FigureCheck {
  ref: string;
  what: string;
  /** Formula evaluated through `budget eval`. */
  formula: string;
  /** What it prints. */
  expected: string;
  note: string;
}

export const OTHER_CHECKS: FigureCheck[] = [
  {
    ref: '002:L649',
    what: '部门整体 基本支出总额 + 项目支出总额 = 执行数',
    formula: '=BUDGET.CHECK(2964.05,{2964.05;2473.45})',
    expected: '差 -2473.45',
    note: '基本支出总额印成了全部执行数2964.05；文字（L519）为基本481.55、项目2,482.50（DOMAIN §9）',
  },
  {
    ref: '002:L519',
    what: '文字中的基本支出 + 项目支出 = 决算数',
    formula: '=BUDGET.CHECK(2964.05,{481.55;2482.50})',
    expected: '一致',
    note: '表上项目支出总额2473.45与文字2,482.50不一致',
  },
  {
    ref: '002:L651',
    what: '部门整体 年初 + 追加 = 小计',
    formula: '=BUDGET.CHECK(3001.01,{1331.5;1669.51})',
    expected: '一致',
    note: '',
  },
  {
    ref: '002:L651',
    what: '部门整体 执行率',
    formula: '=BUDGET.EXECRATE(2964.05,3001.01)',
    expected: '0.9877',
    note: '表与文字（L473、L519、L549、L609）均印98.78%',
  },
  {
    ref: '002:L407',
    what: '城运平台 年初 + 追加 = 小计',
    formula: '=BUDGET.CHECK(1654.997,{0;"1655"})',
    expected: '尾差 -0.003',
    note: '追加数印作1655（取整）',
  },
  {
    ref: '000:L871',
    what: '2024 部门整体 基本支出总额 + 项目支出总额 = 执行数',
    formula: '=BUDGET.CHECK("157. 78",{"61.11";"113.14"})',
    expected: '差 -16.47',
    note: '61.11+113.14=174.25（决算总支出），而部门整体执行数印157.78（只含两个项目），表头与执行情况口径不一',
  },
  {
    ref: '000:L910',
    what: '民呼我应 项目自评得分（文字，未附表）',
    formula: '=BUDGET.EXECSCORE(137.8,138,20)',
    expected: '19.97',
    note: '文字说各项目标均已完成，自评得分99.86；按规则应为19.97+80=99.97，99.86 恰是执行率数字',
  },
];
