/**
 * Finds tokens and license keys in what IPC handlers answer: every string of an answer (object keys
 * included, at any depth), as it is and URL-decoded, is searched for telling pieces of each secret, so
 * a secret quoted in an error message, a URL or a note is caught as surely as one in a field of its own.
 */

/** A string somewhere in an answer, and where: `.instances[0].error.message`, `.notes[2]`, `.{key}`. */
export interface FoundText {
  path: string;
  text: string;
}

/** Every string in `value`, depth first. */
export function stringsIn(value: unknown, path = ''): FoundText[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => [
      { path: `${path}.{key}`, text: name },
      ...stringsIn(item, `${path}.${name}`),
    ]);
  }
  return [];
}

const FRAGMENT = 20;
/** Below this, a test's throwaway value ("abc") would match by chance; every real token and key is longer. */
const MIN_SECRET_LENGTH = 12;

/**
 * Pieces of a secret whose appearance would leak it, so a shortened copy is caught too: every 20
 * characters from each tenth one, of a token whole, of a key its signature (its header and claims are
 * shared with other keys or shown on purpose, the fingerprint is shown by design). Any copy of 30
 * characters or more holds one of them.
 */
export function tellTales(secret: string): string[] {
  const parts = secret.split('.');
  const unique = parts.length === 3 ? (parts[2] ?? secret) : secret;
  if (unique.length <= FRAGMENT) return [unique];
  const pieces: string[] = [];
  for (let start = 0; start + FRAGMENT <= unique.length; start += FRAGMENT / 2)
    pieces.push(unique.slice(start, start + FRAGMENT));
  return pieces;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Each place in `value` where one of `secrets` shows, as `<where><path> carries secret #<index>`. */
export function secretLeaks(where: string, value: unknown, secrets: readonly string[]): string[] {
  const telling = secrets.map((secret) => (secret.length < MIN_SECRET_LENGTH ? [] : tellTales(secret)));
  return stringsIn(value).flatMap(({ path, text }) => {
    const forms = [text, decoded(text)];
    return telling.flatMap((pieces, index) =>
      pieces.some((piece) => forms.some((form) => form.includes(piece)))
        ? [`${where}${path} carries secret #${index}`]
        : [],
    );
  });
}

/** The string fields of `record` among `names`. */
function stringFields(record: Record<string, unknown>, names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const value = record[name];
    return typeof value === 'string' ? [value] : [];
  });
}

/** The invitation token a pasted link carries in its query, or the link itself when it is the bare token. */
function invitationToken(link: string): string | null {
  const text = link.trim();
  return URL.canParse(text) ? new URL(text).searchParams.get('token') : text;
}

/** The secrets a request hands main: a token, a key, an invitation link's token. */
export function secretsOfRequest(input: unknown): string[] {
  if (input === null || typeof input !== 'object') return [];
  const found = stringFields(input as Record<string, unknown>, ['token', 'key']);
  for (const link of stringFields(input as Record<string, unknown>, ['link'])) {
    const token = invitationToken(link);
    if (token !== null) found.push(token);
  }
  return found;
}

/** The secrets of one keychain entry: a portal account's tokens (a JSON object), or an instance's API token. */
export function secretsOfKeychainEntry(secret: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    return [secret];
  }
  return parsed !== null && typeof parsed === 'object'
    ? stringFields(parsed as Record<string, unknown>, ['access_token', 'refresh_token'])
    : [secret];
}
