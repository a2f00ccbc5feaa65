import type { Organization } from '../../../shared/portal/schemas/organizations';
import type { PortalClient } from '../../portal/portal-client';
import { UsageError } from '../usage-error';

/** `--org`: an organization's id, or its exact name, among the caller's organizations. */
export async function resolveOrganization(client: PortalClient, wanted: string): Promise<Organization> {
  const organizations = await client.listOrganizations();
  const byId = organizations.find((organization) => organization.id.toLowerCase() === wanted.trim().toLowerCase());
  if (byId !== undefined) return byId;
  const byName = organizations.filter((organization) => organization.name === wanted);
  const [only, ...others] = byName;
  if (only !== undefined && others.length === 0) return only;
  if (only !== undefined)
    throw new UsageError(
      `several of your organizations are named "${wanted}"; give its id instead: ${byName.map((organization) => organization.id).join(', ')}`,
    );
  if (organizations.length === 0)
    throw new UsageError(
      `you belong to no organization at ${new URL(client.baseUrl).host}, so there is none named "${wanted}"`,
    );
  const names = organizations.map((organization) => `"${organization.name}" (${organization.id})`).join(', ');
  throw new UsageError(`you belong to no organization with the id or exact name "${wanted}"; yours are ${names}`);
}
