import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Marks this racer ready in `dir` and returns once every one of `names` is: the racers start their writes
 * together whatever each process's start-up cost, so the race is real on a slow machine too.
 */
export async function startTogether(dir: string, self: string, names: readonly string[]): Promise<void> {
  writeFileSync(join(dir, self), '');
  while (!names.every((name) => existsSync(join(dir, name)))) await new Promise((resolve) => setTimeout(resolve, 5));
}
