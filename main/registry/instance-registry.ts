import { INSTANCE_RECORD_SCHEMA, nameKey, type InstanceRecord } from './instance-record';
import { RegistryError, type RegistryStore } from './registry-store';

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

/** Zod's issues as one line: `instances[2].url: is not an http(s) URL…; …`. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix: string): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${[prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))].join('')}: ${issue.message}`)
    .join('; ');
}

function duplicateName(name: string, existing: InstanceRecord): RegistryError {
  return new RegistryError('duplicate_name', `An instance named "${existing.name}" is already saved; names are compared ignoring case, so choose another name than "${name}".`);
}

function checked(record: unknown, what: string): InstanceRecord {
  const parsed = INSTANCE_RECORD_SCHEMA.safeParse(record);
  if (!parsed.success) throw new RegistryError('invalid_record', `${what} is not a valid instance record: ${describeIssues(parsed.error.issues, 'record')}`);
  return parsed.data;
}

/** The instance registry over a store (`conf`, in the app and the CLI alike). */
export function createInstanceRegistry(store: RegistryStore): InstanceRegistry {
  const corrupt = (detail: string): RegistryError =>
    new RegistryError('corrupt', `The saved instances in ${store.location} are damaged: ${detail}. Fix the "instances" entry by hand, or move the file away to start again (tokens stay in the keychain).`);

  const read = (): InstanceRecord[] => {
    const raw = store.read();
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) throw corrupt(`"instances" is ${raw === null ? 'null' : `a${typeof raw === 'object' ? 'n object' : ` ${typeof raw}`}`}, not a list`);
    const parsed = INSTANCE_RECORD_SCHEMA.array().safeParse(raw);
    if (!parsed.success) throw corrupt(describeIssues(parsed.error.issues, 'instances'));
    const ids = new Set<string>();
    const names = new Map<string, string>();
    for (const record of parsed.data) {
      if (ids.has(record.id)) throw corrupt(`two instances have the id ${record.id}`);
      ids.add(record.id);
      const other = names.get(nameKey(record.name));
      if (other !== undefined) throw corrupt(`two instances are named "${other}" and "${record.name}", which differ only in case`);
      names.set(nameKey(record.name), record.name);
    }
    return parsed.data;
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
      const records = read();
      if (records.some((existing) => existing.id === next.id)) throw new RegistryError('invalid_record', `An instance with the id ${next.id} is already saved.`);
      const taken = byName(records, next.name);
      if (taken !== undefined) throw duplicateName(next.name, taken);
      store.write([...records, next]);
      return next;
    },
    update(id, patch) {
      const records = read();
      const index = records.findIndex((record) => record.id === id);
      const current = records[index];
      if (current === undefined) throw new RegistryError('not_found', `No saved instance has the id ${id}.`);
      const next = checked({ ...current, ...patch, id }, `The changed instance "${current.name}"`);
      const taken = byName(records, next.name);
      if (taken !== undefined && taken.id !== id) throw duplicateName(next.name, taken);
      store.write(records.map((record, at) => (at === index ? next : record)));
      return next;
    },
    updateMany(patches) {
      if (patches.size === 0) return;
      const records = read();
      store.write(records.map((record) => {
        const patch = patches.get(record.id);
        return patch === undefined ? record : checked({ ...record, ...patch, id: record.id }, `The changed instance "${record.name}"`);
      }));
    },
    remove(id) {
      const records = read();
      const kept = records.filter((record) => record.id !== id);
      if (kept.length === records.length) return false;
      store.write(kept);
      return true;
    },
  };
}
