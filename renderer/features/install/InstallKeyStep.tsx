import { selectCanCheck } from '../../store/install';
import { useInstall } from '../../store/install-context';
import { InstallKeyField } from './InstallKeyField';

/** Step 1: the key, then "Check" (the preflight reads the instance and sends nothing). */
export function InstallKeyStep() {
  const checking = useInstall((state) => state.checking);
  const canCheck = useInstall(selectCanCheck);
  const problem = useInstall((state) => state.problem);
  const installCheckRequested = useInstall((state) => state.installCheckRequested);
  const installDialogClosed = useInstall((state) => state.installDialogClosed);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void installCheckRequested();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void installCheckRequested();
        }
      }}
    >
      <InstallKeyField />
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p className="notice" role="status">
        {checking ? 'Checking…' : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" onClick={installDialogClosed}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={!canCheck} aria-keyshortcuts="Control+Enter">
          {checking ? 'Checking…' : 'Check'}
        </button>
      </div>
    </form>
  );
}
