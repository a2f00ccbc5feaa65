import type { z } from 'zod';
import { statusOfLegacySummary } from '../../shared/license/legacy-summary';
import type { legacySummarySchema, summarySchema } from './authentik-schemas';
import type { LicenseSummary } from './instance-snapshot';

/** authentik sends the epoch as `latest_valid` when nothing is licensed; that means "none". */
function latestValidOf(ms: number | undefined): number | null {
  return ms === undefined || ms <= 0 ? null : ms;
}

/** A summary from authentik 2024.8 or later; an unknown `status` is kept as received. */
export function summaryFromWire(wire: z.output<typeof summarySchema>): LicenseSummary {
  return {
    status: wire.status,
    internalUsers: wire.internal_users,
    externalUsers: wire.external_users,
    latestValid: latestValidOf(wire.latest_valid),
    licenseFlags: [...wire.license_flags],
  };
}

/** A summary from authentik before 2024.8 (no flags existed in the summary then). */
export function summaryFromLegacyWire(wire: z.output<typeof legacySummarySchema>): LicenseSummary {
  return {
    status: statusOfLegacySummary({
      valid: wire.valid,
      showAdminWarning: wire.show_admin_warning,
      showUserWarning: wire.show_user_warning,
      readOnly: wire.read_only,
      hasLicense: wire.has_license,
    }),
    internalUsers: wire.internal_users ?? 0,
    externalUsers: wire.external_users ?? 0,
    latestValid: wire.has_license ? latestValidOf(wire.latest_valid) : null,
    licenseFlags: [],
  };
}
