import type { InstallPreflightView, OverCapacityView } from '../../shared/instances/install-preflight-view';
import { combinedExpiry, licensedCapacity, type LicenseCapacity } from '../../shared/license/capacity';
import { guideTimeline } from '../../shared/license/guide-timeline';
import { DAY_MS } from '../../shared/time/durations';
import { toIsoUtc } from '../../shared/time/iso';
import type { TrustRoots } from '../license/trust-roots';
import { toVerdictView } from '../license/verdict-view';
import { verifyKey, type Verdict } from '../license/verify-key';
import type { PreflightAgainst } from './install-preflight';
import type { InstanceSnapshot } from './instance-snapshot';
import type { OverCapacityFinding } from './over-capacity-words';
import type { StatusFailure, StatusReport } from './status-report';

const iso = (ms: number | null): string | null => (ms === null ? null : toIsoUtc(ms));

/** The over-capacity finding as the dialog shows it, its dates on the instance's clock. */
function overCapacityView(finding: OverCapacityFinding | null): OverCapacityView | null {
  if (finding === null) return null;
  const { lastValid, outlook } = finding;
  return {
    readOnlyAtOnce: outlook.atOnce,
    readOnlyNow: finding.readOnlyNow,
    lastValid:
      lastValid.kind === 'never'
        ? { never: true, notBefore: null, notAfter: null }
        : // With no lower bound, an upper bound of about now says nothing: it cannot be dated.
          {
            never: false,
            notBefore: iso(lastValid.notBefore),
            notAfter:
              lastValid.notBefore === null && lastValid.notAfter >= finding.now - DAY_MS
                ? null
                : iso(lastValid.notAfter),
          },
    steps: outlook.steps.map((step) => ({
      kind: step.kind,
      earliest: iso(step.earliest),
      latest: toIsoUtc(step.latest),
    })),
  };
}

/** The installed licenses that verify offline (expired ones included), as capacities; `leaving` (a replaced license's uuid) left out. */
function verifiedCapacities(
  snapshot: InstanceSnapshot,
  roots: TrustRoots,
  now: number,
  leaving: string | null,
): LicenseCapacity[] {
  return snapshot.licenses
    .filter((license) => {
      if (license.licenseUuid === leaving) return false;
      const { reason } = verifyKey(license.key, {
        roots,
        at: now,
        installId: snapshot.installId,
        rules: snapshot.rules,
      });
      return reason === 'ok' || reason === 'expired';
    })
    .map((license) => ({
      expiresAt: license.expiry,
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
    }));
}

/** What the preflight says when it lets the key through. */
function sendMessage(snapshot: InstanceSnapshot, replaces: string | null): string {
  const replaced = snapshot.licenses.find((license) => license.licenseUuid === replaces);
  if (replaced === undefined) return 'The key is genuine and for this instance; nothing has been sent yet.';
  return `The key is genuine and for this instance, and would replace the key of "${replaced.name}" (a renewal: its seats are replaced, not added); nothing has been sent yet.`;
}

function capacityOf(verdict: Verdict): LicenseCapacity[] {
  const claims = verdict.claims;
  return verdict.valid && claims !== null
    ? [{ expiresAt: claims.exp * 1000, internalUsers: claims.internal_users, externalUsers: claims.external_users }]
    : [];
}

/**
 * A preflight as the install dialog shows it: its verdict in words, and the seats and combined expiry
 * before and after, counted as the instance's release counts them. `replaces` is the installed license a
 * renewal takes the place of; `otherInstance` a saved instance the key is for instead.
 */
export function preflightView(
  snapshot: InstanceSnapshot,
  checked: PreflightAgainst,
  context: { roots: TrustRoots; replaces: string | null; otherInstance: { id: string; name: string } | null },
): InstallPreflightView {
  const { roots, replaces } = context;
  const { verdict, preflight, installed, usage, instanceNow: now } = checked;
  // What the key would add if installed (also when refused for capacity, to show by how much); a renewal takes the replaced license's place.
  const unchanged =
    preflight.action === 'already_installed' || (preflight.action === 'refuse' && preflight.reason === 'not_installed');
  const leaving = unchanged ? null : replaces;
  const adding = unchanged ? [] : capacityOf(verdict);
  const remaining = [...installed.filter((license) => license.licenseUuid !== leaving), ...adding];
  // Seats and combined expiry as the instance's release counts them (expired licenses' seats, earliest or latest expiry).
  const at = { rules: snapshot.rules, now };
  return {
    action: preflight.action,
    reason: preflight.action === 'refuse' ? preflight.reason : null,
    message:
      preflight.action === 'refuse'
        ? preflight.message
        : preflight.action === 'already_installed'
          ? 'This key is already installed on this instance; installing it again would count its users twice.'
          : sendMessage(snapshot, replaces),
    warnings: preflight.warnings,
    verdict: toVerdictView(verdict, now),
    otherInstance: context.otherInstance,
    usage,
    capacityNow: licensedCapacity(installed, at),
    capacityAfter: licensedCapacity(remaining, at),
    cumulativeExpiryNow: iso(guideTimeline(verifiedCapacities(snapshot, roots, now, null), now).cumulativeExpiry),
    cumulativeExpiryAfter: iso(
      guideTimeline([...verifiedCapacities(snapshot, roots, now, leaving), ...adding], now).cumulativeExpiry,
    ),
    latestValidNow: iso(snapshot.live.latestValid),
    latestValidAfter: unchanged ? iso(snapshot.live.latestValid) : iso(combinedExpiry(remaining, at)),
    overCapacity: overCapacityView(preflight.overCapacity),
  };
}

/** The combined expiry of the licenses that verified when the instance was last read (after an install), for the outcome step. */
export function cumulativeExpiryOf(status: StatusReport | StatusFailure | undefined, now: number): string | null {
  const current =
    status === undefined || status.status === null
      ? []
      : status.licenses
          .filter((license) => license.verification.valid)
          .map((license) => ({
            expiresAt: Date.parse(license.expiry),
            internalUsers: license.internal_users,
            externalUsers: license.external_users,
          }));
  return iso(guideTimeline(current, now).cumulativeExpiry);
}
