// Size budgets: the one place their numbers live. The test run fails when one is passed.
export const WASM_GZIP_BUDGET_KIB = 120;
