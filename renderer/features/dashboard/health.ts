import type { InstanceRow } from '../../../shared/instances/instance-row';
import { daysLeft } from '../../../shared/time/days-left';
import { STATUS_WORDS, statusKindOf, type StatusKind } from '../../store/instance-status';

/** How bad an instance is, worst first: the order of the Health column and of a group's roll-up. */
export const HEALTH_LEVELS = ['critical', 'warning', 'unknown', 'never', 'ok'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** Colours of the Health badge: red only for critical. */
export type HealthTone = 'bad' | 'warn' | 'neutral' | 'ok';

export interface Health {
  level: HealthLevel;
  tone: HealthTone;
  /** The badge's word: authentik's status in the app's words, or Unreachable after a failed read. */
  label: string;
  /** The top reason, written in the row; null when all is well and nothing is near. */
  reason: string | null;
  /** After a failed read: the status last read, shown as secondary text ("last known: Valid"). */
  lastKnown: string | null;
  /** The last read failed: the row says Unreachable, never its old (perhaps green) status. */
  unreachable: boolean;
}

/** "Expiring ≤ 30 days" in the summary strip, and the reason shown for a near expiry. */
export const EXPIRING_DAYS = 30;

const TONES: Record<HealthLevel, HealthTone> = {
  critical: 'bad',
  warning: 'warn',
  unknown: 'neutral',
  never: 'neutral',
  ok: 'ok',
};

/** authentik's statuses that say by themselves what is wrong, as the reason in the row. */
const STATUS_REASONS: Partial<Record<StatusKind, string>> = {
  read_only: 'Read only',
  limit_exceeded_user: 'Over capacity',
  limit_exceeded_admin: 'Over capacity',
  expired: 'Expired',
  invalid: 'Not valid',
  unlicensed: 'No license installed',
};

/** Whole days until the combined expiry, or null when none is known. */
export function expiryDays(row: InstanceRow, now: number): number | null {
  return row.latestValid === null ? null : daysLeft(Date.parse(row.latestValid), now);
}

/** "09:12" on the same day, else the local date (with the full instant on hover, by the caller). */
export function sinceText(iso: string, now: number): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return sameDay
    ? at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function expiryReason(days: number): string {
  if (days < 0) return 'Expired';
  if (days === 0) return 'Expires today';
  return days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
}

/** The reason for a row whose last read succeeded (or that was never tried this session). */
function readReason(row: InstanceRow, kind: StatusKind, now: number): string | null {
  const byStatus = STATUS_REASONS[kind];
  if (byStatus !== undefined) return byStatus;
  const days = expiryDays(row, now);
  if (days !== null && days <= EXPIRING_DAYS) return expiryReason(days);
  return row.warnings[0] ?? null;
}

/**
 * One health per row: the worst of authentik's status, reachability and warnings. A row whose last
 * refresh failed is Unreachable (amber, or red when what was last known is critical) and never green.
 */
export function healthOf(row: InstanceRow, now: number): Health {
  const kind = statusKindOf(row);
  const failed = row.lastRefresh !== null && !row.lastRefresh.ok;
  if (failed && row.lastRefresh !== null) {
    const level: HealthLevel = row.state === 'critical' ? 'critical' : 'warning';
    const since = row.lastRefresh.failingSince ?? row.lastRefresh.at;
    return {
      level,
      tone: TONES[level],
      label: 'Unreachable',
      reason: `Unreachable since ${sinceText(since, now)}`,
      lastKnown: row.status === null ? null : `last known: ${STATUS_WORDS[kind]}`,
      unreachable: true,
    };
  }
  const level: HealthLevel = row.state;
  // The word is authentik's status; the colour is the worst signal: "Valid" beside a warning is amber, never green.
  return {
    level,
    tone: TONES[level],
    label: STATUS_WORDS[kind],
    reason: row.state === 'never' ? null : readReason(row, kind, now),
    lastKnown: row.statusSource === 'last_known' ? 'last known' : null,
    unreachable: false,
  };
}

/** The summary strip's chips, in order; each is a filter of the table. */
export const TRIAGE_CHIPS = ['critical', 'warning', 'unreachable', 'expiring', 'not_installed'] as const;
export type TriageChip = (typeof TRIAGE_CHIPS)[number];

export const TRIAGE_WORDS: Record<TriageChip, string> = {
  critical: 'Critical',
  warning: 'Warning',
  unreachable: 'Unreachable',
  expiring: 'Expiring ≤ 30 days',
  not_installed: 'Not installed',
};

/**
 * Whether a row counts under a chip. "Not installed" is an instance with no license installed (authentik
 * says unlicensed): the row does not carry the portal's renewed-not-installed keys, which the portal's
 * notice below the table and the row's own badge show.
 */
export function inChip(row: InstanceRow, chip: TriageChip, now: number): boolean {
  switch (chip) {
    case 'critical':
      return row.state === 'critical';
    case 'warning':
      return row.state === 'warning';
    case 'unreachable':
      return row.lastRefresh !== null && !row.lastRefresh.ok;
    case 'expiring': {
      const days = expiryDays(row, now);
      return days !== null && days >= 0 && days <= EXPIRING_DAYS;
    }
    case 'not_installed':
      return row.status === 'unlicensed';
  }
}

/** How many rows count under each chip. */
export function chipCounts(rows: readonly InstanceRow[], now: number): Record<TriageChip, number> {
  const counts = { critical: 0, warning: 0, unreachable: 0, expiring: 0, not_installed: 0 };
  for (const row of rows) for (const chip of TRIAGE_CHIPS) if (inChip(row, chip, now)) counts[chip] += 1;
  return counts;
}

/** The worse of two levels. */
export function worseLevel(a: HealthLevel, b: HealthLevel): HealthLevel {
  return HEALTH_LEVELS.indexOf(a) <= HEALTH_LEVELS.indexOf(b) ? a : b;
}
