import { z } from 'zod';
import { datedTextSchema } from '../time/dated-text';
import { CHECK_NAMES, VERDICT_REASONS } from './verdict';

const isoDate = z.iso.datetime();

export const certificateViewSchema = z.object({
  role: z.enum(['signer', 'intermediate', 'root']),
  subject: z.string(),
  issuer: z.string(),
  validFrom: isoDate,
  validTo: isoDate,
  sha256: z.string(),
});

export const ladderViewSchema = z.object({
  expirySoon: isoDate,
  expiry: isoDate,
  adminWarning: isoDate,
  userWarning: isoDate,
  readOnly: isoDate,
});

/** A verdict as the app shows it: never the key itself, only its fingerprint; its words with their dates apart. */
export const verdictViewSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(VERDICT_REASONS),
  message: datedTextSchema,
  checks: z
    .array(z.object({ name: z.enum(CHECK_NAMES), ok: z.boolean().nullable(), detail: datedTextSchema }))
    .length(CHECK_NAMES.length),
  claims: z
    .object({
      name: z.string(),
      installId: z.string(),
      internalUsers: z.number().int(),
      externalUsers: z.number().int(),
      licenseFlags: z.array(z.string()),
      expiresAt: isoDate,
    })
    .nullable(),
  claimsVerified: z.boolean(),
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  certificates: z.array(certificateViewSchema),
  /** The product guide's ladder for this key alone, anchored at its expiry. */
  ladder: ladderViewSchema.nullable(),
  evaluatedAt: isoDate,
});

export type VerdictView = z.infer<typeof verdictViewSchema>;
export type CertificateView = z.infer<typeof certificateViewSchema>;
export type LadderView = z.infer<typeof ladderViewSchema>;
