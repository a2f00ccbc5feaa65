import type { SimFault } from './types';

/** A body that claims to be JSON and is cut off mid-object. */
export const MALFORMED_BODY = '{"pagination": {"next": 2, "previous": 0, "cou';

interface QueuedFault {
  fault: SimFault;
  remaining: number;
}

function matches(fault: SimFault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  if (typeof fault.path === 'string') return fault.path === path;
  fault.path.lastIndex = 0;
  return fault.path.test(path);
}

/** Faults in the order queued; each hits the next `times` requests it matches. */
export class FaultQueue {
  private readonly queue: QueuedFault[] = [];

  add(fault: SimFault): void {
    this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** The first queued fault matching this request, used up by one; null when none. */
  take(method: string, path: string): SimFault | null {
    const index = this.queue.findIndex((entry) => matches(entry.fault, method, path));
    const entry = this.queue[index];
    if (entry === undefined) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }
}
