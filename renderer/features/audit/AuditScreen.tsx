import { useEffect } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { selectVisibleLines } from '../../store/audit-selectors';
import { useAuditTrail } from '../../store/audit-trail-context';
import { AuditChainSummary } from './AuditChainSummary';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';

/** Who changed what, when, from this computer: the trail listed (newest first), filtered and exported, and its chain checked. */
export function AuditScreen() {
  const listRequested = useAuditTrail((state) => state.listRequested);
  const exportRequested = useAuditTrail((state) => state.exportRequested);
  const lines = useAuditTrail((state) => state.lines);
  const listProblem = useAuditTrail((state) => state.listProblem);
  const visible = useAuditTrail(selectVisibleLines);
  const problem = useAuditTrail((state) => state.problem);
  const notice = useAuditTrail((state) => state.notice);

  useEffect(() => {
    void listRequested();
  }, [listRequested]);

  return (
    <main className="screen screen--wide audit" aria-labelledby={SCREEN_HEADING_ID}>
      <div className="dashboard__top">
        <div>
          <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
            Audit trail
          </h1>
          <p className="lede">Every change this app and aklm made from this computer: licenses, instances and the customer portal. Keys appear only as fingerprints.</p>
        </div>
        <div className="dashboard-actions" role="group" aria-label="Audit trail actions">
          <button type="button" onClick={() => void listRequested()}>
            Check again
          </button>
          <button type="button" onClick={() => void exportRequested('csv')} title="The entries the filters leave">
            Export CSV
          </button>
          <button type="button" onClick={() => void exportRequested('jsonl')} title="The entries the filters leave, each line as written">
            Export JSONL
          </button>
        </div>
      </div>
      <AuditChainSummary />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      {listProblem !== null && (
        <p className="problem" role="alert">
          The audit trail could not be read: {listProblem}
        </p>
      )}
      {lines === null ? (
        listProblem === null && <p className="muted">Reading the audit trail…</p>
      ) : lines.length === 0 ? (
        <p className="muted">No entries yet. Installing, replacing or deleting a license, changing an instance and every change made in the customer portal add one.</p>
      ) : (
        <>
          <AuditFilterBar shown={visible.length} total={lines.length} />
          {visible.length === 0 ? <p className="muted">No entries match these filters.</p> : <AuditTable lines={visible} />}
        </>
      )}
    </main>
  );
}
