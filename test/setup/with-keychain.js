#!/usr/bin/env node
// Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret Service),
// so the keychain tests use the OS keychain for real, headless and isolated from the user's own keyring:
//
//   node test/setup/with-keychain.js vitest run
//   node test/setup/with-keychain.js [--exit-with-parent] npx vitest run test/integration/keychain
//
// Fresh temp XDG_DATA_HOME / XDG_CACHE_HOME / XDG_CONFIG_HOME / XDG_RUNTIME_DIR per run (the keyring file
// and the bus socket live there), removed afterwards. The bus is started from a configuration of our own
// without service files: nothing on it is started on demand, so a keyring daemon that went away is never
// replaced by a locked one. keychain-session.js starts the daemon and watches it (the run stops at once,
// naming the cause, if it goes away). With --exit-with-parent the session ends when the process that
// started it does (test fixtures, so that no keychain outlives a test run). Exits with the command's code.
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants as fsConstants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { constants as osConstants, tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const REQUIRED = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'];
const PACKAGES_HINT =
  'The keychain tests need a real Secret Service: a private D-Bus session (dbus-run-session, from the Debian package "dbus") ' +
  'with GNOME Keyring (gnome-keyring-daemon, package "gnome-keyring"); the tests also read the keychain with secret-tool ' +
  '(package "libsecret-tools"). Install them with: apt-get install -y gnome-keyring libsecret-tools dbus';
const SESSION = path.join(path.dirname(fileURLToPath(import.meta.url)), 'keychain-session.js');

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

/**
 * A session bus like Debian's (its session.conf: same policy, same near-unlimited limits, without which
 * dbus-daemon applies the system bus's), listening in `socketDir`, with no service directories: nothing is
 * started on demand.
 */
function busConfig(socketDir) {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=${socketDir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_incoming_unix_fds">250000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_outgoing_unix_fds">250000000</limit>
  <limit name="max_message_size">1000000000</limit>
  <limit name="auth_timeout">240000</limit>
  <limit name="pending_fd_timeout">150000</limit>
  <limit name="max_completed_connections">100000</limit>
  <limit name="max_incomplete_connections">10000</limit>
  <limit name="max_connections_per_user">100000</limit>
  <limit name="max_pending_service_starts">10000</limit>
  <limit name="max_names_per_connection">50000</limit>
  <limit name="max_match_rules_per_connection">50000</limit>
  <limit name="max_replies_per_connection">50000</limit>
</busconfig>
`;
}

let args = process.argv.slice(2);
const exitWithParent = args[0] === '--exit-with-parent';
if (exitWithParent) args = args.slice(1);
if (args.length === 0) {
  process.stderr.write('usage: node test/setup/with-keychain.js [--exit-with-parent] COMMAND [ARG…]\n');
  process.exit(2);
}
const missing = REQUIRED.filter((command) => onPath(command) === undefined);
if (missing.length > 0) {
  process.stderr.write(`with-keychain: ${missing.join(', ')} not found. ${PACKAGES_HINT}\n`);
  process.exit(1);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'aklm-keychain-'));
const xdg = {
  XDG_DATA_HOME: path.join(scratch, 'data'),
  XDG_CACHE_HOME: path.join(scratch, 'cache'),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  // gnome-keyring finds a running daemon through $XDG_RUNTIME_DIR/keyring: a private one keeps the
  // user's own daemon (and login keyring), and every other test session's, out of this one.
  XDG_RUNTIME_DIR: path.join(scratch, 'runtime'),
};
for (const dir of [...Object.values(xdg), path.join(scratch, 'bus')]) mkdirSync(dir, { recursive: true, mode: 0o700 });
const config = path.join(scratch, 'session.conf');
writeFileSync(config, busConfig(path.join(scratch, 'bus')));

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
}

const env = { ...process.env, ...xdg };
// The session bus is dbus-run-session's own; never the caller's (or a desktop's, or another test session's).
delete env.DBUS_SESSION_BUS_ADDRESS;
delete env.GNOME_KEYRING_CONTROL;
delete env.AKLM_KEYRING_DAEMON_PID;

// Its own process group: a signal (Ctrl+C) reaches the session only through forward(), which asks
// keychain-session.js to stop the command first and the keyring daemon after it.
const sessionPidFile = path.join(scratch, 'session.pid');
env.AKLM_KEYCHAIN_SESSION_PIDFILE = sessionPidFile;
env.AKLM_KEYCHAIN_OWNER_PID = String(process.pid);
const child = spawn('dbus-run-session', [`--config-file=${config}`, '--', process.execPath, SESSION, ...args], {
  stdio: 'inherit',
  env,
  detached: true,
});

const forward = (signal) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  let session;
  try {
    session = Number(readFileSync(sessionPidFile, 'utf8'));
  } catch {
    // not started yet: the bus alone goes
  }
  try {
    if (session === undefined) process.kill(-child.pid, signal);
    else process.kill(session, signal);
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

if (exitWithParent) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) forward('SIGTERM');
  }, 500).unref();
}

child.on('error', (error) => {
  process.stderr.write(`with-keychain: cannot start dbus-run-session: ${error.message}. ${PACKAGES_HINT}\n`);
  cleanUp();
  process.exit(1);
});
child.on('close', (code, signal) => {
  cleanUp();
  process.exit(code ?? 128 + (osConstants.signals[signal] ?? 0));
});
