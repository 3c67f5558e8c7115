// Whether a page shows real content (issue 14: every menu entry of every demo account has records in
// its scope, not an empty state). Shared by the accessibility sweep and roles.spec.

/**
 * What the main area shows: its empty states ("暂无…", an empty table), its records (table rows,
 * cards inside the page's frame, charts, descriptions, tree nodes, timelines, statistics) and its
 * form fields — a file to choose counts as one (the import pages are tools: their content is the
 * form). Null when the page has no main area.
 */
export async function mainContent(page) {
  const main = page.locator('.el-main');
  if (!(await main.count())) return null;
  return main.first().evaluate((root) => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = (selector) => Array.from(root.querySelectorAll(selector)).filter(visible);
    return {
      empties: all('.el-empty, .el-table__empty-block').map((e) => e.innerText.trim() || 'empty'),
      records: all('.el-table__row, .el-card:not(.page-card), [data-test$="-card"], [data-test="my-event"], [data-test$="-list"] > li, canvas, .el-descriptions, [data-test^="card-"], .el-tree-node, .el-timeline-item, .el-statistic, .el-collapse-item').length,
      fields: all('.el-form-item').length + root.querySelectorAll('input[type="file"]').length,
    };
  });
}

/** Why the page is not real content for the account, or null: records, or a form with no empty state. */
export function emptyPage(seen) {
  if (!seen) return 'no main area (not the signed-in layout)';
  if (seen.records > 0 || (seen.fields > 0 && !seen.empties.length)) return null;
  return seen.empties.length ? `only the empty state "${seen.empties.join(' / ')}"` : 'an empty main area';
}
