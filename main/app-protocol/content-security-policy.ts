/**
 * The renderer's Content-Security-Policy: its own scripts and styles only, no eval, no inline script,
 * nothing remote, no plugins, no framing. `connectSrc` adds endpoints (the test bridge's WebSocket).
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSrc].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
