import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationUpdate } from '../../../shared/portal/schemas/organizations';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';
import { roleName } from '../../store/portal-roles';
import { showToast } from '../../ui/toasts';
import type { OrgForm } from './org-form';
import { organizationQuery, organizationsQuery, withOrganization } from './queries';

/** Keys of the mutations a dialog waits for before it lets itself be closed (useIsMutating). */
export const organizationMutationKeys = {
  create: ['portal', 'create-organization'] as const,
  update: (orgId: string) => ['portal', 'update-organization', orgId] as const,
};

/**
 * A newer view of an organization (created, edited, joined), shown at once on its page and in the list;
 * main's `portal:did-change` has both read again anyway.
 */
export function organizationAnswered(client: QueryClient, accountId: string, organization: Organization): void {
  client.setQueryData(organizationQuery(accountId, organization.id).queryKey, organization);
  // A list not read yet stays unread: it comes whole when shown.
  client.setQueryData(organizationsQuery(accountId).queryKey, (list) =>
    list === undefined ? undefined : withOrganization(list, organization),
  );
}

/** An invitation was accepted as `accountId`: the organization it joined is shown at once, and said in a toast. */
export function useOrganizationJoined(): (accountId: string, organization: Organization) => void {
  const client = useQueryClient();
  return (accountId, organization) => {
    organizationAnswered(client, accountId, organization);
    showToast({ tone: 'success', title: `You joined ${organization.name} as ${roleName(organization.role, 'a')}.` });
  };
}

/** Creates an organization from the guide's form; its page then opens, and a toast says what comes next. */
export function useCreateOrganization() {
  const accountId = useActiveAccountId();
  return useMutation({
    mutationKey: organizationMutationKeys.create,
    mutationFn: (form: OrgForm, { client }) =>
      askMain(client, 'portal:create-organization', {
        name: form.name.trim(),
        notification_email: form.notificationEmail.trim(),
      }),
    onSuccess({ organization }, _form, _context, { client }) {
      if (accountId !== null) organizationAnswered(client, accountId, organization);
      showToast({
        tone: 'success',
        title: `Created ${organization.name}. You are its Owner.`,
        detail: 'Invite members on the Members tab, and buy licenses on the Licenses tab.',
      });
    },
  });
}

/** The Owner's edit: only the fields that changed are sent. */
export function useUpdateOrganization(orgId: string) {
  const accountId = useActiveAccountId();
  return useMutation({
    mutationKey: organizationMutationKeys.update(orgId),
    mutationFn: (change: OrganizationUpdate, { client }) =>
      askMain(client, 'portal:update-organization', { org: orgId, change }),
    onSuccess({ organization }, _change, _context, { client }) {
      if (accountId !== null) organizationAnswered(client, accountId, organization);
      showToast({ tone: 'success', title: `Saved ${organization.name}.` });
    },
  });
}

/** Opens the portal's Support center in the browser (deleting an organization is a ticket there). */
export function useOpenSupport() {
  return useMutation({ mutationFn: (_: undefined, { client }) => askMain(client, 'portal:open-support', {}) });
}
