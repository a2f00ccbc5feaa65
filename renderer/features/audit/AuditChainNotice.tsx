import { screenChosen } from '../../app/navigation';
import { auditNeedsAttention, useAuditVerdict } from './queries';

/**
 * The chain as checked when the app started (and after each change), in a word beside the Audit link;
 * the header has no room for more, so which entry was altered is said under it (AuditChainNotice).
 */
export function AuditChainStatus() {
  const { data, error } = useAuditVerdict();
  const verification = data?.verification ?? null;
  if (error !== null || verification?.state === 'unverifiable')
    return <span className="audit-status audit-status--unverifiable">not checked</span>;
  if (verification === null) return <span className="audit-status">checking…</span>;
  if (verification.state === 'intact') return <span className="audit-status audit-status--intact">intact</span>;
  return <span className="audit-status audit-status--altered">altered</span>;
}

/**
 * What needs the person's attention about the trail, under the header on every screen but the Audit
 * screen (which says it in full): the first altered entry, why it could not be checked, or outcomes this
 * session could not record.
 */
export function AuditChainNotice() {
  const { data, error } = useAuditVerdict();
  if (!auditNeedsAttention(data, error)) return null;
  const verification = data?.verification ?? null;
  const unrecorded = data?.unrecorded ?? [];
  const chain =
    error?.message ?? (verification !== null && verification.state !== 'intact' ? verification.message : null);
  return (
    <div className="audit-notice problem" role="alert">
      {chain !== null && <p>{chain}</p>}
      {unrecorded.map((problem) => (
        <p key={problem}>{problem}</p>
      ))}
      <button type="button" onClick={() => screenChosen('audit')}>
        Open the audit trail
      </button>
    </div>
  );
}
