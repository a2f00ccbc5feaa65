import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { licensedCapacity, type UserCounts } from '../../../shared/license/capacity';
import { guideCapacities } from '../../../shared/instances/instance-timeline';

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

/** authentik's licensed seats beside the product guide's at `now`, and what authentik counts that the guide does not. */
export interface SeatsDifference {
  authentik: UserCounts;
  guide: UserCounts;
  reasons: string[];
}

const licensesWord = (count: number): string => (count === 1 ? '1 license' : `${count} licenses`);

/**
 * Where the seats authentik reports differ from the guide's (only unexpired licenses valid for this
 * Install ID, as "Licensed seats over time" counts them): the licenses authentik adds up besides those.
 * Null when the two agree, or either count is not known.
 */
export function seatsDifference(detail: InstanceDetail, now: number): SeatsDifference | null {
  const authentik = detail.instance.licensed;
  // The licenses are known only from a read of this session; without them there is nothing to compare.
  if (authentik === null || detail.readAt === null) return null;
  const unexpired = guideCapacities(detail.licenses).filter((license) => license.expiresAt > now);
  const guide = {
    internalUsers: unexpired.reduce((sum, license) => sum + license.internalUsers, 0),
    externalUsers: unexpired.reduce((sum, license) => sum + license.externalUsers, 0),
  };
  if (guide.internalUsers === authentik.internalUsers && guide.externalUsers === authentik.externalUsers) return null;
  const rules = authentikRules(detail.instance.version);
  const notHere = detail.licenses.filter((license) => !license.verdict.valid && license.verdict.reason !== 'expired');
  const expired = detail.licenses.filter((license) => Date.parse(license.expiry) <= now);
  const reasons = [
    notHere.length > 0 ? `${licensesWord(notHere.length)} not valid for this Install ID` : null,
    rules.expiredSeatsCount && expired.length > 0
      ? `${licensesWord(expired.length)} already expired, whose seats this authentik release still counts`
      : null,
  ].filter((reason) => reason !== null);
  return { authentik, guide, reasons };
}
