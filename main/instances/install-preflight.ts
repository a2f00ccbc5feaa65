import type { AuthentikRules } from '../../shared/license/authentik-rules';
import { licensedCapacity, type LicenseCapacity, type UserCounts } from '../../shared/license/capacity';
import type { VerdictReason } from '../../shared/license/verdict';
import { keyFingerprint } from '../license/fingerprint';
import type { TrustRoots } from '../license/trust-roots';
import { verifyKey, type Verdict } from '../license/verify-key';
import type { InstanceSnapshot } from './instance-snapshot';

export interface PreflightInput {
  /** The key verified offline against the instance's Install ID (null when it could not be read), by the instance's rules. */
  verdict: Verdict;
  /** authentik's rules for the instance's version: which installed licenses' seats count at `now`. */
  rules: AuthentikRules;
  now: number;
  installIdReadable: boolean;
  /** Every license installed now. */
  installed: readonly InstalledCapacity[];
  /** For a renewal: the installed license (its uuid) whose key this one replaces, so its seats leave as the new ones arrive; else null. */
  replaces: string | null;
  /** Current active users (from the forecast), null when unknown. */
  usage: UserCounts | null;
  /** The instance's live status now. */
  statusNow: string;
  allowOverCapacity: boolean;
  /** How the person overrides an over-capacity refusal where they are: a CLI flag or a button. */
  overrideHint: string;
}

/** An installed license as the preflight weighs it. */
export type InstalledCapacity = LicenseCapacity & { licenseUuid: string; name: string; fingerprint: string };

export type PreflightRefusal = VerdictReason | 'forbidden' | 'over_capacity' | 'not_installed';

export type PreflightResult =
  | { action: 'send'; warnings: string[] }
  | { action: 'already_installed'; fingerprint: string; warnings: string[] }
  | { action: 'refuse'; reason: PreflightRefusal; message: string; warnings: string[] };

/**
 * Decides, before anything is sent, whether installing a key is safe: genuine and for this instance,
 * not already installed, and not one that would tip an unlicensed instance straight into read-only.
 * A renewal (`replaces`) is judged against the instance without the license it replaces.
 */
export function installPreflight(input: PreflightInput): PreflightResult {
  const warnings: string[] = [];
  if (!input.installIdReadable) {
    return {
      action: 'refuse',
      reason: 'forbidden',
      message: 'The instance\'s Install ID could not be read (the token lacks the view_license permission), so the key cannot be checked against it; nothing was sent.',
      warnings,
    };
  }
  if (input.replaces !== null && !input.installed.some((license) => license.licenseUuid === input.replaces)) {
    return {
      action: 'refuse',
      reason: 'not_installed',
      message: `The license to replace (id ${input.replaces}) is not installed on this instance any more: it was deleted or replaced meanwhile. Refresh the licenses and choose the one to renew again; nothing was sent.`,
      warnings,
    };
  }
  const { verdict } = input;
  if (!verdict.valid) return { action: 'refuse', reason: verdict.reason, message: `${verdict.message} Nothing was sent.`, warnings };
  if (input.installed.some((license) => license.fingerprint === verdict.fingerprint)) {
    return { action: 'already_installed', fingerprint: verdict.fingerprint, warnings };
  }
  const claims = verdict.claims;
  if (claims === null) throw new Error('a valid verdict has claims');
  const after = licensedCapacity(
    [
      ...input.installed.filter((license) => license.licenseUuid !== input.replaces),
      { expiresAt: claims.exp * 1000, internalUsers: claims.internal_users, externalUsers: claims.external_users },
    ],
    { rules: input.rules, now: input.now },
  );
  if (input.usage === null) {
    warnings.push('Current usage could not be read, so whether this key covers the users was not checked.');
    return { action: 'send', warnings };
  }
  const over = overCapacity(input.usage, after, uncountedExpired(input));
  if (over === null) return { action: 'send', warnings };
  if (input.statusNow === 'unlicensed' && !input.allowOverCapacity) {
    return {
      action: 'refuse',
      reason: 'over_capacity',
      message: `${over} An unlicensed authentik instance that installs too small a first license becomes read-only at once, so nothing was sent; use a larger license, or ${input.overrideHint} to install it anyway.`,
      warnings,
    };
  }
  warnings.push(
    input.statusNow === 'unlicensed'
      ? `${over} Installed anyway: authentik turns read-only at once, since it never had a valid license.`
      : `${over} authentik will warn administrators after 2 weeks over capacity, then users, then turn read-only after 6.`,
  );
  return { action: 'send', warnings };
}

/** Why installed licenses add no seats by these rules: those left installed that have expired; null when none is left out. */
function uncountedExpired(input: PreflightInput): string | null {
  if (input.rules.expiredSeatsCount) return null;
  const expired = input.installed.filter((license) => license.licenseUuid !== input.replaces && license.expiresAt < input.now);
  if (expired.length === 0) return null;
  const which = expired.length === 1 ? `the expired license "${expired[0]?.name}"` : `the ${expired.length} expired licenses`;
  return `The seats of ${which} do not count (${input.rules.releases}).`;
}

function overCapacity(usage: UserCounts, capacity: UserCounts, note: string | null): string | null {
  const parts: string[] = [];
  if (usage.internalUsers > capacity.internalUsers) parts.push(`${usage.internalUsers} internal users exceed the ${capacity.internalUsers} licensed`);
  if (usage.externalUsers > capacity.externalUsers) parts.push(`${usage.externalUsers} external users exceed the ${capacity.externalUsers} licensed`);
  if (parts.length === 0) return null;
  return `With this key, ${parts.join(' and ')}.${note === null ? '' : ` ${note}`}`;
}

/** The preflight for a key against what an instance reports now, with the inputs it judged. */
export function preflightAgainst(
  snapshot: InstanceSnapshot,
  key: string,
  options: { roots: TrustRoots; now: number; allowOverCapacity: boolean; overrideHint: string; replaces?: string | null },
): { verdict: Verdict; preflight: PreflightResult; installed: InstalledCapacity[]; usage: UserCounts | null } {
  const replaces = options.replaces ?? null;
  const verdict = verifyKey(key, { roots: options.roots, at: options.now, installId: snapshot.installId, rules: snapshot.rules });
  const installed = snapshot.licenses.map((license) => ({
    licenseUuid: license.licenseUuid,
    name: license.name,
    expiresAt: license.expiry,
    internalUsers: license.internalUsers,
    externalUsers: license.externalUsers,
    fingerprint: keyFingerprint(license.key),
  }));
  const usage = snapshot.forecast === null ? null : { internalUsers: snapshot.forecast.internalUsers, externalUsers: snapshot.forecast.externalUsers };
  const preflight = installPreflight({
    verdict,
    rules: snapshot.rules,
    now: options.now,
    installIdReadable: snapshot.installId !== null,
    installed,
    replaces,
    usage,
    statusNow: snapshot.live.status,
    allowOverCapacity: options.allowOverCapacity,
    overrideHint: options.overrideHint,
  });
  return { verdict, preflight, installed, usage };
}
