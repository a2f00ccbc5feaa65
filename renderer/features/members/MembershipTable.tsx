import type { Member } from '../../../shared/portal/schemas/members';
import { localDate } from '../../format/dates';
import { RoleTag } from '../../ui/RoleTag';
import { MemberActions } from './MemberActions';
import { isLastOwner, memberLabel } from './membership';
import type { MemberActions as Actions } from './mutations';

/** The guide's Membership area: everyone in the organization with their role; an Owner's actions beside each. */
export function MembershipTable({
  members,
  owner,
  changeRole,
  onRemove,
}: {
  members: readonly Member[];
  owner: boolean;
  changeRole: Actions['changeRole'];
  onRemove: (member: Member) => void;
}) {
  return (
    <table className="portal-table">
      <caption className="sr-only">Members and their roles</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
          {owner && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.user_id}>
            <th scope="row">{memberLabel(member)}</th>
            <td>{member.email}</td>
            <td>
              <RoleTag role={member.role} />
            </td>
            <td>
              <time dateTime={member.joined_at}>{localDate(member.joined_at)}</time>
            </td>
            {owner && (
              <td>
                <MemberActions
                  member={member}
                  lastOwner={isLastOwner(members, member)}
                  changing={changeRole.isPending && changeRole.variables.member.user_id === member.user_id}
                  busy={changeRole.isPending}
                  onRoleChange={(role) => changeRole.mutate({ member, role })}
                  onRemove={() => onRemove(member)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
