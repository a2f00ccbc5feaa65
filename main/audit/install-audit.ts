import type { AuditActor, AuditTarget } from '../../shared/audit/audit-entry';
import type { InstallOutcome } from '../instances/install-key';
import type { AuditAttempt, AuditOutcome } from './audit-recorder';

/** An install (or, with `replaces`, the renewal of that installed license) as its attempt entry: the key only by fingerprint. */
export function installAttempt(
  actor: AuditActor,
  instance: { id: string | null; name: string | null; url: string },
  fingerprint: string,
  replaces: string | null,
  more: AuditTarget = {},
): AuditAttempt {
  return {
    actor,
    action: replaces === null ? 'license.install' : 'license.replace',
    target: { instance, ...(replaces === null ? {} : { license: replaces }), ...more },
    fingerprint,
  };
}

/** The install's outcome by its exit code: 0 installed (or already there), 1 refused, 3 failed or, when the POST may have arrived, unknown. */
export function installOutcome({ report, exit }: InstallOutcome): AuditOutcome {
  const detail = `${report.reason}: ${report.message}`;
  const license: AuditTarget =
    report.license === undefined ? {} : { license: report.license.license_uuid, license_name: report.license.name };
  if (exit === 0) return { result: 'succeeded', detail, target: license };
  if (exit === 1) return { result: 'refused', detail };
  return { result: report.reason === 'outcome_unknown' ? 'unknown' : 'failed', detail };
}
