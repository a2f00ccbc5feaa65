import { useState } from 'react';
import { useInstanceDetail } from '../../queries/instance-detail';
import { dashboardNoticeShown } from './dashboard-screen';
import { EditInstanceForm } from './EditInstanceForm';
import { useEditInstanceScreen } from './edit-instance-screen';
import { ModalDialog } from '../../ui/ModalDialog';

/**
 * The saved settings of an instance, changed and saved together; a new address, token or CA is tested
 * first. Opens from what main last said of the instance (the page's read when it is at hand). What a save
 * did is said where the dialog was opened: `onSaved` (an instance's page), else the dashboard's notice.
 */
export function EditInstanceDialog({ onSaved = dashboardNoticeShown }: { onSaved?: (notice: string) => void }) {
  const editingId = useEditInstanceScreen((state) => state.editingId);
  const editDialogClosed = useEditInstanceScreen((state) => state.editDialogClosed);
  return (
    <ModalDialog
      open={editingId !== null}
      onDismiss={editDialogClosed}
      labelledBy="edit-instance-title"
      describedBy="edit-instance-intro"
      className="dialog dialog--form"
    >
      {editingId !== null && (
        <EditInstanceBody key={editingId} id={editingId} onSaved={onSaved} onClose={editDialogClosed} />
      )}
    </ModalDialog>
  );
}

function EditInstanceBody({
  id,
  onSaved,
  onClose,
}: {
  id: string;
  onSaved: (notice: string) => void;
  onClose: () => void;
}) {
  const { data: detail, error } = useInstanceDetail(id);
  // Opened where the settings had to be read first: once they are in, the first field takes focus.
  const [readFirst] = useState(detail === undefined);
  if (detail !== undefined)
    return <EditInstanceForm id={id} detail={detail} focusFirst={readFirst} onSaved={onSaved} onClose={onClose} />;
  return (
    <div className="dialog-body">
      <h2 id="edit-instance-title">Edit instance</h2>
      {error === null ? (
        <p id="edit-instance-intro" role="status">
          Reading the saved settings…
        </p>
      ) : (
        <p id="edit-instance-intro" className="problem" role="alert">
          The saved settings could not be read: {error.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </div>
  );
}
