import type { LicenseWithKey } from '../../../shared/portal/schemas/licenses';
import type { CliIo } from '../io';
import { licensesTable } from '../output/portal-table';
import { terminalLines, terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { withPortalClient } from './portal-context';
import { resolveOrganization } from './portal-org-option';

/**
 * `aklm portal licenses --org ORG [--account ID] [--json] [--reveal]`: an organization's licenses. Keys are
 * printed only with --reveal, which reads each license's detail (the only call that returns a key).
 */
export async function portalLicensesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    org: { type: 'string' },
    account: { type: 'string' },
    json: { type: 'boolean' },
    reveal: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`portal licenses takes no arguments, got "${positionals[0]}"`);
  const org = values.org;
  if (org === undefined || org.trim() === '')
    throw new UsageError(
      'portal licenses needs --org ORG: an organization id or its exact name (see aklm portal orgs)',
    );
  return withPortalClient(io, values.account, async (client) => {
    const organization = await resolveOrganization(client, org);
    const licenses = await client.listLicenses(organization.id);
    if (values.reveal !== true) {
      io.stdout.write(
        values.json === true ? terminalSafe(`${JSON.stringify(licenses, null, 2)}\n`) : licensesTable(licenses),
      );
      return 0;
    }
    const detailed: LicenseWithKey[] = [];
    for (const license of licenses) detailed.push(await client.getLicense(organization.id, license.id));
    if (values.json === true) {
      io.stdout.write(terminalSafe(`${JSON.stringify(detailed, null, 2)}\n`));
      return 0;
    }
    io.stdout.write(licensesTable(detailed));
    for (const license of detailed) {
      io.stdout.write(
        terminalLines([
          '',
          `key of "${license.nickname}" (${license.id}):`,
          license.key ?? '(none yet: the payment is pending)',
        ]),
      );
    }
    return 0;
  });
}
