export const USAGE_EXIT = 2;
/** `status`, `install` and `fleet` follow the monitoring convention: their own errors are UNKNOWN. */
export const UNKNOWN_EXIT = 3;

/** A mistake in how the command was called or configured: reported on one line with its exit code. */
export class UsageError extends Error {
  override name = 'UsageError';

  constructor(
    message: string,
    readonly exitCode: number = USAGE_EXIT,
  ) {
    super(message);
  }
}
