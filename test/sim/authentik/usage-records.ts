import type { SimUsageRecord } from './types';
import type { VersionRules } from './versions';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** `usage_expiry()`: a `LicenseUsage` row expires `timedelta(days=30 * 3)` after it is written. */
const RECORD_LIFETIME_MS = 90 * DAY_MS;
/** `record_usage()` writes a row only when none has `record_date >= now - timedelta(hours=8)` (2024.2+). */
const RECORD_INTERVAL_MS = 8 * HOUR_MS;

function describe(record: SimUsageRecord): string {
  return JSON.stringify(record);
}

/**
 * authentik's `LicenseUsage` table: one row per run of the usage task, holding `status()` from 2024.8
 * and the `within_limits` boolean before. Rows past their 90-day expiry are gone (before 2024.8
 * `filter_not_expired` skips them; from 2024.8 the expired-model cleanup deletes them — the simulator
 * takes the cleanup as immediate).
 */
export class UsageRecords {
  private rows: SimUsageRecord[] = [];

  constructor(private readonly rules: VersionRules) {}

  /** Replaces the history; each record must be of the kind the release stores. */
  replace(records: readonly SimUsageRecord[]): void {
    for (const record of records) {
      const ofStatus = 'status' in record && typeof record.status === 'string';
      const ofWithinLimits = 'withinLimits' in record && typeof record.withinLimits === 'boolean';
      if (!Number.isFinite(record.at) || ofStatus === ofWithinLimits)
        throw new Error(`authentik simulator: ${describe(record)} is not a usage record`);
      if (ofStatus !== this.rules.statusApi) {
        const kind = this.rules.statusApi ? '`status` (2024.8 and later)' : '`withinLimits` (before 2024.8)';
        throw new Error(`authentik simulator: ${this.rules.version} records ${kind}, not ${describe(record)}`);
      }
    }
    this.rows = records.map((record) => ({ ...record }));
  }

  /** The rows that still exist at `now`, oldest first. */
  current(now: number): SimUsageRecord[] {
    return this.rows.filter((row) => row.at + RECORD_LIFETIME_MS > now).sort((a, b) => a.at - b.at);
  }

  /**
   * `last_valid_date()`: the `record_date` of the newest row with `status == "valid"`, else the epoch
   * (2024.8+); before 2024.8 the newest with `within_limits=True`, else `now()` — so an instance with no
   * such row never shows the warnings.
   */
  lastValid(now: number): number {
    const valid = this.current(now).filter((row) => ('status' in row ? row.status === 'valid' : row.withinLimits));
    const newest = valid.at(-1);
    if (newest !== undefined) return newest.at;
    return this.rules.statusApi ? 0 : now;
  }

  /** `record_usage()`'s write: `make()` is stored at `now` unless a row is younger than 8 hours. */
  recordIfDue(now: number, make: () => SimUsageRecord): void {
    if (this.rows.some((row) => row.at >= now - RECORD_INTERVAL_MS)) return;
    this.rows.push(make());
  }
}
