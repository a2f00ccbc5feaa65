// Takes the data folder's lock in its own process, then leaves it in one of the ways a real process
// does, so a test can see whether the lock was let go. It leaves once the test says so (a byte on stdin,
// or SIGTERM for a hold across awaits).
// Usage: node --import tsx lock-child.ts '{"dataDir":…,"how":"exit"|"throw"|"signal"}'
import { readSync } from 'node:fs';
import { withDataLock, withDataLockSync } from '../../../main/settings/data-lock';

const input = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; how: 'exit' | 'throw' | 'signal' };

if (input.how === 'signal') {
  // Held across awaits until the test sends SIGTERM.
  await withDataLock(input.dataDir, async () => {
    process.stdout.write('held\n');
    // A timer keeps the process alive (an unsettled promise alone would not).
    await new Promise(() => setInterval(() => undefined, 60_000));
  });
} else {
  withDataLockSync(input.dataDir, () => {
    process.stdout.write('held\n');
    // Blocks until the test has seen the lock held and writes a byte.
    readSync(0, Buffer.alloc(1));
    if (input.how === 'exit') process.exit(0);
    throw new Error('the work failed while holding the lock');
  });
}
