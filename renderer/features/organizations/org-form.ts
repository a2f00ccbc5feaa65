import {
  organizationCreateSchema,
  type Organization,
  type OrganizationUpdate,
} from '../../../shared/portal/schemas/organizations';
import { emailProblem } from '../../../shared/portal/validation';
import type { IpcFailureError } from '../../ipc/answer';
import { refusalWords } from '../../store/portal-problem';
import { standingProblems, type FormDraft } from '../../ui/form-draft';

/** The organization form (create and edit): the guide's two fields. */
export interface OrgForm {
  name: string;
  notificationEmail: string;
}

export type OrgFormProblems = Partial<Record<keyof OrgForm, string>>;

export const EMPTY_ORG_FORM: OrgForm = { name: '', notificationEmail: '' };

/** The request's field names, as the portal's 422 `fields` key them. */
const REQUEST_FIELDS: Record<string, keyof OrgForm> = { name: 'name', notification_email: 'notificationEmail' };

/** Why the form cannot be sent, by the rules the portal enforces (shared/portal), before anything is sent. */
export function orgFormProblems(form: OrgForm): OrgFormProblems {
  const problems: OrgFormProblems = {};
  const name = organizationCreateSchema.shape.name.safeParse(form.name);
  if (!name.success) problems.name = name.error.issues[0]?.message ?? 'Give the organization a name';
  const email = emailProblem(form.notificationEmail.trim());
  if (email !== null) problems.notificationEmail = email;
  return problems;
}

/** The portal's 422 field messages placed on the form's fields; a message for any other field goes to `other`. */
function placedProblems(fields: Readonly<Record<string, string>>): { problems: OrgFormProblems; other: string[] } {
  const problems: OrgFormProblems = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    const key = REQUEST_FIELDS[field];
    if (key === undefined) other.push(message);
    else problems[key] = message;
  }
  return { problems, other };
}

/**
 * What an organization form shows: the rules' problems once submitted, the portal's field messages until
 * their field is edited, and the refusal in words (`action`: "save Acme Corp") when no field holds it.
 */
export function orgFormShown(
  draft: FormDraft<OrgForm>,
  error: IpcFailureError | null,
  action: string | null,
): { problems: OrgFormProblems; problem: string | null } {
  const rules = draft.submitted ? orgFormProblems(draft.form) : {};
  if (error === null) return { problems: rules, problem: null };
  const { problems, other } = placedProblems(error.fields);
  const unplaced = other.length > 0 || Object.keys(problems).length === 0;
  const message = [error.message, ...other].join(' ');
  const problem =
    unplaced && draft.edited.size === 0
      ? action === null
        ? message
        : refusalWords({ code: error.code, message, fields: {} }, action)
      : null;
  return { problems: { ...rules, ...standingProblems(problems, draft.edited) }, problem };
}

/** Only the fields that changed, or null: the portal wants at least one, and an unchanged field is not an edit. */
export function changeOf(organization: Organization, form: OrgForm): OrganizationUpdate | null {
  const name = form.name.trim();
  const email = form.notificationEmail.trim();
  const change: OrganizationUpdate = {
    ...(name === organization.name ? {} : { name }),
    ...(email === organization.notification_email ? {} : { notification_email: email }),
  };
  return Object.keys(change).length > 0 ? change : null;
}
