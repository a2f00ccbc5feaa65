// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EditInstanceDialog } from '../../../renderer/features/dashboard/EditInstanceDialog';
import { useEditInstanceScreen } from '../../../renderer/features/dashboard/edit-instance-screen';
import { fleetRow } from './instance-rows';
import { instanceScreen, listAnswer, pageOf, press, typeInto } from './instance-screen-fixtures';
import { deferred, INSTANCE, ok, ROW } from './portal-licenses-fixtures';
import { eventfulMain } from './query-screen';

const OTHER = fleetRow('Staging', { id: '77777777-7777-4777-8777-777777777777' });
const refused = (message: string) => ({ ok: false as const, error: { code: 'connection_failed' as const, message } });
const saved = { id: INSTANCE, name: 'Primary', url: ROW.url, customer: null, tags: [], caPem: null, allowHttp: false };

/** The Edit dialog open on ROW from a screen whose notice is `onSaved`. */
async function editing(answers: Parameters<typeof eventfulMain>[0]) {
  const main = eventfulMain({
    'instances:list': listAnswer(OTHER),
    'instances:detail': () => ok(pageOf()),
    ...answers,
  });
  const onSaved = vi.fn<(notice: string) => void>();
  instanceScreen(h(EditInstanceDialog, { onSaved }), main);
  useEditInstanceScreen.getState().editDialogOpened(INSTANCE);
  await screen.findByRole('heading', { name: 'Edit Primary' });
  return { main, onSaved };
}

describe('the Edit instance dialog', () => {
  it('starts from the saved settings and saves only when the shared rules pass', async () => {
    const { main } = await editing({});
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Primary');
    // Another instance's name, in other case: refused before anything is sent.
    await waitFor(() => expect(main.count('instances:list')).toBe(1));
    typeInto('Name', 'staging');
    press('Save');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(main.count('instances:update')).toBe(0);
  });

  it('sends the changed settings; the notice goes to the screen it was opened from, and it closes', async () => {
    const { main, onSaved } = await editing({
      'instances:update': () => ok({ instance: { ...ROW, name: 'Renamed' } }),
    });
    typeInto('Name', 'Renamed');
    press('Save');
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Saved Renamed.'));
    expect(main.sent.at(-1)).toEqual({
      channel: 'instances:update',
      input: { ...saved, name: 'Renamed', token: null },
    });
    expect(useEditInstanceScreen.getState().editingId).toBeNull();
  });

  it('a new token is tested first, and a refusal changes nothing, in main’s words', async () => {
    const { main, onSaved } = await editing({ 'instances:update': () => refused('authentik rejected the API token.') });
    typeInto('API token', 'new-token-value');
    expect(screen.getByRole('button', { name: 'Test and save' })).toBeTruthy();
    press('Test and save');
    await waitFor(() => expect(main.count('instances:update')).toBe(1));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Nothing was changed. authentik rejected the API token.'),
    );
    expect(main.sent.at(-1)).toEqual({ channel: 'instances:update', input: { ...saved, token: 'new-token-value' } });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says why when the saved settings could not be read', async () => {
    const main = eventfulMain({
      'instances:list': listAnswer(),
      'instances:detail': () => refused('That instance is no longer saved.'),
    });
    instanceScreen(h(EditInstanceDialog), main);
    useEditInstanceScreen.getState().editDialogOpened(INSTANCE);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The saved settings could not be read: That instance is no longer saved.',
      ),
    );
  });

  it('a save answered after the dialog was closed says nothing and closes nothing', async () => {
    const late = deferred<ReturnType<typeof ok<{ instance: typeof ROW }>>>();
    const { onSaved } = await editing({ 'instances:update': () => late.promise });
    typeInto('Name', 'Renamed');
    press('Save');
    await screen.findByRole('button', { name: 'Saving…' });
    press('Cancel');
    useEditInstanceScreen.getState().editDialogOpened(OTHER.id);
    late.resolve(ok({ instance: { ...ROW, name: 'Renamed' } }));
    await new Promise((settle) => setTimeout(settle, 50));
    expect(onSaved).not.toHaveBeenCalled();
    expect(useEditInstanceScreen.getState().editingId).toBe(OTHER.id);
  });
});
