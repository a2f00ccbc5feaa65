// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { createElement as h, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import { DeleteLicenseDialog } from '../../../renderer/features/instance/DeleteLicenseDialog';
import { InstallIdCard } from '../../../renderer/features/instance/InstallIdCard';
import { InstanceHeader } from '../../../renderer/features/instance/InstanceHeader';
import { useInstanceNotice, useInstanceScreen } from '../../../renderer/features/instance/instance-screen';
import { usePageOutcome } from '../../../renderer/features/instance/mutations';
import { instancesEventsWired } from '../../../renderer/ipc/events';
import { useToasts } from '../../../renderer/ui/toasts';
import { useInstanceDetail } from '../../../renderer/queries/instance-detail';
import { installed, instanceScreen, LICENSE_UUID, pageOf, press } from './instance-screen-fixtures';
import { deferred, INSTANCE, ok, ROW } from './portal-licenses-fixtures';
import { eventfulMain } from './query-screen';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const UNDO_ID = '77777777-7777-4777-8777-777777777777';
const refused = (message: string) => ({ ok: false as const, error: { code: 'connection_failed' as const, message } });
const failedRead = (detail: InstanceDetail): InstanceDetail => ({
  ...detail,
  readAt: null,
  licenses: [],
  instance: {
    ...detail.instance,
    name: 'Renamed',
    lastRefresh: { at: '2026-11-29T10:00:00.000Z', ok: false, error: { code: 'unreachable', message: 'down' } },
  },
});

/** The header's actions open other features' dialogs, which these tests do not draw. */
const NO_ACTIONS = { installOpened: () => undefined, editOpened: () => undefined, removeOpened: () => undefined };

/** The page as the instance's screens read it: the name and licenses main said, what the last action said, and its words on failure. */
function PageProbe() {
  const { data } = useInstanceDetail(INSTANCE);
  const notice = useInstanceNotice(INSTANCE);
  const { refreshProblem, actionProblem } = usePageOutcome(INSTANCE);
  return h(
    Fragment,
    null,
    h(
      'p',
      { 'data-testid': 'shown' },
      data === undefined
        ? 'nothing'
        : `${data.instance.name}: ${data.licenses.map((license) => license.name).join(', ')}`,
    ),
    h('p', { 'data-testid': 'notice' }, notice ?? ''),
    h('p', { 'data-testid': 'problem' }, refreshProblem ?? actionProblem ?? ''),
    data === undefined
      ? null
      : h(
          Fragment,
          null,
          h(InstanceHeader, { detail: data, now: NOW, actions: NO_ACTIONS }),
          h(InstallIdCard, { detail: data }),
          h(DeleteLicenseDialog, { detail: data, now: NOW }),
        ),
  );
}

const text = (id: string): string => screen.getByTestId(id).textContent ?? '';

describe("an instance's page", () => {
  it('reads the page once, and again when main says instances changed', async () => {
    const main = eventfulMain({ 'instances:detail': () => ok(pageOf()) });
    const { queryClient } = instanceScreen(h(PageProbe), main);
    instancesEventsWired(main.client, queryClient);
    await waitFor(() => expect(text('shown')).toBe('Primary: Main seats'));
    expect(main.sent).toEqual([{ channel: 'instances:detail', input: { id: INSTANCE, refresh: false } }]);
    main.emit('instances:did-change');
    await waitFor(() => expect(main.count('instances:detail')).toBe(2));
  });

  it('Refresh reads the instance now; a failed read keeps the last good one and takes the new name', async () => {
    const answers = [pageOf(), failedRead(pageOf())];
    const main = eventfulMain({ 'instances:detail': ({ refresh }) => ok(answers[refresh ? 1 : 0] ?? pageOf()) });
    instanceScreen(h(PageProbe), main);
    await screen.findByRole('button', { name: 'Refresh' });
    press('Refresh');
    await waitFor(() => expect(text('shown')).toBe('Renamed: Main seats'));
    expect(main.sent.at(-1)).toEqual({ channel: 'instances:detail', input: { id: INSTANCE, refresh: true } });
    // A failed read is not "read just now".
    expect(text('notice')).toBe('');
  });

  it('a Refresh that reads says so; one that gets no answer says why', async () => {
    let refreshes = 0;
    const main = eventfulMain({
      'instances:detail': ({ refresh }) =>
        refresh && refreshes++ > 0 ? refused('The app could not reach it.') : ok(pageOf()),
    });
    instanceScreen(h(PageProbe), main);
    await screen.findByRole('button', { name: 'Refresh' });
    press('Refresh');
    await waitFor(() => expect(text('notice')).toBe('Read Primary just now.'));
    press('Refresh');
    await waitFor(() => expect(text('problem')).toBe('The app could not reach it.'));
    expect(text('notice')).toBe('');
  });

  it('copies the Install ID, and says in words when it was not copied', async () => {
    let copies = 0;
    const main = eventfulMain({
      'instances:detail': () => ok(pageOf()),
      'instances:copy-install-id': () => (copies++ === 0 ? ok({}) : refused('The clipboard is busy.')),
    });
    instanceScreen(h(PageProbe), main);
    press(await screen.findByRole('button', { name: 'Copy Install ID' }).then(() => 'Copy Install ID'));
    await screen.findByRole('button', { name: 'Copied' });
    expect(text('notice')).toBe('Copied the Install ID to the clipboard.');
    expect(main.sent.at(-1)).toEqual({ channel: 'instances:copy-install-id', input: { id: INSTANCE } });
    press('Copied');
    await waitFor(() => expect(text('problem')).toBe('The Install ID was not copied: The clipboard is busy.'));
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });

  it('opens the customer portal with the Install ID and the address', async () => {
    const main = eventfulMain({
      'instances:detail': () => ok(pageOf()),
      'portal:open-purchase': () => ok({ url: 'https://portal.example.com/purchase' }),
    });
    instanceScreen(h(PageProbe), main);
    await screen.findByRole('button', { name: 'Open customer portal' });
    press('Open customer portal');
    await waitFor(() =>
      expect(text('notice')).toBe('The customer portal opened in your browser, with this Install ID and address.'),
    );
    expect(main.sent.at(-1)).toEqual({
      channel: 'portal:open-purchase',
      input: { installId: ROW.installId, authentikUrl: ROW.url },
    });
  });

  it('deletes the license the confirmation names after consent; a refusal stays in the dialog; Undo puts it back', async () => {
    let deletes = 0;
    const main = eventfulMain({
      'instances:detail': () =>
        ok(
          pageOf([
            installed(),
            installed({
              licenseUuid: '66666666-6666-4666-8666-666666666666',
              name: 'Spare',
              internalUsers: 5,
              externalUsers: 5,
            }),
          ]),
        ),
      'instances:delete-license': () =>
        deletes++ === 0 ? refused('authentik did not answer.') : ok({ instance: ROW, undoId: UNDO_ID }),
      'instances:undo-delete-license': () =>
        ok({
          installed: true,
          reason: 'ok',
          message: 'Installed.',
          warnings: [],
          instance: ROW,
          cumulativeExpiry: null,
          authentikExpiry: null,
        }),
    });
    instanceScreen(h(PageProbe), main);
    await waitFor(() => expect(text('shown')).toBe('Primary: Main seats, Spare'));
    useInstanceScreen.getState().deletionAsked(INSTANCE, LICENSE_UUID);
    await screen.findByRole('heading', { name: 'Delete the license “Main seats”?' });
    // The others would leave 5 internal seats for 40 users in use.
    expect(screen.getByText(/The other licenses would not cover the users in use/).closest('p')?.textContent).toContain(
      '40 internal users against 5 seats',
    );
    // Leaving users uncovered needs consent: without it the button does nothing.
    press('Delete “Main seats”');
    expect(main.sent.some((sent) => sent.channel === 'instances:delete-license')).toBe(false);
    screen.getByRole('checkbox', { name: /users on Primary are left without a license/ }).click();
    press('Delete “Main seats”');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The license was not deleted. authentik did not answer.'),
    );
    expect(main.sent.at(-1)).toEqual({
      channel: 'instances:delete-license',
      input: { id: INSTANCE, licenseUuid: LICENSE_UUID, allowOverCapacity: true },
    });
    press('Delete “Main seats”');
    await waitFor(() => expect(useToasts.getState().toasts.at(-1)?.title).toBe('License “Main seats” deleted'), {
      timeout: 10_000,
    });
    expect(screen.queryByRole('heading', { name: /Delete the license/ })).toBeNull();
    useToasts.getState().toasts.at(-1)?.action?.run();
    await waitFor(
      () => expect(useToasts.getState().toasts.at(-1)?.title).toBe('License “Main seats” is back on Primary'),
      { timeout: 10_000 },
    );
    expect(main.sent.at(-1)).toEqual({
      channel: 'instances:undo-delete-license',
      input: { id: INSTANCE, undoId: UNDO_ID },
    });
  });

  it('an answer for a page no longer shown is not this page’s', async () => {
    const late = deferred<ReturnType<typeof ok<InstanceDetail>>>();
    const main = eventfulMain({ 'instances:detail': ({ refresh }) => (refresh ? late.promise : ok(pageOf())) });
    const { queryClient } = instanceScreen(h(PageProbe), main);
    await screen.findByRole('button', { name: 'Refresh' });
    press('Refresh');
    // Main says meanwhile that the instance was renamed: the page shows what main holds now.
    queryClient.setQueryData(
      ['instances', 'detail', INSTANCE],
      pageOf([installed()], { instance: { ...ROW, name: 'Newer' } }),
    );
    await waitFor(() => expect(text('shown')).toBe('Newer: Main seats'));
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeTruthy();
    late.resolve(ok(pageOf()));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy());
  });
});
