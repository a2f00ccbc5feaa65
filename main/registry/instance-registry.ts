import { describeIssues } from '../settings/stored-records';
import { INSTANCE_RECORD_SCHEMA, nameKey, type InstanceRecord } from './instance-record';
import { RegistryError, type RegistryStore } from './registry-store';
import { storedInstances, type SavedInstance } from './stored-instances';

/** What may change in a saved record: everything but its id. */
export type InstanceRecordPatch = Partial<Omit<InstanceRecord, 'id'>>;

/** The saved instances. Every call reads the store afresh and validates it; nothing is cached. */
export interface InstanceRegistry {
  /** In saved order. Throws RegistryError (`unreadable`, `corrupt`) when the file cannot be trusted. */
  list(): InstanceRecord[];
  get(id: string): InstanceRecord | undefined;
  /** By display name, case-insensitively (and ignoring surrounding spaces). */
  findByName(name: string): InstanceRecord | undefined;
  /** Saves a new record; refuses an invalid one, a taken id, or a name already used (case-insensitively). */
  add(record: InstanceRecord): InstanceRecord;
  /** Changes a record; refuses an unknown id, an invalid result or a name another record uses. */
  update(id: string, patch: InstanceRecordPatch): InstanceRecord;
  /** Changes several records in one read and one write; ids no longer saved are skipped. */
  updateMany(patches: ReadonlyMap<string, InstanceRecordPatch>): void;
  /** Removes a record; false when there was none with this id. */
  remove(id: string): boolean;
}

function duplicateName(name: string, existing: InstanceRecord): RegistryError {
  return new RegistryError(
    'duplicate_name',
    `An instance named "${existing.name}" is already saved; names are compared ignoring case, so choose another name than "${name}".`,
  );
}

function checked(record: unknown, what: string): SavedInstance {
  const parsed = INSTANCE_RECORD_SCHEMA.safeParse(record);
  if (!parsed.success)
    throw new RegistryError(
      'invalid_record',
      `${what} is not a valid instance record: ${describeIssues(parsed.error.issues, 'record')}`,
    );
  return parsed.data;
}

/** The instance registry over a store (`config.json`, in the app and the CLI alike). */
export function createInstanceRegistry(store: RegistryStore): InstanceRegistry {
  const parse = (raw: unknown) => {
    const stored = storedInstances(raw);
    if (typeof stored === 'string') {
      throw new RegistryError(
        'corrupt',
        `The saved instances in ${store.location} are damaged: ${stored}. Fix the "instances" entry by hand, or move the file away to start again (tokens stay in the token vault).`,
      );
    }
    return stored;
  };
  const read = (): InstanceRecord[] => parse(store.read()).records;

  /** Changes the records as saved at this moment: the read and the write are one step, so another process's change in between is never lost. */
  const change = <T>(work: (records: SavedInstance[]) => { save?: SavedInstance[]; result: T }): T => {
    let result: T | undefined;
    store.update((raw) => {
      const stored = parse(raw);
      const outcome = work(stored.records);
      result = outcome.result;
      return outcome.save?.map((record) => stored.keep(record));
    });
    return result as T;
  };

  const byName = (records: readonly InstanceRecord[], name: string): InstanceRecord | undefined => {
    const key = nameKey(name);
    return records.find((record) => nameKey(record.name) === key);
  };

  return {
    list: read,
    get: (id) => read().find((record) => record.id === id),
    findByName: (name) => byName(read(), name),
    add(record) {
      const next = checked(record, 'The new instance');
      return change((records) => {
        if (records.some((existing) => existing.id === next.id))
          throw new RegistryError('invalid_record', `An instance with the id ${next.id} is already saved.`);
        const taken = byName(records, next.name);
        if (taken !== undefined) throw duplicateName(next.name, taken);
        return { save: [...records, next], result: next };
      });
    },
    update(id, patch) {
      return change((records) => {
        const index = records.findIndex((record) => record.id === id);
        const current = records[index];
        if (current === undefined) throw new RegistryError('not_found', `No saved instance has the id ${id}.`);
        const next = checked({ ...current, ...patch, id }, `The changed instance "${current.name}"`);
        const taken = byName(records, next.name);
        if (taken !== undefined && taken.id !== id) throw duplicateName(next.name, taken);
        return { save: records.map((record, at) => (at === index ? next : record)), result: next };
      });
    },
    updateMany(patches) {
      if (patches.size === 0) return;
      change((records) => ({
        save: records.map((record) => {
          const patch = patches.get(record.id);
          return patch === undefined
            ? record
            : checked({ ...record, ...patch, id: record.id }, `The changed instance "${record.name}"`);
        }),
        result: undefined,
      }));
    },
    remove(id) {
      return change((records) => {
        const kept = records.filter((record) => record.id !== id);
        return kept.length === records.length ? { result: false } : { save: kept, result: true };
      });
    },
  };
}
