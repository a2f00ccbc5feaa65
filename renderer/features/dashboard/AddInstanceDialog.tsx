import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { useInstanceRows } from '../../queries/instance-list';
import { instanceFormProblems, type InstanceForm, type InstanceFormProblems } from '../../store/instance-form';
import { useDashboardScreen, type AddDialog } from './dashboard-screen';
import { InstanceFields } from './InstanceFields';
import { InstanceFormFoot } from './InstanceFormFoot';
import { ModalDialog } from '../../ui/ModalDialog';
import { useAddInstance } from './mutations';
import { useCaField, withCaProblem } from './use-ca-view';

const NO_PROBLEMS: InstanceFormProblems = {};

/** Name, address, token, customer, tags and an optional CA; "Test and save" adds it only if it connects. */
export function AddInstanceDialog() {
  const dialog = useDashboardScreen((state) => state.add);
  const addDialogClosed = useDashboardScreen((state) => state.addDialogClosed);
  return (
    <ModalDialog
      open={dialog.open}
      onDismiss={addDialogClosed}
      labelledBy="add-instance-title"
      describedBy="add-instance-intro"
      className="dialog dialog--form"
    >
      {dialog.open && <AddInstanceForm dialog={dialog} />}
    </ModalDialog>
  );
}

/**
 * The form of an open Add dialog, shown (and its hooks alive) only while the dialog is open: each opening
 * starts without the last one's refusal, and what was still being read for a closed one is not its any more.
 */
function AddInstanceForm({ dialog }: { dialog: Extract<AddDialog, { open: true }> }) {
  const addFormEdited = useDashboardScreen((state) => state.addFormEdited);
  const addCaFileRead = useDashboardScreen((state) => state.addCaFileRead);
  const addDialogClosed = useDashboardScreen((state) => state.addDialogClosed);
  const addAttempted = useDashboardScreen((state) => state.addAttempted);
  const rows = useInstanceRows();
  const add = useAddInstance();
  const { form } = dialog;
  const { ca, fileChosen, pemEdited } = useCaField(form.caPem);
  const problemsNow = useMemo(
    () =>
      withCaProblem(
        instanceFormProblems(
          form,
          rows.map((row) => row.name),
          'required',
        ),
        form,
        ca,
      ),
    [form, rows, ca],
  );
  const problems = dialog.attempted ? problemsNow : NO_PROBLEMS;
  const testing = add.isPending;
  const addProblem = add.error?.message ?? null;
  const formRef = useRef<HTMLFormElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);

  // The refusal appears at the foot of a form that may be scrolled: bring it and the buttons into view.
  useEffect(() => {
    if (addProblem !== null) actionsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [addProblem]);

  const edited = (change: Partial<InstanceForm>): void => {
    addFormEdited(change);
    if (change.caPem !== undefined) pemEdited();
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (testing) return;
    addAttempted();
    if (Object.keys(problemsNow).length === 0) await add.mutateAsync(form).catch(() => undefined);
    // After the render that marks them, take the person to the first field to fix.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
      <h2 id="add-instance-title">Add an authentik instance</h2>
      <p id="add-instance-intro" className="hint">
        The connection is tested first; nothing is saved unless authentik answers with this token.
      </p>
      <InstanceFields
        idPrefix="add"
        form={form}
        problems={problems}
        onEdit={edited}
        tokenHint="Stored only in this computer’s token vault, encrypted with a key the OS keychain holds, and never shown again. Use a token of a user allowed to view and install licenses."
        tokenRequired
        caFileName={dialog.caFileName}
        ca={ca}
        onCaFile={(file) => fileChosen(file, (pem) => addCaFileRead(pem, file.name))}
      />
      <InstanceFormFoot
        lead="The instance was not added."
        problem={addProblem}
        busy={testing}
        label="Test and save"
        busyLabel="Testing connection…"
        onCancel={addDialogClosed}
        actionsRef={actionsRef}
      />
    </form>
  );
}
