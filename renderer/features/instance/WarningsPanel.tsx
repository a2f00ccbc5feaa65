import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { DatedText } from '../../ui/DatedText';
import { DETAIL_WARNING_WORDS, skewWords } from './instance-words';

/** Situations with a specific fix (each with what to do), the report's other warnings, then notes. */
export function WarningsPanel({ detail }: { detail: InstanceDetail }) {
  const { warnings, notes, instance, clockSkewMs } = detail;
  const others = instance.warnings.filter((warning) => !warnings.some((known) => known.message === warning));
  const count = warnings.length + others.length;
  // Nothing to warn about and nothing to note: the next-action banner says how the instance is.
  if (count === 0 && notes.length === 0) return null;
  return (
    <section
      className={`panel warnings-panel${count > 0 ? ' warnings-panel--some' : ''}`}
      aria-labelledby="warnings-heading"
    >
      <h2 id="warnings-heading">
        {count === 0 ? 'Notes' : 'Warnings'}
        {count > 0 && <span className="muted"> ({count.toLocaleString()})</span>}
      </h2>
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
                <p>
                  <DatedText text={warning.message} />
                </p>
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
                <strong className="text-warn">Warning:</strong> <DatedText text={warning} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <>
          {count > 0 && <h3 id="notes-heading">Notes</h3>}
          <ul aria-labelledby={count > 0 ? 'notes-heading' : 'warnings-heading'} className="notes">
            {notes.map((note) => (
              <li key={note}>
                <DatedText text={note} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
