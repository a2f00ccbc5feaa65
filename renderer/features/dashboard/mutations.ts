import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import type { IpcFailureError } from '../../ipc/answer';
import { instanceKeys } from '../../queries/instance-keys';
import {
  cachedInstanceRows,
  refreshed,
  refreshKeys,
  refreshRunning,
  rowRemoved,
  rowsAnswered,
} from '../../queries/instance-list';
import { askMain } from '../../queries/query-client';
import { addRequestOf, type InstanceForm } from '../../store/instance-form';
import { saveTextFile } from '../../store/save-file';
import { useDashboardScreen } from './dashboard-screen';

/*
 * The dashboard's actions. Each writes main's answer into the list where it is the new truth; main's
 * `instances:did-change` then reads again whatever else it touched (renderer/ipc/events.ts). The words of
 * an outcome go to the dashboard's notice line; pending and refusals stay with each mutation. The screen's
 * actions never change, so they are taken from its first state rather than subscribed to.
 */

function plural(count: number, noun: string): string {
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

/** One instance as read again, with its name as it was when asked (for the words). */
interface RowRefresh {
  name: string;
  row: InstanceRow | undefined;
}

const nameOf = (client: QueryClient, id: string): string =>
  cachedInstanceRows(client).find((row) => row.id === id)?.name ?? 'The instance';

/** "Refresh all": main reads every instance, telling its progress as it goes (`instances:refresh-progress`). */
export function useRefreshAll() {
  const { refreshStarted, refreshEnded, outcomeShown } = useDashboardScreen.getInitialState();
  return useMutation<readonly InstanceRow[], IpcFailureError, undefined>({
    mutationKey: refreshKeys.everything(),
    mutationFn: (_variables, { client }) => refreshed(client, null),
    onMutate(_variables, { client }) {
      refreshStarted(cachedInstanceRows(client).length);
    },
    onSuccess(rows) {
      const failed = rows.filter((row) => row.lastRefresh !== null && !row.lastRefresh.ok).length;
      const unread = failed > 0 ? `; ${plural(failed, 'instance')} could not be read (the reason is on each row)` : '';
      outcomeShown({ tone: 'notice', text: `Refreshed ${plural(rows.length, 'instance')}${unread}.` });
    },
    onError(error) {
      outcomeShown({ tone: 'problem', text: `Refresh all failed: ${error.message}` });
    },
    onSettled: () => refreshEnded(),
  });
}

/**
 * One instance read again, under its own key so every screen sees it is being read. Asked while it (or
 * "Refresh all") is already being read, it does nothing: a second read would only race the first.
 */
export function useRefreshInstance(id: string) {
  const { outcomeShown } = useDashboardScreen.getInitialState();
  return useMutation<RowRefresh | null, IpcFailureError, undefined>({
    mutationKey: refreshKeys.one(id),
    mutationFn: async (_variables, { client }) => {
      // This mutation is itself running (pending) by now: more than one under the key means another read is.
      if (client.isMutating({ mutationKey: refreshKeys.one(id) }) > 1 || refreshRunning(client, null)) return null;
      const name = nameOf(client, id);
      const rows = await refreshed(client, [id]);
      return { name, row: rows.find((row) => row.id === id) };
    },
    onMutate: () => outcomeShown(null),
    onSuccess(answer) {
      if (answer === null) return;
      const error = answer.row?.lastRefresh?.error ?? null;
      outcomeShown({
        tone: 'notice',
        text: error === null ? `Refreshed ${answer.name}.` : `${answer.name} could not be read: ${error.message}`,
      });
    },
    onError(error, _variables, _context, { client }) {
      outcomeShown({ tone: 'problem', text: `${nameOf(client, id)} could not be refreshed: ${error.message}` });
    },
  });
}

/** "Test and save": main tests the connection and saves the instance only if authentik answers with the token. */
export function useAddInstance() {
  const { addDialogClosed, outcomeShown } = useDashboardScreen.getInitialState();
  return useMutation({
    mutationFn: (form: InstanceForm, { client }) => askMain(client, 'instances:add', addRequestOf(form)),
    onSuccess({ instance }, _form, _context, { client }) {
      rowsAnswered(client, [instance]);
      addDialogClosed();
      outcomeShown({
        tone: 'notice',
        text: `Added ${instance.name}. Its API token is stored in the token vault only.`,
      });
    },
  });
}

/** Removes an instance and deletes its token from the vault. */
export function useRemoveInstance() {
  const { outcomeShown } = useDashboardScreen.getInitialState();
  return useMutation({
    mutationFn: async (id: string, { client }) => {
      const name = nameOf(client, id);
      await askMain(client, 'instances:remove', { id });
      return name;
    },
    onSuccess(name, id, _context, { client }) {
      rowRemoved(client, id);
      // The dialog asking about this instance closes; one opened meanwhile for another stays.
      useDashboardScreen.setState((state) => (state.removalId === id ? { removalId: null } : {}));
      outcomeShown({ tone: 'notice', text: `Removed ${name} and deleted its API token from the token vault.` });
    },
  });
}

/** Every instance, without tokens, as a file the person saves. */
export function useExportInstances() {
  const { outcomeShown } = useDashboardScreen.getInitialState();
  return useMutation({
    mutationFn: (format: 'csv' | 'json', { client }) => askMain(client, 'instances:export', { format }),
    onMutate: () => outcomeShown(null),
    onSuccess(file) {
      saveTextFile(file);
      outcomeShown({ tone: 'notice', text: `Exported the instances as ${file.fileName}.` });
    },
    onError: (error) => outcomeShown({ tone: 'problem', text: `Export failed: ${error.message}` }),
  });
}

/** Deletes the tokens in the vault that belong to no saved instance; the audit is read again either way (some may be gone). */
export function useDeleteOrphanedTokens() {
  const { orphansDialogClosed, vaultNoticeShown } = useDashboardScreen.getInitialState();
  return useMutation<{ deleted: number }, IpcFailureError, undefined>({
    mutationFn: (_variables, { client }) => askMain(client, 'instances:delete-orphaned-tokens', {}),
    onMutate: () => vaultNoticeShown(null),
    onSuccess({ deleted }) {
      orphansDialogClosed();
      vaultNoticeShown(`Deleted ${deleted.toLocaleString()} orphaned token${deleted === 1 ? '' : 's'}.`);
    },
    onSettled: (_data, _error, _variables, _context, { client }) =>
      client.invalidateQueries({ queryKey: instanceKeys.vaultAudit() }),
  });
}
