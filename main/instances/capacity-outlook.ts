import type { OverCapacityOutlookView } from '../../shared/instances/instance-detail';
import type { InstanceRow } from '../../shared/instances/instance-row';
import { authentikRules } from '../../shared/license/authentik-rules';
import { exceeds } from '../../shared/license/capacity';
import { lastValidBounds } from '../../shared/license/last-valid-bounds';
import { readOnlyOutlook } from '../../shared/license/read-only-outlook';
import { toIsoUtc } from '../../shared/time/iso';
import { observationsOf, type StatusHistoryEntry } from './status-history';

export interface CapacityOutlookInput {
  /** The dashboard row: the status, seats and usage shown (live or last known) and when they were read. */
  row: Pick<InstanceRow, 'status' | 'usage' | 'licensed' | 'latestValid' | 'version' | 'statusReadAt'>;
  /** The app's readings of the instance, oldest first. */
  history: readonly StatusHistoryEntry[];
  /** The instance's clock minus this computer's, ms (0 when unknown). */
  offsetMs: number;
  /** Epoch ms on this computer's clock. */
  now: number;
}

/**
 * When authentik's over-capacity steps come for an instance whose users exceed its seats now, by its
 * release's rules: the status that was read bounds its last valid usage record (at the time it was read),
 * the history narrows that, and the steps follow what the usage task will record from there
 * (readOnlyOutlook). Null while within the seats, unlicensed, or not read.
 */
export function capacityOutlook(input: CapacityOutlookInput): OverCapacityOutlookView | null {
  const { row, offsetMs } = input;
  const { status, usage, licensed, statusReadAt } = row;
  if (
    status === null ||
    status === 'unlicensed' ||
    usage === null ||
    licensed === null ||
    statusReadAt === null ||
    !exceeds(usage, licensed)
  )
    return null;
  const rules = authentikRules(row.version);
  const bounds = lastValidBounds({
    status,
    overCapacity: true,
    now: Date.parse(statusReadAt) + offsetMs,
    rules,
    history: observationsOf(input.history, offsetMs),
  });
  const expiry = row.latestValid === null ? null : Date.parse(row.latestValid);
  const outlook = readOnlyOutlook(bounds, {
    now: input.now + offsetMs,
    rules,
    expiryAfter: expiry === null ? null : expiry + offsetMs,
  });
  // Back to this computer's clock, which the page counts days by.
  const local = (at: number): string => toIsoUtc(at - offsetMs);
  return {
    atOnce: outlook.atOnce,
    lastValid:
      bounds.kind === 'never'
        ? null
        : { notBefore: bounds.notBefore === null ? null : local(bounds.notBefore), notAfter: local(bounds.notAfter) },
    basis: {
      status: bounds.basis.status,
      history:
        bounds.basis.history === null
          ? null
          : { at: local(bounds.basis.history.at), status: bounds.basis.history.status },
    },
    waitsForExpiry: outlook.waitsForExpiry,
    steps: outlook.steps.map((step) => ({
      kind: step.kind,
      earliest: step.earliest === null ? null : local(step.earliest),
      latest: local(step.latest),
    })),
  };
}
