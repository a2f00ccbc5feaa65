import { countryChoices } from './countries';

interface CountrySelectProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  onBlur: () => void;
  problem: string | undefined;
  disabled: boolean;
}

/** The billing country, chosen by name (stored as its ISO code); its problem is its accessible description. */
export function CountrySelect({ id, label, value, onValue, onBlur, problem, disabled }: CountrySelectProps) {
  const hintId = `${id}-hint`;
  const described = problem === undefined ? hintId : `${id}-problem ${hintId}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        onBlur={onBlur}
        disabled={disabled}
        autoComplete="country"
        aria-invalid={problem !== undefined}
        aria-describedby={described}
      >
        <option value="">Not set</option>
        {countryChoices(value).map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {problem !== undefined && (
        <p id={`${id}-problem`} className="hint hint--error">
          {problem}
        </p>
      )}
      <p id={hintId} className="hint">
        The postal code and tax ID are checked against it.
      </p>
    </div>
  );
}
