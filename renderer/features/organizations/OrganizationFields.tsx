import type { OrgForm, OrgFormProblems } from './org-form';
import { TextField } from '../../ui/TextField';

/** The guide's two fields of an organization: its name and its notification e-mail address. */
export function OrganizationFields({
  idPrefix,
  form,
  problems,
  onEdit,
  autoFocus = false,
}: {
  idPrefix: string;
  form: OrgForm;
  problems: OrgFormProblems;
  onEdit: (change: Partial<OrgForm>) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label="Organization name"
        value={form.name}
        onValue={(name) => onEdit({ name })}
        problem={problems.name}
        hint="Your company or team, as invoices and invitations name it (1 to 100 characters)."
        autoComplete="organization"
        required
        data-autofocus={autoFocus ? true : undefined}
      />
      <TextField
        id={`${idPrefix}-email`}
        label="Notification e-mail"
        type="email"
        value={form.notificationEmail}
        onValue={(notificationEmail) => onEdit({ notificationEmail })}
        problem={problems.notificationEmail}
        hint="Where the portal sends notices about this organization’s licenses and billing."
        autoComplete="email"
        required
      />
    </>
  );
}
