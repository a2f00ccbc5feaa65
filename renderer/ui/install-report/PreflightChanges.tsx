import type { ReactNode } from 'react';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import type { UserCounts } from '../../../shared/license/capacity';
import { When } from '../When';

/** One date before → after, in the app's date format; "none" where there is none. */
export function DateChange({ before, after }: { before: string | null; after: string | null }) {
  const date = (iso: string | null): ReactNode => (iso === null ? 'none' : <When at={iso} />);
  return (
    <>
      {date(before)} <span aria-hidden="true">→</span>
      <span className="sr-only"> to </span> {date(after)}
    </>
  );
}

function count(before: number, after: number): ReactNode {
  return before === after ? (
    <>{after.toLocaleString()} (unchanged)</>
  ) : (
    <>
      {before.toLocaleString()} <span aria-hidden="true">→</span>
      <span className="sr-only"> to </span> {after.toLocaleString()}
    </>
  );
}

interface ChangeTableProps {
  expiry: { before: string | null; after: string | null };
  seats: { before: UserCounts; after: UserCounts };
  usage: UserCounts | null;
  labelledBy: string;
}

/** Expiry and seats before → after, and the users in use they are for. */
export function ChangeTable({ expiry, seats, usage, labelledBy }: ChangeTableProps) {
  const external = seats.before.externalUsers > 0 || seats.after.externalUsers > 0;
  return (
    <dl className="install-facts install-changes" aria-labelledby={labelledBy}>
      <dt>Expiry</dt>
      <dd>
        <DateChange before={expiry.before} after={expiry.after} />
      </dd>
      <dt>Internal seats</dt>
      <dd>{count(seats.before.internalUsers, seats.after.internalUsers)}</dd>
      {external && (
        <>
          <dt>External seats</dt>
          <dd>{count(seats.before.externalUsers, seats.after.externalUsers)}</dd>
        </>
      )}
      <dt>Users in use</dt>
      <dd>
        {usage === null
          ? 'not known'
          : `${usage.internalUsers.toLocaleString()} internal, ${usage.externalUsers.toLocaleString()} external`}
      </dd>
    </dl>
  );
}

/** What installing would change: authentik's expiry and the licensed seats, before → after. */
export function PreflightChanges({ preflight }: { preflight: InstallPreflightView }) {
  return (
    <section className="install-section" aria-labelledby="install-changes-heading">
      <h3 id="install-changes-heading">What changes</h3>
      <ChangeTable
        expiry={{ before: preflight.latestValidNow, after: preflight.latestValidAfter }}
        seats={{ before: preflight.capacityNow, after: preflight.capacityAfter }}
        usage={preflight.usage}
        labelledBy="install-changes-heading"
      />
    </section>
  );
}
