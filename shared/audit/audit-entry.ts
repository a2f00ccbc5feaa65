import { z } from 'zod';

/** What the app and the CLI record: each one a change they make to an instance, a portal or the saved instances. */
export const AUDIT_ACTIONS = [
  'license.install',
  'license.replace',
  'license.delete',
  'instance.add',
  'instance.edit',
  'instance.remove',
  'license.purchase',
  'license.renewal',
  'invitation.send',
  'invitation.resend',
  'invitation.revoke',
  'invitation.accept',
  'member.remove',
  'member.role_change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `attempted` is written (and flushed) before anything is sent; one of the others follows with the outcome.
 * `unknown`: the request went out and its answer was lost (an install whose POST may have arrived).
 */
export const AUDIT_RESULTS = ['attempted', 'succeeded', 'refused', 'failed', 'unknown'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** Who acted: the portal account when the change went through the portal, else the person logged in to this computer. */
export const auditActorSchema = z.object({ kind: z.enum(['os', 'portal']), name: z.string() });
export type AuditActor = z.infer<typeof auditActorSchema>;

/** What was acted on; only the fields that apply are present. Never a key or a token. */
export const auditTargetSchema = z.object({
  /** A saved instance (`id` null for `aklm install --url`, `name` null when it has none). */
  instance: z.object({ id: z.string().nullable(), name: z.string().nullable(), url: z.string() }).optional(),
  /** The uuid of a license installed on the instance. */
  license: z.string().optional(),
  license_name: z.string().optional(),
  /** The customer portal's host. */
  portal: z.string().optional(),
  organization: z.string().optional(),
  organization_name: z.string().optional(),
  /** The id of a license in the customer portal. */
  portal_license: z.string().optional(),
  install_id: z.string().optional(),
  /** An invitee's e-mail address. */
  email: z.string().optional(),
  /** A member's user id in the portal. */
  user: z.string().optional(),
  invitation: z.string().optional(),
  role: z.string().optional(),
});
export type AuditTarget = z.infer<typeof auditTargetSchema>;

/** A SHA-256 in lower-case hex. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One line of `audit.jsonl`. `prev` is the SHA-256 of the previous line as written (64 zeros for the
 * first); `op` pairs an attempt with its outcome. `action` is read as any text, so a newer version's
 * actions still show.
 */
export const auditEntrySchema = z.object({
  v: z.literal(1),
  time: z.iso.datetime(),
  actor: auditActorSchema,
  action: z.string(),
  target: auditTargetSchema,
  /** The key's fingerprint (`sha256:…`) where a key is involved. */
  fingerprint: z.string().nullable(),
  result: z.enum(AUDIT_RESULTS),
  /** Why, in words (a reason code and its message), or what changed; null when there is nothing to add. */
  detail: z.string().nullable(),
  op: z.string(),
  prev: sha256HexSchema,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * The chain checked: `intact`, `altered` (with the first entry that can no longer be trusted, when one can
 * be named) or `unverifiable` (the file or the OS keychain could not be read).
 */
export const auditVerificationSchema = z.object({
  state: z.enum(['intact', 'altered', 'unverifiable']),
  /** Lines in the file. */
  entries: z.number().int().min(0),
  /** 1-based line number. */
  firstAltered: z.number().int().min(1).nullable(),
  message: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** One line of the file as the Audit screen gets it; `entry` is null when the line is not an entry at all. */
export const auditLineSchema = z.object({ line: z.number().int().min(1), entry: auditEntrySchema.nullable() });
export type AuditLine = z.infer<typeof auditLineSchema>;
