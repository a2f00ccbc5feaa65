import { useInstanceRefreshing, useRefreshOneInstance } from '../../queries/instance-list';
import { NotComparedNote } from './NotComparedNote';

/** The not-compared note where the fleet's rows are the place to refresh: the licenses list, the dashboard. */
export function InstanceNotComparedNote({
  licenseName,
  instanceId,
  instanceName,
  problem,
}: {
  licenseName?: string;
  instanceId: string;
  instanceName: string;
  problem: string;
}) {
  const refreshing = useInstanceRefreshing(instanceId);
  const refresh = useRefreshOneInstance(instanceId);
  return (
    <NotComparedNote
      {...(licenseName === undefined ? {} : { licenseName })}
      instanceName={instanceName}
      problem={problem}
      refreshing={refreshing}
      onRefresh={() => refreshing || refresh.mutate()}
    />
  );
}
