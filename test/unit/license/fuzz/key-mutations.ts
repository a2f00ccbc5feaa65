import fc from 'fast-check';
import { signatureTwinKey } from '../../../pki/signature-twin';
import { HEADER_FIELDS, PAYLOAD_FIELDS, rawJsonValue } from './claim-values';
import type { FuzzCorpus, FuzzSigner } from './fuzz-corpus';

/**
 * How one fuzz case is made from a base key. A recipe, not the key: fast-check shows the recipe of a
 * failing case (and its seed), which says more than a 60 KiB key would, and shrinks it.
 */
export type Recipe =
  /** One bit flipped in the decoded bytes of a part: header, payload or signature. */
  | { kind: 'bit_flip'; base: number; part: 0 | 1 | 2; at: number; bit: number }
  /** One character of the key's text replaced (or removed, for ''). */
  | { kind: 'character'; base: number; at: number; char: string }
  /** One bit flipped in the DER of `x5c[0]` or `x5c[1]`, the header re-encoded, and re-signed by the base's signer or not. */
  | { kind: 'der_flip'; base: number; certificate: 0 | 1; at: number; bit: number; resign: boolean }
  | { kind: 'truncate'; base: number; at: number }
  | { kind: 'reencode'; base: number; how: Reencoding }
  /** `x5c` rebuilt from these entries (swapped, repeated, foreign, garbage), signed by `signer`. */
  | { kind: 'chain'; signer: number; entries: ChainEntry[] }
  /** One header field or claim set to raw JSON text, signed by `signer`. */
  | {
      kind: 'claim';
      signer: number;
      alg: 'ES512' | 'ES384';
      place: 'header' | 'payload';
      field: string;
      value: string;
    };

type Reencoding =
  | 'standard_base64'
  | 'padded'
  | 'inner_whitespace'
  | 'outer_whitespace'
  | 'signature_twin'
  | 'signature_spare_bits'
  | 'x5c_base64url'
  | 'x5c_whitespace';
type ChainEntry = 'signer' | 'intermediate' | 'root' | 'other_signer' | 'rogue_intermediate' | 'garbage' | 'empty';

const REENCODINGS: readonly Reencoding[] = [
  'standard_base64',
  'padded',
  'inner_whitespace',
  'outer_whitespace',
  'signature_twin',
  'signature_spare_bits',
  'x5c_base64url',
  'x5c_whitespace',
];
const CHAIN_ENTRIES: readonly ChainEntry[] = [
  'signer',
  'intermediate',
  'root',
  'other_signer',
  'rogue_intermediate',
  'garbage',
  'empty',
];
/** Stands in a header or claims object for the raw JSON text put in its place. */
const MARKER = '\u0000fuzz\u0000';
const CHARACTERS = ['', 'A', '=', '+', '/', '-', '_', '.', ' ', '\n', '\t', '\u0000', '\u00a0', 'é', '\ud800'] as const;

/** Where in a part or a text a mutation lands, modulo its length (a fraction would crowd at the ends: fast-check favours 0, 1 and the smallest doubles). */
const at = fc.nat();

export function recipeArbitrary(bases: number, signers: number): fc.Arbitrary<Recipe> {
  const base = fc.nat({ max: bases - 1 });
  const signer = fc.nat({ max: signers - 1 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('bit_flip' as const),
        base,
        part: fc.constantFrom(0 as const, 1 as const, 2 as const),
        at,
        bit: fc.nat({ max: 7 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('character' as const), base, at, char: fc.constantFrom(...CHARACTERS) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('der_flip' as const),
        base,
        certificate: fc.constantFrom(0 as const, 1 as const),
        at,
        bit: fc.nat({ max: 7 }),
        resign: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), base, at }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('reencode' as const), base, how: fc.constantFrom(...REENCODINGS) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('chain' as const),
        signer,
        entries: fc.array(fc.constantFrom(...CHAIN_ENTRIES), { maxLength: 4 }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.oneof(
        fc.record({
          kind: fc.constant('claim' as const),
          signer,
          alg: fc.constantFrom('ES512' as const, 'ES384' as const),
          place: fc.constant('payload' as const),
          field: fc.constantFrom(...PAYLOAD_FIELDS),
          value: rawJsonValue,
        }),
        fc.record({
          kind: fc.constant('claim' as const),
          signer,
          alg: fc.constantFrom('ES512' as const, 'ES384' as const),
          place: fc.constant('header' as const),
          field: fc.constantFrom(...HEADER_FIELDS),
          value: rawJsonValue,
        }),
      ),
    },
  );
}

function index(at: number, length: number): number {
  return length === 0 ? 0 : at % length;
}

function withPart(key: string, part: number, text: string): string {
  const parts = key.split('.');
  parts[part] = text;
  return parts.join('.');
}

function flipBit(bytes: Buffer, at: number, bit: number): Buffer {
  const flipped = Buffer.from(bytes);
  if (flipped.length === 0) return flipped;
  const position = index(at, flipped.length);
  flipped[position] = (flipped[position] ?? 0) ^ (1 << bit);
  return flipped;
}

function headerOf(key: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(key.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The key's header with other `x5c` entries, re-signed by `signer` or (without one) with the old signature kept. */
function withX5c(corpus: FuzzCorpus, key: string, x5c: unknown[], signer: FuzzSigner | null): string {
  const header: Record<string, unknown> = { ...headerOf(key), x5c };
  const payloadText = Buffer.from(key.split('.')[1] ?? '', 'base64url').toString('utf8');
  if (signer !== null)
    return corpus.sign(signer, JSON.stringify(header), payloadText, header.alg === 'ES384' ? 'sha384' : 'sha512');
  return withPart(key, 0, Buffer.from(JSON.stringify(header)).toString('base64url'));
}

function reencode(corpus: FuzzCorpus, key: string, how: Reencoding): string {
  const [header = '', payload = '', signature = ''] = key.split('.');
  const x5c = headerOf(key).x5c as string[];
  switch (how) {
    case 'standard_base64':
      return [header, payload]
        .map((part) => Buffer.from(part, 'base64url').toString('base64'))
        .concat(signature)
        .join('.');
    case 'padded':
      return [header, payload, signature].map((part) => part.padEnd(Math.ceil(part.length / 4) * 4, '=')).join('.');
    case 'inner_whitespace':
      return `${header}.\n${payload} .${signature}`;
    case 'outer_whitespace':
      return `\ufeff \t${key}\r\n\u00a0`;
    case 'signature_twin':
      return signatureTwinKey(key);
    case 'signature_spare_bits': {
      // A base64url text whose last character carries bits the decoder drops: other text, the same bytes.
      const last = signature.at(-1) ?? 'A';
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      return withPart(key, 2, `${signature.slice(0, -1)}${alphabet[(alphabet.indexOf(last) + 1) % 64]}`);
    }
    case 'x5c_base64url':
      return withX5c(
        corpus,
        key,
        x5c.map((entry) => entry.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
        null,
      );
    case 'x5c_whitespace':
      return withX5c(
        corpus,
        key,
        x5c.map((entry) => `${entry.slice(0, 64)}\n${entry.slice(64)}`),
        null,
      );
  }
}

function chainEntry(corpus: FuzzCorpus, signer: FuzzSigner, entry: ChainEntry): string {
  const [trustedP384, trustedP521, rogue] = corpus.signers;
  switch (entry) {
    case 'signer':
      return signer.certificate.x5c;
    case 'intermediate':
      return signer.intermediate.x5c;
    case 'root':
      return corpus.rootX5c;
    case 'other_signer':
      return (signer === trustedP384 ? trustedP521 : trustedP384)?.certificate.x5c ?? '';
    case 'rogue_intermediate':
      return rogue?.intermediate.x5c ?? '';
    case 'garbage':
      return 'MIIBAA==';
    case 'empty':
      return '';
  }
}

/** The key a recipe makes from `bases` (keys minted by `corpus`), signing through `corpus` where it re-signs. */
export function applyRecipe(
  corpus: FuzzCorpus,
  bases: readonly { key: string; signer: FuzzSigner }[],
  recipe: Recipe,
): string {
  const signerAt = (position: number): FuzzSigner => corpus.signers[position % corpus.signers.length] as FuzzSigner;
  if (recipe.kind === 'chain') {
    const signer = signerAt(recipe.signer);
    const key = corpus.mint(signer);
    return withX5c(
      corpus,
      key,
      recipe.entries.map((entry) => chainEntry(corpus, signer, entry)),
      signer,
    );
  }
  if (recipe.kind === 'claim') {
    const signer = signerAt(recipe.signer);
    const header: Record<string, unknown> = corpus.header(signer, recipe.alg);
    const claims: Record<string, unknown> = { ...corpus.claims };
    (recipe.place === 'header' ? header : claims)[recipe.field] = MARKER;
    // The value goes in as raw JSON text, so that `-0`, `1e400` and 20,000 brackets reach the key as written.
    const text = (part: Record<string, unknown>): string =>
      JSON.stringify(part).replace(JSON.stringify(MARKER), () => recipe.value);
    return corpus.sign(signer, text(header), text(claims), recipe.alg === 'ES384' ? 'sha384' : 'sha512');
  }
  const { key, signer } = bases[recipe.base % bases.length] as { key: string; signer: FuzzSigner };
  switch (recipe.kind) {
    case 'bit_flip': {
      const part = key.split('.')[recipe.part] ?? '';
      return withPart(
        key,
        recipe.part,
        flipBit(Buffer.from(part, 'base64url'), recipe.at, recipe.bit).toString('base64url'),
      );
    }
    case 'character': {
      const position = index(recipe.at, key.length);
      return `${key.slice(0, position)}${recipe.char}${key.slice(position + 1)}`;
    }
    case 'der_flip': {
      const x5c = [...(headerOf(key).x5c as string[])];
      x5c[recipe.certificate] = flipBit(
        Buffer.from(x5c[recipe.certificate] ?? '', 'base64'),
        recipe.at,
        recipe.bit,
      ).toString('base64');
      return withX5c(corpus, key, x5c, recipe.resign ? signer : null);
    }
    case 'truncate':
      return key.slice(0, index(recipe.at, key.length));
    case 'reencode':
      return reencode(corpus, key, recipe.how);
  }
}
