import { z } from 'zod';

/** Control characters never belong in a name, a customer or a tag (they break lists, CSV and terminals). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const label = (what: string, max: number) =>
  z
    .string()
    .min(1, `${what} is empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((text) => text.trim() === text, `${what} has leading or trailing spaces`)
    .refine((text) => !CONTROL.test(text), `${what} contains control characters`);

/** An instance's base URL as saved: http(s), no credentials, no query or fragment, no trailing slash. */
const instanceUrl = z.string().refine((text) => {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    !text.endsWith('/')
  );
}, 'is not an http(s) URL without credentials, query or trailing slash');

const isoInstant = z.iso.datetime();

/** The outcome of the last time the app read the instance. */
export const LAST_REFRESH_SCHEMA = z.strictObject({
  at: isoInstant,
  ok: z.boolean(),
  /** An InstanceError code when `ok` is false. */
  errorCode: z.string().nullable(),
  /** The error in words (never holding a token: InstanceError messages are redacted). */
  errorMessage: z.string().nullable(),
  /** When `ok` is false: the first of the failed refreshes in a row (the dashboard's "Unreachable since"). Absent in older files. */
  failingSince: isoInstant.nullable().optional(),
});

const seatCount = z.number().int().nonnegative();
const SEATS_SCHEMA = z.strictObject({ internalUsers: seatCount, externalUsers: seatCount });

/**
 * What the dashboard showed of the last successful read, so the next session shows it at once (marked as
 * last known) and a failed read loses nothing. Only what authentik's status endpoints answer and what was
 * judged from them; never a key, a token or anything else secret (the object is strict).
 */
export const LAST_STATUS_SCHEMA = z.strictObject({
  /** When it was read, on this computer's clock. */
  at: isoInstant,
  /** The monitoring state of that read: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (as `aklm status` exits). */
  exit: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** authentik's live status, as received (unknown values included). */
  status: z.string().min(1),
  /** authentik's cached status (what it enforces). */
  statusCached: z.string().min(1),
  /** The server's combined expiry (`latest_valid`). */
  latestValid: isoInstant.nullable(),
  licensed: SEATS_SCHEMA,
  /** Users in use; null when the forecast could not be read. */
  usage: SEATS_SCHEMA.nullable(),
  flags: z.array(z.string()),
  warnings: z.array(z.string()),
});

/**
 * One saved authentik instance, as stored in the registry (`instances` in the data folder's `config.json`).
 * There is no token field, ever: the token lives in the OS keychain under account `instance:<id>`. The
 * object is strict, so a record given to the registry with any other key (a `token`, say) is refused;
 * what a newer version stored in the file is read with STORED_INSTANCE_SCHEMA instead, and never handed out.
 */
export const INSTANCE_RECORD_SCHEMA = z.strictObject({
  id: z.uuid(),
  /** Unique among saved instances, compared case-insensitively. */
  name: label('the name', 200),
  url: instanceUrl,
  customer: label('the customer', 200).nullable(),
  tags: z.array(label('a tag', 100)),
  /** An extra CA (PEM) trusted for this instance in addition to the usual roots. */
  caPem: z.string().includes('-----BEGIN CERTIFICATE-----', { message: 'is not a PEM certificate' }).nullable(),
  /**
   * The person allowed plain http:// to this instance on another computer, so its token travels
   * unencrypted. Absent in files written before it existed: false, and such an address is refused.
   */
  allowHttp: z.boolean().default(false),
  lastInstallId: z.string().nullable(),
  lastVersion: z.string().nullable(),
  lastRefresh: LAST_REFRESH_SCHEMA.nullable(),
  /** The first refresh that saw usage above the licensed capacity; cleared when back within it. */
  overCapacitySince: isoInstant.nullable(),
  /**
   * The Install ID seen before a refresh read a different one (installed keys stop matching); cleared once
   * every installed license verifies for the new one. Absent in files written before it existed: null.
   */
  previousInstallId: z.string().nullable().default(null),
  /** The status of the last successful read; dropped when the address changes. Absent in files written before it existed: null. */
  lastStatus: LAST_STATUS_SCHEMA.nullable().default(null),
});

/**
 * A saved record as this version reads it: the same fields and rules, but fields it does not know (a newer
 * version's), at any depth, are dropped instead of refused. The registry writes them back unchanged.
 */
export const STORED_INSTANCE_SCHEMA = INSTANCE_RECORD_SCHEMA.strip().extend({
  lastRefresh: LAST_REFRESH_SCHEMA.strip().nullable(),
  lastStatus: LAST_STATUS_SCHEMA.strip()
    .extend({ licensed: SEATS_SCHEMA.strip(), usage: SEATS_SCHEMA.strip().nullable() })
    .nullable()
    .default(null),
});

/**
 * A record as it is saved or given to the registry. `previousInstallId`, `lastStatus` and `allowHttp` may be
 * left out (older files, callers that never set them); every record the registry reads back has them
 * (null, null and false when none).
 */
export type InstanceRecord = z.input<typeof INSTANCE_RECORD_SCHEMA>;
export type LastStatus = z.infer<typeof LAST_STATUS_SCHEMA>;

/** The key names are compared by: the shared name rule's, so the page flags exactly the names saving refuses. */
export { instanceNameKey as nameKey } from '../../shared/instances/validation';
