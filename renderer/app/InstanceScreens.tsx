import { useMemo } from 'react';
import { FleetRowPending } from './FleetRowPending';
import { useDashboardScreen, dashboardNoticeShown } from '../features/dashboard/dashboard-screen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { EditInstanceDialog } from '../features/dashboard/EditInstanceDialog';
import { useEditInstanceScreen } from '../features/dashboard/edit-instance-screen';
import type { FleetRowExtras } from '../features/dashboard/FleetRow';
import { RemoveInstanceDialog } from '../features/dashboard/RemoveInstanceDialog';
import { ImportInstancesButton, ImportInstancesDialog } from '../features/fleet-import/ImportInstances';
import { InstallDialog } from '../features/install/InstallDialog';
import { useInstallScreen } from '../features/install/install-screen';
import { useInstanceScreen } from '../features/instance/instance-screen';
import type { InstanceSlots, PendingInstallSlotProps } from '../features/instance/instance-slots';
import { InstancePage } from '../features/instance/InstancePage';
import { PendingInstallCard } from '../features/portal-licenses/PendingInstallCard';
import { PendingInstallsNotice } from '../features/portal-licenses/PendingInstallsNotice';
import { usePendingRenewal } from './pending-renewal';

/** The install dialog, wherever it opens: an outcome that arrives once it is closed goes to the dashboard's notice. */
function AppInstallDialog() {
  return <InstallDialog onLateOutcome={dashboardNoticeShown} />;
}

const pendingInstall = (props: PendingInstallSlotProps) => (
  <PendingInstallCard {...props} noticeElsewhere={dashboardNoticeShown} />
);

/** `#instances`, with the portal's pending installs and the install dialog. */
export function DashboardRoute() {
  const installOpened = useInstallScreen((state) => state.installDialogOpened);
  // Stable, so that the memoized rows are not drawn again for it.
  const rowExtras = useMemo<FleetRowExtras>(() => ({ Pending: FleetRowPending, installOpened }), [installOpened]);
  return (
    <>
      <DashboardScreen
        pendingInstalls={<PendingInstallsNotice noticeElsewhere={dashboardNoticeShown} />}
        installDialog={<AppInstallDialog />}
        rowExtras={rowExtras}
        importAction={<ImportInstancesButton />}
      />
      <ImportInstancesDialog />
    </>
  );
}

/** `#instance/<id>`, with the dashboard's edit and remove dialogs, the install dialog and the portal's pending install. */
export function InstanceRoute({ id }: { id: string }) {
  const installOpened = useInstallScreen((state) => state.installDialogOpened);
  const editOpened = useEditInstanceScreen((state) => state.editDialogOpened);
  const removeOpened = useDashboardScreen((state) => state.removeDialogOpened);
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  const renewal = usePendingRenewal(id);
  const slots: InstanceSlots = {
    actions: { installOpened, editOpened, removeOpened },
    pendingInstall,
    renewal,
    dialogs: (
      <>
        <RemoveInstanceDialog />
        <AppInstallDialog />
        <EditInstanceDialog onSaved={(notice) => noticeShown(id, notice)} />
      </>
    ),
  };
  return <InstancePage id={id} slots={slots} />;
}
