import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../app-protocol/content-security-policy';
import { APP_SCHEME, serveRendererFile } from '../app-protocol/serve-renderer-file';

/**
 * Makes `app:` a standard, secure origin (so `app://renderer` is a real origin with a secure context
 * and the page can `fetch` its own files). No `bypassCSP`, no `corsEnabled`: the page only loads its
 * own origin, and nothing else may read it. Must run before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build from `rendererDir` as `app://renderer/…`, with the CSP on every response. */
export function serveAppProtocol(session: { protocol: Pick<Protocol, 'handle'> }, rendererDir: string): void {
  const csp = contentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request, csp));
}
