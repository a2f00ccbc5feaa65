import { useEffect, useRef, type FormEvent } from 'react';
import { selectEditFormProblems, selectEditTestsConnection } from '../../store/edit-instance';
import { useEditInstance } from '../../store/edit-instance-context';
import { InstanceFields } from './InstanceFields';
import { ModalDialog } from './ModalDialog';

/** The saved settings of an instance, changed and saved together; a new address, token or CA is tested first. */
export function EditInstanceDialog() {
  const editId = useEditInstance((state) => state.editId);
  const loading = useEditInstance((state) => state.editLoading);
  const loadProblem = useEditInstance((state) => state.editLoadProblem);
  const savedName = useEditInstance((state) => state.saved.name);
  const form = useEditInstance((state) => state.form);
  const hasToken = useEditInstance((state) => state.hasToken);
  const problems = useEditInstance(selectEditFormProblems);
  const testsConnection = useEditInstance(selectEditTestsConnection);
  const saving = useEditInstance((state) => state.saving);
  const saveProblem = useEditInstance((state) => state.saveProblem);
  const caFileName = useEditInstance((state) => state.caFileName);
  const ca = useEditInstance((state) => state.ca);
  const editFormEdited = useEditInstance((state) => state.editFormEdited);
  const editCaFileChosen = useEditInstance((state) => state.editCaFileChosen);
  const editDialogClosed = useEditInstance((state) => state.editDialogClosed);
  const editSaveRequested = useEditInstance((state) => state.editSaveRequested);
  const formRef = useRef<HTMLFormElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saveProblem !== null) actionsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [saveProblem]);

  // Opened where the settings had to be read first: once they are in, the first field takes focus.
  const wasLoading = useRef(false);
  useEffect(() => {
    if (wasLoading.current && !loading && loadProblem === null) document.getElementById('edit-name')?.focus();
    wasLoading.current = loading;
  }, [loading, loadProblem]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    await editSaveRequested();
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const title = savedName === '' ? 'Edit instance' : `Edit ${savedName}`;
  return (
    <ModalDialog open={editId !== null} onDismiss={editDialogClosed} labelledBy="edit-instance-title" describedBy="edit-instance-intro" className="dialog dialog--form">
      {loading || loadProblem !== null ? (
        <div className="dialog-body">
          <h2 id="edit-instance-title">{title}</h2>
          {loadProblem === null ? (
            <p id="edit-instance-intro" role="status">
              Reading the saved settings…
            </p>
          ) : (
            <p id="edit-instance-intro" className="problem" role="alert">
              The saved settings could not be read: {loadProblem}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={editDialogClosed} data-autofocus>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form ref={formRef} noValidate onSubmit={(event) => void onSubmit(event)}>
          <h2 id="edit-instance-title">{title}</h2>
          <p id="edit-instance-intro" className="hint">
            A new address, token or CA is tested first; nothing changes unless authentik answers.
          </p>
          <InstanceFields
            idPrefix="edit"
            form={form}
            problems={problems}
            onEdit={editFormEdited}
            tokenHint={
              hasToken
                ? 'A token is saved in the token vault; leave empty to keep it. A token entered here replaces it, in the token vault only.'
                : 'No token in the token vault — enter one. It is kept only in this computer’s token vault, encrypted with a key the OS keychain holds.'
            }
            tokenRequired={!hasToken}
            caFileName={caFileName}
            ca={ca}
            onCaFile={(file) => void editCaFileChosen(file)}
          />
          {saveProblem !== null && (
            <div className="problem" role="alert">
              <strong>Nothing was changed.</strong> {saveProblem}
            </div>
          )}
          <p className="notice" role="status">
            {saving ? (testsConnection ? 'Testing connection…' : 'Saving…') : ''}
          </p>
          <div ref={actionsRef} className="dialog__actions">
            <button type="button" onClick={editDialogClosed}>
              Cancel
            </button>
            <button type="submit" className="primary" aria-disabled={saving}>
              {saving ? (testsConnection ? 'Testing connection…' : 'Saving…') : testsConnection ? 'Test and save' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
