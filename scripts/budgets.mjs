// Size budgets: the one place their numbers live. The test run fails when one is passed.
// Started at 120 KiB (issue 2). With every capability merged the shipped module is ~367 KiB gzipped; the budget
// now guards against regressions while the size pass (issue 8) cuts it back toward 120 KiB. Lower it as cuts land.
// Issue 8, first pass: 364.7 KiB by this zlib (360.7 KiB by GNU gzip -9) after merging main.
// 2% headroom over the 365.2 KiB measured with every branch merged, so a small fix does not fail the run; cuts lower it.
export const WASM_GZIP_BUDGET_KIB = 372;
