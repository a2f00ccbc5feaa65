/**
 * Strict decoders. Node's own decoders accept either alphabet and skip junk, which would make keys
 * verify here that authentik rejects, so each input is checked against its alphabet first.
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Unpadded base64url as JWS uses it; `null` when the text is not base64url. */
export function decodeBase64Url(text: string): Buffer | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  return Buffer.from(text, 'base64url');
}

/**
 * Padded standard base64 as `x5c` requires; `null` otherwise. authentik's decoder drops `-` and `_`,
 * so a base64url entry can never verify there and is refused here too.
 */
export function decodeStandardBase64(text: string): Buffer | null {
  if (text.length === 0 || !BASE64.test(text)) return null;
  return Buffer.from(text, 'base64');
}
