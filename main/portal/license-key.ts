import type { LicenseWithKey } from '../../shared/portal/schemas/licenses';
import type { PortalClient } from './portal-client';
import { PortalError } from './portal-error';

/** A license with its key, fetched in main; `not_found` in words while it has none (its payment is pending). */
export async function keyedLicense(
  client: PortalClient,
  org: string,
  id: string,
): Promise<LicenseWithKey & { key: string }> {
  const license = await client.getLicense(org, id);
  const { key } = license;
  if (key === null) {
    throw new PortalError(
      'not_found',
      `The license "${license.nickname}" has no key yet: its payment has not been validated. It appears once the portal has validated the payment.`,
    );
  }
  return { ...license, key };
}

/** A license's key, fetched in main (see `keyedLicense`). */
export async function licenseKey(client: PortalClient, org: string, id: string): Promise<string> {
  return (await keyedLicense(client, org, id)).key;
}
