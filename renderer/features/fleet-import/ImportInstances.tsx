import { ModalDialog } from '../../ui/ModalDialog';
import { ImportDialogBody } from './ImportDialogBody';
import { useImportScreen } from './import-screen';
import './fleet-import.css';

/** "Import instances…", for the dashboard's toolbar. */
export function ImportInstancesButton() {
  const opened = useImportScreen((state) => state.opened);
  return (
    <button type="button" onClick={opened}>
      Import instances…
    </button>
  );
}

/**
 * The import dialog: a CSV or fleet file, checked, then each row tested and added as Add does. Placed apart
 * from the button, so that a toolbar drawn anew while instances are added does not take it away.
 */
export function ImportInstancesDialog() {
  const open = useImportScreen((state) => state.open);
  const closed = useImportScreen((state) => state.closed);
  return (
    <ModalDialog
      open={open}
      onDismiss={closed}
      labelledBy="import-instances-title"
      describedBy="import-instances-intro"
      className="dialog dialog--import"
    >
      {/* Mounted only while open: typed tokens live no longer than the dialog. */}
      <ImportDialogBody onClose={closed} />
    </ModalDialog>
  );
}
