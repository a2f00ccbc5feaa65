import { emailProblem } from '../../shared/portal/validation';
import { organizationCreateSchema } from '../../shared/portal/schemas/organizations';
import { memoize } from './memoize';

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
export function serverFieldProblems(fields: Readonly<Record<string, string>>): { problems: OrgFormProblems; other: string[] } {
  const problems: OrgFormProblems = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    const key = REQUEST_FIELDS[field];
    if (key === undefined) other.push(message);
    else problems[key] = message;
  }
  return { problems, other };
}

/** A server problem stays on its field until that field is edited (any form's fields). */
export function withoutEdited<F extends object>(problems: Partial<Record<keyof F, string>>, change: Partial<F>): Partial<Record<keyof F, string>> {
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !(field in change))) as Partial<Record<keyof F, string>>;
}

/**
 * What a form shows: the rules' problems once it was submitted, then the portal's own (422). One per
 * form: it answers the same object for the same inputs, so components selecting it render once.
 */
export function shownProblemsSelector(): (attempted: boolean, form: OrgForm, server: OrgFormProblems) => OrgFormProblems {
  return memoize((attempted, form, server) => ({ ...(attempted ? orgFormProblems(form) : {}), ...server }));
}
