import { InstanceError } from './instance-error';

/** What the fetch wrapper knows about a failed attempt. */
export interface TransportContext {
  host: string;
  method: string;
  /** The attempt was aborted by our own timer. */
  timedOut: boolean;
  /** The budget of the whole logical request, for the message. */
  timeoutMs: number;
  attempts: number;
}

const UNKNOWN_ISSUER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** Failures that happen before a request can have left this computer. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** Every error code on an error, its `cause` chain, and the members of an AggregateError (happy eyeballs). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (Array.isArray(record.errors)) record.errors.forEach(visit);
    visit(record.cause);
  };
  visit(error);
  return codes;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 8 && current instanceof Error; depth += 1) {
    message = current.message;
    current = current.cause;
  }
  return message;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function tlsError(codes: string[], host: string): InstanceError | null {
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return new InstanceError(
      'tls',
      `The TLS certificate of ${host} is not valid for the host name ${host.replace(/:\d+$/, '')} (hostname mismatch). Connect with a name the certificate lists.`,
    );
  }
  if (codes.includes('CERT_HAS_EXPIRED')) {
    return new InstanceError(
      'tls',
      `The TLS certificate of ${host} has expired; renew it on the server (or check this computer's clock).`,
    );
  }
  if (codes.includes('CERT_NOT_YET_VALID')) {
    return new InstanceError(
      'tls',
      `The TLS certificate of ${host} is not valid yet; check the clocks of this computer and the server.`,
    );
  }
  if (codes.some((code) => UNKNOWN_ISSUER.has(code))) {
    return new InstanceError(
      'tls',
      `The TLS certificate of ${host} is issued by a certificate authority this computer does not trust (unknown issuer). If the instance uses a private or self-signed CA, add that CA's certificate to the instance: "Extra CA certificate" in the app, the CA option in aklm.`,
    );
  }
  if (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') || codes.includes('ERR_SSL_PACKET_LENGTH_TOO_LONG')) {
    return new InstanceError(
      'tls',
      `${host} did not answer with TLS on this port: check the address and port of the instance's https:// endpoint (or the TLS setup of the proxy in front of it).`,
    );
  }
  const other = codes.find((code) => /^(ERR_TLS_|ERR_SSL_|CERT_)|CERT/.test(code));
  if (other !== undefined) return new InstanceError('tls', `The TLS connection to ${host} failed (${other}).`);
  return null;
}

/** A failed attempt (no HTTP answer) as an InstanceError with words a person understands. */
export function transportError(error: unknown, context: TransportContext): InstanceError {
  const { host } = context;
  const codes = errorCodes(error);
  const write = context.method !== 'GET' && context.method !== 'HEAD';
  const tls = tlsError(codes, host);
  if (tls !== null) return tls;
  // Only writes care whether the server may have acted; a timeout or a dropped connection may come after
  // the request was sent, so the outcome is unknown and the caller must look before trying again.
  const notSent =
    codes.some((code) => NOT_SENT.has(code)) || (error instanceof Error && /bad port/i.test(innermostMessage(error)));
  const maybeDelivered = write && !notSent;
  const tries = context.attempts > 1 ? `, ${context.attempts} attempts` : '';
  const unknownOutcome = maybeDelivered
    ? ' The request may have reached authentik: check whether it took effect before sending it again.'
    : '';
  const unreachable = (message: string): InstanceError =>
    new InstanceError('unreachable', `${message}${unknownOutcome}`, { maybeDelivered });

  if (context.timedOut || codes.includes('UND_ERR_HEADERS_TIMEOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) {
    return unreachable(`${host} did not answer within ${seconds(context.timeoutMs)} (timeout${tries}).`);
  }
  if (codes.includes('ECONNREFUSED'))
    return unreachable(
      `${host} refused the connection (connection refused${tries}): is authentik running there, and is the port right?`,
    );
  if (codes.includes('ENOTFOUND'))
    return unreachable(`The host name ${host} could not be resolved (DNS lookup failed); check the URL.`);
  if (codes.includes('EAI_AGAIN'))
    return unreachable(`The host name ${host} could not be resolved right now (temporary DNS failure${tries}).`);
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT') || codes.includes('ETIMEDOUT')) {
    return unreachable(`Connecting to ${host} timed out (timeout${tries}).`);
  }
  if (codes.includes('EHOSTUNREACH') || codes.includes('ENETUNREACH') || codes.includes('EADDRNOTAVAIL')) {
    return unreachable(`${host} cannot be reached from this computer (no route to host).`);
  }
  if (
    codes.includes('ECONNRESET') ||
    codes.includes('UND_ERR_SOCKET') ||
    codes.includes('EPIPE') ||
    codes.includes('UND_ERR_CLOSED')
  ) {
    return unreachable(`${host} closed the connection before answering (connection reset${tries}).`);
  }
  if (error instanceof Error && /bad port/i.test(innermostMessage(error))) {
    return unreachable(`The port of ${host} is one that HTTP clients refuse to use; check the URL.`);
  }
  const detail = innermostMessage(error);
  return unreachable(
    `Could not talk to ${host}${detail === '' ? '' : `: ${detail}`}${tries === '' ? '' : ` (${tries.slice(2)})`}.`,
  );
}

/** Whether a failure is worth another attempt for a GET: network trouble yes, TLS and bad URLs no. */
export function isRetryableTransport(failure: InstanceError, error: unknown): boolean {
  if (failure.code !== 'unreachable') return false;
  const codes = errorCodes(error);
  return !codes.includes('ENOTFOUND') && !(error instanceof Error && /bad port/i.test(innermostMessage(error)));
}
