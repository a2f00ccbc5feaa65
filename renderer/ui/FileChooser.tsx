import { useRef, type ReactNode } from 'react';

interface FileChooserProps {
  /** The button's words. */
  label: string;
  /** The accessible name of the (hidden) file input the button opens. */
  inputLabel: string;
  /** The file name endings offered. */
  extensions: readonly string[];
  onFile: (file: File) => void;
  /** More buttons and words, on the same row after the button. */
  children?: ReactNode;
}

/** A row with a button that opens the system's file chooser; the same file can be chosen again. */
export function FileChooser({ label, inputLabel, extensions, onFile, children }: FileChooserProps) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="row">
      <button type="button" onClick={() => picker.current?.click()}>
        {label}
      </button>
      {children}
      <input
        ref={picker}
        type="file"
        accept={extensions.join(',')}
        hidden
        aria-label={inputLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) onFile(file);
        }}
      />
    </div>
  );
}
