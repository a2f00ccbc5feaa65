import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { verifyKey } from '../../license/verify-key';
import type { CliIo } from '../io';
import { LICENSE_FLAGS, licenseOptions } from '../license-options';
import { verdictJson } from '../output/verdict-json';
import { verdictText } from '../output/verdict-text';
import { parseFlags } from '../parse-flags';
import { promptIfInteractive, readInput } from '../read-input';
import { UsageError } from '../usage-error';
import { verifyBatch } from './verify-batch';

/** `aklm verify [FILE|-] …` and `aklm verify --batch FILE|- …`. Exit 0 valid, 1 invalid. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...LICENSE_FLAGS, json: { type: 'boolean' }, batch: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError(`verify takes one FILE, got ${positionals.length}`);
  if (values.batch !== undefined && positionals.length > 0) throw new UsageError('verify --batch takes its FILE as the value of --batch, not as another argument');
  const options = await licenseOptions(values, io.stdin);

  if (values.batch !== undefined) {
    const source = values.batch === '-' ? io.stdin : await openBatch(values.batch);
    return (await verifyBatch(source, options, (line) => io.stdout.write(line))) ? 0 : 1;
  }
  const file = positionals[0] ?? '-';
  if (file === '-') promptIfInteractive(io.stdin, io.stderr);
  const verdict = verifyKey(await readInput(file, io.stdin), options);
  io.stdout.write(values.json === true ? `${JSON.stringify(verdictJson(verdict), null, 2)}\n` : verdictText(verdict, options.at));
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
