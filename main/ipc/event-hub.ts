import type { EventName } from '../../shared/ipc/channels';
import { events } from '../../shared/ipc/contract';
import type { Emit } from '../ports/page-events';

type Listener = (event: EventName, payload: unknown) => void;

/** Push events from services to every connected page (Electron windows, bridge connections). */
export function createEventHub(): { emit: Emit; subscribe: (listener: Listener) => () => void } {
  const listeners = new Set<Listener>();
  return {
    emit: (event, payload) => {
      const checked = events[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
