import type { OverCapacityView } from '../../../shared/instances/install-preflight-view';
import { READ_ONLY_WORDS, readOnlyConsequence } from './install-words';

interface OverCapacityConsentProps {
  name: string;
  /** main's finding: whether authentik is read-only now and after, and its last valid record. */
  overCapacity: OverCapacityView | null;
  acknowledged: boolean;
  /** While installing, the answer can no longer change. */
  disabled: boolean;
  onAcknowledged: (acknowledged: boolean) => void;
}

/** Why the users' excess means read-only here, in words: no valid record, or one more than 6 weeks old (or possibly so). */
function why(name: string, overCapacity: OverCapacityView | null): string {
  if (overCapacity?.lastValid.never === true) {
    return `${name} has no valid usage record (it never had a license that covered its users), so authentik counts its users’ excess as older than 6 weeks and turns it read-only at once, without the weeks of warnings.`;
  }
  const record = overCapacity?.readOnlyAtOnce === 'maybe' ? 'may be more than 6 weeks old' : 'is more than 6 weeks old';
  return `authentik is read-only while its users exceed the licensed seats more than 6 weeks after its last valid usage record, and ${name}’s ${record}.`;
}

/** The one refusal that can be overridden: say what happens, and ask for an explicit "I understand" that names it. */
export function OverCapacityConsent({
  name,
  overCapacity,
  acknowledged,
  disabled,
  onAcknowledged,
}: OverCapacityConsentProps) {
  const words = READ_ONLY_WORDS[readOnlyConsequence(overCapacity)];
  return (
    <section className="install-section install-consent" aria-labelledby="install-consent-heading">
      <h3 id="install-consent-heading">{words.consent(name)}</h3>
      <p id="install-consent-text">
        {why(name, overCapacity)} This key does not cover the users, so {name} stays read-only (authentik refuses most
        changes; logins and licenses still work) until enough seats are licensed. Prefer a larger license, or remove
        users before installing this one.
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
        <label htmlFor="install-over-capacity">{words.check(name)}</label>
      </div>
    </section>
  );
}
