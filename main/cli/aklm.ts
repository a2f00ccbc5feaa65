import type { CliIo } from './io';
import { terminalLines } from './output/terminal-safe';
import { USAGE_EXIT, UsageError } from './usage-error';

const USAGE = `aklm: authentik License Manager

Usage:
  aklm verify [FILE|-] [--install-id UUID] [--root PEM_FILE]... [--at ISO8601] [--json]
  aklm verify --batch FILE|- [--install-id UUID] [--root PEM_FILE]... [--at ISO8601]
  aklm timeline FILE... [--install-id UUID] [--root PEM_FILE]... [--at ISO8601] [--json]
  aklm status  (--url URL [--token-env VAR] [--allow-http] | --instance NAME) [--json] [--ca PEM] [--root PEM]... [--timeout S]
  aklm install FILE (--url URL [--token-env VAR] [--allow-http] | --instance NAME) [--json] [--ca PEM] [--root PEM]... [--timeout S] [--allow-over-capacity]
  aklm fleet   FILE [--json] [--concurrency N] [--root PEM]... [--timeout S]
  aklm portal  login [--portal URL] | logout [--account ID] | orgs [--account ID] [--json]
  aklm portal  licenses --org ORG [--account ID] [--json] [--reveal]
  aklm portal  invite --org ORG --email EMAIL --role owner|member [--account ID] [--json]
  aklm audit   [--verify] [--json]

verify, timeline: exit 0 valid, 1 invalid, 2 usage error.
status, install, fleet: exit 0 OK, 1 WARNING (install: refused), 2 CRITICAL, 3 UNKNOWN (unreachable, errors, bad usage).
portal: exit 0 done, 1 refused by the portal, 2 usage error, 3 unreachable, not signed in or unexpected answer (aklm portal --help).
audit: exit 0 the trail is intact, 1 altered, 3 it cannot be checked or bad usage.
The API token is read from the environment variable AKLM_TOKEN (or the one --token-env names), never from a flag.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command is loaded only when it runs, so `verify` never pays for the others. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  verify: async () => (await import('./commands/verify')).verifyCommand,
  timeline: async () => (await import('./commands/timeline')).timelineCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  install: async () => (await import('./commands/install')).installCommand,
  fleet: async () => (await import('./commands/fleet')).fleetCommand,
  portal: async () => (await import('./commands/portal')).portalCommand,
  audit: async () => (await import('./commands/audit')).auditCommand,
};

/** Commands with subcommands print their own help. */
const OWN_HELP = new Set(['portal']);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? USAGE_EXIT : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (load === undefined) throw new UsageError(`unknown command "${name}" (try: aklm --help)`);
    if (!OWN_HELP.has(name) && (args.includes('--help') || args.includes('-h'))) {
      io.stdout.write(USAGE);
      return 0;
    }
    return await (
      await load()
    )(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(terminalLines([`aklm: ${error.message}`]));
    return error.exitCode;
  }
}
