import { readStatus } from '../../instances/read-status';
import { statusFailure } from '../../instances/status-report';
import { ConfigError, INSTANCE_FLAGS, instanceTarget } from '../instance-options';
import type { CliIo } from '../io';
import { statusLine } from '../output/status-line';
import { terminalLines, terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';

/** `aklm status`: one instance's license state, as a monitoring check (exit 0 OK … 3 UNKNOWN). */
export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, INSTANCE_FLAGS, UNKNOWN_EXIT);
  if (positionals.length > 0) throw new UsageError(`status takes no arguments, got "${positionals[0]}"`, UNKNOWN_EXIT);
  const json = values.json === true;
  let target;
  try {
    target = await instanceTarget(values, io.env, io.stdin);
  } catch (error) {
    if (!(error instanceof ConfigError) || !json) throw error;
    io.stdout.write(
      terminalSafe(`${JSON.stringify(statusFailure(values.url ?? '', 'config', error.message), null, 2)}\n`),
    );
    return UNKNOWN_EXIT;
  }
  const report = await readStatus(target, target.roots, Date.now);
  if (json) {
    io.stdout.write(terminalSafe(`${JSON.stringify(report, null, 2)}\n`));
  } else {
    io.stdout.write(terminalLines([statusLine(report, Date.now()), ...('warnings' in report ? report.warnings : [])]));
    if ('notes' in report) io.stderr.write(terminalLines(report.notes.map((note) => `note: ${note}`)));
  }
  return report.exit;
}
