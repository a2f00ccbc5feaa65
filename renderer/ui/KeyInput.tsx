import { useState, type DragEvent } from 'react';
import { FileChooser } from './FileChooser';
import { KEY_FILE_EXTENSIONS } from '../store/key-file';

interface KeyInputProps {
  /** The textarea's id; its hint is `${id}-hint`. */
  id: string;
  value: string;
  /** Where the key came from when it was dropped or chosen. */
  fileName: string | null;
  /** Once checked the key is shown as dots and a length only. */
  masked: boolean;
  /** Shown read-only after the person asked to see a masked key (only where `onRevealToggled` is given). */
  revealed?: boolean;
  /** What happens to the key, in one sentence. */
  hint: string;
  /** The button that empties the field; "Clear" unless told. */
  clearLabel?: string;
  /** Marks the textarea for the dialog's initial focus. */
  autoFocus?: boolean;
  testId?: string;
  onEdited: (key: string) => void;
  onFileChosen: (file: File) => void;
  onCleared: () => void;
  /** Offers "Show key" / "Hide key" for a masked key; omit to never show it again. */
  onRevealToggled?: () => void;
}

/** Paste a key, drop a key file or choose one (.jwt, .txt, .lic); masked once checked. */
export function KeyInput({
  id,
  value,
  fileName,
  masked,
  revealed = false,
  hint,
  clearLabel = 'Clear',
  autoFocus = false,
  testId,
  onEdited,
  onFileChosen,
  onCleared,
  onRevealToggled,
}: KeyInputProps) {
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) onFileChosen(file);
  };

  return (
    <div
      className={`key-field${dragging ? ' key-field--dragging' : ''}`}
      data-testid={testId}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>License key</label>
      {masked ? (
        <div
          className="key-masked"
          id={id}
          role="textbox"
          aria-readonly="true"
          aria-label="License key (hidden)"
          aria-describedby={`${id}-hint`}
          tabIndex={0}
        >
          <span aria-hidden="true">{'•'.repeat(24)}</span>
          <span className="key-masked__note">
            hidden, {value.length.toLocaleString()} characters{fileName !== null ? ` from ${fileName}` : ''}
          </span>
        </div>
      ) : (
        <textarea
          id={id}
          value={value}
          readOnly={revealed}
          onChange={(event) => onEdited(event.target.value)}
          placeholder="Paste a license key (eyJhbGciOiJFUzUxMiIs…), or drop a .jwt, .txt or .lic file here"
          spellCheck={false}
          autoComplete="off"
          rows={5}
          aria-describedby={`${id}-hint`}
          data-autofocus={autoFocus ? true : undefined}
        />
      )}
      <p id={`${id}-hint`} className="hint">
        {hint}
        {fileName !== null && !masked ? ` Loaded from ${fileName}.` : ''}
      </p>
      <FileChooser label="Choose file…" inputLabel="Key file" extensions={KEY_FILE_EXTENSIONS} onFile={onFileChosen}>
        {onRevealToggled !== undefined && value !== '' && (masked || revealed) && (
          <button type="button" onClick={onRevealToggled} aria-pressed={revealed}>
            {revealed ? 'Hide key' : 'Show key'}
          </button>
        )}
        {value !== '' && (
          <button type="button" onClick={onCleared}>
            {clearLabel}
          </button>
        )}
      </FileChooser>
    </div>
  );
}
