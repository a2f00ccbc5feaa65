/** Who a request acts as; never holds the token itself. */
export interface Principal {
  name: string;
  viewLicense: boolean;
}

export type TokenTable = Readonly<Record<string, { viewLicense: boolean; name?: string }>>;

/**
 * authentik's `TokenAuthentication` (authentik/api/authentication.py): no header, or one without a space,
 * is anonymous; another scheme than Bearer fails; an unknown token fails with "Token invalid/expired".
 */
export type Authentication =
  { kind: 'anonymous' } | { kind: 'authenticated'; principal: Principal } | { kind: 'failed'; message: string };

export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
export const TOKEN_INVALID = 'Token invalid/expired';

export function authenticate(header: string | undefined, tokens: TokenTable): Authentication {
  const credentials = (header ?? '').trim();
  if (credentials === '' || !credentials.includes(' ')) return { kind: 'anonymous' };
  const space = credentials.indexOf(' ');
  const scheme = credentials.slice(0, space);
  const token = credentials.slice(space + 1);
  if (scheme.toLowerCase() !== 'bearer') return { kind: 'failed', message: 'Unsupported authentication type' };
  if (token === '') return { kind: 'failed', message: 'Malformed header' };
  const entry = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
  if (entry === undefined) return { kind: 'failed', message: TOKEN_INVALID };
  return { kind: 'authenticated', principal: { name: entry.name ?? 'akadmin', viewLicense: entry.viewLicense } };
}
