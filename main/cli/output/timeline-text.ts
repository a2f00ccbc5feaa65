import type { ExpiryStepKind } from '../../../shared/license/expiry-steps';
import type { TimelineReport } from '../commands/timeline';
import { terminalLines } from './terminal-safe';

const day = (iso: string): string => iso.slice(0, 10);

const STEP_WORDS: Record<ExpiryStepKind, string> = {
  expiry_soon: 'expiring soon: administrators are warned',
  expired: 'the status turns expired',
  read_only: 'the instance becomes read-only',
  seats_lapse: 'the licenses expire and their seats stop counting: the users exceed them, administrators see a banner',
  not_valid: 'the licenses expire and their seats stop counting: authentik reports them as not valid',
  admin_banner: 'administrators see a warning banner',
  user_banner: 'users see a warning banner',
  read_only_capacity: 'the instance becomes read-only',
};

/** `timeline` without `--json`: the capacity step-down as a table and the ladder as dated lines. */
export function timelineText(report: TimelineReport, installId: string | null): string {
  const lines = [`Timeline for Install ID ${installId ?? '(none verified)'} at ${report.at}`, ''];
  lines.push(`Cumulative license expiry (product guide): ${report.cumulative_expiry ?? 'none: no unexpired license'}`);

  if (report.steps.length > 0) {
    lines.push(
      '',
      'Licensed users over time:',
      `  ${'from'.padEnd(22)}${'until'.padEnd(22)}${'internal'.padStart(9)}${'external'.padStart(10)}`,
    );
    for (const step of report.steps) {
      lines.push(
        `  ${step.from.padEnd(22)}${step.to.padEnd(22)}${String(step.internal_users).padStart(9)}${String(step.external_users).padStart(10)}`,
      );
    }
  }
  if (report.ladder !== null) {
    const ladder = report.ladder;
    lines.push(
      '',
      'What happens as the licenses run out (product guide, from the last expiry):',
      `  ${day(ladder.expiry_soon)}  expiring soon: admins are warned 2 weeks ahead`,
      `  ${day(ladder.expiry)}  the last license expires`,
      `  ${day(ladder.admin_warning)}  administrators see a warning banner`,
      `  ${day(ladder.user_warning)}  users see a warning banner`,
      `  ${day(ladder.read_only)}  the instance becomes read-only`,
    );
  }
  if (report.authentik !== null) {
    lines.push(
      '',
      `authentik's own status for these licenses (no usage known): ${report.authentik.status_now}`,
      `  expired from ${report.authentik.expired_from}, read-only from ${report.authentik.read_only_from} (authentik takes the latest expiry)`,
      '  with active users (authentik always has its admin account); "by" counts from its last valid usage record, which can be older:',
      ...report.authentik.with_users.map(
        (step) => `    ${step.at_the_latest ? 'by ' : '   '}${day(step.at)}  ${STEP_WORDS[step.kind]}`,
      ),
      `  authentik rules: ${report.authentik_rules.basis}`,
    );
  }
  lines.push('', `Licenses (${report.licenses.length}):`);
  for (const license of report.licenses) {
    const flags = license.license_flags.length > 0 ? ` [${license.license_flags.join(', ')}]` : '';
    lines.push(
      `  ${license.name}${flags}: ${license.internal_users} internal, ${license.external_users} external, expires ${license.expires_at} (${license.file}, ${license.fingerprint})`,
    );
  }
  if (report.expired.length > 0) {
    lines.push(
      '',
      `Expired (${report.expired.length}):`,
      ...report.expired.map((license) => `  ${license.name}: expired ${license.expires_at} (${license.file})`),
    );
  }
  if (report.rejected.length > 0) {
    lines.push(
      '',
      `Rejected (${report.rejected.length}):`,
      ...report.rejected.map((entry) => `  ${entry.file}: ${entry.reason}`),
    );
  }
  return terminalLines(lines);
}
