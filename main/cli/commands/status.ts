import { readStatus } from '../../instances/read-status';
import { statusFailure } from '../../instances/status-report';
import type { CliIo } from '../io';
import { ConfigError, INSTANCE_FLAGS, instanceTarget } from '../instance-options';
import { statusLine } from '../output/status-line';
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
    io.stdout.write(`${JSON.stringify(statusFailure(values.url ?? '', 'config', error.message), null, 2)}\n`);
    return UNKNOWN_EXIT;
  }
  const report = await readStatus(target, target.roots, Date.now);
  if (json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout.write(`${[statusLine(report, Date.now()), ...('warnings' in report ? report.warnings : [])].join('\n')}\n`);
    if ('notes' in report) for (const note of report.notes) io.stderr.write(`note: ${note}\n`);
  }
  return report.exit;
}
