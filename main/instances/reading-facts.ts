import { keyFingerprint } from '../license/fingerprint';
import type { InstanceSnapshot, LicenseForecast, ServerClock } from './instance-snapshot';
import { isOverCapacity } from './over-capacity';
import type { InstalledVerdicts } from './status-report';

/** One installed license as the instance page shows it: its fingerprint and offline verdict, never its key. */
export interface LicenseFacts {
  licenseUuid: string;
  name: string;
  internalUsers: number;
  externalUsers: number;
  /** Epoch ms. */
  expiry: number;
  fingerprint: string;
  /** Its key's signed content: keys that share it are one license (see `licenseIdentity`). */
  licenseIdentity: string;
  /** `license_flags` of the key, only once its signature verified (else empty). */
  flags: string[];
  /** Verified offline against the instance's Install ID at `readAt`, by the instance's clock (as authentik judges). */
  verdict: { valid: boolean; reason: string; message: string };
  /** The same by this computer's clock, where that gives another answer; else null. */
  verdictByLocalClock: { valid: boolean; reason: string; message: string } | null;
}

/** What one successful read taught beyond the status report, kept for the session (no key, no token). */
export interface ReadingFacts {
  /** Epoch ms on this computer's clock. */
  readAt: number;
  /** The server's clock against this computer's; null when the server told no time. */
  clock: ServerClock | null;
  forecast: LicenseForecast | null;
  /** authentik's cached summary (what it enforces): the combined expiry and capacity it was computed with. */
  cached: { latestValid: number | null; internalUsers: number; externalUsers: number };
  licenses: LicenseFacts[];
  overCapacity: boolean;
  /** Every installed license verifies for the Install ID read (genuine and for it; expired counts), and at least one is installed. */
  licensesMatchInstallId: boolean;
}

/** The facts of a read, from its snapshot and the offline verdicts of its licenses (in the same order). */
export function readingFacts(snapshot: InstanceSnapshot, checked: InstalledVerdicts, readAt: number): ReadingFacts {
  const licenses = snapshot.licenses.map((license, index): LicenseFacts => {
    const verdict = checked.verdicts[index];
    if (verdict === undefined) throw new Error('readingFacts: one verdict per installed license');
    const local = checked.byLocalClock[index] ?? null;
    return {
      licenseUuid: license.licenseUuid,
      name: license.name,
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
      expiry: license.expiry,
      fingerprint: keyFingerprint(license.key),
      licenseIdentity: verdict.licenseIdentity,
      flags: verdict.claimsVerified && verdict.claims !== null ? [...verdict.claims.license_flags] : [],
      verdict: { valid: verdict.valid, reason: verdict.reason, message: verdict.message },
      verdictByLocalClock: local === null ? null : { valid: local.valid, reason: local.reason, message: local.message },
    };
  });
  return {
    readAt,
    clock: snapshot.clock,
    forecast: snapshot.forecast,
    cached: {
      latestValid: snapshot.cached.latestValid,
      internalUsers: snapshot.cached.internalUsers,
      externalUsers: snapshot.cached.externalUsers,
    },
    licenses,
    overCapacity: isOverCapacity(snapshot),
    licensesMatchInstallId:
      snapshot.installId !== null &&
      licenses.length > 0 &&
      licenses.every((license) => license.verdict.reason === 'ok' || license.verdict.reason === 'expired'),
  };
}
