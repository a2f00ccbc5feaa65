import { localDate } from '../../format/dates';
import { DateAndUtc } from './DateAndUtc';
import { WarningList } from './WarningList';

interface InstallOutcomeReportProps {
  outcome: { installed: boolean; reason: string; message: string; warnings: readonly string[]; cumulativeExpiry: string | null };
  name: string;
  replaces: string | null;
  /** The cumulative expiry before installing, from the preflight. */
  before: string | null;
}

/** What the install did, with the guide's check that the cumulative expiry moved on. Focus lands on its heading. */
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
        <p className="install-outcome__expiry">
          {already ? 'Already installed' : replaces === null ? 'Installed' : 'Replaced'}. Cumulative license expiry:{' '}
          {outcome.cumulativeExpiry === null ? 'not known (the instance could not be read after installing)' : <DateAndUtc iso={outcome.cumulativeExpiry} />}
          {outcome.cumulativeExpiry !== null && before !== null && <span className="install-outcome__before">; it was {localDate(before)} before</span>}.
        </p>
      )}
      <p>{outcome.message}</p>
      <WarningList warnings={outcome.warnings} labelledBy="install-outcome-heading" />
      {outcome.installed && <p className="hint">The instance’s page and its row on the dashboard show its status as read just now.</p>}
    </section>
  );
}
