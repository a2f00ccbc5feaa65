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
  /** No portal account is signed in, or the portal ended the sign-in (401 even after a refresh): sign in again. */
  'not_signed_in',
  /** The address answers, but not with the customer portal API (404 on its config): offer its web pages instead. */
  'not_a_portal',
  /** The audit trail could not record the action, so it was not done (the message says why). */
  'audit_unwritable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcFailure {
  code: ErrorCode;
  message: string;
  /** With `invalid_input` from the portal (its 422): the server's message per field, e.g. `{ postal_code: "…" }`. */
  fields?: Record<string, string>;
}

/** Errors travel as values: Electron forwards only `message` from a thrown error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };
