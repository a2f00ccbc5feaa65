import { FocusTip } from './FocusTip';

/** The row's renewal warnings: a count, listed in full on focus or hover (and to screen readers). */
export function WarningsCell({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return <span className="muted">None</span>;
  const noun = warnings.length === 1 ? 'renewal warning' : 'renewal warnings';
  return (
    <FocusTip
      className="warnings-trigger"
      trigger={
        <>
          <span aria-hidden="true">⚠ </span>
          {warnings.length}
          <span className="sr-only"> {noun}</span>
        </>
      }
    >
      <ul className="tip__list">
        {warnings.map((warning, index) => (
          // Warnings are sentences and may repeat; their place is their identity.
          <li key={index}>{warning}</li>
        ))}
      </ul>
    </FocusTip>
  );
}
