import { usePortalOrganizations } from '../../store/portal-context';
import { ModalDialog } from '../dashboard/ModalDialog';
import { CreateOrganizationForm } from './CreateOrganizationForm';

/** "Create an organization" from "My organizations" (the first run shows the same form in the page). */
export function CreateOrganizationDialog() {
  const open = usePortalOrganizations((state) => state.createOpen);
  const createDialogClosed = usePortalOrganizations((state) => state.createDialogClosed);
  return (
    <ModalDialog open={open} onDismiss={createDialogClosed} labelledBy="create-org-title" describedBy="create-org-intro" className="dialog dialog--form">
      <h2 id="create-org-title">Create an organization</h2>
      <p id="create-org-intro" className="hint">
        You become its Owner. You can invite members and buy licenses for it afterwards.
      </p>
      <CreateOrganizationForm inDialog />
    </ModalDialog>
  );
}
