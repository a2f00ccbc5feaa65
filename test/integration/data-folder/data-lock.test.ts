import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataLockError, LOCK_DIR_NAME, withDataLock, withDataLockSync } from '../../../main/settings/data-lock';

const CHILD = fileURLToPath(new URL('./lock-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function dataDir(): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'aklm-lock-'));
  made.push(parent);
  return join(parent, 'authentik License Manager');
}

/** Runs lock-child.ts; `held` is called once the child holds the lock; resolves when it has exited. */
function runLockChild(
  input: { dataDir: string; how: string },
  held: (child: ReturnType<typeof spawn>) => void = () => undefined,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; pid: number | undefined }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], { cwd: REPO });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (chunk.includes('held')) held(child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, pid: child.pid }));
  });
}

describe('the data folder lock', () => {
  it('creates the data folder, private to this user, to hold it', async () => {
    const dir = await dataDir();
    expect(withDataLockSync(dir, () => existsSync(join(dir, LOCK_DIR_NAME)))).toBe(true);
    expect(existsSync(join(dir, LOCK_DIR_NAME))).toBe(false);
  });

  it('lets a nested call for the same folder run inside the hold instead of waiting for itself', async () => {
    const dir = await dataDir();
    const inner = await withDataLock(dir, async () => {
      await Promise.resolve();
      const sync = withDataLockSync(dir, () => withDataLockSync(dir, () => 'sync in sync'));
      const nested = await withDataLock(dir, async () => 'async in async');
      return [sync, nested];
    });
    expect(inner).toEqual(['sync in sync', 'async in async']);
    expect(existsSync(join(dir, LOCK_DIR_NAME))).toBe(false);
  });

  it('runs two async holds of one process one after the other, never interleaving their awaits', async () => {
    const dir = await dataDir();
    let value = 0;
    const increment = () =>
      withDataLock(dir, async () => {
        const seen = value;
        await new Promise((resolve) => setImmediate(resolve));
        value = seen + 1;
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(value).toBe(3);
  });

  it('lets go when the work throws, and passes the error on', async () => {
    const dir = await dataDir();
    expect(() =>
      withDataLockSync(dir, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    await expect(
      withDataLock(dir, async () => {
        throw new Error('refused too');
      }),
    ).rejects.toThrow('refused too');
    expect(withDataLockSync(dir, () => 'free again')).toBe('free again');
  });

  it('takes over a lock left by a process that died (no longer refreshed)', async () => {
    const dir = await dataDir();
    mkdirSync(join(dir, LOCK_DIR_NAME), { recursive: true });
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_DIR_NAME), longAgo, longAgo);
    expect(withDataLockSync(dir, () => 'taken over')).toBe('taken over');
  });

  it('says in words which folder it could not lock, and why', async () => {
    const parent = await dataDir();
    mkdirSync(join(parent, '..'), { recursive: true });
    writeFileSync(parent, 'a file where the data folder should be');
    const error = (() => {
      try {
        withDataLockSync(join(parent, 'inside'), () => undefined);
      } catch (failure) {
        return failure;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DataLockError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^The data folder "${join(parent, 'inside')}" could not be created: .*ENOTDIR.*Check that you may write to its parent folder\\.$`,
      ),
    );
  });

  it(
    'gives up on a folder another live process keeps holding, saying which process holds it and what to do',
    { timeout: 60_000 },
    async () => {
      const dir = await dataDir();
      let attempt: Promise<unknown> = Promise.resolve();
      const ended = await runLockChild({ dataDir: dir, how: 'signal' }, (child) => {
        attempt = withDataLock(dir, () => 'never runs').then(
          () => undefined,
          (error: unknown) => error,
        );
        void attempt.finally(() => child.kill('SIGTERM'));
      });
      const error = await attempt;
      expect(error).toBeInstanceOf(DataLockError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^The data folder "${dir}" is in use by another process \\(process ${ended.pid}, lock-child\\.ts, since [0-9T:.-]+Z\\) and was still busy after 15 seconds\\. ` +
            'Wait for the other app window or aklm command to finish and try again\\. If none is running, try again in 10 seconds: a lock left by a process that stopped clears by itself\\.$',
        ),
      );
    },
  );

  it.each(['exit', 'throw', 'signal'])('is let go by a process that ends while holding it (%s)', async (how) => {
    const dir = await dataDir();
    const ended = await runLockChild({ dataDir: dir, how }, (child) => {
      expect(existsSync(join(dir, LOCK_DIR_NAME))).toBe(true);
      if (how === 'signal') child.kill('SIGTERM');
      else child.stdin?.write('x');
    });
    expect(ended.stdout).toContain('held');
    expect(how === 'signal' ? ended.signal : ended.code).toBe(how === 'signal' ? 'SIGTERM' : how === 'exit' ? 0 : 1);
    expect(existsSync(join(dir, LOCK_DIR_NAME))).toBe(false);
    // Free at once for the next process: no waiting for it to go stale.
    expect(withDataLockSync(dir, () => 'next')).toBe('next');
  });
});
