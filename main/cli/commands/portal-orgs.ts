import type { CliIo } from '../io';
import { organizationsTable } from '../output/portal-table';
import { terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { withPortalClient } from './portal-context';

/** `aklm portal orgs [--account ID] [--json]`: the signed-in user's organizations, with their role in each. */
export async function portalOrgsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { account: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`portal orgs takes no arguments, got "${positionals[0]}"`);
  return withPortalClient(io, values.account, async (client) => {
    const organizations = await client.listOrganizations();
    io.stdout.write(
      values.json === true
        ? terminalSafe(`${JSON.stringify(organizations, null, 2)}\n`)
        : organizationsTable(organizations),
    );
    return 0;
  });
}
