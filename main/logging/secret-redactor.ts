import { redactSecrets } from '../instances/redact';

/**
 * A license key, or any JWT (a portal access token): base64url header, claims and signature, the header
 * a JSON object (so it starts `eyJ`). Keys are caught by their shape, even ones main never saw as input.
 */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const REDACTED_JWT = '[redacted key]';
/**
 * The contract's secret request fields: `token` (instances:add, instances:update), `key` (verify,
 * preflight, install) and `link` (portal:preview-invitation, portal:accept-invitation: it carries the invitation's token).
 */
const SECRET_FIELDS = ['token', 'key', 'link'] as const;

/** The invitation token a pasted link carries in its `token` query parameter (the link itself may be the bare token). */
function linkToken(link: string): string | null {
  try {
    return new URL(link.trim()).searchParams.get('token');
  } catch {
    return null;
  }
}

/** What the app's log must never show: the tokens and keys main has handled, and anything shaped like a key. */
export interface SecretRedactor {
  remember(secret: string): void;
  /** Remembers the secret fields of an IPC request before it is handled, so nothing its handler throws can log them. */
  rememberRequest(input: unknown): void;
  redact(text: string): string;
}

export function createSecretRedactor(): SecretRedactor {
  const secrets = new Set<string>();
  const remember = (secret: string): void => {
    for (const text of [secret, secret.trim()]) if (text !== '') secrets.add(text);
  };
  return {
    remember,
    rememberRequest(input) {
      if (input === null || typeof input !== 'object') return;
      for (const field of SECRET_FIELDS) {
        const value = (input as Record<string, unknown>)[field];
        if (typeof value !== 'string') continue;
        remember(value);
        const token = field === 'link' ? linkToken(value) : null;
        if (token !== null) remember(token);
      }
    },
    redact(text) {
      // Longest first, so a secret that contains another is replaced whole.
      const known = [...secrets].sort((a, b) => b.length - a.length);
      return redactSecrets(text, known).replace(JWT, REDACTED_JWT);
    },
  };
}
