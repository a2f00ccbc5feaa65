import type { PortalClient } from '../../portal/portal-client';
import { IpcError } from '../ipc-error';

/** A license's key, fetched in main; `not_found` in words while it has none (its payment is pending). */
export async function licenseKey(client: PortalClient, org: string, id: string): Promise<string> {
  const license = await client.getLicense(org, id);
  if (license.key === null) {
    throw new IpcError('not_found', `The license "${license.nickname}" has no key yet: its payment has not been validated. It appears once the portal has validated the payment.`);
  }
  return license.key;
}
