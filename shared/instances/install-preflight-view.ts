import { z } from 'zod';
import { verdictViewSchema } from '../license/verdict-view';

const seats = z.object({ internalUsers: z.number().int(), externalUsers: z.number().int() });

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
});

export type InstallPreflightView = z.infer<typeof installPreflightViewSchema>;
