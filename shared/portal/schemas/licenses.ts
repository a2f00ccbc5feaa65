import { z } from 'zod';
import { fingerprintSchema, idSchema, installIdSchema, nameSchema, userCountSchema } from './common';

export const LICENSE_STATUSES = ['pending_payment', 'active', 'expired'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** A license as listed: never the key, only its fingerprint (both null while payment is pending). */
export const licenseSchema = z.object({
  id: idSchema,
  nickname: z.string().min(1).max(100),
  install_id: installIdSchema,
  internal_users: userCountSchema,
  external_users: userCountSchema,
  expires_at: z.iso.datetime().nullable(),
  status: z.enum(LICENSE_STATUSES),
  key_fingerprint: fingerprintSchema.nullable(),
  /** The key it held before its latest renewal (null until renewed): the key a renewal replaces where it is still installed. */
  previous_key_fingerprint: fingerprintSchema.nullable(),
});
export type License = z.infer<typeof licenseSchema>;

/** One license with its key, from `GET .../licenses/{id}` only. The key is a secret to the app. */
export const licenseWithKeySchema = licenseSchema.extend({
  key: z.string().nullable(),
});
export type LicenseWithKey = z.infer<typeof licenseWithKeySchema>;

/** Rename a license (Owner). */
export const licenseUpdateSchema = z.strictObject({
  nickname: nameSchema('license'),
});
export type LicenseUpdate = z.infer<typeof licenseUpdateSchema>;
