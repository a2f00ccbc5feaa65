import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** The file the lock is taken on (it need not exist: `realpath: false`). */
const LOCK_TARGET = 'config.json';
/** The lock itself: a directory proper-lockfile creates atomically with mkdir. */
export const LOCK_DIR_NAME = '.aklm.lock';
/** Who took the lock last, read only to say who holds it when it cannot be had (a file beside the lock: proper-lockfile removes its directory with rmdir, which a file inside would stop). */
const OWNER_NAME = '.aklm.lock.owner';
/** A lock not refreshed for this long belongs to a process that died; the next taker removes it. */
const STALE_MS = 10_000;
/** How long a caller waits for another process before giving up: longer than STALE_MS, so a dead holder's lock always clears in time. */
const WAIT_MS = 15_000;

/** The data folder's lock could not be had in time, or could not be taken at all. */
export class DataLockError extends Error {
  override readonly name = 'DataLockError';
  constructor(
    message: string,
    readonly dataDir: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

interface Hold {
  release: () => void;
  /** Set when another process took the lock over while this one held it (it looked stale). */
  compromised?: Error;
}

/** This process's holds, by folder: a nested call for a folder already held runs inside that hold instead of waiting for itself (only the outermost call releases). */
const holds = new Map<string, Hold>();
/** Async holds queue here, per folder, so two unrelated async callers in one process never interleave their awaits. */
const queues = new Map<string, Promise<unknown>>();
/** The folders the current async call chain holds, so an async call nested inside one runs in it. */
const asyncHeld = new AsyncLocalStorage<ReadonlySet<string>>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function holderLabel(): string {
  if (process.versions.electron !== undefined) return 'the authentik License Manager app';
  const script = process.argv[1];
  return script === undefined ? 'node' : path.basename(script);
}

function ownerText(folder: string): string | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(folder, OWNER_NAME), 'utf8')) as Record<string, unknown>;
    const parts = [`process ${String(owner.pid)}`, String(owner.by)];
    if (typeof owner.host === 'string' && owner.host !== os.hostname()) parts.push(`on ${owner.host}`);
    return `${parts.join(', ')}, since ${String(owner.since)}`;
  } catch {
    return undefined;
  }
}

function recordOwner(folder: string): void {
  const owner = { pid: process.pid, by: holderLabel(), host: os.hostname(), since: new Date().toISOString() };
  // Only a hint for the message above: failing to write it must not fail the caller's work.
  try {
    fs.writeFileSync(path.join(folder, OWNER_NAME), JSON.stringify(owner), { mode: 0o600 });
  } catch {
    /* the message then says the holder is unknown */
  }
}

function busyError(folder: string): DataLockError {
  const owner = ownerText(folder);
  const who = owner === undefined ? 'another authentik License Manager process' : `another process (${owner})`;
  return new DataLockError(
    `The data folder "${folder}" is in use by ${who} and was still busy after ${WAIT_MS / 1000} seconds. ` +
      'Wait for the other app window or aklm command to finish and try again. If none is running, try again in ' +
      `${STALE_MS / 1000} seconds: a lock left by a process that stopped clears by itself.`,
    folder,
  );
}

/** One attempt: the hold, or undefined when another process has the lock. */
function tryAcquire(folder: string): Hold | undefined {
  try {
    const hold: Hold = { release: () => {} };
    hold.release = lockfile.lockSync(path.join(folder, LOCK_TARGET), {
      realpath: false,
      lockfilePath: path.join(folder, LOCK_DIR_NAME),
      stale: STALE_MS,
      // The default throws from a timer and would crash the process; the hold's end reports it instead.
      onCompromised: (error) => {
        hold.compromised = error;
      },
    });
    recordOwner(folder);
    return hold;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return undefined;
    throw new DataLockError(
      `The data folder "${folder}" could not be locked: ${(error as Error).message}. Check that it exists and that you may write to it.`,
      folder,
      { cause: error },
    );
  }
}

/**
 * proper-lockfile's lock is not fair: a process saving in a tight loop takes it again the moment it lets go,
 * and another process polling for it would wait out its whole budget. So a waiter claims the next turn in
 * a file beside the lock, and a process that sees someone else's fresh claim lets it go first. This only
 * orders the takers; mutual exclusion is the lock's alone, so a stale or torn claim costs a pause at most.
 */
const TURN_NAME = '.aklm.lock.next';
/** A claim not refreshed for this long is ignored: its waiter died, gave up or is stuck elsewhere. */
const TURN_FRESH_MS = 500;

function othersTurn(folder: string): boolean {
  const file = path.join(folder, TURN_NAME);
  try {
    if (Date.now() - fs.statSync(file).mtimeMs > TURN_FRESH_MS) return false;
    return fs.readFileSync(file, 'utf8') !== String(process.pid);
  } catch {
    return false;
  }
}

function claimTurn(folder: string): void {
  try {
    fs.writeFileSync(path.join(folder, TURN_NAME), String(process.pid), { mode: 0o600 });
  } catch {
    /* without a claim this waiter merely polls like the others */
  }
}

function leaveTurn(folder: string): void {
  const file = path.join(folder, TURN_NAME);
  try {
    if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
  } catch {
    /* no claim of ours to leave */
  }
}

/** The pauses between attempts to take the lock (the caller sleeps them, sync or async), then the hold. */
function* attempts(folder: string): Generator<number, Hold> {
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    const waitingForOther = othersTurn(folder);
    if (!waitingForOther) {
      const hold = tryAcquire(folder);
      if (hold !== undefined) {
        leaveTurn(folder);
        return hold;
      }
      claimTurn(folder);
    }
    if (Date.now() >= deadline) {
      leaveTurn(folder);
      throw busyError(folder);
    }
    // The claimant polls quickly, so the others' wait for it stays short; the rest back off, jittered so they do not retry in lockstep.
    yield (waitingForOther ? Math.min(5 * 2 ** Math.min(attempt, 3), 25) : 3) * (0.5 + Math.random());
  }
}

/** The folder, made (0700: it holds the registry) when missing; the lock lives inside it. */
function makeFolder(folder: string): string {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataLockError(
      `The data folder "${folder}" could not be created: ${(error as Error).message}. Check that you may write to its parent folder.`,
      folder,
      { cause: error },
    );
  }
  return folder;
}

/** Ends a hold; throws when the lock was lost during it, since another process may then have written too. */
function finish(folder: string, hold: Hold): void {
  holds.delete(folder);
  if (hold.compromised === undefined) {
    hold.release();
    return;
  }
  throw new DataLockError(
    `The lock on the data folder "${folder}" was taken over by another process while this one was working ` +
      '(it was busy for too long). Check that the last change was saved, and try again if not.',
    folder,
    { cause: hold.compromised },
  );
}

/** Runs `work` holding the data folder's cross-process lock (app and CLI alike); throws DataLockError when it cannot be had in time. */
export function withDataLockSync<T>(dataDir: string, work: () => T): T {
  const folder = path.resolve(dataDir);
  // Already held by this process: nested, or during an async hold (waiting here would freeze the event loop it needs to end).
  if (holds.has(folder)) return work();
  const taking = attempts(makeFolder(folder));
  let step = taking.next();
  while (step.done !== true) {
    sleepSync(step.value);
    step = taking.next();
  }
  const hold = step.value;
  holds.set(folder, hold);
  let result: T;
  try {
    result = work();
  } catch (error) {
    finishQuietly(folder, hold);
    throw error;
  }
  finish(folder, hold);
  return result;
}

/** Ends a hold after `work` failed: the work's own error is the one worth reporting. */
function finishQuietly(folder: string, hold: Hold): void {
  try {
    finish(folder, hold);
  } catch {
    /* the caller rethrows the work's error */
  }
}

/** The async form of withDataLockSync: waits without blocking, and keeps the lock across the work's awaits. */
export async function withDataLock<T>(dataDir: string, work: () => Promise<T> | T): Promise<T> {
  const folder = path.resolve(dataDir);
  const chain = asyncHeld.getStore();
  if (chain?.has(folder) === true) return work();
  const previous = queues.get(folder) ?? Promise.resolve();
  const turn = previous.then(() => holdAsync(folder, chain, work));
  // The queue continues whether this caller's work succeeds or fails.
  const settled = turn.catch(() => undefined);
  queues.set(folder, settled);
  try {
    return await turn;
  } finally {
    if (queues.get(folder) === settled) queues.delete(folder);
  }
}

async function holdAsync<T>(
  folder: string,
  chain: ReadonlySet<string> | undefined,
  work: () => Promise<T> | T,
): Promise<T> {
  const taking = attempts(makeFolder(folder));
  let step = taking.next();
  while (step.done !== true) {
    await sleep(step.value);
    step = taking.next();
  }
  const hold = step.value;
  holds.set(folder, hold);
  let result: T;
  try {
    result = await asyncHeld.run(new Set([...(chain ?? []), folder]), work);
  } catch (error) {
    finishQuietly(folder, hold);
    throw error;
  }
  finish(folder, hold);
  return result;
}
