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

interface ExpiryPairProps {
  label: string;
  hint: string;
  now: string | null;
  after: string | null;
  installs: boolean;
  /** What "now" says when there is no date. */
  none: string;
}

/** One way of reckoning the cumulative expiry: now, and once the key is installed, with how far it moves. */
function ExpiryPair({ label, hint, now, after, installs, none }: ExpiryPairProps) {
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
  const installs = wouldInstall(preflight);
  return (
    <section className="install-section" aria-labelledby="install-expiry-heading">
      <h3 id="install-expiry-heading">Cumulative license expiry</h3>
      <ExpiryPair
        label="As authentik computes it"
        hint="The server’s latest_valid: the latest expiry of every installed license. “After installing” is what authentik is expected to show."
        now={preflight.latestValidNow}
        after={preflight.latestValidAfter}
        installs={installs}
        none="none: no license is installed"
      />
      <ExpiryPair
        label="Per the product guide"
        hint="The earliest expiry among the licenses that have not expired yet."
        now={preflight.cumulativeExpiryNow}
        after={preflight.cumulativeExpiryAfter}
        installs={installs}
        none="none: no unexpired license is installed"
      />
    </section>
  );
}
