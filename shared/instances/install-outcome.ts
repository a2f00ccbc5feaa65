import { z } from 'zod';
import { instanceRowSchema } from './instance-row';

const isoDate = z.iso.datetime();

/** What an install did, as the install dialogs show it (a pasted key and a portal license alike). Never the key. */
export const installOutcomeSchema = z.object({
  installed: z.boolean(),
  reason: z.string(),
  message: z.string(),
  warnings: z.array(z.string()),
  /** The row as read again after the install. */
  instance: instanceRowSchema,
  /** The product guide's cumulative expiry after the install: the earliest expiry among the unexpired licenses. */
  cumulativeExpiry: isoDate.nullable(),
  /**
   * authentik's own combined expiry (`latest_valid`, null when unlicensed) as read just after the install,
   * and when it was read (the guide's check: "a date one year later"); null when that read failed.
   */
  authentikExpiry: z.object({ latestValid: isoDate.nullable(), readAt: isoDate }).nullable(),
});

export type InstallOutcomeView = z.infer<typeof installOutcomeSchema>;
