import {
  acceptedSince,
  authentikRules,
  firstReleaseAccepting,
  type AuthentikRules,
  type LicenseAlgorithm,
} from '../../shared/license/authentik-rules';
import {
  CHECK_NAMES,
  type Check,
  type CheckName,
  type LicenseClaims,
  type VerdictReason,
} from '../../shared/license/verdict';
import { toIsoUtc } from '../../shared/time/iso';
import type { CertificateInfo } from './certificate-info';
import { verifyChain, type ChainVerdict } from './chain';
import { keyFingerprint, licenseIdentity } from './fingerprint';
import { jsonValueText } from './json-value-text';
import { MAX_EXP, oversizeDetail, parseKey, type ParsedKey, type ParseResult } from './parse-key';
import { verifySignature } from './signature';
import type { TrustRoots } from './trust-roots';

export interface VerifyOptions {
  roots: TrustRoots;
  /** Evaluation instant, epoch milliseconds. */
  at: number;
  /**
   * The installation the key must be for, compared exactly with the key's as authentik compares `aud`
   * (normalise what a person types first: see `normalisedInstallId`); without one the check is skipped.
   */
  installId?: string | null;
  /** authentik's rules for the instance's release (its accepted algorithms); the newest rules when omitted. */
  rules?: AuthentikRules;
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
  /** The signed content's identity (see `licenseIdentity`): keys that share it are one license. */
  licenseIdentity: string;
  certificates: CertificateInfo[];
  /** The authentik rules the key was judged by. */
  rules: AuthentikRules;
}

/** What a key that is not yet valid waits for: its `iat`, checked first as PyJWT does, else its `nbf`. */
function immatureClaim(key: ParsedKey, at: number): { claim: 'iat' | 'nbf'; seconds: number } | null {
  if (key.issuedAt !== null && key.issuedAt * 1000 > at) return { claim: 'iat', seconds: key.issuedAt };
  if (key.notBefore !== null && key.notBefore * 1000 > at) return { claim: 'nbf', seconds: key.notBefore };
  return null;
}

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants an ISO 8601 date with a four-digit year shows. */
const FIRST_ISO_MS = -62167219200000;
const LAST_ISO_MS = MAX_EXP * 1000;

/**
 * An instant in a message. Claims and clocks can hold any number (`int()` passes them all, and an
 * instance's clock is whatever it says), but outside years 0 to 9999 no ISO 8601 date shows one, and
 * beyond ±8.64e15 ms `toISOString` throws.
 */
function instantText(ms: number): string {
  if (ms > LAST_ISO_MS) return 'a date after 9999-12-31T23:59:59Z';
  if (ms < FIRST_ISO_MS) return 'a date before 0000-01-01T00:00:00Z';
  return toIsoUtc(ms);
}

/** An `iat` or `nbf` as a date. */
function claimDate(seconds: number): string {
  return instantText(seconds * 1000);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function acceptedBy(rules: AuthentikRules, alg: unknown): alg is LicenseAlgorithm {
  return (rules.algorithms as readonly unknown[]).includes(alg);
}

function messageFor(reason: VerdictReason, key: ParsedKey | null, failure: string, options: JudgedOptions): string {
  const name = key?.claims.name ?? '';
  const expiry = toIsoUtc((key?.claims.exp ?? 0) * 1000);
  switch (reason) {
    case 'ok':
      return `The license "${name}" is genuine and valid until ${expiry} for Install ID ${key?.installId}.`;
    case 'malformed':
      return `This is not a well-formed authentik license key: ${failure}.`;
    case 'unsupported_algorithm': {
      const { rules } = options;
      const alg = key?.header.alg ?? null;
      const since = typeof alg === 'string' ? firstReleaseAccepting(alg) : null;
      const accepted = `accepts only ${rules.algorithms.join(' and ')}`;
      if (since === null) return `The key is signed with ${jsonValueText(alg ?? null)}, but authentik ${accepted}.`;
      return `The key is signed with ${alg}, which authentik accepts only from ${since}; this instance runs ${rules.version ?? 'an unknown version'} (${rules.releases}), which ${accepted}. Upgrade authentik or use a key signed with ${rules.algorithms.join(' or ')}.`;
    }
    case 'untrusted_chain':
      return `The key's certificates do not lead to a trusted authentik licensing root: ${failure}.`;
    case 'bad_signature':
      return "The key's signature does not match its contents, so the key was altered or not issued by authentik.";
    case 'install_id_mismatch':
      return `The key is for Install ID ${key?.installId}, not for the installation with Install ID ${options.installId}.`;
    case 'expired':
      return `The license "${name}" expired on ${expiry}.`;
    case 'not_yet_valid': {
      const immature = key === null ? null : immatureClaim(key, options.at);
      const when = claimDate(immature?.seconds ?? 0);
      return immature?.claim === 'iat'
        ? `The license was issued at ${when} (its "iat" claim), after the time it was checked at, and authentik refuses a key issued in the future; if that time has passed, check this computer's clock.`
        : `The license is not valid until ${when}; if that date has passed, check this computer's clock.`;
    }
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

type JudgedOptions = VerifyOptions & { rules: AuthentikRules };

/** What the checks found so far; `conclude` turns it into the verdict. */
interface Progress {
  options: JudgedOptions;
  fingerprint: string;
  licenseIdentity: string;
  results: Map<CheckName, Check>;
  key: ParsedKey | null;
  certificates: CertificateInfo[];
  claimsVerified: boolean;
}

function started(verifyOptions: VerifyOptions, identity: { fingerprint: string; licenseIdentity: string }): Progress {
  const options = { ...verifyOptions, rules: verifyOptions.rules ?? authentikRules(null) };
  return { options, ...identity, results: new Map(), key: null, certificates: [], claimsVerified: false };
}

function record(progress: Progress, name: CheckName, ok: boolean | null, detail: string): void {
  progress.results.set(name, { name, ok, detail });
}

function conclude(progress: Progress, reason: VerdictReason, failure = ''): Verdict {
  const { key, options, results } = progress;
  const failed = reason === 'ok' ? null : DECIDED_BY[reason];
  if (failed !== null) record(progress, failed, false, failure);
  return {
    valid: reason === 'ok',
    reason,
    message: messageFor(reason, key, failure, options),
    checks: CHECK_NAMES.map(
      (name) => results.get(name) ?? { name, ok: null, detail: `not checked: the ${failed} check failed` },
    ),
    claims: key?.claims ?? null,
    claimsVerified: progress.claimsVerified,
    installId: key?.installId ?? null,
    expiresAt: key === null ? null : key.claims.exp * 1000,
    fingerprint: progress.fingerprint,
    licenseIdentity: progress.licenseIdentity,
    certificates: progress.certificates,
    rules: options.rules,
  };
}

/** The verdict on input over the key limit that was read only as its size and fingerprint (see `main/cli/key-input.ts`). */
export function oversizedKeyVerdict(
  input: { bytes: number; fingerprint: string },
  verifyOptions: VerifyOptions,
): Verdict {
  // Its signed content was never held, and no license is that large: it stands for itself alone.
  return conclude(
    started(verifyOptions, { fingerprint: input.fingerprint, licenseIdentity: input.fingerprint }),
    'malformed',
    oversizeDetail(input.bytes),
  );
}

/** Decides offline whether a key is a genuine authentik license: six checks in order, the first failure decides. */
export function verifyKey(input: string, verifyOptions: VerifyOptions): Verdict {
  const text = input.trim();
  const progress = started(verifyOptions, {
    fingerprint: keyFingerprint(text),
    licenseIdentity: licenseIdentity(text),
  });
  const { options } = progress;

  // Node's JSON and X.509 parsers are large, and a hostile key reaches deep into them: whatever they
  // throw becomes this key's verdict, so that one key never stops a batch, a fleet or a status check.
  let parsed: ParseResult;
  try {
    parsed = parseKey(text, options.rules);
  } catch (error) {
    return conclude(progress, 'malformed', `the key could not be read (${errorText(error)})`);
  }
  if (!parsed.ok) return conclude(progress, 'malformed', parsed.detail);
  const key = parsed.key;
  progress.key = key;
  record(progress, 'format', true, key.detail);

  const alg = key.header.alg;
  if (!acceptedBy(options.rules, alg)) {
    return conclude(
      progress,
      'unsupported_algorithm',
      `${jsonValueText(alg ?? null)} is not ${options.rules.algorithms.join(' or ')} (${options.rules.releases})`,
    );
  }
  record(progress, 'algorithm', true, `${alg} is accepted by authentik ${acceptedSince(alg)}`);

  let chain: ChainVerdict;
  try {
    chain = verifyChain(key.header.x5c, options.roots);
  } catch (error) {
    return conclude(progress, 'untrusted_chain', `the certificates could not be read (${errorText(error)})`);
  }
  progress.certificates = chain.certificates;
  if (chain.signerKey === null) return conclude(progress, 'untrusted_chain', chain.detail);
  record(progress, 'chain', true, chain.detail);

  const signature = verifySignature(alg, chain.signerKey, key.signingInput, key.signature);
  if (!signature.ok) return conclude(progress, 'bad_signature', signature.detail);
  progress.claimsVerified = true;
  record(progress, 'signature', true, signature.detail);

  const expected = options.installId;
  if (expected === undefined || expected === null) {
    record(progress, 'install_id', null, `not compared: no Install ID was given (the key is for ${key.installId})`);
  } else if (key.installId !== expected) {
    // Exactly, as PyJWT compares `aud` for authentik: an Install ID in another case is another audience.
    return conclude(progress, 'install_id_mismatch', `the key is for Install ID ${key.installId}, not ${expected}`);
  } else {
    record(progress, 'install_id', true, `the key is for Install ID ${key.installId}`);
  }

  const expires = key.claims.exp * 1000;
  if (expires <= options.at)
    return conclude(progress, 'expired', `expired at ${toIsoUtc(expires)} (evaluated at ${instantText(options.at)})`);
  const immature = immatureClaim(key, options.at);
  if (immature !== null) {
    const when = claimDate(immature.seconds);
    const what =
      immature.claim === 'iat'
        ? `issued at ${when} (iat), after the evaluation time`
        : `not valid before ${when} (nbf)`;
    return conclude(progress, 'not_yet_valid', `${what} (evaluated at ${instantText(options.at)})`);
  }
  record(progress, 'expiry', true, `valid until ${toIsoUtc(expires)}`);
  return conclude(progress, 'ok');
}
