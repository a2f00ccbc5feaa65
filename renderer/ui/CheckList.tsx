import type { VerdictView } from '../../shared/license/verdict-view';
import { CHECK_LABELS, CHECK_STATE_WORDS, type CheckState } from './check-words';
import { DatedText } from './DatedText';

function statesOf(checks: VerdictView['checks']): CheckState[] {
  let decided = false;
  return checks.map((check) => {
    const state: CheckState =
      check.ok === true ? 'passed' : check.ok === false ? 'failed' : decided ? 'not-checked' : 'skipped';
    decided ||= check.ok === false;
    return state;
  });
}

interface CheckListProps {
  checks: VerdictView['checks'];
  /** 2 on a screen, 3 inside a dialog whose title is the h2. */
  headingLevel?: 2 | 3;
  headingId?: string;
}

/** The six checks in authentik's order, each with its outcome in words. */
export function CheckList({ checks, headingLevel = 2, headingId = 'checks-heading' }: CheckListProps) {
  const states = statesOf(checks);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>Checks</Heading>
      <ol className="checks">
        {checks.map((check, index) => {
          const state = states[index] ?? 'not-checked';
          return (
            <li key={check.name} className={`check check--${state}`} data-check={check.name} data-state={state}>
              <span className="check__state">{CHECK_STATE_WORDS[state]}</span>
              <span className="check__label">{CHECK_LABELS[check.name]}</span>
              <span className="check__detail">
                <DatedText text={check.detail} />
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
