import type { CheckName, VerdictReason } from '../../shared/license/verdict';

/** What each check asks, in words a person uses. */
export const CHECK_LABELS: Record<CheckName, string> = {
  format: 'Is it a well-formed license key?',
  algorithm: 'Is it signed the way authentik signs keys?',
  chain: 'Was it issued by authentik?',
  signature: 'Is it unchanged since it was signed?',
  install_id: 'Is it for this installation?',
  expiry: 'Is it within its validity period?',
};

export const REASON_TITLES: Record<VerdictReason, string> = {
  ok: 'Valid license key',
  malformed: 'Not a license key',
  unsupported_algorithm: 'Signed with an algorithm authentik rejects',
  untrusted_chain: 'Not issued by authentik',
  bad_signature: 'Altered or forged key',
  install_id_mismatch: 'Key for another installation',
  expired: 'Expired license',
  not_yet_valid: 'Not valid yet',
};

export type CheckState = 'passed' | 'failed' | 'skipped' | 'not-checked';

export const CHECK_STATE_WORDS: Record<CheckState, string> = {
  passed: 'Passed',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-checked': 'Not checked',
};
