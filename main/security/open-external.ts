import type { ExternalBrowserPort } from '../ports/external-browser';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `https:` anywhere; `http:` only on this machine (the simulators); nothing else, ever. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** The one way the app opens a URL outside itself. */
export async function openExternal(browser: ExternalBrowserPort, url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await browser.open(url);
  return true;
}
