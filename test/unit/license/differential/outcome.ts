import type { AuthentikStatus } from '../../../../shared/license/authentik-status';
import type { UserCounts } from '../../../../shared/license/capacity';
import type { LegacySummaryFlags } from '../../../../shared/license/legacy-summary';

/** What each side concludes for one case; the differential test requires the two to be equal. */
export interface Outcome {
  /** From 2024.8 `status()`; before, the app's status for the boolean summary. */
  status: AuthentikStatus;
  /** Before 2024.8: the summary's booleans; null from 2024.8. */
  legacyFlags: LegacySummaryFlags | null;
  /** `get_total()`'s seats. */
  seats: UserCounts;
  /** `get_total()`'s `exp` in epoch ms; null when it is 0 (no license counts for it). */
  combinedExpiry: number | null;
  /** Whether the pool key installs (`LicenseKey.validate` / the offline verdict); null when the case installs none. */
  keyAccepted: boolean | null;
  /** Once the accepted key is installed (or has replaced a license): the seats, over capacity or not, the status. */
  afterInstall: { seats: UserCounts; overCapacity: boolean; status: AuthentikStatus } | null;
}
