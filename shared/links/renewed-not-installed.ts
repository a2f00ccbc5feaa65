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

/** How a key waiting to be installed came to be: renewed (it replaces an earlier key) or paid for as a new license. */
export type NotInstalledOrigin = 'renewed' | 'paid';

/**
 * A license renewed at least once names the key it held before (`previous_key_fingerprint`); a new
 * purchase has none. So "Renewed, not installed" is said only of a renewal, "Paid, not installed" of a purchase.
 */
export function notInstalledOrigin(license: { previousKeyFingerprint: string | null }): NotInstalledOrigin {
  return license.previousKeyFingerprint === null ? 'paid' : 'renewed';
}

/** The tag for a key not yet installed, in words: "Renewed, not installed" or "Paid, not installed". */
export function notInstalledWords(origin: NotInstalledOrigin): string {
  return origin === 'renewed' ? 'Renewed, not installed' : 'Paid, not installed';
}
