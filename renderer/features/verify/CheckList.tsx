import type { VerdictView } from '../../../shared/license/verdict-view';
import { CHECK_LABELS, CHECK_STATE_WORDS, type CheckState } from './check-words';

function statesOf(checks: VerdictView['checks']): CheckState[] {
  let decided = false;
  return checks.map((check) => {
    const state: CheckState = check.ok === true ? 'passed' : check.ok === false ? 'failed' : decided ? 'not-checked' : 'skipped';
    decided ||= check.ok === false;
    return state;
  });
}

/** The six checks in authentik's order, each with its outcome in words. */
export function CheckList({ checks }: { checks: VerdictView['checks'] }) {
  const states = statesOf(checks);
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">Checks</h2>
      <ol className="checks">
        {checks.map((check, index) => {
          const state = states[index] ?? 'not-checked';
          return (
            <li key={check.name} className={`check check--${state}`} data-check={check.name} data-state={state}>
              <span className="check__state">{CHECK_STATE_WORDS[state]}</span>
              <span className="check__label">{CHECK_LABELS[check.name]}</span>
              <span className="check__detail">{check.detail}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
