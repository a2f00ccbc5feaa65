/** authentik's pagination envelope (authentik/api/pagination.py): page NUMBERS, 0 when there is none. */
export interface PaginationJson {
  next: number;
  previous: number;
  count: number;
  current: number;
  total_pages: number;
  start_index: number;
  end_index: number;
}

export interface Page<T> {
  pagination: PaginationJson;
  results: T[];
  autocomplete: Record<string, never>;
}

/** authentik's REST_FRAMEWORK PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 100;

const INTEGER = /^\s*[+-]?\d+\s*$/;

/** DRF's `_positive_int(value, strict=True, cutoff)`: null when the value is not a positive integer. */
function positiveInt(value: string, cutoff: number): number | null {
  if (!INTEGER.test(value)) return null;
  const number = Number.parseInt(value, 10);
  if (number <= 0) return null;
  return Math.min(number, cutoff);
}

/**
 * The page size: `page_size` when it is a positive integer, capped at the maximum; otherwise the default.
 * authentik's default is 100 uncapped; here the default is capped too, so that a simulator with a low
 * maximum pages even for a client that sends no page_size.
 */
export function pageSizeOf(query: URLSearchParams, maxPageSize: number): number {
  const requested = query.get('page_size');
  const fallback = Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (requested === null) return fallback;
  return positiveInt(requested, maxPageSize) ?? fallback;
}

/**
 * Django's `Paginator.page()` behind DRF's `PageNumberPagination`: `page` missing or empty → 1, `last` →
 * the last page, an integer (as Python's `int()` reads it) within 1..total_pages; anything else is
 * null, which the API answers with 404 {"detail": "Invalid page."}. An empty list still has page 1.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, maxPageSize: number): Page<T> | null {
  const size = pageSizeOf(query, maxPageSize);
  const count = items.length;
  const totalPages = count === 0 ? 1 : Math.ceil(count / size);
  const raw = query.get('page') ?? '';
  let number: number;
  if (raw === '') number = 1;
  else if (raw === 'last') number = totalPages;
  else if (INTEGER.test(raw)) number = Number.parseInt(raw, 10);
  else return null;
  if (number < 1 || number > totalPages) return null;
  const start = (number - 1) * size;
  const results = items.slice(start, start + size);
  return {
    pagination: {
      next: number < totalPages ? number + 1 : 0,
      previous: number > 1 ? number - 1 : 0,
      count,
      current: number,
      total_pages: totalPages,
      start_index: count === 0 ? 0 : start + 1,
      end_index: number === totalPages ? count : number * size,
    },
    results,
    autocomplete: {},
  };
}
