import { inspect } from 'node:util';

/**
 * An error as the log shows it, the way console.error would print it: name, message, stack, own
 * properties, its `cause` chain and an AggregateError's errors. Plain text, to be redacted before it is written.
 */
export function errorText(error: unknown): string {
  return typeof error === 'string' ? error : inspect(error, { depth: 6, breakLength: Number.POSITIVE_INFINITY });
}
