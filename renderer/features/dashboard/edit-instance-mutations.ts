import { useMutation } from '@tanstack/react-query';
import { rowsAnswered } from '../../queries/instance-list';
import { askMain } from '../../queries/query-client';
import { updateRequestOf, type InstanceForm } from '../../store/instance-form';

/** What the dialog says once saved, on the screen it was opened from. */
export const savedNotice = (name: string, form: InstanceForm): string =>
  `Saved ${name}.${form.token.trim() !== '' ? ' The new API token is stored in the token vault only.' : ''}`;

/**
 * Saves the Edit dialog in one request: main re-tests the connection when the address, token or CA
 * changed, and changes nothing when that fails. Its row is the list's new truth at once; its
 * `instances:did-change` has the instance's page and the vault audit read again.
 */
export function useUpdateInstance(id: string) {
  return useMutation({
    mutationFn: (form: InstanceForm, { client }) => askMain(client, 'instances:update', updateRequestOf(id, form)),
    onSuccess: ({ instance }, _form, _context, { client }) => rowsAnswered(client, [instance]),
  });
}
