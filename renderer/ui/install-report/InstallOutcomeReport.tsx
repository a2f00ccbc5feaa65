import type { InstallOutcomeView } from '../../../shared/instances/install-outcome';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { DatedText } from '../DatedText';
import { TechnicalDetails } from '../TechnicalDetails';
import { ChangeTable } from './PreflightChanges';
import { WarningList } from './WarningList';

/** What the preflight said before the install: the expiry and seats it started from and expected after. */
export type OutcomeBefore = Pick<
  InstallPreflightView,
  'latestValidNow' | 'latestValidAfter' | 'capacityNow' | 'capacityAfter' | 'usage' | 'cumulativeExpiryNow'
>;

interface InstallOutcomeReportProps {
  outcome: Omit<InstallOutcomeView, 'instance'>;
  name: string;
  replaces: string | null;
  /** The preflight the install followed; null when it is not known any more. */
  before: OutcomeBefore | null;
}

/**
 * What the install did, with expiry and seats before → after in the app's date format: the expiry as
 * authentik reported it just after (its own), the seats as the preflight counted them. Focus lands on its heading.
 */
export function InstallOutcomeReport({ outcome, name, replaces, before }: InstallOutcomeReportProps) {
  const already = outcome.reason === 'already_installed';
  const heading = !outcome.installed
    ? `Not installed on ${name}`
    : already
      ? `Already installed on ${name}`
      : replaces === null
        ? `Installed on ${name}`
        : `Replaced “${replaces}” on ${name}`;
  const read = outcome.authentikExpiry;
  const changed = outcome.installed && !already && before !== null;
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
      {!outcome.installed && (
        <p>
          <DatedText text={outcome.message} />
        </p>
      )}
      {changed && (
        <ChangeTable
          expiry={{
            before: before.latestValidNow,
            after: read === null ? before.latestValidAfter : read.latestValid,
          }}
          seats={{ before: before.capacityNow, after: before.capacityAfter }}
          usage={before.usage}
          labelledBy="install-outcome-heading"
        />
      )}
      {changed && read === null && (
        <p className="hint">The instance could not be read after installing: the expiry after is the one expected.</p>
      )}
      <WarningList warnings={outcome.warnings} labelledBy="install-outcome-heading" />
      {outcome.installed && (
        <TechnicalDetails>
          <p>{outcome.message}</p>
          <p>
            authentik’s combined expiry (latest_valid) as read after installing:{' '}
            {read === null ? 'not read' : read.latestValid === null ? 'none' : read.latestValid}
            {read !== null && <> (read {read.readAt})</>}. The product guide’s cumulative expiry:{' '}
            {outcome.cumulativeExpiry ?? 'not known'}
            {before?.cumulativeExpiryNow != null && <>, {before.cumulativeExpiryNow} before</>}.
          </p>
        </TechnicalDetails>
      )}
    </section>
  );
}
