interface Cookie {
  name: string;
  value: string;
  path: string;
}

function defaultPath(url: URL): string {
  const slash = url.pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : url.pathname.slice(0, slash);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** A browser's cookies for one host, enough for a sign-in walk: name, value, path, deletion. */
export class CookieJar {
  private readonly cookies: Cookie[] = [];

  /** Takes the response's `Set-Cookie` headers for the request to `url`. */
  store(url: URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const cookie: Cookie = { name: pair.slice(0, equals), value: pair.slice(equals + 1), path: defaultPath(url) };
      let expired = cookie.value === '';
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=');
        const name = key.toLowerCase();
        if (name === 'path' && value.startsWith('/')) cookie.path = value;
        if (name === 'max-age' && Number(value) <= 0) expired = true;
        if (name === 'expires' && Date.parse(value) <= Date.now()) expired = true;
      }
      const index = this.cookies.findIndex(
        (existing) => existing.name === cookie.name && existing.path === cookie.path,
      );
      if (index >= 0) this.cookies.splice(index, 1);
      if (!expired) this.cookies.push(cookie);
    }
  }

  /** The `Cookie` header for a request to `url`, longest paths first as browsers send them. */
  header(url: URL): string {
    return this.cookies
      .filter((cookie) => pathMatches(cookie.path, url.pathname))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }
}
