const REDACTED = '[redacted]';
/** Shorter strings are too likely to occur by chance to be worth replacing. */
const MIN_SECRET_LENGTH = 4;

/** `text` with every occurrence of each secret (a token, a license key) replaced. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join(REDACTED);
  }
  return result;
}
