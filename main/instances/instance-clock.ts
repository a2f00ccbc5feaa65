import type { VerdictReason } from '../../shared/license/verdict';
import { describeDuration } from './detail-warnings';
import type { ServerClock } from './instance-snapshot';

/** A skew under a second is measurement noise (the HTTP `Date` header has whole seconds): the clocks agree. */
export const CLOCK_NOISE_MS = 1000;

/** The instance's clock minus this computer's, ms; 0 when unknown or within the noise. */
export function clockOffset(clock: ServerClock | null): number {
  return clock === null || Math.abs(clock.skewMs) < CLOCK_NOISE_MS ? 0 : clock.skewMs;
}

const STATE: Record<VerdictReason, string> = {
  ok: 'is valid',
  malformed: 'is malformed',
  unsupported_algorithm: 'uses an algorithm authentik does not accept',
  untrusted_chain: 'has an untrusted certificate chain',
  bad_signature: 'has a bad signature',
  install_id_mismatch: 'is for another Install ID',
  expired: 'has expired',
  not_yet_valid: 'is not valid yet',
};

/**
 * When this computer's clock gives another answer than the instance's, both: authentik judges by its own.
 * Null when they agree. `subject`: "the key", `the license "Acme"`.
 */
export function clockVerdictNote(
  subject: string,
  onInstance: VerdictReason,
  onThisComputer: VerdictReason,
  offsetMs: number,
): string | null {
  if (onInstance === onThisComputer) return null;
  const by = `${describeDuration(offsetMs)} ${offsetMs > 0 ? 'ahead of' : 'behind'} this computer's`;
  return `By the instance's clock, which authentik judges by (${by}), ${subject} ${STATE[onInstance]}; by this computer's clock it ${STATE[onThisComputer]}.`;
}
