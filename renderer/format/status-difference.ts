import type { InstanceDetail } from '../../shared/instances/instance-detail';
import type { AuthentikRules } from '../../shared/license/authentik-rules';
import type { UserCounts } from '../../shared/license/capacity';
import { localDate } from './dates';

/** Why authentik's live and cached status differ, as far as what was read tells. */
export type StatusDifferenceKind =
  | 'licenses_changed'
  | 'expired'
  | 'read_only_after_expiry'
  | 'expiry_soon'
  | 'over_capacity'
  | 'within_capacity'
  | 'cache_lag';

export interface StatusDifferenceInput {
  live: string;
  cached: string;
  /** The live summary: combined expiry (`latest_valid`) and licensed capacity. */
  latestValid: string | null;
  licensed: UserCounts | null;
  /** Users in use now (the forecast's current counts). */
  usage: UserCounts | null;
  /** What authentik's cached summary was computed with. */
  cachedSummary: InstanceDetail['cachedSummary'];
  /** When all this was read. */
  readAt: string | null;
  /** authentik's rules for the instance's release: its thresholds (expiry warning 2 weeks ahead, read-only 6 weeks after). */
  rules: AuthentikRules;
}
const CAPACITY_STATUSES = new Set(['limit_exceeded_admin', 'limit_exceeded_user']);
const EXPIRED_STATUSES = new Set(['expired', 'read_only']);

const seats = (counts: UserCounts): string =>
  `${counts.internalUsers.toLocaleString()} internal and ${counts.externalUsers.toLocaleString()} external seats`;
const expiryWords = (iso: string | null): string =>
  iso === null ? 'no combined expiry' : `a combined expiry of ${localDate(iso)}`;
const dateAt = (ms: number): string => localDate(new Date(ms).toISOString());
const AFTER_CACHE = 'after authentik last computed its cached status';

function sameSummary(
  cached: NonNullable<InstanceDetail['cachedSummary']>,
  latestValid: string | null,
  licensed: UserCounts,
): boolean {
  const sameExpiry =
    cached.latestValid === null || latestValid === null
      ? cached.latestValid === latestValid
      : Date.parse(cached.latestValid) === Date.parse(latestValid);
  return (
    sameExpiry &&
    cached.licensed.internalUsers === licensed.internalUsers &&
    cached.licensed.externalUsers === licensed.externalUsers
  );
}

function overParts(usage: UserCounts, licensed: UserCounts): string[] {
  const parts: string[] = [];
  if (usage.internalUsers > licensed.internalUsers)
    parts.push(
      `${usage.internalUsers.toLocaleString()} internal users against ${licensed.internalUsers.toLocaleString()} seats`,
    );
  if (usage.externalUsers > licensed.externalUsers)
    parts.push(
      `${usage.externalUsers.toLocaleString()} external users against ${licensed.externalUsers.toLocaleString()} seats`,
    );
  return parts;
}

function fromExpiry(
  input: StatusDifferenceInput,
  latest: number,
  readAt: number,
): { kind: StatusDifferenceKind; text: string } | null {
  const { live, cached } = input;
  const { expiryWarningMs, readOnlyMs } = input.rules.thresholds;
  const date = dateAt(latest);
  if (live === 'read_only' && cached === 'expired' && latest < readAt - readOnlyMs) {
    return {
      kind: 'read_only_after_expiry',
      text: `Six weeks after the combined expiry of ${date}, on ${dateAt(latest + readOnlyMs)}, the instance became read-only ${AFTER_CACHE}.`,
    };
  }
  if (live === 'expired' && !EXPIRED_STATUSES.has(cached) && latest < readAt) {
    return { kind: 'expired', text: `The combined expiry, ${date}, passed ${AFTER_CACHE}.` };
  }
  if (live === 'expiry_soon' && cached === 'valid' && latest <= readAt + expiryWarningMs) {
    return {
      kind: 'expiry_soon',
      text: `The combined expiry, ${date}, came within two weeks on ${dateAt(latest - expiryWarningMs)}, ${AFTER_CACHE}.`,
    };
  }
  return null;
}

function fromUsage(
  input: StatusDifferenceInput,
  usage: UserCounts,
  licensed: UserCounts,
  latest: number | null,
  readAt: number,
): { kind: StatusDifferenceKind; text: string } | null {
  const { live, cached } = input;
  const over = overParts(usage, licensed);
  const liveOver = CAPACITY_STATUSES.has(live) || live === 'read_only';
  if (over.length > 0 && liveOver && (cached === 'valid' || cached === 'expiry_soon')) {
    return {
      kind: 'over_capacity',
      text: `The users in use now exceed the licensed seats (${over.join(' and ')}); authentik last computed its cached status before they did.`,
    };
  }
  // A cached read-only that the expiry cannot explain came from the user count.
  const cachedOver =
    CAPACITY_STATUSES.has(cached) ||
    (cached === 'read_only' && (latest === null || latest >= readAt - input.rules.thresholds.readOnlyMs));
  if (over.length === 0 && cachedOver && !liveOver) {
    return {
      kind: 'within_capacity',
      text: `The users in use are back within the licensed seats (${usage.internalUsers.toLocaleString()} internal of ${licensed.internalUsers.toLocaleString()}, ${usage.externalUsers.toLocaleString()} external of ${licensed.externalUsers.toLocaleString()}); authentik last computed its cached status while they exceeded them.`,
    };
  }
  return null;
}

/**
 * Why the live status (computed now) and the cached one (what authentik enforces) differ, in words:
 * licenses changed since the cache was computed; the combined expiry passed, came within two weeks, or is
 * six weeks past; the users in use crossed the licensed seats either way; else the cache's plain lag.
 */
export function statusDifference(input: StatusDifferenceInput): { kind: StatusDifferenceKind; text: string } {
  const { cachedSummary, licensed, usage } = input;
  if (cachedSummary !== null && licensed !== null && !sameSummary(cachedSummary, input.latestValid, licensed)) {
    return {
      kind: 'licenses_changed',
      text: `Licenses were installed, replaced or removed ${AFTER_CACHE}: it was computed with ${seats(cachedSummary.licensed)} and ${expiryWords(cachedSummary.latestValid)}; the licenses installed now give ${seats(licensed)} and ${expiryWords(input.latestValid)}.`,
    };
  }
  const readAt = input.readAt === null ? null : Date.parse(input.readAt);
  const latest = input.latestValid === null ? null : Date.parse(input.latestValid);
  if (readAt !== null && latest !== null) {
    const expiry = fromExpiry(input, latest, readAt);
    if (expiry !== null) return expiry;
  }
  if (readAt !== null && usage !== null && licensed !== null) {
    const users = fromUsage(input, usage, licensed, latest, readAt);
    if (users !== null) return users;
  }
  return {
    kind: 'cache_lag',
    text: 'Nothing in what was read points to one change; authentik’s cached status simply lags the live one.',
  };
}
