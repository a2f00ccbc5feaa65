import { sign, type KeyObject } from 'node:crypto';
import type { TestCertificate } from './test-pki';

export const AUDIENCE_PREFIX = 'enterprise.goauthentik.io/license/';

export interface MintOptions {
  signer: TestCertificate;
  intermediate: TestCertificate;
  claims: Record<string, unknown>;
  alg?: string;
  /** Replaces the header entirely (x5c included) when given. */
  header?: Record<string, unknown>;
  /** Signs with this key instead of the signer's. */
  signingKey?: KeyObject;
  hash?: 'sha512' | 'sha384' | 'sha256';
  dsaEncoding?: 'ieee-p1363' | 'der';
}

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A license key made exactly like authentik's: ES512 header, standard-base64 DER x5c [signer, intermediate]. */
export function mintKey(options: MintOptions): string {
  const alg = options.alg ?? 'ES512';
  const header = options.header ?? { alg, typ: 'JWT', x5c: [options.signer.x5c, options.intermediate.x5c] };
  const signingInput = `${segment(header)}.${segment(options.claims)}`;
  const hash = options.hash ?? (alg === 'ES384' ? 'sha384' : 'sha512');
  const signature = sign(hash, Buffer.from(signingInput), {
    key: options.signingKey ?? options.signer.privateKey,
    dsaEncoding: options.dsaEncoding ?? 'ieee-p1363',
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Claims for a license of `installId` expiring at `exp` (Unix seconds). */
export function licenseClaims(
  installId: string,
  exp: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    aud: `${AUDIENCE_PREFIX}${installId}`,
    exp,
    name: 'Acme Corp',
    internal_users: 100,
    external_users: 1000,
    license_flags: [],
    ...extra,
  };
}
