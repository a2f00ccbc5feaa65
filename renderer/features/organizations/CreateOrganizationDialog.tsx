import { useIsMutating } from '@tanstack/react-query';
import { ModalDialog } from '../../ui/ModalDialog';
import { CreateOrganizationForm } from './CreateOrganizationForm';
import { organizationMutationKeys } from './mutations';

/** "Create an organization" from "My organizations" (the first run shows the same form in the page); a fresh form each time it opens. */
export function CreateOrganizationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const creating = useIsMutating({ mutationKey: organizationMutationKeys.create }) > 0;
  // It stays open while the portal answers: the answer (or its refusal) is shown in it.
  const close = (): void => {
    if (!creating) onClose();
  };
  return (
    <ModalDialog
      open={open}
      onDismiss={close}
      labelledBy="create-org-title"
      describedBy="create-org-intro"
      className="dialog dialog--form"
    >
      <h2 id="create-org-title">Create an organization</h2>
      <p id="create-org-intro" className="hint">
        You become its Owner. You can invite members and buy licenses for it afterwards.
      </p>
      <CreateOrganizationForm onCancel={close} />
    </ModalDialog>
  );
}
