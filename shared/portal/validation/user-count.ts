/** The most users of either kind one license can be ordered for. */
export const MAX_USERS = 1_000_000;

/** User counts are positive integers: an order is for at least one user of each kind. */
export const MIN_USERS = { internal: 1, external: 1 } as const;

export type UserKind = keyof typeof MIN_USERS;

/** The message for a user count outside its range, in words. */
export function userCountMessage(kind: UserKind): string {
  return `The number of ${kind} users is a whole number from ${MIN_USERS[kind]} to ${MAX_USERS.toLocaleString('en-US')}`;
}

/** Why `value` is not a user count of this kind, or null when it is one. */
export function userCountProblem(value: unknown, kind: UserKind): string | null {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= MIN_USERS[kind] && value <= MAX_USERS;
  return ok ? null : userCountMessage(kind);
}
