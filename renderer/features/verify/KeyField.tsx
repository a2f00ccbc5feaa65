import { useRef, useState, type DragEvent } from 'react';
import { KEY_FILE_EXTENSIONS, selectKeyMasked } from '../../store/verify';
import { useVerify } from '../../store/verify-context';

/** Paste a key, drop a key file or choose one; masked once verified until the user reveals it. */
export function KeyField() {
  const key = useVerify((state) => state.key);
  const fileName = useVerify((state) => state.fileName);
  const masked = useVerify(selectKeyMasked);
  const revealed = useVerify((state) => state.keyRevealed && state.verdict !== null);
  const keyEdited = useVerify((state) => state.keyEdited);
  const keyFileChosen = useVerify((state) => state.keyFileChosen);
  const keyRevealToggled = useVerify((state) => state.keyRevealToggled);
  const keyCleared = useVerify((state) => state.keyCleared);
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void keyFileChosen(file);
  };

  return (
    <div
      className={`key-field${dragging ? ' key-field--dragging' : ''}`}
      data-testid="key-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor="license-key">License key</label>
      {masked ? (
        <div className="key-masked" id="license-key" role="textbox" aria-readonly="true" aria-label="License key (hidden)" tabIndex={0}>
          <span aria-hidden="true">{'•'.repeat(24)}</span>
          <span className="key-masked__note">
            hidden, {key.length.toLocaleString()} characters{fileName !== null ? ` from ${fileName}` : ''}
          </span>
        </div>
      ) : (
        <textarea
          id="license-key"
          value={key}
          readOnly={revealed}
          onChange={(event) => keyEdited(event.target.value)}
          placeholder="Paste a license key (eyJhbGciOiJFUzUxMiIs…), or drop a .jwt, .txt or .lic file here"
          spellCheck={false}
          autoComplete="off"
          rows={5}
          aria-describedby="license-key-hint"
        />
      )}
      <p id="license-key-hint" className="hint">
        The key is checked on this computer and never sent anywhere.
        {fileName !== null && !masked ? ` Loaded from ${fileName}.` : ''}
      </p>
      <div className="row">
        <button type="button" onClick={() => picker.current?.click()}>
          Choose file…
        </button>
        {key !== '' && (masked || revealed) && (
          <button type="button" onClick={keyRevealToggled} aria-pressed={revealed}>
            {revealed ? 'Hide key' : 'Show key'}
          </button>
        )}
        {key !== '' && (
          <button type="button" onClick={keyCleared}>
            Clear
          </button>
        )}
        <input
          ref={picker}
          type="file"
          accept={KEY_FILE_EXTENSIONS.join(',')}
          hidden
          aria-label="Key file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file !== undefined) void keyFileChosen(file);
          }}
        />
      </div>
    </div>
  );
}
