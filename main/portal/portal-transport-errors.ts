import { errorCodes } from '../instances/transport-errors';
import { PortalError } from './portal-error';

/** The innermost message of an error's cause chain (fetch wraps the socket's error in "fetch failed"). */
function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    message = current.message;
    current = current.cause;
  }
  return message;
}

/** A request that got no HTTP answer, as `unreachable` in words; `what` names the server ("the portal at x"). */
export function unreachableError(error: unknown, what: string, timedOut: boolean): PortalError {
  const codes = errorCodes(error);
  if (
    timedOut ||
    codes.includes('UND_ERR_HEADERS_TIMEOUT') ||
    codes.includes('UND_ERR_BODY_TIMEOUT') ||
    codes.includes('ETIMEDOUT')
  ) {
    return new PortalError('unreachable', `${what} did not answer in time; check your connection and try again.`);
  }
  if (codes.includes('ECONNREFUSED'))
    return new PortalError('unreachable', `${what} refused the connection: check the address, or try again later.`);
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN'))
    return new PortalError(
      'unreachable',
      `The host name of ${what} could not be resolved: check the address and your network.`,
    );
  if (codes.some((code) => /CERT|TLS|SSL/.test(code))) {
    return new PortalError(
      'unreachable',
      `The secure connection to ${what} failed (${codes.find((code) => /CERT|TLS|SSL/.test(code)) ?? 'TLS'}): its certificate is not trusted here.`,
    );
  }
  if (codes.includes('ECONNRESET') || codes.includes('UND_ERR_SOCKET') || codes.includes('EPIPE')) {
    return new PortalError('unreachable', `${what} closed the connection before answering; try again.`);
  }
  const detail = innermostMessage(error);
  return new PortalError(
    'unreachable',
    `Could not talk to ${what}${detail === '' ? '' : ` (${detail})`}; check your connection and try again.`,
  );
}
