import { createHash, type Hash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';

/**
 * A key as read from a stream: its trimmed text, or, when the trimmed text is over the byte limit, only
 * its size and fingerprint. Such input is hashed as it streams and never held whole, so a 600 MB line
 * costs no more memory than a key.
 */
export type KeyInput = { text: string } | { oversized: { bytes: number; fingerprint: string } };

/** The SHA-256 of streamed text without its trailing whitespace (its leading whitespace never reaches it), and that text's size. */
class TrimmedHash {
  private readonly running: Hash = createHash('sha256');
  private runningBytes = 0;
  /** The hash up to the last non-whitespace character seen: the text trimmed so far. */
  private committed: Hash | null = null;
  committedBytes = 0;

  push(piece: string): void {
    const end = piece.trimEnd().length;
    if (end > 0) {
      this.feed(piece.slice(0, end));
      this.committed = this.running.copy();
      this.committedBytes = this.runningBytes;
    }
    this.feed(piece.slice(end));
  }

  fingerprint(): string {
    return `sha256:${(this.committed ?? this.running).digest('hex')}`;
  }

  private feed(text: string): void {
    this.running.update(text, 'utf8');
    this.runningBytes += Buffer.byteLength(text, 'utf8');
  }
}

/** One key's text, given in pieces: held while it may still be within `limit` bytes once trimmed, hashed once it cannot. */
class KeyAccumulator {
  private started = false;
  private kept = '';
  private keptBytes = 0;
  private hash: TrimmedHash | null = null;
  /** Once hashing: the trimmed text when it was within the limit at that point (only trailing whitespace was over). */
  private candidate: string | null = null;

  constructor(private readonly limit: number) {}

  push(piece: string): void {
    let text = piece;
    if (!this.started) {
      text = text.trimStart();
      if (text.length === 0) return;
      this.started = true;
    }
    if (this.hash !== null) {
      this.hash.push(text);
      return;
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.keptBytes + bytes <= this.limit) {
      this.kept += text;
      this.keptBytes += bytes;
      return;
    }
    // Over the limit raw; still a key if what passes it is whitespace that trimming drops.
    const trimmed = text.trimEnd();
    const candidate = trimmed.length > 0 ? this.kept + trimmed : this.kept.trimEnd();
    this.candidate = this.keptBytes + Buffer.byteLength(trimmed, 'utf8') <= this.limit ? candidate : null;
    this.hash = new TrimmedHash();
    this.hash.push(this.kept);
    this.hash.push(text);
    this.kept = '';
  }

  /** The key, or null when it held only whitespace. */
  finish(): KeyInput | null {
    if (this.hash === null) return this.started ? { text: this.kept.trimEnd() } : null;
    const { committedBytes } = this.hash;
    // Nothing but whitespace came after the candidate: the trimmed text is the candidate itself.
    if (this.candidate !== null && committedBytes <= this.limit) return { text: this.candidate };
    return { oversized: { bytes: committedBytes, fingerprint: this.hash.fingerprint() } };
  }
}

/** Text pieces of a byte or string stream, decoded as UTF-8 without splitting a character. */
async function* decoded(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** The whole stream as one key (`aklm verify FILE`), holding at most about `limit` bytes of it. */
export async function readKey(source: AsyncIterable<Buffer | string>, limit: number): Promise<KeyInput> {
  const key = new KeyAccumulator(limit);
  for await (const text of decoded(source)) key.push(text);
  return key.finish() ?? { text: '' };
}

/**
 * One key per physical line, numbered from 1; blank lines are counted and skipped. Lines end at `\n`,
 * `\r\n` or a lone `\r`, as Node's readline splits them. Memory stays within about `limit` bytes
 * whatever the stream's or a line's length.
 */
export async function* keyLines(
  source: AsyncIterable<Buffer | string>,
  limit: number,
): AsyncGenerator<{ line: number; input: KeyInput }> {
  let line = 1;
  let key = new KeyAccumulator(limit);
  // A `\r` ended the last piece: a `\n` opening the next one belongs to it.
  let afterCarriageReturn = false;
  for await (const text of decoded(source)) {
    let start = afterCarriageReturn && text.startsWith('\n') ? 1 : 0;
    afterCarriageReturn = false;
    // The next of each terminator, searched again only once passed, so a piece is scanned about once.
    let feed = text.indexOf('\n', start);
    let carriage = text.indexOf('\r', start);
    for (;;) {
      if (feed !== -1 && feed < start) feed = text.indexOf('\n', start);
      if (carriage !== -1 && carriage < start) carriage = text.indexOf('\r', start);
      const end = carriage === -1 ? feed : feed === -1 ? carriage : Math.min(feed, carriage);
      if (end === -1) {
        key.push(text.slice(start));
        break;
      }
      key.push(text.slice(start, end));
      const input = key.finish();
      if (input !== null) yield { line, input };
      line += 1;
      key = new KeyAccumulator(limit);
      start = end + 1;
      if (text[end] === '\r') {
        if (start === text.length) afterCarriageReturn = true;
        else if (text[start] === '\n') start += 1;
      }
    }
  }
  const last = key.finish();
  if (last !== null) yield { line, input: last };
}
