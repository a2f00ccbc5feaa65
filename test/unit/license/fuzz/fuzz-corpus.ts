import { sign, type KeyObject } from 'node:crypto';
import { AT_SECONDS, INSTALL_ID } from '../../../pki/key-cases';
import { licenseClaims } from '../../../pki/mint-key';
import { twinSignature } from '../../../pki/signature-twin';
import type { TestCertificate, TestPki } from '../../../pki/test-pki';

const YEAR = 365 * 24 * 3600;

/** A signer the fuzzer signs with: the test PKI's own (trusted) or the rogue chain's and foreign keys (untrusted). */
export interface FuzzSigner {
  label: string;
  trusted: boolean;
  certificate: TestCertificate;
  intermediate: TestCertificate;
  /** The key that signs; another than the certificate's for a key signed by a stranger under a genuine chain. */
  privateKey: KeyObject;
}

/**
 * Everything the fuzzer needs to judge a verdict: the signers, and every signing input a trusted signer
 * has signed so far with its signature. A valid verdict is right only for such an input carried by that
 * signature or its twin (r, n−s), and only over the genuine certificates.
 */
export class FuzzCorpus {
  readonly signers: readonly FuzzSigner[];
  readonly claims = licenseClaims(INSTALL_ID, AT_SECONDS + YEAR);
  /** The genuine `x5c` pairs: a valid verdict must carry one of them as its first two entries. */
  readonly genuineChains: readonly (readonly [string, string])[];
  /** The trusted root as an `x5c` entry, for chains that carry it where authentik expects the intermediate. */
  readonly rootX5c: string;
  private readonly signed = new Map<string, Buffer[]>();

  constructor(pki: TestPki) {
    const { signerP384, signerP521, intermediate, rogue } = pki;
    this.rootX5c = Buffer.from(pki.root.certificate.rawData).toString('base64');
    this.genuineChains = [
      [signerP384.x5c, intermediate.x5c],
      [signerP521.x5c, intermediate.x5c],
    ];
    this.signers = [
      {
        label: 'trusted P-384',
        trusted: true,
        certificate: signerP384,
        intermediate,
        privateKey: signerP384.privateKey,
      },
      {
        label: 'trusted P-521',
        trusted: true,
        certificate: signerP521,
        intermediate,
        privateKey: signerP521.privateKey,
      },
      {
        label: 'rogue chain',
        trusted: false,
        certificate: rogue.signerP384,
        intermediate: rogue.intermediate,
        privateKey: rogue.signerP384.privateKey,
      },
      {
        label: 'stranger under the genuine chain',
        trusted: false,
        certificate: signerP384,
        intermediate,
        privateKey: rogue.signerP521.privateKey,
      },
    ];
  }

  /** `header.payload.signature` with the texts given; a trusted signer's signature is remembered. */
  sign(signer: FuzzSigner, headerText: string, payloadText: string, hash: 'sha384' | 'sha512'): string {
    const input = `${Buffer.from(headerText).toString('base64url')}.${Buffer.from(payloadText).toString('base64url')}`;
    const signature = sign(hash, Buffer.from(input), { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
    if (signer.trusted) this.signed.set(input, [...(this.signed.get(input) ?? []), signature]);
    return `${input}.${signature.toString('base64url')}`;
  }

  /** The genuine header for a signer: its own chain, in authentik's order. */
  header(signer: FuzzSigner, alg = 'ES512'): Record<string, unknown> {
    return { alg, typ: 'JWT', x5c: [signer.certificate.x5c, signer.intermediate.x5c] };
  }

  /** A license key as authentik issues one, from this signer, with these claims. */
  mint(signer: FuzzSigner, claims: Record<string, unknown> = this.claims, alg = 'ES512'): string {
    return this.sign(
      signer,
      JSON.stringify(this.header(signer, alg)),
      JSON.stringify(claims),
      alg === 'ES384' ? 'sha384' : 'sha512',
    );
  }

  /** Whether a valid verdict for this (mutated) key is right: its signed content and signature are what a trusted signer made. */
  validIsRight(key: string): boolean {
    const parts = key.trim().split('.');
    if (parts.length !== 3) return false;
    const signatures = this.signed.get(`${parts[0]}.${parts[1]}`) ?? [];
    const signature = Buffer.from(parts[2] ?? '', 'base64url');
    return signatures.some(
      (original) =>
        original.equals(signature) ||
        (signature.length === original.length && twinSignature(original).equals(signature)),
    );
  }

  /** Whether the key's first two `x5c` entries are a genuine chain: no valid verdict may carry any other. */
  genuineChain(key: string): boolean {
    try {
      const header = JSON.parse(Buffer.from(key.trim().split('.')[0] ?? '', 'base64url').toString('utf8')) as {
        x5c?: unknown;
      };
      const x5c = header.x5c;
      return (
        Array.isArray(x5c) &&
        this.genuineChains.some(([signer, intermediate]) => x5c[0] === signer && x5c[1] === intermediate)
      );
    } catch {
      return false;
    }
  }
}
