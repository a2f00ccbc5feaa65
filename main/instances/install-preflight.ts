import type { AuthentikRules } from '../../shared/license/authentik-rules';
import {
  combinedExpiry,
  exceeds,
  licensedCapacity,
  type LicenseCapacity,
  type UserCounts,
} from '../../shared/license/capacity';
import { lastValidBounds, type StatusObservation } from '../../shared/license/last-valid-bounds';
import { readOnlyOutlook } from '../../shared/license/read-only-outlook';
import type { VerdictReason } from '../../shared/license/verdict';
import { licenseIdentity } from '../license/fingerprint';
import type { TrustRoots } from '../license/trust-roots';
import { verifyKey, type Verdict } from '../license/verify-key';
import { clockOffset, clockVerdictNote } from './instance-clock';
import type { InstanceSnapshot } from './instance-snapshot';
import { overCapacityWarning, refusalMessage, type OverCapacityFinding } from './over-capacity-words';
import { observationsOf, type StatusHistoryEntry } from './status-history';

export interface PreflightInput {
  /** The key verified offline against the instance's Install ID (null when it could not be read), by the instance's rules and clock. */
  verdict: Verdict;
  /** authentik's rules for the instance's version: which installed licenses' seats count at `now`. */
  rules: AuthentikRules;
  /** Epoch ms on the instance's clock, which authentik judges by. */
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
  /** Earlier readings of the instance (the app's status history), on its clock; none for a one-off read. */
  history: readonly StatusObservation[];
  allowOverCapacity: boolean;
  /** How the person overrides an over-capacity refusal where they are: a CLI flag or a button. */
  overrideHint: string;
}

/** An installed license as the preflight weighs it; `licenseIdentity` is its key's signed content (see `licenseIdentity`). */
export type InstalledCapacity = LicenseCapacity & { licenseUuid: string; name: string; licenseIdentity: string };

export type PreflightRefusal = VerdictReason | 'forbidden' | 'over_capacity' | 'not_installed';

/** Every answer carries `overCapacity` when the users would exceed the seats after the key (null otherwise, or when not judged). */
export type PreflightResult = { warnings: string[]; overCapacity: OverCapacityFinding | null } & (
  | { action: 'send' }
  | { action: 'already_installed'; licenseUuid: string }
  | { action: 'refuse'; reason: PreflightRefusal; message: string }
);

/**
 * Decides, before anything is sent, whether installing a key is safe: genuine and for this instance,
 * not already installed, and not one after which authentik would be read-only right away because the
 * users still exceed the seats and its last valid usage record is (or may be) more than 6 weeks old.
 * A renewal (`replaces`) is judged against the instance without the license it replaces.
 */
export function installPreflight(input: PreflightInput): PreflightResult {
  const warnings: string[] = [];
  const refuse = (reason: PreflightRefusal, message: string): PreflightResult => ({
    action: 'refuse',
    reason,
    message,
    warnings,
    overCapacity: null,
  });
  if (!input.installIdReadable) {
    return refuse(
      'forbidden',
      "The instance's Install ID could not be read (the token lacks the view_license permission), so the key cannot be checked against it; nothing was sent.",
    );
  }
  if (input.replaces !== null && !input.installed.some((license) => license.licenseUuid === input.replaces)) {
    return refuse(
      'not_installed',
      `The license to replace (id ${input.replaces}) is not installed on this instance any more: it was deleted or replaced meanwhile. Refresh the licenses and choose the one to renew again; nothing was sent.`,
    );
  }
  const { verdict } = input;
  if (!verdict.valid) return refuse(verdict.reason, `${verdict.message} Nothing was sent.`);
  // The same license, whether as this very key or as another signature of its signed content: a second copy would count its seats twice.
  const copy = input.installed.find((license) => license.licenseIdentity === verdict.licenseIdentity);
  if (copy !== undefined)
    return { action: 'already_installed', licenseUuid: copy.licenseUuid, warnings, overCapacity: null };
  const claims = verdict.claims;
  if (claims === null) throw new Error('a valid verdict has claims');
  const at = { rules: input.rules, now: input.now };
  const remaining = [
    ...input.installed.filter((license) => license.licenseUuid !== input.replaces),
    { expiresAt: claims.exp * 1000, internalUsers: claims.internal_users, externalUsers: claims.external_users },
  ];
  const after = licensedCapacity(remaining, at);
  const { usage } = input;
  if (usage === null) {
    warnings.push('Current usage could not be read, so whether this key covers the users was not checked.');
    return { action: 'send', warnings, overCapacity: null };
  }
  if (!exceeds(usage, after)) return { action: 'send', warnings, overCapacity: null };

  const lastValid = lastValidBounds({
    status: input.statusNow,
    overCapacity: exceeds(usage, licensedCapacity(input.installed, at)),
    now: input.now,
    rules: input.rules,
    history: input.history,
  });
  const finding: OverCapacityFinding = {
    usage,
    seatsAfter: after,
    lastValid,
    outlook: readOnlyOutlook(lastValid, {
      now: input.now,
      rules: input.rules,
      expiryAfter: combinedExpiry(remaining, at),
    }),
    readOnlyNow: input.statusNow === 'read_only',
    now: input.now,
    note: uncountedExpired(input),
  };
  const readOnlyAtOnce = finding.outlook.atOnce !== 'no';
  if (readOnlyAtOnce && !input.allowOverCapacity)
    return { ...refuse('over_capacity', refusalMessage(finding, input.overrideHint)), overCapacity: finding };
  warnings.push(overCapacityWarning(finding, readOnlyAtOnce));
  return { action: 'send', warnings, overCapacity: finding };
}

/** Why installed licenses add no seats by these rules: those left installed that have expired; null when none is left out. */
function uncountedExpired(input: PreflightInput): string | null {
  if (input.rules.expiredSeatsCount) return null;
  const expired = input.installed.filter(
    (license) => license.licenseUuid !== input.replaces && license.expiresAt < input.now,
  );
  if (expired.length === 0) return null;
  const which =
    expired.length === 1 ? `the expired license "${expired[0]?.name}"` : `the ${expired.length} expired licenses`;
  return `The seats of ${which} do not count (${input.rules.releases}).`;
}

/** The preflight for a key against what an instance reports now, with the inputs it judged. */
export interface PreflightAgainst {
  verdict: Verdict;
  preflight: PreflightResult;
  installed: InstalledCapacity[];
  usage: UserCounts | null;
  /** The instant it was judged at: this computer's `now` moved to the instance's clock. */
  instanceNow: number;
}

/**
 * The preflight for a key against what an instance reports now, judged by the instance's clock (the
 * skew its read measured), as authentik judges; when this computer's clock gives the key another
 * verdict, a warning says both. `history`: the app's readings of a saved instance, none for `--url`.
 */
export function preflightAgainst(
  snapshot: InstanceSnapshot,
  key: string,
  options: {
    roots: TrustRoots;
    now: number;
    allowOverCapacity: boolean;
    overrideHint: string;
    replaces?: string | null;
    history?: readonly StatusHistoryEntry[];
  },
): PreflightAgainst {
  const replaces = options.replaces ?? null;
  const offset = clockOffset(snapshot.clock);
  const instanceNow = options.now + offset;
  const verify = (at: number): Verdict =>
    verifyKey(key, { roots: options.roots, at, installId: snapshot.installId, rules: snapshot.rules });
  const verdict = verify(instanceNow);
  const installed = snapshot.licenses.map((license) => ({
    licenseUuid: license.licenseUuid,
    name: license.name,
    expiresAt: license.expiry,
    internalUsers: license.internalUsers,
    externalUsers: license.externalUsers,
    licenseIdentity: licenseIdentity(license.key),
  }));
  const usage =
    snapshot.forecast === null
      ? null
      : { internalUsers: snapshot.forecast.internalUsers, externalUsers: snapshot.forecast.externalUsers };
  const preflight = installPreflight({
    verdict,
    rules: snapshot.rules,
    now: instanceNow,
    installIdReadable: snapshot.installId !== null,
    installed,
    replaces,
    usage,
    statusNow: snapshot.live.status,
    history: observationsOf(options.history ?? [], offset),
    allowOverCapacity: options.allowOverCapacity,
    overrideHint: options.overrideHint,
  });
  const clockNote =
    offset === 0 ? null : clockVerdictNote('the key', verdict.reason, verify(options.now).reason, offset);
  if (clockNote !== null) preflight.warnings.push(clockNote);
  return { verdict, preflight, installed, usage, instanceNow };
}
