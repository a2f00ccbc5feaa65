import { randomUUID } from 'node:crypto';
import { nameTakenMessage } from '../../shared/instances/validation';
import type { InstanceRecord } from '../registry/instance-record';
import type { InstanceRecordPatch, InstanceRegistry } from '../registry/instance-registry';
import { instanceAccount, instanceIdOf, type SecretStore } from '../secrets/secret-store';
import { createInstanceClient, type InstanceClient, type InstanceConnection } from './instance-client';
import {
  normalizeInstanceUrl,
  validAllowHttp,
  validCaPem,
  validCustomer,
  validName,
  validTags,
  validToken,
} from './instance-input';
import { InstanceServiceError } from './instance-service-error';
import type { InstanceSnapshot } from './instance-snapshot';
import { isOverCapacity } from './over-capacity';
import { nextPreviousInstallId } from './install-id-change';
import { nextOverCapacitySince } from './refresh-patch';

export interface NewInstance {
  name: string;
  url: string;
  /** The API token: goes to the token vault only. */
  token: string;
  customer?: string | null;
  tags?: readonly string[];
  caPem?: string | null;
  /** Allows plain http:// to another computer (the token then travels unencrypted); refused without it. */
  allowHttp?: boolean;
}

/** Fields to change; `null` clears customer or CA. A new `token` replaces the one in the vault. */
export interface InstanceChange {
  name?: string;
  url?: string;
  token?: string;
  customer?: string | null;
  tags?: readonly string[];
  caPem?: string | null;
  allowHttp?: boolean;
}

/** How to reach a saved instance; `token` comes from the token vault and must not be kept anywhere else. */
export interface SavedConnection {
  url: string;
  token: string;
  caPem: string | null;
  allowHttp: boolean;
}

export interface InstanceAudit {
  /** Token accounts (`instance:<id>`) with no saved instance. */
  orphanedSecrets: string[];
  /** Ids of saved instances without a token. */
  missingSecrets: string[];
}

export interface InstanceService {
  /** Validates, tests the connection (rethrowing its InstanceError), then saves the token and the record; saves nothing on any failure. */
  add(input: NewInstance): Promise<InstanceRecord>;
  /** Changes a saved instance; re-tests the connection when the URL, token or CA change, and keeps the old token on any failure. */
  update(id: string, change: InstanceChange): Promise<InstanceRecord>;
  /** Deletes the token, then the record (either may already be gone); unknown_instance when neither existed. */
  remove(id: string): Promise<{ record: boolean; secret: boolean }>;
  /** The URL, CA and token of a saved instance. */
  connectionFor(id: string): Promise<SavedConnection>;
  /** The same for many saved instances, reading the tokens once; an instance without a token gets its error. */
  connectionsFor(records: readonly InstanceRecord[]): Promise<Map<string, SavedConnection | InstanceServiceError>>;
  /** Tokens without a record, and records without a token. */
  audit(): Promise<InstanceAudit>;
  /** Deletes the `instance:<id>` tokens whose id no saved instance has (never another kind of entry); returns how many. */
  deleteOrphanedSecrets(): Promise<number>;
}

export interface InstanceServiceDeps {
  registry: InstanceRegistry;
  /** Where the tokens are: the data folder's token vault. */
  secrets: SecretStore;
  /** How connections are tested; the real client by default. */
  connect?: (connection: InstanceConnection) => Pick<InstanceClient, 'readSnapshot'>;
  /** Epoch ms; Date.now by default. */
  now?: () => number;
  /** New record ids; random UUIDs by default. */
  newId?: () => string;
  /** For each connection test; the client's default (15 s) when absent. */
  timeoutMs?: number;
}

/** A saved instance without a token. */
function missingToken(record: InstanceRecord): InstanceServiceError {
  return new InstanceServiceError(
    'missing_token',
    `The token vault holds no API token for the saved instance "${record.name}" (account ${instanceAccount(record.id)}): it was deleted, or its entry was damaged. Enter the token again in the app (edit the instance).`,
  );
}

/** Adding, editing and removing saved instances: records in the registry, tokens in the vault, never the two out of step. */
export function createInstanceService(deps: InstanceServiceDeps): InstanceService {
  const { registry, secrets } = deps;
  const connect = deps.connect ?? createInstanceClient;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;

  const refuseTakenName = (name: string, self: string | null): void => {
    const taken = registry.findByName(name);
    if (taken !== undefined && taken.id !== self) {
      throw new InstanceServiceError('duplicate_name', nameTakenMessage(name));
    }
  };

  const saved = (id: string): InstanceRecord => {
    const record = registry.get(id);
    if (record === undefined)
      throw new InstanceServiceError(
        'unknown_instance',
        `No saved instance has the id ${id}; it may have been removed.`,
      );
    return record;
  };

  /** Reads the instance once; throws its InstanceError. */
  const test = (connection: SavedConnection): Promise<InstanceSnapshot> =>
    connect({ ...connection, ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) }).readSnapshot();

  const connectionOf = (record: InstanceRecord, token: string): SavedConnection => ({
    url: record.url,
    token,
    caPem: record.caPem,
    allowHttp: record.allowHttp ?? false,
  });

  /** The record fields a successful connection test sets. */
  const seen = (
    snapshot: InstanceSnapshot,
    before: InstanceRecord | null,
  ): Pick<InstanceRecord, 'lastInstallId' | 'lastVersion' | 'lastRefresh' | 'overCapacitySince'> => {
    const at = new Date(now()).toISOString();
    return {
      lastInstallId: snapshot.installId ?? before?.lastInstallId ?? null,
      lastVersion: snapshot.version,
      lastRefresh: { at, ok: true, errorCode: null, errorMessage: null },
      overCapacitySince: nextOverCapacitySince(before?.overCapacitySince ?? null, isOverCapacity(snapshot), at),
    };
  };

  /** Tokens without a record, and records without a token. */
  const audit = async (): Promise<InstanceAudit> => {
    const accounts = await secrets.accounts();
    const records = registry.list();
    const ids = new Set(records.map((record) => record.id));
    const withSecret = new Set(accounts.map(instanceIdOf).filter((id) => id !== null));
    return {
      orphanedSecrets: accounts.filter((account) => {
        const id = instanceIdOf(account);
        return id !== null && !ids.has(id);
      }),
      missingSecrets: records.filter((record) => !withSecret.has(record.id)).map((record) => record.id),
    };
  };

  return {
    async add(input) {
      const name = validName(input.name);
      const url = normalizeInstanceUrl(input.url);
      const allowHttp = validAllowHttp(url, input.allowHttp ?? false);
      const token = validToken(input.token);
      const caPem =
        input.caPem === undefined || input.caPem === null || input.caPem.trim() === '' ? null : validCaPem(input.caPem);
      const customer = validCustomer(input.customer);
      const tags = validTags(input.tags);
      refuseTakenName(name, null);

      const snapshot = await test({ url, token, caPem, allowHttp });

      const id = newId();
      const account = instanceAccount(id);
      await secrets.set(account, token);
      try {
        return registry.add({ id, name, url, customer, tags, caPem, allowHttp, ...seen(snapshot, null) });
      } catch (error) {
        await secrets.delete(account).catch(() => false);
        throw error;
      }
    },

    async update(id, change) {
      const record = saved(id);
      const account = instanceAccount(id);
      const patch: InstanceRecordPatch = {};
      if (change.name !== undefined) {
        patch.name = validName(change.name);
        refuseTakenName(patch.name, id);
      }
      if (change.url !== undefined) patch.url = normalizeInstanceUrl(change.url);
      if (change.customer !== undefined) patch.customer = validCustomer(change.customer);
      if (change.tags !== undefined) patch.tags = validTags(change.tags);
      if (change.caPem !== undefined)
        patch.caPem = change.caPem === null || change.caPem.trim() === '' ? null : validCaPem(change.caPem);
      const newToken = change.token === undefined ? undefined : validToken(change.token);

      const url = patch.url ?? record.url;
      const caPem = patch.caPem === undefined ? record.caPem : patch.caPem;
      patch.allowHttp = validAllowHttp(url, change.allowHttp ?? record.allowHttp ?? false);
      // Allowing plain HTTP may be what lets an address saved before the rule connect again: test it first.
      const allowedNow = patch.allowHttp && record.allowHttp !== true;
      const retest = url !== record.url || caPem !== record.caPem || newToken !== undefined || allowedNow;
      if (!retest) return registry.update(id, patch);

      const oldToken = await secrets.get(account);
      const token = newToken ?? oldToken;
      if (token === null)
        throw new InstanceServiceError(
          'missing_token',
          `The token vault holds no API token for "${record.name}"; enter the token to change its connection.`,
        );
      const snapshot = await test({ url, token, caPem, allowHttp: patch.allowHttp });
      const next = {
        ...patch,
        ...seen(snapshot, url === record.url ? record : null),
        previousInstallId: nextPreviousInstallId(record, snapshot.installId, null),
        // Another address may be another server: what was last known of the old one is not shown for it.
        ...(url === record.url ? {} : { lastStatus: null }),
      };
      if (newToken === undefined || newToken === oldToken) return registry.update(id, next);

      await secrets.set(account, newToken);
      try {
        return registry.update(id, next);
      } catch (error) {
        await (oldToken === null ? secrets.delete(account) : secrets.set(account, oldToken)).catch(() => undefined);
        throw error;
      }
    },

    async remove(id) {
      const secret = await secrets.delete(instanceAccount(id));
      const record = registry.remove(id);
      if (!record && !secret)
        throw new InstanceServiceError('unknown_instance', `No saved instance or saved token has the id ${id}.`);
      return { record, secret };
    },

    async connectionFor(id) {
      const record = saved(id);
      const token = await secrets.get(instanceAccount(id));
      if (token === null) throw missingToken(record);
      return connectionOf(record, token);
    },
    async connectionsFor(records) {
      const tokens = await secrets.entries();
      return new Map(
        records.map((record) => {
          const token = tokens.get(instanceAccount(record.id));
          return [record.id, token === undefined ? missingToken(record) : connectionOf(record, token)];
        }),
      );
    },

    audit,

    async deleteOrphanedSecrets() {
      const { orphanedSecrets } = await audit();
      let deleted = 0;
      for (const account of orphanedSecrets) {
        const id = instanceIdOf(account);
        // Looked up again right before deleting: an instance saved meanwhile keeps its token.
        if (id === null || registry.get(id) !== undefined) continue;
        if (await secrets.delete(account)) deleted += 1;
      }
      return deleted;
    },
  };
}
