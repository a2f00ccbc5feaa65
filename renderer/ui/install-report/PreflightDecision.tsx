import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { decisionTitle, decisionTone } from './install-words';
import { DatedText } from '../DatedText';
import { WarningList } from './WarningList';

/** The verdict in one line (what installing would do and change), why when it would not, and every warning. Focus lands here. */
export function PreflightDecision({
  preflight,
  name,
  replaces,
}: {
  preflight: InstallPreflightView;
  name: string;
  replaces: string | null;
}) {
  return (
    <section
      className={`install-section install-decision install-decision--${decisionTone(preflight)}`}
      aria-labelledby="install-decision-heading"
      data-action={preflight.action}
      data-reason={preflight.reason ?? undefined}
    >
      <h3 id="install-decision-heading" tabIndex={-1} data-step-focus>
        {decisionTitle(preflight, name, replaces)}
      </h3>
      {preflight.action !== 'send' && (
        <p className="install-decision__message">
          <DatedText text={preflight.message} />
        </p>
      )}
      <WarningList warnings={preflight.warnings} labelledBy="install-decision-heading" />
    </section>
  );
}
