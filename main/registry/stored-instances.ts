import type { z } from 'zod';
import { nameKey, STORED_INSTANCE_SCHEMA } from './instance-record';
import { storedRecords, type StoredRecords } from '../settings/stored-records';

/** The key in the data folder's `config.json` that holds the saved instances. */
export const REGISTRY_KEY = 'instances';

/** A saved record as read: every field present (defaults filled in for older files). */
export type SavedInstance = z.output<typeof STORED_INSTANCE_SCHEMA>;

/** The saved instances in the raw `instances` value; the problem in words when they cannot be trusted (wrong types, a repeated id or name). */
export function storedInstances(raw: unknown): StoredRecords<SavedInstance> | string {
  const stored = storedRecords<SavedInstance>(raw, STORED_INSTANCE_SCHEMA, REGISTRY_KEY);
  if (typeof stored === 'string') return stored;
  const ids = new Set<string>();
  const names = new Map<string, string>();
  for (const record of stored.records) {
    if (ids.has(record.id)) return `two instances have the id ${record.id}`;
    ids.add(record.id);
    const other = names.get(nameKey(record.name));
    if (other !== undefined)
      return `two instances are named "${other}" and "${record.name}", which differ only in case`;
    names.set(nameKey(record.name), record.name);
  }
  return stored;
}
