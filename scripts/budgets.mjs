// Size budgets: the one place their numbers live. The test run fails when one is passed.
// Started at 120 KiB (issue 2), the target of issue 8. With every capability merged the module reached ~367 KiB
// gzipped; the budget guards against regressions while cuts bring it down. Lower it as cuts land.
// Issue 8, second pass (serde_path_to_error replaced, sorts folded; the Deluge and mapping speed work added ~5 KiB):
// 349.5 KiB by this zlib (345.3 KiB by GNU gzip -9). 2% headroom, so a small fix does not fail the run.
export const WASM_GZIP_BUDGET_KIB = 357;
