import type { VerdictView } from '../../shared/license/verdict-view';
import { guideTimeline } from '../../shared/license/guide-timeline';
import { datedText } from '../../shared/time/dated-text';
import { toIsoUtc } from '../../shared/time/iso';
import type { Verdict } from './verify-key';

/** 9999-12-31T23:59:59Z: past it a date has no ISO 8601 form the page can read. */
const LAST_ISO_INSTANT = 253402300799000;

/** A verdict for the page: claims in app terms, this key's own ladder, its words with their dates apart, and no key. */
export function toVerdictView(verdict: Verdict, at: number): VerdictView {
  const { claims } = verdict;
  const guide =
    claims === null
      ? null
      : guideTimeline(
          [
            {
              expiresAt: claims.exp * 1000,
              internalUsers: claims.internal_users,
              externalUsers: claims.external_users,
            },
          ],
          at,
        ).ladder;
  const ladder = guide !== null && guide.readOnly <= LAST_ISO_INSTANT ? guide : null;
  return {
    valid: verdict.valid,
    reason: verdict.reason,
    message: datedText(verdict.message),
    checks: verdict.checks.map((check) => ({ ...check, detail: datedText(check.detail) })),
    claims:
      claims === null
        ? null
        : {
            name: claims.name,
            installId: verdict.installId ?? '',
            internalUsers: claims.internal_users,
            externalUsers: claims.external_users,
            licenseFlags: claims.license_flags,
            expiresAt: toIsoUtc(claims.exp * 1000),
          },
    claimsVerified: verdict.claimsVerified,
    fingerprint: verdict.fingerprint,
    certificates: verdict.certificates,
    ladder:
      ladder === null
        ? null
        : {
            expirySoon: toIsoUtc(ladder.expirySoon),
            expiry: toIsoUtc(ladder.expiry),
            adminWarning: toIsoUtc(ladder.adminWarning),
            userWarning: toIsoUtc(ladder.userWarning),
            readOnly: toIsoUtc(ladder.readOnly),
          },
    evaluatedAt: toIsoUtc(at),
  };
}
