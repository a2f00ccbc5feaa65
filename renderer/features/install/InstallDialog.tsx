import { useRef } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { InstallKeyStep } from './InstallKeyStep';
import { InstallOutcomeStep } from './InstallOutcomeStep';
import { InstallPreflightStep } from './InstallPreflightStep';
import { useInstallScreen } from './install-screen';
import { useInstallKey, usePreflightInstall } from './mutations';
import { useStepFocus } from '../../ui/use-step-focus';

const TITLE_ID = 'install-title';

/**
 * "Install a license on NAME": the key, the preflight in full, then one install on confirmation. An outcome
 * that arrives once the dialog is closed goes to `onLateOutcome` (the app shell passes the dashboard's notice).
 */
export function InstallDialog({ onLateOutcome }: { onLateOutcome: (text: string) => void }) {
  const dialog = useInstallScreen((state) => state.dialog);
  const installDialogClosed = useInstallScreen((state) => state.installDialogClosed);
  // Held here, above the steps, so a check started on one step is still this dialog's on the next.
  const preflight = usePreflightInstall();
  const install = useInstallKey(onLateOutcome);
  const body = useRef<HTMLDivElement>(null);
  const step = dialog.open ? dialog.flow.step : 'key';
  useStepFocus(body, dialog.open ? `${dialog.instanceId}:${step}` : null, TITLE_ID);
  const closed = (): void => {
    preflight.reset();
    install.reset();
    installDialogClosed();
  };
  return (
    <ModalDialog
      open={dialog.open}
      onDismiss={closed}
      labelledBy={TITLE_ID}
      describedBy="install-intro"
      className="dialog dialog--wide"
    >
      {dialog.open && (
        <div ref={body} className="install-dialog" data-step={step}>
          <h2 id={TITLE_ID} tabIndex={-1}>
            {dialog.replaces === null
              ? `Install a license on ${dialog.instanceName}`
              : `Replace the key of “${dialog.replaces.name}” on ${dialog.instanceName}`}
          </h2>
          <p id="install-intro" className="hint">
            {dialog.replaces === null
              ? `The key is checked against ${dialog.instanceName} first and the outcome shown in full; nothing is sent to authentik until you press Install.`
              : `The new key replaces “${dialog.replaces.name}” in place (a renewal), so its seats are not counted twice. It is checked against ${dialog.instanceName} first and the outcome shown in full; nothing is sent to authentik until you press Replace key.`}
          </p>
          {dialog.flow.step === 'key' ? (
            <InstallKeyStep dialog={dialog} flow={dialog.flow} preflight={preflight} onClose={closed} />
          ) : dialog.flow.step === 'preflight' ? (
            <InstallPreflightStep
              dialog={dialog}
              flow={dialog.flow}
              preflight={preflight}
              install={install}
              onClose={closed}
            />
          ) : (
            <InstallOutcomeStep dialog={dialog} flow={dialog.flow} onClose={closed} />
          )}
        </div>
      )}
    </ModalDialog>
  );
}
