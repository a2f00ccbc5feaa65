import type { usePreflightInstall } from './mutations';
import { InstallKeyField } from './InstallKeyField';
import { useInstallScreen, type InstallStep, type OpenInstallDialog } from './install-screen';
import { ActionFeedback } from '../../ui/ActionFeedback';

type Preflight = ReturnType<typeof usePreflightInstall>;

/** Step 1: the key, then "Check" (the preflight reads the instance and sends nothing). */
export function InstallKeyStep(props: {
  dialog: OpenInstallDialog;
  flow: Extract<InstallStep, { step: 'key' }>;
  preflight: Preflight;
  onClose: () => void;
}) {
  const { dialog, flow, preflight, onClose } = props;
  const checkRequest = useInstallScreen((state) => state.checkRequest);
  // Only a check of the key and instance shown now counts: one for an older key was dropped.
  const asked = preflight.variables;
  const current = asked !== undefined && asked.attempt === dialog.attempt && asked.instanceId === dialog.instanceId;
  const checking = current && preflight.isPending;
  const problem = flow.problem ?? (current ? (preflight.error?.message ?? null) : null);
  const canCheck = dialog.key.trim() !== '' && !checking;
  const check = (): void => {
    const request = checkRequest();
    if (request !== null && canCheck) preflight.mutate(request);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          check();
        }
      }}
    >
      <InstallKeyField dialog={dialog} locked={false} onCheck={(request) => preflight.mutate(request)} />
      <ActionFeedback problem={problem} status={checking ? 'Checking…' : ''} />
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={!canCheck} aria-keyshortcuts="Control+Enter">
          {checking ? 'Checking…' : 'Check'}
        </button>
      </div>
    </form>
  );
}
