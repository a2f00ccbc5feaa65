import type { LadderView } from '../../../shared/license/verdict-view';
import { localDate } from '../../format/dates';

const STEPS: [keyof LadderView, string][] = [
  ['expirySoon', 'Administrators are warned the license expires within 2 weeks'],
  ['expiry', 'The license expires'],
  ['adminWarning', 'Administrators see a warning banner'],
  ['userWarning', 'All users see a warning banner'],
  ['readOnly', 'The instance becomes read-only'],
];

/** The product guide's ladder for this key if nothing replaces it. */
export function KeyTimeline({ ladder, evaluatedAt }: { ladder: LadderView; evaluatedAt: string }) {
  const now = Date.parse(evaluatedAt);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">If this key is not renewed</h2>
      <ol className="timeline">
        {STEPS.map(([step, words]) => (
          <li
            key={step}
            className={Date.parse(ladder[step]) <= now ? 'timeline__step timeline__step--past' : 'timeline__step'}
          >
            <time dateTime={ladder[step]}>{localDate(ladder[step])}</time> <span>{words}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
