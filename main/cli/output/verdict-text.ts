import { rulesBasis } from '../../../shared/license/authentik-rules';
import type { Check } from '../../../shared/license/verdict';
import { daysLeft } from '../../../shared/time/days-left';
import { toIsoUtc } from '../../../shared/time/iso';
import type { Verdict } from '../../license/verify-key';
import { localTime } from './local-time';
import { terminalLines } from './terminal-safe';

/** pass / FAIL / skipped (not asked for) / not run (an earlier check decided). */
function checkLines(checks: readonly Check[]): string[] {
  let decided = false;
  return checks.map((check) => {
    const state = check.ok === true ? 'pass' : check.ok === false ? 'FAIL' : decided ? 'not run' : 'skipped';
    decided ||= check.ok === false;
    return `  ${check.name.padEnd(11)} ${state.padEnd(8)} ${check.detail}`;
  });
}

function row(label: string, value: string): string {
  return `  ${`${label}:`.padEnd(17)}${value}`;
}

/** `verify` without `--json`: one line per check, then the claims, in the style of `vault license inspect`. */
export function verdictText(verdict: Verdict, at: number): string {
  const lines = [
    `${verdict.valid ? 'VALID' : `INVALID (${verdict.reason})`}: ${verdict.message}`,
    '',
    'Checks:',
    ...checkLines(verdict.checks),
  ];
  const claims = verdict.claims;
  if (claims !== null && verdict.expiresAt !== null) {
    const left = daysLeft(verdict.expiresAt, at);
    lines.push(
      '',
      verdict.claimsVerified
        ? 'Claims (covered by the verified signature):'
        : 'Claims (NOT verified: the signature was not checked or failed):',
      row('name', claims.name),
      row('install id', verdict.installId ?? ''),
      row('internal users', String(claims.internal_users)),
      row('external users', String(claims.external_users)),
      row('license flags', claims.license_flags.length > 0 ? claims.license_flags.join(', ') : 'none'),
      row('expires (UTC)', toIsoUtc(verdict.expiresAt)),
      row('expires (local)', localTime(verdict.expiresAt)),
      row('days left', left >= 0 ? String(left) : `${left} (expired ${-left} days ago)`),
    );
  }
  if (verdict.certificates.length > 0) {
    lines.push('', 'Certificates (dates shown for information; authentik does not check them):');
    for (const certificate of verdict.certificates) {
      lines.push(`  ${certificate.role.padEnd(13)}${certificate.subject}`);
      lines.push(
        `  ${''.padEnd(13)}valid ${certificate.validFrom} to ${certificate.validTo}, SHA-256 ${certificate.sha256}`,
      );
    }
  }
  lines.push(
    '',
    row('fingerprint', verdict.fingerprint).trimStart(),
    row('authentik rules', rulesBasis(verdict.rules)).trimStart(),
  );
  return terminalLines(lines);
}
