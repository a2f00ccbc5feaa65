/**
 * Keys the user verified in this session, by fingerprint, so the page can ask main to copy one without
 * ever receiving it. Memory only, never written anywhere; the oldest are forgotten first.
 */
export interface RecentKeys {
  remember(fingerprint: string, key: string): void;
  get(fingerprint: string): string | undefined;
}

export function createRecentKeys(limit = 32): RecentKeys {
  const keys = new Map<string, string>();
  return {
    remember(fingerprint, key) {
      keys.delete(fingerprint);
      keys.set(fingerprint, key);
      if (keys.size > limit) keys.delete(keys.keys().next().value as string);
    },
    get: (fingerprint) => keys.get(fingerprint),
  };
}
