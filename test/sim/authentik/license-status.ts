import type { LicenseTotal } from './license-total';
import type { SimUserCounts } from './types';

/** `LicenseUsageStatus` (authentik/enterprise/models.py, 2024.8 →). */
export type SimLicenseStatus =
  'unlicensed' | 'valid' | 'expired' | 'expiry_soon' | 'limit_exceeded_admin' | 'limit_exceeded_user' | 'read_only';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// authentik/enterprise/models.py (2024.8 →); the pre-2024.8 summary used the same 2/4/6 weeks inline.
export const THRESHOLD_WARNING_ADMIN_MS = 2 * WEEK_MS;
export const THRESHOLD_WARNING_USER_MS = 4 * WEEK_MS;
const THRESHOLD_WARNING_EXPIRY_MS = 2 * WEEK_MS;
export const THRESHOLD_READ_ONLY_MS = 6 * WEEK_MS;

export interface StatusInput {
  total: LicenseTotal;
  /** `License.objects.exists()`. */
  hasLicense: boolean;
  /** Active internal and external users (`get_internal_user_count()`, `get_external_user_count()`). */
  users: SimUserCounts;
  /** `last_valid_date()`, epoch ms. */
  lastValid: number;
  now: number;
}

/**
 * Whether the users fit the seats: `is_valid()` before 2024.8 (the summary's `valid` and a usage
 * record's `within_limits`), the capacity test of `status()` from 2024.8. Strictly greater is over.
 */
export function withinLimits(total: LicenseTotal, users: SimUserCounts): boolean {
  return users.internal <= total.internalUsers && users.external <= total.externalUsers;
}

/**
 * `LicenseKey.status()` (2024.8 →, unchanged by #14451), with authentik's comparisons:
 *   exp == 0 and no License row                     → unlicensed
 *   over capacity: last_valid < now - 6w            → read_only
 *                  last_valid < now - 4w            → limit_exceeded_user
 *                  last_valid < now - 2w            → limit_exceeded_admin
 *                  (a younger last_valid falls through to the expiry checks)
 *   exp < now: exp < now - 6w → read_only, else     → expired
 *   exp <= now + 2w                                 → expiry_soon
 *   otherwise                                       → valid
 */
export function licenseStatus(input: StatusInput): SimLicenseStatus {
  const { total, now, lastValid } = input;
  if (total.exp === 0 && !input.hasLicense) return 'unlicensed';
  if (!withinLimits(total, input.users)) {
    if (lastValid < now - THRESHOLD_READ_ONLY_MS) return 'read_only';
    if (lastValid < now - THRESHOLD_WARNING_USER_MS) return 'limit_exceeded_user';
    if (lastValid < now - THRESHOLD_WARNING_ADMIN_MS) return 'limit_exceeded_admin';
  }
  const expiry = total.exp * 1000;
  if (expiry < now) return expiry < now - THRESHOLD_READ_ONLY_MS ? 'read_only' : 'expired';
  if (expiry <= now + THRESHOLD_WARNING_EXPIRY_MS) return 'expiry_soon';
  return 'valid';
}
