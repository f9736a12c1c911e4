/**
 * Validation rules as data (DOMAIN §5). One small evaluator (../validate.ts) runs them all;
 * adding a rule is adding a line here and a test.
 */

/** A cell addressed by table, row key and column key (see model.ts for the keys). */
export interface CellSel {
  table: string;
  row: string;
  col: string;
  /** −1 for a subtracted part (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

/**
 * When a rule applies only to some reports (a department funded only by 一般公共预算): every
 * `zero` cell is zero or blank and every `equal` pair is equal, in tables that are present.
 * The report says so when the condition made the rule apply.
 */
export interface RuleCondition {
  zero?: readonly CellSel[];
  equal?: readonly (readonly [CellSel, CellSel])[];
  /** Rows the table does not print (上海's 收支总表 has no 本年收入合计: 收入总计 is checked against the lines themselves). */
  absent?: readonly CellSel[];
  /** Why the rule applies, in the report's words. */
  because: string;
}

export type RuleDef = RuleKinds & { when?: RuleCondition };

type RuleKinds =
  /** One figure equals the sum of others (within a table or across tables). */
  | { kind: 'sum'; id: string; label: string; total: CellSel; parts: CellSel[] }
  /** On every row of a table: one column equals the sum of others. */
  | { kind: 'rowSum'; id: string; label: string; table: string; total: string; parts: { col: string; sign?: 1 | -1 }[]; rows?: readonly string[] }
  /** Code hierarchy in every listed column: 合计 = Σ类, 类 = Σ款, 款 = Σ项. */
  | { kind: 'hierarchy'; id: string; label: string; table: string; scheme: 'functional' | 'economic'; columns: readonly string[]; total?: string }
  /** Each row of `a` at 类 level equals the row of `b` with the same code. */
  | { kind: 'matchClasses'; id: string; label: string; a: { table: string; col: string }; b: { table: string; col: string } }
  /** Plausibility: every coded row of `part` is not more than the same code in `whole` (提示). */
  | { kind: 'notExceedByCode'; id: string; label: string; part: { table: string; col: string }; whole: { table: string; col: string } }
  /** `big` is not less than `small` (三公 09 ≥ its 06 item): below it beyond rounding is 错误, within it 尾差. */
  | { kind: 'atLeast'; id: string; label: string; big: CellSel; small: CellSel }
  /** Two code-keyed tables state the same figures: every coded row and 合计, column pair by pair. */
  | { kind: 'matchRows'; id: string; label: string; a: { table: string; cols: readonly string[] }; b: { table: string; cols: readonly string[] } }
  /** On every form of `table`: a figure equals the sum of others (C = A + B, 总分 = Σ 得分, D = 基本 + 项目). */
  | { kind: 'formSum'; id: string; label: string; table: string; total: FormField; parts: FormField[] }
  /** On every form: 执行率 = D / C and 预算执行得分 = 分值 × 执行率 (capped), judged as §3 judges derived figures. */
  | { kind: 'formExecution'; id: string; label: string; table: string }
  /** On every form: each indicator's score from its target and actual (as BUDGET.INDICATORSCORE), within its 一级指标's weight. */
  | { kind: 'formIndicators'; id: string; label: string; table: string }
  /** On every form: the weight of 预算执行 and of the 一级指标 (or 年度绩效目标) add up to `total`. */
  | { kind: 'formWeights'; id: string; label: string; table: string; total: number }
  /** On every form: a printed 评价等级 follows from 总分. */
  | { kind: 'formGrade'; id: string; label: string; table: string }
  /** 提示 on every form: indicators not met, or a total under 100, with an empty 偏差原因; a title naming another project. */
  | { kind: 'formReason'; id: string; label: string; table: string }
  /** Each item row of `items` equals the form of the same name in `forms` (汇总表 = 项目自评表). */
  | { kind: 'itemsMatchForms'; id: string; label: string; items: string; forms: string; fields: readonly { item: string; form: FormField }[] }
  /** A figure of each form of `forms` equals column `col` of its subject's row in `items` (by code, else name). */
  | { kind: 'formMatchItems'; id: string; label: string; forms: string; items: string; field: FormField; col: string }
  /** 预算执行得分 of each item row of `table` against 分值 × 执行数 ÷ 小计 (its own figures, or its project's form in `forms`). */
  | { kind: 'itemsExecution'; id: string; label: string; table: string; forms: string; score: string }
  /** In an items table, 合计 and every group row = Σ the items below it, in each listed column. */
  | { kind: 'itemsSum'; id: string; label: string; table: string; columns: readonly string[] }
  /** In an items table, each item's `share` (%) = its `amount` ÷ the amount of its 合计 (§3 ratio rule). */
  | { kind: 'itemsShare'; id: string; label: string; table: string; amount: string; share: string }
  /** On every item row: `total` = `factors[0]` × `factors[1]` (采购数量 × 单价 = 采购金额). */
  | { kind: 'rowProduct'; id: string; label: string; table: string; total: string; factors: readonly [string, string] }
  /** The score columns of an items table: their header weights add up to `total`. */
  | { kind: 'itemsWeights'; id: string; label: string; table: string; total: number };

/**
 * A figure of a 绩效 form: A B C D of 预算执行, `score` (预算执行得分), `total` (总分), `indicators`
 * (every indicator score cell), `level:产出` (the scores of one 一级指标), or an amount key (basic).
 */
export type FormField = string;
