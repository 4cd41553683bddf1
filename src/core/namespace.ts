/**
 * The namespace Excel shows before every AICOST function id (`AICOST.PROJECT_PRICE`). Saved
 * workbooks depend on it (Excel stores `_xldudf_AICOST_PROJECT_PRICE`), so it never changes.
 */
export const AICOST_NAMESPACE = "AICOST";
