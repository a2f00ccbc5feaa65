import type { LicenseJson } from './license-store';

type Field = keyof LicenseJson;
/** The serializer's fields: DRF's `OrderingFilter` accepts these when a view names no `ordering_fields`. */
const ORDERABLE: readonly Field[] = ['license_uuid', 'name', 'key', 'expiry', 'internal_users', 'external_users'];

function compare(a: LicenseJson, b: LicenseJson, field: Field): number {
  const x = a[field];
  const y = b[field];
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

/** `ordering=name,-expiry`: unknown fields are dropped; none left means the view's default, `name`. */
function orderingOf(query: URLSearchParams): { field: Field; descending: boolean }[] {
  const terms = (query.get('ordering') ?? '')
    .split(',')
    .map((term) => term.trim())
    .map((term) => ({ field: term.replace(/^-/, '') as Field, descending: term.startsWith('-') }))
    .filter((term) => ORDERABLE.includes(term.field));
  return terms.length > 0 ? terms : [{ field: 'name', descending: false }];
}

/**
 * The license list's filters, as `LicenseViewSet` declares them: `name` (exact), `search` (every term a
 * case-insensitive substring of the name), `ordering`. Equal rows keep insertion order.
 */
export function queryLicenses(licenses: readonly LicenseJson[], query: URLSearchParams): LicenseJson[] {
  let rows = [...licenses];
  const name = query.get('name');
  if (name !== null && name !== '') rows = rows.filter((row) => row.name === name);
  const terms = (query.get('search') ?? '').split(/[\s,]+/).filter((term) => term !== '');
  for (const term of terms) rows = rows.filter((row) => row.name.toLowerCase().includes(term.toLowerCase()));
  const ordering = orderingOf(query);
  return rows.sort((a, b) => {
    for (const { field, descending } of ordering) {
      const order = compare(a, b, field);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}
