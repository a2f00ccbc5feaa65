import type { InstanceRow } from '../../../shared/instances/instance-row';
import { localDateTime, localWords } from '../../format/dates';
import { DatedText } from '../../ui/DatedText';
import { healthOf } from './health';

/** A shape for each tone, so the badge never relies on colour (the word is always there too). */
const TONE_ICONS = { ok: '✓', warn: '!', bad: '✕', neutral: '–' } as const;

/** The row's one health: a badge (worst of status, reachability and warnings) and its top reason in words. */
export function HealthCell({ row, now }: { row: InstanceRow; now: number }) {
  const health = healthOf(row, now);
  const failure = row.lastRefresh?.ok === false ? row.lastRefresh : null;
  const detail = [
    failure === null ? null : `Last refresh failed ${localDateTime(failure.at)}: ${failure.error?.message ?? ''}`,
    ...row.warnings.map(localWords),
  ].filter((line): line is string => line !== null && line !== '');
  return (
    <span
      className="health"
      data-health={health.level}
      data-source={row.statusSource}
      data-unreachable={health.unreachable || undefined}
    >
      <span className={`health__badge health__badge--${health.tone}`}>
        <span aria-hidden="true">{TONE_ICONS[health.tone]}</span> {health.label}
      </span>
      {(health.reason !== null || health.lastKnown !== null) && (
        <span className="health__reason" title={detail.length > 0 ? detail.join('\n') : undefined}>
          {health.reason !== null && <DatedText text={health.reason} />}
          {health.lastKnown !== null && (
            <span className="health__secondary">
              {health.reason === null ? '' : ' · '}
              {health.lastKnown}
            </span>
          )}
          {row.warnings.length > 1 && <span className="health__secondary"> · {row.warnings.length} warnings</span>}
        </span>
      )}
    </span>
  );
}
