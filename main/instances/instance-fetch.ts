import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch, Headers, Response, type Dispatcher } from 'undici';
import { BodyTooLargeError, inMebibytes, readBoundedBody } from '../net/bounded-body';
import {
  CrossOriginRedirectError,
  followSameOrigin,
  MAX_REDIRECTS,
  TooManyRedirectsError,
} from '../net/same-origin-redirects';
import { InstanceError } from './instance-error';
import { isRetryableTransport, transportError } from './transport-errors';

/** The `fetch` the generated client calls: one call = one logical request. */
export type InstanceFetch = (input: string | URL, init?: RequestInit) => Promise<globalThis.Response>;

export interface InstanceFetchOptions {
  /** `host[:port]`, for messages. */
  host: string;
  /** Total budget of each logical request, retries and backoff included. */
  timeoutMs: number;
  /** An extra CA (PEM, one or more certificates) trusted in addition to the usual roots. */
  caPem: string | null;
}

const MAX_GET_ATTEMPTS = 3;
/** Waits before the 2nd and 3rd attempt. */
const BACKOFF_MS = [250, 500] as const;
/** Do not start an attempt with less time than this left. */
const MIN_ATTEMPT_MS = 100;
/**
 * Share of the budget one GET attempt may use while later attempts remain, so a hung attempt still
 * leaves time to try again; the last attempt gets whatever is left.
 */
const ATTEMPT_SHARE = 2 / 3;
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
/** Statuses whose responses cannot carry a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/**
 * The most of one answer, decompressed, that is read. authentik's largest is a page of 100 licenses (a few
 * KiB each, well under 1 MiB); more than this is not authentik, and reading on would only fill memory.
 */
export const MAX_INSTANCE_BODY_BYTES = 8 * 1024 * 1024;

/** Marks our own per-attempt timer as the reason for an abort. */
const ATTEMPT_TIMED_OUT = Symbol('attempt timed out');

const caAgents = new Map<string, Agent>();

/** One dispatcher per extra CA: the CA is added to Node's bundled roots, not put in their place. */
function dispatcherFor(caPem: string | null): Dispatcher | undefined {
  if (caPem === null) return undefined;
  let agent = caAgents.get(caPem);
  if (agent === undefined) {
    agent = new Agent({ connect: { ca: [...rootCertificates, caPem] } });
    caAgents.set(caPem, agent);
  }
  return agent;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function methodOf(init: RequestInit | undefined): string {
  return (init?.method ?? 'GET').toUpperCase();
}

function withJsonAccept(headers: RequestInit['headers']): Headers {
  const result = new Headers(headers as ConstructorParameters<typeof Headers>[0]);
  if (!result.has('accept')) result.set('accept', 'application/json');
  return result;
}

/** The shared readers' refusals (an answer too large, a redirect elsewhere) as InstanceErrors in words. */
async function hostileAnswers<T>(host: string, method: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new InstanceError(
        'unexpected_response',
        `${host} sent an answer larger than ${inMebibytes(error.limitBytes)}, far more than authentik's API sends, so reading it was stopped; is this the address of an authentik instance?`,
      );
    }
    if (error instanceof CrossOriginRedirectError) {
      throw new InstanceError(
        'unexpected_response',
        `${host} redirected a ${method} request to another origin, ${error.origin} (HTTP ${error.status}). It was not followed, so the API token was not sent there; give the instance's final address.`,
      );
    }
    if (error instanceof TooManyRedirectsError) {
      throw new InstanceError(
        'unexpected_response',
        `${host} redirected a ${method} request more than ${MAX_REDIRECTS} times; give the instance's final address.`,
      );
    }
    throw error;
  }
}

/**
 * A `fetch` for one instance: undici with the instance's CA, a total deadline per logical request,
 * and retries with backoff for GETs only (network errors, attempt timeouts, 502/503/504). Writes are
 * sent exactly once. Reads follow redirects only within the instance's origin. The body is read inside the
 * deadline, so a stalled body counts as a timeout, and only up to MAX_INSTANCE_BODY_BYTES.
 * Transport failures are thrown as InstanceError (the generated client wraps them in a FetchError).
 */
export function createInstanceFetch(options: InstanceFetchOptions): InstanceFetch {
  const { host, timeoutMs } = options;
  const dispatcher = dispatcherFor(options.caPem);

  return async (input, init) => {
    const method = methodOf(init);
    const idempotent = method === 'GET' || method === 'HEAD';
    const maxAttempts = idempotent ? MAX_GET_ATTEMPTS : 1;
    const outer = init?.signal ?? undefined;
    const deadline = Date.now() + timeoutMs;
    const headers = withJsonAccept(init?.headers);

    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadline - Date.now();
      const last = attempt >= maxAttempts;
      const attemptMs = last ? remaining : Math.min(remaining, Math.ceil(timeoutMs * ATTEMPT_SHARE));
      const timer = new AbortController();
      const timeout = setTimeout(() => timer.abort(ATTEMPT_TIMED_OUT), Math.max(0, attemptMs));
      const signal = outer === undefined ? timer.signal : AbortSignal.any([outer, timer.signal]);
      const backoff = BACKOFF_MS[attempt - 1] ?? 0;
      const canRetry = (): boolean => !last && deadline - (Date.now() + backoff) >= MIN_ATTEMPT_MS;

      let response: Awaited<ReturnType<typeof undiciFetch>>;
      let body: Uint8Array | null;
      try {
        const send = (url: URL) =>
          undiciFetch(url, {
            method,
            headers,
            body: init?.body as string | undefined,
            // Redirects are judged here, hop by hop; a write is never re-sent, not even to follow one.
            redirect: 'manual',
            signal,
            ...(dispatcher === undefined ? {} : { dispatcher }),
          });
        response = await hostileAnswers(host, method, () =>
          idempotent ? followSameOrigin(new URL(input), send) : send(new URL(input)),
        );
        if (response.status < 200 || response.status > 599) {
          await response.body?.cancel();
          throw new InstanceError(
            'unexpected_response',
            `${host} answered with HTTP ${response.status}, which is not an answer authentik's API sends.`,
          );
        }
        const answer = response;
        body = NULL_BODY_STATUSES.has(answer.status)
          ? null
          : await hostileAnswers(host, method, () => readBoundedBody(answer, MAX_INSTANCE_BODY_BYTES));
      } catch (error) {
        if (error instanceof InstanceError) throw error;
        if (outer?.aborted) throw outer.reason;
        const timedOut = timer.signal.aborted;
        const failure = transportError(error, { host, method, timedOut, timeoutMs, attempts: attempt });
        if (canRetry() && isRetryableTransport(failure, error)) {
          await sleep(backoff, outer);
          continue;
        }
        throw failure;
      } finally {
        clearTimeout(timeout);
      }

      if (idempotent && RETRYABLE_STATUSES.has(response.status) && canRetry()) {
        await sleep(backoff, outer);
        continue;
      }
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      }) as unknown as globalThis.Response;
    }
  };
}
