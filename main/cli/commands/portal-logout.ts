import type { CliIo } from '../io';
import { terminalLines } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { portalAccountsFor } from './portal-context';
import { reportPortalFailure } from './portal-failure';

/** `aklm portal logout [--account ID]`: revokes the tokens at the portal and deletes them from the token vault in any case. */
export async function portalLogoutCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { account: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`portal logout takes no arguments, got "${positionals[0]}"`);
  try {
    const accounts = await portalAccountsFor(io);
    const { account, revocationProblem } = await accounts.signOut(values.account);
    const who = `${account.email} at ${new URL(account.portalUrl).host}`;
    if (revocationProblem === null) {
      io.stdout.write(
        terminalLines([`Signed out ${who}: the portal revoked the tokens and they were deleted from the token vault.`]),
      );
    } else {
      io.stdout.write(terminalLines([`Signed out ${who}: the tokens were deleted from the token vault.`]));
      io.stderr.write(
        terminalLines([
          `note: the portal could not be told to revoke them (${revocationProblem}); they stay valid there until they expire.`,
        ]),
      );
    }
    return 0;
  } catch (error) {
    return reportPortalFailure(error, io);
  }
}
