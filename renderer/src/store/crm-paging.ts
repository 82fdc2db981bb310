/** CRM lists page by offset: one row more than a page is asked for, so "Load more" only shows when there is more. */
export const CRM_PAGE_SIZE = 50;

export function pageOf<Row>(rows: Row[]): { rows: Row[]; hasMore: boolean } {
  return { rows: rows.slice(0, CRM_PAGE_SIZE), hasMore: rows.length > CRM_PAGE_SIZE };
}
