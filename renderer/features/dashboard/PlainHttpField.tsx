interface PlainHttpFieldProps {
  /** Prefix of the field's element ids (`add`, `edit`), so two dialogs never share ids. */
  idPrefix: string;
  allowed: boolean;
  onAllowed: (allowed: boolean) => void;
}

/**
 * "Allow plain HTTP", shown only for an http:// address of another computer: the one case where the API
 * token would cross the network unencrypted, which main refuses unless this is ticked.
 */
export function PlainHttpField({ idPrefix, allowed, onAllowed }: PlainHttpFieldProps) {
  const id = `${idPrefix}-allow-http`;
  return (
    <div className="plain-http-field">
      <div className="plain-http-field__check">
        <input
          id={id}
          type="checkbox"
          checked={allowed}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onAllowed(event.target.checked)}
        />
        <label htmlFor={id}>Allow plain HTTP (the API token is sent unencrypted)</label>
      </div>
      <p id={`${id}-hint`} className="hint">
        Anyone on the network between this computer and the instance can read the token and use it. Prefer the
        instance’s https:// address.
      </p>
    </div>
  );
}
