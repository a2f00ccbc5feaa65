import type { VerifiedLicense } from '../../../shared/instances/instance-timeline';

// The moment the instance timeline tests judge at, and the installed licenses they judge.

export const NOW = Date.UTC(2026, 4, 10, 12, 0, 0);

export function installed(
  expiry: number,
  internalUsers: number,
  externalUsers: number,
  reason = 'ok',
): VerifiedLicense {
  return {
    expiry: new Date(expiry).toISOString(),
    internalUsers,
    externalUsers,
    verdict: { valid: reason === 'ok', reason },
  };
}
