import { exceeds, licensedCapacity, type UserCounts } from '../../shared/license/capacity';
import { sendApi, type AuthentikApi } from './authentik-api';
import { clockOffset } from './instance-clock';
import { InstanceError } from './instance-error';
import type { InstanceSnapshot } from './instance-snapshot';

/** Deletes an installed license with exactly one DELETE of `/enterprise/license/<uuid>/`; authentik answers 204. */
export async function deleteLicense(api: AuthentikApi, licenseUuid: string): Promise<void> {
  const { response, context } = await sendApi(
    api,
    { what: 'deleting the license', path: `/enterprise/license/${licenseUuid}/`, method: 'DELETE' },
    (init) => api.enterprise.enterpriseLicenseDestroyRaw({ licenseUuid }, init),
  );
  if (response.status !== 204) {
    throw new InstanceError(
      'unexpected_response',
      `${context.host} answered ${context.what} with HTTP ${response.status} instead of 204; check the instance's licenses before trying again.`,
    );
  }
}

/**
 * The users a delete would leave uncovered, in words ("50 internal users against 35 seats"): the other
 * licenses' seats, counted as the instance's release counts them at its clock, against the users in use,
 * as the install preflight counts them; null when they still cover them (or usage is not known).
 */
export function uncoveredAfterDelete(snapshot: InstanceSnapshot, licenseUuid: string, now: number): string | null {
  const forecast = snapshot.forecast;
  if (forecast === null) return null;
  const usage: UserCounts = { internalUsers: forecast.internalUsers, externalUsers: forecast.externalUsers };
  const remaining = snapshot.licenses
    .filter((license) => license.licenseUuid !== licenseUuid)
    .map((license) => ({
      expiresAt: license.expiry,
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
    }));
  const seats = licensedCapacity(remaining, { rules: snapshot.rules, now: now + clockOffset(snapshot.clock) });
  if (!exceeds(usage, seats)) return null;
  const parts = (['internal', 'external'] as const)
    .map((kind) => {
      const used = usage[`${kind}Users`];
      const left = seats[`${kind}Users`];
      return used > left ? `${used.toLocaleString()} ${kind} users against ${left.toLocaleString()} seats` : null;
    })
    .filter((part) => part !== null);
  return parts.join(' and ');
}
