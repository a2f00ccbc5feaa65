import { z } from 'zod';
import { instanceRowSchema } from './instance-row';

const isoDate = z.iso.datetime();

/** Kinds of warning the instance page explains with a specific action. */
export const DETAIL_WARNING_KINDS = ['install_id_changed', 'duplicate_key', 'trial_only', 'clock_skew'] as const;
export type DetailWarningKind = (typeof DETAIL_WARNING_KINDS)[number];

/** One installed license as the instance page lists it. Never the key. */
export const installedLicenseViewSchema = z.object({
  licenseUuid: z.string(),
  name: z.string(),
  internalUsers: z.number().int(),
  externalUsers: z.number().int(),
  expiry: isoDate,
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  flags: z.array(z.string()),
  /** The key verified offline against this instance's Install ID, by the instance's clock (authentik judges by its own). */
  verdict: z.object({ valid: z.boolean(), reason: z.string(), message: z.string() }),
  /** The same by this computer's clock, where that gives another answer (the clocks differ); else null. */
  verdictByLocalClock: z.object({ valid: z.boolean(), reason: z.string(), message: z.string() }).nullable(),
});
export type InstalledLicenseView = z.infer<typeof installedLicenseViewSchema>;

/**
 * authentik's steps for an instance whose users exceed its seats, counted from its last usage record that
 * said `valid` (which its API never shows), bounded by the status read and the app's history. Dates are
 * on this computer's clock.
 */
export const overCapacityOutlookSchema = z.object({
  /** Read-only already or right away (`yes`), possibly (`maybe`), or not yet (`no`). */
  atOnce: z.enum(['yes', 'maybe', 'no']),
  /** Where that record lies: `notBefore` null when no lower bound is known; null when there is none (authentik takes 1970 from 2024.8). */
  lastValid: z.object({ notBefore: isoDate.nullable(), notAfter: isoDate }).nullable(),
  /** The status the bounds rest on and, when a reading of the history narrowed them, that reading. */
  basis: z.object({ status: z.string(), history: z.object({ at: isoDate, status: z.string() }).nullable() }),
  /**
   * True when the steps wait for the combined expiry: a recent valid record keeps authentik recording
   * `valid` while the expiry is more than 2 weeks away (2024.8 and later).
   */
  waitsForExpiry: z.boolean(),
  /** Admin banner, user banner, read-only: each between `earliest` (null: unknown, maybe long ago) and `latest`. */
  steps: z.array(
    z.object({
      kind: z.enum(['admin_banner', 'user_banner', 'read_only']),
      earliest: isoDate.nullable(),
      latest: isoDate,
    }),
  ),
});
export type OverCapacityOutlookView = z.infer<typeof overCapacityOutlookSchema>;

/** Everything the instance page shows beyond the dashboard row. Never a token, never a license key. */
export const instanceDetailSchema = z.object({
  instance: instanceRowSchema,
  /** When the data below was read; null when the instance has not been read this session (or the read failed). */
  readAt: isoDate.nullable(),
  /** The Install ID saved before the latest read, when the one read now differs (installed keys stop matching). */
  previousInstallId: z.string().nullable(),
  /** The saved extra CA (PEM, public), for the edit dialog; the token is never sent, only whether the token vault holds one. */
  caPem: z.string().nullable(),
  hasToken: z.boolean(),
  forecast: z
    .object({
      internalUsers: z.number().int(),
      externalUsers: z.number().int(),
      forecastedInternalUsers: z.number().int(),
      forecastedExternalUsers: z.number().int(),
    })
    .nullable(),
  /**
   * authentik's cached summary (what it enforces) beside the live one on the row: the combined expiry and
   * capacity it was computed with, which tell when licenses changed since; null when not read this session.
   */
  cachedSummary: z
    .object({
      latestValid: isoDate.nullable(),
      licensed: z.object({ internalUsers: z.number().int(), externalUsers: z.number().int() }),
    })
    .nullable(),
  licenses: z.array(installedLicenseViewSchema),
  /** Server clock minus this computer's, ms: authentik's server_time (else the HTTP `Date` header) against the middle of that request's round trip; null when unknown. */
  clockSkewMs: z.number().int().nullable(),
  /** The first refresh that saw the instance over capacity (this app's sighting; authentik counts from its records). */
  overCapacitySince: isoDate.nullable(),
  /** While the users exceed the seats: when authentik's over-capacity steps come, from its last valid usage record. */
  overCapacityOutlook: overCapacityOutlookSchema.nullable(),
  /** Situations with a specific fix; the report's other warnings stay on `instance.warnings`. */
  warnings: z.array(z.object({ kind: z.enum(DETAIL_WARNING_KINDS), message: z.string() })),
  /** Things worth knowing that never change the state (an expired key still installed, an unknown status…). */
  notes: z.array(z.string()),
});
export type InstanceDetail = z.infer<typeof instanceDetailSchema>;
