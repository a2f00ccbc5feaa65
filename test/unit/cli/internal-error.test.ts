import { describe, expect, it } from 'vitest';
import { internalErrorLine } from '../../../main/cli/internal-error';

const JWT = 'eyJhbGciOiJFUzUxMiJ9.eyJhdWQiOiJlbnRlcnByaXNlIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

describe("aklm's internal-error line", () => {
  it('redacts the value of AKLM_TOKEN', () => {
    const line = internalErrorLine(
      new TypeError('cannot send header Authorization: Bearer aklm-token-4f1c9a'),
      ['status', '--url', 'https://a.example'],
      { AKLM_TOKEN: 'aklm-token-4f1c9a' },
    );
    expect(line).toBe('aklm: internal error: cannot send header Authorization: Bearer [redacted]\n');
  });

  it('redacts the variable --token-env names, in either spelling, whatever its name', () => {
    const env = { PROD: 'prod-token-77aa31', EDGE: 'edge-token-0c0ffe' };
    const error = new Error('failed with prod-token-77aa31 and edge-token-0c0ffe');
    expect(internalErrorLine(error, ['status', '--token-env', 'PROD'], env)).toBe(
      'aklm: internal error: failed with [redacted] and edge-token-0c0ffe\n',
    );
    expect(internalErrorLine(error, ['install', 'k.jwt', '--token-env=EDGE'], env)).toBe(
      'aklm: internal error: failed with prod-token-77aa31 and [redacted]\n',
    );
  });

  it('redacts other credential variables and anything shaped like a license key or JWT', () => {
    const line = internalErrorLine(new Error(`key ${JWT} read with github-secret-123`), ['verify'], {
      GITHUB_TOKEN: 'github-secret-123',
      HOME: '/home/me',
    });
    expect(line).toBe('aklm: internal error: key [redacted key] read with [redacted]\n');
  });

  it('keeps the message otherwise, for something thrown that is not an Error too', () => {
    expect(internalErrorLine(new RangeError('Invalid time value'), ['verify', 'k.jwt'], { HOME: '/home/me' })).toBe(
      'aklm: internal error: Invalid time value\n',
    );
    expect(internalErrorLine('a plain string', [], {})).toBe('aklm: internal error: a plain string\n');
  });

  it('stays one line a terminal shows as it is: control characters are escaped', () => {
    const line = internalErrorLine(new Error('bad\u001b[2K\rVALID\nsecond line'), [], {});
    expect(line).toBe('aklm: internal error: bad\\u001b[2K\\u000dVALID\\u000asecond line\n');
  });
});
