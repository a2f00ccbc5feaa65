import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { MAX_KEY_BYTES } from '../license/parse-key';
import { readKey, type KeyInput } from './key-input';
import { UsageError } from './usage-error';

/** Said on stderr when a person (not a pipe) is asked to type or paste a key. */
export function promptIfInteractive(stdin: NodeJS.ReadableStream, stderr: NodeJS.WritableStream): void {
  if ((stdin as NodeJS.ReadStream).isTTY === true)
    stderr.write('aklm: reading a key from standard input; paste it, then press Ctrl-D (Ctrl-Z Enter on Windows)\n');
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
}

/** The text of FILE, or of standard input for `-`. An unreadable file is a usage error. */
export async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') return readStream(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * The key in FILE, or on standard input for `-`, read in bounded memory: input over the key limit is
 * hashed as it streams, never held (a 300 MB file is not a key). An unreadable file is a usage error.
 */
export async function readKeyInput(file: string, stdin: NodeJS.ReadableStream): Promise<KeyInput> {
  if (file === '-') return readKey(stdin, MAX_KEY_BYTES);
  try {
    return await readKey(createReadStream(file), MAX_KEY_BYTES);
  } catch (error) {
    throw unreadable(file, error);
  }
}
