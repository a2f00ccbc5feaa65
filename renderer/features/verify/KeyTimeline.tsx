import type { LadderView, VerdictView } from '../../../shared/license/verdict-view';
import { localDate } from '../../format/dates';
import type { ChartMarker, TimelineChartData } from '../../ui/timeline-chart/chart-data';
import { TimelineChart } from '../../ui/timeline-chart/TimelineChart';

type Claims = NonNullable<VerdictView['claims']>;

const STEPS: [keyof LadderView, string][] = [
  ['expirySoon', 'Administrators are warned the license expires within 2 weeks'],
  ['expiry', 'The license expires'],
  ['adminWarning', 'Administrators see a warning banner'],
  ['userWarning', 'All users see a warning banner'],
  ['readOnly', 'The instance becomes read-only'],
];

const MARKERS: Record<keyof LadderView, Pick<ChartMarker, 'label' | 'tone'>> = {
  expirySoon: { label: 'Expiring soon', tone: 'warn' },
  expiry: { label: 'Expiry', tone: 'warn' },
  adminWarning: { label: 'Admin banner', tone: 'warn' },
  userWarning: { label: 'User banner', tone: 'bad' },
  readOnly: { label: 'Read-only', tone: 'bad' },
};

/** The key alone as the chart draws it: its bar and seats, and the guide's steps from its expiry. */
function keyChartData(claims: Claims, ladder: LadderView, now: number): TimelineChartData {
  return {
    now,
    licenses: [
      {
        name: claims.name,
        expiresAt: Date.parse(claims.expiresAt),
        internalUsers: claims.internalUsers,
        externalUsers: claims.externalUsers,
      },
    ],
    expiredSeatsCount: false,
    users: null,
    markers: STEPS.map(([step]) => ({
      id: step,
      ...MARKERS[step],
      at: Date.parse(ladder[step]),
      estimate: null,
      readOnly: step === 'readOnly',
    })),
  };
}

/** The product guide's ladder for this key if nothing replaces it, drawn, then as a list. */
export function KeyTimeline({
  claims,
  ladder,
  evaluatedAt,
}: {
  claims: Claims;
  ladder: LadderView;
  evaluatedAt: string;
}) {
  const now = Date.parse(evaluatedAt);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">If this key is not renewed</h2>
      <TimelineChart data={keyChartData(claims, ladder, now)} />
      <details className="timeline-chart__text">
        <summary>Show as text</summary>
        <ol className="timeline" aria-label="Steps if this key is not renewed">
          {STEPS.map(([step, words]) => (
            <li
              key={step}
              className={Date.parse(ladder[step]) <= now ? 'timeline__step timeline__step--past' : 'timeline__step'}
            >
              <time dateTime={ladder[step]}>{localDate(ladder[step])}</time> <span>{words}</span>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
