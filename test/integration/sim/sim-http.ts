import type { Dispatcher } from 'undici';
import { fetch as undiciFetch } from 'undici';
import { ADMIN_TOKEN } from './sim-fixtures';

export interface CallOptions {
  method?: string;
  /** Bearer token; default the admin token; null sends no Authorization header. */
  token?: string | null;
  /** A raw Authorization header, instead of a bearer token. */
  authorization?: string;
  /** Sent as JSON (a string is sent as is). */
  body?: unknown;
  /** undici dispatcher, e.g. an Agent trusting a custom CA. */
  dispatcher?: Dispatcher;
}

export interface CallResult {
  status: number;
  text: string;
  /** The parsed body; undefined when empty. */
  body: unknown;
  headers: Headers;
}

/** One request to `${base}/api/v3${path}`, as an authentik API client makes it. */
export async function call(base: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.token === undefined ? ADMIN_TOKEN : options.token;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const init = { method: options.method ?? 'GET', headers, body };
  const response =
    options.dispatcher === undefined
      ? await fetch(`${base}/api/v3${path}`, init)
      : await undiciFetch(`${base}/api/v3${path}`, { ...init, dispatcher: options.dispatcher });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers as Headers,
  };
}
