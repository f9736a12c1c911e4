/**
 * The scoring rules of the 绩效自评 forms as data (DOMAIN §7): direction words of targets,
 * the qualitative bands, the words that state a level of achievement, the grade table and
 * the unit families an actual may be converted between. Change a rule here, not in code.
 */

/** ≥ and > are positive indicators (more is better), ≤ and < negative; = (a bare `12次`) counts as positive. */
export type Direction = '≥' | '>' | '≤' | '<' | '=';

/** Words and signs that state a direction in front of the number (`不低于95%`, `≥95%`). */
export const PREFIX_DIRECTIONS: ReadonlyArray<readonly [string, Direction]> = [
  ['≥', '≥'],
  ['>=', '≥'],
  ['=>', '≥'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['至少', '≥'],
  ['达到', '≥'],
  ['>', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['≤', '≤'],
  ['<=', '≤'],
  ['=<', '≤'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不超', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['至多', '≤'],
  ['控制在', '≤'],
  ['<', '<'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['=', '='],
  ['达', '='],
  ['为', '='],
];

/** Words after the number (`5%以内`, `8000人次以上`). */
export const SUFFIX_DIRECTIONS: ReadonlyArray<readonly [string, Direction]> = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
];

/** Whether a direction is a positive (正向) or negative (反向) indicator. */
export const POLARITY: Record<Direction, 'positive' | 'negative'> = {
  '≥': 'positive',
  '>': 'positive',
  '=': 'positive',
  '≤': 'negative',
  '<': 'negative',
};

/**
 * Characters that make the text after a number a phrase rather than a unit
 * (`12月底前完成` is a deadline, not the quantity 12 of unit `月底前完成`).
 */
export const NOT_A_UNIT = /[前后底完成开展按于起止至及并和或的]/;

/** Longest unit text accepted without being listed in KNOWN_UNITS. */
export const MAX_UNIT_LENGTH = 4;

/** Units seen on the forms that are longer than MAX_UNIT_LENGTH or contain a slash. */
export const KNOWN_UNITS: readonly string[] = ['平方公里', '平方米', '个工作日', '工作日', '元/人', '元/人次', '元/次', '人次', '架次'];

export type Level = 'achieved' | 'partial' | 'notAchieved';

export interface Band {
  level: Level;
  /** Chinese name of the band as the forms print it. */
  name: string;
  /** Fraction of the weight, inclusive lower bound. */
  low: number;
  /** Fraction of the weight, upper bound. */
  high: number;
  /** Whether `high` itself belongs to this band (100 % does; 80 % belongs to 达成, not 部分达成). */
  highInclusive: boolean;
  /** Default fraction when the office gives none: the middle of the band. */
  middle: number;
}

/** 定性指标计分原则: 100–80 % (含80 %), 80–50 % (含50 %), 50–0 % (seed 000 and 002 备注 3). */
export const QUAL_BANDS: Record<Level, Band> = {
  achieved: { level: 'achieved', name: '达成', low: 0.8, high: 1, highInclusive: true, middle: 0.9 },
  partial: { level: 'partial', name: '部分达成', low: 0.5, high: 0.8, highInclusive: false, middle: 0.65 },
  notAchieved: { level: 'notAchieved', name: '未达成', low: 0, high: 0.5, highInclusive: false, middle: 0.25 },
};

/** Words an office writes for the level of achievement (compared after removing spaces). */
export const LEVEL_WORDS: ReadonlyArray<readonly [string, Level]> = [
  ['达成', 'achieved'],
  ['完全达成', 'achieved'],
  ['已达成', 'achieved'],
  ['达成预期指标', 'achieved'],
  ['达成预期', 'achieved'],
  ['完成', 'achieved'],
  ['已完成', 'achieved'],
  ['全部完成', 'achieved'],
  ['达标', 'achieved'],
  ['已达标', 'achieved'],
  ['是', 'achieved'],
  ['基本达成', 'partial'],
  ['部分达成', 'partial'],
  ['部分达成预期指标', 'partial'],
  ['基本完成', 'partial'],
  ['部分完成', 'partial'],
  ['基本达标', 'partial'],
  ['未达成', 'notAchieved'],
  ['未完成', 'notAchieved'],
  ['未达标', 'notAchieved'],
  ['未达成预期指标', 'notAchieved'],
  ['否', 'notAchieved'],
];

/**
 * Words whose presence in an actual but not in its target means the actual does not simply
 * restate the target (`未提升` against `提升`), so text matching must not call it achieved.
 */
export const NEGATION = /[未没不无否差]/;

/**
 * Openings of a qualitative ceiling (`不超预算`, `不超过合同金额`): an actual that opens the same
 * way states that the ceiling held, whatever ceiling it names (`不超过合同金额` for a target of
 * `不超过预算金额`, seed 002 部门整体 目标3 采购项目).
 */
export const CEILING_WORDS: readonly string[] = ['不超过', '不超出', '不超', '未超过', '未超出', '未超', '没有超过', '控制在'];

/** 评价等级 (DOMAIN §7): 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. Checked top down. */
export const GRADES: ReadonlyArray<{ min: number; grade: string }> = [
  { min: 90, grade: '优' },
  { min: 80, grade: '良' },
  { min: 60, grade: '中' },
  { min: -Infinity, grade: '差' },
];

/** Units an actual may be converted between, with the factor to the family's base unit. */
export const UNIT_FAMILIES: ReadonlyArray<Readonly<Record<string, string>>> = [
  { 秒: '1', 分钟: '60', 小时: '3600', 天: '86400', 日: '86400' },
  { 元: '1', 万元: '10000', 万: '10000', 亿元: '100000000', 亿: '100000000' },
  { 平方米: '1', 平方公里: '1000000' },
  { 米: '1', 公里: '1000', 千米: '1000' },
];

/** Largest weight an indicator or a form can carry. */
export const MAX_SCORE = 100;

/** Decimals of every score the forms print. */
export const SCORE_DECIMALS = 2;
