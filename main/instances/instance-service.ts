import { randomUUID, X509Certificate } from 'node:crypto';
import { INSTANCE_RECORD_SCHEMA, type InstanceRecord } from '../registry/instance-record';
import type { InstanceRecordPatch, InstanceRegistry } from '../registry/instance-registry';
import { instanceAccount, instanceIdOf, type SecretStore } from '../secrets/secret-store';
import { createInstanceClient, type InstanceClient, type InstanceConnection } from './instance-client';
import type { InstanceSnapshot } from './instance-snapshot';
import { isOverCapacity } from './over-capacity';
import { nextPreviousInstallId } from './install-id-change';
import { nextOverCapacitySince } from './refresh-patch';

export type InstanceServiceErrorCode =
  | 'invalid_name'
  | 'duplicate_name'
  | 'invalid_url'
  | 'invalid_token'
  | 'invalid_ca'
  | 'invalid_customer'
  | 'invalid_tags'
  | 'unknown_instance'
  | 'missing_token';

/** A request the service refuses before anything is sent or saved, or a saved instance it cannot use; the message is for people. */
export class InstanceServiceError extends Error {
  override name = 'InstanceServiceError';

  constructor(
    readonly code: InstanceServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface NewInstance {
  name: string;
  url: string;
  /** The API token: goes to the OS keychain only. */
  token: string;
  customer?: string | null;
  tags?: readonly string[];
  caPem?: string | null;
}

/** Fields to change; `null` clears customer or CA. A new `token` replaces the one in the keychain. */
export interface InstanceChange {
  name?: string;
  url?: string;
  token?: string;
  customer?: string | null;
  tags?: readonly string[];
  caPem?: string | null;
}

/** How to reach a saved instance; `token` comes from the keychain and must not be kept anywhere else. */
export interface SavedConnection {
  url: string;
  token: string;
  caPem: string | null;
}

export interface InstanceAudit {
  /** Keychain accounts (`instance:<id>`) with no saved instance. */
  orphanedSecrets: string[];
  /** Ids of saved instances whose token is not in the keychain. */
  missingSecrets: string[];
}

export interface InstanceService {
  /** Validates, tests the connection (rethrowing its InstanceError), then saves the token in the keychain and the record; saves nothing on any failure. */
  add(input: NewInstance): Promise<InstanceRecord>;
  /** Changes a saved instance; re-tests the connection when the URL, token or CA change, and keeps the old token on any failure. */
  update(id: string, change: InstanceChange): Promise<InstanceRecord>;
  /** Deletes the keychain entry, then the record (either may already be gone); unknown_instance when neither existed. */
  remove(id: string): Promise<{ record: boolean; secret: boolean }>;
  /** The URL, CA and keychain token of a saved instance. */
  connectionFor(id: string): Promise<SavedConnection>;
  /** The same for many saved instances, reading the keychain once; an instance without a token gets its error. */
  connectionsFor(records: readonly InstanceRecord[]): Promise<Map<string, SavedConnection | InstanceServiceError>>;
  /** Keychain entries without a record, and records without a keychain entry. */
  audit(): Promise<InstanceAudit>;
  /** Deletes the `instance:<id>` keychain entries whose id no saved instance has (never another kind of entry); returns how many. */
  deleteOrphanedSecrets(): Promise<number>;
}

export interface InstanceServiceDeps {
  registry: InstanceRegistry;
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

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f]/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InstanceServiceError('invalid_name', 'Give the instance a name.');
  const problem = INSTANCE_RECORD_SCHEMA.shape.name.safeParse(trimmed);
  if (!problem.success) throw new InstanceServiceError('invalid_name', `The name cannot be used: ${problem.error.issues[0]?.message ?? 'invalid'}.`);
  return trimmed;
}

/** An instance address: http(s), no credentials; query and fragment dropped, no trailing slash. */
export function normalizeInstanceUrl(text: string): string {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) throw new InstanceServiceError('invalid_url', 'The URL is not valid; give the instance address as https://host[:port][/path].');
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InstanceServiceError('invalid_url', `The URL must start with https:// or http://, not ${url.protocol}//.`);
  if (url.username !== '' || url.password !== '') throw new InstanceServiceError('invalid_url', 'The URL must not contain a user name or password; the API token authenticates.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function validToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new InstanceServiceError('invalid_token', 'Give an API token: create one in authentik under Directory → Tokens with the intent "API".');
  if (CONTROL_OR_SPACE.test(trimmed)) throw new InstanceServiceError('invalid_token', 'The API token contains spaces or line breaks; copy it again from Directory → Tokens.');
  return trimmed;
}

/** One or more PEM certificates, each parsed; returned trimmed with one final newline. */
export function validCaPem(text: string): string {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new InstanceServiceError('invalid_ca', 'The CA is not a PEM certificate: it must contain -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.');
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      throw new InstanceServiceError('invalid_ca', `The CA's ${blocks.length > 1 ? `certificate ${index + 1}` : 'certificate'} cannot be read; paste the PEM file again.`);
    }
  }
  return `${text.trim()}\n`;
}

function validCustomer(customer: string | null | undefined): string | null {
  const trimmed = customer?.trim() ?? '';
  if (trimmed === '') return null;
  const checked = INSTANCE_RECORD_SCHEMA.shape.customer.safeParse(trimmed);
  if (!checked.success) throw new InstanceServiceError('invalid_customer', `The customer cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
  return trimmed;
}

function validTags(tags: readonly string[] | undefined): string[] {
  const kept = [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  const checked = INSTANCE_RECORD_SCHEMA.shape.tags.safeParse(kept);
  if (!checked.success) throw new InstanceServiceError('invalid_tags', `A tag cannot be used: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
  return kept;
}

/** A saved instance whose token is not in the keychain. */
function missingToken(record: InstanceRecord): InstanceServiceError {
  return new InstanceServiceError(
    'missing_token',
    `The keychain holds no API token for the saved instance "${record.name}" (account ${instanceAccount(record.id)}): it was deleted, or this is another user's or session's keychain. Enter the token again in the app (edit the instance).`,
  );
}

/** Adding, editing and removing saved instances: records in the registry, tokens in the keychain, never the two out of step. */
export function createInstanceService(deps: InstanceServiceDeps): InstanceService {
  const { registry, secrets } = deps;
  const connect = deps.connect ?? createInstanceClient;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;

  const refuseTakenName = (name: string, self: string | null): void => {
    const taken = registry.findByName(name);
    if (taken !== undefined && taken.id !== self) {
      throw new InstanceServiceError('duplicate_name', `An instance named "${taken.name}" is already saved; names are compared ignoring case, so choose another name.`);
    }
  };

  const saved = (id: string): InstanceRecord => {
    const record = registry.get(id);
    if (record === undefined) throw new InstanceServiceError('unknown_instance', `No saved instance has the id ${id}; it may have been removed.`);
    return record;
  };

  /** Reads the instance once; throws its InstanceError. */
  const test = (connection: SavedConnection): Promise<InstanceSnapshot> =>
    connect({ url: connection.url, token: connection.token, caPem: connection.caPem, ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) }).readSnapshot();

  /** The record fields a successful connection test sets. */
  const seen = (snapshot: InstanceSnapshot, before: InstanceRecord | null): Pick<InstanceRecord, 'lastInstallId' | 'lastVersion' | 'lastRefresh' | 'overCapacitySince'> => {
    const at = new Date(now()).toISOString();
    return {
      lastInstallId: snapshot.installId ?? before?.lastInstallId ?? null,
      lastVersion: snapshot.version,
      lastRefresh: { at, ok: true, errorCode: null, errorMessage: null },
      overCapacitySince: nextOverCapacitySince(before?.overCapacitySince ?? null, isOverCapacity(snapshot), at),
    };
  };

  /** Keychain entries without a record, and records without a keychain entry. */
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
      const token = validToken(input.token);
      const caPem = input.caPem === undefined || input.caPem === null || input.caPem.trim() === '' ? null : validCaPem(input.caPem);
      const customer = validCustomer(input.customer);
      const tags = validTags(input.tags);
      refuseTakenName(name, null);

      const snapshot = await test({ url, token, caPem });

      const id = newId();
      const account = instanceAccount(id);
      await secrets.set(account, token);
      try {
        return registry.add({ id, name, url, customer, tags, caPem, ...seen(snapshot, null) });
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
      if (change.caPem !== undefined) patch.caPem = change.caPem === null || change.caPem.trim() === '' ? null : validCaPem(change.caPem);
      const newToken = change.token === undefined ? undefined : validToken(change.token);

      const url = patch.url ?? record.url;
      const caPem = patch.caPem === undefined ? record.caPem : patch.caPem;
      const retest = url !== record.url || caPem !== record.caPem || newToken !== undefined;
      if (!retest) return registry.update(id, patch);

      const oldToken = await secrets.get(account);
      const token = newToken ?? oldToken;
      if (token === null) throw new InstanceServiceError('missing_token', `The keychain holds no API token for "${record.name}"; enter the token to change its connection.`);
      const snapshot = await test({ url, token, caPem });
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
      if (!record && !secret) throw new InstanceServiceError('unknown_instance', `No saved instance or keychain entry has the id ${id}.`);
      return { record, secret };
    },

    async connectionFor(id) {
      const record = saved(id);
      const token = await secrets.get(instanceAccount(id));
      if (token === null) throw missingToken(record);
      return { url: record.url, token, caPem: record.caPem };
    },
    async connectionsFor(records) {
      const tokens = await secrets.entries();
      return new Map(
        records.map((record) => {
          const token = tokens.get(instanceAccount(record.id));
          return [record.id, token === undefined ? missingToken(record) : { url: record.url, token, caPem: record.caPem }];
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
