import { MAX_KEY_BYTES } from '../../license/parse-key';
import { oversizedKeyVerdict, verifyKey, type Verdict } from '../../license/verify-key';
import { keyLines, type KeyInput } from '../key-input';
import type { LicenseOptions } from '../license-options';
import { terminalSafe } from '../output/terminal-safe';
import { verdictJson } from '../output/verdict-json';

/** A key's verdict, or a line over the key limit's, which was never held whole. */
export function verdictOf(input: KeyInput, options: LicenseOptions): Verdict {
  return 'text' in input ? verifyKey(input.text, options) : oversizedKeyVerdict(input.oversized, options);
}

/**
 * JSON Lines: one verdict per non-blank input line, with its physical 1-based line number. Streams in
 * constant memory, whatever the input's size or a line's length: a line over the key limit is hashed
 * as it passes and judged malformed. `write` returns a promise when the output is full, and reading
 * waits for it, so a slow reader of the output does not make it pile up either. Resolves true when
 * every key was valid.
 */
export async function verifyBatch(
  source: AsyncIterable<Buffer | string>,
  options: LicenseOptions,
  write: (line: string) => Promise<void> | void,
): Promise<boolean> {
  let allValid = true;
  for await (const { line, input } of keyLines(source, MAX_KEY_BYTES)) {
    const verdict = verdictOf(input, options);
    allValid &&= verdict.valid;
    const full = write(`${terminalSafe(JSON.stringify({ line, ...verdictJson(verdict) }))}\n`);
    if (full !== undefined) await full;
  }
  return allValid;
}
