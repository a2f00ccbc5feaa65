import { installOffer } from '../../../shared/instances/install-offer';
import { InstallKeyField } from './InstallKeyField';
import { useInstallScreen, type InstallStep, type OpenInstallDialog } from './install-screen';
import type { useInstallKey, usePreflightInstall } from './mutations';
import { OtherInstanceNotice } from './OtherInstanceNotice';
import { InstallConsent, needsConsent } from '../../ui/install-report/UncoveringConsent';
import { PreflightReport } from '../../ui/install-report/PreflightReport';
import { ActionFeedback } from '../../ui/ActionFeedback';

interface PreflightStepProps {
  dialog: OpenInstallDialog;
  flow: Extract<InstallStep, { step: 'preflight' }>;
  preflight: ReturnType<typeof usePreflightInstall>;
  install: ReturnType<typeof useInstallKey>;
  onClose: () => void;
}

/** Step 2: the preflight, decision first, then Install (after consent when it uncovers users), Install anyway, or nothing. */
export function InstallPreflightStep({ dialog, flow, preflight, install, onClose }: PreflightStepProps) {
  const overCapacityAcknowledged = useInstallScreen((state) => state.overCapacityAcknowledged);
  const otherInstanceChosen = useInstallScreen((state) => state.otherInstanceChosen);
  const checkRequest = useInstallScreen((state) => state.checkRequest);
  const openings = useInstallScreen((state) => state.openings);
  const name = dialog.instanceName;
  const replaces = dialog.replaces?.name ?? null;
  const offer = installOffer(flow.preflight);
  // Only an install asked from this dialog counts: one from an earlier opening reports on the dashboard.
  const current = install.variables?.opening === openings;
  const installing = current && install.isPending;
  const problem = current ? (install.error?.message ?? null) : null;
  const consenting = needsConsent(flow.preflight);
  const canInstall = offer !== null && !installing && (!consenting || flow.acknowledged);
  const confirmed = (): void => {
    if (!canInstall) return;
    install.mutate({
      opening: openings,
      instanceId: dialog.instanceId,
      instanceName: name,
      key: dialog.key,
      replaces: dialog.replaces,
      allowOverCapacity: offer === 'install-anyway' && flow.acknowledged,
    });
  };
  const other = flow.preflight.otherInstance;
  return (
    <div className="install-steps">
      <InstallKeyField dialog={dialog} locked={installing} onCheck={(request) => preflight.mutate(request)} />
      {other !== null && (
        <OtherInstanceNotice
          other={other}
          installing={installing}
          onChosen={() => {
            // The key stays (and stays masked): only the instance it is checked against changes.
            otherInstanceChosen(other.id, other.name);
            const request = checkRequest();
            if (request !== null) preflight.mutate(request);
          }}
        />
      )}
      <PreflightReport
        preflight={flow.preflight}
        name={name}
        replaces={replaces}
        consent={
          <InstallConsent
            preflight={flow.preflight}
            name={name}
            acknowledged={flow.acknowledged}
            disabled={installing}
            onAcknowledged={overCapacityAcknowledged}
          />
        }
      />
      <ActionFeedback problem={problem} status={installing ? 'Installing…' : ''} />
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          {offer === null ? 'Close' : 'Cancel'}
        </button>
        {offer === 'install' && (
          <button type="button" className="primary" aria-disabled={!canInstall} onClick={confirmed}>
            {installing
              ? replaces === null
                ? 'Installing…'
                : 'Replacing…'
              : replaces === null
                ? 'Install'
                : 'Replace key'}
          </button>
        )}
        {offer === 'install-anyway' && (
          <button type="button" className="danger" aria-disabled={!canInstall} onClick={confirmed}>
            {installing ? 'Installing…' : 'Install anyway'}
          </button>
        )}
      </div>
    </div>
  );
}
