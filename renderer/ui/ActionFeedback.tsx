interface ActionFeedbackProps {
  /** The refusal of what the person last asked for, one line; null while there is none. */
  problem: string | null;
  /** The headline before the refusal, saying what did not happen; without it the refusal is the headline. */
  lead?: string;
  /** Why, at more length: behind a "Why?" disclosure under the refusal, closed until asked for. */
  detail?: string | null;
  /** What is under way ('' while nothing is), in a status line; omit where there is no such line. */
  status?: string;
}

/**
 * What became of the last action, read out at once: a bold headline and at most one more line, any longer
 * explanation behind "Why?"; then (where given) what is under way. Successes are toasts (renderer/ui/toasts.ts).
 */
export function ActionFeedback({ problem, lead, detail, status }: ActionFeedbackProps) {
  return (
    <>
      {problem !== null && (
        <div className="problem" role="alert">
          <p className="problem__headline">
            {lead === undefined ? (
              <strong>{problem}</strong>
            ) : (
              <>
                <strong>{lead}</strong> {problem}
              </>
            )}
          </p>
          {detail !== undefined && detail !== null && detail !== '' && <Why detail={detail} />}
        </div>
      )}
      {status !== undefined && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
    </>
  );
}

/** A message's longer explanation, closed behind "Why?" so the headline stays one line. */
export function Why({ detail }: { detail: string }) {
  return (
    <details className="why">
      <summary>Why?</summary>
      <p>{detail}</p>
    </details>
  );
}
