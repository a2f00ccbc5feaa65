import { useEffect, type ReactNode } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { AddInstanceDialog } from './AddInstanceDialog';
import { BulkBar } from './BulkBar';
import { DashboardActions } from './DashboardActions';
import { DashboardOutcome } from './DashboardOutcome';
import { useDashboardScreen } from './dashboard-screen';
import { DataFolderNotice } from './DataFolderNotice';
import { DeleteOrphansDialog } from './DeleteOrphansDialog';
import { EditInstanceDialog } from './EditInstanceDialog';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import type { FleetRowExtras } from './FleetRow';
import { FleetTable } from './FleetTable';
import { KeychainAuditNotice } from './KeychainAuditNotice';
import { useRefreshAll } from './mutations';
import { NoMatches } from './NoMatches';
import { useDashboardRows } from './queries';
import { RefreshProgress } from './RefreshProgress';
import { RemoveInstanceDialog } from './RemoveInstanceDialog';
import { SummaryStrip } from './SummaryStrip';
import { useNow } from '../../ui/use-now';
import './triage.css';

const CLOCK_TICK_MS = 30_000;

/** The first time the dashboard shows instances in a session, it also reads every one of them. */
function useFirstRefresh(total: number, listed: boolean): void {
  const autoRefreshed = useDashboardScreen((state) => state.autoRefreshed);
  const autoRefreshDone = useDashboardScreen((state) => state.autoRefreshDone);
  const { mutate: refreshAll } = useRefreshAll();
  useEffect(() => {
    if (autoRefreshed || !listed || total === 0) return;
    autoRefreshDone();
    refreshAll();
  }, [autoRefreshed, listed, total, autoRefreshDone, refreshAll]);
}

/** What other features bring to the dashboard (the app shell passes them in). */
interface DashboardScreenProps {
  /** Renewed keys from the portal waiting to be installed. */
  pendingInstalls: ReactNode;
  installDialog: ReactNode;
  rowExtras: FleetRowExtras;
  /** "Import instances…" and its dialog, beside Add instance. */
  importAction?: ReactNode;
}

/** Every instance's license state at a glance, worst first. */
export function DashboardScreen({ pendingInstalls, installDialog, rowExtras, importAction }: DashboardScreenProps) {
  const now = useNow(CLOCK_TICK_MS);
  const { list, rows, visible } = useDashboardRows(now);
  const grouped = useDashboardScreen((state) => state.grouped);
  const groupingToggled = useDashboardScreen((state) => state.groupingToggled);
  const total = rows.length;
  const listed = list.data !== undefined || list.isError;
  useFirstRefresh(total, list.data !== undefined);

  return (
    <main className="screen screen--wide dashboard" aria-labelledby={SCREEN_HEADING_ID}>
      <div className="dashboard__top">
        <div>
          <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
            Instances
          </h1>
          <p className="lede">License status of every authentik instance you look after, worst first.</p>
        </div>
        <DashboardActions importAction={importAction} />
      </div>
      {/* Before the list: it explains why the list may be shorter than the person remembers. */}
      <DataFolderNotice />
      <RefreshProgress />
      <DashboardOutcome />
      {!listed ? (
        <p className="muted">Loading instances…</p>
      ) : list.error !== null && total === 0 ? (
        <p className="problem" role="alert">
          The instances could not be listed: {list.error.message}
        </p>
      ) : total === 0 ? (
        <EmptyState />
      ) : (
        <>
          <SummaryStrip rows={rows} now={now} />
          <FilterBar shown={visible.length} total={total} />
          <div className="fleet-tools">
            <button type="button" className="fleet-tools__group" aria-pressed={grouped} onClick={groupingToggled}>
              Group by customer
            </button>
            <BulkBar savedIds={rows.map((row) => row.id)} />
          </div>
          {visible.length === 0 ? <NoMatches /> : <FleetTable rows={visible} now={now} extras={rowExtras} />}
        </>
      )}
      {/* After the fleet: renewed keys from the portal and token vault housekeeping arrive a moment after the list, and must not push the list (or a button being pressed) down. */}
      {pendingInstalls}
      <KeychainAuditNotice />
      <AddInstanceDialog />
      <RemoveInstanceDialog />
      {installDialog}
      <EditInstanceDialog />
      <DeleteOrphansDialog />
    </main>
  );
}
