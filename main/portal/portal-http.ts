import type { z } from 'zod';
import { BodyTooLargeError, inMebibytes, readBoundedBody } from '../net/bounded-body';
import {
  CrossOriginRedirectError,
  followSameOrigin,
  MAX_REDIRECTS,
  TooManyRedirectsError,
} from '../net/same-origin-redirects';
import { PortalError } from './portal-error';
import { responseError } from './portal-response-errors';
import { unreachableError } from './portal-transport-errors';
import { hostOf } from './portal-url';

export const DEFAULT_PORTAL_TIMEOUT_MS = 15_000;
/**
 * The most of one answer, decompressed, that is read. The portal's largest answers are invoice PDFs (tens
 * of KiB) and lists of licenses or invoices; more than this is not the portal's API, and reading on would
 * only fill memory.
 */
export const MAX_PORTAL_BODY_BYTES = 8 * 1024 * 1024;

/** One request to the portal API. */
export interface PortalCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path with its ids filled in, e.g. `/api/v1/organizations/6b3c…/licenses`. */
  path: string;
  /** The path as the contract writes it, for messages: `GET /api/v1/organizations/{org}/licenses`. Never holds an id or a token. */
  operation: string;
  query?: Readonly<Record<string, string>>;
  body?: unknown;
}

/** The portal's answer, read in full. */
export interface PortalAnswer {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** The shared readers' refusals (an answer too large, a redirect elsewhere) as PortalErrors in words. */
async function refusingHostile<T>(portal: string, operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new PortalError(
        'unexpected_response',
        `The portal at ${portal} sent an answer larger than ${inMebibytes(error.limitBytes)} for ${operation}, far more than its API sends, so reading it was stopped.`,
      );
    }
    if (error instanceof CrossOriginRedirectError) {
      throw new PortalError(
        'unexpected_response',
        `The portal at ${portal} redirected ${operation} to another origin, ${error.origin} (HTTP ${error.status}). It was not followed, so no request (and no sign-in token) went there.`,
        { status: error.status },
      );
    }
    if (error instanceof TooManyRedirectsError)
      throw new PortalError(
        'unexpected_response',
        `The portal at ${portal} redirected ${operation} more than ${MAX_REDIRECTS} times.`,
      );
    throw error;
  }
}

/**
 * Sends one request, with the bearer token when given, and reads the whole answer (up to
 * MAX_PORTAL_BODY_BYTES) within the timeout. A GET follows redirects only within the portal's origin, so
 * the token never travels elsewhere; other requests follow none. No answer at all is `unreachable`.
 */
export async function sendPortalRequest(
  baseUrl: string,
  call: PortalCall,
  options: { token?: string; timeoutMs: number },
): Promise<PortalAnswer> {
  const portal = hostOf(baseUrl);
  const url = new URL(`${baseUrl}${call.path}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const signal = AbortSignal.timeout(options.timeoutMs);
  const send = (target: URL) =>
    fetch(target, {
      method: call.method,
      headers,
      redirect: 'manual',
      signal,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
  try {
    const response = await refusingHostile(portal, call.operation, () =>
      call.method === 'GET' ? followSameOrigin(url, send) : send(url),
    );
    const body = await refusingHostile(portal, call.operation, () => readBoundedBody(response, MAX_PORTAL_BODY_BYTES));
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (error) {
    if (error instanceof PortalError) throw error;
    throw unreachableError(error, `the portal at ${portal}`, signal.aborted);
  }
}

/** The answer's JSON, or undefined when it has none (or none that parses). */
export function answerJson(answer: PortalAnswer): unknown {
  if (answer.body.byteLength === 0 || !/\bjson\b/i.test(answer.contentType)) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(answer.body)) as unknown;
  } catch {
    return undefined;
  }
}

export interface AnswerContext {
  baseUrl: string;
  /** `METHOD /path/{template}`, for messages. */
  operation: string;
  /** Strings a server message must never repeat (the bearer token, an invitation's token). */
  secrets: readonly string[];
}

export function isSuccess(answer: PortalAnswer): boolean {
  return answer.status >= 200 && answer.status <= 299;
}

/** The PortalError for an answer that is not a success: the contract's codes with the server's words. */
export function failedAnswer(answer: PortalAnswer, context: AnswerContext): PortalError {
  return responseError(answer.status, answerJson(answer), {
    portal: hostOf(context.baseUrl),
    operation: context.operation,
    secrets: context.secrets,
  });
}

/** Zod's first issues as one line: `[0].role: Invalid option…`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(
      (issue) =>
        `${
          issue.path.length === 0
            ? 'body'
            : issue.path
                .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
                .join('')
                .replace(/^\./, '')
        }: ${issue.message}`,
    )
    .join('; ');
}

/** A 2xx answer parsed with its contract schema, or the PortalError for anything else. */
export function parseAnswer<T>(answer: PortalAnswer, schema: z.ZodType<T>, context: AnswerContext): T {
  const portal = hostOf(context.baseUrl);
  const json = answerJson(answer);
  if (!isSuccess(answer)) throw failedAnswer(answer, context);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const what =
      json === undefined ? 'no JSON' : `JSON that does not follow Portal API v1 (${describeIssues(parsed.error)})`;
    throw new PortalError(
      'unexpected_response',
      `The portal at ${portal} answered ${context.operation} with ${what}; it may run another version of the API.`,
      { status: answer.status },
    );
  }
  return parsed.data;
}
