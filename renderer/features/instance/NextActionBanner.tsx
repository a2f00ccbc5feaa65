import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { DatedText } from '../../ui/DatedText';
import { When } from '../../ui/When';
import { TechnicalDetails } from '../../ui/TechnicalDetails';
import type { InstanceActions, RenewalAction } from './instance-slots';
import { usePageRefreshing, useOpenPortal, useRefreshInstance } from './mutations';
import { nextAction, type NextActionKind, type Severity } from './next-action';

const SEVERITY_WORDS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', ok: 'OK' };

/** Where a "Review …" button takes the reader: the section, scrolled to and focused. */
const REVIEWED: Partial<Record<NextActionKind, string>> = {
  review_install_id: 'install-id-heading',
  review_licenses: 'licenses-heading',
  review_warnings: 'warnings-heading',
};

function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (heading === null) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

interface NextActionBannerProps {
  detail: InstanceDetail;
  now: number;
  renewal: RenewalAction | null;
  actions: InstanceActions;
}

/** The one thing to do next on this instance, at the top of its page, with the button that does it. */
export function NextActionBanner({ detail, now, renewal, actions }: NextActionBannerProps) {
  const { instance } = detail;
  const next = nextAction(detail, renewal, now);
  const refreshing = usePageRefreshing(instance.id);
  const refresh = useRefreshInstance(instance.id);
  const openPortal = useOpenPortal(instance.id);
  const run = (kind: NextActionKind): void => {
    const heading = REVIEWED[kind];
    if (heading !== undefined) return focusHeading(heading);
    switch (kind) {
      case 'refresh':
        if (!refreshing) refresh.mutate(undefined);
        return;
      case 'edit':
        return actions.editOpened(instance.id);
      case 'install':
        return actions.installOpened(instance.id, instance.name);
      case 'install_renewed':
        return renewal?.install();
      default:
        // Renew and Buy seats: the customer portal's purchase page for this Install ID.
        if (instance.installId !== null) openPortal.mutate({ installId: instance.installId, url: instance.url });
    }
  };
  const unavailable = next.action !== null && next.action.kind === 'renew' && instance.installId === null;
  return (
    <section
      className={`next-action next-action--${next.severity}`}
      role={next.severity === 'critical' ? 'alert' : 'status'}
      aria-label="Next action"
      data-severity={next.severity}
    >
      <p className="next-action__headline">
        <span className="next-action__severity">{SEVERITY_WORDS[next.severity]}</span> <strong>{next.headline}</strong>
        {next.at !== null && (
          <>
            {' '}
            <When at={next.at.iso} style={next.at.style} now={now} />
          </>
        )}
      </p>
      {next.action !== null && (
        <button
          type="button"
          className="primary next-action__button"
          aria-disabled={unavailable || (next.action.kind === 'refresh' && refreshing)}
          onClick={() => {
            if (next.action !== null && !unavailable) run(next.action.kind);
          }}
        >
          {next.action.kind === 'refresh' && refreshing ? 'Refreshing…' : next.action.label}
        </button>
      )}
      {(next.why !== null || next.also.length > 0) && (
        <details className="next-action__why">
          <summary>Why?</summary>
          {next.why !== null && (
            <p>
              <DatedText text={next.why} />
            </p>
          )}
          {next.also.length > 0 && (
            <>
              <p>Also needs attention:</p>
              <ul>
                {next.also.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      <TechnicalDetails>
        <p>
          Signal: <code>{next.code}</code>
        </p>
      </TechnicalDetails>
    </section>
  );
}
