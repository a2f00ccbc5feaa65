import { toIsoUtc } from '../../../shared/time/iso';
import { rulesJson } from '../../license/rules-json';
import type { Verdict } from '../../license/verify-key';

/** The `verify --json` contract, field for field. */
export function verdictJson(verdict: Verdict) {
  return {
    valid: verdict.valid,
    reason: verdict.reason,
    message: verdict.message,
    checks: verdict.checks,
    claims: verdict.claims,
    claims_verified: verdict.claimsVerified,
    install_id: verdict.installId,
    expires_at: verdict.expiresAt === null ? null : toIsoUtc(verdict.expiresAt),
    fingerprint: verdict.fingerprint,
    authentik_rules: rulesJson(verdict.rules),
  };
}
