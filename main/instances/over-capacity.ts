import type { InstanceSnapshot } from './instance-snapshot';

/**
 * True when current usage (the forecast's counts) is above the licensed capacity (the live summary), as
 * authentik compares them (`>`). Never for an unlicensed instance (capacity 0): authentik does not count
 * that as over capacity. False when usage is unknown.
 */
export function isOverCapacity(snapshot: Pick<InstanceSnapshot, 'forecast' | 'live'>): boolean {
  const { forecast, live } = snapshot;
  if (forecast === null || live.internalUsers + live.externalUsers === 0) return false;
  return forecast.internalUsers > live.internalUsers || forecast.externalUsers > live.externalUsers;
}
