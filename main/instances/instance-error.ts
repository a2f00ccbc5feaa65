/** Stable codes for what can go wrong talking to an authentik instance; scripts branch on these. */
export const INSTANCE_ERROR_CODES = [
  'unreachable',
  'tls',
  'unauthorized',
  'forbidden',
  'not_found',
  'read_only',
  'invalid_key',
  'server_error',
  'unexpected_response',
  // Refused before anything was sent: the connection as configured would expose the token (plain HTTP).
  'config',
] as const;
export type InstanceErrorCode = (typeof INSTANCE_ERROR_CODES)[number];

/** A failed request, with words a person understands; never holds a token or a key. */
export class InstanceError extends Error {
  override name = 'InstanceError';

  /** For `invalid_key`: authentik's own field messages, e.g. ["Invalid Install ID in license"]. */
  readonly serverMessages: readonly string[];
  /** True when the request may have reached the server before it failed (timeout or reset after sending). */
  readonly maybeDelivered: boolean;

  constructor(
    readonly code: InstanceErrorCode,
    message: string,
    options: { serverMessages?: readonly string[]; maybeDelivered?: boolean } = {},
  ) {
    super(message);
    this.serverMessages = options.serverMessages ?? [];
    this.maybeDelivered = options.maybeDelivered ?? false;
  }
}
