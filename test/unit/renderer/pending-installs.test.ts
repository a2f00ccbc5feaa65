// @vitest-environment jsdom
import { QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createElement as h } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PendingAccountProblems } from '../../../renderer/features/portal-licenses/PendingAccountProblems';
import { PendingInstallsNotice } from '../../../renderer/features/portal-licenses/PendingInstallsNotice';
import { pendingInstallsQuery } from '../../../renderer/features/portal-licenses/queries';
import { instancesEventsWired, portalEventsWired } from '../../../renderer/ipc/events';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { INSTANCE, licenseOf, ok, ORG, type Answers } from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';
import { eventfulMain } from './query-screen';

const pairing = {
  instanceId: INSTANCE,
  accountId: 'account-1',
  accountEmail: 'alice@acme.test',
  org: ORG,
  organizationName: 'Acme Corp',
  license: licenseOf(),
};
const NONE = { pending: [], uncompared: [], accountProblems: [] };

/** The pairings query shown over main, main's events wired as the page wires them. */
async function shown(answers: Answers) {
  const main = eventfulMain(answers);
  const queryClient = createAppQueryClient(main.client);
  instancesEventsWired(main.client, queryClient);
  portalEventsWired(main.client, queryClient);
  const observer = new QueryObserver(queryClient, pendingInstallsQuery);
  const unsubscribe = observer.subscribe(() => undefined);
  await vi.waitFor(() => expect(observer.getCurrentResult().fetchStatus).toBe('idle'), { timeout: 10_000 });
  return { main, queryClient, observer, unsubscribe };
}

describe('renewed-but-not-installed pairings', () => {
  it('are read once when shown, and again once for each event of main that changes them', async () => {
    const { main, observer, unsubscribe } = await shown({
      'portal:list-pending-installs': () => ok({ ...NONE, pending: [pairing] }),
      'instances:list': () => ok({ instances: [], dataNotices: [] }),
    });
    expect(observer.getCurrentResult().data?.pending).toEqual([pairing]);
    expect(main.count('portal:list-pending-installs')).toBe(1);
    main.answers['portal:list-pending-installs'] = () => ok(NONE);
    main.emit('instances:did-change');
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.pending).toEqual([]), { timeout: 10_000 });
    main.emit('portal:did-change');
    await vi.waitFor(() => expect(main.count('portal:list-pending-installs')).toBe(3), { timeout: 10_000 });
    // No read of its own asks for another: the count stays.
    await new Promise((settle) => setTimeout(settle, 100));
    expect(main.count('portal:list-pending-installs')).toBe(3);
    unsubscribe();
  });

  it('keep the accounts that could not be read, with why, next to the pairings of the others', async () => {
    const problem = {
      accountId: 'account-2',
      email: 'dave@initech.test',
      portalUrl: 'https://customers.example.com',
      signInAgain: true,
      message: 'Your sign-in has ended; sign in again.',
    };
    const { observer } = await shown({
      'portal:list-pending-installs': () => ok({ ...NONE, pending: [pairing], accountProblems: [problem] }),
    });
    expect(observer.getCurrentResult().data).toEqual({
      pending: [pairing],
      uncompared: [],
      accountProblems: [problem],
    });
  });

  it('are none, and nothing to warn about, while no account is signed in', async () => {
    const { observer } = await shown({
      'portal:list-pending-installs': () => ({
        ok: false,
        error: { code: 'not_signed_in', message: 'No customer portal account is signed in.' },
      }),
    });
    expect(observer.getCurrentResult()).toMatchObject({ status: 'success', data: NONE, error: null });
  });

  it('say why the portal could not be asked', async () => {
    const { observer } = await shown({
      'portal:list-pending-installs': () => ({
        ok: false,
        error: { code: 'connection_failed', message: 'The portal did not answer.' },
      }),
    });
    expect(observer.getCurrentResult().error?.message).toBe('The portal did not answer.');
  });

  it('show the accounts that could not be checked, with Sign in again when that helps', async () => {
    const problem = {
      accountId: 'account-2',
      email: 'dave@initech.test',
      portalUrl: 'https://customers.example.com',
      signInAgain: true,
      message: 'Your sign-in has ended; sign in again.',
    };
    const app = await portalScreen(h(PendingAccountProblems), {
      'portal:list-pending-installs': () => ok({ ...NONE, accountProblems: [problem] }),
    });
    expect(
      await screen.findByText(
        /Renewed-but-not-installed licenses of dave@initech\.test on customers\.example\.com could not be checked/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Sign in again/ })).toBeTruthy();
    expect(app.count('portal:list-pending-installs')).toBe(1);
  });

  it('are read again each time the dashboard’s notice opens, not only on main’s events', async () => {
    const main = eventfulMain({
      'portal:list-pending-installs': () => ok(NONE),
      'instances:list': () => ok({ instances: [], dataNotices: [] }),
      'portal:list-accounts': () => ok({ accounts: [], defaultPortalUrl: 'https://portal.example.com' }),
    });
    const queryClient = createAppQueryClient(main.client);
    await queryClient.fetchQuery(pendingInstallsQuery);
    render(
      h(QueryClientProvider, { client: queryClient }, h(PendingInstallsNotice, { noticeElsewhere: () => undefined })),
    );
    await waitFor(() => expect(main.count('portal:list-pending-installs')).toBe(2));
  });
});
