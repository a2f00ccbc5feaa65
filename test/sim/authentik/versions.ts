/**
 * Which of authentik's licensing rules a simulated release follows. Each rule names the release and the
 * source it comes from (docs/authentik-versions.md, written from authentik's own code and PR threads).
 */

/** The newest release the simulator answers as by default. */
const CURRENT_VERSION = '2026.5.6';
/** What `legacy: true` stands for: the last release before the 2024.8 API. */
const LEGACY_VERSION = '2024.6.3';

interface Release {
  year: number;
  minor: number;
  patch: number;
}

function parseRelease(version: string): Release {
  const match = /^v?(\d{4})\.(\d{1,2})\.(\d+)(?:-[\w.]+)?$/.exec(version.trim());
  if (match === null) throw new Error(`authentik simulator: "${version}" is not an authentik release such as 2026.5.6`);
  return { year: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

function atLeast(release: Release, year: number, minor: number, patch = 0): boolean {
  if (release.year !== year) return release.year > year;
  if (release.minor !== minor) return release.minor > minor;
  return release.patch >= patch;
}

export interface VersionRules {
  version: string;
  /**
   * 2024.8: the summary's `status` enum and `license_flags` replace the booleans, `install_id/` replaces
   * `get_install_id/`, `summary/` takes `cached`, a usage record stores `status()` instead of
   * `within_limits`, `last_valid` falls back to the epoch instead of `now()`, and a key that fails to
   * decode is re-read unverified so that another install's key says "Invalid Install ID in license"
   * (the 2024.8 `license.py`; the API change is visible between the @goauthentik/api snapshots of
   * 2024-07-05 and 2024-08-23).
   */
  statusApi: boolean;
  /**
   * `get_total()`: whose seats count. 2023.10–2024.6 filter `expiry__gte=now()`; 2024.8 → 2025.4.0 loop
   * over `License.objects.all()`; PR #14451 (merged 2025-05-09, cherry-picked into the 2025.4 patch
   * release — 2025.4.1 is taken as that release — and in every release from 2025.6) ignores expired
   * licenses' seats again.
   */
  seats: 'unexpired' | 'all';
  /**
   * `get_total()`: the combined `exp`. Before 2024.8 the earliest expiry of the unexpired licenses (0 when
   * none); from 2024.8 the latest of all licenses, which #14451 keeps (its `test_expiry_expired` needs it).
   */
  expiry: 'earliest-unexpired' | 'latest';
  /**
   * PyJWT `algorithms`: `["ES512"]`; PR #20507 adds `ES384` (2026.5, which also carries #20402's
   * `_validate_curve` override, so no release checks the key's curve against the algorithm).
   */
  algorithms: readonly string[];
  /** PyJWT ≥ 2.10 rejects a non-string `sub` (or non-null, non-string `jti`); 2026.5 pins PyJWT 2.11.0. */
  stringSubAndJti: boolean;
  /**
   * The read-only middleware lets writes to `UserViewSet` through: PR #12289 (merged 2024-12-06), taken
   * as 2024.12 (docs/authentik-versions.md §6: a 2024.10.5 backport is claimed, not confirmed).
   */
  usersWritableWhenReadOnly: boolean;
}

/**
 * The rules of an authentik release (`2024.6.3`, `2025.4.1`, `2026.5.6`, an `-rc` suffix ignored).
 * Releases before 2024.2 are refused: their summary did not AND the warnings with `has_license` and was
 * computed live, which the simulator does not model.
 */
function rulesFor(version: string): VersionRules {
  const release = parseRelease(version);
  if (!atLeast(release, 2024, 2))
    throw new Error(`authentik simulator: ${version} is older than the 2024.2 release it models first`);
  const statusApi = atLeast(release, 2024, 8);
  const newestPyJwt = atLeast(release, 2026, 5);
  return {
    version: version.trim(),
    statusApi,
    seats: statusApi && !atLeast(release, 2025, 4, 1) ? 'all' : 'unexpired',
    expiry: statusApi ? 'latest' : 'earliest-unexpired',
    algorithms: newestPyJwt ? ['ES512', 'ES384'] : ['ES512'],
    stringSubAndJti: newestPyJwt,
    usersWritableWhenReadOnly: atLeast(release, 2024, 12),
  };
}

/** The version an instance answers as: `version` when given, else `legacy` picks 2024.6.3 over the newest. */
export function resolveVersion(options: { version?: string; legacy?: boolean }): VersionRules {
  const rules = rulesFor(options.version ?? (options.legacy === true ? LEGACY_VERSION : CURRENT_VERSION));
  if (options.legacy !== undefined && options.legacy === rules.statusApi) {
    throw new Error(`authentik simulator: legacy: ${options.legacy} contradicts version ${rules.version}`);
  }
  return rules;
}
