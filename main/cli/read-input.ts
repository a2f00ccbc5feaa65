import { readFile } from 'node:fs/promises';
import { UsageError } from './usage-error';

/** Said on stderr when a person (not a pipe) is asked to type or paste a key. */
export function promptIfInteractive(stdin: NodeJS.ReadableStream, stderr: NodeJS.WritableStream): void {
  if ((stdin as NodeJS.ReadStream).isTTY === true) stderr.write('aklm: reading a key from standard input; paste it, then press Ctrl-D (Ctrl-Z Enter on Windows)\n');
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of FILE, or of standard input for `-`. An unreadable file is a usage error. */
export async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') return readStream(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
}
