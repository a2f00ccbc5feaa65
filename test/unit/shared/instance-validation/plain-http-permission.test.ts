import { describe, expect, it } from 'vitest';
import { isPlainHttpAddress, plainHttpMessage, plainHttpProblem } from '../../../../shared/instances/validation';

const WRONG = 'This address is plain http://, so the API token would cross the network unencrypted.';

describe('plain http:// to another computer', () => {
  it('is recognised in the address as typed', () => {
    expect(isPlainHttpAddress(' http://10.0.0.5:9000 ')).toBe(true);
    expect(isPlainHttpAddress('http://127.0.0.1:9000')).toBe(false);
    expect(isPlainHttpAddress('https://auth.example.com')).toBe(false);
    expect(isPlainHttpAddress('not an address')).toBe(false);
  });

  it('is refused without the permission, and passes with it', () => {
    expect(plainHttpProblem('http://auth.example.com', false, 'dialog')).toBe(plainHttpMessage('dialog'));
    expect(plainHttpProblem('http://auth.example.com', true, 'dialog')).toBeNull();
  });

  it.each(['https://auth.example.com', 'http://localhost:9000', 'http://[::1]', 'ftp://auth.example.com'])(
    'asks no permission for %s',
    (address) => {
      expect(plainHttpProblem(address, false, 'dialog')).toBeNull();
    },
  );

  it('says what is wrong in one sentence everywhere, then how to allow it where the permission is given', () => {
    expect(plainHttpMessage('dialog')).toBe(
      `${WRONG} Use the instance’s https:// address, or tick “Allow plain HTTP” to send it this way anyway.`,
    );
    expect(plainHttpMessage('saved-instance')).toBe(
      `${WRONG} Edit the instance in the app: give its https:// address, or tick “Allow plain HTTP” to send it this way anyway.`,
    );
    expect(plainHttpMessage('cli-flag')).toBe(
      `${WRONG} Use the instance’s https:// address, or add --allow-http to send it this way anyway.`,
    );
    expect(plainHttpMessage('fleet-entry')).toBe(
      `${WRONG} Use the instance’s https:// address, or add "allow_http": true to its entry to send it this way anyway.`,
    );
  });
});
