/** Redirects a read may take before it is given up as a loop. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect to another origin (scheme, host or port): not followed, so the token never went there. */
export class CrossOriginRedirectError extends Error {
  override name = 'CrossOriginRedirectError';

  constructor(
    /** The origin the server pointed to, e.g. `https://login.example.net`; never the path or query. */
    readonly origin: string,
    readonly status: number,
  ) {
    super(`redirected to another origin, ${origin} (HTTP ${status})`);
  }
}

/** More redirects than MAX_REDIRECTS, all on the same origin. */
export class TooManyRedirectsError extends Error {
  override name = 'TooManyRedirectsError';

  constructor() {
    super(`redirected more than ${MAX_REDIRECTS} times`);
  }
}

/** The part of a fetch Response the follower reads. */
export interface RedirectSource {
  status: number;
  headers: { get(name: string): string | null };
  body: { cancel(reason?: unknown): Promise<void> } | null;
}

/**
 * Sends a read and follows its redirects itself, only while they stay on the origin it started at. fetch's
 * own `redirect: 'follow'` goes anywhere (it only drops the Authorization header on the way), so `send`
 * must ask for `redirect: 'manual'`: every hop then comes back here to be judged before anything is sent.
 * A redirect without a usable Location is returned as it is, for the caller to report.
 */
export async function followSameOrigin<R extends RedirectSource>(
  start: URL,
  send: (url: URL) => Promise<R>,
): Promise<R> {
  let url = start;
  for (let hops = 0; ; hops += 1) {
    const response = await send(url);
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null || !URL.canParse(location, url.href))
      return response;
    const target = new URL(location, url);
    await response.body?.cancel().catch(() => undefined);
    if (target.origin !== start.origin) throw new CrossOriginRedirectError(target.origin, response.status);
    if (hops >= MAX_REDIRECTS) throw new TooManyRedirectsError();
    url = target;
  }
}
