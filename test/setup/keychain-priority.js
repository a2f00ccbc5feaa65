// Gives this session's Secret Service the machine first, so it answers within its clients' time limit.
//
// The app reaches the keychain through @napi-rs/keyring, whose Secret Service client (dbus-secret-service)
// gives every D-Bus call 2 s and then drops its connection. GNOME Keyring 42 aborts (SIGTRAP, "assertion
// 'client' failed") when a client it is serving leaves mid-call, which takes the run's keychain down. On a
// loaded machine (CI beside other jobs) a daemon at ordinary priority can be kept waiting that long, so the
// keyring daemon and the session's bus daemon run at a higher CPU and I/O priority than the tests. That
// takes privileges (CI runs as root); without them both keep their priority and nothing else changes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

const NICE = -10;

/** The bus daemon of this private session: dbus-run-session's other child (Linux /proc). */
function busDaemonPids(sessionPid) {
  try {
    const children = readFileSync(`/proc/${sessionPid}/task/${sessionPid}/children`, 'utf8').trim().split(/\s+/);
    return children
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0)
      .filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'dbus-daemon');
  } catch {
    return [];
  }
}

function prioritise(pid) {
  try {
    setPriority(pid, NICE);
  } catch {
    return; // not privileged: the ordinary priority stays
  }
  // Best-effort I/O class, highest level: the daemon writes the keyring file on every change.
  spawnSync('ionice', ['-c', '2', '-n', '0', '-p', String(pid)], { stdio: 'ignore', timeout: 5_000 });
}

/** Raises the keyring daemon's and the session bus's priority where allowed. */
export function prioritiseKeychain(daemonPid, sessionPid) {
  for (const pid of [daemonPid, ...busDaemonPids(sessionPid)]) if (pid !== undefined) prioritise(pid);
}
