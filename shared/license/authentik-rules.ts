import { WEEK_MS } from '../time/durations';

/**
 * authentik's licensing rules, release by release, as docs/authentik-versions.md records them from
 * authentik's own source. The table is written once here and every judgement that depends on the
 * release (capacity, combined expiry, status, summary shape, accepted algorithms, endpoint names) reads
 * it through `authentikRules(version)`. [V] read in authentik's source or tests, [I] inferred, [U]
 * unsettled: where the doc marks [I] or [U], the best reading is taken and said so below.
 */

/** JWS algorithms `LicenseKey.validate` may pass to PyJWT. */
export type LicenseAlgorithm = 'ES512' | 'ES384';

/** The week thresholds of `LicenseKey.status()` (authentik/enterprise/models.py). */
export interface AuthentikThresholds {
  /** `THRESHOLD_WARNING_ADMIN_WEEKS`: over capacity this long after the last valid record, admins see a banner. */
  adminWarningMs: number;
  /** `THRESHOLD_WARNING_USER_WEEKS`: every user sees a banner. */
  userWarningMs: number;
  /** `THRESHOLD_WARNING_EXPIRY_WEEKS`: `expiry_soon` this long before the combined expiry. */
  expiryWarningMs: number;
  /** `THRESHOLD_READ_ONLY_WEEKS`: read-only, counted from the last valid record or from the combined expiry. */
  readOnlyMs: number;
}

/** The rules of one span of releases. */
export interface ReleaseRules {
  /** The releases they describe, in words ("authentik 2024.8 to 2025.4.0"). */
  releases: string;
  /** `get_total()` sums the seats of expired licenses too (else only of licenses with `expiry >= now`). */
  expiredSeatsCount: boolean;
  /** `get_total()`'s `exp`: the earliest expiry among the unexpired licenses, or the latest of all licenses. */
  combinedExpiry: 'earliest_unexpired' | 'latest';
  /** `last_valid_date()` when no usage record qualifies: now (no warning ever starts) or the epoch (every step at once). */
  lastValidFallback: 'now' | 'epoch';
  /** `summary/`: the booleans `valid`, `show_*`, `read_only`, `has_license`, or the `status` enum with `license_flags`. */
  summaryShape: 'booleans' | 'status';
  /** Booleans only: `show_admin_warning`, `show_user_warning` and `read_only` are also ANDed with `has_license`. */
  warningsNeedLicense: boolean;
  /** The `algorithms` list of the PyJWT `decode` call. */
  algorithms: readonly LicenseAlgorithm[];
  /** The claim `LicenseKey` reads its flags from (`flags` before 2024.8); the other one is ignored. */
  flagsClaim: 'flags' | 'license_flags';
  /** PyJWT ≥ 2.10 refuses a `sub` that is not a string and a `jti` that is neither a string nor null. */
  stringSubAndJti: boolean;
  /** The Install ID endpoint, under `/api/v3`. */
  installIdPath: '/enterprise/license/get_install_id/' | '/enterprise/license/install_id/';
  thresholds: AuthentikThresholds;
}

/** The rules chosen for one instance, and what they were chosen from. */
export interface AuthentikRules extends ReleaseRules {
  /** The version they were chosen for, as read (`2025.4.1`); null when none is known. */
  version: string | null;
  /** Why these rules stand in for the version; null when the version falls in their releases. */
  assumption: string | null;
}

// Unchanged from 2023.10 to the newest release [V] (models.py).
const THRESHOLDS: AuthentikThresholds = {
  adminWarningMs: 2 * WEEK_MS,
  userWarningMs: 4 * WEEK_MS,
  expiryWarningMs: 2 * WEEK_MS,
  readOnlyMs: 6 * WEEK_MS,
};

type Release = readonly [year: number, minor: number, patch: number];

/** Each span of releases, oldest first, from the first release it applies to. */
const TABLE: readonly { from: Release; rules: ReleaseRules }[] = [
  {
    // 2023.10 [V] (stored api.py): seats and `exp` over the unexpired licenses only (V1 of get_total()),
    // last_valid falls back to now(), the boolean summary, ES512 only, `get_install_id/`.
    from: [2023, 10, 0],
    rules: {
      releases: 'authentik 2023.10',
      expiredSeatsCount: false,
      combinedExpiry: 'earliest_unexpired',
      lastValidFallback: 'now',
      summaryShape: 'booleans',
      warningsNeedLicense: false,
      algorithms: ['ES512'],
      flagsClaim: 'flags',
      stringSubAndJti: false,
      installIdPath: '/enterprise/license/get_install_id/',
      thresholds: THRESHOLDS,
    },
  },
  {
    // 2024.2 [V] (stored license.py for 2024.2–2024.6): the three warning booleans are ANDed with has_license.
    from: [2024, 2, 0],
    rules: {
      releases: 'authentik 2024.2 to 2024.6',
      expiredSeatsCount: false,
      combinedExpiry: 'earliest_unexpired',
      lastValidFallback: 'now',
      summaryShape: 'booleans',
      warningsNeedLicense: true,
      algorithms: ['ES512'],
      flagsClaim: 'flags',
      stringSubAndJti: false,
      installIdPath: '/enterprise/license/get_install_id/',
      thresholds: THRESHOLDS,
    },
  },
  {
    // 2024.8 [V]: the `status` enum replaces the booleans (client diff; the PR is [U], #10828 a candidate);
    // get_total() loops over every license (V2: expired seats summed, `exp` the latest of all); the
    // last_valid fallback becomes the epoch; `get_install_id/` becomes `install_id/` (client diff).
    from: [2024, 8, 0],
    rules: {
      releases: 'authentik 2024.8 to 2025.4.0',
      expiredSeatsCount: true,
      combinedExpiry: 'latest',
      lastValidFallback: 'epoch',
      summaryShape: 'status',
      warningsNeedLicense: false,
      algorithms: ['ES512'],
      flagsClaim: 'license_flags',
      stringSubAndJti: false,
      installIdPath: '/enterprise/license/install_id/',
      thresholds: THRESHOLDS,
    },
  },
  {
    // PR #14451 "fix expired license's users being counted" (merged 2025-05-09): expired licenses add no
    // seats again, `exp` stays the latest of all (V3). [I] It was cherry-picked into a 2025.4 patch
    // release; the doc cannot say which, and 2025.4.0 predates the merge, so 2025.4.1 is taken as the first.
    from: [2025, 4, 1],
    rules: {
      releases: 'authentik 2025.4.1 up to 2026.5',
      expiredSeatsCount: false,
      combinedExpiry: 'latest',
      lastValidFallback: 'epoch',
      summaryShape: 'status',
      warningsNeedLicense: false,
      algorithms: ['ES512'],
      flagsClaim: 'license_flags',
      stringSubAndJti: false,
      installIdPath: '/enterprise/license/install_id/',
      thresholds: THRESHOLDS,
    },
  },
  {
    // PR #20507 adds ES384 to `algorithms` and #20402 turns PyJWT's curve check off [I]: neither is in the
    // 2026.2.x changelogs, both were merged before the 2026.5 branch, and 2026.5.0-rc1 pins the PyJWT that
    // needs #20402, so 2026.5 (its release candidates included) is taken as the first. That PyJWT (2.11.0)
    // also checks `sub` and `jti`; the PyJWT of earlier releases is [U], taken as older than 2.10.
    from: [2026, 5, 0],
    rules: {
      releases: 'authentik 2026.5 or later',
      expiredSeatsCount: false,
      combinedExpiry: 'latest',
      lastValidFallback: 'epoch',
      summaryShape: 'status',
      warningsNeedLicense: false,
      algorithms: ['ES512', 'ES384'],
      flagsClaim: 'license_flags',
      stringSubAndJti: true,
      installIdPath: '/enterprise/license/install_id/',
      thresholds: THRESHOLDS,
    },
  },
];

/** The newest release the doc was checked against; a later one gets the newest rules, flagged as assumed. */
const NEWEST_CHECKED: Release = [2026, 8, Number.POSITIVE_INFINITY];

const OLDEST = TABLE[0];
const NEWEST = TABLE[TABLE.length - 1];

/** `2025.4.1`, `v2024.8.0-rc1`, `2026.5` (patch 0); a pre-release reads as its release. Null when unreadable. */
export function parseAuthentikVersion(version: string): Release | null {
  const match = /^v?(\d{4})\.(\d{1,2})(?:\.(\d+))?(?:[-+]|$)/.exec(version.trim());
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), match[3] === undefined ? 0 : Number(match[3])];
}

function compare(a: Release, b: Release): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The rules authentik applies at `version` (the instance's `version_current`). With no version, an
 * unreadable one, or one newer than the releases the table was checked against, the newest rules
 * stand in and `assumption` says so; one older than 2023.10 gets the oldest rules, likewise flagged.
 */
export function authentikRules(version: string | null): AuthentikRules {
  if (OLDEST === undefined || NEWEST === undefined) throw new Error('the rules table is empty');
  const release = version === null ? null : parseAuthentikVersion(version);
  if (version === null || release === null) {
    const why = version === null ? 'no authentik version known' : `authentik version "${version}" not readable`;
    return { ...NEWEST.rules, version, assumption: `newest rules assumed (${NEWEST.rules.releases}): ${why}` };
  }
  if (compare(release, NEWEST_CHECKED) > 0) {
    return {
      ...NEWEST.rules,
      version,
      assumption: `newest rules assumed (${NEWEST.rules.releases}): ${version} is newer than the releases checked`,
    };
  }
  if (compare(release, OLDEST.from) < 0) {
    return {
      ...OLDEST.rules,
      version,
      assumption: `oldest rules assumed (${OLDEST.rules.releases}): ${version} is older than the releases checked`,
    };
  }
  const span = TABLE.findLast((entry) => compare(release, entry.from) >= 0) ?? OLDEST;
  return { ...span.rules, version, assumption: null };
}

/** The first release whose rules accept `alg` (`2026.5`); null when no release does. */
export function firstReleaseAccepting(alg: string): string | null {
  const span = TABLE.find((entry) => (entry.rules.algorithms as readonly string[]).includes(alg));
  if (span === undefined) return null;
  const [year, minor, patch] = span.from;
  return patch === 0 ? `${year}.${minor}` : `${year}.${minor}.${patch}`;
}

/** When authentik started accepting `alg`: "in every release" (2023.10 on), or "from 2026.5". */
export function acceptedSince(alg: LicenseAlgorithm): string {
  const since = firstReleaseAccepting(alg);
  return since === firstReleaseAccepting('ES512') ? 'in every release' : `from ${since}`;
}

/** One line for output: which rules were applied and, when assumed, why. */
export function rulesBasis(rules: AuthentikRules): string {
  return rules.assumption ?? `rules of ${rules.releases} (the instance runs ${rules.version})`;
}
