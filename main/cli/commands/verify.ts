import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { CliIo } from '../io';
import { LICENSE_FLAGS, licenseOptions } from '../license-options';
import { terminalSafe } from '../output/terminal-safe';
import { verdictJson } from '../output/verdict-json';
import { verdictText } from '../output/verdict-text';
import { parseFlags } from '../parse-flags';
import { promptIfInteractive, readKeyInput } from '../read-input';
import { UsageError } from '../usage-error';
import { verdictOf, verifyBatch } from './verify-batch';

/** `aklm verify [FILE|-] …` and `aklm verify --batch FILE|- …`. Exit 0 valid, 1 invalid. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    ...LICENSE_FLAGS,
    json: { type: 'boolean' },
    batch: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`verify takes one FILE, got ${positionals.length}`);
  if (values.batch !== undefined && positionals.length > 0)
    throw new UsageError('verify --batch takes its FILE as the value of --batch, not as another argument');
  const options = await licenseOptions(values, io.stdin);

  if (values.batch !== undefined) {
    const source = values.batch === '-' ? io.stdin : await openBatch(values.batch);
    return (await verifyBatch(source, options, (line) => written(io.stdout, line))) ? 0 : 1;
  }
  const file = positionals[0] ?? '-';
  if (file === '-') promptIfInteractive(io.stdin, io.stderr);
  const verdict = verdictOf(await readKeyInput(file, io.stdin), options);
  io.stdout.write(
    values.json === true
      ? terminalSafe(`${JSON.stringify(verdictJson(verdict), null, 2)}\n`)
      : verdictText(verdict, options.at),
  );
  return verdict.valid ? 0 : 1;
}

async function openBatch(file: string): Promise<NodeJS.ReadableStream> {
  try {
    await access(file);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file or no permission`);
  }
  return createReadStream(file);
}

/** Writes; when the stream's buffer is full, a promise of room again, so output never piles up in memory. */
function written(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (!stream.write(text)) return once(stream, 'drain').then(() => undefined);
}
