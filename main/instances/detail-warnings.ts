import type { DetailWarningKind } from '../../shared/instances/instance-detail';
import { DAY_MS } from '../../shared/time/durations';
import { toIsoUtc } from '../../shared/time/iso';
import type { ServerClock } from './instance-snapshot';
import type { LicenseFacts } from './reading-facts';

export interface DetailWarning {
  kind: DetailWarningKind;
  message: string;
}

/** A server clock further off than this (either way) is a warning; authentik judges expiry by its own clock. */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;
/** How far ahead the instance page looks for a trial key about to become the only valid license. */
export const TRIAL_ONLY_HORIZON_MS = 30 * DAY_MS;

const TRIAL_FLAG = 'trial';

const day = (ms: number): string => toIsoUtc(ms).slice(0, 10);
const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** A duration in its two largest units: "7 minutes 12 seconds", "3 days 4 hours". */
export function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [DAY_MS, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  let rest = Math.round(Math.abs(ms) / 1000) * 1000;
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(plural(count, unit));
  }
  const shown = parts.slice(0, 2).filter((part) => !part.startsWith('0 '));
  return shown.length === 0 ? '0 seconds' : shown.join(' ');
}

/**
 * Each license installed more than once, as the same key or as keys that differ only in their signature
 * (see `licenseIdentity`): authentik adds every installed license up, so its seats count as often.
 */
export function duplicateKeyWarnings(
  licenses: readonly Pick<
    LicenseFacts,
    'name' | 'fingerprint' | 'licenseIdentity' | 'internalUsers' | 'externalUsers'
  >[],
): DetailWarning[] {
  const byLicense = new Map<string, Pick<LicenseFacts, 'name' | 'fingerprint' | 'internalUsers' | 'externalUsers'>[]>();
  for (const license of licenses)
    byLicense.set(license.licenseIdentity, [...(byLicense.get(license.licenseIdentity) ?? []), license]);
  return [...byLicense.values()].flatMap((copies) => {
    const [first, ...extra] = copies;
    if (first === undefined || extra.length === 0) return [];
    // The name comes from the key's claims, so copies of one key normally share it; name each distinct one.
    const names = [...new Set(copies.map((copy) => `"${copy.name}"`))];
    const named = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const fingerprints = [...new Set(copies.map((copy) => copy.fingerprint))];
    const same =
      fingerprints.length === 1
        ? `The same key (${fingerprints[0]})`
        : `The same license, as ${fingerprints.length} keys that differ only in their signature (${fingerprints.join(', ')}),`;
    return [
      {
        kind: 'duplicate_key' as const,
        message:
          `${same} is installed ${copies.length} times, as ${named}. authentik adds up every installed license, so its ` +
          `${first.internalUsers} internal and ${first.externalUsers} external seats are counted ${copies.length} times: the licensed capacity ` +
          `is ${extra.length * first.internalUsers} internal and ${extra.length * first.externalUsers} external seats higher than what was bought. ` +
          `Delete ${extra.length === 1 ? 'one of the two copies' : `all but one of the ${copies.length} copies`}.`,
      },
    ];
  });
}

/**
 * A trial key that will be the only valid license within 30 days: every valid non-trial license expires
 * before it (and at least one does within the horizon). Null otherwise, also when a trial is already the
 * only license (nothing changes then).
 */
export function trialOnlyWarning(
  licenses: readonly Pick<LicenseFacts, 'name' | 'expiry' | 'flags' | 'verdict'>[],
  now: number,
): DetailWarning | null {
  const valid = licenses.filter((license) => license.verdict.valid && license.expiry > now);
  const trials = valid.filter((license) => license.flags.includes(TRIAL_FLAG));
  const full = valid.filter((license) => !license.flags.includes(TRIAL_FLAG));
  if (trials.length === 0 || full.length === 0) return null;
  const lastFull = Math.max(...full.map((license) => license.expiry));
  const outliving = trials.filter((license) => license.expiry > lastFull);
  if (outliving.length === 0 || lastFull - now > TRIAL_ONLY_HORIZON_MS) return null;
  const days = Math.floor((lastFull - now) / DAY_MS);
  const trial = outliving.reduce((longest, license) => (license.expiry > longest.expiry ? license : longest));
  return {
    kind: 'trial_only',
    message:
      `On ${day(lastFull)} (${days === 0 ? 'within a day' : `in ${plural(days, 'day')}`}) the last license that is not a trial expires, and the trial ` +
      `license "${trial.name}" (valid until ${day(trial.expiry)}) becomes the only valid license: every other license expires before it. ` +
      `authentik then runs on a trial license ("This authentik instance uses a Trial license."). Renew a full license before ${day(lastFull)}.`,
  };
}

const CLOCK_SOURCES: Record<ServerClock['source'], string> = {
  server_time: 'the server time authentik reports',
  date: 'its HTTP Date header',
};

/** A server clock more than 5 minutes off this computer's (server minus local); null within it or unknown. */
export function clockSkewWarning(clock: ServerClock | null): DetailWarning | null {
  if (clock === null || Math.abs(clock.skewMs) <= CLOCK_SKEW_WARNING_MS) return null;
  const { skewMs } = clock;
  const by = describeDuration(skewMs);
  const ahead = skewMs > 0;
  return {
    kind: 'clock_skew',
    message:
      `The instance's clock is ${by} ${ahead ? 'ahead of' : 'behind'} this computer's (from ${CLOCK_SOURCES[clock.source]}). authentik judges expiry by its own ` +
      `clock, so licenses run out there ${by} ${ahead ? 'earlier' : 'later'} than the dates shown here suggest. Check the time synchronisation (NTP) ` +
      `of the authentik server${ahead ? '' : ' and of this computer'}.`,
  };
}

/**
 * The Install ID changed since it was last seen (a restored or re-created database, say): keys issued
 * for the old one no longer count, and a new key must be bought for the new one.
 */
export function installIdChangedWarning(
  previousInstallId: string | null,
  installId: string | null,
  licenses: readonly Pick<LicenseFacts, 'verdict'>[],
): DetailWarning | null {
  if (previousInstallId === null) return null;
  const mismatched = licenses.filter((license) => license.verdict.reason === 'install_id_mismatch').length;
  const current = installId === null ? 'a new one' : installId;
  const which =
    mismatched === 0
      ? ''
      : ` (${mismatched === 1 ? '1 installed license is' : `${mismatched} installed licenses are`} for another Install ID)`;
  return {
    kind: 'install_id_changed',
    message:
      `This instance's Install ID changed from ${previousInstallId} to ${current}, as happens when authentik's database is restored or re-created. ` +
      `Keys issued for the old Install ID no longer count here${which}: buy a new key for ${current} in the customer portal and install it.`,
  };
}
