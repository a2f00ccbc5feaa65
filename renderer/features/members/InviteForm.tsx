import { useRef, type FormEvent } from 'react';
import { ROLES } from '../../../shared/portal/schemas/common';
import { usePortalMembers } from '../../store/portal-context';
import { selectInviteProblems } from '../../store/portal-members';
import { ROLE_NAMES, ROLE_SUMMARIES } from '../../store/portal-roles';
import { TextField } from '../dashboard/TextField';

/** The guide's invite: the person's e-mail address and their role, then Invite; "Invitation sent" once the portal sent it. */
export function InviteForm() {
  const form = usePortalMembers((state) => state.inviteForm);
  const problems = usePortalMembers(selectInviteProblems);
  const inviting = usePortalMembers((state) => state.inviting);
  const inviteProblem = usePortalMembers((state) => state.inviteProblem);
  const inviteNotice = usePortalMembers((state) => state.inviteNotice);
  const inviteFormEdited = usePortalMembers((state) => state.inviteFormEdited);
  const invitationRequested = usePortalMembers((state) => state.invitationRequested);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    await invitationRequested();
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form ref={formRef} className="invite-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="invite-heading" aria-busy={inviting}>
      <h3 id="invite-heading">Invite a member</h3>
      <div className="invite-form__fields">
        <TextField id="invite-email" label="E-mail address" type="email" value={form.email} onValue={(email) => inviteFormEdited({ email })} problem={problems.email} autoComplete="off" />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            value={form.role}
            onChange={(event) => inviteFormEdited({ role: event.target.value === 'owner' ? 'owner' : 'member' })}
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
            {ROLE_NAMES[form.role]}: {ROLE_SUMMARIES[form.role]}.
          </p>
        </div>
      </div>
      {inviteProblem !== null && (
        <p className="problem" role="alert">
          {inviteProblem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" aria-disabled={inviting}>
          {inviting ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <div role="status" className="invite-form__sent">
        {inviteNotice !== null && <p className="success">{inviteNotice}</p>}
      </div>
    </form>
  );
}
