import { useId } from 'react';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { DateAndUtc } from './DateAndUtc';
import { wouldInstall } from './install-words';

const DAY_MS = 24 * 3600 * 1000;

function shift(now: string | null, after: string | null): string | null {
  if (now === null || after === null) return null;
  const days = Math.round((Date.parse(after) - Date.parse(now)) / DAY_MS);
  if (days === 0) return 'unchanged';
  return `${Math.abs(days).toLocaleString()} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`;
}

/** One way of reckoning the cumulative expiry, and its two dates in the preflight. */
interface Reckoning {
  label: string;
  hint: string;
  /** What "now" says when there is no date. */
  none: string;
  dates: (preflight: InstallPreflightView) => { now: string | null; after: string | null };
}

/** authentik's own (`latest_valid`) and the product guide's. */
const RECKONINGS: readonly Reckoning[] = [
  {
    label: 'As authentik computes it',
    hint: 'What authentik shows: the latest expiry of every installed license. “After installing” is what authentik is expected to show.',
    none: 'none: no license is installed',
    dates: (preflight) => ({ now: preflight.latestValidNow, after: preflight.latestValidAfter }),
  },
  {
    label: 'Per the product guide',
    hint: 'The earliest expiry among the licenses that have not expired yet.',
    none: 'none: no unexpired license is installed',
    dates: (preflight) => ({ now: preflight.cumulativeExpiryNow, after: preflight.cumulativeExpiryAfter }),
  },
];

/** One way of reckoning the cumulative expiry: now, and once the key is installed, with how far it moves. */
function ExpiryPair({ reckoning, preflight }: { reckoning: Reckoning; preflight: InstallPreflightView }) {
  const { label, hint, none } = reckoning;
  const { now, after } = reckoning.dates(preflight);
  const installs = wouldInstall(preflight);
  const moved = installs ? shift(now, after) : null;
  const headingId = useId();
  return (
    <div className="install-expiry" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{label}</h4>
      <p className="hint">{hint}</p>
      <dl className="install-facts">
        <dt>Now</dt>
        <dd>{now === null ? none : <DateAndUtc iso={now} />}</dd>
        <dt>After installing</dt>
        <dd>
          {!installs ? (
            'unchanged: nothing would be installed'
          ) : after === null ? (
            'not known'
          ) : (
            <>
              <DateAndUtc iso={after} />
              {moved !== null && <strong>, {moved}</strong>}
            </>
          )}
        </dd>
      </dl>
    </div>
  );
}

/** The cumulative license expiry now and once the key is installed: authentik's own (`latest_valid`) and the product guide's. */
export function CumulativeExpiryPanel({ preflight }: { preflight: InstallPreflightView }) {
  return (
    <section className="install-section" aria-labelledby="install-expiry-heading">
      <h3 id="install-expiry-heading">Cumulative license expiry</h3>
      {RECKONINGS.map((reckoning) => (
        <ExpiryPair key={reckoning.label} reckoning={reckoning} preflight={preflight} />
      ))}
    </section>
  );
}
