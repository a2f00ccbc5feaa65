import type { AuthentikRules } from '../../shared/license/authentik-rules';
import { DAY_MS } from '../../shared/time/durations';
import { toIsoUtc } from '../../shared/time/iso';
import type { TrustRoots } from '../license/trust-roots';
import { verifyKey, type Verdict } from '../license/verify-key';
import type { InstanceSnapshot } from './instance-snapshot';
import { clockOffset, clockVerdictNote } from './instance-clock';
import { installedLicenseJson } from './license-json';
import { exitForStatus, worstExit, type ExitCode } from './monitoring-state';

const EXPIRY_WARNING_DAYS = 30;
/** What `invalid` (a pre-2024.8 summary's `valid: false`) means. */
const LEGACY_INVALID_NOTE =
  'authentik before 2024.8 reports the licenses as not valid (invalid): the active users exceed the seats of the unexpired licenses, because there are too many users or every license has expired.';
const CLOCK_SKEW_NOTE_MS = 60_000;

/** The `status --json` contract, field for field. */
export interface StatusReport {
  instance: { url: string; version: string; install_id: string | null };
  status: string;
  status_cached: string;
  latest_valid: string | null;
  licensed: { internal_users: number; external_users: number };
  usage: { internal_users: number; external_users: number } | null;
  forecast: {
    internal_users: number;
    external_users: number;
    forecasted_internal_users: number;
    forecasted_external_users: number;
  } | null;
  flags: string[];
  licenses: {
    license_uuid: string;
    name: string;
    expiry: string;
    internal_users: number;
    external_users: number;
    fingerprint: string;
    verification: { valid: boolean; reason: string };
  }[];
  warnings: string[];
  notes: string[];
  exit: ExitCode;
}

/** When the instance could not be read: always UNKNOWN. */
export interface StatusFailure {
  instance: { url: string; version: null; install_id: null };
  status: null;
  error: { code: string; message: string };
  exit: 3;
}

export function statusFailure(url: string, code: string, message: string): StatusFailure {
  return { instance: { url, version: null, install_id: null }, status: null, error: { code, message }, exit: 3 };
}

/** The installed keys' offline verdicts, in the order of `snapshot.licenses`. */
export interface InstalledVerdicts {
  /** By the instance's clock (this computer's moved by the measured skew): authentik judges by its own. */
  verdicts: Verdict[];
  /** By this computer's clock, where that gives another answer; else null. */
  byLocalClock: (Verdict | null)[];
  /** The instance's clock minus this computer's, ms (0 when unknown or under a second). */
  offsetMs: number;
}

/** Every installed key verified offline against the instance's Install ID, by the instance's clock and, when it is off, by this computer's. */
export function verifyInstalled(snapshot: InstanceSnapshot, roots: TrustRoots, now: number): InstalledVerdicts {
  const offsetMs = clockOffset(snapshot.clock);
  const verifyAt = (at: number): Verdict[] =>
    snapshot.licenses.map((license) =>
      verifyKey(license.key, { roots, at, installId: snapshot.installId, rules: snapshot.rules }),
    );
  const verdicts = verifyAt(now + offsetMs);
  const local = offsetMs === 0 ? [] : verifyAt(now);
  const byLocalClock = verdicts.map((verdict, index) => {
    const other = local[index];
    return other !== undefined && other.reason !== verdict.reason ? other : null;
  });
  return { verdicts, byLocalClock, offsetMs };
}

/** What an expired license still installed means by the instance's rules. */
function expiredNote(name: string, expiry: string, rules: AuthentikRules): string {
  const counts = rules.expiredSeatsCount
    ? `${rules.releases} still counts its seats, and takes the latest expiry of all licenses`
    : `its seats no longer count (${rules.releases})`;
  return `The expired license "${name}" (${expiry}) is still installed; ${counts}.`;
}

/** A key as the duplicate warning names it. */
export interface NamedKey {
  name: string;
  fingerprint: string;
}

/** The warning for a license installed a second time: as the same key, or as a key that differs only in its signature (see `licenseIdentity`). */
export function duplicateKeyWarning(first: NamedKey, second: NamedKey): string {
  if (first.fingerprint === second.fingerprint) {
    return `The same key is installed twice ("${first.name}" and "${second.name}", ${first.fingerprint}); authentik counts its users twice. Delete one.`;
  }
  return (
    `The same license is installed twice, as two keys that differ only in their signature ("${first.name}", ${first.fingerprint}, and ` +
    `"${second.name}", ${second.fingerprint}); authentik counts its users twice. Delete one.`
  );
}

/** The duplicate warnings for installed keys, by their signed content: the first copy of a license named with each later one. */
export function duplicateKeyWarningsOf(keys: readonly (NamedKey & { licenseIdentity: string })[]): string[] {
  const first = new Map<string, NamedKey>();
  const warnings: string[] = [];
  for (const key of keys) {
    const earlier = first.get(key.licenseIdentity);
    if (earlier === undefined) first.set(key.licenseIdentity, key);
    else warnings.push(duplicateKeyWarning(earlier, key));
  }
  return warnings;
}

/** The note for a server clock more than a minute off (`skewMs`: server minus local); null when within it or unknown. */
export function clockSkewNote(skewMs: number | null): string | null {
  if (skewMs === null || Math.abs(skewMs) <= CLOCK_SKEW_NOTE_MS) return null;
  const minutes = Math.round(skewMs / 60_000);
  return `The instance's clock is ${Math.abs(minutes)} minute(s) ${minutes > 0 ? 'ahead of' : 'behind'} this computer's; authentik judges expiry by its own clock.`;
}

/**
 * What one instance's license state means for an operator: the live and cached status, every
 * installed key checked offline (`verdicts`, computed here unless given), the warnings that turn OK
 * into WARNING, and notes that never do.
 */
export function statusReport(
  snapshot: InstanceSnapshot,
  roots: TrustRoots,
  now: number,
  checked: InstalledVerdicts = verifyInstalled(snapshot, roots, now),
): StatusReport {
  const warnings: string[] = [];
  const notes: string[] = [];
  const { live, cached } = snapshot;

  const keys: (NamedKey & { licenseIdentity: string })[] = [];
  const licenses = snapshot.licenses.map((license, index) => {
    const verdict = checked.verdicts[index];
    if (verdict === undefined) throw new Error('statusReport: one verdict per installed license');
    const local = checked.byLocalClock[index] ?? null;
    const clockNote =
      local === null
        ? null
        : clockVerdictNote(`the license "${license.name}"`, verdict.reason, local.reason, checked.offsetMs);
    if (clockNote !== null) notes.push(clockNote);
    const entry = { ...installedLicenseJson(license), verification: { valid: verdict.valid, reason: verdict.reason } };
    keys.push({ name: entry.name, fingerprint: entry.fingerprint, licenseIdentity: verdict.licenseIdentity });
    return entry;
  });

  if (live.latestValid !== null && live.latestValid > now && live.latestValid <= now + EXPIRY_WARNING_DAYS * DAY_MS) {
    const days = Math.floor((live.latestValid - now) / DAY_MS);
    warnings.push(
      `The licenses run out on ${toIsoUtc(live.latestValid).slice(0, 10)}, in ${days} day${days === 1 ? '' : 's'}: renew before then.`,
    );
  }
  warnings.push(...duplicateKeyWarningsOf(keys));
  for (const license of licenses) {
    if (license.verification.reason === 'expired') {
      notes.push(expiredNote(license.name, license.expiry, snapshot.rules));
    } else if (!license.verification.valid) {
      warnings.push(
        `The installed license "${license.name}" fails offline verification: ${license.verification.reason}.`,
      );
    }
  }
  if (live.status !== cached.status) {
    warnings.push(
      `authentik's cached status (${cached.status}, what it enforces) differs from the live one (${live.status}); the cache can lag by hours.`,
    );
  }
  if (snapshot.installIdAvailability === 'forbidden')
    warnings.push('The Install ID could not be read: the token lacks the view_license permission.');
  if (snapshot.forecastAvailability === 'forbidden')
    warnings.push('Current usage could not be read: the token lacks the view_license permission.');
  if (snapshot.rules.assumption !== null) notes.push(`Licensing rules: ${snapshot.rules.assumption}.`);
  if (live.status === 'invalid' || cached.status === 'invalid') notes.push(LEGACY_INVALID_NOTE);
  if (snapshot.forecastAvailability === 'absent')
    notes.push(`authentik ${snapshot.version} has no forecast endpoint, so current usage is unknown.`);
  const clockNote = clockSkewNote(snapshot.clock?.skewMs ?? null);
  if (clockNote !== null) notes.push(clockNote);
  for (const status of new Set([live.status, cached.status])) {
    if (exitForStatus(status) === 3)
      notes.push(`authentik reported the status "${status}", which this version of aklm does not know.`);
  }

  const exit = worstExit([exitForStatus(live.status), exitForStatus(cached.status), warnings.length > 0 ? 1 : 0]);
  const forecast = snapshot.forecast;
  return {
    instance: { url: snapshot.url, version: snapshot.version, install_id: snapshot.installId },
    status: live.status,
    status_cached: cached.status,
    latest_valid: live.latestValid === null ? null : toIsoUtc(live.latestValid),
    licensed: { internal_users: live.internalUsers, external_users: live.externalUsers },
    usage:
      forecast === null ? null : { internal_users: forecast.internalUsers, external_users: forecast.externalUsers },
    forecast:
      forecast === null
        ? null
        : {
            internal_users: forecast.internalUsers,
            external_users: forecast.externalUsers,
            forecasted_internal_users: forecast.forecastedInternalUsers,
            forecasted_external_users: forecast.forecastedExternalUsers,
          },
    flags: live.licenseFlags,
    licenses,
    warnings,
    notes,
    exit,
  };
}
