import { Fragment, type ReactNode } from 'react';
import type { OverCapacityView } from '../../../shared/instances/install-preflight-view';
import { When } from '../When';

const STEP_LABELS: Record<OverCapacityView['steps'][number]['kind'], string> = {
  admin_banner: 'Administrators see a warning banner',
  user_banner: 'Users see a warning banner',
  read_only: 'The instance becomes read-only',
};

/** A date, or the span it lies in: "between A and B", "by B" when it has no lower bound. */
function span(earliest: string | null, latest: string): ReactNode {
  if (earliest === null)
    return (
      <>
        by <When at={latest} />
      </>
    );
  if (earliest.slice(0, 10) === latest.slice(0, 10)) return <When at={latest} />;
  return (
    <>
      between <When at={earliest} /> and <When at={latest} />
    </>
  );
}

function lastValid({ never, notBefore, notAfter }: OverCapacityView['lastValid']): ReactNode {
  if (never) return 'none: authentik has no record of a valid license state here';
  if (notAfter === null)
    return notBefore === null ? (
      'cannot be dated from what authentik reports'
    ) : (
      <>
        after <When at={notBefore} />
      </>
    );
  if (notBefore === null)
    return (
      <>
        before <When at={notAfter} />
      </>
    );
  return span(notBefore, notAfter);
}

/**
 * When the users would exceed the seats after the key: authentik's last valid usage record as the app
 * bounds it, and what authentik does from there, with the dates (on the instance's clock).
 */
export function OverCapacityOutlook({ overCapacity }: { overCapacity: OverCapacityView | null }) {
  if (overCapacity === null) return null;
  const atOnce = overCapacity.readOnlyAtOnce;
  return (
    <section className="install-section" aria-labelledby="install-outlook-heading">
      <h3 id="install-outlook-heading">What authentik does with too few seats</h3>
      <p className="hint">
        authentik counts its warnings and read-only from its last valid usage record, which its API does not show: the
        app bounds it from the status authentik reports and from earlier refreshes of this instance.
      </p>
      <dl className="install-facts">
        <dt>Last valid usage record</dt>
        <dd>{lastValid(overCapacity.lastValid)}</dd>
        <dt>Right after installing</dt>
        <dd>{atOnce === 'yes' ? 'read-only' : atOnce === 'maybe' ? 'possibly read-only' : 'not read-only'}</dd>
        {overCapacity.steps.map((step) => (
          <Fragment key={step.kind}>
            <dt>{STEP_LABELS[step.kind]}</dt>
            <dd>{span(step.earliest, step.latest)}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
