import { createInterface } from 'node:readline';
import { verifyKey } from '../../license/verify-key';
import type { LicenseOptions } from '../license-options';
import { verdictJson } from '../output/verdict-json';

/**
 * JSON Lines: one verdict per non-blank input line, with its physical 1-based line number. Streams,
 * so a file of any length runs in constant memory. Resolves true when every key was valid.
 */
export async function verifyBatch(source: NodeJS.ReadableStream, options: LicenseOptions, write: (line: string) => void): Promise<boolean> {
  let allValid = true;
  let lineNumber = 0;
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim().length === 0) continue;
    const verdict = verifyKey(line, options);
    allValid &&= verdict.valid;
    write(`${JSON.stringify({ line: lineNumber, ...verdictJson(verdict) })}\n`);
  }
  return allValid;
}
