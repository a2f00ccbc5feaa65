// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook } from '@testing-library/react';
import { createElement as h, StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/ipc/api';
import type { EventName } from '../../../shared/ipc/channels';
import { useMainEvents } from '../../../renderer/ipc/events';
import { auditKeys } from '../../../renderer/queries/audit-keys';
import { instanceKeys } from '../../../renderer/queries/instance-keys';
import { portalKeys } from '../../../renderer/queries/portal-keys';
import { createAppQueryClient } from '../../../renderer/queries/query-client';
import { ok } from './portal-licenses-fixtures';

afterEach(cleanup);

/** Main as the page sees it, with listeners that really leave when unsubscribed, so the test can count them. */
function listeningMain() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client = {
    invoke: async () => ok({}),
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => void set.delete(listener);
    },
  } as unknown as Api;
  const emit = (event: EventName, payload: unknown = {}): void =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  const following = (): Record<string, number> =>
    Object.fromEntries([...listeners].filter(([, set]) => set.size > 0).map(([event, set]) => [event, set.size]));
  return { client, emit, following };
}

const KEYS = {
  accounts: portalKeys.accounts,
  organizations: portalKeys.organizations('acct-alice'),
  instances: instanceKeys.list(),
  audit: auditKeys.verdict(),
};

/** The app root's events hook, mounted as main.tsx mounts it (StrictMode mounts, unmounts and mounts it again), over a cache holding one read of each. */
function mounted() {
  const main = listeningMain();
  const queryClient = createAppQueryClient(main.client);
  for (const key of Object.values(KEYS)) queryClient.setQueryData(key, {});
  const wrapper = ({ children }: { children: ReactNode }) =>
    h(StrictMode, null, h(QueryClientProvider, { client: queryClient }, children));
  const hook = renderHook(() => useMainEvents(), { wrapper });
  const invalidated = () =>
    Object.entries(KEYS)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated === true)
      .map(([name]) => name);
  const fresh = (): void => Object.values(KEYS).forEach((key) => queryClient.setQueryData(key, {}));
  return { main, hook, invalidated, fresh };
}

describe('the app root follows main’s events', () => {
  it('once each, however often StrictMode mounts it', () => {
    const { main } = mounted();
    expect(main.following()).toEqual({
      'clipboard:did-clear': 2,
      'instances:did-change': 2,
      'instances:refresh-progress': 1,
      'portal:did-change': 2,
      'audit:did-change': 1,
    });
  });

  it('portal:did-change invalidates the accounts, the portal and the audit queries, not the instances', () => {
    const { main, invalidated } = mounted();
    main.emit('portal:did-change');
    expect(invalidated()).toEqual(['accounts', 'organizations', 'audit']);
  });

  it('instances:did-change invalidates the instances and the audit queries; audit:did-change the audit alone', async () => {
    const { main, invalidated, fresh } = mounted();
    main.emit('instances:did-change');
    await vi.waitFor(() => expect(invalidated()).toEqual(['instances', 'audit']), { timeout: 10_000 });
    fresh();
    main.emit('audit:did-change');
    expect(invalidated()).toEqual(['audit']);
  });

  it('stops following every event once unmounted', () => {
    const { main, hook, invalidated, fresh } = mounted();
    hook.unmount();
    expect(main.following()).toEqual({});
    fresh();
    main.emit('portal:did-change');
    main.emit('audit:did-change');
    expect(invalidated()).toEqual([]);
  });
});
