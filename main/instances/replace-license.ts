import { callApi, type AuthentikApi } from './authentik-api';
import { licenseSchema } from './authentik-schemas';
import type { InstalledLicense } from './instance-snapshot';
import { installedLicenseOf } from './license-list';

/**
 * Replaces the key of an installed license (a renewal) with exactly one PATCH of
 * `/enterprise/license/<uuid>/` `{ key }`, never retried, and returns the license as authentik saved it.
 * Errors as for installing: `invalid_key` with authentik's messages, `maybeDelivered` when the answer was lost.
 */
export async function replaceLicense(api: AuthentikApi, licenseUuid: string, key: string): Promise<InstalledLicense> {
  const { value } = await callApi(
    api,
    { what: 'replacing the license key', path: `/enterprise/license/${licenseUuid}/`, method: 'PATCH' },
    licenseSchema,
    (init) => api.enterprise.enterpriseLicensePartialUpdateRaw({ licenseUuid, patchedLicenseRequest: { key } }, init),
  );
  return installedLicenseOf(value);
}
