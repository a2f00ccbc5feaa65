import { randomUUID, type X509Certificate } from 'node:crypto';
import type { TokenTable } from './auth';
import { LicenseStore } from './license-store';
import { computeSummary, usageRecordNow, type AnySummaryJson, type LicenseFacts } from './summary';
import type { AuthentikSimOptions, SimUsageRecord, SimUserCounts } from './types';
import { UsageRecords } from './usage-records';
import { resolveVersion, type VersionRules } from './versions';

export const DEFAULT_TOKENS: TokenTable = { 'sim-admin-token': { viewLicense: true } };

/** The one record `lastValid` stands for, of the kind the release writes. */
function validRecord(rules: VersionRules, at: number): SimUsageRecord {
  return rules.statusApi ? { at, status: 'valid' } : { at, withinLimits: true };
}

/** One simulated authentik instance's data: licenses, users, usage history, the cached summary. */
export class SimState {
  readonly roots: readonly X509Certificate[];
  readonly rules: VersionRules;
  /** Changes only with `setInstallId` (a restored or re-created database). */
  installId: string;
  readonly tokens: TokenTable;
  readonly maxPageSize: number;
  readonly now: () => number;
  readonly licenses = new LicenseStore();
  readonly usage: UsageRecords;
  users: SimUserCounts;
  /** What `LicenseKey.cached_summary()` returns: the summary the usage task cached last. */
  cachedSummary: AnySummaryJson;

  constructor(options: AuthentikSimOptions) {
    this.roots = options.roots;
    this.rules = resolveVersion(options);
    this.installId = options.installId ?? randomUUID();
    this.tokens = options.tokens ?? DEFAULT_TOKENS;
    this.maxPageSize = options.maxPageSize ?? 100;
    this.now = options.now ?? Date.now;
    this.users = { ...(options.users ?? { internal: 0, external: 0, internalJoinedLast30Days: 0 }) };
    this.usage = new UsageRecords(this.rules);
    if (options.usageRecords !== undefined && options.lastValid !== undefined) {
      throw new Error('authentik simulator: give usageRecords or lastValid, not both');
    }
    if (options.usageRecords !== undefined) this.usage.replace(options.usageRecords);
    else this.setLastValid(options.lastValid ?? null);
    this.cachedSummary = this.liveSummary();
  }

  get version(): string {
    return this.rules.version;
  }

  /** Before 2024.8: `get_install_id/`, the boolean summary, no `cached` parameter. */
  get legacy(): boolean {
    return !this.rules.statusApi;
  }

  setLastValid(ms: number | null): void {
    this.usage.replace(ms === null ? [] : [validRecord(this.rules, ms)]);
  }

  private facts(): LicenseFacts {
    return { licenses: this.licenses.all(), users: this.users, usage: this.usage, rules: this.rules, now: this.now() };
  }

  /** `LicenseKey.get_total().summary()` now: what `summary/?cached=false` answers. */
  liveSummary(): AnySummaryJson {
    return computeSummary(this.facts());
  }

  /** `record_usage()`: a record unless one is younger than 8 hours, then the summary is cached. */
  recordUsage(): void {
    this.usage.recordIfDue(this.now(), () => usageRecordNow(this.facts()));
    this.cachedSummary = this.liveSummary();
  }
}
