import { useIsMutating } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { useFormDraft } from '../../ui/form-draft';
import { ModalDialog } from '../../ui/ModalDialog';
import { ActionFeedback } from '../../ui/ActionFeedback';
import { SubmitActions } from '../../ui/SubmitActions';
import { showToast } from '../../ui/toasts';
import { organizationMutationKeys, useUpdateOrganization } from './mutations';
import { focusFirstProblem } from '../../ui/focus-first-problem';
import { changeOf, orgFormProblems, orgFormShown, type OrgForm } from './org-form';
import { OrganizationFields } from './OrganizationFields';
import { useOrganizationScreen } from './organization-screen';

/** The dialog's form, drawn afresh each time the dialog opens: the draft starts from the organization as shown. */
function EditOrganizationForm({ organization, onCancel }: { organization: Organization; onCancel: () => void }) {
  const draft = useFormDraft<OrgForm>({ name: organization.name, notificationEmail: organization.notification_email });
  const update = useUpdateOrganization(organization.id);
  const editClosed = useOrganizationScreen((state) => state.editClosed);
  const formRef = useRef<HTMLFormElement>(null);
  const { problems, problem } = orgFormShown(draft, update.error, `save ${organization.name}`);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (update.isPending) return;
    draft.submit();
    update.reset();
    if (Object.keys(orgFormProblems(draft.form)).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    const change = changeOf(organization, draft.form);
    if (change === null) {
      editClosed();
      showToast({ tone: 'info', title: 'Nothing changed: the name and notification e-mail are as they were.' });
      return;
    }
    update.mutate(change, { onSuccess: editClosed, onError: () => focusFirstProblem(formRef.current) });
  };

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-busy={update.isPending}>
      <h2 id="edit-org-title">Edit {organization.name}</h2>
      <p id="edit-org-intro" className="hint">
        Owners can change the organization’s name and notification e-mail. Nothing changes unless the portal accepts
        both.
      </p>
      <OrganizationFields idPrefix="edit-org" form={draft.form} problems={problems} onEdit={draft.edit} autoFocus />
      <ActionFeedback problem={problem} />
      <SubmitActions onCancel={onCancel} busy={update.isPending} label="Save" busyLabel="Saving…" />
    </form>
  );
}

/** The Owner's edit: the organization's name and notification e-mail, checked before anything is sent. */
export function EditOrganizationDialog({ organization }: { organization: Organization }) {
  const open = useOrganizationScreen((state) => state.editing);
  const editClosed = useOrganizationScreen((state) => state.editClosed);
  const saving = useIsMutating({ mutationKey: organizationMutationKeys.update(organization.id) }) > 0;
  // The dialog stays while the portal answers: the answer (or its refusal) is shown in it.
  const close = (): void => {
    if (!saving) editClosed();
  };
  return (
    <ModalDialog
      open={open}
      onDismiss={close}
      labelledBy="edit-org-title"
      describedBy="edit-org-intro"
      className="dialog dialog--form"
    >
      <EditOrganizationForm organization={organization} onCancel={close} />
    </ModalDialog>
  );
}
