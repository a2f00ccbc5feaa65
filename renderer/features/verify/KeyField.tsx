import { selectKeyMasked } from '../../store/verify';
import { useVerify } from '../../store/verify-context';
import { KeyInput } from '../license-key/KeyInput';

/** Paste a key, drop a key file or choose one; masked once verified until the user reveals it. */
export function KeyField() {
  const key = useVerify((state) => state.key);
  const fileName = useVerify((state) => state.fileName);
  const masked = useVerify(selectKeyMasked);
  const revealed = useVerify((state) => state.keyRevealed && state.verdict !== null);
  const keyEdited = useVerify((state) => state.keyEdited);
  const keyFileChosen = useVerify((state) => state.keyFileChosen);
  const keyRevealToggled = useVerify((state) => state.keyRevealToggled);
  const keyCleared = useVerify((state) => state.keyCleared);
  return (
    <KeyInput
      id="license-key"
      testId="key-drop-zone"
      value={key}
      fileName={fileName}
      masked={masked}
      revealed={revealed}
      hint="The key is checked on this computer and never sent anywhere."
      onEdited={keyEdited}
      onFileChosen={(file) => void keyFileChosen(file)}
      onCleared={keyCleared}
      onRevealToggled={keyRevealToggled}
    />
  );
}
