const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d;

/**
 * CPython's `binascii.a2b_base64` in non-strict mode, as `base64.b64decode(data)` (validate=False) runs
 * it: bytes outside the alphabet are skipped (so base64url's `-` and `_` vanish), a pad that completes a
 * quad ends the input, and a final partial quad is a `binascii.Error` ("Incorrect padding", or one data
 * character too many). null stands for that exception.
 */
function a2bBase64(data: Buffer): Buffer | null {
  const bytes: number[] = [];
  let quadPosition = 0;
  let left = 0;
  let pads = 0;
  for (const byte of data) {
    if (byte === PAD) {
      if (quadPosition >= 2 && quadPosition + ++pads >= 4) return Buffer.from(bytes);
      continue;
    }
    const value = byte < 0x80 ? ALPHABET.indexOf(String.fromCharCode(byte)) : -1;
    if (value < 0) continue;
    pads = 0;
    if (quadPosition === 0) {
      left = value;
    } else if (quadPosition === 1) {
      bytes.push(((left << 2) | (value >> 4)) & 0xff);
      left = value & 0x0f;
    } else if (quadPosition === 2) {
      bytes.push(((left << 4) | (value >> 2)) & 0xff);
      left = value & 0x03;
    } else {
      bytes.push(((left << 6) | value) & 0xff);
    }
    quadPosition = (quadPosition + 1) % 4;
  }
  return quadPosition === 0 ? Buffer.from(bytes) : null;
}

/** `base64.b64decode(text)` of a Python `str`: non-ASCII text is a ValueError (null), the rest as `a2bBase64`. */
export function pythonB64decode(text: string): Buffer | null {
  return /^\p{ASCII}*$/u.test(text) ? a2bBase64(Buffer.from(text, 'latin1')) : null;
}

/**
 * PyJWT's `base64url_decode` of one segment of the token's UTF-8 bytes: pads to a multiple of 4, then
 * `base64.urlsafe_b64decode` (`-_` read as `+/`, the rest as `a2bBase64`).
 */
export function pyjwtBase64UrlDecode(segment: Buffer): Buffer | null {
  const padded =
    segment.length % 4 === 0 ? segment : Buffer.concat([segment, Buffer.alloc(4 - (segment.length % 4), PAD)]);
  return a2bBase64(Buffer.from(padded.map((byte) => (byte === 0x2d ? 0x2b : byte === 0x5f ? 0x2f : byte))));
}
