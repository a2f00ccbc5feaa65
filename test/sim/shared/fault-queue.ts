/** What every simulator's fault says about the requests it hits. */
export interface FaultMatch {
  /** Default: any method. */
  method?: string;
  /** The request path; default any path. */
  path?: string | RegExp;
  /** How many matching requests it hits; default 1. */
  times?: number;
}

interface QueuedFault<F extends FaultMatch> {
  fault: F;
  remaining: number;
}

function matches(fault: FaultMatch, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  if (typeof fault.path === 'string') return fault.path === path;
  fault.path.lastIndex = 0;
  return fault.path.test(path);
}

/** Faults in the order queued; each hits the next `times` requests it matches. */
export class FaultQueue<F extends FaultMatch> {
  private readonly queue: QueuedFault<F>[] = [];

  add(fault: F): void {
    this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** The first queued fault matching this request, used up by one; null when none. */
  take(method: string, path: string): F | null {
    const index = this.queue.findIndex((entry) => matches(entry.fault, method, path));
    const entry = this.queue[index];
    if (entry === undefined) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}
