import type { ReactNode } from 'react';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import { OverCapacityConsent } from './OverCapacityConsent';
import { uncoveringChange } from './verdict-line';
import { installOffer } from '../../../shared/instances/install-offer';

interface ConsentProps {
  preflight: InstallPreflightView;
  name: string;
  acknowledged: boolean;
  disabled: boolean;
  onAcknowledged: (acknowledged: boolean) => void;
}

/**
 * Whether installing needs an explicit consent first: when it can only be forced (too few seats, read-only
 * at once), or when it leaves users uncovered (fewer seats than users, fewer seats or an earlier expiry than now).
 */
export function needsConsent(preflight: InstallPreflightView): boolean {
  return installOffer(preflight) === 'install-anyway' || uncoveringChange(preflight) !== null;
}

/** The consent the preflight asks for, if any: the over-capacity one, or one for a change that uncovers users. */
export function InstallConsent({ preflight, name, acknowledged, disabled, onAcknowledged }: ConsentProps): ReactNode {
  if (installOffer(preflight) === 'install-anyway')
    return (
      <OverCapacityConsent
        name={name}
        overCapacity={preflight.overCapacity}
        acknowledged={acknowledged}
        disabled={disabled}
        onAcknowledged={onAcknowledged}
      />
    );
  const why = uncoveringChange(preflight);
  if (why === null) return null;
  return (
    <section className="install-section install-consent" aria-labelledby="install-consent-heading">
      <h3 id="install-consent-heading">This leaves users on {name} less covered</h3>
      <p id="install-consent-text">Once installed, {why}.</p>
      <div className="install-consent__check">
        <input
          id="install-uncovering"
          type="checkbox"
          checked={acknowledged}
          disabled={disabled}
          aria-describedby="install-consent-text"
          onChange={(event) => onAcknowledged(event.target.checked)}
        />
        <label htmlFor="install-uncovering">I understand that users on {name} are less covered; install anyway</label>
      </div>
    </section>
  );
}
