import type { ErrorCode, IpcFailure, Result } from '../../shared/ipc/result';

/**
 * Main's failure as a thrown error, so TanStack Query's error state carries it: the code to branch on,
 * main's own words, and a portal 422's message per field. Screens put words around it (refusalWords).
 */
export class IpcFailureError extends Error {
  override readonly name = 'IpcFailureError';
  readonly code: ErrorCode;
  /** The portal's message per request field (422), keyed as the request names them (`notification_email`). */
  readonly fields: Readonly<Record<string, string>>;
  /** False when main gave no answer at all (the call itself broke): the only failure worth asking again. */
  readonly answered: boolean;

  constructor(failure: IpcFailure, answered = true) {
    super(failure.message);
    this.code = failure.code;
    this.fields = failure.fields ?? {};
    this.answered = answered;
  }
}

/** The value of main's answer, or its failure thrown; a call that broke on the way becomes one too, so every error is typed. */
export async function answerOf<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch (error) {
    throw new IpcFailureError(
      { code: 'internal_error', message: error instanceof Error ? error.message : String(error) },
      false,
    );
  }
  if (result.ok) return result.value;
  throw new IpcFailureError(result.error);
}
