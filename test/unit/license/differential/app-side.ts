import { authentikRules } from '../../../../shared/license/authentik-rules';
import { authentikStatus } from '../../../../shared/license/authentik-status';
import { combinedExpiry, exceeds, licensedCapacity, type LicenseCapacity } from '../../../../shared/license/capacity';
import { legacySummaryFlags } from '../../../../shared/license/legacy-summary';
import type { TrustRoots } from '../../../../main/license/trust-roots';
import { verifyKey } from '../../../../main/license/verify-key';
import type { ResolvedCase } from './case-arbitrary';
import { INSTALL_ID } from './key-pool';
import type { Outcome } from './outcome';

/**
 * The case through the app's rules: `authentikRules(version)`, `authentikStatus`, the capacity functions
 * and the offline verdict by the instance's rules, with the simulator's last valid instant. After an
 * accepted key the capacity is the install preflight's: the installed licenses without the replaced
 * one, plus the key's.
 */
export function appOutcome(resolved: ResolvedCase, lastValid: number | null, roots: TrustRoots): Outcome {
  const { now } = resolved;
  const rules = authentikRules(resolved.version.app);
  const at = { rules, now };
  const usage = { internalUsers: resolved.users.internal, externalUsers: resolved.users.external };
  const statusOf = (licenses: readonly LicenseCapacity[]) =>
    authentikStatus({ licenses, usage, lastValid, now, rules });

  const licenses = resolved.licenses.map((license) => ({
    expiresAt: license.exp * 1000,
    internalUsers: license.internal,
    externalUsers: license.external,
  }));
  const seats = licensedCapacity(licenses, at);
  const legacyFlags =
    rules.summaryShape === 'booleans'
      ? legacySummaryFlags({
          seats,
          usage,
          hasLicense: licenses.length > 0,
          lastValid: lastValid ?? (rules.lastValidFallback === 'now' ? now : 0),
          now,
          rules,
        })
      : null;
  const outcome: Outcome = {
    status: statusOf(licenses),
    legacyFlags,
    seats,
    combinedExpiry: combinedExpiry(licenses, at),
    keyAccepted: null,
    afterInstall: null,
  };
  const { install } = resolved;
  if (install !== null) {
    const verdict = verifyKey(install.key.key, { roots, at: now, installId: INSTALL_ID, rules });
    outcome.keyAccepted = verdict.valid;
    if (verdict.valid && verdict.claims !== null) {
      const { exp, internal_users: internalUsers, external_users: externalUsers } = verdict.claims;
      const after = [
        ...licenses.filter((_license, index) => index !== install.replaces),
        { expiresAt: exp * 1000, internalUsers, externalUsers },
      ];
      const seatsAfter = licensedCapacity(after, at);
      outcome.afterInstall = { seats: seatsAfter, overCapacity: exceeds(usage, seatsAfter), status: statusOf(after) };
    }
  }
  return outcome;
}
