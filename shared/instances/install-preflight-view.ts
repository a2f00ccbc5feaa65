import { z } from 'zod';
import { verdictViewSchema } from '../license/verdict-view';

const seats = z.object({ internalUsers: z.number().int(), externalUsers: z.number().int() });
const instant = z.iso.datetime();

/**
 * When the users would exceed the seats after the key: what is known of authentik's last valid usage
 * record and the dates of its steps from there, on the instance's clock (see shared/license/read-only-outlook.ts).
 */
export const overCapacityViewSchema = z.object({
  /** authentik is read-only right after the install: proven (`yes`), not ruled out (`maybe`), or not (`no`). */
  readOnlyAtOnce: z.enum(['yes', 'maybe', 'no']),
  /** authentik reports `read_only` now. */
  readOnlyNow: z.boolean(),
  /** `never`: no valid record; else it lies between `notBefore` and `notAfter` (null: unbounded that way; both null: it cannot be dated). */
  lastValid: z.object({ never: z.boolean(), notBefore: instant.nullable(), notAfter: instant.nullable() }),
  /** The admin banner, user banner and read-only, each between `earliest` (null: unbounded) and `latest`; empty when none is dated. */
  steps: z.array(
    z.object({
      kind: z.enum(['admin_banner', 'user_banner', 'read_only']),
      earliest: instant.nullable(),
      latest: instant,
    }),
  ),
});

export type OverCapacityView = z.infer<typeof overCapacityViewSchema>;

/** What installing a key on an instance would do, shown in full before anything is sent. */
export const installPreflightViewSchema = z.object({
  /** `send`: safe to install; `already_installed`: nothing to do; `refuse`: it would be rejected or harmful. */
  action: z.enum(['send', 'already_installed', 'refuse']),
  /** Why it is refused (a verify reason, `forbidden`, `over_capacity`), else null. */
  reason: z.string().nullable(),
  message: z.string(),
  warnings: z.array(z.string()),
  /** The key verified offline against this instance's Install ID. */
  verdict: verdictViewSchema,
  /** Another saved instance whose Install ID the key is for, when it is not this one's. */
  otherInstance: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  usage: seats.nullable(),
  capacityNow: seats,
  capacityAfter: seats,
  /** The product guide's cumulative expiry now and once the key is installed. */
  cumulativeExpiryNow: z.iso.datetime().nullable(),
  cumulativeExpiryAfter: z.iso.datetime().nullable(),
  /** authentik's own combined expiry now (the server's `latest_valid`), null when unlicensed. */
  latestValidNow: z.iso.datetime().nullable(),
  /** What it is expected to be once the key is installed, combined as the instance's release combines expiries. */
  latestValidAfter: z.iso.datetime().nullable(),
  /** Null unless the users would exceed the seats after the key. */
  overCapacity: overCapacityViewSchema.nullable(),
});

export type InstallPreflightView = z.infer<typeof installPreflightViewSchema>;
