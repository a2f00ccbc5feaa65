import { useInstall } from '../../store/install-context';
import { KeyInput } from '../license-key/KeyInput';

/** The key to install: pasted, dropped or chosen; hidden once checked and never shown again. */
export function InstallKeyField() {
  const key = useInstall((state) => state.key);
  const fileName = useInstall((state) => state.fileName);
  const masked = useInstall((state) => state.keyChecked);
  const name = useInstall((state) => state.instanceName);
  const installKeyEdited = useInstall((state) => state.installKeyEdited);
  const installKeyFileChosen = useInstall((state) => state.installKeyFileChosen);
  return (
    <KeyInput
      id="install-key"
      testId="install-key-drop-zone"
      value={key}
      fileName={fileName}
      masked={masked}
      autoFocus={!masked}
      hint={
        masked
          ? 'Hidden now that it is checked. Nothing has been sent to authentik yet.'
          : `Checked against ${name} first; sent to authentik only when you press Install.`
      }
      clearLabel={masked ? 'Use another key' : 'Clear'}
      onEdited={installKeyEdited}
      onFileChosen={(file) => void installKeyFileChosen(file)}
      onCleared={() => installKeyEdited('')}
    />
  );
}
