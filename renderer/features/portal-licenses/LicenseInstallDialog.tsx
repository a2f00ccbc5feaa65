import { useEffect, useRef } from 'react';
import { selectCanInstallLicense, selectLicenseInstallOffer } from '../../store/portal-licenses-install';
import { useLicenseInstall } from '../../store/portal-licenses-context';
import { ModalDialog } from '../../ui/ModalDialog';
import { InstallOutcomeReport } from '../../ui/install-report/InstallOutcomeReport';
import { OverCapacityConsent } from '../../ui/install-report/OverCapacityConsent';
import { PreflightReport } from '../../ui/install-report/PreflightReport';
import { useStepFocus } from '../../ui/use-step-focus';
import './portal-licenses.css';

const TITLE_ID = 'license-install-title';

/** The preflight's answer and the Install button (or Install anyway after consent, or nothing). */
function PreflightStep() {
  const target = useLicenseInstall((state) => state.target);
  const preflight = useLicenseInstall((state) => state.preflight);
  const offer = useLicenseInstall(selectLicenseInstallOffer);
  const canInstall = useLicenseInstall(selectCanInstallLicense);
  const installing = useLicenseInstall((state) => state.installing);
  const acknowledged = useLicenseInstall((state) => state.overCapacityAcknowledged);
  const licenseInstallOverCapacityAcknowledged = useLicenseInstall((state) => state.licenseInstallOverCapacityAcknowledged);
  const licenseInstallConfirmed = useLicenseInstall((state) => state.licenseInstallConfirmed);
  const licenseInstallClosed = useLicenseInstall((state) => state.licenseInstallClosed);
  if (target === null || preflight === null) return null;
  const name = target.instanceName;
  return (
    <>
      <PreflightReport
        preflight={preflight}
        name={name}
        replaces={preflight.replaces?.name ?? null}
        consent={
          offer === 'install-anyway' && (
            <OverCapacityConsent name={name} overCapacity={preflight.overCapacity} acknowledged={acknowledged} disabled={installing} onAcknowledged={licenseInstallOverCapacityAcknowledged} />
          )
        }
      />
      <p className="notice" role="status">
        {installing ? 'Installing…' : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" onClick={licenseInstallClosed}>
          {offer === null ? 'Close' : 'Cancel'}
        </button>
        {offer === 'install' && (
          <button type="button" className="primary" aria-disabled={!canInstall} onClick={() => void licenseInstallConfirmed()}>
            {installing ? 'Installing…' : preflight.replaces === null ? 'Install' : 'Replace key'}
          </button>
        )}
        {offer === 'install-anyway' && (
          <button type="button" className="danger" aria-disabled={!canInstall} onClick={() => void licenseInstallConfirmed()}>
            {installing ? 'Installing…' : 'Install anyway'}
          </button>
        )}
      </div>
    </>
  );
}

/** "Install “<license>” into <instance>": main fetches the key, the instance preflight in full, then one install. */
export function LicenseInstallDialog() {
  const target = useLicenseInstall((state) => state.target);
  const checking = useLicenseInstall((state) => state.checking);
  const preflight = useLicenseInstall((state) => state.preflight);
  const outcome = useLicenseInstall((state) => state.outcome);
  const problem = useLicenseInstall((state) => state.problem);
  const installing = useLicenseInstall((state) => state.installing);
  const licenseInstallCheckRequested = useLicenseInstall((state) => state.licenseInstallCheckRequested);
  const licenseInstallClosed = useLicenseInstall((state) => state.licenseInstallClosed);
  const body = useRef<HTMLDivElement>(null);
  // Leaving the page closes the dialog; an install already sent still reports to the dashboard.
  useEffect(() => licenseInstallClosed, [licenseInstallClosed]);
  // A renewal whose previous key runs on the instance replaces that license: main's preflight names it.
  const replaces = preflight?.replaces?.name ?? null;
  const step = outcome !== null ? 'outcome' : preflight !== null ? 'preflight' : checking ? 'checking' : 'problem';
  useStepFocus(body, target === null ? null : `${target.licenseId}:${target.instanceId}:${step}`, TITLE_ID);
  return (
    <ModalDialog open={target !== null} onDismiss={licenseInstallClosed} labelledBy={TITLE_ID} describedBy="license-install-intro" className="dialog dialog--wide">
      {target !== null && (
        <div ref={body} className="install-dialog" data-step={step}>
          <h2 id={TITLE_ID} tabIndex={-1}>
            Install “{target.licenseName}” into {target.instanceName}
          </h2>
          <p id="license-install-intro" className="hint">
            The app fetches the key from the portal and checks it against {target.instanceName} first, showing the outcome in full; nothing is sent to
            authentik until you press {replaces === null ? 'Install' : 'Replace key'}. The key itself is never shown.
            {replaces !== null && ` The renewed key replaces “${replaces}”, the key it renews, in place, so its seats are not counted twice.`}
          </p>
          {checking && (
            <p className="notice" role="status">
              Checking “{target.licenseName}” against {target.instanceName}…
            </p>
          )}
          {problem !== null && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          {outcome !== null ? (
            <>
              <InstallOutcomeReport outcome={outcome} name={target.instanceName} replaces={replaces} before={preflight?.cumulativeExpiryNow ?? null} />
              <div className="dialog__actions">
                <button type="button" className="primary" onClick={licenseInstallClosed}>
                  Done
                </button>
              </div>
            </>
          ) : preflight !== null ? (
            <PreflightStep />
          ) : (
            !checking && (
              <div className="dialog__actions">
                <button type="button" onClick={licenseInstallClosed}>
                  Close
                </button>
                <button type="button" className="primary" aria-disabled={installing} onClick={() => void licenseInstallCheckRequested()}>
                  Try again
                </button>
              </div>
            )
          )}
        </div>
      )}
    </ModalDialog>
  );
}
