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
  'instances:undo-delete-license',
  'instances:copy-install-id',
  'instances:audit',
  'instances:delete-orphaned-tokens',
  // Bulk import from a CSV or fleet file (main/ipc/handlers/fleet-import-handlers.ts).
  'instances:import-preview',
  'instances:import',
  // The dashboard's bulk actions (issue 17).
  'instances:tag',
  // The customer portal (shared/ipc/portal-contract.ts).
  'portal:list-accounts',
  'portal:sign-in',
  'portal:cancel-sign-in',
  'portal:switch-account',
  'portal:sign-out',
  'portal:open-web',
  'portal:list-organizations',
  'portal:create-organization',
  'portal:get-organization',
  'portal:update-organization',
  'portal:open-support',
  'portal:list-members',
  'portal:update-member',
  'portal:remove-member',
  'portal:create-invitation',
  'portal:revoke-invitation',
  'portal:resend-invitation',
  'portal:preview-invitation',
  'portal:accept-invitation',
  'portal:list-plans',
  'portal:list-licenses',
  'portal:get-license',
  'portal:reveal-license-key',
  'portal:copy-license-key',
  'portal:rename-license',
  'portal:preflight-license-install',
  'portal:install-license',
  'portal:checkout',
  'portal:renew-license',
  'portal:open-checkout',
  'portal:copy-checkout-url',
  'portal:list-pending-installs',
  'portal:get-billing-account',
  'portal:update-billing-account',
  'portal:list-payment-methods',
  'portal:setup-payment-method',
  'portal:list-invoices',
  'portal:open-invoice',
  'portal:pay-invoice',
  // The audit trail (shared/ipc/audit-contract.ts).
  'audit:verify',
  'audit:list',
  'audit:export',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = [
  'clipboard:did-clear',
  'instances:did-change',
  'instances:refresh-progress',
  'instances:import-progress',
  'portal:did-change',
  'audit:did-change',
] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEvent(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
