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
  | { kind: 'matchRows'; id: string; label: string; a: { table: string; cols: readonly string[] }; b: { table: string; cols: readonly string[] } };
