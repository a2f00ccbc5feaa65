import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useBulkExport, useBulkRefresh, useBulkRemove, useBulkTag } from './bulk-mutations';
import { useDashboardScreen } from './dashboard-screen';

const instances = (n: number): string => `${n.toLocaleString()} instance${n === 1 ? '' : 's'}`;

/** With instances ticked: how many, and Refresh, Tag, Export and Remove for all of them at once. */
export function BulkBar({ savedIds }: { savedIds: readonly string[] }) {
  const chosen = useDashboardScreen((state) => state.selected);
  const selectionCleared = useDashboardScreen((state) => state.selectionCleared);
  // Instances removed meanwhile (here or in another window) are no longer part of the selection.
  const ids = chosen.filter((id) => savedIds.includes(id));
  const refresh = useBulkRefresh();
  const tag = useBulkTag();
  const exporting = useBulkExport();
  const remove = useBulkRemove();
  const [tagging, setTagging] = useState(false);
  const [tagText, setTagText] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (ids.length === 0) return null;
  const tagged = (change: 'add' | 'remove'): void => {
    if (tagText.trim() === '' || tag.isPending) return;
    tag.mutate({ ids, tag: tagText, change }, { onSuccess: () => setTagText('') });
  };
  return (
    <div className="bulk-bar" role="region" aria-label="Selected instances">
      <strong className="bulk-bar__count" aria-live="polite">
        {ids.length.toLocaleString()} selected
      </strong>
      <button type="button" aria-disabled={refresh.isPending} onClick={() => refresh.isPending || refresh.mutate(ids)}>
        {refresh.isPending ? 'Refreshing…' : 'Refresh'}
      </button>
      <button type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
        Tag…
      </button>
      {tagging && (
        <span className="bulk-bar__tag">
          <label htmlFor="bulk-tag">Tag</label>
          <input
            id="bulk-tag"
            value={tagText}
            maxLength={50}
            autoComplete="off"
            onChange={(event) => setTagText(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && tagged('add')}
          />
          <button type="button" aria-disabled={tagText.trim() === '' || tag.isPending} onClick={() => tagged('add')}>
            Add tag
          </button>
          <button type="button" aria-disabled={tagText.trim() === '' || tag.isPending} onClick={() => tagged('remove')}>
            Remove tag
          </button>
        </span>
      )}
      <button type="button" onClick={() => exporting.mutate(ids)} title="The selected instances, without tokens">
        Export CSV
      </button>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Remove…
      </button>
      <button type="button" className="bulk-bar__clear" onClick={selectionCleared}>
        Clear selection
      </button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        idPrefix="bulk-remove"
        title={`Remove ${instances(ids.length)}?`}
        what={`${instances(ids.length)} will be removed from this app and their API tokens deleted from the token vault. Nothing changes on the authentik instances: their licenses stay installed.`}
        confirm={{
          label: `Remove ${instances(ids.length)}`,
          busyLabel: 'Removing…',
          busy: remove.isPending,
          run: () => remove.mutate(ids, { onSettled: () => setConfirming(false) }),
          problem: null,
        }}
      />
    </div>
  );
}
