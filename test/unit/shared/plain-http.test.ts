import { describe, expect, it } from 'vitest';
import { isLoopbackHostname, isPlainHttpElsewhere } from '../../../shared/instances/plain-http';

const plainElsewhere = (url: string): boolean => isPlainHttpElsewhere(new URL(url));

describe('the plain-HTTP rule: the token may travel unencrypted only on this computer, unless allowed', () => {
  it.each([
    'http://127.0.0.1:9000',
    'http://127.42.7.1',
    // The URL parser writes these IPv4 forms in dotted decimal, so they are loopback too.
    'http://127.1:9000',
    'http://0x7f.0.0.1',
    'http://[::1]:9000',
    'http://localhost:9000/authentik',
    'http://LOCALHOST',
  ])('%s is loopback: no permission needed', (url) => {
    expect(plainElsewhere(url)).toBe(false);
  });

  it.each([
    'http://auth.example.com',
    'http://10.0.0.5:9000',
    'http://128.0.0.1',
    'http://0.0.0.0:9000',
    'http://[::ffff:7f00:1]',
    'http://[fd00::2]',
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
  ])('%s is another computer: the token would cross a network unencrypted', (url) => {
    expect(plainElsewhere(url)).toBe(true);
  });

  it('never applies to https://, wherever it points', () => {
    expect(plainElsewhere('https://auth.example.com')).toBe(false);
    expect(plainElsewhere('https://127.0.0.1')).toBe(false);
  });

  it('judges host names as the URL parser gives them, brackets and all', () => {
    expect(isLoopbackHostname('[::1]')).toBe(true);
    expect(isLoopbackHostname('::1')).toBe(false);
  });
});
