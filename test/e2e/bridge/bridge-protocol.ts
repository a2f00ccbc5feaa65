import type { Result } from '../../../shared/ipc/result';

/** Page → bridge: one IPC request; `frame` says whether it came from the top-level frame. */
export interface BridgeRequest {
  id: number;
  channel: string;
  input: unknown;
  frame: 'main' | 'sub';
}

/** Bridge → page: the answer to a request, or a push event. */
export type BridgeMessage = { id: number; result: Result<unknown> } | { event: string; payload: unknown };

export const IPC_PATH = '/ipc';
export const CONTROL_PATH = '/__bridge';
