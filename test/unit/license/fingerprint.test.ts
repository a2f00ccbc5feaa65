import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../../main/license/fingerprint';

describe('keyFingerprint', () => {
  it('is sha256: and the lower-case hex SHA-256 of the trimmed key', () => {
    expect(keyFingerprint('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('ignores surrounding whitespace, so a key copied with a newline keeps its fingerprint', () => {
    expect(keyFingerprint('  abc.def.ghi\r\n')).toBe(keyFingerprint('abc.def.ghi'));
  });

  it('hashes the UTF-8 bytes', () => {
    expect(keyFingerprint('é')).toBe(
      `sha256:${createHash('sha256')
        .update(Buffer.from([0xc3, 0xa9]))
        .digest('hex')}`,
    );
  });
});
