import { useRef } from 'react';
import { selectInstallStep } from '../../store/install';
import { useInstall } from '../../store/install-context';
import { ModalDialog } from '../dashboard/ModalDialog';
import { InstallKeyStep } from './InstallKeyStep';
import { InstallOutcomeStep } from './InstallOutcomeStep';
import { InstallPreflightStep } from './InstallPreflightStep';
import { useStepFocus } from './use-step-focus';

const TITLE_ID = 'install-title';

/** "Install a license on NAME": the key, the preflight in full, then one install on confirmation. */
export function InstallDialog() {
  const instanceId = useInstall((state) => state.instanceId);
  const name = useInstall((state) => state.instanceName);
  const replaces = useInstall((state) => state.replaces);
  const step = useInstall(selectInstallStep);
  const installDialogClosed = useInstall((state) => state.installDialogClosed);
  const body = useRef<HTMLDivElement>(null);
  useStepFocus(body, instanceId === null ? null : `${instanceId}:${step}`, TITLE_ID);
  return (
    <ModalDialog open={instanceId !== null} onDismiss={installDialogClosed} labelledBy={TITLE_ID} describedBy="install-intro" className="dialog dialog--wide">
      <div ref={body} className="install-dialog" data-step={step}>
        <h2 id={TITLE_ID} tabIndex={-1}>
          {replaces === null ? `Install a license on ${name}` : `Replace the key of “${replaces.name}” on ${name}`}
        </h2>
        <p id="install-intro" className="hint">
          {replaces === null
            ? `The key is checked against ${name} first and the outcome shown in full; nothing is sent to authentik until you press Install.`
            : `The new key replaces “${replaces.name}” in place (a renewal), so its seats are not counted twice. It is checked against ${name} first and the outcome shown in full; nothing is sent to authentik until you press Replace key.`}
        </p>
        {step === 'key' ? <InstallKeyStep /> : step === 'preflight' ? <InstallPreflightStep /> : <InstallOutcomeStep />}
      </div>
    </ModalDialog>
  );
}
