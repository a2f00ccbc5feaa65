import type { X509Certificate } from 'node:crypto';

/** Active users of each type, as authentik counts them, and internal users who joined in the last 30 days. */
export interface SimUserCounts {
  internal: number;
  external: number;
  internalJoinedLast30Days: number;
}

/**
 * One row of authentik's `LicenseUsage` table, written by its usage task: from 2024.8 it holds what
 * `status()` said (`valid`, `expiry_soon`, …), before 2024.8 whether the users fitted the seats.
 */
export type SimUsageRecord = { at: number; status: string } | { at: number; withinLimits: boolean };

/** A queued misbehaviour for the next matching request(s). */
export interface SimFault {
  /** Default: any method. */
  method?: string;
  /** Matched against the path after /api/v3, e.g. '/enterprise/license/'; default: any path. */
  path?: string | RegExp;
  /** How many matching requests it hits; default 1. */
  times?: number;
  kind: 'status' | 'drop' | 'drop-after-handling' | 'delay' | 'malformed';
  /** For 'status': default 500 {"detail": "A server error occurred."}. */
  status?: number;
  body?: unknown;
  /** For 'delay'. */
  delayMs?: number;
}

/** One request as the simulator saw it; never holds a token or a body. */
export interface SimRequest {
  method: string;
  /** The path after /api/v3 (the raw path when the request was outside /api/v3). */
  path: string;
  /** The query string without '?'. */
  query: string;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  /** The bearer token was one the simulator accepts. */
  authorized: boolean;
}

export interface AuthentikSimOptions {
  /** Roots the simulator validates keys against (the test PKI's root); authentik has one, `enterprise/public.pem`. */
  roots: readonly X509Certificate[];
  /** Default: randomUUID(). */
  installId?: string;
  /**
   * The authentik release whose licensing rules the instance follows (versions.ts), from 2024.2; default
   * '2026.5.6', or '2024.6.3' when `legacy`. `/admin/version/` answers it.
   */
  version?: string;
  /** Shorthand for a pre-2024.8 release (2024.6.3 unless `version` says which); must agree with `version`. */
  legacy?: boolean;
  /** Accepted bearer tokens; default { 'sim-admin-token': { viewLicense: true } }. */
  tokens?: Record<string, { viewLicense: boolean; name?: string }>;
  /** Default 100; a larger page_size is capped to it. */
  maxPageSize?: number;
  /** Default all 0. */
  users?: SimUserCounts;
  /** The usage history (`LicenseUsage` rows); default none. Each of the kind the release records. */
  usageRecords?: SimUsageRecord[];
  /**
   * Shorthand for a history of one record at this time (epoch ms) that said valid (`status: 'valid'`, or
   * `withinLimits: true` before 2024.8); null or absent: no record. Not together with `usageRecords`.
   */
  lastValid?: number | null;
  /** The server's clock (epoch ms), also sent as the HTTP `Date` header; default Date.now. */
  now?: () => number;
  /** Added before every request is handled (the way there of a round trip). */
  latencyMs?: number;
  /** Added after the answer is made, before it is sent (the way back): with `latencyMs`, a round trip whose middle is when the server's clock was read. */
  returnLatencyMs?: number;
  /** Serve HTTPS instead of HTTP. */
  tls?: { certPem: string; keyPem: string };
}

export interface AuthentikSim {
  /** Origin (or, in a fleet, origin + base path); the client appends /api/v3. */
  url: string;
  /** The current Install ID (see setInstallId). */
  readonly installId: string;
  /** The request log, in order of arrival. */
  requests: SimRequest[];
  /** Current licenses, in installation order. */
  installed(): { licenseUuid: string; key: string }[];
  /** Installs a key bypassing validation (expired or duplicate keys, say); returns its license_uuid. */
  addLicense(key: string): string;
  /** Gives the instance another Install ID, as restoring or re-creating authentik's database does; installed licenses stay. */
  setInstallId(installId: string): void;
  setUsers(users: SimUserCounts): void;
  /** Replaces the usage history with one record that said valid at `ms`; null: with none. */
  setLastValid(ms: number | null): void;
  /** Replaces the usage history. */
  setUsageRecords(records: SimUsageRecord[]): void;
  /** The usage history that still exists now (90 days), oldest first. */
  usageRecords(): SimUsageRecord[];
  /**
   * Runs authentik's usage task now (`enterprise_update_usage` → `record_usage()`): writes a usage record
   * unless one is younger than 8 hours, then caches the summary, which is what enforcement and the
   * default `summary/` read.
   */
  refreshCachedSummary(): void;
  /** Queues a fault. */
  fault(fault: SimFault): void;
  close(): Promise<void>;
}

/** Many simulated instances behind one server, each under `${url}/i/${index}`. */
export interface AuthentikSimFleet {
  url: string;
  instanceUrl(index: number): string;
  instances: AuthentikSim[];
  close(): Promise<void>;
}
