import { randomUUID } from 'node:crypto';
import type { TrustRoots } from '../../../main/license/trust-roots';
import type { TokenTable } from './auth';
import { LicenseStore } from './license-store';
import { computeSummary, type SummaryJson } from './summary';
import type { AuthentikSimOptions, SimUserCounts } from './types';

export const CURRENT_VERSION = '2026.5.6';
export const LEGACY_VERSION = '2024.6.3';
export const DEFAULT_TOKENS: TokenTable = { 'sim-admin-token': { viewLicense: true } };

/** One simulated authentik instance's data: licenses, users, usage history, the cached summary. */
export class SimState {
  readonly roots: TrustRoots;
  /** Changes only with `setInstallId` (a restored or re-created database). */
  installId: string;
  readonly version: string;
  readonly legacy: boolean;
  readonly tokens: TokenTable;
  readonly maxPageSize: number;
  readonly now: () => number;
  readonly licenses = new LicenseStore();
  users: SimUserCounts;
  lastValid: number | null;
  /** What `LicenseKey.cached_summary()` returns: the value at the last refresh. */
  cachedSummary: SummaryJson;

  constructor(options: AuthentikSimOptions) {
    this.roots = options.roots;
    this.installId = options.installId ?? randomUUID();
    this.legacy = options.legacy ?? false;
    this.version = options.version ?? (this.legacy ? LEGACY_VERSION : CURRENT_VERSION);
    this.tokens = options.tokens ?? DEFAULT_TOKENS;
    this.maxPageSize = options.maxPageSize ?? 100;
    this.now = options.now ?? Date.now;
    this.users = { ...(options.users ?? { internal: 0, external: 0, internalJoinedLast30Days: 0 }) };
    this.lastValid = options.lastValid ?? null;
    this.cachedSummary = this.liveSummary();
  }

  /** `LicenseKey.get_total().summary()` now: what `summary/?cached=false` answers. */
  liveSummary(): SummaryJson {
    return computeSummary({ licenses: this.licenses.all(), users: this.users, lastValid: this.lastValid, now: this.now() });
  }

  refreshCachedSummary(): void {
    this.cachedSummary = this.liveSummary();
  }
}
