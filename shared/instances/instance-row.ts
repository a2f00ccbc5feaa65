import { z } from 'zod';

const isoDate = z.iso.datetime();
const seats = z.object({ internalUsers: z.number().int(), externalUsers: z.number().int() });

/**
 * Monitoring state of an instance: the `aklm status` exit in words (of the status shown, live or last
 * known), or `never` when no read of it ever succeeded and none was tried this session.
 */
export const INSTANCE_STATES = ['ok', 'warning', 'critical', 'unknown', 'never'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

/**
 * Where a row's status comes from: `live`, read in this session; `last_known`, the last successful read as
 * saved (by an earlier session, or before this session's read failed), not yet replaced by a read of this
 * session; `none`, no read of the instance ever succeeded.
 */
export const STATUS_SOURCES = ['live', 'last_known', 'none'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/** One row of the fleet dashboard. Never a token, never a license key. */
export const instanceRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  customer: z.string().nullable(),
  tags: z.array(z.string()),
  /** The person allowed plain http:// to this instance on another computer: its token travels unencrypted. */
  allowHttp: z.boolean(),
  version: z.string().nullable(),
  installId: z.string().nullable(),
  state: z.enum(INSTANCE_STATES),
  statusSource: z.enum(STATUS_SOURCES),
  /** When the status shown (and the expiry, seats, usage, flags and warnings with it) was read; null when none is. */
  statusReadAt: isoDate.nullable(),
  /** authentik's live status, as received (unknown values included). */
  status: z.string().nullable(),
  statusCached: z.string().nullable(),
  /** The server's combined expiry (`latest_valid`). */
  latestValid: isoDate.nullable(),
  licensed: seats.nullable(),
  usage: seats.nullable(),
  flags: z.array(z.string()),
  warnings: z.array(z.string()),
  lastRefresh: z
    .object({
      at: isoDate,
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      /** After a failed refresh: the first failed one since the last success (absent in rows made before it existed). */
      failingSince: isoDate.nullable().optional(),
    })
    .nullable(),
});

export type InstanceRow = z.infer<typeof instanceRowSchema>;
