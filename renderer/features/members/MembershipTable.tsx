import { localDate } from '../../format/dates';
import { usePortalMembers } from '../../store/portal-context';
import { memberLabel } from '../../store/portal-members';
import { RoleTag } from '../portal/RoleTag';
import { MemberActions } from './MemberActions';

/** The guide's Membership area: everyone in the organization with their role; an Owner's actions beside each. */
export function MembershipTable({ owner }: { owner: boolean }) {
  const members = usePortalMembers((state) => state.members);
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
                <MemberActions member={member} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
