import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/ipc/api';
import type { ChannelName } from '../../../shared/ipc/channels';
import { answerOf, IpcFailureError } from '../../../renderer/ipc/answer';
import { portalEventsWired } from '../../../renderer/ipc/events';
import { portalKeys } from '../../../renderer/queries/portal-keys';
import { askMain, createAppQueryClient } from '../../../renderer/queries/query-client';
import { ok } from './portal-licenses-fixtures';

/** Main over IPC as the page sees it: each channel answers with `answer`, events are pushed with `emit`. */
function fakeMain(answer: (channel: ChannelName) => Promise<unknown>) {
  const sent: ChannelName[] = [];
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const client = {
    invoke: (channel: ChannelName) => {
      sent.push(channel);
      return answer(channel);
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  } as unknown as Api;
  const emit = (event: string): void => listeners.get(event)?.forEach((listener) => listener({}));
  return { client, sent, emit };
}

/** A query kept on screen (observed), as a mounted component keeps it. */
async function shown(queryClient: QueryClient, queryKey: readonly unknown[], channel: ChannelName) {
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: ({ client }) => askMain(client, channel, {} as never),
  });
  const unsubscribe = observer.subscribe(() => undefined);
  await vi.waitFor(() => expect(observer.getCurrentResult().status).not.toBe('pending'), { timeout: 5_000 });
  return { observer, unsubscribe };
}

describe('an IPC answer as query data', () => {
  it('is the value, or main’s failure thrown with its code, words and field messages', async () => {
    await expect(answerOf(Promise.resolve(ok({ url: 'https://x.test' })))).resolves.toEqual({ url: 'https://x.test' });
    const failure = {
      code: 'invalid_input' as const,
      message: 'Some fields are not valid.',
      fields: { name: 'Too long' },
    };
    const error = await answerOf(Promise.resolve({ ok: false as const, error: failure })).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(IpcFailureError);
    expect(error).toMatchObject({ ...failure, answered: true });
  });

  it('a call that broke on the way is a typed failure too, marked as no answer', async () => {
    const error = await answerOf(Promise.reject(new Error('the channel closed'))).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'internal_error', message: 'the channel closed', answered: false });
  });

  it('main’s refusal is final: asked once; a call that got no answer is asked once more', async () => {
    const refusing = fakeMain(async () => ({ ok: false, error: { code: 'forbidden', message: 'Only an Owner can.' } }));
    const refused = await shown(
      createAppQueryClient(refusing.client),
      ['portal', 'a', 'x'],
      'portal:list-organizations',
    );
    expect(refused.observer.getCurrentResult().error).toMatchObject({
      code: 'forbidden',
      message: 'Only an Owner can.',
    });
    expect(refusing.sent).toHaveLength(1);

    let calls = 0;
    const flaky = fakeMain(async () => (calls++ === 0 ? Promise.reject(new Error('gone')) : ok({ organizations: [] })));
    const retried = await shown(createAppQueryClient(flaky.client), ['portal', 'a', 'x'], 'portal:list-organizations');
    await vi.waitFor(() => expect(retried.observer.getCurrentResult().data).toEqual({ organizations: [] }), {
      timeout: 5_000,
    });
    expect(flaky.sent).toHaveLength(2);
  });
});

describe('main’s push events', () => {
  function wired() {
    const main = fakeMain(async (channel) =>
      ok(channel === 'portal:list-organizations' ? { organizations: [] } : { rows: [] }),
    );
    const queryClient = createAppQueryClient(main.client);
    portalEventsWired(main.client, queryClient);
    return { main, queryClient };
  }

  it('portal:did-change reads the portal queries on screen again, and no other', async () => {
    const { main, queryClient } = wired();
    await shown(queryClient, portalKeys.organizations('acct-alice'), 'portal:list-organizations');
    await shown(queryClient, ['instances'], 'instances:list');
    main.emit('portal:did-change');
    await vi.waitFor(
      () => expect(main.sent.filter((channel) => channel === 'portal:list-organizations')).toHaveLength(2),
      { timeout: 10_000 },
    );
    expect(main.sent.filter((channel) => channel === 'instances:list')).toHaveLength(1);
  });

  it('a portal query no longer on screen is only marked stale: it is read when shown again', async () => {
    const { main, queryClient } = wired();
    const { unsubscribe } = await shown(
      queryClient,
      portalKeys.members('acct-alice', 'org'),
      'portal:list-organizations',
    );
    unsubscribe();
    main.emit('portal:did-change');
    await new Promise((settled) => setTimeout(settled, 20));
    expect(main.sent).toHaveLength(1);
    expect(queryClient.getQueryState(portalKeys.members('acct-alice', 'org'))?.isInvalidated).toBe(true);
  });
});
