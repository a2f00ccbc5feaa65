import { toIsoUtc } from '../../shared/time/iso';
import { keyFingerprint } from '../license/fingerprint';
import type { InstalledLicense } from './instance-snapshot';

/** An installed license as the CLI contracts print it: its fingerprint, never its key. */
export function installedLicenseJson(license: InstalledLicense) {
  return {
    license_uuid: license.licenseUuid,
    name: license.name,
    expiry: toIsoUtc(license.expiry),
    internal_users: license.internalUsers,
    external_users: license.externalUsers,
    fingerprint: keyFingerprint(license.key),
  };
}
