/**
 * 绩效自评 scoring (DOMAIN §7): 预算执行 rate and score, one 三级指标 from its target and actual,
 * the qualitative bands and the grade. Every figure is a decimal, rounded half-up.
 */
import Decimal from 'decimal.js';
import { CellValue } from '../grid';
import { D, ZERO, roundHalfUp } from '../money';
import { divByZero, invalid, outOfRange, quote } from './problem';
import { ActualReading, Target, levelOfWord, parseTarget, readActual } from './target';
import { GRADES, Level, MAX_SCORE, QUAL_BANDS, SCORE_DECIMALS } from './tables';

const ONE = new D(1);

function pct(f: Decimal.Value): string {
  return `${new D(f).mul(100).toDecimalPlaces(2).toString()}%`;
}

/** A weight must lie in [0, 100]. */
export function checkWeight(weight: Decimal): Decimal {
  if (weight.isNeg()) throw outOfRange(`权重不能为负数：${weight.toString()}`);
  if (weight.gt(MAX_SCORE)) throw outOfRange(`权重${weight.toString()}超过${MAX_SCORE}分`);
  return weight;
}

/** 执行率 = actual / budget, exact (round it where it is shown). */
export function execRate(actual: Decimal, budget: Decimal): Decimal {
  if (budget.isZero()) throw divByZero('除数为零：预算数为0');
  if (budget.isNeg()) throw outOfRange(`预算数为负数：${budget.toString()}`);
  if (actual.isNeg()) throw outOfRange(`执行数为负数：${actual.toString()}`);
  return actual.div(budget);
}

/** A rate as a fraction rounded half-up to `digits` decimals of percent: 0.987684 → 0.9877 for 2. */
export function roundRate(rate: Decimal, digits: number): Decimal {
  return roundHalfUp(rate.mul(100), digits).div(100);
}

/**
 * 预算执行 score = weight × min(rate, 1), two decimals. With `rateDigits` the rate is first
 * rounded to that many decimals of percent, as forms that print 执行率 84% and score 16.8 do.
 */
export function execScore(actual: Decimal, budget: Decimal, weight: Decimal, rateDigits?: number): Decimal {
  checkWeight(weight);
  let rate = execRate(actual, budget);
  if (rateDigits !== undefined) rate = roundRate(rate, rateDigits);
  return roundHalfUp(weight.mul(Decimal.min(rate, ONE)), SCORE_DECIMALS);
}

/** Reads a level of achievement (`达成/完全达成`, `基本达成/部分达成`, `未达成`…). */
export function parseLevel(text: string): Level {
  const level = levelOfWord(text);
  if (!level) throw invalid(`${quote(text)}不是达成程度：应为“达成”“完全达成”“基本达成”“部分达成”或“未达成”`);
  return level;
}

/**
 * Score of a qualitative indicator: weight × a fraction of its band (达成 80–100 %, 部分达成
 * 50–80 %, 未达成 0–50 %). Without a fraction the middle of the band; a fraction outside the
 * band is out of range.
 */
export function qualScore(level: Level, weight: Decimal, fraction?: Decimal): Decimal {
  checkWeight(weight);
  const band = QUAL_BANDS[level];
  const f = fraction ?? new D(band.middle);
  const inBand = f.gte(band.low) && (band.highInclusive ? f.lte(band.high) : f.lt(band.high));
  if (!inBand) {
    const range = `${pct(band.low)}–${pct(band.high)}${band.highInclusive ? '' : '（不含）'}`;
    throw outOfRange(`比例${pct(f)}不在“${band.name}”档${range}内`);
  }
  return roundHalfUp(weight.mul(f), SCORE_DECIMALS);
}

export type ScoringMethod = 'positive' | 'negative' | 'completion' | 'qualitative';

export interface IndicatorScore {
  score: Decimal;
  /** Fraction of the weight earned. */
  ratio: Decimal;
  method: ScoringMethod;
  target: Target;
  reading: ActualReading;
  level?: Level;
}

/**
 * Score of one 三级指标 from its target and actual (DOMAIN §7):
 * - positive (`≥X`, `X`): weight × actual / target, capped at the weight;
 * - negative (`≤X`): weight × target / actual, capped at the weight;
 * - a percentage of completion against a target in another unit: weight × completion, capped;
 * - qualitative (or an actual stated as a level): the bands of `qualScore`; `fraction` picks
 *   a point in the band (only there: quantitative scores follow from the figures).
 * A quantitative target whose actual says 达成 earns the full weight (actual ≥ target).
 */
export function scoreIndicator(target: CellValue | undefined, actual: CellValue | undefined, weight: Decimal, fraction?: Decimal): IndicatorScore {
  checkWeight(weight);
  const t = parseTarget(target);
  const reading = readActual(actual, t);
  const figures = (method: ScoringMethod, ratio: Decimal): IndicatorScore => {
    if (fraction !== undefined) throw invalid(`该指标按${method === 'completion' ? '完成程度' : '定量公式'}计分，不能另给档内比例`);
    const r = Decimal.min(Decimal.max(ratio, ZERO), ONE);
    return { score: roundHalfUp(weight.mul(r), SCORE_DECIMALS), ratio: r, method, target: t, reading };
  };
  if (reading.kind === 'level') {
    if (t.kind === 'quantitative' && reading.level === 'achieved' && fraction === undefined) {
      return { score: roundHalfUp(weight, SCORE_DECIMALS), ratio: ONE, method: t.polarity, target: t, reading, level: 'achieved' };
    }
    const score = qualScore(reading.level, weight, fraction);
    return { score, ratio: weight.isZero() ? ZERO : score.div(weight), method: 'qualitative', target: t, reading, level: reading.level };
  }
  if (reading.kind === 'completion') {
    if (reading.ratio.isNeg()) throw outOfRange(`完成程度不能为负数：${pct(reading.ratio)}`);
    return figures('completion', reading.ratio);
  }
  if (t.kind === 'qualitative') {
    // readActual never reads a quantity against a qualitative target; kept for the type checker.
    throw invalid(`定性指标${quote(t.text)}不能按数值计分`);
  }
  const a = reading.value;
  if (a.isNeg()) throw outOfRange(`实际完成值不能为负数：${a.toString()}`);
  if (t.polarity === 'positive') {
    // actual ≥ target earns the whole weight (a target of 0 is always met).
    return figures('positive', a.gte(t.value) ? ONE : a.div(t.value));
  }
  // Negative indicator: at or under the target earns the whole weight, so actual > target > = 0 here.
  return figures('negative', a.lte(t.value) ? ONE : t.value.div(a));
}

/** 评价等级 of a total score (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60). */
export function grade(score: Decimal): string {
  if (score.isNeg()) throw outOfRange(`得分不能为负数：${score.toString()}`);
  if (score.gt(MAX_SCORE)) throw outOfRange(`得分${score.toString()}超过${MAX_SCORE}分`);
  for (const g of GRADES) if (score.gte(g.min === -Infinity ? -1 : g.min)) return g.grade;
  return GRADES[GRADES.length - 1].grade;
}
