import { osActor } from '../../audit/audit-actor';
import { AuditWriteError } from '../../audit/audit-trail';
import { installAttempt, installOutcome } from '../../audit/install-audit';
import { installKey, type InstallOutcome } from '../../instances/install-key';
import { createInstanceClient } from '../../instances/instance-client';
import { readStatusHistory, statusHistoryDir } from '../../instances/status-history';
import type { TrustRoots } from '../../license/trust-roots';
import { keyFingerprint } from '../../license/fingerprint';
import { oversizedKeyVerdict } from '../../license/verify-key';
import { cliAuditRecorder } from '../cli-audit';
import { ConfigError, INSTANCE_FLAGS, instanceTarget, type InstanceTarget } from '../instance-options';
import type { CliIo } from '../io';
import { terminalLines, terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { promptIfInteractive, readKeyInput } from '../read-input';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';

/**
 * `aklm install FILE`: preflight offline (by the instance's clock; with `--instance`, the app's history of
 * it narrows authentik's last valid date), then exactly one POST. Exit 0 installed, 1 refused, 3 unknown.
 */
export async function installCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { ...INSTANCE_FLAGS, 'allow-over-capacity': { type: 'boolean' } },
    UNKNOWN_EXIT,
  );
  if (positionals.length !== 1)
    throw new UsageError('install takes one FILE holding the key (- for standard input)', UNKNOWN_EXIT);
  const file = positionals[0] ?? '-';
  const target = await instanceTarget(values, io.env, io.stdin);
  if (file === '-') promptIfInteractive(io.stdin, io.stderr);
  const input = await readKeyInput(file, io.stdin).catch((error: unknown) => {
    throw error instanceof UsageError ? new ConfigError(error.message) : error;
  });
  const { report, exit } = await audited(
    io.env,
    target,
    'text' in input ? keyFingerprint(input.text) : input.oversized.fingerprint,
    () =>
      // Over the key limit it is no key, and it was never read whole: refused before the instance is asked.
      'text' in input
        ? install(input.text, target, values['allow-over-capacity'] === true)
        : Promise.resolve(refuseOversized(input.oversized, target.roots)),
  );
  if (values.json === true) {
    io.stdout.write(terminalSafe(`${JSON.stringify(report, null, 2)}\n`));
  } else {
    io.stdout.write(
      terminalLines([
        `${report.installed ? 'INSTALLED' : 'NOT INSTALLED'} (${report.reason}): ${report.message}`,
        ...report.warnings.map((warning) => `warning: ${warning}`),
      ]),
    );
  }
  return exit;
}

/**
 * Runs the install between its audit entries (the actor is this computer's user); when the attempt cannot
 * be recorded nothing is sent, and an outcome that cannot be recorded is a warning.
 */
async function audited(
  env: NodeJS.ProcessEnv,
  target: InstanceTarget,
  fingerprint: string,
  work: () => Promise<InstallOutcome>,
): Promise<InstallOutcome> {
  const { recorder, unrecorded } = cliAuditRecorder(env);
  const instance = { id: target.saved?.id ?? null, name: target.saved?.name ?? null, url: target.url };
  try {
    const outcome = await recorder.run(installAttempt(osActor(), instance, fingerprint, null), work, installOutcome);
    outcome.report.warnings.push(...unrecorded);
    return outcome;
  } catch (error) {
    if (!(error instanceof AuditWriteError)) throw error;
    return {
      exit: 3,
      report: {
        installed: false,
        reason: 'audit_unwritable',
        message: error.refusal('Nothing was sent'),
        warnings: [],
      },
    };
  }
}

function refuseOversized(oversized: { bytes: number; fingerprint: string }, roots: TrustRoots): InstallOutcome {
  const verdict = oversizedKeyVerdict(oversized, { roots, at: Date.now() });
  return {
    exit: 1,
    report: { installed: false, reason: verdict.reason, message: `${verdict.message} Nothing was sent.`, warnings: [] },
  };
}

async function install(key: string, target: InstanceTarget, allowOverCapacity: boolean): Promise<InstallOutcome> {
  // A saved instance brings the app's readings of it; with --url only what the instance reports now is known.
  const history =
    target.saved === null
      ? { entries: [], problem: null }
      : readStatusHistory(statusHistoryDir(target.saved.dataDir), target.saved.id, target.url);
  const client = createInstanceClient({
    url: target.url,
    token: target.token,
    caPem: target.caPem,
    timeoutMs: target.timeoutMs,
    allowHttp: target.allowHttp,
  });
  const { report, exit } = await installKey(client, key, {
    roots: target.roots,
    now: Date.now(),
    allowOverCapacity,
    url: target.url,
    overrideHint: '--allow-over-capacity',
    history: history.entries,
  });
  if (history.problem !== null)
    report.warnings.push(
      `The app's status history of this instance was not used (${history.problem}), so authentik's last valid date was bounded from its status alone.`,
    );
  return { report, exit };
}
