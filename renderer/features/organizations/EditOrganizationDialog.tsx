import { useRef, type FormEvent } from 'react';
import { usePortalOrganization } from '../../store/portal-context';
import { selectEditProblems } from '../../store/portal-organization';
import { ModalDialog } from '../dashboard/ModalDialog';
import { OrganizationFields } from '../portal/OrganizationFields';

/** The Owner's edit: the organization's name and notification e-mail, checked before anything is sent. */
export function EditOrganizationDialog() {
  const open = usePortalOrganization((state) => state.editOpen);
  const name = usePortalOrganization((state) => state.organization?.name ?? 'the organization');
  const form = usePortalOrganization((state) => state.editForm);
  const problems = usePortalOrganization(selectEditProblems);
  const saving = usePortalOrganization((state) => state.saving);
  const editProblem = usePortalOrganization((state) => state.editProblem);
  const editFormEdited = usePortalOrganization((state) => state.editFormEdited);
  const editDialogClosed = usePortalOrganization((state) => state.editDialogClosed);
  const organizationSaveRequested = usePortalOrganization((state) => state.organizationSaveRequested);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    await organizationSaveRequested();
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <ModalDialog open={open} onDismiss={editDialogClosed} labelledBy="edit-org-title" describedBy="edit-org-intro" className="dialog dialog--form">
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={saving}>
        <h2 id="edit-org-title">Edit {name}</h2>
        <p id="edit-org-intro" className="hint">
          Owners can change the organization’s name and notification e-mail. Nothing changes unless the portal accepts both.
        </p>
        <OrganizationFields idPrefix="edit-org" form={form} problems={problems} onEdit={editFormEdited} autoFocus />
        {editProblem !== null && (
          <p className="problem" role="alert">
            {editProblem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" onClick={editDialogClosed}>
            Cancel
          </button>
          <button type="submit" className="primary" aria-disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
