import type { ErrorCode } from '../../shared/ipc/result';

/** Thrown by a handler to answer with a stable code and a message a person can act on. */
export class IpcError extends Error {
  override name = 'IpcError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The message per field, for a form to show in place (a portal 422). */
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}
