import type { TrustRoots } from '../../../main/license/trust-roots';

/** Active users of each type, as authentik counts them, and internal users who joined in the last 30 days. */
export interface SimUserCounts {
  internal: number;
  external: number;
  internalJoinedLast30Days: number;
}

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
  /** Roots the simulator validates keys against (the test PKI's root). */
  roots: TrustRoots;
  /** Default: randomUUID(). */
  installId?: string;
  /** Default '2026.5.6' ('2024.6.3' when legacy). */
  version?: string;
  /** Pre-2024.8: `get_install_id/` instead of `install_id/`, the boolean summary shape, no forecast. */
  legacy?: boolean;
  /** Accepted bearer tokens; default { 'sim-admin-token': { viewLicense: true } }. */
  tokens?: Record<string, { viewLicense: boolean; name?: string }>;
  /** Default 100; a larger page_size is capped to it. */
  maxPageSize?: number;
  /** Default all 0. */
  users?: SimUserCounts;
  /** Epoch ms of the newest usage record whose status was exactly "valid"; null = never. */
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
  setLastValid(ms: number | null): void;
  /** Recomputes the cached summary (what authentik's enforcement reads) now. */
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
