import { z } from 'zod';
import { ADDRESS_MESSAGES, NAME_MESSAGES } from '../../shared/instances/validation';

/**
 * One instance in a fleet file; `token_env` names the variable holding its token, never the token. The
 * name only labels the report's line (shown escaped, whatever it holds), so of the name rule only "give
 * one" applies; the address rule is checked per entry, so one bad address does not stop the others.
 */
export const fleetEntrySchema = z.object({
  name: z.string().min(1, NAME_MESSAGES.missing),
  url: z.string().min(1, ADDRESS_MESSAGES.missing),
  token_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'token_env is the name of an environment variable'),
  ca: z.string().min(1).optional(),
  /** Send the token over plain http:// to another computer; such a `url` is refused without it. */
  allow_http: z.boolean().optional(),
});

export const fleetFileSchema = z.array(fleetEntrySchema).min(1, 'the fleet file lists no instances');

export type FleetEntry = z.infer<typeof fleetEntrySchema>;

/** Parses a fleet file's text; the message says which entry and field is wrong. */
export function parseFleetFile(text: string): FleetEntry[] | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  const parsed = fleetFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `entry ${issue.path.join('.')}: ` : '';
  return `${where}${issue?.message ?? 'it is not a list of { name, url, token_env, ca?, allow_http? }'}`;
}
