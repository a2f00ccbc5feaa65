import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkInstanceAddress, plainHttpProblem } from '../../../shared/instances/validation';
import { parseFleetFile, type FleetEntry } from '../../instances/fleet-file';
import { mapConcurrent } from '../../instances/map-concurrent';
import { STATE_NAMES, worstExit, type ExitCode } from '../../instances/monitoring-state';
import { readStatus } from '../../instances/read-status';
import type { StatusFailure, StatusReport } from '../../instances/status-report';
import type { TrustRoots } from '../../license/trust-roots';
import type { CliIo } from '../io';
import { parseTimeout, readCa, tokenFrom } from '../instance-options';
import { loadTrustRoots } from '../license-options';
import { statusLine } from '../output/status-line';
import { terminalSafeLine } from '../output/terminal-safe';
import { parseFlags } from '../parse-flags';
import { UNKNOWN_EXIT, UsageError } from '../usage-error';

const DEFAULT_CONCURRENCY = 8;

type FleetRow = { name: string; url: string; exit: ExitCode } & (
  Omit<StatusReport, 'exit'> | { error: { code: string; message: string } }
);

type Checked = { row: FleetRow; line: string };

/** One instance's text line: its name is the fleet file's and the rest may come from the instance, so neither may steer the terminal or break the line. */
function lineOf(name: string, report: StatusReport | StatusFailure): string {
  return terminalSafeLine(`${name}: ${statusLine(report, Date.now())}`);
}

/** An UNKNOWN row for an instance that could not be judged. */
function failedRow(entry: FleetEntry, code: string, message: string): Checked {
  const report: StatusFailure = {
    instance: { url: entry.url, version: null, install_id: null },
    status: null,
    error: { code, message },
    exit: 3,
  };
  return { row: { name: entry.name, url: entry.url, exit: 3, error: report.error }, line: lineOf(entry.name, report) };
}

/**
 * The row of an instance whose check threw (a bug, or a hostile answer nothing foresaw). Only the error's
 * kind is named: its own text could hold the instance's token or a license key.
 */
function unexpectedRow(error: unknown, entry: FleetEntry): Checked {
  const kind = error instanceof Error && /^\w{1,40}$/.test(error.name) ? ` (${error.name})` : '';
  return failedRow(
    entry,
    'internal_error',
    `Checking this instance failed because of an unexpected error inside aklm${kind}, not because of an answer it understood; the other instances were checked as usual. Report it as a bug if it persists.`,
  );
}

async function checkEntry(
  entry: FleetEntry,
  base: string,
  io: CliIo,
  roots: TrustRoots,
  timeoutMs: number,
): Promise<Checked> {
  let url: string;
  let token: string;
  let caPem: string | null;
  try {
    const checked = checkInstanceAddress(entry.url);
    if (!checked.ok) return failedRow(entry, 'config', checked.problem);
    url = checked.address;
    const refused = plainHttpProblem(url, entry.allow_http === true, 'fleet-entry');
    if (refused !== null) return failedRow(entry, 'config', refused);
    token = tokenFrom(io.env, entry.token_env);
    caPem = entry.ca === undefined ? null : await readCa(resolve(base, entry.ca));
  } catch (error) {
    if (error instanceof UsageError) return failedRow(entry, 'config', error.message);
    throw error;
  }
  const report = await readStatus(
    { url, token, caPem, timeoutMs, allowHttp: entry.allow_http === true },
    roots,
    Date.now,
  );
  if (report.status === null) return failedRow(entry, report.error.code, report.error.message);
  const { exit, ...fields } = report;
  return { row: { name: entry.name, url: entry.url, exit, ...fields }, line: lineOf(entry.name, report) };
}

/** `aklm fleet FILE`: every instance's status, concurrently; one failing instance never stops the others. */
export async function fleetCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      json: { type: 'boolean' },
      concurrency: { type: 'string' },
      root: { type: 'string', multiple: true },
      timeout: { type: 'string' },
    },
    UNKNOWN_EXIT,
  );
  if (positionals.length !== 1)
    throw new UsageError(
      'fleet takes one FILE: a JSON list of { "name", "url", "token_env", "ca"?, "allow_http"? }',
      UNKNOWN_EXIT,
    );
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(
      `--concurrency expects a whole number of at least 1, got "${values.concurrency}"`,
      UNKNOWN_EXIT,
    );
  const timeoutMs = parseTimeout(values.timeout);
  const file = positionals[0] ?? '';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the fleet file ${file}`, UNKNOWN_EXIT);
  }
  const entries = parseFleetFile(text);
  if (typeof entries === 'string')
    throw new UsageError(`the fleet file ${file} is not valid: ${entries}`, UNKNOWN_EXIT);
  let roots: TrustRoots;
  try {
    roots = await loadTrustRoots(values.root ?? [], io.stdin);
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(error.message, UNKNOWN_EXIT) : error;
  }

  const checked = await mapConcurrent(
    entries,
    concurrency,
    (entry) => checkEntry(entry, dirname(file), io, roots, timeoutMs),
    unexpectedRow,
  );
  const exits = checked.map(({ row }) => row.exit);
  const totals = {
    ok: exits.filter((exit) => exit === 0).length,
    warning: exits.filter((exit) => exit === 1).length,
    critical: exits.filter((exit) => exit === 2).length,
    unknown: exits.filter((exit) => exit === 3).length,
  };
  const exit = worstExit(exits);
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify({ instances: checked.map(({ row }) => row), totals, exit }, null, 2)}\n`);
  } else {
    const summary = `fleet: ${STATE_NAMES[exit]} - ${totals.ok} ok, ${totals.warning} warning, ${totals.critical} critical, ${totals.unknown} unknown`;
    io.stdout.write(`${[...checked.map(({ line }) => line), summary].join('\n')}\n`);
  }
  return exit;
}
