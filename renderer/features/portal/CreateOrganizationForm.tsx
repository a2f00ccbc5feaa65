import { useRef, type FormEvent } from 'react';
import { organizationOpened } from '../../app/portal-navigation';
import { usePortalOrganizations } from '../../store/portal-context';
import { selectCreateProblems } from '../../store/portal-organizations';
import { OrganizationFields } from './OrganizationFields';

/** The guide's "Create an organization" form; once created, the new organization's page opens. */
export function CreateOrganizationForm({ inDialog }: { inDialog: boolean }) {
  const form = usePortalOrganizations((state) => state.createForm);
  const problems = usePortalOrganizations(selectCreateProblems);
  const creating = usePortalOrganizations((state) => state.creating);
  const createProblem = usePortalOrganizations((state) => state.createProblem);
  const createFormEdited = usePortalOrganizations((state) => state.createFormEdited);
  const organizationCreateRequested = usePortalOrganizations((state) => state.organizationCreateRequested);
  const createDialogClosed = usePortalOrganizations((state) => state.createDialogClosed);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const id = await organizationCreateRequested();
    if (id !== null) {
      organizationOpened(id);
      return;
    }
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form ref={formRef} className="org-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={creating}>
      <OrganizationFields idPrefix="create-org" form={form} problems={problems} onEdit={createFormEdited} autoFocus={inDialog} />
      {createProblem !== null && (
        <p className="problem" role="alert">
          {createProblem}
        </p>
      )}
      <div className={inDialog ? 'dialog__actions' : 'row'}>
        {inDialog && (
          <button type="button" onClick={createDialogClosed}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" aria-disabled={creating}>
          {creating ? 'Creating…' : 'Create'}
        </button>
      </div>
    </form>
  );
}
