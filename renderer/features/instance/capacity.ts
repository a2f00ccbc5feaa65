import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { licensedCapacity, type UserCounts } from '../../../shared/license/capacity';

/**
 * The seats left at `now` once a license is deleted, counted as the instance's release counts them (an
 * expired license's seats count only in authentik 2024.8 to 2025.4.0), as the install preflight does.
 */
export function capacityWithout(detail: InstanceDetail, licenseUuid: string, now: number): UserCounts {
  const remaining = detail.licenses
    .filter((license) => license.licenseUuid !== licenseUuid)
    .map((license) => ({
      expiresAt: Date.parse(license.expiry),
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
    }));
  return licensedCapacity(remaining, { rules: authentikRules(detail.instance.version), now });
}
