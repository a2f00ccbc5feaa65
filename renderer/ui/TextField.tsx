import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Why the value cannot be saved; shown under the field and tied to it. */
  problem?: string | undefined;
  hint?: string;
  /** Keep the hint under a problem too (it says something the problem does not). */
  hintAlways?: boolean;
}

/** A labelled input whose hint and problem are its accessible description. */
export function TextField({
  id,
  label,
  value,
  onValue,
  problem,
  hint: givenHint,
  hintAlways = false,
  ...input
}: TextFieldProps) {
  const hint = problem === undefined || hintAlways ? givenHint : undefined;
  const described = [problem === undefined ? null : `${id}-problem`, hint === undefined ? null : `${id}-hint`].filter(
    (part) => part !== null,
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
      />
      {problem !== undefined && (
        <p id={`${id}-problem`} className="hint hint--error">
          {problem}
        </p>
      )}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
