import type { X509Certificate } from 'node:crypto';
import { statusOfLegacySummary } from '../../../../shared/license/legacy-summary';
import { validateLicenseKey } from '../../../sim/authentik/key-validation';
import { withinLimits } from '../../../sim/authentik/license-status';
import type { StoredLicense } from '../../../sim/authentik/license-store';
import { licenseTotal, type LicenseTotal } from '../../../sim/authentik/license-total';
import { computeSummary, type AnySummaryJson } from '../../../sim/authentik/summary';
import { UsageRecords } from '../../../sim/authentik/usage-records';
import { resolveVersion } from '../../../sim/authentik/versions';
import type { ResolvedCase, ResolvedLicense } from './case-arbitrary';
import { INSTALL_ID } from './key-pool';
import type { Outcome } from './outcome';

export interface SimSide {
  outcome: Outcome;
  /** The simulator's `last_valid_date()` for the app; null when no record says valid and the case asks for null. */
  lastValidForApp: number | null;
}

function storedLicense(license: ResolvedLicense, index: number): StoredLicense {
  const claims = {
    aud: `enterprise.goauthentik.io/license/${INSTALL_ID}`,
    exp: license.exp,
    name: `License ${index}`,
    license_flags: [],
  };
  return {
    licenseUuid: `license-${index}`,
    key: `key-${index}`,
    claims: { ...claims, internal_users: license.internal, external_users: license.external },
  };
}

/** The summary's status; before 2024.8 its booleans, and the status the app gives them (legacy-summary.ts). */
function statusOf(summary: AnySummaryJson): Pick<Outcome, 'status' | 'legacyFlags'> {
  if ('status' in summary) return { status: summary.status, legacyFlags: null };
  const legacyFlags = {
    valid: summary.valid,
    showAdminWarning: summary.show_admin_warning,
    showUserWarning: summary.show_user_warning,
    readOnly: summary.read_only,
    hasLicense: summary.has_license,
  };
  return { status: statusOfLegacySummary(legacyFlags), legacyFlags };
}

function seatsOf(total: LicenseTotal): Outcome['seats'] {
  return { internalUsers: total.internalUsers, externalUsers: total.externalUsers };
}

/** The case through the simulator's own functions: `get_total()`, the summary, `last_valid_date()`, `LicenseKey.validate`. */
export function simSide(resolved: ResolvedCase, roots: readonly X509Certificate[]): SimSide {
  const { now } = resolved;
  const rules = resolveVersion({ version: resolved.version.sim });
  const usage = new UsageRecords(rules);
  usage.replace(
    resolved.records.map(({ at, status }) =>
      rules.statusApi ? { at, status } : { at, withinLimits: status === 'valid' },
    ),
  );
  const users = { ...resolved.users, internalJoinedLast30Days: 0 };
  const judge = (licenses: readonly StoredLicense[]) => ({
    total: licenseTotal(licenses, rules, now),
    summary: computeSummary({ licenses, users, usage, rules, now }),
  });

  const licenses = resolved.licenses.map(storedLicense);
  const before = judge(licenses);
  const outcome: Outcome = {
    ...statusOf(before.summary),
    seats: seatsOf(before.total),
    combinedExpiry: before.total.exp === 0 ? null : before.total.exp * 1000,
    keyAccepted: null,
    afterInstall: null,
  };
  const { install } = resolved;
  if (install !== null) {
    const validation = validateLicenseKey(install.key.key, { roots, installId: INSTALL_ID, now, rules });
    outcome.keyAccepted = validation.ok;
    if (validation.ok) {
      const row = { licenseUuid: 'installed', key: install.key.key, claims: validation.claims };
      const after = judge(
        install.replaces === null
          ? [...licenses, row]
          : licenses.map((license, index) => (index === install.replaces ? row : license)),
      );
      outcome.afterInstall = {
        seats: seatsOf(after.total),
        overCapacity: !withinLimits(after.total, users),
        status: statusOf(after.summary).status,
      };
    }
  }
  const lastValid = usage.lastValid(now);
  const noneValid = lastValid === new UsageRecords(rules).lastValid(now);
  return { outcome, lastValidForApp: noneValid && resolved.nullWhenNoValidRecord ? null : lastValid };
}
