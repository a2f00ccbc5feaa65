/*
 * The audit trail's query keys: the chain's verdict and the entries, under one root, so
 * `audit:did-change` (and any change main records) invalidates both (renderer/ipc/events.ts).
 */

const all = ['audit'] as const;

export const auditKeys = {
  all,
  verdict: () => [...all, 'verdict'] as const,
  /**
   * Every entry, as `audit:list` answers (it takes no filters): the screen filters on the page, and
   * needs the whole trail anyway for what its filters offer, so a filter change asks main nothing.
   */
  entries: () => [...all, 'entries'] as const,
};
