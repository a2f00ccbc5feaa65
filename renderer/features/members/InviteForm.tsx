import { useRef, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/portal/schemas/common';
import { emailProblem } from '../../../shared/portal/validation';
import { refusalWords } from '../../store/portal-problem';
import { ROLE_NAMES, ROLE_SUMMARIES } from '../../store/portal-roles';
import { standingProblems, useFormDraft, type FormDraft } from '../../ui/form-draft';
import { TextField } from '../../ui/TextField';
import { focusFirstProblem } from '../../ui/focus-first-problem';
import { inviteAction, invitationSentWords } from './member-words';
import type { MemberActions } from './mutations';
import { ActionFeedback } from '../../ui/ActionFeedback';

interface InviteDraft {
  email: string;
  role: Role;
}

type InviteProblems = Partial<Record<keyof InviteDraft, string>>;

const EMPTY_INVITE: InviteDraft = { email: '', role: 'member' };

/** The form's problems: the e-mail rule once Invite was pressed, the portal's field messages (422) until their field is edited, and any other refusal in words. */
function shown(
  draft: FormDraft<InviteDraft>,
  invite: MemberActions['invite'],
): { problems: InviteProblems; problem: string | null } {
  const rule = draft.submitted ? emailProblem(draft.form.email.trim()) : null;
  const rules: InviteProblems = rule === null ? {} : { email: rule };
  const { error, variables } = invite;
  // A 403 is said in the tab: the form goes with the Owner role.
  if (error === null || variables === undefined || error.code === 'forbidden')
    return { problems: rules, problem: null };
  const { email, role, ...other } = error.fields;
  const placed: InviteProblems = { ...(email === undefined ? {} : { email }), ...(role === undefined ? {} : { role }) };
  const unplaced = Object.values(other);
  const general = Object.keys(placed).length === 0 || unplaced.length > 0;
  const problem =
    general && draft.edited.size === 0
      ? refusalWords({ ...error, message: [error.message, ...unplaced].join(' ') }, inviteAction(variables))
      : null;
  return { problems: { ...rules, ...standingProblems(placed, draft.edited) }, problem };
}

/** The guide's invite: the person's e-mail address and their role, then Invite; "Invitation sent" once the portal sent it. */
export function InviteForm({ invite, orgName }: { invite: MemberActions['invite']; orgName: string }) {
  const draft = useFormDraft(EMPTY_INVITE);
  const formRef = useRef<HTMLFormElement>(null);
  const { problems, problem } = shown(draft, invite);
  const sent =
    invite.isSuccess && draft.edited.size === 0 ? invitationSentWords(invite.data.invitation, orgName) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (invite.isPending) return;
    draft.submit();
    invite.reset();
    const email = draft.form.email.trim();
    if (emailProblem(email) !== null) {
      focusFirstProblem(formRef.current);
      return;
    }
    invite.mutate(
      { email, role: draft.form.role },
      { onSuccess: () => draft.reset(), onError: () => focusFirstProblem(formRef.current) },
    );
  };

  return (
    <form
      ref={formRef}
      className="invite-form"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="invite-heading"
      aria-busy={invite.isPending}
    >
      <h3 id="invite-heading">Invite a member</h3>
      <div className="invite-form__fields">
        <TextField
          id="invite-email"
          label="E-mail address"
          type="email"
          value={draft.form.email}
          onValue={(email) => draft.edit({ email })}
          problem={problems.email}
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            value={draft.form.role}
            onChange={(event) => draft.edit({ role: event.target.value === 'owner' ? 'owner' : 'member' })}
            aria-describedby={problems.role === undefined ? 'invite-role-hint' : 'invite-role-problem invite-role-hint'}
            aria-invalid={problems.role !== undefined}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
          {problems.role !== undefined && (
            <p id="invite-role-problem" className="hint hint--error">
              {problems.role}
            </p>
          )}
          <p id="invite-role-hint" className="hint">
            {ROLE_NAMES[draft.form.role]}: {ROLE_SUMMARIES[draft.form.role]}.
          </p>
        </div>
      </div>
      <ActionFeedback problem={problem} />
      <div className="row">
        <button type="submit" className="primary" aria-disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <div role="status" className="invite-form__sent">
        {sent !== null && <p className="success">{sent}</p>}
      </div>
    </form>
  );
}
