import type { AuditLine } from '../../../shared/audit/audit-entry';
import { actorLabel } from '../../../shared/audit/audit-filter';
import { targetSummary } from '../../../shared/audit/audit-words';
import { parseAuditLines } from '../../audit/audit-lines';
import { fileAuditTrail } from '../../audit/audit-trail';
import { keyringSecretStore } from '../../secrets/keyring-secret-store';
import { dataDir } from '../../settings/data-dir';
import type { CliIo } from '../io';
import { terminalLines, terminalSafe } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';

const EXIT = { intact: 0, altered: 1, unverifiable: UNKNOWN_EXIT } as const;

/** One entry on one line; everything in it came from the file, so it is printed terminal-safe. */
function entryLine({ line, entry }: AuditLine): string {
  if (entry === null) return `#${line}  (not an entry: damaged, or not written by this app)`;
  const fields = [
    `#${line}`,
    entry.time,
    actorLabel(entry.actor),
    entry.action,
    entry.result,
    targetSummary(entry.target),
    entry.fingerprint ?? '',
    entry.detail ?? '',
  ];
  return fields.filter((field) => field !== '').join('  ');
}

/**
 * `aklm audit [--verify] [--json]`: the data folder's audit trail (the app's and the CLI's), oldest first,
 * then the chain's verdict; `--verify` prints the verdict only. Exit 0 intact, 1 altered, 3 when it cannot
 * be checked (no keychain, an unreadable file) or on a usage error.
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { verify: { type: 'boolean' }, json: { type: 'boolean' } },
    UNKNOWN_EXIT,
  );
  if (positionals.length > 0) throw new UsageError(`audit takes no arguments, got "${positionals[0]}"`, UNKNOWN_EXIT);
  const { lines, verification } = await fileAuditTrail(dataDir(io.env), keyringSecretStore()).read();
  const listed = values.verify === true ? [] : parseAuditLines(lines);
  if (values.json === true) {
    const { state, entries, firstAltered, message } = verification;
    const report = {
      state,
      entries,
      first_altered: firstAltered,
      message,
      ...(values.verify === true ? {} : { trail: listed }),
    };
    io.stdout.write(terminalSafe(`${JSON.stringify(report, null, 2)}\n`));
  } else {
    io.stdout.write(
      terminalLines([...listed.map(entryLine), `${verification.state.toUpperCase()}: ${verification.message}`]),
    );
  }
  return EXIT[verification.state];
}
