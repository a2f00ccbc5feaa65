import { z } from 'zod';

// Wire shapes of the endpoints the client reads, mirroring authentik's OpenAPI schema
// (shared/domain/authentik-2026.5.6-enterprise.openapi.yml) and the pre-2024.8 shapes it replaced.
// Extra fields are allowed (newer servers add some); missing or mistyped required fields are not.

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 date-time with a zone, as DRF writes it, decoded to epoch ms. */
const dateTime = z
  .string()
  .regex(ISO_DATE_TIME, 'expected an ISO 8601 date-time with a time zone')
  .transform((text, context) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) {
      context.addIssue({ code: 'custom', message: 'not a valid date-time' });
      return z.NEVER;
    }
    return ms;
  });

const count = z.number().int().nonnegative();

/** `Version` (`/admin/version/`); only `version_current` is used, older servers lack some fields. */
export const versionSchema = z.looseObject({
  version_current: z.string().min(1),
  version_latest: z.string().optional(),
  build_hash: z.string().optional(),
  outdated: z.boolean().optional(),
});

/** `License`. */
export const licenseSchema = z.looseObject({
  license_uuid: z.string().min(1),
  name: z.string(),
  key: z.string(),
  expiry: dateTime,
  internal_users: count,
  external_users: count,
});
export type WireLicense = z.output<typeof licenseSchema>;

/** `Pagination`: `next`/`previous` are page numbers, 0 when none. */
export const paginationSchema = z.looseObject({
  next: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  current: z.number().int().nonnegative(),
  total_pages: z.number().int().nonnegative(),
  start_index: z.number().int().nonnegative(),
  end_index: z.number().int().nonnegative(),
});

/** `PaginatedLicenseList`; `autocomplete` is required by the schema but never used here. */
export const licensePageSchema = z.looseObject({
  pagination: paginationSchema,
  results: z.array(licenseSchema),
});

/** `InstallID` (`install_id/`, and `get_install_id/` before 2024.8). */
export const installIdSchema = z.looseObject({ install_id: z.string().min(1) });

/** `LicenseSummary` since 2024.8; `status` is kept as received even when this version does not know it. */
export const summarySchema = z.looseObject({
  internal_users: count,
  external_users: count,
  status: z.string().min(1),
  latest_valid: dateTime,
  license_flags: z.array(z.string()),
});

/** `LicenseSummary` before 2024.8: booleans instead of a status. */
export const legacySummarySchema = z.looseObject({
  internal_users: count.optional(),
  external_users: count.optional(),
  valid: z.boolean(),
  show_admin_warning: z.boolean(),
  show_user_warning: z.boolean(),
  read_only: z.boolean(),
  has_license: z.boolean(),
  latest_valid: dateTime.optional(),
});

/** `LicenseForecast`. */
export const forecastSchema = z.looseObject({
  internal_users: count,
  external_users: count,
  forecasted_internal_users: count,
  forecasted_external_users: count,
});

/** `SystemInfo` (`/admin/system/`); only `server_time` is used. */
export const systemTimeSchema = z.looseObject({ server_time: dateTime });

/** `GenericError` (403 and friends). */
export const genericErrorSchema = z.looseObject({ detail: z.string(), code: z.string().optional() });

/** `ValidationError` (400): `{ field: [messages] }`, `non_field_errors`, sometimes `detail` + `code`. */
export const validationErrorSchema = z.record(z.string(), z.unknown());
