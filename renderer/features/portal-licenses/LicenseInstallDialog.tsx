import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { LicenseInstallPreflight } from '../../../shared/ipc/portal-contract';
import { installOffer } from '../../../shared/instances/install-offer';
import { refusalWords } from '../../store/portal-problem';
import { ModalDialog } from '../../ui/ModalDialog';
import { InstallOutcomeReport } from '../../ui/install-report/InstallOutcomeReport';
import { InstallConsent, needsConsent } from '../../ui/install-report/UncoveringConsent';
import { PreflightReport } from '../../ui/install-report/PreflightReport';
import { useStepFocus } from '../../ui/use-step-focus';
import { licenseInstallPreflightQuery, useInstallPortalLicense } from './install-mutations';
import { useLicenseInstallScreen, type LicenseInstallTarget } from './license-install-screen';
import './portal-licenses.css';

const TITLE_ID = 'license-install-title';

interface PreflightStepProps {
  target: LicenseInstallTarget;
  preflight: LicenseInstallPreflight;
  acknowledged: boolean;
  installing: boolean;
  onInstall: (allowOverCapacity: boolean) => void;
}

/** The preflight's answer and the Install button (or Install anyway after consent, or nothing). */
function PreflightStep({ target, preflight, acknowledged, installing, onInstall }: PreflightStepProps) {
  const overCapacityAcknowledged = useLicenseInstallScreen((state) => state.overCapacityAcknowledged);
  const licenseInstallClosed = useLicenseInstallScreen((state) => state.licenseInstallClosed);
  const offer = installOffer(preflight);
  const canInstall = offer !== null && !installing && (!needsConsent(preflight) || acknowledged);
  const name = target.instanceName;
  const install = (): void => {
    if (canInstall) onInstall(offer === 'install-anyway' && acknowledged);
  };
  return (
    <>
      <PreflightReport
        preflight={preflight}
        name={name}
        replaces={preflight.replaces?.name ?? null}
        consent={
          <InstallConsent
            preflight={preflight}
            name={name}
            acknowledged={acknowledged}
            disabled={installing}
            onAcknowledged={overCapacityAcknowledged}
          />
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
          <button type="button" className="primary" aria-disabled={!canInstall} onClick={install}>
            {installing ? 'Installing…' : preflight.replaces === null ? 'Install' : 'Replace key'}
          </button>
        )}
        {offer === 'install-anyway' && (
          <button type="button" className="danger" aria-disabled={!canInstall} onClick={install}>
            {installing ? 'Installing…' : 'Install anyway'}
          </button>
        )}
      </div>
    </>
  );
}

/** The dialog open on `target` at `opening`: its preflight query and the one install. */
function LicenseInstallBody({
  target,
  opening,
  noticeElsewhere,
}: {
  target: LicenseInstallTarget;
  opening: number;
  noticeElsewhere: (text: string) => void;
}) {
  const dialog = useLicenseInstallScreen((state) => state.dialog);
  const licenseInstallClosed = useLicenseInstallScreen((state) => state.licenseInstallClosed);
  const preflight = useQuery(licenseInstallPreflightQuery(target, opening));
  const install = useInstallPortalLicense(noticeElsewhere);
  const body = useRef<HTMLDivElement>(null);
  const flow = dialog.open ? dialog.flow : null;
  const checking = preflight.isFetching && flow?.step !== 'outcome';
  const shown = preflight.data;
  // A renewal whose previous key runs on the instance replaces that license: main's preflight names it.
  const replaces = shown?.replaces?.name ?? null;
  const step =
    flow?.step === 'outcome'
      ? 'outcome'
      : shown !== undefined && !checking
        ? 'preflight'
        : checking
          ? 'checking'
          : 'problem';
  useStepFocus(body, `${target.licenseId}:${target.instanceId}:${step}`, TITLE_ID);
  const problem = preflight.isError
    ? refusalWords(preflight.error, `check “${target.licenseName}” against ${target.instanceName}`)
    : install.isError
      ? refusalWords(install.error, `install “${target.licenseName}” on ${target.instanceName}`)
      : null;
  return (
    <div ref={body} className="install-dialog" data-step={step}>
      <h2 id={TITLE_ID} tabIndex={-1}>
        Install “{target.licenseName}” into {target.instanceName}
      </h2>
      <p id="license-install-intro" className="hint">
        The app fetches the key from the portal and checks it against {target.instanceName} first, showing the outcome
        in full; nothing is sent to authentik until you press {replaces === null ? 'Install' : 'Replace key'}. The key
        itself is never shown.
        {replaces !== null &&
          ` The renewed key replaces “${replaces}”, the key it renews, in place, so its seats are not counted twice.`}
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
      {flow?.step === 'outcome' ? (
        <>
          <InstallOutcomeReport
            outcome={flow.outcome}
            name={target.instanceName}
            replaces={replaces}
            before={shown ?? null}
          />
          <div className="dialog__actions">
            <button type="button" className="primary" onClick={licenseInstallClosed}>
              Done
            </button>
          </div>
        </>
      ) : shown !== undefined && !checking ? (
        <PreflightStep
          target={target}
          preflight={shown}
          acknowledged={flow?.step === 'preflight' && flow.acknowledged}
          installing={install.isPending}
          onInstall={(allowOverCapacity) => install.mutate({ opening, target, preflight: shown, allowOverCapacity })}
        />
      ) : (
        !checking && (
          <div className="dialog__actions">
            <button type="button" onClick={licenseInstallClosed}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              aria-disabled={install.isPending}
              onClick={() => void preflight.refetch()}
            >
              Try again
            </button>
          </div>
        )
      )}
    </div>
  );
}

/**
 * "Install “<license>” into <instance>": main fetches the key, the instance preflight in full, then one
 * install. An outcome that arrives once the dialog closed goes to `noticeElsewhere` (the dashboard's notice).
 */
export function LicenseInstallDialog({ noticeElsewhere }: { noticeElsewhere: (text: string) => void }) {
  const dialog = useLicenseInstallScreen((state) => state.dialog);
  const opening = useLicenseInstallScreen((state) => state.opening);
  const licenseInstallClosed = useLicenseInstallScreen((state) => state.licenseInstallClosed);
  // Leaving the page closes the dialog; an install already sent still reports elsewhere.
  useEffect(() => licenseInstallClosed, [licenseInstallClosed]);
  return (
    <ModalDialog
      open={dialog.open}
      onDismiss={licenseInstallClosed}
      labelledBy={TITLE_ID}
      describedBy="license-install-intro"
      className="dialog dialog--wide"
    >
      {dialog.open && (
        <LicenseInstallBody key={opening} target={dialog.target} opening={opening} noticeElsewhere={noticeElsewhere} />
      )}
    </ModalDialog>
  );
}
