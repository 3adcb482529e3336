// Shared paging helpers. Kept in plain JS since 2020; typed through JSDoc.

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * Reads `?page=&pageSize=` from a query object. Out-of-range values are clamped rather than rejected:
 * old mobile clients send pageSize=500.
 * @param {Record<string, unknown>} query
 * @returns {{ page: number, pageSize: number, offset: number }}
 */
export function readPage(query) {
  const page = Math.max(1, Number.parseInt(String(query.page ?? '1'), 10) || 1);
  const requested = Number.parseInt(String(query.pageSize ?? query.limit ?? DEFAULT_PAGE_SIZE), 10);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, requested || DEFAULT_PAGE_SIZE));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/**
 * @template T
 * @param {T[]} items
 * @param {{ page: number, pageSize: number }} paging
 * @param {number} total
 */
export function pageOf(items, paging, total) {
  return {
    items,
    page: paging.page,
    pageSize: paging.pageSize,
    total,
    totalPages: Math.max(1, Math.ceil(total / paging.pageSize)),
  };
}
