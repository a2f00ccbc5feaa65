import type { InstanceDetail } from '../../../shared/instances/instance-detail';
import {
  authentikTimeline,
  guideCapacities,
  guideInstanceTimeline,
  lastExpiryOf,
  type AuthentikTimeline,
  type TimelineDate,
} from '../../../shared/instances/instance-timeline';
import { authentikRules, rulesBasis } from '../../../shared/license/authentik-rules';
import { toIsoUtc } from '../../../shared/time/iso';
import { dayDistance, localDate, localDateTime } from '../../format/dates';
import { seatRows } from '../../ui/timeline-chart/chart-data';
import { SeatsTable } from '../../ui/timeline-chart/SeatsTable';
import { TimelineChart } from '../../ui/timeline-chart/TimelineChart';
import { instanceChartData } from './instance-chart-data';
import { EXPIRY_DATE_WORDS, GUIDE_LADDER_WORDS } from './instance-words';
import { OverCapacitySteps } from './OverCapacitySteps';

/** "in 12 days", "within a day", "today", "3 days ago". */
function distance(date: Pick<TimelineDate<string>, 'past' | 'days'>): string {
  return dayDistance(date.past, date.days);
}

/** One dated step; passed steps say so in words, not by styling alone. */
function Step<Kind extends string>({
  date,
  words,
  atTheLatest = false,
}: {
  date: TimelineDate<Kind>;
  words: Record<Kind, string>;
  atTheLatest?: boolean;
}) {
  const iso = toIsoUtc(date.at);
  return (
    <li
      className={date.past ? 'timeline__step timeline__step--past' : 'timeline__step'}
      data-kind={date.kind}
      data-past={date.past}
    >
      <time dateTime={iso} title={localDateTime(iso)}>
        {atTheLatest ? `by ${localDate(iso)}` : localDate(iso)}
      </time>{' '}
      <span>{words[date.kind]}</span>{' '}
      <span className="timeline__distance">({date.past ? `passed, ${distance(date)}` : distance(date)})</span>
    </li>
  );
}

/** Why the instance turns read-only on the date shown. */
const READ_ONLY_CAUSES: Record<NonNullable<AuthentikTimeline['readOnly']>['cause'], string> = {
  expiry: 'six weeks after the latest expiry',
  seats_lapse:
    'at the latest: once the licenses expire their seats stop counting, and six weeks after authentik’s last valid usage record the users still exceed them',
  over_capacity: 'at the latest: six weeks after authentik’s last valid usage record, the users exceeding the seats',
};

/**
 * The timeline drawn (licenses, seats, users, authentik's steps), then the same as text and tables: the
 * dates authentik's code acts on (exact from the expiry; bounded over capacity) and the product guide's view.
 */
export function InstanceTimeline({ detail, now }: { detail: InstanceDetail; now: number }) {
  const { instance } = detail;
  const rules = authentikRules(instance.version);
  const authentik = authentikTimeline({
    lastExpiry: lastExpiryOf(
      rules,
      instance.latestValid === null ? null : Date.parse(instance.latestValid),
      detail.licenses,
    ),
    overCapacity: {
      since: detail.overCapacitySince === null ? null : Date.parse(detail.overCapacitySince),
      outlook: detail.overCapacityOutlook,
    },
    now,
    rules,
    // Unknown usage counts as users: authentik always has its admin account.
    withUsers: instance.usage === null || instance.usage.internalUsers + instance.usage.externalUsers > 0,
  });
  const guide = guideInstanceTimeline(guideCapacities(detail.licenses), now);
  const chart = instanceChartData(detail, authentik, rules, now);
  const seats = seatRows(chart.licenses, chart.expiredSeatsCount, now);
  const readOnly = authentik.readOnly;
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {readOnly !== null && (
        <p className={readOnly.past ? 'text-bad' : undefined}>
          <strong>
            {readOnly.past ? 'Read-only since' : 'Read-only from'} {localDate(toIsoUtc(readOnly.at))}
          </strong>{' '}
          ({distance(readOnly)}), {READ_ONLY_CAUSES[readOnly.cause]}, unless a valid key with enough seats is installed
          first.
        </p>
      )}
      <TimelineChart data={chart} />

      <details className="timeline-chart__text">
        <summary>Show as text and tables</summary>
        <h3 id="timeline-authentik-heading">What authentik will do</h3>
        {authentik.expiry.length === 0 ? (
          <p className="muted">No license is installed, so authentik has no expiry to act on.</p>
        ) : (
          <ol className="timeline" aria-labelledby="timeline-authentik-heading">
            {authentik.expiry.map((date) => (
              <Step key={date.kind} date={date} words={EXPIRY_DATE_WORDS} atTheLatest={date.atTheLatest} />
            ))}
          </ol>
        )}
        <p className="hint">
          From the last license’s expiry, by the rules in authentik’s code: {rulesBasis(rules)}.
          {authentik.expiry.some((date) => date.atTheLatest) &&
            ' Dates marked “by” count from authentik’s last usage record with the status Valid, which its API does not show; they come earlier if that record is older.'}
        </p>

        {authentik.overCapacity !== null && <OverCapacitySteps overCapacity={authentik.overCapacity} />}
        {seats.length > 0 && (
          <>
            <SeatsTable rows={seats} caption="Licensed seats over time" />
            <p className="hint">
              Every installed license, its seats counted as the instance’s authentik release counts them, as in the
              meter above.
            </p>
          </>
        )}

        <h3 id="timeline-guide-heading">Per the product guide</h3>
        <p>
          <strong>Cumulative license expiry:</strong>{' '}
          {guide.cumulativeExpiry === null ? (
            'none: no unexpired license verifies against this Install ID'
          ) : (
            <>
              <time dateTime={toIsoUtc(guide.cumulativeExpiry.at)}>
                {localDate(toIsoUtc(guide.cumulativeExpiry.at))}
              </time>{' '}
              ({distance(guide.cumulativeExpiry)})
            </>
          )}
        </p>
        <p className="hint">
          The earliest expiry among the licenses not yet expired, taken again without each license once it expires.
        </p>
        {guide.ladder.length > 0 && (
          <>
            <h4 id="timeline-ladder-heading">If nothing is renewed</h4>
            <ol className="timeline" aria-labelledby="timeline-ladder-heading">
              {guide.ladder.map((date) => (
                <Step key={date.kind} date={date} words={GUIDE_LADDER_WORDS} />
              ))}
            </ol>
          </>
        )}
      </details>
    </section>
  );
}
