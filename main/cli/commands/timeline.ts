import { authentikRules, type AuthentikRules } from '../../../shared/license/authentik-rules';
import { authentikStatus } from '../../../shared/license/authentik-status';
import { combinedExpiry, type LicenseCapacity } from '../../../shared/license/capacity';
import { expirySteps, type ExpiryStepKind } from '../../../shared/license/expiry-steps';
import { guideTimeline } from '../../../shared/license/guide-timeline';
import { toIsoUtc } from '../../../shared/time/iso';
import { rulesJson, type RulesJson } from '../../license/rules-json';
import type { CliIo } from '../io';
import { LICENSE_FLAGS, licenseOptions } from '../license-options';
import { terminalSafe } from '../output/terminal-safe';
import { timelineText } from '../output/timeline-text';
import { parseFlags } from '../parse-flags';
import { promptIfInteractive, readKeyInput } from '../read-input';
import { UsageError } from '../usage-error';
import { verdictOf } from './verify-batch';

interface SortedLicense extends LicenseCapacity {
  file: string;
  name: string;
  fingerprint: string;
  licenseFlags: string[];
}

/** The `timeline --json` contract. */
export interface TimelineReport {
  at: string;
  cumulative_expiry: string | null;
  steps: { from: string; to: string; internal_users: number; external_users: number }[];
  ladder: {
    expiry_soon: string;
    expiry: string;
    admin_warning: string;
    user_warning: string;
    read_only: string;
  } | null;
  authentik: {
    status_now: string;
    expired_from: string;
    read_only_from: string;
    /** What authentik does with active users, as nearly every instance has (its admin account): the dates by these rules. */
    with_users: { kind: ExpiryStepKind; at: string; at_the_latest: boolean }[];
  } | null;
  licenses: {
    file: string;
    name: string;
    fingerprint: string;
    expires_at: string;
    internal_users: number;
    external_users: number;
    license_flags: string[];
  }[];
  expired: { file: string; name: string; expires_at: string }[];
  rejected: { file: string; reason: string }[];
  /** The authentik rules `authentik` was computed by: the newest, since no instance version is known. */
  authentik_rules: RulesJson;
}

/**
 * `aklm timeline FILE...`: the keys of one installation, sorted into current, expired and rejected,
 * with the product guide's cumulative expiry and ladder and what authentik's own status logic says.
 */
export async function timelineCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...LICENSE_FLAGS, json: { type: 'boolean' } });
  const options = await licenseOptions(values, io.stdin);
  const files = positionals.length > 0 ? positionals : ['-'];
  if (files.filter((file) => file === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const keys = [];
  if (files.includes('-')) promptIfInteractive(io.stdin, io.stderr);
  for (const file of files) keys.push({ file, input: await readKeyInput(file, io.stdin) });

  // No instance is read, so no version is known: the newest rules stand in, and the output says so.
  const rules = authentikRules(null);
  let installId = options.installId;
  const seen = new Set<string>();
  const licensesSeen = new Set<string>();
  const current: SortedLicense[] = [];
  const expired: SortedLicense[] = [];
  const rejected: TimelineReport['rejected'] = [];
  for (const { file, input } of keys) {
    const verdict = verdictOf(input, { ...options, installId, rules });
    const accepted = verdict.reason === 'ok' || verdict.reason === 'expired';
    // The same key twice, or a second key of an accepted license (another signature of the same signed content).
    if (seen.has(verdict.fingerprint) || (accepted && licensesSeen.has(verdict.licenseIdentity))) {
      rejected.push({ file, reason: 'duplicate' });
      continue;
    }
    seen.add(verdict.fingerprint);
    if (verdict.claimsVerified) installId ??= verdict.installId;
    const claims = verdict.claims;
    if (!accepted || claims === null) {
      rejected.push({ file, reason: verdict.reason });
      continue;
    }
    licensesSeen.add(verdict.licenseIdentity);
    const license = {
      file,
      name: claims.name,
      fingerprint: verdict.fingerprint,
      licenseFlags: claims.license_flags,
      expiresAt: claims.exp * 1000,
      internalUsers: claims.internal_users,
      externalUsers: claims.external_users,
    };
    (verdict.reason === 'ok' ? current : expired).push(license);
  }

  const report = buildReport(options.at, rules, current, expired, rejected);
  io.stdout.write(
    values.json === true ? terminalSafe(`${JSON.stringify(report, null, 2)}\n`) : timelineText(report, installId),
  );
  return current.length + expired.length > 0 ? 0 : 1;
}

function buildReport(
  at: number,
  rules: AuthentikRules,
  current: SortedLicense[],
  expired: SortedLicense[],
  rejected: TimelineReport['rejected'],
): TimelineReport {
  const verified = [...current, ...expired];
  const timeline = guideTimeline(verified, at);
  const latest = combinedExpiry(verified, { rules, now: at });
  const ladder = timeline.ladder;
  return {
    at: toIsoUtc(at),
    cumulative_expiry: timeline.cumulativeExpiry === null ? null : toIsoUtc(timeline.cumulativeExpiry),
    steps: timeline.steps.map((step) => ({
      from: toIsoUtc(step.from),
      to: toIsoUtc(step.to),
      internal_users: step.internalUsers,
      external_users: step.externalUsers,
    })),
    ladder:
      ladder === null
        ? null
        : {
            expiry_soon: toIsoUtc(ladder.expirySoon),
            expiry: toIsoUtc(ladder.expiry),
            admin_warning: toIsoUtc(ladder.adminWarning),
            user_warning: toIsoUtc(ladder.userWarning),
            read_only: toIsoUtc(ladder.readOnly),
          },
    authentik:
      latest === null
        ? null
        : {
            status_now: authentikStatus({ licenses: verified, usage: null, lastValid: null, now: at, rules }),
            expired_from: toIsoUtc(latest),
            read_only_from: toIsoUtc(latest + rules.thresholds.readOnlyMs),
            with_users: expirySteps(latest, rules, true).map((step) => ({
              kind: step.kind,
              at: toIsoUtc(step.at),
              at_the_latest: step.atTheLatest,
            })),
          },
    licenses: current.map((license) => ({
      file: license.file,
      name: license.name,
      fingerprint: license.fingerprint,
      expires_at: toIsoUtc(license.expiresAt),
      internal_users: license.internalUsers,
      external_users: license.externalUsers,
      license_flags: license.licenseFlags,
    })),
    expired: expired.map((license) => ({
      file: license.file,
      name: license.name,
      expires_at: toIsoUtc(license.expiresAt),
    })),
    rejected,
    authentik_rules: rulesJson(rules),
  };
}
