import type { Role } from '../../shared/portal/schemas/common';
import { roleName } from '../store/portal-roles';

/** A role in words ("Owner", "Member"), styled as a tag; the word carries the meaning, not the colour. */
export function RoleTag({ role }: { role: Role }) {
  return <span className={`tag tag--${role}`}>{roleName(role)}</span>;
}
