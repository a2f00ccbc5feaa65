import type { InstanceDetail } from '../../shared/instances/instance-detail';
import type { InstanceRow } from '../../shared/instances/instance-row';
import { toIsoUtc } from '../../shared/time/iso';
import type { InstanceRecord } from '../registry/instance-record';
import { capacityOutlook } from './capacity-outlook';
import {
  clockSkewWarning,
  duplicateKeyWarnings,
  installIdChangedWarning,
  trialOnlyWarning,
  type DetailWarning,
} from './detail-warnings';
import type { InstanceReading } from './fleet-monitor';
import { clockOffset } from './instance-clock';
import type { LicenseFacts } from './reading-facts';
import type { StatusHistoryEntry } from './status-history';
import { clockSkewNote, duplicateKeyWarningsOf } from './status-report';

export interface DetailInput {
  /** The dashboard row of the instance. */
  row: InstanceRow;
  record: InstanceRecord;
  /** This session's latest read of the instance, if any. */
  reading: InstanceReading | undefined;
  /** Whether the token vault holds the instance's token (never the token). */
  hasToken: boolean;
  /** The app's readings of the instance at its saved address, oldest first. */
  history: readonly StatusHistoryEntry[];
  now: number;
}

/** The status report's duplicate-key warnings, which the page's `duplicate_key` warnings say more precisely. */
function reportDuplicateWarnings(licenses: readonly LicenseFacts[]): Set<string> {
  return new Set(duplicateKeyWarningsOf(licenses));
}

/**
 * The instance page: the row, every installed license with its offline verdict, the forecast, and the
 * situations with a specific fix as warnings (duplicate keys, a trial about to be the only license, a
 * server clock off by more than 5 minutes, a changed Install ID). Nothing of a token or a key.
 */
export function buildInstanceDetail(input: DetailInput): InstanceDetail {
  const { row, record, reading, now } = input;
  const facts = reading?.facts ?? null;
  const licenses = facts?.licenses ?? [];
  const previousInstallId = record.previousInstallId ?? null;

  const warnings: DetailWarning[] = [];
  const changed = installIdChangedWarning(previousInstallId, row.installId, licenses);
  if (changed !== null) warnings.push(changed);
  const duplicates = duplicateKeyWarnings(licenses);
  warnings.push(...duplicates);
  const trial = trialOnlyWarning(licenses, now);
  if (trial !== null) warnings.push(trial);
  const clock = facts?.clock ?? null;
  const clockSkewMs = clock?.skewMs ?? null;
  const skew = clockSkewWarning(clock);
  if (skew !== null) warnings.push(skew);

  const superseded = new Set(duplicates.length > 0 ? reportDuplicateWarnings(licenses) : []);
  const report = reading?.report;
  const reportNotes = report === undefined || report.status === null ? [] : report.notes;
  const skewNote = skew === null ? null : clockSkewNote(clockSkewMs);

  return {
    instance: { ...row, warnings: row.warnings.filter((warning) => !superseded.has(warning)) },
    readAt: facts === null ? null : toIsoUtc(facts.readAt),
    previousInstallId,
    caPem: record.caPem,
    hasToken: input.hasToken,
    forecast: facts?.forecast ?? null,
    cachedSummary:
      facts === null
        ? null
        : {
            latestValid: facts.cached.latestValid === null ? null : toIsoUtc(facts.cached.latestValid),
            licensed: { internalUsers: facts.cached.internalUsers, externalUsers: facts.cached.externalUsers },
          },
    licenses: licenses.map((license) => ({
      licenseUuid: license.licenseUuid,
      name: license.name,
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
      expiry: toIsoUtc(license.expiry),
      fingerprint: license.fingerprint,
      flags: license.flags,
      verdict: license.verdict,
      verdictByLocalClock: license.verdictByLocalClock,
    })),
    clockSkewMs,
    overCapacitySince: record.overCapacitySince,
    overCapacityOutlook: capacityOutlook({ row, history: input.history, offsetMs: clockOffset(clock), now }),
    warnings,
    notes: reportNotes.filter((note) => note !== skewNote),
  };
}
