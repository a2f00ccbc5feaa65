import type { InstanceRecord } from '../registry/instance-record';
import type { InstanceRecordPatch } from '../registry/instance-registry';
import { validTags } from './instance-input';
import { InstanceServiceError } from './instance-service-error';

export type TagChange = 'add' | 'remove';

/** As many tags as the edit dialog lets an instance have. */
const MAX_TAGS = 20;

/**
 * The tag patches for a bulk "Tag" of several instances, or an error for the first that cannot take it
 * (no longer saved, too many tags): either every instance changes, or none does.
 */
export function bulkTagPatches(
  records: readonly InstanceRecord[],
  ids: readonly string[],
  tag: string,
  change: TagChange,
): Map<string, InstanceRecordPatch> {
  const byId = new Map(records.map((record) => [record.id, record]));
  const label = tag.trim();
  const sameTag = (other: string): boolean => other.toLowerCase() === label.toLowerCase();
  const patches = new Map<string, InstanceRecordPatch>();
  for (const id of new Set(ids)) {
    const record = byId.get(id);
    if (record === undefined)
      throw new InstanceServiceError(
        'unknown_instance',
        'One of the selected instances is no longer saved; nothing was changed.',
      );
    const has = record.tags.some(sameTag);
    // An instance that already is as asked is left alone.
    if (has === (change === 'add')) continue;
    const tags = change === 'add' ? [...record.tags, label] : record.tags.filter((other) => !sameTag(other));
    if (tags.length > MAX_TAGS)
      throw new InstanceServiceError(
        'invalid_tags',
        `"${record.name}" already has ${MAX_TAGS} tags, the most an instance can have; nothing was changed.`,
      );
    try {
      patches.set(id, { tags: validTags(tags) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InstanceServiceError(
        'invalid_tags',
        `"${record.name}" cannot take the tag; nothing was changed. ${reason}`,
      );
    }
  }
  return patches;
}
