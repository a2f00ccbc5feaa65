import type { OverCapacityTimeline } from '../../../shared/instances/instance-timeline';
import { toIsoUtc } from '../../../shared/time/iso';
import { dayDistance, localDate, localDateTime } from '../../format/dates';
import { OVER_CAPACITY_DATE_WORDS } from './instance-words';
import { lastValidWords, stepDateWords } from './last-valid-words';

/** A step's date: one day, "by" its latest when the earliest is unknown, or the days it lies between. */
function StepDate({ earliest, latest }: { earliest: number | null; latest: number }) {
  const iso = toIsoUtc(latest);
  return (
    <time dateTime={iso} title={localDateTime(iso)}>
      {stepDateWords(earliest, latest)}
    </time>
  );
}

/**
 * authentik's steps for an instance whose users exceed its seats: counted from its last usage record
 * that said Valid (never shown by its API), which the status read and the app's history bound.
 */
export function OverCapacitySteps({ overCapacity }: { overCapacity: OverCapacityTimeline }) {
  const { outlook, seen, steps } = overCapacity;
  return (
    <>
      <h4 id="timeline-capacity-heading">Over capacity</h4>
      <p className="hint">
        authentik counts these steps from its last usage record with the status Valid, which its API does not show.{' '}
        {lastValidWords(outlook)}
        {seen !== null && ` This app first saw more users than seats on ${localDate(toIsoUtc(seen.at))}.`}
      </p>
      {outlook.waitsForExpiry && (
        <p className="hint">
          While the licenses are valid and more than two weeks from their expiry, authentik keeps recording Valid, so
          nothing happens until then: the steps count from two weeks before the expiry.
        </p>
      )}
      {outlook.atOnce === 'yes' ? (
        <p className="text-bad">
          authentik is read-only now for as long as the users exceed the seats: only a license with enough seats lifts
          it.
        </p>
      ) : (
        <ol className="timeline" aria-labelledby="timeline-capacity-heading">
          {steps.map((step) => (
            <li
              key={step.kind}
              className={step.past ? 'timeline__step timeline__step--past' : 'timeline__step'}
              data-kind={step.kind}
              data-past={step.past}
            >
              <StepDate earliest={step.earliest} latest={step.at} /> <span>{OVER_CAPACITY_DATE_WORDS[step.kind]}</span>{' '}
              <span className="timeline__distance">
                (
                {step.past
                  ? `passed, ${dayDistance(true, step.days)}`
                  : `${step.earliest === step.at ? '' : 'at the latest '}${dayDistance(false, step.days)}`}
                )
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
