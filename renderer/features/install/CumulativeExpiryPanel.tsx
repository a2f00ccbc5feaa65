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

/** The product guide's cumulative license expiry now and once the key is installed. */
export function CumulativeExpiryPanel({ preflight }: { preflight: InstallPreflightView }) {
  const { cumulativeExpiryNow: now, cumulativeExpiryAfter: after } = preflight;
  const installs = wouldInstall(preflight);
  const moved = installs ? shift(now, after) : null;
  return (
    <section className="install-section" aria-labelledby="install-expiry-heading">
      <h3 id="install-expiry-heading">Cumulative license expiry</h3>
      <p className="hint">Per the product guide: the earliest expiry among the licenses that have not expired yet.</p>
      <dl className="install-facts">
        <dt>Now</dt>
        <dd>{now === null ? 'none: no unexpired license is installed' : <DateAndUtc iso={now} />}</dd>
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
    </section>
  );
}
