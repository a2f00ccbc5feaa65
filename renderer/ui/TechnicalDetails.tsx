import type { ReactNode } from 'react';

/**
 * Where internal words belong: reason codes, server field names, ISO instants, command-line options. Closed
 * until opened; the words scan (test/unit/renderer/renderer-words.ts) lets identifiers appear only in here.
 */
export function TechnicalDetails({ children }: { children: ReactNode }) {
  return (
    <details className="technical">
      <summary>Technical details</summary>
      <div className="technical__body">{children}</div>
    </details>
  );
}
