import type { Adapter, AdapterPayload } from 'oidc-provider';

/** One stored oidc-provider artifact (session, interaction, grant, code, token …) and when storage may drop it. */
export interface StoredArtifact {
  payload: AdapterPayload;
  /** Epoch ms; null = kept until destroyed. */
  dropAt: number | null;
}

/** Kinds that belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/** Expired tokens stay findable this long, so the API can say "expired" rather than "unknown". */
const KEEP_EXPIRED_MS = 60 * 60 * 1000;

/**
 * oidc-provider's storage: every artifact in one map keyed `Model:id`, serialisable so a simulator
 * restarted from its state file keeps its sign-ins. Tests can expire tokens at once with `expire`.
 */
export class TokenStore {
  private readonly artifacts: Map<string, StoredArtifact>;

  constructor(saved: Record<string, StoredArtifact> = {}) {
    this.artifacts = new Map(Object.entries(saved));
  }

  /** The adapter factory oidc-provider's `adapter` option takes. */
  adapterFor = (model: string): Adapter => {
    const key = (id: string): string => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => {
        const dropAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 + KEEP_EXPIRED_MS : null;
        this.artifacts.set(key(id), { payload: structuredClone(payload), dropAt });
      },
      find: async (id) => this.read(key(id)),
      findByUid: async (uid) => this.findWhere(model, (payload) => payload.uid === uid),
      findByUserCode: async (userCode) => this.findWhere(model, (payload) => payload.userCode === userCode),
      consume: async (id) => {
        const stored = this.artifacts.get(key(id));
        if (stored !== undefined) stored.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.artifacts.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [storedKey, stored] of this.artifacts) {
          if (GRANT_MEMBERS.has(storedKey.slice(0, storedKey.indexOf(':'))) && stored.payload.grantId === grantId) this.artifacts.delete(storedKey);
        }
      },
    };
  };

  /** Makes every stored token of these kinds expired now (their `exp` one second ago). */
  expire(kinds: readonly ('AccessToken' | 'RefreshToken')[]): void {
    const past = Math.floor(Date.now() / 1000) - 1;
    for (const [storedKey, stored] of this.artifacts) {
      if (kinds.some((kind) => storedKey.startsWith(`${kind}:`))) stored.payload.exp = past;
    }
  }

  /** Everything still kept, for the state file. */
  snapshot(): Record<string, StoredArtifact> {
    this.prune();
    return Object.fromEntries(this.artifacts);
  }

  private read(storedKey: string): AdapterPayload | undefined {
    const stored = this.artifacts.get(storedKey);
    if (stored === undefined) return undefined;
    if (stored.dropAt !== null && stored.dropAt <= Date.now()) {
      this.artifacts.delete(storedKey);
      return undefined;
    }
    return structuredClone(stored.payload);
  }

  private findWhere(model: string, test: (payload: AdapterPayload) => boolean): AdapterPayload | undefined {
    for (const [storedKey, stored] of this.artifacts) {
      if (storedKey.startsWith(`${model}:`) && test(stored.payload)) return this.read(storedKey);
    }
    return undefined;
  }

  private prune(): void {
    const now = Date.now();
    for (const [storedKey, stored] of this.artifacts) {
      if (stored.dropAt !== null && stored.dropAt <= now) this.artifacts.delete(storedKey);
    }
  }
}
