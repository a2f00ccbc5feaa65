/** The vocabulary of an offline verification verdict: the CLI's JSON contract and the app's view. */

export const CHECK_NAMES = ['format', 'algorithm', 'chain', 'signature', 'install_id', 'expiry'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const VERDICT_REASONS = [
  'ok',
  'malformed',
  'unsupported_algorithm',
  'untrusted_chain',
  'bad_signature',
  'install_id_mismatch',
  'expired',
  'not_yet_valid',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

/** `ok: null` means the check did not run (an earlier one failed) or was skipped. */
export interface Check {
  name: CheckName;
  ok: boolean | null;
  detail: string;
}

/** Claims as authentik reads them (legacy `flags` read as `license_flags`, absent user counts as 0). */
export interface LicenseClaims {
  name: string;
  aud: string;
  exp: number;
  internal_users: number;
  external_users: number;
  license_flags: string[];
}
