import { useState } from 'react';
import { localDate } from '../../format/dates';
import { CA_FILE_EXTENSIONS } from '../../store/ca-file';
import type { CaView } from './use-ca-view';
import { FileChooser } from '../../ui/FileChooser';

function CaSummary({ ca }: { ca: CaView }) {
  if (ca.status === 'none') return null;
  if (ca.status === 'reading') return <p className="hint">Reading the certificate…</p>;
  if (ca.status === 'problem') return <p className="hint hint--error">{ca.problem}</p>;
  return (
    <ul className="ca-summary">
      {ca.certificates.map((certificate, index) => (
        <li key={certificate.sha256 ?? index}>
          <span className="ca-summary__subject">{certificate.subject}</span>
          {certificate.notAfter !== null && (
            <span className="muted"> · valid until {localDate(certificate.notAfter)}</span>
          )}
          {certificate.sha256 !== null && (
            <span className="ca-summary__fingerprint">
              SHA-256 <span className="mono small">{certificate.sha256}</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

interface CaFieldProps {
  /** Prefix of the field's element ids (`add`, `edit`), so two dialogs never share ids. */
  idPrefix: string;
  caPem: string;
  caFileName: string | null;
  ca: CaView;
  problem: string | undefined;
  onPem: (pem: string) => void;
  onFile: (file: File) => void;
}

/** An optional extra CA for instances behind a private PKI: paste PEM or choose a file; shows what it is. */
export function CaField({ idPrefix, caPem, caFileName, ca, problem, onPem, onFile }: CaFieldProps) {
  // Closed until wanted (most instances have a public certificate); open whenever it holds something.
  const [expanded, setExpanded] = useState(false);
  const open = expanded || caPem !== '' || ca.status === 'problem' || problem !== undefined;
  const id = `${idPrefix}-ca`;
  return (
    <details className="ca-field" open={open} onToggle={(event) => setExpanded(event.currentTarget.open)}>
      <summary>Extra CA certificate (optional)</summary>
      <label htmlFor={id}>CA certificate in PEM form</label>
      <textarea
        id={id}
        rows={3}
        value={caPem}
        onChange={(event) => onPem(event.target.value)}
        placeholder="-----BEGIN CERTIFICATE-----"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-hint ${id}-summary`}
      />
      <p id={`${id}-hint`} className="hint">
        Only needed when the instance’s HTTPS certificate comes from a private CA. Paste it, or choose a .pem, .crt or
        .cer file.
      </p>
      <FileChooser
        label="Choose CA file…"
        inputLabel="CA certificate file"
        extensions={CA_FILE_EXTENSIONS}
        onFile={onFile}
      >
        {caPem !== '' && (
          <button type="button" onClick={() => onPem('')}>
            Clear CA
          </button>
        )}
        {caFileName !== null && <span className="muted">Loaded from {caFileName}</span>}
      </FileChooser>
      <div id={`${id}-summary`} aria-live="polite">
        {problem !== undefined && ca.status !== 'problem' && <p className="hint hint--error">{problem}</p>}
        <CaSummary ca={ca} />
      </div>
    </details>
  );
}
