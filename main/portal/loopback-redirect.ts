import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopbackPage, type LoopbackOutcome } from './loopback-page';
import { PortalError } from './portal-error';

/** The one path the portal's sign-in may send the browser back to. */
export const CALLBACK_PATH = '/callback';

export interface LoopbackRedirectOptions {
  /** The `state` this sign-in sent; a request with any other (or none) is refused, and the wait goes on. */
  expectedState: string;
  /** How long to wait for the browser to come back. */
  timeoutMs: number;
  /** The portal's host, for messages. */
  portalHost: string;
  /** Cancels the wait (the user gave up). */
  signal?: AbortSignal;
}

/** A one-shot HTTP server on 127.0.0.1 that receives the authorization response (RFC 8252 §7.3). */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`, on a port the system chose. */
  readonly redirectUri: string;
  /**
   * The URL the browser came back to, once it carries this sign-in's state and a code. Rejects with a
   * PortalError when the user declined, the provider reported an error, the wait timed out (after
   * refusing only answers with another state, it says so) or was cancelled. The server closes either way.
   */
  readonly response: Promise<URL>;
  /** Stops listening (idempotent); a wait still pending is rejected as cancelled. */
  close(): Promise<void>;
}

const MAX_DESCRIPTION = 200;

/** The provider's own description of an error, made safe for a one-line message. */
function describeProviderError(params: URLSearchParams): string {
  const error = (params.get('error') ?? '').replace(/[^\w.-]/g, '').slice(0, 60);
  const description = (params.get('error_description') ?? '')
    .replace(/[\p{Cc}]/gu, ' ')
    .trim()
    .slice(0, MAX_DESCRIPTION);
  return description === '' ? error : `${error}: ${description}`;
}

function minutes(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} seconds`;
  const count = Math.round(ms / 60_000);
  return count === 1 ? '1 minute' : `${count} minutes`;
}

/** Judges an answer that carries this sign-in's state: the outcome for the page, and either the URL or why the sign-in failed. */
function judge(url: URL, options: LoopbackRedirectOptions): { outcome: LoopbackOutcome; result: URL | PortalError } {
  const params = url.searchParams;
  const error = params.get('error');
  if (error === 'access_denied') {
    return {
      outcome: 'declined',
      result: new PortalError(
        'sign_in_declined',
        `You declined the sign-in at ${options.portalHost}, so nothing was signed in. Sign in again when you want to use the portal from here.`,
      ),
    };
  }
  if (error !== null) {
    return {
      outcome: 'failed',
      result: new PortalError(
        'sign_in_failed',
        `The portal's sign-in at ${options.portalHost} did not complete (${describeProviderError(params)}). Nothing was signed in; try again, or contact the portal's support if it keeps failing.`,
      ),
    };
  }
  if ((params.get('code') ?? '') === '') {
    return {
      outcome: 'failed',
      result: new PortalError(
        'sign_in_failed',
        `The portal's sign-in at ${options.portalHost} sent the browser back without an authorization code. Nothing was signed in; try again.`,
      ),
    };
  }
  return { outcome: 'signed_in', result: url };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    connection: 'close',
  });
  response.end(body);
}

/** Starts the loopback server on 127.0.0.1 with a port the system picks, and waits for one answer. */
export async function startLoopbackRedirect(options: LoopbackRedirectOptions): Promise<LoopbackRedirect> {
  let settle: (outcome: URL | PortalError) => void = () => undefined;
  const response = new Promise<URL>((resolve, reject) => {
    settle = (outcome) => (outcome instanceof PortalError ? reject(outcome) : resolve(outcome));
  });
  // The caller may not be awaiting yet (it is opening the browser): no unhandled rejection meanwhile.
  response.catch(() => undefined);

  let done = false;
  let refusedOtherState = false;
  let origin = 'http://127.0.0.1';
  const server = createServer((request: IncomingMessage, reply: ServerResponse) => {
    // The answer's URL is the redirect URI plus the provider's parameters: the token request must repeat the URI exactly.
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== CALLBACK_PATH) {
      send(reply, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    if (request.method !== 'GET') {
      send(reply, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (done) {
      send(reply, 410, 'text/html; charset=utf-8', loopbackPage('failed'));
      return;
    }
    // Any program on this computer can reach the port: an answer without this sign-in's state is refused
    // and ends nothing, so only the browser the provider sends back (or the timeout) decides the sign-in.
    if (url.searchParams.get('state') !== options.expectedState) {
      refusedOtherState = true;
      send(reply, 400, 'text/html; charset=utf-8', loopbackPage('wrong_state'));
      return;
    }
    const { outcome, result } = judge(url, options);
    done = true;
    // Settled once the page is out: closing the server sooner would cut the browser's page short.
    reply.on('close', () => complete(result));
    send(reply, outcome === 'signed_in' ? 200 : 400, 'text/html; charset=utf-8', loopbackPage(outcome));
  });

  const timer = setTimeout(
    () =>
      finish(
        refusedOtherState
          ? new PortalError(
              'sign_in_state_mismatch',
              `No answer carrying the state this sign-in sent came back within ${minutes(options.timeoutMs)}; an answer with another state was refused (it may belong to another sign-in or come from another site). Nothing was signed in; sign in again.`,
            )
          : new PortalError(
              'sign_in_timeout',
              `No answer came back from the browser within ${minutes(options.timeoutMs)}, so nothing was signed in. Sign in again and finish in the browser page that opens (or open the address shown).`,
            ),
      ),
    options.timeoutMs,
  );
  const onAbort = (): void =>
    finish(new PortalError('sign_in_failed', 'The sign-in was cancelled; nothing was signed in.'));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => resolve());
      server.closeAllConnections();
    });
  function complete(result: URL | PortalError): void {
    settle(result);
    void stop();
  }
  function finish(result: URL | PortalError): void {
    if (done) return;
    done = true;
    complete(result);
  }

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error): void => {
      clearTimeout(timer);
      reject(
        new PortalError(
          'sign_in_failed',
          `This computer would not let the app listen on 127.0.0.1 for the sign-in answer (${error.message}).`,
        ),
      );
    };
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    redirectUri: `${origin}${CALLBACK_PATH}`,
    response,
    close: async () => {
      finish(new PortalError('sign_in_failed', 'The sign-in was cancelled; nothing was signed in.'));
      await stop();
    },
  };
}
