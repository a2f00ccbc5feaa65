import { useMutation } from '@tanstack/react-query';
import { licenseUpdateSchema } from '../../../shared/portal/schemas/licenses';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';
import { showToast } from '../../ui/toasts';
import { useLicenseScreen } from './license-screen';
import { licensesQuery, withLicense, type PortalLicense } from './queries';

/** Why `nickname` cannot name a license, by the portal's own rule, or null when it can. */
export function nameProblem(nickname: string): string | null {
  const parsed = licenseUpdateSchema.shape.nickname.safeParse(nickname);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Give the license a name of 1 to 100 characters');
}

/** Shows the key in the dialog; it is kept nowhere else, and leaves memory when the dialog (this observer) goes. */
export function useRevealKey(orgId: string, licenseId: string) {
  return useMutation({
    mutationFn: async (_: unknown, { client }) =>
      (await askMain(client, 'portal:reveal-license-key', { org: orgId, id: licenseId })).key,
    gcTime: 0,
  });
}

/** main reads the key and copies it; the page never needs it for this. */
export function useCopyKey(orgId: string, licenseId: string) {
  const keyCopied = useLicenseScreen((state) => state.keyCopied);
  return useMutation({
    mutationFn: (_: unknown, { client }) => askMain(client, 'portal:copy-license-key', { org: orgId, id: licenseId }),
    onSuccess: ({ clearsAt }) => keyCopied(clearsAt),
  });
}

/** Renames a license; the portal's answer is the license as it is now, shown in the list at once. */
export function useRenameLicense(orgId: string, license: PortalLicense) {
  const accountId = useActiveAccountId() ?? '';
  const renamed = useLicenseScreen((state) => state.renamed);
  return useMutation({
    mutationFn: (nickname: string, { client }) =>
      askMain(client, 'portal:rename-license', { org: orgId, id: license.id, change: { nickname: nickname.trim() } }),
    onSuccess({ license: answered }, _nickname, _context, { client }) {
      client.setQueryData(licensesQuery(accountId, orgId).queryKey, (list) =>
        list === undefined ? undefined : withLicense(list, answered),
      );
      renamed();
      showToast({ tone: 'success', title: `Renamed “${license.nickname}” to “${answered.nickname}”` });
    },
  });
}
