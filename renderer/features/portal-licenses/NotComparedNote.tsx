interface NotComparedNoteProps {
  /** The license, when the note is not already beside it (the dashboard, the instance page). */
  licenseName?: string;
  instanceName: string;
  /** The last read's error, in words. */
  problem: string;
  refreshing: boolean;
  onRefresh: () => void;
}

/**
 * A license that could not be compared with an instance's installed keys because the instance's last read
 * failed: said in words (whether its key is installed there is unknown), with Refresh to read it again.
 */
export function NotComparedNote({ licenseName, instanceName, problem, refreshing, onRefresh }: NotComparedNoteProps) {
  const what = licenseName === undefined ? 'This license' : `“${licenseName}”`;
  return (
    <span className="not-compared" data-not-compared="true">
      <span className="not-compared__text">
        {what} could not be compared with {instanceName}: the instance’s last read failed ({problem.replace(/\.$/, '')}
        ), so whether its key is installed there is unknown.
      </span>{' '}
      <button
        type="button"
        className="small-button"
        aria-disabled={refreshing}
        onClick={() => !refreshing && onRefresh()}
      >
        {refreshing ? `Reading ${instanceName}…` : `Refresh ${instanceName}`}
      </button>
    </span>
  );
}
