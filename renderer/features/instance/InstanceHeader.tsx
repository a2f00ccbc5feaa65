import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { lastKnownAtOf } from '../../store/instance-status';
import { When } from '../../ui/When';
import type { InstanceActions } from './instance-slots';
import { usePageRefreshing, useRefreshInstance } from './mutations';

function LastRefreshed({ detail, now }: { detail: InstanceDetail; now: number }) {
  const last = detail.instance.lastRefresh;
  const lastKnownAt = lastKnownAtOf(detail.instance);
  return (
    <>
      {last === null ? (
        'never'
      ) : (
        <>
          <When at={last.at} style="ago" now={now} />
          {!last.ok && <strong className="text-bad"> (failed)</strong>}
        </>
      )}
      {lastKnownAt !== null && (
        <span className="muted">
          {' '}
          · the status shown is the last known, as of <When at={lastKnownAt} style="ago" now={now} />
        </span>
      )}
    </>
  );
}

/** The instance's name, where it is and whose it is, when it was read, and what can be done to it. */
export function InstanceHeader({
  detail,
  now,
  actions,
}: {
  detail: InstanceDetail;
  now: number;
  actions: InstanceActions;
}) {
  const { instance } = detail;
  const refreshing = usePageRefreshing(instance.id);
  const refresh = useRefreshInstance(instance.id);
  return (
    <div className="instance-header">
      <div className="instance-header__title">
        <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
          {instance.name}
        </h1>
        <dl className="instance-facts">
          <dt>URL</dt>
          <dd>
            <span>{instance.url}</span>
            {instance.allowHttp && (
              <p className="plain-http-warning" role="note">
                Plain HTTP is allowed for this instance: its API token is sent unencrypted, and anyone on the network in
                between can read it. Give its https:// address under Edit… if it has one.
              </p>
            )}
          </dd>
          <dt>Customer</dt>
          <dd>{instance.customer ?? <span className="muted">none</span>}</dd>
          <dt>Tags</dt>
          <dd>
            {instance.tags.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <span className="flags">
                {instance.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </span>
            )}
          </dd>
          <dt>Version</dt>
          <dd>{instance.version ?? <span className="muted">not known</span>}</dd>
          <dt>Last refreshed</dt>
          <dd>
            <LastRefreshed detail={detail} now={now} />
          </dd>
        </dl>
      </div>
      <div className="instance-header__actions" role="group" aria-label={`Actions on ${instance.name}`}>
        <button type="button" className="primary" onClick={() => actions.installOpened(instance.id, instance.name)}>
          Install a key…
        </button>
        <button
          type="button"
          aria-disabled={refreshing}
          onClick={() => {
            // One read at a time: the button stays focusable while it reads (aria-disabled), so it guards here.
            if (!refreshing) refresh.mutate(undefined);
          }}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        <button type="button" onClick={() => actions.editOpened(instance.id)}>
          Edit…
        </button>
        <button type="button" onClick={() => actions.removeOpened(instance.id)}>
          Remove…
        </button>
      </div>
    </div>
  );
}
