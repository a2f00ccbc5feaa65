import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';

/**
 * Tells every open page that something changed (a push event of the contract). A port, so the domain
 * folders can say "the instances changed" without reaching into main/ipc, which delivers it.
 */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
