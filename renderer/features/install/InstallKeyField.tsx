import { readKeyFile } from '../../store/key-file';
import { KeyInput } from '../../ui/KeyInput';
import { useInstallScreen, type OpenInstallDialog } from './install-screen';
import type { PreflightRequest } from './mutations';

/** The key to install: pasted, dropped or chosen; hidden once checked and never shown again. A file's key is checked at once. */
export function InstallKeyField({
  dialog,
  locked,
  onCheck,
}: {
  dialog: OpenInstallDialog;
  locked: boolean;
  onCheck: (request: PreflightRequest) => void;
}) {
  const keyEdited = useInstallScreen((state) => state.keyEdited);
  const keyFileRead = useInstallScreen((state) => state.keyFileRead);
  const checkRequest = useInstallScreen((state) => state.checkRequest);
  const masked = dialog.keyChecked;
  // While the key is being installed it is the one sent: it cannot change under the request.
  const edited = (key: string): void => {
    if (!locked) keyEdited(key);
  };
  const fileChosen = async (file: File): Promise<void> => {
    if (locked) return;
    const read = await readKeyFile(file);
    if (!keyFileRead(dialog.attempt, read, file.name)) return;
    const request = checkRequest();
    if (request !== null) onCheck(request);
  };
  return (
    <KeyInput
      id="install-key"
      testId="install-key-drop-zone"
      value={dialog.key}
      fileName={dialog.fileName}
      masked={masked}
      autoFocus={!masked}
      hint={
        masked
          ? 'Hidden now that it is checked. Nothing has been sent to authentik yet.'
          : `Checked against ${dialog.instanceName} first; sent to authentik only when you press Install.`
      }
      clearLabel={masked ? 'Use another key' : 'Clear'}
      onEdited={edited}
      onFileChosen={(file) => void fileChosen(file)}
      onCleared={() => edited('')}
    />
  );
}
