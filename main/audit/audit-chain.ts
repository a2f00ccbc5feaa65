import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../shared/audit/audit-entry';

/** The `prev` of the first entry: there is no line before it. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

/** The SHA-256 of one line exactly as written (UTF-8, without its newline), in lower-case hex. */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** The hash a line says its predecessor has, or null when the line is not an entry (not JSON, no such field). */
function prevOf(line: string): string | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || !('prev' in value)) return null;
    return typeof value.prev === 'string' && HEX_64.test(value.prev) ? value.prev : null;
  } catch {
    return null;
  }
}

function altered(entries: number, firstAltered: number | null, message: string): AuditVerification {
  return { state: 'altered', entries, firstAltered, message };
}

/** The end of the file against the keychain's head: deleted at the end, replaced whole, or lines added without this app. */
function headVerdict(
  lines: readonly string[],
  hashes: readonly string[],
  head: string | null,
): AuditVerification | null {
  const count = lines.length;
  if (count === 0) {
    return head === null
      ? null
      : altered(
          0,
          null,
          'The trail is empty or missing, but the OS keychain records an entry: the file was deleted, emptied or moved away.',
        );
  }
  if (head === null) {
    return altered(
      count,
      null,
      'The OS keychain holds no record of this trail: the file was made or replaced outside this app, or its keychain entry was deleted. Nothing in it can be checked against the keychain.',
    );
  }
  if (hashes[count - 1] === head) return null;
  const recorded = hashes.indexOf(head);
  if (recorded !== -1) {
    const first = recorded + 2;
    const which = first === count ? `Entry ${first} was` : `Entries ${first} to ${count} were`;
    return altered(
      count,
      first,
      `${which} added after the newest entry the OS keychain records: by something other than this app, or the app stopped between writing an entry and recording it.`,
    );
  }
  return altered(
    count,
    null,
    'The newest entry is not the one the OS keychain records: entries were removed from the end, or the file was replaced whole.',
  );
}

/**
 * Checks every link of the chain (each line carries the SHA-256 of the line before it, the first 64 zeros),
 * then the newest line against `head`, the hash the OS keychain keeps, so that a file rewritten whole with
 * a fresh chain, or cut short at the end, is found too. Reports the first line that can no longer be trusted.
 */
export function verifyChain(lines: readonly string[], head: string | null): AuditVerification {
  const count = lines.length;
  const hashes: string[] = [];
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    const prev = prevOf(line);
    if (prev === null)
      return altered(
        count,
        number,
        `Entry ${number} is not an entry this app wrote: it is not JSON carrying the hash of the entry before it.`,
      );
    const expected = index === 0 ? GENESIS_HASH : hashes[index - 1];
    if (prev !== expected) {
      if (index === 0)
        return altered(
          count,
          1,
          'Entry 1 does not start the trail: entries before it were removed, or it was changed.',
        );
      return altered(
        count,
        index,
        `Entry ${number} does not follow entry ${index}: entry ${index} was changed, or entries were removed or inserted between them.`,
      );
    }
    hashes.push(lineHash(line));
  }
  const end = headVerdict(lines, hashes, head);
  if (end !== null) return end;
  const message =
    count === 0
      ? 'No entries yet.'
      : `${count.toLocaleString('en-US')} entr${count === 1 ? 'y' : 'ies'}, each linked to the one before, and the newest is the one the OS keychain records.`;
  return { state: 'intact', entries: count, firstAltered: null, message };
}
