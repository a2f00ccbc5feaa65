import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/** The records of one list in the settings file, as this version reads them and as it writes them back. */
export interface StoredRecords<T extends { id: string }> {
  /** Each record's fields this version knows, validated. */
  readonly records: T[];
  /**
   * `record` as it is to be written: over the stored record with its id, so that what a newer version put
   * there survives this one (fields it does not know, and known fields it did not change, as they were).
   */
  keep(record: T): Record<string, unknown>;
}

/** Zod's issues as one line: `instances[2].url: is not an http(s) URL…; …`. */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: string,
): string {
  return issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${[prefix, ...issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))].join('')}: ${issue.message}`,
    )
    .join('; ');
}

/** What a value is, in words: for a problem like `"instances" is a string, not a list`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads the list stored under `key` with `schema`, which keeps the fields this version knows and drops the
 * others (those stay in the stored records, for `keep`). Absent reads as empty; anything else that does not
 * fit is the problem in words.
 */
export function storedRecords<T extends { id: string }>(
  raw: unknown,
  schema: z.ZodType<T>,
  key: string,
): StoredRecords<T> | string {
  if (raw === undefined) return { records: [], keep: (record) => record };
  if (!Array.isArray(raw)) return `"${key}" is ${kindOf(raw)}, not a list`;
  const parsed = schema.array().safeParse(raw);
  if (!parsed.success) return describeIssues(parsed.error.issues, key);
  const stored = new Map<string, { raw: Record<string, unknown>; known: T }>();
  parsed.data.forEach((known, at) => stored.set(known.id, { raw: raw[at] as Record<string, unknown>, known }));
  return {
    records: parsed.data,
    keep(record) {
      const before = stored.get(record.id);
      if (before === undefined) return record;
      const kept: Record<string, unknown> = { ...before.raw };
      for (const [field, value] of Object.entries(record)) {
        const unchanged =
          Object.hasOwn(before.raw, field) &&
          isDeepStrictEqual((before.known as Record<string, unknown>)[field], value);
        kept[field] = unchanged ? before.raw[field] : value;
      }
      return kept;
    },
  };
}
