import { z } from 'zod';
import { PortalError, type PortalErrorCode } from './portal-error';

/** The contract's one error shape, read leniently: an answer that does not follow it still gets words. */
const ERROR_BODY = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

const BY_STATUS: Partial<Record<number, PortalErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
};

const MAX_MESSAGE = 500;

/** A server sentence made safe for one line: no control characters, bounded, and none of `secrets` in it. */
export function cleanServerText(text: string, secrets: readonly string[]): string {
  let clean = text.replace(/[\p{Cc}]/gu, ' ').trim();
  for (const secret of secrets) if (secret !== '') clean = clean.split(secret).join('[redacted]');
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

function fallbackMessage(code: PortalErrorCode, portal: string): string {
  switch (code) {
    case 'unauthorized':
      return `The portal at ${portal} did not accept the sign-in; sign in again.`;
    case 'forbidden':
      return `The portal at ${portal} refused: your role in this organization does not allow it (Owners only).`;
    case 'not_found':
      return `The portal at ${portal} has no such object, or it belongs to an organization you are not in.`;
    case 'conflict':
      return `The portal at ${portal} refused: the current state does not allow this.`;
    default:
      return `The portal at ${portal} refused the request: some fields are not valid.`;
  }
}

/**
 * A non-2xx answer as a PortalError: 401/403/404/409/422 by the contract, with the server's own message
 * (and, on 422, its message per field); anything else is `unexpected_response`.
 */
export function responseError(
  status: number,
  body: unknown,
  context: { portal: string; operation: string; secrets: readonly string[] },
): PortalError {
  const code = BY_STATUS[status];
  if (code === undefined) {
    const advice = status >= 500 ? 'the portal has a problem; try again later' : 'this app does not expect that answer';
    return new PortalError(
      'unexpected_response',
      `The portal at ${context.portal} answered ${context.operation} with HTTP ${status}: ${advice}.`,
      { status },
    );
  }
  const parsed = ERROR_BODY.safeParse(body);
  if (!parsed.success) return new PortalError(code, fallbackMessage(code, context.portal), { status });
  const { message, fields } = parsed.data.error;
  const text = cleanServerText(message, context.secrets);
  return new PortalError(code, text === '' ? fallbackMessage(code, context.portal) : text, {
    status,
    ...(code === 'validation' && fields !== undefined
      ? {
          fields: Object.fromEntries(
            Object.entries(fields).map(([field, fieldMessage]) => [
              field,
              cleanServerText(fieldMessage, context.secrets),
            ]),
          ),
        }
      : {}),
  });
}
