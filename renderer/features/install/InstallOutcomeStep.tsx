import { useInstall } from '../../store/install-context';
import { InstallOutcomeReport } from './InstallOutcomeReport';

/** Step 3: what happened, with the guide's check that the cumulative expiry moved on; "Done" closes. */
export function InstallOutcomeStep() {
  const outcome = useInstall((state) => state.outcome);
  const name = useInstall((state) => state.instanceName);
  const replaces = useInstall((state) => state.replaces?.name ?? null);
  const before = useInstall((state) => state.preflight?.cumulativeExpiryNow ?? null);
  const installDialogClosed = useInstall((state) => state.installDialogClosed);
  if (outcome === null) return null;
  return (
    <div className="install-steps">
      <InstallOutcomeReport outcome={outcome} name={name} replaces={replaces} before={before} />
      <div className="dialog__actions">
        <button type="button" className="primary" onClick={installDialogClosed}>
          Done
        </button>
      </div>
    </div>
  );
}
