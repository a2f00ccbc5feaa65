import fc from 'fast-check';
import { DAY_MS, WEEK_MS } from '../../../../shared/time/durations';
import { NOW, NOW_SECONDS, type PoolKey } from './key-pool';

const HOUR_MS = 60 * 60 * 1000;
const DAY_S = DAY_MS / 1000;
const WEEK_S = WEEK_MS / 1000;

/** The version each side is told: the same string, or none for the app where the simulator takes its default (the newest). */
export interface VersionChoice {
  sim: string | undefined;
  app: string | null;
}

/** Releases across the table (2024.2 to 2026.5.x, later ones), with the spellings both sides read. */
const RELEASES = [
  '2024.2.0',
  '2024.2.3',
  '2024.4.4',
  '2024.6.3',
  '2024.8.0',
  '2024.8.6',
  '2024.10.5',
  '2024.12.3',
  '2025.2.4',
  '2025.4.0',
  '2025.4.1',
  '2025.4.3',
  'v2025.4.1',
  '2025.6.4',
  '2025.8.4',
  '2025.10.2',
  '2025.12.1',
  '2026.2.2',
  '2026.5.0-rc1',
  '2026.5.0',
  '2026.5.6',
  '2026.8.3',
  '2027.2.0',
];
const VERSIONS: VersionChoice[] = [
  ...RELEASES.map((version) => ({ sim: version, app: version })),
  // No version known, or one the app cannot read: the app takes the newest rules, the simulator answers as its newest release.
  { sim: undefined, app: null },
  { sim: undefined, app: 'nightly' },
];

type UserBase = 'zero' | 'unexpired_seats' | 'all_seats' | 'seats_with_key' | 'free';

interface UserSpec {
  base: UserBase;
  delta: number;
  free: number;
}

/** What fast-check draws; `resolveCase` turns it into the inputs both sides get. */
export interface RawCase {
  version: VersionChoice;
  /** Added to NOW, so that expiries and records fall on and off whole seconds. */
  jitterMs: number;
  licenses: { expOffsetSeconds: number; internal: number; external: number }[];
  internalUsers: UserSpec;
  externalUsers: UserSpec;
  /** Usage records, by age at `now` and the status each stored (`valid` is `within_limits` before 2024.8). */
  records: { ageMs: number; status: string }[];
  /** Hand the app null, not the simulator's fallback instant, when no record says valid. */
  nullWhenNoValidRecord: boolean;
  /** A key from the pool to install, replacing the installed license at `replaces` (modulo their number) or added. */
  install: { keyIndex: number; replaces: number | null } | null;
}

/** An installed license: `exp` in Unix seconds, seats. */
export interface ResolvedLicense {
  exp: number;
  internal: number;
  external: number;
}

export interface ResolvedCase {
  version: VersionChoice;
  now: number;
  licenses: ResolvedLicense[];
  users: { internal: number; external: number };
  records: { at: number; status: string }[];
  nullWhenNoValidRecord: boolean;
  install: { key: PoolKey; replaces: number | null } | null;
}

const EXP_OFFSETS_S = [
  0,
  1,
  -1,
  10 * 3600,
  -10 * 3600,
  2 * WEEK_S,
  2 * WEEK_S + 1,
  2 * WEEK_S - 1,
  -6 * WEEK_S,
  -6 * WEEK_S - 1,
  -6 * WEEK_S + 1,
  -7 * WEEK_S,
  365 * DAY_S,
  -100 * DAY_S,
];
const RECORD_AGES_MS = [
  0,
  1,
  8 * HOUR_MS,
  2 * WEEK_MS - 1,
  2 * WEEK_MS,
  2 * WEEK_MS + 1,
  3 * WEEK_MS,
  4 * WEEK_MS - 1,
  4 * WEEK_MS,
  4 * WEEK_MS + 1,
  5 * WEEK_MS,
  6 * WEEK_MS - 1,
  6 * WEEK_MS,
  6 * WEEK_MS + 1,
  7 * WEEK_MS,
  90 * DAY_MS - 1,
  90 * DAY_MS,
];
const NOT_VALID = ['expiry_soon', 'expired', 'limit_exceeded_admin', 'limit_exceeded_user', 'read_only', 'unlicensed'];

const seats = fc.oneof(fc.constantFrom(0, 1, 100), fc.integer({ min: 0, max: 500 }));
const userSpec = fc.record({
  base: fc.constantFrom<UserBase>('zero', 'unexpired_seats', 'all_seats', 'seats_with_key', 'free'),
  delta: fc.constantFrom(-1, 0, 0, 1),
  free: fc.integer({ min: 0, max: 1200 }),
});

/** Random cases over `poolSize` keys: boundaries of every threshold weighted in, the rest uniform. */
export function rawCaseArbitrary(poolSize: number): fc.Arbitrary<RawCase> {
  return fc.record({
    version: fc.constantFrom(...VERSIONS),
    jitterMs: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }) },
    ),
    licenses: fc.array(
      fc.record({
        expOffsetSeconds: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...EXP_OFFSETS_S) },
          { weight: 2, arbitrary: fc.integer({ min: -120 * DAY_S, max: 400 * DAY_S }) },
        ),
        internal: seats,
        external: seats,
      }),
      { maxLength: 4 },
    ),
    internalUsers: userSpec,
    externalUsers: userSpec,
    records: fc.array(
      fc.record({
        ageMs: fc.oneof(fc.constantFrom(...RECORD_AGES_MS), fc.integer({ min: 0, max: 120 * DAY_MS })),
        status: fc.oneof(
          { weight: 3, arbitrary: fc.constant('valid') },
          { weight: 2, arbitrary: fc.constantFrom(...NOT_VALID) },
        ),
      }),
      { maxLength: 5 },
    ),
    nullWhenNoValidRecord: fc.boolean(),
    // A third of the cases install a key: checking one is most of a case's time.
    install: fc.oneof(
      { weight: 2, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.record({ keyIndex: fc.nat({ max: poolSize - 1 }), replaces: fc.option(fc.nat(), { nil: null }) }),
      },
    ),
  });
}

function users(spec: UserSpec, seatSums: Record<Exclude<UserBase, 'zero' | 'free'>, number>): number {
  if (spec.base === 'zero') return 0;
  if (spec.base === 'free') return spec.free;
  return Math.max(0, seatSums[spec.base] + spec.delta);
}

/** The concrete inputs: absolute times, user counts near the seats the licenses (and the key) bring, the key itself. */
export function resolveCase(raw: RawCase, pool: readonly PoolKey[]): ResolvedCase {
  const now = NOW + raw.jitterMs;
  const licenses = raw.licenses.map((license) => ({
    exp: NOW_SECONDS + license.expOffsetSeconds,
    internal: license.internal,
    external: license.external,
  }));
  const { install } = raw;
  const key = install === null ? undefined : pool[install.keyIndex];
  const replaces =
    install === null || install.replaces === null || licenses.length === 0 ? null : install.replaces % licenses.length;
  const unexpired = licenses.filter((license) => license.exp * 1000 >= now);
  const sum = (rows: readonly ResolvedLicense[], seats: (license: ResolvedLicense) => number): number =>
    rows.reduce((total, license) => total + seats(license), 0);
  const sums = (seats: (license: ResolvedLicense) => number, fromKey: number) => ({
    unexpired_seats: sum(unexpired, seats),
    all_seats: sum(licenses, seats),
    seats_with_key:
      sum(
        unexpired.filter((license) => license !== licenses[replaces ?? -1]),
        seats,
      ) + fromKey,
  });
  return {
    version: raw.version,
    now,
    licenses,
    users: {
      internal: users(
        raw.internalUsers,
        sums((license) => license.internal, key?.internalUsers ?? 0),
      ),
      external: users(
        raw.externalUsers,
        sums((license) => license.external, key?.externalUsers ?? 0),
      ),
    },
    records: raw.records.map((record) => ({ at: now - record.ageMs, status: record.status })),
    nullWhenNoValidRecord: raw.nullWhenNoValidRecord,
    install: key === undefined ? null : { key, replaces },
  };
}

/** The case in words for a failure message: the key by its label, not its text. */
export function describeCase(resolved: ResolvedCase): string {
  const { install, ...rest } = resolved;
  return JSON.stringify({
    ...rest,
    install: install === null ? null : { key: install.key.label, replaces: install.replaces },
  });
}
