import { useMemo } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { useAuditFilters } from './audit-filters';
import { auditChoices, visibleLines } from './audit-lines';
import { AuditChainSummary } from './AuditChainSummary';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { useExportAudit } from './mutations';
import { useAuditEntries } from './queries';

/** The export buttons: the entries the filters leave, as a table or as written. */
const EXPORTS = [
  { format: 'csv', label: 'Export CSV', title: 'The entries the filters leave' },
  { format: 'jsonl', label: 'Export JSONL', title: 'The entries the filters leave, each line as written' },
] as const;

/** Who changed what, when, from this computer: the trail listed (newest first), filtered and exported, and its chain checked. */
export function AuditScreen() {
  const entries = useAuditEntries();
  const exported = useExportAudit();
  const filters = useAuditFilters((state) => state.filters);
  const lines = entries.data ?? null;
  const visible = useMemo(() => (lines === null ? [] : visibleLines(lines, filters)), [lines, filters]);
  const choices = useMemo(() => auditChoices(lines ?? []), [lines]);
  const listProblem = entries.error?.message ?? null;
  const problem = exported.isError ? `Export failed: ${exported.error.message}` : null;

  return (
    <main className="screen screen--wide audit" aria-labelledby={SCREEN_HEADING_ID}>
      <div className="dashboard__top">
        <div>
          <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
            Audit trail
          </h1>
          <p className="lede">
            Every change this app and aklm made from this computer: licenses, instances and the customer portal. Keys
            appear only as fingerprints.
          </p>
        </div>
        <div className="dashboard-actions" role="group" aria-label="Audit trail actions">
          <button type="button" onClick={() => void entries.refetch()}>
            Refresh
          </button>
          {EXPORTS.map(({ format, label, title }) => (
            <button
              key={format}
              type="button"
              onClick={() => exported.mutate({ format, fields: filters })}
              title={title}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <AuditChainSummary />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {listProblem !== null && (
        <p className="problem" role="alert">
          The audit trail could not be read: {listProblem}
        </p>
      )}
      {lines === null ? (
        listProblem === null && <p className="muted">Reading the audit trail…</p>
      ) : lines.length === 0 ? (
        <p className="muted">
          No entries yet. Installing, replacing or deleting a license, changing an instance and every change made in the
          customer portal add one.
        </p>
      ) : (
        <>
          <AuditFilterBar choices={choices} shown={visible.length} total={lines.length} />
          {visible.length === 0 ? (
            <p className="muted">No entries match these filters.</p>
          ) : (
            <AuditTable lines={visible} />
          )}
        </>
      )}
    </main>
  );
}
