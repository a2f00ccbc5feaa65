interface OverCapacityConsentProps {
  name: string;
  acknowledged: boolean;
  /** While installing, the answer can no longer change. */
  disabled: boolean;
  onAcknowledged: (acknowledged: boolean) => void;
}

/** The one refusal that can be overridden: say what happens, and ask for an explicit "I understand". */
export function OverCapacityConsent({ name, acknowledged, disabled, onAcknowledged }: OverCapacityConsentProps) {
  return (
    <section className="install-section install-consent" aria-labelledby="install-consent-heading">
      <h3 id="install-consent-heading">Installing anyway makes {name} read-only at once</h3>
      <p id="install-consent-text">
        {name} has no license now. An unlicensed authentik instance whose first license has fewer seats than it has users turns
        read-only at once, without the two weeks of warnings an instance that had a license gets, and stays read-only until enough
        seats are licensed. Prefer a larger license, or remove users before installing this one.
      </p>
      <div className="install-consent__check">
        <input
          id="install-over-capacity"
          type="checkbox"
          checked={acknowledged}
          disabled={disabled}
          aria-describedby="install-consent-text"
          onChange={(event) => onAcknowledged(event.target.checked)}
        />
        <label htmlFor="install-over-capacity">I understand, install anyway</label>
      </div>
    </section>
  );
}
