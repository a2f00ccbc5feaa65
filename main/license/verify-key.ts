import { CHECK_NAMES, type Check, type CheckName, type LicenseClaims, type VerdictReason } from '../../shared/license/verdict';
import { toIsoUtc } from '../../shared/time/iso';
import type { CertificateInfo } from './certificate-info';
import { verifyChain } from './chain';
import { keyFingerprint } from './fingerprint';
import { sameInstallId } from './install-id';
import { parseKey, type ParsedKey } from './parse-key';
import { isSupportedAlgorithm, verifySignature } from './signature';
import type { TrustRoots } from './trust-roots';

export interface VerifyOptions {
  roots: TrustRoots;
  /** Evaluation instant, epoch milliseconds. */
  at: number;
  /** The installation the key must be for; without one the `install_id` check is skipped. */
  installId?: string | null;
}

export interface Verdict {
  valid: boolean;
  reason: VerdictReason;
  message: string;
  /** Always the six checks in order; after the deciding failure every check is `ok: null`. */
  checks: Check[];
  claims: LicenseClaims | null;
  claimsVerified: boolean;
  installId: string | null;
  expiresAt: number | null;
  fingerprint: string;
  certificates: CertificateInfo[];
}

function messageFor(reason: VerdictReason, key: ParsedKey | null, failure: string, expected: string | null | undefined): string {
  const name = key?.claims.name ?? '';
  const expiry = toIsoUtc((key?.claims.exp ?? 0) * 1000);
  switch (reason) {
    case 'ok':
      return `The license "${name}" is genuine and valid until ${expiry} for Install ID ${key?.installId}.`;
    case 'malformed':
      return `This is not a well-formed authentik license key: ${failure}.`;
    case 'unsupported_algorithm':
      return `The key is signed with ${JSON.stringify(key?.header.alg ?? null)}, but authentik accepts only ES512 and ES384.`;
    case 'untrusted_chain':
      return `The key's certificates do not lead to a trusted authentik licensing root: ${failure}.`;
    case 'bad_signature':
      return "The key's signature does not match its contents, so the key was altered or not issued by authentik.";
    case 'install_id_mismatch':
      return `The key is for Install ID ${key?.installId}, not for the installation with Install ID ${expected}.`;
    case 'expired':
      return `The license "${name}" expired on ${expiry}.`;
    case 'not_yet_valid':
      return `The license is not valid until ${toIsoUtc((key?.notBefore ?? 0) * 1000)}; if that date has passed, check this computer's clock.`;
  }
}

/** The check whose failure gives each reason. */
const DECIDED_BY: Record<Exclude<VerdictReason, 'ok'>, CheckName> = {
  malformed: 'format',
  unsupported_algorithm: 'algorithm',
  untrusted_chain: 'chain',
  bad_signature: 'signature',
  install_id_mismatch: 'install_id',
  expired: 'expiry',
  not_yet_valid: 'expiry',
};

/** Decides offline whether a key is a genuine authentik license: six checks in order, the first failure decides. */
export function verifyKey(input: string, options: VerifyOptions): Verdict {
  const text = input.trim();
  const results = new Map<CheckName, Check>();
  let key: ParsedKey | null = null;
  let certificates: CertificateInfo[] = [];
  let claimsVerified = false;

  const record = (name: CheckName, ok: boolean | null, detail: string): void => {
    results.set(name, { name, ok, detail });
  };
  const conclude = (reason: VerdictReason, failure = ''): Verdict => {
    const failed = reason === 'ok' ? null : DECIDED_BY[reason];
    if (failed !== null) record(failed, false, failure);
    return {
      valid: reason === 'ok',
      reason,
      message: messageFor(reason, key, failure, options.installId),
      checks: CHECK_NAMES.map((name) => results.get(name) ?? { name, ok: null, detail: `not checked: the ${failed} check failed` }),
      claims: key?.claims ?? null,
      claimsVerified,
      installId: key?.installId ?? null,
      expiresAt: key === null ? null : key.claims.exp * 1000,
      fingerprint: keyFingerprint(text),
      certificates,
    };
  };

  const parsed = parseKey(text);
  if (!parsed.ok) return conclude('malformed', parsed.detail);
  key = parsed.key;
  record('format', true, key.detail);

  const alg = key.header.alg;
  if (!isSupportedAlgorithm(alg)) return conclude('unsupported_algorithm', `${JSON.stringify(alg ?? null)} is not ES512 or ES384`);
  record('algorithm', true, `${alg} is accepted by authentik`);

  const chain = verifyChain(key.header.x5c, options.roots);
  certificates = chain.certificates;
  if (chain.signerKey === null) return conclude('untrusted_chain', chain.detail);
  record('chain', true, chain.detail);

  const signature = verifySignature(alg, chain.signerKey, key.signingInput, key.signature);
  if (!signature.ok) return conclude('bad_signature', signature.detail);
  claimsVerified = true;
  record('signature', true, signature.detail);

  const expected = options.installId;
  if (expected === undefined || expected === null) {
    record('install_id', null, `not compared: no Install ID was given (the key is for ${key.installId})`);
  } else if (!sameInstallId(key.installId, expected)) {
    return conclude('install_id_mismatch', `the key is for Install ID ${key.installId}, not ${expected}`);
  } else {
    record('install_id', true, `the key is for Install ID ${key.installId}`);
  }

  const expires = key.claims.exp * 1000;
  if (expires <= options.at) return conclude('expired', `expired at ${toIsoUtc(expires)} (evaluated at ${toIsoUtc(options.at)})`);
  if (key.notBefore !== null && key.notBefore * 1000 > options.at) {
    return conclude('not_yet_valid', `not valid before ${toIsoUtc(key.notBefore * 1000)} (evaluated at ${toIsoUtc(options.at)})`);
  }
  record('expiry', true, `valid until ${toIsoUtc(expires)}`);
  return conclude('ok');
}
