import type { InstanceRecord, LastStatus } from '../registry/instance-record';
import type { InstanceRecordPatch } from '../registry/instance-registry';
import { nextPreviousInstallId } from './install-id-change';

/** What one refresh of a saved instance learned. */
export interface RefreshOutcome {
  at: string;
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  installId: string | null;
  version: string | null;
  /** Usage above the licensed capacity (see isOverCapacity); null when the read failed. */
  overCapacity: boolean | null;
  /** Every installed license verifies for the Install ID read, and at least one is installed; null when unknown. */
  licensesMatchInstallId: boolean | null;
  /** What the dashboard showed of a successful read, kept for the next session; null when the read failed. */
  lastStatus: LastStatus | null;
}

/**
 * The first refresh that saw the instance over capacity: set when first seen over, kept while still
 * over, cleared when back within capacity, unchanged when the read failed.
 */
export function nextOverCapacitySince(current: string | null, overCapacity: boolean | null, at: string): string | null {
  if (overCapacity === null) return current;
  return overCapacity ? (current ?? at) : null;
}

/** The first failed refresh of the run this one continues (a failure after a failure keeps it), or null after a success. */
export function nextFailingSince(
  previous: InstanceRecord['lastRefresh'],
  outcome: Pick<RefreshOutcome, 'ok' | 'at'>,
): string | null {
  if (outcome.ok) return null;
  if (previous === null || previous.ok) return outcome.at;
  return previous.failingSince ?? previous.at;
}

/**
 * The registry change a refresh makes: last refresh, Install ID (and the previous one), version,
 * over-capacity anchor, and the last known status (a failed read keeps the one before).
 */
export function refreshPatch(record: InstanceRecord, outcome: RefreshOutcome): InstanceRecordPatch {
  return {
    lastRefresh: {
      at: outcome.at,
      ok: outcome.ok,
      errorCode: outcome.errorCode,
      errorMessage: outcome.errorMessage,
      failingSince: nextFailingSince(record.lastRefresh, outcome),
    },
    lastInstallId: outcome.installId ?? record.lastInstallId,
    lastVersion: outcome.version ?? record.lastVersion,
    overCapacitySince: nextOverCapacitySince(record.overCapacitySince, outcome.overCapacity, outcome.at),
    previousInstallId: nextPreviousInstallId(record, outcome.installId, outcome.licensesMatchInstallId),
    lastStatus: outcome.lastStatus ?? record.lastStatus ?? null,
  };
}
