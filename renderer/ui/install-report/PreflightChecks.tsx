import type { VerdictView } from '../../../shared/license/verdict-view';
import { CheckList } from '../CheckList';

/** "6 of 6 checks passed": the checks collapsed while they all pass, open as soon as one does not. */
export function PreflightChecks({ checks }: { checks: VerdictView['checks'] }) {
  const passed = checks.filter((check) => check.ok === true).length;
  const allPassed = passed === checks.length;
  return (
    <details className="install-section install-checks" open={!allPassed} data-all-passed={allPassed}>
      <summary>
        {passed} of {checks.length} checks passed
      </summary>
      <CheckList checks={checks} headingLevel={3} headingId="install-checks-heading" />
    </details>
  );
}
