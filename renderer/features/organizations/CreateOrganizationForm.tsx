import { useRef, type FormEvent } from 'react';
import { organizationOpened } from '../../app/portal-navigation';
import { useFormDraft } from '../../ui/form-draft';
import { useCreateOrganization } from './mutations';
import { focusFirstProblem } from '../../ui/focus-first-problem';
import { EMPTY_ORG_FORM, orgFormProblems, orgFormShown } from './org-form';
import { OrganizationFields } from './OrganizationFields';
import { ActionFeedback } from '../../ui/ActionFeedback';

/** The guide's "Create an organization" form; once created, the new organization's page opens. */
export function CreateOrganizationForm({ onCancel }: { onCancel?: () => void }) {
  const draft = useFormDraft(EMPTY_ORG_FORM);
  const create = useCreateOrganization();
  const formRef = useRef<HTMLFormElement>(null);
  const inDialog = onCancel !== undefined;
  const { problems, problem } = orgFormShown(draft, create.error, null);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (create.isPending) return;
    draft.submit();
    create.reset();
    if (Object.keys(orgFormProblems(draft.form)).length > 0) {
      focusFirstProblem(formRef.current);
      return;
    }
    create.mutate(draft.form, {
      onSuccess: ({ organization }) => organizationOpened(organization.id),
      onError: () => focusFirstProblem(formRef.current),
    });
  };

  return (
    <form ref={formRef} className="org-form" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
      <OrganizationFields
        idPrefix="create-org"
        form={draft.form}
        problems={problems}
        onEdit={draft.edit}
        autoFocus={inDialog}
      />
      <ActionFeedback problem={problem} />
      <div className={inDialog ? 'dialog__actions' : 'row'}>
        {inDialog && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" aria-disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create'}
        </button>
      </div>
    </form>
  );
}
