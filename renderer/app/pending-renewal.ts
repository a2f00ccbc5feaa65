import { useMemo } from 'react';
import type { RenewalAction } from '../features/instance/instance-slots';
import { useLicenseInstallScreen } from '../features/portal-licenses/license-install-screen';
import { latestFirst, pendingTarget } from '../features/portal-licenses/pending-target';
import { pendingFor, usePendingInstalls, type PendingInstalls } from '../features/portal-licenses/queries';
import { useInstanceList } from '../queries/instance-list';

const pendingOf = (answer: PendingInstalls) => answer.pending;

/** The renewed key the customer portal holds for an instance and not installed there, longest-running first; null when none. */
export function usePendingRenewal(instanceId: string): RenewalAction | null {
  const pending = usePendingInstalls(pendingOf).data;
  const name = useInstanceList().data?.instances.find((row) => row.id === instanceId)?.name ?? null;
  const opened = useLicenseInstallScreen((state) => state.licenseInstallOpened);
  return useMemo(() => {
    const [first] = latestFirst(pendingFor(pending, instanceId));
    if (first === undefined || name === null) return null;
    return { licenseName: first.license.nickname, install: () => opened(pendingTarget(first, name)) };
  }, [pending, instanceId, name, opened]);
}
