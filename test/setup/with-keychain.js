#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret Service),
// so the keychain tests use the OS keychain for real, headless and isolated from the user's own keyring:
//
//   node test/setup/with-keychain.js vitest run
//   node test/setup/with-keychain.js npx vitest run test/integration/keychain
//
// Fresh temp XDG_DATA_HOME / XDG_CACHE_HOME / XDG_CONFIG_HOME / XDG_RUNTIME_DIR per run (the keyring file
// lives there), removed afterwards. Exits with the command's exit code.
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

const REQUIRED = ['dbus-run-session', 'gnome-keyring-daemon'];
const PACKAGES_HINT =
  'The keychain tests need a real Secret Service: a private D-Bus session (dbus-run-session, from the Debian package "dbus") ' +
  'with GNOME Keyring (gnome-keyring-daemon, package "gnome-keyring"); the tests also read the keychain with secret-tool ' +
  '(package "libsecret-tools"). Install them with: apt-get install -y gnome-keyring libsecret-tools dbus';

/** The command's absolute path when it is an executable on PATH. */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(path.join(dir, command), fsConstants.X_OK);
      return path.join(dir, command);
    } catch {
      // not here
    }
  }
  return undefined;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: node test/setup/with-keychain.js COMMAND [ARG…]\n');
  process.exit(2);
}
const missing = REQUIRED.filter((command) => onPath(command) === undefined);
if (missing.length > 0) {
  process.stderr.write(`with-keychain: ${missing.join(' and ')} not found. ${PACKAGES_HINT}\n`);
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'aklm-keychain-'));
const xdg = {
  XDG_DATA_HOME: path.join(scratch, 'data'),
  XDG_CACHE_HOME: path.join(scratch, 'cache'),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  // gnome-keyring finds a running daemon through $XDG_RUNTIME_DIR/keyring: a private one keeps the
  // user's own daemon (and login keyring) out of the test session.
  XDG_RUNTIME_DIR: path.join(scratch, 'runtime'),
};
for (const dir of Object.values(xdg)) mkdirSync(dir, { recursive: true, mode: 0o700 });

// A new "login" keyring is created with this password and unlocked; it exists only in the scratch dir.
const SESSION_SCRIPT = [
  'printf %s aklm-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||',
  '  { echo "with-keychain: gnome-keyring-daemon --unlock failed; is GNOME Keyring installed (apt-get install -y gnome-keyring)?" >&2; exit 1; }',
  'exec "$@"',
].join('\n');

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
}

const env = { ...process.env, ...xdg };
// The session bus is dbus-run-session's own; never the caller's (or a desktop's) bus.
delete env.DBUS_SESSION_BUS_ADDRESS;
delete env.GNOME_KEYRING_CONTROL;

const child = spawn('dbus-run-session', ['--', 'sh', '-c', SESSION_SCRIPT, 'with-keychain', ...args], { stdio: 'inherit', env });

const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

child.on('error', (error) => {
  process.stderr.write(`with-keychain: cannot start dbus-run-session: ${error.message}. ${PACKAGES_HINT}\n`);
  cleanUp();
  process.exit(1);
});
child.on('close', (code, signal) => {
  cleanUp();
  process.exit(code ?? 128 + (osConstants.signals[signal] ?? 0));
});
