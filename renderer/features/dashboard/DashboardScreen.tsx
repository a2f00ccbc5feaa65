import { useEffect } from 'react';
import { SCREEN_HEADING_ID } from '../../app/navigation';
import { selectVisibleRows } from '../../store/instance-selectors';
import { useInstances } from '../../store/instances-context';
import { useKeychainAudit } from '../../store/keychain-audit-context';
import { InstallDialog } from '../install/InstallDialog';
import { PendingInstallsNotice } from '../portal-licenses/PendingInstallsNotice';
import { AddInstanceDialog } from './AddInstanceDialog';
import { DashboardActions } from './DashboardActions';
import { DataFolderNotice } from './DataFolderNotice';
import { DeleteOrphansDialog } from './DeleteOrphansDialog';
import { EditInstanceDialog } from './EditInstanceDialog';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { FleetTable } from './FleetTable';
import { KeychainAuditNotice } from './KeychainAuditNotice';
import { NoMatches } from './NoMatches';
import { RefreshProgress } from './RefreshProgress';
import { RemoveInstanceDialog } from './RemoveInstanceDialog';
import { useNow } from './use-now';

const CLOCK_TICK_MS = 30_000;

/** Every instance's license state at a glance, worst first. */
export function DashboardScreen() {
  const dashboardOpened = useInstances((state) => state.dashboardOpened);
  const listed = useInstances((state) => state.listed);
  const listProblem = useInstances((state) => state.listProblem);
  const total = useInstances((state) => state.rows.length);
  const visibleRows = useInstances(selectVisibleRows);
  const problem = useInstances((state) => state.problem);
  const notice = useInstances((state) => state.notice);
  const auditRequested = useKeychainAudit((state) => state.auditRequested);
  const now = useNow(CLOCK_TICK_MS);

  useEffect(() => {
    void dashboardOpened();
    void auditRequested();
  }, [dashboardOpened, auditRequested]);

  return (
    <main className="screen screen--wide dashboard" aria-labelledby={SCREEN_HEADING_ID}>
      <div className="dashboard__top">
        <div>
          <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
            Instances
          </h1>
          <p className="lede">License status of every authentik instance you look after, worst first.</p>
        </div>
        <DashboardActions />
      </div>
      {/* Before the list: it explains why the list may be shorter than the person remembers. */}
      <DataFolderNotice />
      <RefreshProgress />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      {!listed ? (
        <p className="muted">Loading instances…</p>
      ) : listProblem !== null && total === 0 ? (
        <p className="problem" role="alert">
          The instances could not be listed: {listProblem}
        </p>
      ) : total === 0 ? (
        <EmptyState />
      ) : (
        <>
          <FilterBar shown={visibleRows.length} total={total} />
          {visibleRows.length === 0 ? <NoMatches /> : <FleetTable rows={visibleRows} now={now} />}
        </>
      )}
      {/* After the fleet: renewed keys from the portal and token vault housekeeping arrive a moment after the list, and must not push the list (or a button being pressed) down. */}
      <PendingInstallsNotice />
      <KeychainAuditNotice />
      <AddInstanceDialog />
      <RemoveInstanceDialog />
      <InstallDialog />
      <EditInstanceDialog />
      <DeleteOrphansDialog />
    </main>
  );
}
