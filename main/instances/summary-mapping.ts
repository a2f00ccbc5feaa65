import type { z } from 'zod';
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

/** The pre-2024.8 booleans as the status authentik would report today, checked in this order. */
export function legacyStatus(wire: z.output<typeof legacySummarySchema>): string {
  if (wire.read_only) return 'read_only';
  if (wire.show_user_warning) return 'limit_exceeded_user';
  if (wire.show_admin_warning) return 'limit_exceeded_admin';
  if (!wire.has_license) return 'unlicensed';
  if (!wire.valid) return 'expired';
  return 'valid';
}

/** A summary from authentik before 2024.8 (no flags existed in the summary then). */
export function summaryFromLegacyWire(wire: z.output<typeof legacySummarySchema>): LicenseSummary {
  return {
    status: legacyStatus(wire),
    internalUsers: wire.internal_users ?? 0,
    externalUsers: wire.external_users ?? 0,
    latestValid: wire.has_license ? latestValidOf(wire.latest_valid) : null,
    licenseFlags: [],
  };
}
