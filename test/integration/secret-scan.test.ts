import { describe, expect, it } from 'vitest';
import { secretLeaks, secretsOfKeychainEntry, secretsOfRequest, stringsIn } from './secret-scan';

const TOKEN = 'aklm-test-token-3f9c1e70-5a2b-4c8d-9e1f-0a1b2c3d4e5f';
const KEY = 'eyJhbGciOiJFUzUxMiJ9.eyJuYW1lIjoiQWNtZSJ9.AcmeSignatureBytesThatOnlyThisKeyHas0123456789abcdefghij';
/** A token with characters a URL query encodes. */
const BASE64_TOKEN = 'c2VjcmV0+/c2VjcmV0+/c2VjcmV0+/c2VjcmV0==';

describe('the scan of what handlers answer', () => {
  it('walks every string at any depth, object keys included', () => {
    expect(stringsIn({ a: ['x', { b: 'y', n: 1, t: true, z: null }] })).toEqual([
      { path: '.{key}', text: 'a' },
      { path: '.a[0]', text: 'x' },
      { path: '.a[1].{key}', text: 'b' },
      { path: '.a[1].b', text: 'y' },
      { path: '.a[1].{key}', text: 'n' },
      { path: '.a[1].{key}', text: 't' },
      { path: '.a[1].{key}', text: 'z' },
    ]);
  });

  it('finds a token in free text, a key by its signature, a shortened copy, a URL-encoded one and one used as a name', () => {
    const answer = {
      ok: false,
      error: { message: `The instance refused the token ${TOKEN} (401)` },
      notes: [[`verified ${KEY.slice(0, -5)}`]],
      links: [`https://portal.example/?t=${encodeURIComponent(BASE64_TOKEN)}`],
      byToken: { [TOKEN.slice(3, 40)]: 1 },
    };
    expect(secretLeaks('answer', answer, [TOKEN, KEY, BASE64_TOKEN])).toEqual([
      'answer.error.message carries secret #0',
      'answer.notes[0][0] carries secret #1',
      'answer.links[0] carries secret #2',
      'answer.byToken.{key} carries secret #0',
    ]);
  });

  it("passes what carries none: the key's public header and claims, its fingerprint, short throwaway values", () => {
    const answer = { header: KEY.split('.')[0], claims: KEY.split('.')[1], fingerprint: 'sha256:0f1e2d', name: 'abc' };
    expect(secretLeaks('answer', answer, [TOKEN, KEY, 'abc'])).toEqual([]);
  });

  it('knows the secrets of a request and of a keychain entry', () => {
    expect(secretsOfRequest({ token: TOKEN, key: KEY, name: 'Prod' })).toEqual([TOKEN, KEY]);
    expect(secretsOfRequest({ link: ` https://portal.example/invitations/accept?token=${TOKEN} ` })).toEqual([TOKEN]);
    expect(secretsOfRequest({ link: TOKEN })).toEqual([TOKEN]);
    expect(
      secretsOfKeychainEntry(
        JSON.stringify({
          access_token: 'access-1234567890',
          refresh_token: 'refresh-1234567890',
          expires_at: '2030-01-01T00:00:00Z',
        }),
      ),
    ).toEqual(['access-1234567890', 'refresh-1234567890']);
    expect(secretsOfKeychainEntry(TOKEN)).toEqual([TOKEN]);
  });
});
