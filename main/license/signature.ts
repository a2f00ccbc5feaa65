import { verify, type KeyObject } from 'node:crypto';

/** JWS algorithms authentik accepts in some release (see authentik-rules.ts for which), with the hash each one names. */
export const SIGNATURE_HASHES = { ES512: 'sha512', ES384: 'sha384' } as const;
const HASH_LABELS = { sha512: 'SHA-512', sha384: 'SHA-384' } as const;
export type SignatureAlgorithm = keyof typeof SIGNATURE_HASHES;

/**
 * The `signature` check: raw r||s ECDSA over `header.payload` with the hash the algorithm names,
 * whatever the signer's curve (real keys are ES512 over P-384, which `jose` refuses).
 */
export function verifySignature(
  alg: SignatureAlgorithm,
  signerKey: KeyObject,
  signingInput: Buffer,
  signature: Buffer,
): { ok: boolean; detail: string } {
  if (signerKey.asymmetricKeyType !== 'ec') {
    return {
      ok: false,
      detail: `the signing certificate holds a ${signerKey.asymmetricKeyType ?? 'non-EC'} key, not an EC key`,
    };
  }
  const hash = SIGNATURE_HASHES[alg];
  const curve = signerKey.asymmetricKeyDetails?.namedCurve ?? 'EC';
  return ecdsaVerifies(hash, signerKey, signingInput, signature)
    ? {
        ok: true,
        detail: `${alg} signature (${HASH_LABELS[hash]}, ${curve}) verified with the signing certificate's key`,
      }
    : {
        ok: false,
        detail: `the ${alg} signature (${HASH_LABELS[hash]}, raw r||s) does not verify with the signing certificate's ${curve} key`,
      };
}

function ecdsaVerifies(hash: string, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
