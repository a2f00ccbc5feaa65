import fc from 'fast-check';
import { AT_SECONDS, INSTALL_ID } from '../../../pki/key-cases';

/**
 * Raw JSON text for one claim or header value, as a hostile key can carry it: numbers no JavaScript
 * date or safe integer holds (written as JSON allows, `-0` and `1e400` included), nesting thousands
 * deep, any Unicode (lone surrogates and control characters included), and ordinary values, so that
 * the rest of the key still passes and later checks run too.
 */

/** Number literals at the edges: floats, -0, past 2^53, past Date's ±8.64e15 ms, past a double (1e400 reads as Infinity). */
const EXTREME_NUMBERS = [
  '-0',
  '0',
  '0.5',
  '-0.5',
  '1e-300',
  '4.9e-324',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e400',
  '-1e400',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '8640000000000',
  '8640000000001',
  '-8640000000001',
  '8640000000000000',
  '253402300799',
  '253402300800',
  '253402300799.999',
  '1E+2',
  '2e11',
  '-1',
  '4294967296',
  '1e21',
  String(AT_SECONDS - 1),
  String(AT_SECONDS),
  String(AT_SECONDS + 1),
  `${AT_SECONDS}.5`,
  String(AT_SECONDS + 365 * 86400),
] as const;

const extremeNumber = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.double().map((value) => (Number.isFinite(value) ? JSON.stringify(value) : '1e999')),
  fc.integer().map(String),
  // A string of digits: PyJWT's int() reads `iat` and `nbf` from one; 400 digits is past any double.
  fc.constantFrom('"1"', `"${'9'.repeat(400)}"`, `" ${AT_SECONDS + 60} "`, '"1_000"', '"-0"', '"1e3"'),
);

/** Lists or objects nested up to 20,000 deep (the 64 KiB key limit allows about 24,000 levels). */
const deepJson = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), shape: fc.constantFrom('list', 'object', 'mixed') })
  .map(({ depth, shape }) => {
    if (shape === 'list') return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    if (shape === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return `${'[{"a":'.repeat(Math.ceil(depth / 2))}null${'}]'.repeat(Math.ceil(depth / 2))}`;
  });

/** Control characters, escape sequences, bidirectional overrides and other code points that trouble a terminal or a parser. */
const HOSTILE_TEXT = [
  '\u001b[2K\rVALID: ',
  '\u009b31m',
  '\u202eevil\u202c',
  '\r\n',
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  '\u2028',
  '\ufeff',
  '😀',
  'é',
] as const;

const unicodeText = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.string({ unit: fc.constantFrom(...HOSTILE_TEXT), maxLength: 8 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 32 }),
  )
  .map((text) => JSON.stringify(text));

/** Values that read as valid, so a key mutated elsewhere can still pass the format check. */
const ordinary = fc.constantFrom(
  '"Acme Corp"',
  `"enterprise.goauthentik.io/license/${INSTALL_ID}"`,
  String(AT_SECONDS + 365 * 86400),
  String(AT_SECONDS + 60),
  '100',
  '[]',
  '["trial","non_production"]',
  'true',
  'null',
  '"ES512"',
  '"ES384"',
);

export const rawJsonValue = fc.oneof(
  { weight: 3, arbitrary: extremeNumber },
  { weight: 2, arbitrary: deepJson },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: ordinary },
);

/** Claims a hostile value can sit in; `users` is the legacy claim authentik ignores. */
export const PAYLOAD_FIELDS = [
  'exp',
  'nbf',
  'iat',
  'internal_users',
  'external_users',
  'users',
  'name',
  'aud',
  'license_flags',
  'flags',
  'sub',
  'jti',
] as const;
/** Header fields; `x5c` itself is replaced whole here, its entries are mutated elsewhere. */
export const HEADER_FIELDS = ['alg', 'typ', 'kid', 'x5c'] as const;
