import { errorText } from './error-text';
import type { SecretRedactor } from './secret-redactor';

/** The app's log of failures nobody asked about (a failed handler, a scheduled task, the system browser). */
export interface Log {
  /** `what` went wrong, with the error in full; every known token and every key is redacted first. */
  error(what: string, error?: unknown): void;
}

/** A log writing each entry as one text to `write` (stderr in the app), after `redactor` has removed the secrets. */
export function createLog(write: (text: string) => void, redactor: SecretRedactor): Log {
  return {
    error(what, error) {
      write(redactor.redact(error === undefined ? what : `${what}: ${errorText(error)}`));
    },
  };
}
