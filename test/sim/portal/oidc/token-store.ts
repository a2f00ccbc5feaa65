import { createHash } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** One stored oidc-provider artifact (session, interaction, grant, code, token …) and when storage may drop it. */
export interface StoredArtifact {
  payload: AdapterPayload;
  /** Epoch ms; null = kept until destroyed. */
  dropAt: number | null;
}

/** Kinds that belong to a grant and go when the grant is revoked. */
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/**
 * Kinds whose id IS the credential (opaque tokens, codes): they are stored under the SHA-256 of the id
 * and without it in the payload, so neither memory dumps nor the state file hold a usable token.
 */
const CREDENTIALS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken']);

/** Expired tokens stay findable this long, so the API can say "expired" rather than "unknown". */
const KEEP_EXPIRED_MS = 60 * 60 * 1000;

function storageKey(model: string, id: string): string {
  return CREDENTIALS.has(model) ? `${model}:sha256:${createHash('sha256').update(id).digest('hex')}` : `${model}:${id}`;
}

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
    const credential = CREDENTIALS.has(model);
    return {
      upsert: async (id, payload, expiresIn) => {
        const dropAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 + KEEP_EXPIRED_MS : null;
        const stored = structuredClone(payload);
        if (credential) delete stored.jti;
        this.artifacts.set(storageKey(model, id), { payload: stored, dropAt });
      },
      find: async (id) => {
        const payload = this.read(storageKey(model, id));
        return payload === undefined || !credential ? payload : { ...payload, jti: id };
      },
      findByUid: async (uid) => this.findWhere(model, (payload) => payload.uid === uid),
      findByUserCode: async (userCode) => this.findWhere(model, (payload) => payload.userCode === userCode),
      consume: async (id) => {
        const stored = this.artifacts.get(storageKey(model, id));
        if (stored !== undefined) stored.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.artifacts.delete(storageKey(model, id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [key, stored] of this.artifacts) {
          if (GRANT_MEMBERS.has(key.slice(0, key.indexOf(':'))) && stored.payload.grantId === grantId)
            this.artifacts.delete(key);
        }
      },
    };
  };

  /** Makes every stored token of these kinds expired now (their `exp` one second ago). */
  expire(kinds: readonly ('AccessToken' | 'RefreshToken')[]): void {
    const past = Math.floor(Date.now() / 1000) - 1;
    for (const [key, stored] of this.artifacts) {
      if (kinds.some((kind) => key.startsWith(`${kind}:`))) stored.payload.exp = past;
    }
  }

  /** Everything still kept, for the state file. */
  snapshot(): Record<string, StoredArtifact> {
    this.prune();
    return Object.fromEntries(this.artifacts);
  }

  private read(key: string): AdapterPayload | undefined {
    const stored = this.artifacts.get(key);
    if (stored === undefined) return undefined;
    if (stored.dropAt !== null && stored.dropAt <= Date.now()) {
      this.artifacts.delete(key);
      return undefined;
    }
    return structuredClone(stored.payload);
  }

  /** For sessions and device codes, which are never credentials, so their payload still holds the id. */
  private findWhere(model: string, test: (payload: AdapterPayload) => boolean): AdapterPayload | undefined {
    for (const [key, stored] of this.artifacts) {
      if (key.startsWith(`${model}:`) && test(stored.payload)) return this.read(key);
    }
    return undefined;
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, stored] of this.artifacts) {
      if (stored.dropAt !== null && stored.dropAt <= now) this.artifacts.delete(key);
    }
  }
}
