import { callApi, type AuthentikApi } from './authentik-api';
import { licenseSchema } from './authentik-schemas';
import type { InstalledLicense } from './instance-snapshot';
import { installedLicenseOf } from './license-list';

/**
 * POSTs a key to `/enterprise/license/` exactly once (the fetch never retries writes) and returns the
 * license authentik created (201). A 400 becomes `invalid_key` with authentik's messages; a timeout or
 * reset after sending becomes `unreachable` with `maybeDelivered`, so the caller looks before retrying.
 */
export async function installLicense(api: AuthentikApi, key: string): Promise<InstalledLicense> {
  const { value } = await callApi(
    api,
    { what: 'installing the license', path: '/enterprise/license/', method: 'POST' },
    licenseSchema,
    (init) => api.enterprise.enterpriseLicenseCreateRaw({ licenseRequest: { key } }, init),
  );
  return installedLicenseOf(value);
}
