/** 绩效自评 scoring: targets, indicator scores, 预算执行, grades (DOMAIN §7). */
export * from './tables';
export * from './problem';
export * from './target';
export * from './score';
