import { exceeds } from '../../shared/license/capacity';
import type { InstanceSnapshot } from './instance-snapshot';

/**
 * True when current usage (the forecast's counts) is above the licensed seats (the live summary), as
 * authentik compares them (`>`). A licensed instance whose seats are 0 (a 0/0 license, or from 2025.4.1
 * only expired ones) is over capacity with any user (docs/authentik-versions.md §7). Never while
 * `unlicensed`: authentik returns that before it compares. False when usage is unknown.
 */
export function isOverCapacity(snapshot: Pick<InstanceSnapshot, 'forecast' | 'live'>): boolean {
  const { forecast, live } = snapshot;
  if (forecast === null || live.status === 'unlicensed') return false;
  return exceeds(forecast, live);
}
