import { DEMO_PASSWORD } from '../oidc/interaction-pages';
import { CookieJar } from './cookie-jar';

export interface CompleteSignInOptions {
  /** The seeded user to sign in as. */
  email: string;
  /** Press Deny instead of Allow: the app gets `error=access_denied`. */
  deny?: boolean;
  /** Default: the demo password every seeded user has. */
  password?: string;
}

const MAX_STEPS = 20;

function formAction(html: string, pageUrl: URL): URL | null {
  const match = /<form[^>]*\baction="([^"]*)"/i.exec(html);
  if (match?.[1] === undefined) return null;
  return new URL(
    match[1].replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code))),
    pageUrl,
  );
}

function pageMessage(html: string): string {
  const alert = /role="alert">([\s\S]*?)<\/p>/i.exec(html)?.[1] ?? html.slice(0, 200);
  return alert
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)))
    .trim();
}

/**
 * Plays the system browser for a test: opens the authorization URL, fills the simulator's sign-in page
 * (e-mail, password, Allow or Deny) and follows redirects with its own cookie jar until the provider
 * sends the browser away from the simulator. Returns that final redirect URL (the app's loopback
 * callback with `code` and `state`, or `error`) without following it. Throws with the page's words
 * when sign-in stops on the simulator (wrong password, invalid request).
 */
export async function completeSignIn(authorizationUrl: string, options: CompleteSignInOptions): Promise<string> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const cookie = jar.header(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        ...(cookie === '' ? {} : { Cookie: cookie }),
      },
    });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) return next.href;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = response.status === 200 ? formAction(html, url) : null;
    if (action === null)
      throw new Error(`Sign-in stopped on the portal simulator (HTTP ${response.status}): ${pageMessage(html)}`);
    const form = new URLSearchParams({ decision: options.deny === true ? 'deny' : 'allow' });
    if (html.includes('name="email"')) {
      form.set('email', options.email);
      form.set('password', options.password ?? DEMO_PASSWORD);
    }
    url = action;
    init = { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error(`Sign-in did not finish within ${MAX_STEPS} steps on the portal simulator.`);
}
