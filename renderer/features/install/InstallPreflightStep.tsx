import { selectCanInstall, selectInstallOffer } from '../../store/install';
import { useInstall } from '../../store/install-context';
import { InstallKeyField } from './InstallKeyField';
import { OtherInstanceNotice } from './OtherInstanceNotice';
import { OverCapacityConsent } from './OverCapacityConsent';
import { PreflightReport } from './PreflightReport';

/** Step 2: the preflight in full, then Install (or Install anyway after consent, or nothing). */
export function InstallPreflightStep() {
  const preflight = useInstall((state) => state.preflight);
  const name = useInstall((state) => state.instanceName);
  const replaces = useInstall((state) => state.replaces?.name ?? null);
  const offer = useInstall(selectInstallOffer);
  const canInstall = useInstall(selectCanInstall);
  const installing = useInstall((state) => state.installing);
  const acknowledged = useInstall((state) => state.overCapacityAcknowledged);
  const installOverCapacityAcknowledged = useInstall((state) => state.installOverCapacityAcknowledged);
  const problem = useInstall((state) => state.problem);
  const installConfirmed = useInstall((state) => state.installConfirmed);
  const installDialogClosed = useInstall((state) => state.installDialogClosed);
  if (preflight === null) return null;
  return (
    <div className="install-steps">
      <InstallKeyField />
      {preflight.otherInstance !== null && <OtherInstanceNotice other={preflight.otherInstance} />}
      <PreflightReport
        preflight={preflight}
        name={name}
        replaces={replaces}
        consent={
          offer === 'install-anyway' && (
            <OverCapacityConsent name={name} overCapacity={preflight.overCapacity} acknowledged={acknowledged} disabled={installing} onAcknowledged={installOverCapacityAcknowledged} />
          )
        }
      />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p className="notice" role="status">
        {installing ? 'Installing…' : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" onClick={installDialogClosed}>
          {offer === null ? 'Close' : 'Cancel'}
        </button>
        {offer === 'install' && (
          <button type="button" className="primary" aria-disabled={!canInstall} onClick={() => void installConfirmed()}>
            {installing ? (replaces === null ? 'Installing…' : 'Replacing…') : replaces === null ? 'Install' : 'Replace key'}
          </button>
        )}
        {offer === 'install-anyway' && (
          <button type="button" className="danger" aria-disabled={!canInstall} onClick={() => void installConfirmed()}>
            {installing ? 'Installing…' : 'Install anyway'}
          </button>
        )}
      </div>
    </div>
  );
}
