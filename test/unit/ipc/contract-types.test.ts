import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../../shared/ipc/channels';
import { contract, events } from '../../../shared/ipc/contract';
import { portalContract } from '../../../shared/ipc/portal-contract';
import type { Handlers } from '../../../main/ipc/handlers';

/*
 * Compile-time proofs, checked by `tsc -b` (npm test runs it first): each @ts-expect-error line must
 * fail to compile, or tsc reports the directive as unused.
 */
const ok = async () => ({});
const unused = async (): Promise<never> => {
  throw new Error('unused');
};
/** The customer portal's channels, each present (their types are the contract's own). */
const portalHandlers = Object.fromEntries(
  Object.keys(portalContract).map((channel) => [channel, unused]),
) as unknown as Pick<Handlers, keyof typeof portalContract>;
// @ts-expect-error a handler map missing a channel does not compile
export const missingHandler: Handlers = { 'license:copy-fingerprint': ok };

export const extraHandler: Handlers = {
  'license:verify-key': async () => {
    throw new Error('unused');
  },
  'license:copy-key': async () => ({ clearsAt: '2026-01-01T00:00:00Z' }),
  'license:copy-fingerprint': ok,
  'portal:open-purchase': async () => ({ url: 'https://x.example/' }),
  'instances:list': async () => ({ instances: [], dataNotices: [] }),
  'instances:add': async () => {
    throw new Error('unused');
  },
  'instances:remove': ok,
  'instances:refresh': async () => ({ instances: [] }),
  'instances:export': async () => ({ fileName: '', mimeType: '', content: '' }),
  'instances:preflight-install': async () => {
    throw new Error('unused');
  },
  'instances:install-key': async () => {
    throw new Error('unused');
  },
  'instances:update': async () => {
    throw new Error('unused');
  },
  'instances:detail': async () => {
    throw new Error('unused');
  },
  'instances:delete-license': async () => {
    throw new Error('unused');
  },
  'instances:copy-install-id': ok,
  'instances:audit': async () => ({ orphanedAccounts: [], missingTokens: [] }),
  'instances:delete-orphaned-tokens': async () => ({ deleted: 0 }),
  ...portalHandlers,
  'audit:verify': unused,
  'audit:list': unused,
  'audit:export': async () => ({ fileName: '', mimeType: '', content: '' }),
  // @ts-expect-error a handler for a channel the contract does not name does not compile
  'secrets:read-token': ok,
};

describe('the IPC contract', () => {
  it('gives every channel and event name its schemas, and no more', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });
});
