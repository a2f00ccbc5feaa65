import { afterAll } from 'vitest';
import { keyringCallsSettled } from '../../main/secrets/keyring-secret-store';

// Vitest ends a test file's worker process once its last hook returns. A keychain call some test left
// running (an app's background refresh, a cleanup not awaited) would then be cut off in the middle, and
// GNOME Keyring 42 aborts when a client leaves mid-call, taking the run's keychain with it. Registered
// first, this hook runs after every hook of the file.
afterAll(() => keyringCallsSettled());
