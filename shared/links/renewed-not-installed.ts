/** A license as the portal lists it: enough to compare, never the key. */
export interface PortalLicenseFacts {
  installId: string;
  status: string;
  keyFingerprint: string | null;
  /** Epoch ms; null while no key exists yet (pending payment). */
  expiresAt: number | null;
}

/** What an instance has installed, as last read. */
export interface InstalledKeyFacts {
  fingerprint: string;
  /** Epoch ms. */
  expiresAt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Install IDs are UUIDs, compared ignoring case; anything else never matches. */
function sameInstallation(a: string, b: string): boolean {
  return UUID.test(a) && UUID.test(b) && a.toLowerCase() === b.toLowerCase();
}

/**
 * A portal license was paid for (or renewed) but its key never reached the instance: it is for this
 * Install ID, active, its key is not among the installed ones, and it runs later than every installed key.
 * Decided from list data only, so no key has to be revealed to compare.
 */
export function isRenewedNotInstalled(
  license: PortalLicenseFacts,
  instance: { installId: string | null; installed: readonly InstalledKeyFacts[] },
): boolean {
  if (instance.installId === null || !sameInstallation(license.installId, instance.installId)) return false;
  if (license.status !== 'active' || license.keyFingerprint === null || license.expiresAt === null) return false;
  const expiresAt = license.expiresAt;
  if (instance.installed.some((key) => key.fingerprint === license.keyFingerprint)) return false;
  return instance.installed.every((key) => key.expiresAt < expiresAt);
}
