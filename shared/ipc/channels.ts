/**
 * The names of every IPC channel and push event, with no schemas attached, so the preload can
 * check names without bundling zod. `contract.ts` gives each name its schemas.
 */

export const CHANNELS = [
  'license:verify-key',
  'license:copy-key',
  'license:copy-fingerprint',
  'portal:open-purchase',
  'instances:list',
  'instances:add',
  'instances:remove',
  'instances:refresh',
  'instances:export',
  'instances:preflight-install',
  'instances:install-key',
  'instances:update',
  'instances:detail',
  'instances:delete-license',
  'instances:copy-install-id',
  'instances:audit',
  'instances:delete-orphaned-tokens',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = ['clipboard:did-clear', 'instances:did-change', 'instances:refresh-progress'] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEvent(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
