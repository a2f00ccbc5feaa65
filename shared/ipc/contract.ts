import { z } from 'zod';
import { verdictViewSchema } from '../license/verdict-view';
import type { ChannelName, EventName } from './channels';

const fingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a key fingerprint is sha256: and 64 hex digits');
const installId = z.uuid({ error: 'an Install ID is a UUID, like the one on authentik\'s Enterprise → Licenses page' });

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** Every channel: one object in, one object out. Adding a channel name without schemas does not compile. */
export const contract = {
  'license:verify-key': {
    input: z.object({
      key: z.string().max(1024 * 1024, 'a license key is far shorter than 1 MiB'),
      installId: installId.nullable(),
    }),
    output: verdictViewSchema,
  },
  /** Copies a key main has verified, by fingerprint; the clipboard is cleared again after `clearsAt`. */
  'license:copy-key': {
    input: z.object({ fingerprint }),
    output: z.object({ clearsAt: z.iso.datetime() }),
  },
  'license:copy-fingerprint': {
    input: z.object({ fingerprint }),
    output: z.object({}),
  },
  /** Opens the customer portal's purchase page for an installation in the system browser. */
  'portal:open-purchase': {
    input: z.object({ installId }),
    output: z.object({ url: z.url() }),
  },
} satisfies Record<ChannelName, ChannelSpec>;

/** Push events from main to the page. */
export const events = {
  'clipboard:did-clear': z.object({ reason: z.enum(['timeout']) }),
} satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
