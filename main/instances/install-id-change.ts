import { sameInstallId } from '../license/install-id';

/**
 * The Install ID to remember as "previous" after a read: the one last seen when the read found another
 * (keys issued for it stop counting), kept until every installed license verifies for the new one (and at
 * least one is installed). `installId` null (not read) and `licensesMatch` null (unknown) change nothing.
 */
export function nextPreviousInstallId(
  record: { lastInstallId: string | null; previousInstallId?: string | null },
  installId: string | null,
  licensesMatch: boolean | null,
): string | null {
  const kept = record.previousInstallId ?? null;
  if (installId === null) return kept;
  const changed = record.lastInstallId !== null && !sameInstallId(record.lastInstallId, installId);
  const previous = changed ? record.lastInstallId : kept;
  return licensesMatch === true ? null : previous;
}
