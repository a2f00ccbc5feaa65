import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyLines, readKey, type KeyInput } from '../../../main/cli/key-input';
import { keyFingerprint } from '../../../main/license/fingerprint';

async function collect(
  source: AsyncIterable<Buffer | string>,
  limit: number,
): Promise<{ line: number; input: KeyInput }[]> {
  const found = [];
  for await (const entry of keyLines(source, limit)) found.push(entry);
  return found;
}

/** What `keyLines` must give for `text`: Node's readline splits the lines (its `crlfDelay: Infinity` mode), blank ones are skipped. */
async function expected(text: string, limit: number): Promise<{ line: number; input: KeyInput }[]> {
  const found = [];
  let line = 0;
  for await (const raw of createInterface({ input: Readable.from([Buffer.from(text)]), crlfDelay: Infinity })) {
    line += 1;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const bytes = Buffer.byteLength(trimmed);
    found.push({
      line,
      input: bytes <= limit ? { text: trimmed } : { oversized: { bytes, fingerprint: keyFingerprint(trimmed) } },
    });
  }
  return found;
}

/** `bytes` cut at these offsets, as a file or a pipe may deliver them (a character's bytes split included). */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...points, bytes.length].map((end, index) => bytes.subarray(index === 0 ? 0 : (points[index - 1] ?? 0), end));
}

const textArbitrary = fc.string({
  unit: fc.constantFrom('a', 'b', '.', ' ', '\t', '\n', '\r', 'é', '😀', '\u00a0', '\u2028'),
  maxLength: 80,
});

describe('keyLines: one key per line, in bounded memory', () => {
  it('splits and numbers lines exactly as readline does, however the bytes arrive, and keeps what fits the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        textArbitrary,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(4, 16, 1000),
        async (text, cuts, limit) => {
          const bytes = Buffer.from(text);
          expect(await collect(Readable.from(chunked(bytes, cuts)), limit)).toEqual(await expected(text, limit));
          // Strings arrive too (the bench streams them).
          expect(await collect(Readable.from([text]), limit)).toEqual(await expected(text, limit));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a key whose trailing whitespace alone passes the limit', async () => {
    const key = 'k'.repeat(10);
    expect(
      await collect(Readable.from([`${key}${' '.repeat(30)}\n`, `  ${key}\t\t\t\t\t\t\t\t\t\t\t\t\n`]), 12),
    ).toEqual([
      { line: 1, input: { text: key } },
      { line: 2, input: { text: key } },
    ]);
  });

  it('reads a 600 MB line as its size and fingerprint, with no more memory than a key, and goes on to the next line', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'A');
    const chunks = 9_200;
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    async function* source(): AsyncGenerator<Buffer> {
      for (let index = 0; index < chunks; index += 1) {
        if (index % 256 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        yield chunk;
      }
      yield Buffer.from('\nnext\n');
    }
    const found = await collect(source(), 64 * 1024);
    expect(found).toHaveLength(2);
    expect(found[0]?.input).toMatchObject({ oversized: { bytes: chunks * chunk.length } });
    expect(found[0]?.input).toHaveProperty('oversized.fingerprint', expect.stringMatching(/^sha256:[0-9a-f]{64}$/));
    expect(found[1]).toEqual({ line: 2, input: { text: 'next' } });
    // The line is 600 MB; what it leaves on the heap is garbage the size of a few chunks.
    expect(heapPeak - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});

describe('readKey: a whole file or stream as one key', () => {
  it('trims the key and keeps its inner line breaks, as verifying the text would', async () => {
    expect(await readKey(Readable.from(['\n  abc\n', 'def  \n\n']), 100)).toEqual({ text: 'abc\ndef' });
    expect(await readKey(Readable.from([]), 100)).toEqual({ text: '' });
  });

  it('gives the fingerprint of the trimmed text when it passes the limit, as verifying the text would', async () => {
    const text = ` ${'x'.repeat(50)}\n${'y'.repeat(50)} \n`;
    expect(await readKey(Readable.from(chunked(Buffer.from(text), [7, 33, 60])), 64)).toEqual({
      oversized: { bytes: 101, fingerprint: keyFingerprint(text) },
    });
  });
});
