import type { Clock } from '../../../main/ports/clock';

export interface ManualClock extends Clock {
  /** Moves time forward, running every task that falls due, in order, and waits for them. */
  advance(ms: number): Promise<void>;
}

/** Time that stands still at its start until a test moves it; timers fire only when it passes them. */
export function manualClock(start = Date.now()): ManualClock {
  let offset = 0;
  let nextId = 0;
  const tasks = new Map<number, { due: number; task: () => Promise<void> }>();
  const now = (): number => start + offset;
  return {
    now,
    after(ms, task) {
      const id = nextId++;
      tasks.set(id, { due: now() + ms, task });
      return () => tasks.delete(id);
    },
    async advance(ms) {
      offset += ms;
      const due = [...tasks.entries()].filter(([, entry]) => entry.due <= now()).sort(([, a], [, b]) => a.due - b.due);
      for (const [id, entry] of due) {
        tasks.delete(id);
        await entry.task();
      }
    },
  };
}
