import type { InstallOutcomeView } from '../../../shared/instances/install-outcome';
import { localDate, relativeDays } from '../../format/dates';
import { DateAndUtc } from './DateAndUtc';
import { WarningList } from './WarningList';

interface InstallOutcomeReportProps {
  outcome: Omit<InstallOutcomeView, 'instance'>;
  name: string;
  replaces: string | null;
  /** The product guide's cumulative expiry before installing, from the preflight. */
  before: string | null;
}

/** authentik's combined expiry (`latest_valid`) as read just after the install, with how far away it was then. */
function AuthentikExpiry({ expiry }: { expiry: InstallOutcomeView['authentikExpiry'] }) {
  if (expiry === null) return <>not known (the instance could not be read after installing)</>;
  const { latestValid, readAt } = expiry;
  if (latestValid === null) return <>none: no license is installed</>;
  const at = Date.parse(readAt);
  const distance = relativeDays(latestValid, at);
  return (
    <>
      <DateAndUtc iso={latestValid} />, {Date.parse(latestValid) <= at ? `expired ${distance}` : distance}
    </>
  );
}

/** What the install did, with the cumulative expiry it leads to: authentik's own, and the product guide's. Focus lands on its heading. */
export function InstallOutcomeReport({ outcome, name, replaces, before }: InstallOutcomeReportProps) {
  const already = outcome.reason === 'already_installed';
  const heading = !outcome.installed
    ? `Not installed on ${name}`
    : already
      ? `Already installed on ${name}`
      : replaces === null
        ? `Installed on ${name}`
        : `Replaced “${replaces}” on ${name}`;
  return (
    <section
      className={`install-section install-decision install-decision--${outcome.installed ? 'ok' : 'bad'}`}
      aria-labelledby="install-outcome-heading"
      data-installed={outcome.installed}
      data-reason={outcome.reason}
    >
      <h3 id="install-outcome-heading" tabIndex={-1} data-step-focus>
        {heading}
      </h3>
      {outcome.installed && (
        <>
          <p className="install-outcome__expiry">
            {already ? 'Already installed' : replaces === null ? 'Installed' : 'Replaced'}. Cumulative license expiry,
            as authentik reports it now (its latest_valid): <AuthentikExpiry expiry={outcome.authentikExpiry} />.
          </p>
          <p className="hint">
            Per the product guide (the earliest expiry among the licenses that have not expired yet):{' '}
            {outcome.cumulativeExpiry === null ? 'not known' : <DateAndUtc iso={outcome.cumulativeExpiry} />}
            {outcome.cumulativeExpiry !== null && before !== null && <>; it was {localDate(before)} before</>}.
          </p>
        </>
      )}
      <p>{outcome.message}</p>
      <WarningList warnings={outcome.warnings} labelledBy="install-outcome-heading" />
      {outcome.installed && (
        <p className="hint">The instance’s page and its row on the dashboard show its status as read just now.</p>
      )}
    </section>
  );
}
