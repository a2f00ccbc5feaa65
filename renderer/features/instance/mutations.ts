import { useIsMutating, useMutation, useMutationState, type QueryClient } from '@tanstack/react-query';
import type { InstalledLicenseView, InstanceDetail } from '../../../shared/instances/instance-detail';
import type { IpcFailureError } from '../../ipc/answer';
import { instanceKeys } from '../../queries/instance-keys';
import { askMain } from '../../queries/query-client';
import { rowsAnswered } from '../../queries/instance-list';
import { showToast } from '../../ui/toasts';
import { useInstanceScreen } from './instance-screen';
import { keptAfterFailedRead, readFailed } from '../../queries/instance-detail';

/**
 * Every action on one instance's page shares this key root, so the page can show the outcome of the
 * latest one (a newer action clears an older one's words) and forget them all when it is left.
 */
const page = (id: string) => ['instance-page', id] as const;

export const instanceMutationKeys = {
  page,
  refresh: (id: string) => [...page(id), 'refresh'] as const,
  action: (id: string) => [...page(id), 'action'] as const,
};

/** How a failed page action is introduced, in words (the mutation's meta, read by usePageOutcome). */
interface ActionMeta extends Record<string, unknown> {
  failure: string;
}

/** Refresh: main reads the instance now; its answer is the page's new truth (a failed read keeps the last good one). */
export function useRefreshInstance(id: string) {
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  return useMutation({
    mutationKey: instanceMutationKeys.refresh(id),
    mutationFn: (_: undefined, { client }) => askMain(client, 'instances:detail', { id, refresh: true }),
    onMutate: () => noticeShown(id, null),
    onSuccess(answer, _input, _context, { client }) {
      const detail = client.setQueryData<InstanceDetail>(instanceKeys.detail(id), (previous) =>
        keptAfterFailedRead(previous, answer),
      );
      if (detail !== undefined && !readFailed(detail)) noticeShown(id, `Read ${detail.instance.name} just now.`);
    },
  });
}

export function useCopyInstallId(id: string) {
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  const installIdCopiedOn = useInstanceScreen((state) => state.installIdCopiedOn);
  return useMutation({
    mutationKey: instanceMutationKeys.action(id),
    meta: { failure: 'The Install ID was not copied' } satisfies ActionMeta,
    mutationFn: (_: undefined, { client }) => askMain(client, 'instances:copy-install-id', { id }),
    onMutate: () => noticeShown(id, null),
    onSuccess: () => installIdCopiedOn(id),
  });
}

export function useOpenPortal(id: string) {
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  return useMutation({
    mutationKey: instanceMutationKeys.action(id),
    meta: { failure: 'The customer portal was not opened' } satisfies ActionMeta,
    mutationFn: (instance: { installId: string; url: string }, { client }) =>
      askMain(client, 'portal:open-purchase', { installId: instance.installId, authentikUrl: instance.url }),
    onMutate: () => noticeShown(id, null),
    onSuccess: () => noticeShown(id, 'The customer portal opened in your browser, with this Install ID and address.'),
  });
}

export function useCopyFingerprint(id: string) {
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  return useMutation({
    mutationKey: instanceMutationKeys.action(id),
    meta: { failure: 'The fingerprint was not copied' } satisfies ActionMeta,
    mutationFn: (license: InstalledLicenseView, { client }) =>
      askMain(client, 'license:copy-fingerprint', { fingerprint: license.fingerprint }),
    onMutate: () => noticeShown(id, null),
    onSuccess: (_answer, license) => noticeShown(id, `Copied the fingerprint of “${license.name}”.`),
  });
}

/** Puts a deleted license back from the key main still holds (its 10 seconds), after the same preflight as an install; says how it went in a toast. */
function undoDelete(
  client: QueryClient,
  id: string,
  undoId: string,
  license: InstalledLicenseView,
  instanceName: string,
) {
  void askMain(client, 'instances:undo-delete-license', { id, undoId }).then(
    ({ instance, ...outcome }) => {
      rowsAnswered(client, [instance]);
      showToast(
        outcome.installed
          ? { tone: 'success', title: `License “${license.name}” is back on ${instanceName}` }
          : { tone: 'danger', title: `License “${license.name}” was not put back`, detail: outcome.message },
      );
    },
    (error: Error) =>
      showToast({ tone: 'danger', title: `License “${license.name}” was not put back`, detail: error.message }),
  );
}

/**
 * Deletes an installed license (`allowOverCapacity`: the person consented to leaving users without one);
 * main's `instances:did-change` has the page and the list read again. The outcome is a toast with Undo.
 */
export function useDeleteLicense(id: string) {
  const noticeShown = useInstanceScreen((state) => state.noticeShown);
  const deletionClosed = useInstanceScreen((state) => state.deletionClosed);
  return useMutation({
    mutationKey: [...page(id), 'delete-license'],
    mutationFn: (
      {
        license,
        allowOverCapacity,
      }: { license: InstalledLicenseView; instanceName: string; allowOverCapacity: boolean },
      { client },
    ) => askMain(client, 'instances:delete-license', { id, licenseUuid: license.licenseUuid, allowOverCapacity }),
    onMutate: () => noticeShown(id, null),
    onSuccess({ undoId }, { license, instanceName }, _context, { client }) {
      deletionClosed();
      showToast({
        tone: 'success',
        title: `License “${license.name}” deleted`,
        action: { label: 'Undo', run: () => undoDelete(client, id, undoId, license, instanceName) },
        timeoutMs: 10_000,
      });
    },
  });
}

/** Whether Refresh is reading the instance (the header's button, the page and the pending-install card show it). */
export function usePageRefreshing(id: string): boolean {
  return useIsMutating({ mutationKey: instanceMutationKeys.refresh(id) }) > 0;
}

interface Outcome {
  kind: 'refresh' | 'action' | 'other';
  error: IpcFailureError | null;
  failure: string | null;
}

/**
 * What the latest action on the page left to say: a Refresh that got no answer, or a copy or portal
 * request that failed, in words. A newer action (any of them) clears an older one's words.
 */
export function usePageOutcome(id: string): { refreshProblem: string | null; actionProblem: string | null } {
  const outcomes = useMutationState<Outcome>({
    filters: { mutationKey: page(id) },
    select: (mutation) => {
      const key = mutation.options.mutationKey ?? [];
      const meta = mutation.options.meta as Partial<ActionMeta> | undefined;
      return {
        kind: key[2] === 'refresh' ? 'refresh' : key[2] === 'action' ? 'action' : 'other',
        error: mutation.state.error,
        failure: meta?.failure ?? null,
      };
    },
  });
  const latest = outcomes.at(-1);
  if (latest?.error == null) return { refreshProblem: null, actionProblem: null };
  if (latest.kind === 'refresh') return { refreshProblem: latest.error.message, actionProblem: null };
  if (latest.kind === 'action')
    return { refreshProblem: null, actionProblem: `${latest.failure ?? 'That did not work'}: ${latest.error.message}` };
  return { refreshProblem: null, actionProblem: null };
}
