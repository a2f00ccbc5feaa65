import { useEffect, useRef, type FormEvent } from 'react';
import { selectAddFormProblems } from '../../store/instance-selectors';
import { useInstances } from '../../store/instances-context';
import { CaField } from './CaField';
import { ModalDialog } from './ModalDialog';
import { TextField } from './TextField';

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
        <TextField
          id="add-name"
          label="Name"
          value={form.name}
          onValue={(name) => addFormEdited({ name })}
          problem={problems.name}
          autoComplete="off"
          required
          data-autofocus
        />
        <TextField
          id="add-url"
          label="URL"
          type="url"
          inputMode="url"
          value={form.url}
          onValue={(url) => addFormEdited({ url })}
          problem={problems.url}
          hint="The address you open authentik at, starting with https:// (or http://)."
          placeholder="https://auth.example.com"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          id="add-token"
          label="API token"
          type="password"
          value={form.token}
          onValue={(token) => addFormEdited({ token })}
          problem={problems.token}
          hint="Stored only in this computer’s OS keychain, never in a file, and never shown again. Use a token of a user allowed to view and install licenses."
          hintAlways
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          id="add-customer"
          label="Customer (optional)"
          value={form.customer}
          onValue={(customer) => addFormEdited({ customer })}
          problem={problems.customer}
          autoComplete="off"
        />
        <TextField
          id="add-tags"
          label="Tags (optional)"
          value={form.tags}
          onValue={(tags) => addFormEdited({ tags })}
          problem={problems.tags}
          hint="Separate tags with commas, such as production, eu-west."
          autoComplete="off"
        />
        <CaField
          idPrefix="add"
          caPem={form.caPem}
          caFileName={caFileName}
          ca={ca}
          problem={problems.caPem}
          onPem={(caPem) => addFormEdited({ caPem })}
          onFile={(file) => void caFileChosen(file)}
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
