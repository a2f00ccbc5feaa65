import { useEffect, useRef, type FormEvent } from 'react';
import { selectAddFormProblems } from '../../store/instance-selectors';
import { useInstances } from '../../store/instances-context';
import { InstanceFields } from './InstanceFields';
import { ModalDialog } from './ModalDialog';

/** Name, address, token, customer, tags and an optional CA; "Test and save" adds it only if it connects. */
export function AddInstanceDialog() {
  const open = useInstances((state) => state.addDialogOpen);
  const form = useInstances((state) => state.addForm);
  const problems = useInstances(selectAddFormProblems);
  const testing = useInstances((state) => state.addTesting);
  const addProblem = useInstances((state) => state.addProblem);
  const addFormEdited = useInstances((state) => state.addFormEdited);
  const caFileName = useInstances((state) => state.caFileName);
  const ca = useInstances((state) => state.ca);
  const caFileChosen = useInstances((state) => state.caFileChosen);
  const addDialogClosed = useInstances((state) => state.addDialogClosed);
  const instanceAddRequested = useInstances((state) => state.instanceAddRequested);
  const formRef = useRef<HTMLFormElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);

  // The refusal appears at the foot of a form that may be scrolled: bring it and the buttons into view.
  useEffect(() => {
    if (addProblem !== null) actionsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [addProblem]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    await instanceAddRequested();
    // After the render that marks them, take the person to the first field to fix.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <ModalDialog open={open} onDismiss={addDialogClosed} labelledBy="add-instance-title" describedBy="add-instance-intro" className="dialog dialog--form">
      <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
        <h2 id="add-instance-title">Add an authentik instance</h2>
        <p id="add-instance-intro" className="hint">
          The connection is tested first; nothing is saved unless authentik answers with this token.
        </p>
        <InstanceFields
          idPrefix="add"
          form={form}
          problems={problems}
          onEdit={addFormEdited}
          tokenHint="Stored only in this computer’s token vault, encrypted with a key the OS keychain holds, and never shown again. Use a token of a user allowed to view and install licenses."
          tokenRequired
          caFileName={caFileName}
          ca={ca}
          onCaFile={(file) => void caFileChosen(file)}
        />
        {addProblem !== null && (
          <div className="problem" role="alert">
            <strong>The instance was not added.</strong> {addProblem}
          </div>
        )}
        <p className="notice" role="status">
          {testing ? 'Testing connection…' : ''}
        </p>
        <div ref={actionsRef} className="dialog__actions">
          <button type="button" onClick={addDialogClosed}>
            Cancel
          </button>
          <button type="submit" className="primary" aria-disabled={testing}>
            {testing ? 'Testing connection…' : 'Test and save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
