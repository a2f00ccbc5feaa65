import type { CliIo } from '../io';
import { UsageError } from '../usage-error';

export const PORTAL_USAGE = `aklm portal: the customer portal (Portal API v1)

Usage:
  aklm portal login    [--portal URL]
  aklm portal logout   [--account ID]
  aklm portal orgs     [--account ID] [--json]
  aklm portal licenses --org ORG [--account ID] [--json] [--reveal]
  aklm portal invite   --org ORG --email EMAIL --role owner|member [--account ID] [--json]

login opens the portal's sign-in page in your browser ($BROWSER, else the system's) and prints its address
too; the tokens go to the token vault only. The portal is --portal, else $AKLM_PORTAL_URL, else the vendor's.
Several accounts can be signed in at once; without --account the most recently used one is used
(--account takes an account id, as login prints it, or the account's e-mail address).
--org takes an organization id or its exact name. License keys are printed only with --reveal.
--json prints the portal's own objects.

Exit codes: 0 done, 1 refused by the portal (403, 409 or 422; its message is printed), 2 usage error,
3 unreachable, not signed in, or an unexpected answer (any other status, a 404 included).
`;

type Subcommand = (args: string[], io: CliIo) => Promise<number>;

const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  login: async () => (await import('./portal-login')).portalLoginCommand,
  logout: async () => (await import('./portal-logout')).portalLogoutCommand,
  orgs: async () => (await import('./portal-orgs')).portalOrgsCommand,
  licenses: async () => (await import('./portal-licenses')).portalLicensesCommand,
  invite: async () => (await import('./portal-invite')).portalInviteCommand,
};

/** `aklm portal SUBCOMMAND …`: its own help, then the subcommand. */
export async function portalCommand(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(PORTAL_USAGE);
    return 0;
  }
  if (name === undefined)
    throw new UsageError(
      'portal needs a subcommand: login, logout, orgs, licenses or invite (try: aklm portal --help)',
    );
  const load = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (load === undefined)
    throw new UsageError(
      `unknown portal subcommand "${name}"; the subcommands are login, logout, orgs, licenses and invite (try: aklm portal --help)`,
    );
  return (await load())(rest, io);
}
