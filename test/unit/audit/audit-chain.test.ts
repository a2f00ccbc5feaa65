import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, lineHash, verifyChain } from '../../../main/audit/audit-chain';
import { chainedLines } from './chain-lines';

const SIX = ['one', 'two', 'three', 'four', 'five', 'six'];

describe('the audit chain', () => {
  it('hashes a line as SHA-256 of its UTF-8 text, and starts from 64 zeros', () => {
    expect(lineHash('{"a":"é"}')).toBe(createHash('sha256').update(Buffer.from('{"a":"é"}', 'utf8')).digest('hex'));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const { lines } = chainedLines(['first']);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ prev: GENESIS_HASH });
  });

  it('is intact when every line carries the hash of the one before and the keychain holds the newest', () => {
    const { lines, head } = chainedLines(SIX);
    expect(verifyChain(lines, head)).toEqual({
      state: 'intact',
      entries: 6,
      firstAltered: null,
      message: expect.stringContaining('6 entries'),
    });
    expect(verifyChain([], null)).toMatchObject({ state: 'intact', entries: 0 });
  });

  it('names the changed entry when a line is edited, even by one character', () => {
    const { lines, head } = chainedLines(SIX);
    const changed = [...lines];
    changed[2] = (changed[2] ?? '').replace('"three"', '"thrEe"');
    expect(verifyChain(changed, head)).toMatchObject({
      state: 'altered',
      firstAltered: 3,
      message: expect.stringContaining('Entry 4 does not follow entry 3'),
    });
  });

  it('finds a line deleted in the middle, or the first one', () => {
    const { lines, head } = chainedLines(SIX);
    expect(verifyChain([...lines.slice(0, 3), ...lines.slice(4)], head)).toMatchObject({
      state: 'altered',
      firstAltered: 3,
    });
    expect(verifyChain(lines.slice(1), head)).toMatchObject({
      state: 'altered',
      firstAltered: 1,
      message: expect.stringContaining('does not start the trail'),
    });
  });

  it('finds a line inserted with a correct link to the one before it', () => {
    const { lines, head } = chainedLines(SIX);
    const forged = JSON.stringify({ ...JSON.parse(lines[1] ?? ''), detail: 'forged', prev: lineHash(lines[1] ?? '') });
    expect(verifyChain([...lines.slice(0, 2), forged, ...lines.slice(2)], head)).toMatchObject({
      state: 'altered',
      firstAltered: 3,
    });
  });

  it("finds the newest lines deleted, which no link shows, by the keychain's head", () => {
    const { lines, head } = chainedLines(SIX);
    expect(verifyChain(lines.slice(0, 4), head)).toMatchObject({
      state: 'altered',
      firstAltered: null,
      message: expect.stringContaining('removed from the end'),
    });
    expect(verifyChain([], head)).toMatchObject({
      state: 'altered',
      entries: 0,
      message: expect.stringContaining('empty or missing'),
    });
  });

  it('finds a file rewritten whole with a fresh, self-consistent chain', () => {
    const { head } = chainedLines(SIX);
    const rewritten = chainedLines(['one', 'two', 'three', 'four', 'five', 'six (edited)']);
    expect(verifyChain(rewritten.lines, rewritten.head)).toMatchObject({ state: 'intact' });
    expect(verifyChain(rewritten.lines, head)).toMatchObject({
      state: 'altered',
      firstAltered: null,
      message: expect.stringContaining('replaced whole'),
    });
  });

  it('names lines added after the newest one the keychain records', () => {
    const { lines, head } = chainedLines(SIX.slice(0, 4));
    const more = chainedLines(['five', 'six'], head);
    expect(verifyChain([...lines, ...more.lines], head)).toMatchObject({
      state: 'altered',
      firstAltered: 5,
      message: expect.stringContaining('Entries 5 to 6 were added'),
    });
  });

  it('is altered when the keychain records nothing for a trail with entries', () => {
    const { lines } = chainedLines(SIX);
    expect(verifyChain(lines, null)).toMatchObject({
      state: 'altered',
      firstAltered: null,
      message: expect.stringContaining('holds no record'),
    });
  });

  it('names a line that is no entry: not JSON, empty, or without a hash', () => {
    const { lines, head } = chainedLines(SIX);
    for (const bad of ['not json', '', '{"v":1}', '{"prev":"xyz"}', 'null']) {
      const damaged = [...lines.slice(0, 2), bad, ...lines.slice(3)];
      expect(verifyChain(damaged, head)).toMatchObject({
        state: 'altered',
        firstAltered: 3,
        message: expect.stringContaining('Entry 3 is not an entry'),
      });
    }
  });
});
