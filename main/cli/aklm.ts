import type { CliIo } from './io';
import { USAGE_EXIT, UsageError } from './usage-error';

const USAGE = `aklm: authentik License Manager

Usage:
  aklm verify [FILE|-] [--install-id UUID] [--root PEM_FILE]... [--at ISO8601] [--json]
  aklm verify --batch FILE|- [--install-id UUID] [--root PEM_FILE]... [--at ISO8601]
  aklm timeline FILE... [--install-id UUID] [--root PEM_FILE]... [--at ISO8601] [--json]

Exit codes: 0 valid, 1 invalid, 2 usage error.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command is loaded only when it runs, so `verify` never pays for the others. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  verify: async () => (await import('./commands/verify')).verifyCommand,
  timeline: async () => (await import('./commands/timeline')).timelineCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? USAGE_EXIT : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (load === undefined) throw new UsageError(`unknown command "${name}" (try: aklm --help)`);
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(USAGE);
      return 0;
    }
    return await (await load())(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`aklm: ${error.message}\n`);
    return USAGE_EXIT;
  }
}
