import { InstallOutcomeReport } from '../../ui/install-report/InstallOutcomeReport';
import type { InstallStep, OpenInstallDialog } from './install-screen';

/** Step 3: what happened, expiry and seats before → after; "Done" closes. */
export function InstallOutcomeStep({
  dialog,
  flow,
  onClose,
}: {
  dialog: OpenInstallDialog;
  flow: Extract<InstallStep, { step: 'outcome' }>;
  onClose: () => void;
}) {
  return (
    <div className="install-steps">
      <InstallOutcomeReport
        outcome={flow.outcome}
        name={dialog.instanceName}
        replaces={dialog.replaces?.name ?? null}
        before={flow.preflight}
      />
      <div className="dialog__actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
