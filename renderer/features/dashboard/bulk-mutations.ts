import { useMutation } from '@tanstack/react-query';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import type { IpcFailureError } from '../../ipc/answer';
import { refreshed, rowRemoved, rowsAnswered } from '../../queries/instance-list';
import { askMain } from '../../queries/query-client';
import { saveTextFile } from '../../store/save-file';
import { showToast } from '../../ui/toasts';
import { useDashboardScreen } from './dashboard-screen';

/*
 * The bulk bar's actions on the selected instances. Outcomes are toasts; the selection stays (a tag or a
 * refresh is often followed by another action on the same instances) except after a removal.
 */

const count = (n: number): string => `${n.toLocaleString()} instance${n === 1 ? '' : 's'}`;

/** Reads only the selected instances again; main tells its progress as for "Refresh all". */
export function useBulkRefresh() {
  const { refreshStarted, refreshEnded } = useDashboardScreen.getInitialState();
  return useMutation<readonly InstanceRow[], IpcFailureError, readonly string[]>({
    mutationFn: (ids, { client }) => refreshed(client, [...ids]),
    onMutate: (ids) => refreshStarted(ids.length),
    onSuccess(answered, ids) {
      // Main answers with every row; only the selected ones were read.
      const rows = answered.filter((row) => ids.includes(row.id));
      const failed = rows.filter((row) => row.lastRefresh !== null && !row.lastRefresh.ok).length;
      showToast(
        failed === 0
          ? { tone: 'success', title: `Refreshed ${count(rows.length)}.` }
          : {
              tone: 'danger',
              title: `Refreshed ${count(rows.length)}; ${count(failed)} could not be read.`,
              detail: 'The reason is on each row.',
            },
      );
    },
    onError: (error) => showToast({ tone: 'danger', title: 'Refresh failed.', detail: error.message }),
    onSettled: () => refreshEnded(),
  });
}

/** Adds or removes one tag on every selected instance: all of them or, when main refuses one, none. */
export function useBulkTag() {
  return useMutation<
    { instances: InstanceRow[] },
    IpcFailureError,
    { ids: readonly string[]; tag: string; change: 'add' | 'remove' }
  >({
    mutationFn: ({ ids, tag, change }, { client }) => askMain(client, 'instances:tag', { ids: [...ids], tag, change }),
    onSuccess({ instances }, { tag, change }, _context, { client }) {
      rowsAnswered(client, instances);
      const verb = change === 'add' ? 'Tagged' : 'Removed the tag from';
      showToast({ tone: 'success', title: `${verb} ${count(instances.length)}: “${tag.trim()}”.` });
    },
    onError: (error) => showToast({ tone: 'danger', title: 'Nothing was tagged.', detail: error.message }),
  });
}

/** The selected instances, without tokens, as a CSV file the person saves. */
export function useBulkExport() {
  return useMutation<{ fileName: string; mimeType: string; content: string }, IpcFailureError, readonly string[]>({
    mutationFn: (ids, { client }) => askMain(client, 'instances:export', { format: 'csv', ids: [...ids] }),
    onSuccess(file, ids) {
      saveTextFile(file);
      showToast({ tone: 'success', title: `Exported ${count(ids.length)} as ${file.fileName}.` });
    },
    onError: (error) => showToast({ tone: 'danger', title: 'Export failed.', detail: error.message }),
  });
}

/** Removes the selected instances one by one (each with its token); stops at the first refusal and says how far it got. */
export function useBulkRemove() {
  const { selectionCleared } = useDashboardScreen.getInitialState();
  return useMutation<number, IpcFailureError, readonly string[]>({
    mutationFn: async (ids, { client }) => {
      let removed = 0;
      for (const id of ids) {
        try {
          await askMain(client, 'instances:remove', { id });
        } catch (error) {
          if (removed > 0) showToast({ tone: 'info', title: `Removed ${count(removed)} before the failure.` });
          throw error;
        }
        rowRemoved(client, id);
        removed += 1;
      }
      return removed;
    },
    onSuccess(removed) {
      selectionCleared();
      showToast({ tone: 'success', title: `Removed ${count(removed)} and deleted their API tokens.` });
    },
    onError: (error) => showToast({ tone: 'danger', title: 'Remove stopped.', detail: error.message }),
  });
}
