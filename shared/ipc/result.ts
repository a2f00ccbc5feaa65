/** Stable error codes a channel can answer with; scripts and screens branch on these, never on messages. */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden',
  'unknown_channel',
  'not_found',
  'refused',
  'conflict',
  'connection_failed',
  'keychain_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcFailure {
  code: ErrorCode;
  message: string;
}

/** Errors travel as values: Electron forwards only `message` from a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };
