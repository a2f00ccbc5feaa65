import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { lastKnownAtOf } from '../../store/instance-status';
import { When } from '../../ui/When';
import { InstallIdCard } from './InstallIdCard';
import { InstanceHeader } from './InstanceHeader';
import { useInstanceNotice } from './instance-screen';
import type { InstanceSlots } from './instance-slots';
import { InstanceTimeline } from './InstanceTimeline';
import { LicensesTable } from './LicensesTable';
import { NextActionBanner } from './NextActionBanner';
import { usePageRefreshing, usePageOutcome, useRefreshInstance } from './mutations';
import { readFailed } from '../../queries/instance-detail';
import { StatusCard } from './StatusCard';
import { WarningsPanel } from './WarningsPanel';

/** What the page shows while the instance cannot be read: an earlier read of this session, its last known status, or nothing. */
function ReadProblemShown({ detail }: { detail: InstanceDetail }) {
  if (detail.readAt !== null)
    return (
      <>
        Shown below is what was read <When at={detail.readAt} style="ago" />; it may be out of date.{' '}
      </>
    );
  const lastKnownAt = lastKnownAtOf(detail.instance);
  if (lastKnownAt !== null)
    return (
      <>
        Shown below is its last known status, read <When at={lastKnownAt} style="ago" />; its licenses are not shown
        until it is read again.{' '}
      </>
    );
  return <>Nothing has been read from it in this session, so its licenses are not shown. </>;
}

/** Why the latest read failed, in words, and what the page shows instead. */
function ReadProblem({ detail }: { detail: InstanceDetail }) {
  const error = detail.instance.lastRefresh;
  if (error === null || error.ok) return null;
  return (
    <div className="problem" role="alert">
      <p>
        <strong>{detail.instance.name} could not be read</strong> (<When at={error.at} style="ago" />
        ): {error.error?.message ?? 'the instance did not answer.'}
      </p>
      <p>
        <ReadProblemShown detail={detail} />
        Check the address, the API token (Edit) and the network, then Refresh.
      </p>
    </div>
  );
}

interface InstanceDetailViewProps {
  detail: InstanceDetail;
  now: number;
  loadProblem: string | null;
  slots: Omit<InstanceSlots, 'dialogs'>;
}

/** Everything the page shows once main has answered. */
export function InstanceDetailView({ detail, now, loadProblem: readAgainProblem, slots }: InstanceDetailViewProps) {
  const id = detail.instance.id;
  const refreshing = usePageRefreshing(id);
  const refresh = useRefreshInstance(id);
  const notice = useInstanceNotice(id);
  const { refreshProblem, actionProblem } = usePageOutcome(id);
  // A Refresh that got no answer, or a reading again (after main's event) that failed: what is shown is from before.
  const loadProblem = refreshProblem ?? readAgainProblem;
  return (
    <>
      <InstanceHeader detail={detail} now={now} actions={slots.actions} />
      <NextActionBanner detail={detail} now={now} renewal={slots.renewal} actions={slots.actions} />
      <p className="notice" role="status">
        {refreshing ? `Reading ${detail.instance.name}…` : notice}
      </p>
      {actionProblem !== null && (
        <p className="problem" role="alert">
          {actionProblem}
        </p>
      )}
      {loadProblem !== null && (
        <p className="problem" role="alert">
          <strong>The page could not be updated:</strong> {loadProblem} What is shown is from before.
        </p>
      )}
      {readFailed(detail) && <ReadProblem detail={detail} />}
      {!detail.hasToken && (
        <p className="problem" role="alert">
          <strong>No API token is in the token vault for {detail.instance.name}.</strong> The instance cannot be read
          until you enter one: press Edit.
        </p>
      )}
      <div className="instance-page__body" aria-busy={refreshing}>
        <div className="instance-page__cards">
          <InstallIdCard detail={detail} />
          <StatusCard detail={detail} now={now} />
        </div>
        <WarningsPanel detail={detail} />
        <LicensesTable detail={detail} now={now} installOpened={slots.actions.installOpened} />
        {/* Next to the licenses it is about; it arrives from the portal after the page, so it pushes only the timeline down. */}
        {slots.pendingInstall({
          instanceId: id,
          instanceName: detail.instance.name,
          refreshing,
          onRefresh: () => refresh.mutate(undefined),
        })}
        <InstanceTimeline detail={detail} now={now} />
      </div>
    </>
  );
}
