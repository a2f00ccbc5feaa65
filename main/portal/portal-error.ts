/**
 * Stable codes for what can go wrong with the customer portal; the CLI's exit codes and the app's words
 * branch on these. The first eight come from the API, the rest from signing in and the saved accounts.
 */
export const PORTAL_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'validation',
  'unreachable',
  'unexpected_response',
  'not_a_portal',
  'sign_in_declined',
  'sign_in_state_mismatch',
  'sign_in_timeout',
  'sign_in_failed',
  'not_signed_in',
] as const;
export type PortalErrorCode = (typeof PORTAL_ERROR_CODES)[number];

export interface PortalErrorDetails {
  /** For `validation`: the server's message per request field, e.g. `{ email: "is not an e-mail address" }`. */
  fields?: Readonly<Record<string, string>>;
  /** The HTTP status the portal answered with, when it answered. */
  status?: number;
  /** For `not_a_portal`: the portal's own web pages, which the user can open in the browser instead. */
  webUrl?: string;
}

/** A failed portal call or sign-in, in words a person understands; never holds a token, a code or a key. */
export class PortalError extends Error {
  override name = 'PortalError';
  readonly fields: Readonly<Record<string, string>>;
  readonly status: number | undefined;
  readonly webUrl: string | undefined;

  constructor(
    readonly code: PortalErrorCode,
    message: string,
    details: PortalErrorDetails = {},
  ) {
    super(message);
    this.fields = details.fields ?? {};
    this.status = details.status;
    this.webUrl = details.webUrl;
  }
}
