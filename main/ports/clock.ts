import type { Log } from '../logging/log';

/** Time, injectable so tests can move it forward instead of waiting. */
export interface Clock {
  now(): number;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  after(ms: number, task: () => Promise<void>): () => void;
}

/** The computer's clock; a scheduled task that fails is written to `log` (redacted, like every entry). */
export function createSystemClock(log: Log): Clock {
  return {
    now: () => Date.now(),
    after: (ms, task) => {
      const timer = setTimeout(() => {
        task().catch((error: unknown) => log.error('A scheduled task failed', error));
      }, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
