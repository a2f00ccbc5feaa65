import { describe, expect, it } from 'vitest';
import { keychainError } from '../../../main/secrets/keyring-secret-store';
import { KeychainUnavailableError } from '../../../main/secrets/secret-store';

// Messages as @napi-rs/keyring 2.1.2 reports them on Linux (recorded from real runs).
const LINUX = [
  [
    'no-session-bus',
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
  ],
  [
    'no-session-bus',
    'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory',
  ],
  [
    'no-session-bus',
    'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file or directory (os error 2)',
  ],
  [
    'no-secret-service',
    'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
  ],
  [
    'no-secret-service',
    'zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
  ],
  ['locked', "Couldn't access platform storage: Secret Service: no result found"],
  ['locked', "Couldn't access platform storage: Secret Service: unlock prompt was dismissed"],
  ['locked', 'zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object'],
] as const;

describe('keychainError: what a keyring failure means, in words', () => {
  it.each(LINUX)('Linux: %s for "%s"', (problem, message) => {
    const error = keychainError(Object.assign(new Error(message), { code: 'GenericFailure' }), 'linux');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error).toMatchObject({ problem });
    expect(error.message).toContain(message);
  });

  it('names the fix for each Linux problem', () => {
    const [bus, service, locked] = [LINUX[1][1], LINUX[3][1], LINUX[5][1]].map(
      (message) => keychainError(new Error(message), 'linux').message,
    );
    expect(bus).toMatch(/D-Bus session bus.*desktop session.*dbus-run-session/);
    expect(service).toContain('install and unlock GNOME Keyring or KWallet, or run inside a desktop session');
    expect(locked).toMatch(/locked.*unlock it/);
  });

  it("macOS and Windows: unavailable, with the platform's own words", () => {
    const error = keychainError(new Error('Platform failure: User interaction is not allowed.'), 'darwin');
    expect(error).toMatchObject({
      problem: 'failure',
      message: expect.stringContaining('User interaction is not allowed'),
    });
  });

  it('passes other keyring errors (ambiguous entries, bad encoding) through unchanged', () => {
    const ambiguous = new Error('Entry is matched by 2 credentials: [...]');
    expect(keychainError(ambiguous, 'linux')).toBe(ambiguous);
    expect(keychainError('odd', 'linux')).toEqual(new Error('odd'));
  });
});
