#!/usr/bin/env node
// Runs inside the private D-Bus session that with-keychain.js starts (never on its own):
//
//   dbus-run-session --config-file=… -- node test/setup/keychain-session.js COMMAND [ARG…]
//
// Starts GNOME Keyring in the foreground as its own child, with a new "login" keyring unlocked, waits until
// the Secret Service answers, then runs COMMAND in a process group of its own and watches both. If the
// daemon goes away while COMMAND runs, the run stops at once with the cause in words: the bus has no
// service files, so D-Bus cannot start a replacement, which would serve a locked keyring and make every
// later test fail with a misleading "keyring is locked". Exits with COMMAND's exit code, or 1 when the
// keychain failed under it.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import process from 'node:process';
import { setInterval, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { prioritiseKeychain } from './keychain-priority.js';

const PASSWORD = 'aklm-test-keyring';
const READY_TIMEOUT_MS = 15_000;
const KILL_AFTER_MS = 10_000;

const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`with-keychain: ${line}\n`);

/** "signal SIGTRAP" or "code 3", for messages. */
const ending = (code, signal) => (signal !== null ? `signal ${signal}` : `code ${code}`);

/** The exit code a shell gives a command that ended this way. */
const exitCodeOf = (code, signal) => code ?? 128 + (osConstants.signals[signal] ?? 0);

/** True once the Secret Service on this session answers a lookup without an error (reachable and unlocked). */
function secretServiceAnswers() {
  const probe = spawnSync('secret-tool', ['lookup', 'service', 'aklm-keychain-probe'], {
    encoding: 'utf8',
    timeout: 5_000,
  });
  return probe.error === undefined && probe.stderr.trim() === '' && (probe.status === 0 || probe.status === 1);
}

if (process.env.AKLM_KEYCHAIN_SESSION_PIDFILE !== undefined)
  writeFileSync(process.env.AKLM_KEYCHAIN_SESSION_PIDFILE, String(process.pid));

// Its own process group, so that no signal meant for the command reaches it: it is stopped after the command.
const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
  stdio: ['pipe', 'ignore', 'inherit'],
  detached: true,
});
let daemonEnd = null;
daemon.on('error', (error) => {
  daemonEnd = { code: 1, signal: null };
  say(`cannot start gnome-keyring-daemon: ${error.message}. Install it with: apt-get install -y gnome-keyring`);
});
daemon.stdin.end(PASSWORD);
prioritiseKeychain(daemon.pid, process.ppid);

let command = null;
let stopping = false;

/** Stops COMMAND's whole process group: SIGTERM, then SIGKILL if it is still there after KILL_AFTER_MS. */
function stopCommand(signal = 'SIGTERM') {
  if (command === null || command.exitCode !== null || command.signalCode !== null) return;
  try {
    process.kill(-command.pid, signal);
  } catch {
    // already gone
  }
  if (signal !== 'SIGKILL') setTimeout(() => stopCommand('SIGKILL'), KILL_AFTER_MS).unref();
}

daemon.on('exit', (code, signal) => {
  daemonEnd = { code, signal };
  if (stopping || command === null) return;
  say(
    `GNOME Keyring (gnome-keyring-daemon, pid ${daemon.pid}) exited with ${ending(code, signal)} while "${args.join(' ')}" was running, ` +
      'so the run stops now: every later keychain call would fail. gnome-keyring 42 aborts (SIGTRAP, after "assertion \'client\' failed" ' +
      'in its messages above) when a Secret Service client exits in the middle of a call: something ended a process that was still ' +
      'using the keychain. Let such processes finish their keychain calls before they exit (the test bridge waits for them on SIGTERM).',
  );
  stopCommand();
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (command === null) {
      stopping = true;
      daemon.kill('SIGTERM');
      process.exit(128 + osConstants.signals[signal]);
    }
    stopCommand(signal);
  });
}

// with-keychain.js killed outright (its forwarding gone): stop everything rather than outlive it.
const owner = Number(process.env.AKLM_KEYCHAIN_OWNER_PID);
if (Number.isInteger(owner) && owner > 0) {
  setInterval(() => {
    try {
      process.kill(owner, 0);
    } catch {
      if (command === null) {
        stopping = true;
        daemon.kill('SIGTERM');
        process.exit(1);
      }
      stopCommand();
    }
  }, 500).unref();
}

const deadline = Date.now() + READY_TIMEOUT_MS;
while (!secretServiceAnswers()) {
  if (daemonEnd !== null) {
    say(
      `gnome-keyring-daemon --unlock ended with ${ending(daemonEnd.code, daemonEnd.signal)} before the Secret Service answered.`,
    );
    process.exit(1);
  }
  if (Date.now() > deadline) {
    say(`the Secret Service did not answer within ${READY_TIMEOUT_MS / 1000} s of starting gnome-keyring-daemon.`);
    stopping = true;
    daemon.kill('SIGKILL');
    process.exit(1);
  }
  await sleep(50);
}

// Its own process group, so that everything it started can be stopped together when the keychain fails.
command = spawn(args[0], args.slice(1), {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, AKLM_KEYRING_DAEMON_PID: String(daemon.pid) },
});
command.on('error', (error) => {
  say(`cannot run ${args[0]}: ${error.message}`);
  stopping = true;
  daemon.kill('SIGTERM');
  process.exit(127);
});
command.on('exit', async (code, signal) => {
  const keychainFailed = daemonEnd !== null;
  stopping = true;
  if (!keychainFailed) {
    daemon.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => daemon.once('exit', resolve)), sleep(5_000)]);
  }
  process.exit(keychainFailed ? 1 : exitCodeOf(code, signal));
});
