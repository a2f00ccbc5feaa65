import { useInstances } from '../../store/instances-context';
import { NotComparedNote } from './NotComparedNote';

/** The not-compared note where the fleet's rows are the place to refresh: the licenses list, the dashboard. */
export function InstanceNotComparedNote({ licenseName, instanceId, instanceName, problem }: { licenseName?: string; instanceId: string; instanceName: string; problem: string }) {
  const refreshing = useInstances((state) => state.refreshingAll || state.refreshingIds.includes(instanceId));
  const refreshRequested = useInstances((state) => state.refreshRequested);
  return (
    <NotComparedNote
      {...(licenseName === undefined ? {} : { licenseName })}
      instanceName={instanceName}
      problem={problem}
      refreshing={refreshing}
      onRefresh={() => void refreshRequested(instanceId)}
    />
  );
}
