/** Time, injectable so tests can move it forward instead of waiting. */
export interface Clock {
  now(): number;
  /** Runs `task` after `ms`; returns a function that cancels it. */
  after(ms: number, task: () => Promise<void>): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, task) => {
    const timer = setTimeout(() => {
      task().catch((error: unknown) => console.error('A scheduled task failed:', error));
    }, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
