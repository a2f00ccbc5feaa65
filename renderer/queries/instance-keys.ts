/*
 * The instances' query keys: the list, each instance's page, and the token vault's audit, under one root,
 * so `instances:did-change` invalidates them all (renderer/ipc/events.ts). A preflight is asked for one
 * key and one instance at a time; it is a mutation's answer, never cached under these keys.
 */

const all = ['instances'] as const;

export const instanceKeys = {
  all,
  list: () => [...all, 'list'] as const,
  /** One instance's page (`instances:detail`), by id. */
  detail: (id: string) => [...all, 'detail', id] as const,
  /** Tokens without an instance and instances without a token (`instances:audit`). */
  vaultAudit: () => [...all, 'vault-audit'] as const,
};
