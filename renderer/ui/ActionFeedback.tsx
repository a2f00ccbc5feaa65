interface ActionFeedbackProps {
  /** The refusal of what the person last asked for; null while there is none. */
  problem: string | null;
  /** A bold sentence before the refusal, saying what did not happen. */
  lead?: string;
  /** What is under way ('' while nothing is), in a status line; omit where there is no such line. */
  status?: string;
}

/** What became of the last action: its refusal read out at once, then (where given) what is under way. */
export function ActionFeedback({ problem, lead, status }: ActionFeedbackProps) {
  return (
    <>
      {problem !== null && (
        <p className="problem" role="alert">
          {lead === undefined ? (
            problem
          ) : (
            <>
              <strong>{lead}</strong> {problem}
            </>
          )}
        </p>
      )}
      {status !== undefined && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
    </>
  );
}
