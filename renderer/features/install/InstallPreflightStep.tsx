import { selectCanInstall, selectInstallOffer } from '../../store/install';
import { useInstall } from '../../store/install-context';
import { CheckList } from '../verify/CheckList';
import { ClaimsPanel } from '../verify/ClaimsPanel';
import { CumulativeExpiryPanel } from './CumulativeExpiryPanel';
import { InstallKeyField } from './InstallKeyField';
import { OtherInstanceNotice } from './OtherInstanceNotice';
import { OverCapacityConsent } from './OverCapacityConsent';
import { PreflightDecision } from './PreflightDecision';
import { PreflightVerdict } from './PreflightVerdict';
import { SeatsTable } from './SeatsTable';

/** Step 2: the preflight in full, then Install (or Install anyway after consent, or nothing). */
export function InstallPreflightStep() {
  const preflight = useInstall((state) => state.preflight);
  const name = useInstall((state) => state.instanceName);
  const replaces = useInstall((state) => state.replaces?.name ?? null);
  const offer = useInstall(selectInstallOffer);
  const canInstall = useInstall(selectCanInstall);
  const installing = useInstall((state) => state.installing);
  const problem = useInstall((state) => state.problem);
  const installConfirmed = useInstall((state) => state.installConfirmed);
  const installDialogClosed = useInstall((state) => state.installDialogClosed);
  if (preflight === null) return null;
  const { verdict } = preflight;
  const keyInstallId = verdict.claims?.installId ?? null;
  return (
    <div className="install-steps">
      <InstallKeyField />
      {preflight.otherInstance !== null && <OtherInstanceNotice other={preflight.otherInstance} />}
      <PreflightDecision preflight={preflight} name={name} replaces={replaces} />
      {preflight.otherInstance === null && verdict.reason === 'install_id_mismatch' && keyInstallId !== null && (
        <p className="hint">
          The key’s Install ID, <span className="mono">{keyInstallId}</span>, is not the last seen Install ID of any saved instance.
        </p>
      )}
      {offer === 'install-anyway' && <OverCapacityConsent name={name} />}
      <PreflightVerdict verdict={verdict} />
      <div className="install-section">
        <CheckList checks={verdict.checks} headingLevel={3} headingId="install-checks-heading" />
      </div>
      <SeatsTable preflight={preflight} />
      <CumulativeExpiryPanel preflight={preflight} />
      {verdict.claims !== null && (
        <div className="install-section">
          <ClaimsPanel claims={verdict.claims} verified={verdict.claimsVerified} evaluatedAt={verdict.evaluatedAt} headingLevel={3} headingId="install-claims-heading" />
        </div>
      )}
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
