import type { CliIo } from '../io';
import { terminalLines } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { portalAccountsFor, portalUrlFrom } from './portal-context';
import { reportPortalFailure } from './portal-failure';

/** `aklm portal login [--portal URL]`: signs in through the system browser; the tokens go to the token vault. */
export async function portalLoginCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { portal: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`portal login takes no arguments, got "${positionals[0]}"`);
  const portalUrl = portalUrlFrom(values.portal, io.env);
  try {
    const accounts = await portalAccountsFor(io);
    const account = await accounts.signIn(portalUrl);
    io.stdout.write(
      terminalLines([
        `Signed in to ${new URL(account.portalUrl).host} as ${account.name} <${account.email}> (account ${account.id}). The tokens are in the token vault, encrypted with a key the OS keychain holds.`,
      ]),
    );
    return 0;
  } catch (error) {
    return reportPortalFailure(error, io, portalUrl);
  }
}
