import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/ipc/api';
import type { ChannelName } from '../../../shared/ipc/channels';
import { licensesQuery, pendingInstallsQuery } from '../../../renderer/features/portal-licenses/queries';
import { instancesEventsWired, portalEventsWired } from '../../../renderer/ipc/events';
import { refreshed, refreshKeys } from '../../../renderer/queries/instance-list';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { ok, ROW } from './portal-licenses-fixtures';

/** Main as the page sees it: `instances:refresh` emits `instances:did-change` before it answers, as main's handler does. */
function mainWithEvents(
  licenses: () => Promise<unknown>,
  pending: () => Promise<unknown> = async () => ok({ pending: [], uncompared: [], accountProblems: [] }),
) {
  const sent: ChannelName[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const emit = (event: string): void => listeners.get(event)?.forEach((listener) => listener({}));
  const answers: Partial<Record<ChannelName, () => Promise<unknown>>> = {
    'instances:list': async () => ok({ instances: [ROW], dataNotices: [] }),
    'instances:refresh': async () => {
      emit('instances:did-change');
      return ok({ instances: [ROW] });
    },
    'portal:list-licenses': licenses,
    'portal:list-pending-installs': pending,
  };
  const client = {
    invoke: (channel: ChannelName) => {
      sent.push(channel);
      const answer = answers[channel];
      if (answer === undefined) throw new Error(`no answer scripted for ${channel}`);
      return answer();
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  } as unknown as Api;
  return { client, sent };
}

describe('an instance read again', () => {
  it('has the organization’s licenses list and the pairings read again once, even while the portal is slow to answer', async () => {
    // The first read of each answers; every later one is still on its way when the test looks.
    const firstOnly = (answer: unknown) => {
      let asked = 0;
      return () => (asked++ === 0 ? Promise.resolve(answer) : new Promise<never>(() => undefined));
    };
    const main = mainWithEvents(
      firstOnly(ok({ licenses: [] })),
      firstOnly(ok({ pending: [], uncompared: [], accountProblems: [] })),
    );
    const queryClient = createAppQueryClient(main.client);
    instancesEventsWired(main.client, queryClient);
    portalEventsWired(main.client, queryClient);
    const shown = new QueryObserver(queryClient, licensesQuery('acct-alice', 'org-acme'));
    const pairings = new QueryObserver(queryClient, pendingInstallsQuery);
    const unsubscribe = shown.subscribe(() => undefined);
    const unsubscribePairings = pairings.subscribe(() => undefined);
    await vi.waitFor(
      () =>
        expect([shown.getCurrentResult().status, pairings.getCurrentResult().status]).toEqual(['success', 'success']),
      { timeout: 10_000 },
    );

    const refresh = queryClient
      .getMutationCache()
      .build(queryClient, { mutationKey: refreshKeys.one(ROW.id), mutationFn: () => refreshed(queryClient, [ROW.id]) });
    await refresh.execute(undefined);
    await new Promise((settled) => setTimeout(settled, 200));
    unsubscribe();
    unsubscribePairings();

    // Once when shown, once because the instance was read again: not again and again.
    expect(main.sent.filter((channel) => channel === 'portal:list-licenses')).toHaveLength(2);
    expect(main.sent.filter((channel) => channel === 'portal:list-pending-installs')).toHaveLength(2);
  });
});
