import { createInstanceClient } from '../../instances/instance-client';
import { installKey } from '../../instances/install-key';
import { readStatusHistory, statusHistoryDir } from '../../instances/status-history';
import type { CliIo } from '../io';
import { ConfigError, INSTANCE_FLAGS, instanceTarget } from '../instance-options';
import { parseFlags } from '../parse-flags';
import { promptIfInteractive, readInput } from '../read-input';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';

/**
 * `aklm install FILE`: preflight offline (by the instance's clock; with `--instance`, the app's history of
 * it narrows authentik's last valid date), then exactly one POST. Exit 0 installed, 1 refused, 3 unknown.
 */
export async function installCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...INSTANCE_FLAGS, 'allow-over-capacity': { type: 'boolean' } }, UNKNOWN_EXIT);
  if (positionals.length !== 1) throw new UsageError('install takes one FILE holding the key (- for standard input)', UNKNOWN_EXIT);
  const file = positionals[0] ?? '-';
  const target = await instanceTarget(values, io.env, io.stdin);
  if (file === '-') promptIfInteractive(io.stdin, io.stderr);
  const key = await readInput(file, io.stdin).catch((error: unknown) => {
    throw error instanceof UsageError ? new ConfigError(error.message) : error;
  });
  // A saved instance brings the app's readings of it; with --url only what the instance reports now is known.
  const history = target.saved === null ? { entries: [], problem: null } : readStatusHistory(statusHistoryDir(target.saved.dataDir), target.saved.id, target.url);
  const client = createInstanceClient({ url: target.url, token: target.token, caPem: target.caPem, timeoutMs: target.timeoutMs });
  const { report, exit } = await installKey(client, key, {
    roots: target.roots,
    now: Date.now(),
    allowOverCapacity: values['allow-over-capacity'] === true,
    url: target.url,
    overrideHint: '--allow-over-capacity',
    history: history.entries,
  });
  if (history.problem !== null) report.warnings.push(`The app's status history of this instance was not used (${history.problem}), so authentik's last valid date was bounded from its status alone.`);
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout.write(`${[`${report.installed ? 'INSTALLED' : 'NOT INSTALLED'} (${report.reason}): ${report.message}`, ...report.warnings.map((warning) => `warning: ${warning}`)].join('\n')}\n`);
  }
  return exit;
}
