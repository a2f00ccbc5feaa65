import { describe, expect, it } from 'vitest';
import { verifyBatch } from '../../../main/cli/commands/verify-batch';
import { defaultTrustRoots } from '../../../main/license/trust-roots';
import { authentikRules } from '../../../shared/license/authentik-rules';

const options = { roots: defaultTrustRoots(), at: Date.now(), installId: null, rules: authentikRules(null) };

describe('verifyBatch: output that cannot keep up', () => {
  it('reads no further while a verdict waits to be written, so verdicts never pile up in memory', async () => {
    let linesRead = 0;
    async function* source(): AsyncGenerator<string> {
      for (let index = 0; index < 50; index += 1) {
        linesRead += 1;
        yield `not-a-key-${index}\n`;
      }
    }
    const written: string[] = [];
    let release: () => void = () => undefined;
    const full = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done = verifyBatch(source(), options, (line) => {
      written.push(line);
      // The first write finds the output full; the others find room once it drains.
      return written.length === 1 ? full : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toHaveLength(1);
    // The line being judged, and at most the next one the line splitter looked at.
    expect(linesRead).toBeLessThanOrEqual(2);
    release();
    expect(await done).toBe(false);
    expect(written).toHaveLength(50);
    expect(written.map((line) => (JSON.parse(line) as { line: number }).line)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
  });
});
