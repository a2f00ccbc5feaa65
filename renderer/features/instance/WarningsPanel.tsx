import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { DETAIL_WARNING_WORDS, skewWords } from './instance-words';

/** Situations with a specific fix (each with what to do), the report's other warnings, then notes. */
export function WarningsPanel({ detail }: { detail: InstanceDetail }) {
  const { warnings, notes, instance, clockSkewMs } = detail;
  const others = instance.warnings.filter((warning) => !warnings.some((known) => known.message === warning));
  const count = warnings.length + others.length;
  return (
    <section
      className={`panel warnings-panel${count > 0 ? ' warnings-panel--some' : ''}`}
      aria-labelledby="warnings-heading"
    >
      <h2 id="warnings-heading">
        Warnings <span className="muted">({count === 0 ? 'none' : count.toLocaleString()})</span>
      </h2>
      {count === 0 && <p className="muted">Nothing needs attention.</p>}
      {warnings.length > 0 && (
        <ul className="warning-list">
          {warnings.map((warning) => {
            const words = DETAIL_WARNING_WORDS[warning.kind];
            return (
              <li key={`${warning.kind}:${warning.message}`} className="warning-item" data-kind={warning.kind}>
                <h3>
                  <span aria-hidden="true">⚠ </span>
                  {words.title}
                  {warning.kind === 'clock_skew' && clockSkewMs !== null && <>: {skewWords(clockSkewMs)}</>}
                </h3>
                <p>{warning.message}</p>
                <p>
                  <strong>What to do:</strong> {words.action}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="warning-list">
          {others.map((warning) => (
            <li key={warning} className="warning-item">
              <p>
                <strong className="text-warn">Warning:</strong> {warning}
              </p>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <>
          <h3 id="notes-heading">Notes</h3>
          <ul aria-labelledby="notes-heading" className="notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
